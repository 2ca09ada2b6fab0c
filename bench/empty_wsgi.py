"""The app server's ceiling for reads_beacon.py: a WSGI application that reads
the body and answers 204, checking and counting nothing.

granian loads it as `bench.empty_wsgi:application`.
"""


def application(environ, start_response):
    environ["wsgi.input"].read()
    start_response("204 No Content", [("Cache-Control", "no-store"), ("Content-Length", "0")])
    return [b""]

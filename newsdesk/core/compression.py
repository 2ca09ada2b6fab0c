"""gzip for the responses the page cache does not hold: search, the API, comments, the admin.

Stored pages carry their own gzipped copy (pagecache.store.Entry), which this
leaves alone. Django's GZipMiddleware pads each body against BREACH; this only
keeps it off files that are compressed already (pictures, PDFs, archives).
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
TEXT_SUFFIXES = ("+json", "+xml")


def _text(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type.startswith(TEXT_TYPES) or media_type.endswith(TEXT_SUFFIXES)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not _text(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)

"""Send anonymous readers' queries to PostgreSQL read replicas, everything else to the primary.

A request with a session (an editor, a reader who has signed in) or one that
writes reads from the primary, so it always sees its own changes; so does
code outside a request (the worker, management commands). Django's
get_or_create and select_for_update read through the write database anyway.
"""

import random
from contextvars import ContextVar

from django.conf import settings

_replica_reads = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = settings.NEWSDESK_READ_REPLICAS
        if replicas and _replica_reads.get():
            return random.choice(replicas)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Let an anonymous GET or HEAD read from a replica for the length of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reader = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        token = _replica_reads.set(reader)
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)

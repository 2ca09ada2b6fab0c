"""Which database a request's reads go to once read replicas are configured."""

from django.conf import settings as django_settings
from django.db import router
from django.http import HttpResponse

from newsdesk.articles.models import ArticlePage
from newsdesk.core.replicas import ReplicaReadsMiddleware


def reads_go_to(request) -> str:
    chosen = []

    def view(request):
        chosen.append(router.db_for_read(ArticlePage))
        return HttpResponse()

    ReplicaReadsMiddleware(view)(request)
    return chosen[0]


def test_anonymous_readers_read_from_a_replica_and_everyone_else_from_the_primary(rf, settings):
    settings.NEWSDESK_READ_REPLICAS = ["replica1"]
    assert reads_go_to(rf.get("/world/")) == "replica1"
    assert reads_go_to(rf.head("/world/")) == "replica1"
    assert reads_go_to(rf.post("/comments/1/post/")) == "default"
    signed_in = rf.get("/world/")
    signed_in.COOKIES[django_settings.SESSION_COOKIE_NAME] = "a-session"
    assert reads_go_to(signed_in) == "default"
    # The worker and management commands run outside any request.
    assert router.db_for_read(ArticlePage) == "default"
    assert router.db_for_write(ArticlePage) == "default"


def test_without_replicas_everything_reads_from_the_primary(rf, settings):
    settings.NEWSDESK_READ_REPLICAS = []
    assert reads_go_to(rf.get("/world/")) == "default"

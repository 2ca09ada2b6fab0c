"""Views and a tagger for the page cache's own tests: each render is counted."""

import threading

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import cache_control

from newsdesk.core.pagecache import page_max_age_limit, page_tags_add


class Renders:
    """What the views render and how often; a test sets `text` and `failing`."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.count = 0
        self.text = "first edition"
        self.failing = False
        self.entered = threading.Event()
        self.release = threading.Event()
        self.release.set()


renders = Renders()


def story(request):
    if renders.failing:
        return HttpResponse("the database is down", status=503)
    renders.entered.set()
    renders.release.wait(timeout=30)
    renders.count += 1
    page_tags_add("story-1", "section-2")
    return HttpResponse(f"<p>{renders.text}</p>")


def ranking(request):
    page_max_age_limit(20)
    page_max_age_limit(40)
    return HttpResponse("<ol><li>most read</li></ol>")


def with_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


def with_csrf_token(request):
    return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')


@cache_control(private=True)
def private(request):
    return HttpResponse("yours only")


def not_a_page(request):
    return HttpResponse("an endpoint the tagger does not know")


def tagger(request, response, shown):
    if request.path == "/not-a-page/":
        return None
    return {"all", *shown}

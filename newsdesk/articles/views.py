from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from taggit.models import Tag
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from newsdesk.core.kept_rows import KeptRow
from newsdesk.core.pagecache.fragments import process_kept
from newsdesk.core.pagination import window_of
from newsdesk.core.sites import kept_site

from .models import ArticlePage, Author, HomePage
from .selectors import articles_by_author, articles_by_tag
from .sitemaps import news_sitemap_stories


@dataclass(frozen=True)
class _KeptRoute:
    page: KeptRow
    context: tuple[tuple[str, tuple[KeptRow, ...]], ...]  # what its get_context would load

    def result(self) -> RouteResult:
        page = self.page.instance()
        if self.context:
            page.kept_context = {
                name: [row.instance() for row in rows] for name, rows in self.context
            }
        return RouteResult(page)


def _route_load(root_path: str, components: tuple[str, ...]) -> _KeptRoute | None:
    route = HomePage.route_below(root_path=root_path, path_components=list(components))
    if route is None:
        return None
    page = route.page
    context = ()
    if isinstance(page, ArticlePage):
        context = tuple(
            (name, tuple(KeptRow.of(item) for item in items))
            for name, items in page.context_load().items()
        )
    return _KeptRoute(page=KeptRow.of(page), context=context)


def reader_request(request) -> bool:
    """Whether a request is a reader's, which may be given what this process keeps.

    As for replica reads: an editor's request (with a session) or a preview
    always reads and renders afresh.
    """
    if getattr(request, "is_preview", False):
        return False
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def page_serve(request, path):
    """Wagtail's page view, routing a section or story from the kept site in one query.

    Wagtail looks the site up, loads its home page, then the page; a section's
    or story's path finds it alone. A reader's request takes the row from this
    process's kept copy (fragments.py: every publish, unpublish, move or
    delete clears it, and so does any save here of a page, image or byline). Anything
    else, or a path that finds no live page, takes Wagtail's way.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        site = kept_site(request)
        if site is not None and site.root_class is HomePage:
            components = tuple(component for component in path.split("/") if component)
            if not 1 <= len(components) <= 2:
                route = None
            elif reader_request(request):
                kept = process_kept(
                    name="route",
                    key=(site.root_path, components),
                    load=lambda: _route_load(site.root_path, components),
                )
                route = None if kept is None else kept.result()
            else:
                route = HomePage.route_below(
                    root_path=site.root_path, path_components=list(components)
                )
            if route is not None:
                request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    stories = window_of(
        request=request,
        items=articles_by_author(author=author),
        per_page=settings.NEWSDESK_PAGE_SIZE,
    )
    return render(request, "articles/author_detail.html", {"author": author, "stories": stories})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    stories = window_of(
        request=request, items=articles_by_tag(slug=tag.slug), per_page=settings.NEWSDESK_PAGE_SIZE
    )
    return render(request, "articles/tag_detail.html", {"tag": tag, "stories": stories})


def _site_root(request) -> str:
    return Site.find_for_request(request).root_url


@cache_control(public=True, max_age=300)
def news_sitemap(request):
    return render(
        request,
        "articles/news_sitemap.xml",
        {"stories": news_sitemap_stories(), "base_url": _site_root(request)},
        content_type="application/xml; charset=utf-8",
    )


@cache_control(public=True, max_age=3600)
def robots_txt(request):
    return render(
        request,
        "articles/robots.txt",
        {"base_url": _site_root(request)},
        content_type="text/plain; charset=utf-8",
    )

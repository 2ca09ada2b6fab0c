from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from taggit.models import Tag
from wagtail.models import Site

from newsdesk.core.pagination import window_of

from .models import Author
from .selectors import articles_by_author, articles_by_tag
from .sitemaps import news_sitemap_stories


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

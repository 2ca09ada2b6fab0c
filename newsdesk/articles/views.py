from django.conf import settings
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsdesk.core.pagination import page_of

from .models import Author
from .selectors import articles_by_author, articles_by_tag


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    stories = page_of(
        request=request,
        items=articles_by_author(author=author),
        per_page=settings.NEWSDESK_PAGE_SIZE,
    )
    return render(request, "articles/author_detail.html", {"author": author, "stories": stories})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    stories = page_of(
        request=request, items=articles_by_tag(slug=tag.slug), per_page=settings.NEWSDESK_PAGE_SIZE
    )
    return render(request, "articles/tag_detail.html", {"tag": tag, "stories": stories})

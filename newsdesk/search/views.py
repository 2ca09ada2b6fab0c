from django.conf import settings
from django.shortcuts import render

from newsdesk.core.pagination import page_of

from .forms import SearchForm
from .selectors import search_hits, stories_search


def search_page(request):
    """The search page: a form, then results with marked passages, or why there are none."""
    form = SearchForm(request.GET)
    context = {"form": form, "searched": False}
    if not form.is_valid():
        return render(request, "search/search_page.html", context, status=400)
    if form.is_blank:
        return render(request, "search/search_page.html", context)
    criteria = form.cleaned_data
    results = stories_search(
        query=criteria["q"],
        section=criteria["section"],
        published_from=criteria["published_from"],
        published_to=criteria["published_to"],
    )
    page_obj = page_of(request=request, items=results, per_page=settings.NEWSDESK_PAGE_SIZE)
    context |= {
        "searched": True,
        "query": criteria["q"],
        "filtered": any(criteria[name] for name in ("section", "published_from", "published_to")),
        "page_obj": page_obj,
        "hits": search_hits(stories=page_obj.object_list, query=criteria["q"]),
    }
    return render(request, "search/search_page.html", context)

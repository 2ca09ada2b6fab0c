"""The read-only endpoints, on Wagtail's API v2 viewsets with fixed fields and checked input.

Each endpoint answers GET and HEAD only (anything else is a 405), renders
JSON whatever the Accept header says, sets the session aside so no answer
sets or varies on a cookie, and answers bad input with a 400 carrying
{"message": ...}.
"""

from django.http import Http404
from django.urls import path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import conditional_page
from rest_framework import exceptions, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from newsdesk.articles.models import ArticlePage, Author, SectionPage

from . import selectors
from .pagination import LimitOffsetPagination
from .params import parameters_check, slug_value
from .serializers import (
    AuthorSerializer,
    SectionSerializer,
    StoryDetailSerializer,
    StorySerializer,
)

# Seconds a proxy or app may reuse an answer. Rankings move by the minute;
# stories, sections and authors change when an editor publishes.
RANKING_MAX_AGE = 60
STORY_MAX_AGE = 300
DIRECTORY_MAX_AGE = 3600
STALE_WHILE_REVALIDATE = 60
STALE_IF_ERROR = 24 * 3600
LARGEST_ID = 2**63 - 1


class JSONWhateverAccepted(BaseContentNegotiation):
    """There is one format; a client asking for another still gets JSON, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ReadOnlyEndpoint(BaseAPIViewSet):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONWhateverAccepted
    # No authentication: request.user stays anonymous and the session is never read.
    authentication_classes = []
    permission_classes = []
    http_method_names = ["get", "head"]
    pagination_class = LimitOffsetPagination
    listing_parameters = frozenset({"limit", "offset"})
    detail_parameters = frozenset()
    serializer_class = None
    detail_serializer_class = None
    max_age = STORY_MAX_AGE

    def initialize_request(self, request, *args, **kwargs):
        # Answers are public and shared through caches, so none may vary by, refresh or
        # set a visitor's session cookie. Without request.session, Django's session
        # middleware leaves the response alone (earlier middleware may have read it).
        request.__dict__.pop("session", None)
        return super().initialize_request(request, *args, **kwargs)

    def get_serializer_class(self):
        if self.action == "detail_view":
            return self.detail_serializer_class or self.serializer_class
        return self.serializer_class

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents for people reading it in a browser.
        return super(BaseAPIViewSet, self).get_renderer_context()

    def check_query_parameters(self, queryset=None):
        known = self.detail_parameters if self.action == "detail_view" else self.listing_parameters
        parameters_check(query=self.request.query_params, known=known)

    def listing_view(self, request):
        self.check_query_parameters()
        items = self.paginate_queryset(self.get_queryset())
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        self.check_query_parameters()
        if pk > LARGEST_ID:  # the database would refuse to compare it, as an error
            raise Http404("No such id.")
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # Wagtail answers 400 and 404 as {"message": ...}; so do the rest (405, ...).
        if isinstance(exc, exceptions.APIException):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == status.HTTP_200_OK:
            patch_cache_control(
                response,
                public=True,
                max_age=self.max_age,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
                stale_if_error=STALE_IF_ERROR,
            )
        return response

    @classmethod
    def get_urlpatterns(cls):
        # conditional_page adds an ETag from the body and answers If-None-Match with a 304.
        return [
            path("", conditional_page(cls.as_view({"get": "listing_view"})), name="listing"),
            path("<int:pk>/", conditional_page(cls.as_view({"get": "detail_view"})), name="detail"),
        ]


def _found(query, name: str, lookup):
    """Return what a slug filter names, or refuse the request when nothing answers to it."""
    slug = slug_value(query=query, name=name)
    if slug is None:
        return None
    found = lookup(slug)
    if found is None:
        raise BadRequestError(f"no {name} has the slug {slug!r}")
    return found


class StoriesEndpoint(ReadOnlyEndpoint):
    """Published stories, newest first, optionally of one section, author or tag."""

    name = "stories"
    model = ArticlePage
    serializer_class = StorySerializer
    detail_serializer_class = StoryDetailSerializer
    listing_parameters = ReadOnlyEndpoint.listing_parameters | {"section", "author", "tag"}
    # Wagtail's own parameter: rich text in the body as html (the default), markdown, ...
    detail_parameters = frozenset({"rich_text_format"})

    def get_queryset(self):
        if self.action == "detail_view":
            return selectors.stories_for_detail()
        query = self.request.query_params
        return selectors.stories_for_api(
            section=_found(query, "section", selectors.section_by_slug),
            author=_found(query, "author", selectors.author_by_slug),
            tag=_found(query, "tag", selectors.tag_by_slug),
        )


class SectionsEndpoint(ReadOnlyEndpoint):
    """The sections readers may open, in the site's order."""

    name = "sections"
    model = SectionPage
    serializer_class = SectionSerializer
    max_age = DIRECTORY_MAX_AGE

    def get_queryset(self):
        return selectors.sections_live()


class AuthorsEndpoint(ReadOnlyEndpoint):
    """Authors with at least one published story, by name."""

    name = "authors"
    model = Author
    serializer_class = AuthorSerializer
    max_age = DIRECTORY_MAX_AGE

    def get_queryset(self):
        return selectors.authors_for_api()


class RankingEndpoint(ReadOnlyEndpoint):
    """A ranked list of stories; paged like the others, at most RANKING_LENGTH long."""

    model = ArticlePage
    serializer_class = StorySerializer
    max_age = RANKING_MAX_AGE

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", conditional_page(cls.as_view({"get": "listing_view"})), name="listing"),
        ]


class PopularNowEndpoint(RankingEndpoint):
    """The week's stories most read lately, with editors' pins in their places."""

    name = "popular-now"

    def get_queryset(self):
        return selectors.stories_popular_now()


class WeeklyBestEndpoint(RankingEndpoint):
    """The most read stories first published in the last 7 days, site-wide or of a section."""

    name = "weekly-best"
    listing_parameters = RankingEndpoint.listing_parameters | {"section"}

    def get_queryset(self):
        query = self.request.query_params
        section = _found(query, "section", selectors.section_by_slug)
        return selectors.stories_weekly_best(section=section)

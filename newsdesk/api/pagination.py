"""Limit/offset paging in the envelope of Wagtail's API: {"meta": {"total_count"}, "items"}."""

from django.db.models import QuerySet
from wagtail.api.v2.pagination import WagtailPagination

from .params import bounded_number

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
# Deep offsets make the database walk and discard rows; an archive is walked by
# narrowing with filters, or through the sitemap.
MAX_OFFSET = 10_000


class LimitOffsetPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        query = request.query_params
        limit = bounded_number(query=query, name="limit", default=DEFAULT_LIMIT, maximum=MAX_LIMIT)
        offset = bounded_number(query=query, name="offset", default=0, maximum=MAX_OFFSET)
        self.view = view
        self.total_count = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        return list(queryset[offset : offset + limit])

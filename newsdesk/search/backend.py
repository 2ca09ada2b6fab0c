"""Wagtail's database search backend, with the queryset's own order breaking ties.

The stock backends (SQLite FTS5, PostgreSQL full text, MySQL) order results
by score and then by primary key. Stories should tie-break newest first, so
when a queryset that is already ordered is searched by relevance, its order
becomes the second key. Configured as WAGTAILSEARCH_BACKENDS' default.
"""

from wagtail.search.backends.database import SearchBackend as database_backend


class OwnOrderBreaksTies:
    def search(self, config, start, stop, score_field=None, **kwargs):
        own_order = self.queryset.query.order_by
        queryset = super().search(config, None, None, score_field=score_field, **kwargs)
        if self.order_by_relevance and own_order and queryset.query.order_by:
            # The backend's first key is the score, whatever its direction.
            queryset = queryset.order_by(queryset.query.order_by[0], *own_order)
        return queryset[start:stop]


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    backend = database_backend(params)
    compiler = backend.query_compiler_class
    # The plain-LIKE fallback backend has no compiler-side search to extend.
    if hasattr(compiler, "search"):
        backend.query_compiler_class = type(compiler.__name__, (OwnOrderBreaksTies, compiler), {})
    return backend

"""Rendered pieces that many pages share (rails, navigation), kept in each process.

A piece rendered with the page cache off costs the same queries and template
work on every page; kept here, it is rendered once per change instead. It is
reused only while nothing has been cleared since it was rendered: its version
is the page store's generation, which every clearing moves for all processes
once the change commits, and this process's own count of clearings, moved at
once (so a render racing an uncommitted change is never kept past it). Both
are read before the piece's data is. The page-cache tags and max age a piece
recorded are given again to every page that reuses it, so the page cache keeps
clearing those pages as before. A piece also lives at most
NEWSDESK_FRAGMENT_SECONDS (and never longer than the max age it recorded),
which bounds anything that changes without a clearing.

A piece must hold nothing of one visitor or one request: key it by everything
it shows that differs between pages.
"""

import contextlib
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import request_finished, request_started, setting_changed
from django.dispatch import receiver
from django.utils.safestring import SafeString, mark_safe

from .collector import collecting, page_max_age_limit, page_tags_add
from .store import page_store

# A story page keeps about four (its rails and comments); this bounds memory on a long archive.
MAX_PIECES = 2048
# Kept values (a site; rows a story is routed to, with its body) may be larger: fewer of them.
MAX_VALUES = 512


@dataclass(frozen=True)
class _Piece:
    html: SafeString
    tags: frozenset[str]
    max_age: int | None


@dataclass(frozen=True)
class _Kept:
    version: tuple
    expires: float
    value: object  # a _Piece, or what process_kept's load returned


_pieces: dict[tuple[str, Hashable], _Kept] = {}
_values: dict[tuple[str, Hashable], _Kept] = {}
_clearings = [0]  # this process's clearings; a list so every importer shares one count
_request = threading.local()


def fragments_forget() -> None:
    """Drop every kept piece, here and from now on: something they show changed."""
    _clearings[0] += 1
    _pieces.clear()
    _values.clear()


def _version() -> tuple:
    # The generation is read once per request, before anything the request shows.
    generation = getattr(_request, "generation", _request)
    if generation is _request:
        generation = page_store().generation()
        if getattr(_request, "active", False):
            _request.generation = generation
    return (generation, _clearings[0])


@receiver(request_started, dispatch_uid="fragments_request_begin")
def _request_begin(**kwargs) -> None:
    _request.active = True
    with contextlib.suppress(AttributeError):
        del _request.generation


@receiver(request_finished, dispatch_uid="fragments_request_end")
def _request_end(**kwargs) -> None:
    _request.active = False
    with contextlib.suppress(AttributeError):
        del _request.generation


@receiver(setting_changed, dispatch_uid="fragments_settings_changed")
def _settings_changed(*, setting, **kwargs) -> None:
    if setting in ("CACHES", "NEWSDESK_FRAGMENT_SECONDS"):
        fragments_forget()


def _current(into: dict, key: tuple[str, Hashable], version: tuple, now: float) -> object:
    """Return the value kept under key if nothing was cleared since and it has not expired."""
    kept = into.get(key)
    if kept is not None and kept.version == version and now < kept.expires:
        return kept.value
    return None


def _keep(into: dict, key: tuple[str, Hashable], kept: _Kept, *, most: int) -> None:
    if len(into) >= most:
        # Threads may race to drop the same oldest piece; losing that race is harmless.
        with contextlib.suppress(StopIteration, RuntimeError, KeyError):
            del into[next(iter(into))]
    into[key] = kept


def fragment_cached(
    *, name: str, key: Hashable, render: Callable[[], str], keep: bool = True
) -> SafeString:
    """Return the piece `name` for `key`, rendered by `render` unless a current copy is kept.

    `render` returns safe HTML; what it records for the page cache is recorded
    again whenever the kept copy is used. With keep false (a preview, an
    editor's render of what readers may not see yet) it is rendered afresh and
    neither uses nor fills the kept copy.
    """
    seconds = settings.NEWSDESK_FRAGMENT_SECONDS
    if not keep or seconds <= 0:
        return mark_safe(render())  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - render() returns a rendered template
    version, now = _version(), time.monotonic()
    piece = _current(_pieces, (name, key), version, now)
    if piece is not None:
        page_tags_add(*piece.tags)
        if piece.max_age is not None:
            page_max_age_limit(piece.max_age)
        return piece.html
    with collecting() as collection:
        html = mark_safe(render())  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - render() returns a rendered template
    page_tags_add(*collection.tags)
    if collection.max_age is not None:
        page_max_age_limit(collection.max_age)
        seconds = min(seconds, collection.max_age)
    if seconds > 0:
        piece = _Piece(html=html, tags=frozenset(collection.tags), max_age=collection.max_age)
        _keep(_pieces, (name, key), _Kept(version, now + seconds, piece), most=MAX_PIECES)
    return html


def process_kept(*, name: str, key: Hashable, load: Callable[[], Hashable]) -> Hashable:
    """Return what `load` returns for `key`, kept in this process as a piece is.

    Threads share the value: it must be immutable (a tuple, a frozen dataclass
    of plain values), never a model instance. It records no page-cache tags:
    whatever it holds must clear the pages showing it when it changes, or call
    fragments_forget. None is returned but not kept.
    """
    seconds = settings.NEWSDESK_FRAGMENT_SECONDS
    if seconds <= 0:
        return load()
    version, now = _version(), time.monotonic()
    value = _current(_values, (name, key), version, now)
    if value is None:
        value = load()
        if value is not None:
            _keep(_values, (name, key), _Kept(version, now + seconds, value), most=MAX_VALUES)
    return value


def inclusion_render(context, *, template_name: str, values: dict) -> SafeString:
    """Render a template as an inclusion tag would, in a new context from the tag's own."""
    template = context.template.engine.get_template(template_name)
    return template.render(context.new(values))

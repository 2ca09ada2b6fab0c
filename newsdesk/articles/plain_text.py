"""A story's body as plain text, read from the stored block data."""

import html
import re
from collections.abc import Iterator

from wagtail.blocks import StreamValue

TAG = re.compile(r"<[^>]+>")


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def body_plain_text(body: StreamValue) -> str:
    """Return every text of a story's body, tags removed, entities decoded, spaces collapsed.

    It reads the raw block data, not the blocks' values: turning those into
    Python loads each inline image, one query per story, and lists and bulk
    rebuilds read many bodies at once.
    """
    parts = (TAG.sub(" ", text) for block in body.raw_data for text in _strings(block["value"]))
    return " ".join(html.unescape(" ".join(parts)).split())

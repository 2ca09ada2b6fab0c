"""The image renditions the site's templates ask for, made ahead of the first page view."""

from collections.abc import Iterable

from newsdesk.articles.models import NewsImage

# The templates use exactly these filter specs; a spec missing here is rendered,
# and written to disk and the database, by whichever reader asks for it first.
IMAGE_FILTER_SPECS = ("width-400", "width-800", "width-1200", "fill-400x225")


def renditions_pregenerate(*, images: Iterable[NewsImage]) -> int:
    """Create each image's missing renditions; return how many were made."""
    made = 0
    for image in images:
        have = {r.filter_spec for r in image.renditions.all()}
        missing = [spec for spec in IMAGE_FILTER_SPECS if spec not in have]
        if missing:
            image.get_renditions(*missing)
            made += len(missing)
    return made

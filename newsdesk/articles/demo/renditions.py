"""The image renditions the site's templates ask for, made ahead of the first page view."""

from collections.abc import Iterable

from newsdesk.articles.models import Author, NewsImage

# Story pictures: srcset widths for lead and inline images, and the card crop.
IMAGE_FILTER_SPECS = ("width-400", "width-800", "width-1200", "fill-400x225")
# Byline portraits: the author page's header and the author box under a story.
PORTRAIT_FILTER_SPECS = ("fill-160x160", "fill-96x96")


def renditions_pregenerate(
    *, images: Iterable[NewsImage], specs: tuple[str, ...] = IMAGE_FILTER_SPECS
) -> int:
    """Create each image's missing renditions among `specs`; return how many were made.

    A spec the templates use but nobody made is rendered, written to disk and
    inserted by whichever reader asks first, so the demo makes them up front.
    """
    made = 0
    for image in images:
        have = {r.filter_spec for r in image.renditions.all()}
        missing = [spec for spec in specs if spec not in have]
        if missing:
            image.get_renditions(*missing)
            made += len(missing)
    return made


def library_renditions_pregenerate() -> int:
    """Pregenerate portraits' renditions for authors' photos and story ones for the rest."""
    portraits = Author.objects.exclude(photo=None).values("photo")
    images = NewsImage.objects.prefetch_related("renditions")
    return renditions_pregenerate(
        images=images.exclude(pk__in=portraits), specs=IMAGE_FILTER_SPECS
    ) + renditions_pregenerate(images=images.filter(pk__in=portraits), specs=PORTRAIT_FILTER_SPECS)

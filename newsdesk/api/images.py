"""Images as the API gives them: rendition addresses and sizes, with alt text, caption and credit.

The sizes are the ones the site's pages already use (story cards, the story
page's srcset, share images, author photos), so their files usually exist.
"""

from wagtail.api.utils import get_full_url
from wagtail.images.models import SourceImageIOError

STORY_RENDITIONS = {"thumbnail": "fill-400x225", "medium": "width-800", "large": "width-1200"}
PHOTO_RENDITIONS = {"square": "fill-160x160"}


def renditions_data(*, image, specs: dict[str, str], request) -> dict[str, dict] | None:
    """Return each named rendition's full address and size; None when the file is unreadable."""
    try:
        renditions = image.get_renditions(*specs.values())
    except SourceImageIOError:
        return None
    # In the order asked for; the keys may differ from the specs (SVGs are never cropped).
    return {
        name: {
            "url": get_full_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
        for name, rendition in zip(specs, renditions.values(), strict=True)
    }


def image_data(*, image, caption: str, credit: str, request) -> dict:
    return {
        "alt": image.default_alt_text,
        "caption": caption,
        "credit": credit,
        "renditions": renditions_data(image=image, specs=STORY_RENDITIONS, request=request),
    }

"""A story's body as JSON: Wagtail's block representation, with inline images made usable.

Wagtail gives an image block's image as a bare id; an app needs the files,
so image blocks carry the same image object as the lead image.
"""

from django.db.models import Prefetch, prefetch_related_objects

from newsdesk.articles.models import NewsRendition

from .images import STORY_RENDITIONS, image_data


def _images_with_renditions(body) -> None:
    # Iterating the body loads all its images in one query; their renditions take one more.
    images = [child.value["image"] for child in body if child.block_type == "image"]
    images = [image for image in images if image is not None]
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=NewsRendition.objects.filter(filter_spec__in=list(STORY_RENDITIONS.values())),
        ),
    )


def _image_block(value, *, request) -> dict | None:
    image = value["image"]
    if image is None:  # deleted since the story was saved
        return None
    return image_data(
        image=image,
        caption=value["caption"] or image.caption,
        credit=value["credit"] or image.credit,
        request=request,
    )


def body_data(body, *, context) -> list[dict]:
    """Return the body's blocks in order as {"type", "id", "value"}."""
    _images_with_renditions(body)
    blocks = []
    for child in body:
        if child.block_type == "image":
            value = _image_block(child.value, request=context["request"])
            if value is None:
                continue
        else:
            value = child.block.get_api_representation(child.value, context=context)
        blocks.append({"type": child.block_type, "id": child.id, "value": value})
    return blocks

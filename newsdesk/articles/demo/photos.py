"""The demo's picture library: drawn scenes for every topic, reused across its stories."""

import random
from collections import defaultdict
from dataclasses import dataclass

from newsdesk.articles.models import NewsImage
from newsdesk.articles.tests.factories import NewsImageFactory

from .text import PHOTO_CREDITS
from .topics import SECTIONS, TOPICS


@dataclass(frozen=True)
class PhotoLibrary:
    """Image ids by topic slug (lead images) and by section slug (inline pictures)."""

    by_topic: dict[str, list[int]]
    by_section: dict[str, list[int]]


def scenes_ensure(*, seed: int) -> PhotoLibrary:
    """Draw each topic's scenes unless an image of that title exists; return the library."""
    titles = [scene for topic in TOPICS for scene in topic.scenes]
    existing = dict(NewsImage.objects.filter(title__in=titles).values_list("title", "pk"))
    by_topic: dict[str, list[int]] = defaultdict(list)
    by_section: dict[str, list[int]] = defaultdict(list)
    for section in SECTIONS:
        for topic in section.topics:
            for scene in topic.scenes:
                pk = existing.get(scene) or _scene_create(
                    seed=seed, scene=scene, palette=section.palette
                )
                by_topic[topic.slug].append(pk)
                by_section[section.slug].append(pk)
    return PhotoLibrary(by_topic=dict(by_topic), by_section=dict(by_section))


def _scene_create(*, seed: int, scene: str, palette: tuple[str, str, str]) -> int:
    rng = random.Random(f"{seed}:scene:{scene}")
    image = NewsImageFactory(
        title=scene,
        caption=f"{scene}.",
        credit=rng.choice(PHOTO_CREDITS),
        palette=palette,
        drawing_seed=rng.random(),
    )
    return image.pk


def portrait_create(*, seed: int, name: str, palette: tuple[str, str, str]) -> NewsImage:
    """Draw a writer's byline portrait."""
    return NewsImageFactory(
        title=f"Portrait of {name}",
        caption=name,
        credit="Newsdesk Photo",
        palette=palette,
        portrait=True,
        drawing_seed=f"{seed}:portrait:{name}",
    )

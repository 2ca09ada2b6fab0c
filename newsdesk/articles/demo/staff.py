"""The demo newsroom's writers, read from vocabulary/staff.toml, with drawn portraits."""

import tomllib
from collections import defaultdict
from dataclasses import dataclass

from django.utils.text import slugify

from newsdesk.articles.models import Author
from newsdesk.articles.tests.factories import AuthorFactory

from .photos import portrait_create
from .topics import SECTIONS_BY_SLUG, VOCABULARY_DIR


@dataclass(frozen=True)
class StaffMember:
    name: str
    job_title: str
    desks: tuple[str, ...]
    bio: str

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def email(self) -> str:
        return f"{self.slug.replace('-', '.')}@newsdesk.example"


def _staff_load() -> tuple[StaffMember, ...]:
    with (VOCABULARY_DIR / "staff.toml").open("rb") as f:
        raw = tomllib.load(f)
    return tuple(
        StaffMember(a["name"], a["job_title"], tuple(a["desks"]), a["bio"]) for a in raw["authors"]
    )


STAFF: tuple[StaffMember, ...] = _staff_load()


def authors_ensure(*, seed: int) -> dict[str, list[int]]:
    """Create the writers not yet on file; return author ids by desk (section slug)."""
    existing = Author.objects.in_bulk([m.slug for m in STAFF], field_name="slug")
    by_desk: dict[str, list[int]] = defaultdict(list)
    for member in STAFF:
        author = existing.get(member.slug) or _author_create(seed=seed, member=member)
        for desk in member.desks:
            by_desk[desk].append(author.pk)
    return dict(by_desk)


def _author_create(*, seed: int, member: StaffMember) -> Author:
    palette = SECTIONS_BY_SLUG[member.desks[0]].palette
    return AuthorFactory(
        name=member.name,
        slug=member.slug,
        job_title=member.job_title,
        bio=member.bio,
        email=member.email,
        photo=portrait_create(seed=seed, name=member.name, palette=palette),
    )

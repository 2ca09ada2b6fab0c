"""The demo's beats: six sections, each with topics whose vocabulary stories share.

The words live in vocabulary/*.toml, one file per section; every place,
organisation and person there is invented. Stories on one topic draw on the
same names and terms, so they resemble each other more than the rest, which
related-story measurements rely on.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"
SECTION_ORDER = ("world", "asia", "business", "politics", "technology", "culture")


@dataclass(frozen=True)
class Person:
    name: str
    role: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Link:
    title: str
    summary: str
    url: str


@dataclass(frozen=True)
class Topic:
    """One beat. Its templates fill {place} {place2} {org} {org2} {few} {num} {pct} {bn} {weekday}.

    {few} is 4-9 and {num} 3-12, so "{few}00 people" and "{num} days" both read well.
    """

    slug: str
    section: str
    tags: tuple[str, ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    people: tuple[Person, ...]
    terms: tuple[str, ...]
    headlines: tuple[str, ...]
    decks: tuple[str, ...]
    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    subheadings: tuple[str, ...]
    scenes: tuple[str, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    palette: tuple[str, str, str]
    topics: tuple[Topic, ...]


def _topic_from(raw: dict, *, section: str) -> Topic:
    lists = {k: tuple(v) for k, v in raw.items() if k not in ("slug", "people", "links")}
    return Topic(
        slug=raw["slug"],
        section=section,
        people=tuple(Person(**p) for p in raw["people"]),
        links=tuple(Link(**link) for link in raw["links"]),
        **lists,
    )


def _section_load(slug: str) -> Section:
    with (VOCABULARY_DIR / f"{slug}.toml").open("rb") as f:
        raw = tomllib.load(f)
    return Section(
        slug=raw["slug"],
        title=raw["title"],
        intro=raw["intro"],
        palette=tuple(raw["palette"]),
        topics=tuple(_topic_from(t, section=raw["slug"]) for t in raw["topics"]),
    )


SECTIONS: tuple[Section, ...] = tuple(_section_load(slug) for slug in SECTION_ORDER)
TOPICS: tuple[Topic, ...] = tuple(t for s in SECTIONS for t in s.topics)
TOPICS_BY_SLUG: dict[str, Topic] = {t.slug: t for t in TOPICS}
SECTIONS_BY_SLUG: dict[str, Section] = {s.slug: s for s in SECTIONS}

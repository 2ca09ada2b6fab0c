"""Compose a story's headline, deck, tags and StreamField body from its topic's vocabulary.

Only the sentence frames here are shared between topics; every name and fact
comes from the topic, so each story reads as belonging to its beat.
"""

import random
from dataclasses import dataclass
from functools import cache
from html import escape

from .topics import TOPICS, Person, Topic

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# Agencies are invented; the joint credits show how a shared picture is printed.
PHOTO_CREDITS = (
    "Newsdesk Photo",
    "Meridian Press",
    "Northlight Images",
    "Harbourline Pictures",
    "Meridian Press, Kestrel Photo Agency",
    "Newsdesk Photo, Northlight Images",
)

QUOTE_OPENERS = (
    '"{quote}," said {person}, {role}.',
    '"{quote}," {person}, {role}, told reporters on {weekday}.',
    '{person}, {role}, put it plainly: "{quote}."',
    '"{quote}," {person}, {role}, said in a statement.',
)
FOLLOW_UPS = (
    "{surname} said the question of {term} would be looked at again within weeks.",
    "{surname} declined to say when a decision on {term} would be made.",
    "Asked about {term}, {surname} said the details were still being worked out.",
    "{surname} added that {org} would set out more on {term} on {weekday}.",
)
CONTEXT = (
    "The argument over {term} has dominated discussion for months.",
    "Officials said further announcements on {term} were expected in the coming weeks.",
    "The debate over {term} and {term2} is unlikely to be settled soon.",
    "People close to the discussions said {term} remained the hardest issue.",
    "The figures will add to pressure over {term}.",
)
CLOSERS = (
    "{org} is expected to say more about {term} on {weekday}.",
    "Further talks on {term} are planned for next month.",
    "A fuller picture of {term} should emerge when {org2} publishes its next figures.",
    "For now, attention turns to {term}, and to what {org} does next.",
)
CORRECTIONS = (
    "An earlier version of this story gave the wrong title for {person}. {surname} is {role}.",
    "An earlier version of this story misstated a figure published by {org}.",
    "This story has been corrected to show that the meeting took place on {weekday}.",
)
UPDATES = (
    "This story has been updated with a response from {org}.",
    "This story has been updated with the latest figures from {org2}.",
    "This story has been updated to include comments from {person}, {role}.",
)


@dataclass(frozen=True)
class StoryText:
    title: str
    deck: str
    tags: tuple[str, ...]
    body: list[dict]


def story_topic(*, seed: int, index: int) -> Topic:
    """Return the topic of generated story number `index`, without building the story.

    Topics take turns in a seed-shuffled order so every topic gets a fair share
    of stories, which keeps related-story measurements meaningful.
    """
    return _topic_order(seed)[index % len(TOPICS)]


@cache
def _topic_order(seed: int) -> tuple[Topic, ...]:
    order = list(TOPICS)
    random.Random(seed).shuffle(order)
    return tuple(order)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slots(*, topic: Topic, rng: random.Random, turn: int) -> dict[str, str]:
    """Fill a story's template slots.

    The main place, organisation and small numbers shift with each round of
    headline frames, so a frame used again gives a different headline.
    """
    frame, cycle = turn % len(topic.headlines), turn // len(topic.headlines)
    place = topic.places[(frame + cycle) % len(topic.places)]
    org = topic.orgs[(frame + cycle) % len(topic.orgs)]
    term, term2 = _pick(rng, topic.terms, 2)
    return {
        "place": place,
        "place2": rng.choice([p for p in topic.places if p != place]),
        "org": org,
        "org2": rng.choice([o for o in topic.orgs if o != org]),
        "term": term,
        "term2": term2,
        "few": str(4 + (frame + cycle) % 6),
        "num": str(3 + (frame * 3 + cycle * 7) % 10),
        "pct": f"{rng.uniform(1.2, 9.8):.1f}",
        "bn": f"{rng.uniform(1.2, 24.5):.1f}".removesuffix(".0"),
        "weekday": rng.choice(WEEKDAYS),
    }


def _person_slots(person: Person) -> dict[str, str]:
    return {"person": person.name, "surname": person.surname, "role": person.role}


def _fill(template: str, slots: dict[str, str]) -> str:
    return _first_upper(template.format_map(slots))


def _pick(rng: random.Random, items: tuple[str, ...] | list, k: int) -> list:
    """Return k distinct items; Random.sample's type checks cost more than this shuffle."""
    pool = list(items)
    rng.shuffle(pool)
    return pool[:k]


def _block(rng: random.Random, kind: str, value) -> dict:
    # Ids come from the story's own generator so a rebuild writes identical JSON;
    # formatted by hand because uuid.UUID costs a tenth of a story's time in bulk.
    h = f"{rng.getrandbits(128):032x}"
    return {"type": kind, "value": value, "id": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"}


def _paragraph(rng: random.Random, *sentences: str) -> dict:
    return _block(rng, "paragraph", f"<p>{escape(' '.join(sentences), quote=False)}</p>")


def _body(
    *, topic: Topic, rng: random.Random, slots: dict[str, str], image_ids: list[int]
) -> list[dict]:
    facts = [_fill(f, slots) for f in _pick(rng, topic.facts, 7)]
    speaker, other = _pick(rng, topic.people, 2)
    said = {**slots, **_person_slots(speaker)}
    quote, pull = (q.format_map(slots) for q in _pick(rng, topic.quotes, 2))
    first, second = _pick(rng, topic.subheadings, 2)
    blocks = [
        _paragraph(rng, facts[0], facts[1]),
        _paragraph(rng, _fill(rng.choice(QUOTE_OPENERS), {**said, "quote": quote}), facts[2]),
    ]
    if rng.random() < 0.6:
        value = {"quote": pull, "attribution": f"{other.name}, {other.role}"}
        blocks.append(_block(rng, "pull_quote", value))
    blocks += [
        _block(rng, "subheading", first),
        _paragraph(rng, facts[3], _fill(rng.choice(CONTEXT), slots)),
    ]
    if image_ids and rng.random() < 0.35:
        value = {"image": rng.choice(image_ids), "caption": "", "credit": ""}
        blocks.append(_block(rng, "image", value))
    blocks.append(_paragraph(rng, facts[4], _fill(rng.choice(FOLLOW_UPS), said)))
    if rng.random() < 0.5:
        blocks.append(_block(rng, "subheading", second))
    blocks.append(_paragraph(rng, facts[5]))
    if rng.random() < 0.3:
        link = rng.choice(topic.links)
        value = {"url": link.url, "title": link.title, "summary": link.summary}
        blocks.append(_block(rng, "link_embed", value))
    blocks.append(_paragraph(rng, facts[6], _fill(rng.choice(CLOSERS), slots)))
    return blocks


def story_text_compose(
    *, topic: Topic, rng: random.Random, image_ids: list[int], turn: int = 0
) -> StoryText:
    """Write one story on `topic`; `image_ids` are the images an inline photo may use.

    `turn` counts the topic's earlier stories: headlines go round in turn, so
    a topic repeats a headline frame only after using all of them.
    """
    slots = _slots(topic=topic, rng=rng, turn=turn)
    return StoryText(
        title=_fill(topic.headlines[turn % len(topic.headlines)], slots),
        deck=_fill(rng.choice(topic.decks), slots),
        tags=tuple(_pick(rng, topic.tags, rng.randint(2, 4))),
        body=_body(topic=topic, rng=rng, slots=slots, image_ids=image_ids),
    )


def notice_text_compose(*, kind: str, topic: Topic, rng: random.Random) -> str:
    """Write the correction or update line printed above a story."""
    slots = {**_slots(topic=topic, rng=rng, turn=0), **_person_slots(rng.choice(topic.people))}
    return _fill(rng.choice(CORRECTIONS if kind == "correction" else UPDATES), slots)

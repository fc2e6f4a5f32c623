"""Topic wordings: for each key of `topics.tsv`, item titles, phrases and decision
notices.

Every phrase names its own topic and no other, so the gold topics of an item are exactly
the topics whose words the generator put into it. Decision-notice texts carry `{town}`
and `{money}` holes; a notice with a sum of money is also about `finance`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic key with its item titles, phrases and decision-notice texts."""

    key: str
    titles: tuple[str, ...]
    phrases: tuple[str, ...]
    notices: tuple[str, ...] = ()


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split(";") if p.strip())


def _topic(block: str) -> Topic:
    """Read `key | title; title | phrase; phrase | notice; notice`.

    >>> _topic("hate-crime | Hate Crime | hate crime; hate incidents").phrases
    ('hate crime', 'hate incidents')
    """
    parts = [p.strip() for p in block.split("|")]
    notices = _split(parts[3]) if len(parts) > 3 else ()
    return Topic(parts[0], _split(parts[1]), _split(parts[2]), notices)


_TABLE = (Path(__file__).parent / "data" / "topic_words.txt").read_text(
    encoding="utf-8"
)

TOPICS: dict[str, Topic] = {
    t.key: t for t in (_topic(b) for b in _TABLE.strip().splitlines() if b.strip())
}
NOTICE_TOPICS: tuple[str, ...] = tuple(k for k, t in TOPICS.items() if t.notices)


def listed_title(key: str, pick: int) -> str:
    """A title for `key` that names no second topic (for lists of items).

    >>> listed_title("missing-persons", 1)
    'Missing Persons'
    """
    titles = [t for t in TOPICS[key].titles if not t.startswith("Safeguarding:")]
    return titles[pick % len(titles)]


# Sentence frames that carry a topic phrase and add no topic word of their own.
FRAMES = (
    "Members received a presentation on {p} in {area}.",
    "{Actor} outlined recent work on {p} and the challenges ahead.",
    "Concern was expressed about {p} in rural parts of {area}.",
    "A Member asked how {p} was being tackled, and was told that a plan was in place.",
    "It was noted that {p} had been raised at several local meetings.",
    "{P} was discussed at length.",
    "Figures presented showed {n} cases linked to {p} in the last quarter.",
    "{Actor} confirmed that {p} remained a priority for {force}.",
    "Members welcomed the progress made on {p} since the last meeting.",
    "The report set out the current position on {p}.",
    "Members heard that {p} was an area of growing demand.",
    "In response to a question on {p}, {actor} explained the current approach.",
    "Data on {p} was presented by district, showing a mixed picture.",
    "A Member highlighted {p} as a concern raised by residents.",
    "{Actor} reported a change of {n2}% in {p} compared with the previous year.",
)
# Sentences with no topic, decision or action in them.
NEUTRAL = (
    "Members thanked officers for the report.",
    "The Chair invited questions from Members.",
    "Members noted the report.",
    "The item was introduced by {actor}.",
    "A Member sought clarification on a point in the appendix.",
    "The Chair thanked everyone for their contributions.",
    "Further detail was set out in the appendices to the report.",
    "The Chair reminded Members that questions should be submitted in advance.",
    "A Member commented on the clarity of the information provided.",
    "Members discussed the timing of future reports and the level of detail required.",
    "It was noted that the figures were provisional and subject to validation.",
    "A Member queried the comparison with the same period last year.",
    "Members were reminded of the statutory role of {body}.",
    "It was explained that the position differed between districts.",
    "A Member observed that the papers had been circulated late.",
    "The presentation slides were appended to the minutes.",
    "Members acknowledged the scale of the challenge.",
)

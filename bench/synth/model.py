"""The generator's own records: a planned meeting, its people, items, blocks and lines.

`plan` fills them, the renderers write them out and `gold` reads back what was written.
A `Line` is one paragraph or bullet; the decision or action it records, if any, is the
exact substring `quote` of its text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One paragraph or bullet; `kind` is `plain`, `action` or a gold decision kind."""

    text: str
    kind: str = "plain"
    quote: str | None = None
    ref: str | None = None
    owner: str | None = None
    topic: str | None = None

    @property
    def gold_quote(self) -> str:
        """The recorded sentence: `quote` where set, else the whole text."""
        return self.quote or self.text


@dataclass(slots=True)
class Block:
    """A run of lines shown one way: `para`, `bullets`, `letters`, `heading` or `qa`."""

    kind: str
    lines: list[Line]


@dataclass(slots=True)
class Item:
    """An item of business; `kind` tells renderers which standard item it is."""

    kind: str
    title: str
    topics: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    subitems: list[Item] = field(default_factory=list)
    number: str = ""

    def add_topic(self, key: str) -> None:
        """Record that this item discusses `key` (once, in order of first mention)."""
        if key not in self.topics:
            self.topics.append(key)


@dataclass(slots=True)
class Person:
    """A named participant; `status` is the gold attendance status."""

    given: str
    family: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    status: str = "present"
    initial: bool = False

    @property
    def name(self) -> str:
        """The name as written, without title: `Anita Patel`, `A. Patel` or `Patel`."""
        if not self.given:
            return self.family
        first = f"{self.given[0]}." if self.initial else self.given
        return f"{first} {self.family}"

    @property
    def styled(self) -> str:
        """Title and name: `Councillor Anita Patel`."""
        return f"{self.title} {self.name}" if self.title else self.name

    @property
    def short(self) -> str:
        """How the prose refers back to the person: `Cllr Patel`, `DI Smith`."""
        return f"{self.title} {self.family}" if self.title else self.name


@dataclass(slots=True)
class Meeting:
    """A planned meeting: everything a renderer needs to write one document."""

    layout: str
    force_id: str
    area: str
    force_name: str
    body_kind: str
    body_name: str
    header_name: str
    date: dt.date
    date_text: str
    start: int | None
    end: int | None
    times_text: str | None
    venue: str | None
    actor: str
    people: list[Person] = field(default_factory=list)
    substitutes: list[tuple[Person, Person]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    next_meeting: str | None = None
    show_date: bool = True

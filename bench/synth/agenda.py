"""The order of business: which items a meeting of each layout holds, in order.

Input: a seeded `random.Random`, the meeting's `Context` and planned `Meeting`; output:
the list of `Item`s (numbers are given by the renderer, which knows how the layout
prints them).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from bench.synth import standard as std
from bench.synth.content import Context, cap, notices_item, topic_item
from bench.synth.model import Block, Item, Line, Meeting
from bench.synth.people import Names
from bench.synth.topics import TOPICS
from bench.synth.vocab import format_clock, format_date

ItemPicker = Callable[[random.Random, Context, Meeting, Names], list[Item]]


def other_date(rng: random.Random, day: dt.date, days: int) -> str:
    """A date `days` (give or take a week) away from `day`, written out."""
    other = day + dt.timedelta(days=days + rng.randrange(-7, 8))
    while other.weekday() >= 5:
        other += dt.timedelta(days=1)
    return format_date(other, rng.randrange(6))


def topic_items(
    rng: random.Random, ctx: Context, low: int, high: int, used: set[str] | None = None
) -> list[Item]:
    """Between `low` and `high` items, one to three topics each; no lead topic twice.

    `used` holds the lead topics of the meeting's other items (and gains these ones).
    """
    used = set() if used is None else used
    leads = [k for k in rng.sample(sorted(TOPICS), len(TOPICS)) if k not in used]
    items = []
    for lead in leads[: rng.randrange(low, high + 1)]:
        used.add(lead)
        others = [k for k in sorted(TOPICS) if k != lead]
        keys = [lead, *rng.sample(others, rng.randrange(0, 3))]
        items.append(topic_item(rng, ctx, keys))
    # The area is named at least once, so body name and force can always be told.
    overview = Line(
        f"{cap(ctx.actor)} gave an overview of the position across {ctx.area}."
    )
    items[0].blocks[0].lines.insert(0, overview)
    return items


def closing_items(rng: random.Random, ctx: Context, meeting: Meeting) -> list[Item]:
    """Work programme, any other business, next meeting; sometimes a private item."""
    items = []
    if rng.random() < 0.6:
        items.append(std.work_programme_item(rng, rng.sample(sorted(TOPICS), 3)))
    if rng.random() < 0.5:
        items.append(std.aob_item(rng))
    if rng.random() < 0.5:
        when = other_date(rng, meeting.date, 42)
        if rng.random() < 0.5:
            when += f", {format_clock(rng.choice((600, 630, 840)), rng.randrange(4))}"
        venue = meeting.venue if rng.random() < 0.7 else "Council Chamber, Town Hall"
        items.append(
            std.next_meeting_item(rng, when, venue if rng.random() < 0.3 else None)
        )
    if meeting.body_kind != "pcc-board" and rng.random() < 0.2:
        items += [std.exclusion_item(rng), std.private_item(rng, ctx)]
    return items


def numbered_items(
    rng: random.Random, ctx: Context, meeting: Meeting, names: Names
) -> list[Item]:
    """Numbered minutes: apologies, opening items, discussion, closing items."""
    items = []
    if any(p.status == "apologies" for p in meeting.people) and rng.random() < 0.8:
        items.append(
            Item("apologies", rng.choice(("Apologies for absence", "Apologies")))
        )
    if rng.random() < 0.4:
        items.append(std.public_item(rng))
    items.append(std.declarations_item(rng))
    items.append(std.minutes_item(rng, other_date(rng, meeting.date, -35)))
    if rng.random() < 0.3:
        late = names.person("Councillor").styled if rng.random() < 0.3 else None
        items.append(std.chair_item(rng, ctx, late))
    if meeting.body_kind == "pcc-board" and rng.random() < 0.5:
        keys = rng.sample(sorted(TOPICS), rng.randrange(2, 5))
        items.append(std.announcements_item(rng, ctx, keys))
    items += topic_items(rng, ctx, 3, 6)
    if meeting.body_kind == "pcc-board" and rng.random() < 0.4:
        items.append(notices_item(rng, ctx))
    return items + closing_items(rng, ctx, meeting)


def parent_item(rng: random.Random, ctx: Context, used: set[str]) -> Item:
    """A performance item with two lettered sub-items (`3a`, `3b`)."""
    parent = Item("parent", "Performance against the Police and Crime Plan")
    parent.add_topic("performance")
    used.add("performance")
    parent.subitems = topic_items(rng, ctx, 2, 2, used)
    return parent


def agenda_items(
    rng: random.Random, ctx: Context, meeting: Meeting, names: Names
) -> list[Item]:
    """Agenda and minutes of a PCC board: apologies, minutes, items, decisions."""
    meeting.next_meeting = other_date(rng, meeting.date, 28)
    if meeting.times_text:
        meeting.next_meeting += f", {meeting.times_text}"
    items = [
        Item("apologies", "Apologies"),
        std.minutes_item(rng, other_date(rng, meeting.date, -28)),
    ]
    used: set[str] = set()
    if rng.random() < 0.4:
        items.append(parent_item(rng, ctx, used))
    items += topic_items(rng, ctx, 3, 6, used)
    items.insert(rng.randrange(2, len(items)), notices_item(rng, ctx))
    if rng.random() < 0.5:
        items.append(std.aob_item(rng))
    if rng.random() < 0.4:
        quote = "The following items were agreed for publication:"
        publication = Item("publication", "Publication")
        publication.blocks = [
            Block("para", [Line(quote, "agreement", quote)]),
            Block(
                "bullets",
                [
                    Line(
                        f"{other_date(rng, meeting.date, -28)} "
                        f"{meeting.header_name} Minutes"
                    )
                ],
            ),
        ]
        items.append(publication)
    return items


def moderngov_item_items(
    rng: random.Random, ctx: Context, meeting: Meeting, names: Names
) -> list[Item]:
    """A single agenda-item page: one long item covering three to six topics."""
    keys = rng.sample(sorted(TOPICS), rng.randrange(3, 7))
    item = topic_item(rng, ctx, keys)
    item.kind = "single"
    item.title = rng.choice(
        (
            "Annual Crime and Disorder Scrutiny Report",
            "Crime and Disorder Annual Update",
        )
    )
    item.topics = list(keys)
    return [item]


def table_items(
    rng: random.Random, ctx: Context, meeting: Meeting, names: Names
) -> list[Item]:
    """A modern.gov item table: apologies, opening rows, discussion, work programme."""
    items = [Item("apologies", "Apologies for Absence"), std.declarations_item(rng)]
    previous = other_date(rng, meeting.date, -56)
    minutes = std.minutes_item(rng, previous)
    minutes.title = (
        f"To agree the Minutes of the meeting held on {previous} as a correct record"
    )
    items.append(minutes)
    if rng.random() < 0.5:
        items.append(std.public_item(rng))
    items += topic_items(rng, ctx, 3, 6)
    if rng.random() < 0.7:
        work = std.work_programme_item(rng, rng.sample(sorted(TOPICS), 3))
        work.title = (
            "For Panel Members to put forward items for the Work Programme "
            "including ideas for themed meetings"
        )
        items.append(work)
    return items


ITEMS: dict[str, ItemPicker] = {
    "numbered-minutes": numbered_items,
    "agenda-and-minutes": agenda_items,
    "moderngov-item": moderngov_item_items,
    "moderngov-table": table_items,
}

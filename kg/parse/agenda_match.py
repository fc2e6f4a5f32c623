"""Parsing helpers: the minutes' items against the agenda's, to items and discrepancies.

Input is the minutes' items and the agenda's items of one document; output is the
minutes' items (with lettered sub-items where the agenda prints them) carrying what the
agenda said for each (`agenda_number`, `agenda_title`), plus a `Discrepancy` for every
item on only one of the two lists and every title the two print differently.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kg.parse.headings import Heading, lettered_headings
from kg.parse.items import items_from_headings
from kg.records import Discrepancy, Item, Span

_WORDS = re.compile(r"[a-z0-9]+")
# Agenda and minutes titles sharing this share of words name the same item.
SAME_ITEM = 0.5


def _words(title: str) -> set[str]:
    return set(_WORDS.findall(title.lower().replace("&", "and")))


def similarity(a: str, b: str) -> float:
    """Share the shorter title's words with the longer one (0 to 1).

    >>> similarity("Minutes and Actions", "Minutes and Action Update")
    0.6666666666666666
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def with_sub_items(
    text: str, items: Sequence[Item], *, only: frozenset[str] | None = None
) -> list[Item]:
    """Items followed by the lettered sub-items printed in their text ("3a", "3b").

    With `only`, a parent's letters count only when their numbers are in `only`.
    """
    result: list[Item] = []
    for item in items:
        subs = lettered_headings(text, item.text_span)
        numbered = [
            Heading(f"{item.number}{h.number}", h.title, h.line)
            for h in subs
            if only is None or f"{item.number}{h.number}" in only
        ]
        if not numbered:
            result.append(item)
            continue
        parent_end = max(item.text_span.start, numbered[0].line.start)
        result.append(
            dataclasses.replace(item, text_span=_trimmed(text, item, parent_end))
        )
        result.extend(items_from_headings(text, numbered, end=item.text_span.end))
    return [dataclasses.replace(item, position=n) for n, item in enumerate(result, 1)]


def _trimmed(text: str, item: Item, end: int) -> Span:
    stop = end
    while stop > item.text_span.start and text[stop - 1].isspace():
        stop -= 1
    return Span(item.text_span.start, stop)


def match_agenda(
    text: str, minuted: Sequence[Item], agenda: Sequence[Item]
) -> tuple[list[Item], list[Discrepancy]]:
    """Annotate the minutes' items (sub-items included) with the agenda's wording."""
    letters = frozenset(i.number for i in agenda if not i.number.isdigit())
    items = with_sub_items(text, minuted, only=letters)
    unmatched = {i.number: i for i in agenda}
    result, notes = [], []
    for item in items:
        printed = _agenda_entry(item, unmatched)
        if printed is None:
            notes.append(
                _note(
                    "item-not-on-agenda",
                    f"item {item.number} '{item.title}'"
                    " is minuted but not on the agenda",
                    item,
                )
            )
            result.append(item)
            continue
        del unmatched[printed.number]
        result.append(_annotated(item, printed, notes))
    for left in unmatched.values():
        notes.append(
            Discrepancy(
                kind="agenda-item-not-minuted",
                description=f"agenda item {left.number} '{left.title}' is not minuted",
                span=left.title_span,
            )
        )
    return result, notes


def _agenda_entry(item: Item, unmatched: dict[str, Item]) -> Item | None:
    """Find the agenda's item of the same number, else of the most similar title."""
    same = unmatched.get(item.number)
    if same is not None:
        return same
    scored = [(similarity(item.title, a.title), a) for a in unmatched.values()]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= SAME_ITEM else None


def _annotated(item: Item, printed: Item, notes: list[Discrepancy]) -> Item:
    number = printed.number if printed.number != item.number else None
    title = printed.title if _words(printed.title) != _words(item.title) else None
    if number is not None or title is not None:
        notes.append(
            _note(
                "item-title-differs",
                f"the agenda prints item {item.number} '{item.title}' as "
                f"{printed.number} '{printed.title}'",
                item,
            )
        )
    return dataclasses.replace(item, agenda_number=number, agenda_title=title)


def _note(kind: str, description: str, item: Item) -> Discrepancy:
    return Discrepancy(
        kind=kind, description=description, span=item.title_span, item=item.position
    )

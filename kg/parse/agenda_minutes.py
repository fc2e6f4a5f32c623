"""Layout parser: an agenda, then its minutes, in one document (text in, `Meeting` out).

Two numbered runs: the agenda's and, after it, the minutes'. The minutes' items win;
each keeps what the agenda printed for it (`agenda_number`, `agenda_title`) when that
differs, and items on one list only become `Discrepancy` records. Lettered sub-items
("a.", "b)") are items when the agenda prints them. Seed 004 shows the layout::

    AGENDA
    3. Performance against Police and Crime Plan (Focus on Strategic Priority 1 – ...)
    - a. Assurance Report (specific assurance on Modern Slavery, Sex Work ...)
    DRAFT Minutes of the Police and Crime Board, 4th April 2018
    3. Performance against the Police and Crime Plan
    a) Assurance Report (Focus on Strategic Priority 1 – Protect the most ...)
"""

from __future__ import annotations

import functools

from kg.parse.agenda_match import SAME_ITEM, match_agenda, similarity, with_sub_items
from kg.parse.header import build_meeting
from kg.parse.headings import Heading, numbered_headings, runs
from kg.parse.items import items_from_headings
from kg.parse.text import sliced
from kg.records import Layout, Meeting, Source, Span

# Both runs must be at least this long to read as an agenda and its minutes.
MIN_RUN = 3
# The agenda's items are headings with little under them: at most this many characters
# of text per item on average.
MAX_AGENDA_TEXT = 400


def split_runs(text: str) -> tuple[list[Heading], list[Heading]] | None:
    """Find the agenda's run and the minutes' run; None when there is no such pair.

    The minutes' run restarts the agenda's numbering; headings the agenda's run took
    after that restart (a number the minutes skipped) belong to the minutes.
    """
    pair = _split_runs(text)
    return None if pair is None else (list(pair[0]), list(pair[1]))


# The layout test splits a text's runs, then the parser splits them again: the last few
# texts' are kept.
@functools.lru_cache(maxsize=4)
def _split_runs(text: str) -> tuple[tuple[Heading, ...], tuple[Heading, ...]] | None:
    chains = [c for c in runs(numbered_headings(text)) if len(c) >= 2]
    chains.sort(key=lambda c: c[0].line.start)
    for agenda, minutes in zip(chains, chains[1:], strict=False):
        restart = minutes[0].line.start
        before = [h for h in agenda if h.line.start < restart]
        after = [h for h in agenda if h.line.start > restart]
        merged = sorted(minutes + after, key=lambda h: h.line.start)
        restarts = minutes[0].rank <= agenda[0].rank + 1
        long_enough = len(before) >= MIN_RUN and len(merged) >= MIN_RUN
        if (
            restarts
            and long_enough
            and _brief(before)
            and _echoed(text, before, merged)
        ):
            return tuple(before), tuple(merged)
    return None


def _echoed(text: str, agenda: list[Heading], minutes: list[Heading]) -> bool:
    """Tell whether most agenda titles come back in the minutes under the same number.

    This keeps a numbered list inside an item ("1. First point") from passing for the
    minutes of the items above it.
    """
    titles = {h.number: sliced(text, h.title) for h in minutes}
    echoes = sum(
        similarity(sliced(text, h.title), titles.get(h.number, "")) >= SAME_ITEM
        for h in agenda
    )
    return echoes * 2 >= len(agenda)


def _brief(agenda: list[Heading]) -> bool:
    gaps = [b.line.start - a.line.end for a, b in zip(agenda, agenda[1:], strict=False)]
    return bool(gaps) and sum(gaps) / len(gaps) <= MAX_AGENDA_TEXT


def looks_like(text: str) -> bool:
    """Tell whether an agenda's numbered run is followed by the minutes' run."""
    return split_runs(text) is not None


def parse(text: str, source: Source) -> Meeting:
    """Read the minutes' items, matched against the agenda printed above them."""
    pair = split_runs(text)
    if pair is None:
        return build_meeting(
            text,
            source,
            layout=Layout.AGENDA_AND_MINUTES,
            head=Span(0, len(text)),
            items=[],
            warnings=["no agenda and minutes runs found"],
        )
    agenda, minutes = pair
    agenda_items = items_from_headings(text, agenda, end=minutes[0].line.start)
    agenda_items = with_sub_items(text, agenda_items)
    minuted = items_from_headings(text, minutes)
    items, discrepancies = match_agenda(text, minuted, agenda_items)
    head = Span(0, minutes[0].line.start)
    return build_meeting(
        text,
        source,
        layout=Layout.AGENDA_AND_MINUTES,
        head=head,
        items=items,
        discrepancies=discrepancies,
    )

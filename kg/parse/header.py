"""Parsing helpers: a heading region to the meeting's date, times, venue, body, force.

Input is the document text, the span of its heading region (the text before the first
item of the minutes) and the items found; output is a `kg.records.Meeting` holding them.
Only facts about *this* meeting are taken: lines about another meeting are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kg.parse.body import read_body
from kg.parse.dates import (
    find_clocks,
    find_dates,
    find_end_time,
    find_start_time,
    find_time_range,
)
from kg.parse.forces import resolve_force
from kg.parse.text import Line, header_lines, trim_title
from kg.records import Discrepancy, Item, Layout, Located, Meeting, Source, Span

# "Venue: Gordano Room", "Location: Council Chamber", "Place - County Hall"
_VENUE = re.compile(r"(?i:venue|location|place)\s*[:\-–]\s*(?P<v>\S.*)")
# "1:00pm", "09:30", "Time: 10.30 am", "Start time: 2pm" on a line of its own
_TIME_LINE = re.compile(
    r"[ \t]*(?:(?i:(?:start[ \t]+)?time)[ \t]*:?[ \t]*)?(?P<t>[0-9][0-9:.]{0,4}[ \t]*"
    r"(?i:[ap]\.?m\.?)?)[ \t]*"
)
# "held at County Hall, Taunton on 5 June 2019", "held in the Council Chamber, ..."
_HELD_AT = re.compile(
    r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<v>[A-Z][^\n]{2,150}?)"
    r"(?=\s+on\s|,?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|,?\s+\d|\s*$)",
    re.MULTILINE,
)


def read_date(text: str, head: Span) -> Located[dt.date] | None:
    """Find the first date on a heading line that is not about another meeting."""
    for line in header_lines(text, head):
        for found in find_dates(line.text, offset=line.start):
            return found
    return None


def read_times(
    text: str, head: Span
) -> tuple[Located[str] | None, Located[str] | None]:
    """Start and end times: a range on a heading line, or the words of the minutes."""
    for line in header_lines(text, head):
        found = find_time_range(line.text, offset=line.start)
        if found is not None:
            return found
    start = None
    for line in header_lines(text, head):
        start = (
            find_start_time(line.text, offset=line.start)
            or _at_time(line)
            or _time_line(line)
        )
        if start is not None:
            break
    start = start or find_start_time(text)
    return start, find_end_time(text)


def _at_time(line: Line) -> Located[str] | None:
    """Find a clock time after this meeting's date: "7 November 2023 13:00"."""
    date = next(find_dates(line.text), None)
    if date is None:
        return None
    for found in find_clocks(line.text[date.span.end :], offset=date.span.end):
        return Located(
            found.value,
            Span(line.start + found.span.start, line.start + found.span.end),
        )
    return None


def _time_line(line: Line) -> Located[str] | None:
    """Read a heading line that is only a time: "2:00pm", "Time: 10.30am"."""
    match = _TIME_LINE.fullmatch(line.text)
    if match is None:
        return None
    found = next(
        find_clocks(match.group("t"), offset=line.start + match.start("t")), None
    )
    return found


def read_venue(text: str, head: Span) -> Located[str] | None:
    """Find the venue as written on a "Venue:" line or after "held at" in the head."""
    for line in header_lines(text, head):
        for pattern in (_VENUE, _HELD_AT):
            match = pattern.search(line.text)
            if match is not None:
                span = Span(line.start + match.start("v"), line.start + match.end("v"))
                span = trim_title(text, span)
                if span.end > span.start:
                    return Located(text[span.start : span.end], span)
    return None


def build_meeting(
    text: str,
    source: Source,
    *,
    layout: Layout,
    head: Span,
    items: Sequence[Item],
    discrepancies: Sequence[Discrepancy] = (),
    warnings: Sequence[str] = (),
) -> Meeting:
    """Assemble the meeting record from the heading region and the items found."""
    force = resolve_force(text, heading=head)
    start, end = read_times(text, head)
    notes = list(warnings)
    if not items:
        notes.append("no agenda items found")
    return Meeting(
        source=source,
        layout=layout,
        body=read_body(text, head=head, force=force),
        date=read_date(text, head),
        start_time=start,
        end_time=end,
        venue=read_venue(text, head),
        items=tuple(items),
        discrepancies=tuple(discrepancies),
        warnings=tuple(notes),
    )

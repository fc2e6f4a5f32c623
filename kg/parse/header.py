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
    clock,
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
# "held at County Hall, Taunton on 5 June 2019", "held in the Council Chamber, ..."
_HELD_AT = re.compile(
    r"\bheld\s+(?:at|in)\s+(?P<v>(?:the\s+)?[A-Z][^\n]{2,150}?)"
    r"(?=\s+on\s|,?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|,?\s+\d|\s*$)",
    re.MULTILINE,
)
# "at 10.30 am" after a meeting's date, on a heading line
_AT_TIME = re.compile(
    r"\bat\s+(?P<t>\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?)", re.IGNORECASE
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
        start = find_start_time(line.text, offset=line.start) or _at_time(line)
        if start is not None:
            break
    start = start or find_start_time(text)
    return start, find_end_time(text)


def _at_time(line: Line) -> Located[str] | None:
    if next(find_dates(line.text), None) is None:
        return None
    match = _AT_TIME.search(line.text)
    if match is None:
        return None
    value = clock(match.group("t"))
    if value is None:
        return None
    return Located(
        value, Span(line.start + match.start("t"), line.start + match.end("t"))
    )


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

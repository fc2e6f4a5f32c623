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
    find_held_time,
    find_start_time,
    find_time_range,
)
from kg.parse.forces import resolve_force
from kg.parse.text import Line, header_lines, iter_line_texts, trim_title
from kg.records import Discrepancy, Item, Layout, Located, Meeting, Source, Span

# "Venue: Gordano Room", "Location: Council Chamber", "Place - County Hall",
# "Held at: Lloyd House", "Meeting venue: Microsoft Teams"
_VENUE = re.compile(
    r"(?i:venue|location|place|held\s+at|address)\s*[:\-–]\s*(?P<v>\S.*)"
)
# "1:00pm", "09:30", "Time: 10.30 am", "Start time: 2pm" on a line of its own
_TIME_LINE = re.compile(
    r"[ \t]*(?:(?i:(?:start[ \t]+)?time)[ \t]*:?[ \t]*)?(?P<t>[0-9][0-9:.]{0,4}[ \t]*"
    r"(?i:[ap]\.?m\.?)?)[ \t]*"
)
# Around a line holding only the times: "(7.00pm - 9.15pm)", "[10.00 am - 12.35 pm]"
_RANGE_EDGE = " \t()[]."
# "held at County Hall, Taunton on 5 June 2019", "held in the Council Chamber, ...",
# "HELD ON THURSDAY 26 JANUARY 2023 AT TAMESIDE ONE, MARKET PLACE, ...", "held at
# 10.30 am on 2 February 2023 at Woodhatch Place, 11 Cockshot Hill, Reigate."
_HELD = re.compile(r"\bheld\b", re.IGNORECASE)
_AT_PLACE = re.compile(r"\b(?i:at|in)[ \t]+(?:(?i:the)[ \t]+)?(?=[A-Z])")
_DAY = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY"
)
# Where a venue after "held at" stops: the date, the time, the sentence's end.
_VENUE_END = re.compile(
    rf"[ \t]+(?i:on|commencing|starting|from)[ \t]|,?[ \t]+(?:{_DAY})\b"
    r"|,?[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}[ \t]+\d{4}"
    r"|[ \t]+(?i:at)[ \t]+\d|\.(?:[ \t]|$)|[ \t]*$"
)
# "Wakefield One, Burton Street, Wakefield, WF1 2EB" on a heading line of its own
_POSTCODE_END = re.compile(r",[^,\n]*\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}[ \t.]*$")
# Contact lines end in postcodes too: "Contact: ... Tel ..., Email ..."
_NOT_ADDRESS = re.compile(r"@|https?:|\b(?i:tel|telephone|email|contact|phone)\b")
# Between a heading's date or time and the place after it: ", ", ", at ", ", in the "
_AFTER_DATE = re.compile(
    r"[ \t]*,[ \t]*(?:(?i:at|in)[ \t]+(?:(?i:the)[ \t]+)?)?(?=[A-Z]|via[ \t]+[A-Z])"
)
# A heading line naming a room before its times: "Chamber - County Hall, Carmarthen
# - 10.00 am - 12.35 pm"
_PLACE_WORDS = re.compile(
    r"\b(?:Hall|Chamber|Room|House|Centre|Center|Offices|Building|Headquarters|HQ"
    r"|Civic|Suite|Teams|Zoom|Virtual|Remote)\b",
    re.IGNORECASE,
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
            or find_held_time(line.text, offset=line.start)
            or _at_time(line)
            or _time_line(line)
        )
        if start is not None:
            break
    start = start or find_start_time(text)
    end = find_end_time(text)
    if end is None:
        alone = _range_alone(text)
        if alone is not None and (start is None or start.value == alone[0].value):
            return alone
    return start, end


def _range_alone(text: str) -> tuple[Located[str], Located[str]] | None:
    """Find a line that is only the meeting's times: "7.00pm - 9.15pm", "(10am-1pm)".

    Minutes often print them once, under the last item or the signature.
    """
    # every line is read: as pairs, not `Line`s (0.10 ms a document, now 0.06)
    for line, start in iter_line_texts(text):
        bare = line.strip(_RANGE_EDGE)
        if not bare or len(bare) > 40:
            continue
        found = find_time_range(line, offset=start)
        if found is None:
            continue
        first, last = found[0].span.start - start, found[1].span.end - start
        if not line[:first].strip(_RANGE_EDGE) and not line[last:].strip(_RANGE_EDGE):
            return found
    return None


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
    for read in (_labelled_venue, _held_venue, _venue_before_times, _address_line):
        for line in header_lines(text, head):
            span = read(line)
            if span is not None:
                span = trim_title(text, span)
                if span.end - span.start > 2:
                    return Located(text[span.start : span.end], span)
    return None


def _labelled_venue(line: Line) -> Span | None:
    match = _VENUE.search(line.text)
    if match is None:
        return None
    return Span(line.start + match.start("v"), line.start + match.end("v"))


def _held_venue(line: Line) -> Span | None:
    """Read the place after "held ... at/in", past the date and time."""
    held = _HELD.search(line.text)
    if held is None:
        # "Friday 10 November 2023 at 10.30 am, Council House, Plymouth"
        return _venue_after_date(line, 0)
    for place in _AT_PLACE.finditer(line.text, held.end()):
        start = place.end()
        if re.match(rf"(?:{_DAY})\b", line.text[start:]):
            continue
        end = _VENUE_END.search(line.text, start + 1)
        stop = end.start() if end else len(line.text)
        if stop - start > 2:
            return Span(line.start + start, line.start + stop)
    return _venue_after_date(line, held.end())


def _venue_after_date(line: Line, after: int) -> Span | None:
    """Read a place printed after the date and time.

    As in "HELD AT 7.00PM, ON WEDNESDAY 11 JANUARY 2023, SAND MARTIN HOUSE, ..." or
    "held on 18 October 2022, 14:00 – 16:30, via Microsoft Teams".
    """
    ends = [d.span.end for d in find_dates(line.text[after:])]
    ends += [c.span.end for c in find_clocks(line.text[after:])]
    if not ends:
        return None
    start = after + max(ends)
    rest = _AFTER_DATE.match(line.text, start)
    if rest is None:
        return None
    end = _VENUE_END.search(line.text, rest.end() + 1)
    stop = end.start() if end else len(line.text)
    return Span(line.start + rest.end(), line.start + stop)


def _address_line(line: Line) -> Span | None:
    """Read a heading line that is only an address ending in a postcode."""
    if len(line.text) > 150 or _NOT_ADDRESS.search(line.text):
        return None
    if _POSTCODE_END.search(line.text) is None:
        return None
    return Span(line.start, line.end)


def _venue_before_times(line: Line) -> Span | None:
    """Read a room printed before the meeting's times on a heading line."""
    times = find_time_range(line.text)
    if times is None:
        return None
    before = line.text[: times[0].span.start]
    if not _PLACE_WORDS.search(before) or len(before) > 200:
        return None
    return Span(line.start, line.start + len(before))


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

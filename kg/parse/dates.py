"""Parsing helpers: dates and clock times as minutes print them, to located values.

Input is a piece of document text with its offset; output is `Located[datetime.date]`
or `Located[str]` ("HH:MM", 24-hour) whose span covers the printed words. Which date
belongs to *this* meeting is decided by `kg.parse.header`, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from kg.extract.near import find_words
from kg.records import Located, Span

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

# "15th March 2017", "Tuesday 1 March 2016", "23 April, 2023", "4th April 2018"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
# "March 15, 2017", "March 15th 2017"
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
# "15/03/2017", "15.03.2017", "21/03/18"
_NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d{2})\b")

_DATE_PATTERNS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC)

# one clock time: "2:00pm", "13:00", "10.30am", "10am", "10 a.m.", "13.05pm"
_MERIDIEM = r"(?:[ap]m\b|[ap]\.m\.)"
_CLOCK = rf"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d(?:\s*{_MERIDIEM})?|\s*{_MERIDIEM})"
_TIME = re.compile(
    r"(?<![\d.:/£$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])?\.?m?\.?(?![\d%])",
    re.IGNORECASE,
)
# a clock time standing alone: "13:00", "1.30 pm", "10am"
_LONE_CLOCK = re.compile(rf"(?<![\d.:/£$]){_CLOCK}(?![\d%])", re.IGNORECASE)
# "2:00pm – 4:50pm", "13:00 – 17:00", "10.30-2pm", "2.00 pm to 4.30 pm"
_RANGE = re.compile(
    rf"(?<![\d.:/£$])(?P<a>{_CLOCK}|[01]?\d|2[0-3])\s*(?:-|–|—|to|until)\s*(?P<b>{_CLOCK})"
    r"(?![\d%])",
    re.IGNORECASE,
)
# "The meeting started at 10.00 am", "commenced at 2pm"
_START = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[cbos])\b(?:commenced|started|began|opened|start(?:ed)?\s+time)\b"
    rf"[^\n.]{{0,20}}?\b(?:at|:)\s*(?P<t>{_CLOCK})",
    re.IGNORECASE,
)
# "The meeting ended at 4.15 pm", "The meeting closed at 12:30", "Meeting ended at:
# 1.05 pm", "The meeting finished at 1.15 pm"
_END = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[ecftr])\b(?:ended|closed|finished|concluded|terminated|rose)\b"
    rf"\s+(?:at\b\s*)?:?\s*(?P<t>{_CLOCK})",
    re.IGNORECASE,
)
# In a heading: "held at 10.30 am on 2 February 2023", "HELD ON MONDAY 6 FEBRUARY 2023
# AT 2.00 PM", "held on Thursday 26 January 2023 at 1pm"
_HELD = re.compile(
    rf"\bheld\b[^\n.]{{0,40}}?\b(?:at|from)\s+(?P<t>{_CLOCK})", re.IGNORECASE
)


def find_dates(text: str, *, offset: int = 0) -> Iterator[Located[dt.date]]:
    """Yield the valid calendar dates printed in `text`, in order of position.

    >>> [d.value.isoformat() for d in find_dates("Tuesday 1 March 2016 and 15/03/2017")]
    ['2016-03-01', '2017-03-15']
    """
    found: list[Located[dt.date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _to_date(match.group("y"), match.group("m"), match.group("d"))
            if value is not None:
                span = Span(match.start() + offset, match.end() + offset)
                found.append(Located(value, span))
    found.sort(key=lambda d: d.span.start)
    yield from found


def _to_date(year: str, month: str, day: str) -> dt.date | None:
    number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    if number is None or not 1990 <= full_year <= 2100:
        return None
    try:
        return dt.date(full_year, number, int(day))
    except ValueError:
        return None


def clock(raw: str, *, after: int | None = None) -> str | None:
    """Read one printed time as "HH:MM"; `after` (minutes) settles an am/pm-less hour.

    >>> clock("2:00pm"), clock("13.05pm"), clock("10am"), clock("2:00", after=10 * 60)
    ('14:00', '13:05', '10:00', '14:00')
    """
    match = _TIME.fullmatch(raw.strip())
    if match is None:
        return None
    hour, minute = int(match.group("h")), int(match.group("mi") or 0)
    meridiem = (match.group("ap") or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    elif (
        not meridiem and after is not None and hour < 12 and hour * 60 + minute < after
    ):
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def find_clocks(text: str, *, offset: int = 0) -> Iterator[Located[str]]:
    """Yield each clock time printed with minutes or am/pm ("13:00", "1.30 pm").

    >>> [t.value for t in find_clocks("7 November 2023 13:00 or 2pm")]
    ['13:00', '14:00']
    """
    for match in _LONE_CLOCK.finditer(text):
        value = clock(match.group())
        if value is not None:
            yield Located(value, Span(match.start() + offset, match.end() + offset))


def find_time_range(
    text: str, *, offset: int = 0
) -> tuple[Located[str], Located[str]] | None:
    """Find the first "start – end" clock range in `text`, as two "HH:MM" values.

    >>> r = find_time_range("2:00pm – 4:50pm")
    >>> r[0].value, r[1].value
    ('14:00', '16:50')
    >>> [t.value for t in find_time_range("10.30-2pm")]
    ['10:30', '14:00']
    """
    for match in _RANGE.finditer(text):
        end = clock(match.group("b"))
        if end is None:
            continue
        end_minutes = int(end[:2]) * 60 + int(end[3:])
        start = _start_before(match.group("a"), end_minutes)
        if start is None or start >= end:
            continue
        return (
            Located(start, Span(match.start("a") + offset, match.end("a") + offset)),
            Located(end, Span(match.start("b") + offset, match.end("b") + offset)),
        )
    return None


def _start_before(raw: str, end_minutes: int) -> str | None:
    """Read a range's start; without am/pm take the latest reading before the end."""
    plain = clock(raw)
    if plain is None or any(ch.isalpha() for ch in raw):
        return plain
    later = clock(raw, after=24 * 60)
    if later is not None and int(later[:2]) * 60 + int(later[3:]) < end_minutes:
        return later
    return plain


# the words each pattern of a stated time opens with
_START_WORDS = ("commenced", "started", "began", "opened", "start")
_END_WORDS = ("ended", "closed", "finished", "concluded", "terminated", "rose")
_HELD_WORDS = ("held",)


def find_start_time(text: str, *, offset: int = 0) -> Located[str] | None:
    """Find a start time stated in words ("The meeting commenced at 10.00 am")."""
    return _stated(_START, _START_WORDS, text, offset)


def find_held_time(text: str, *, offset: int = 0) -> Located[str] | None:
    """Find the time a heading says the meeting was held at.

    >>> find_held_time("held at 10.30 am on 2 February 2023").value
    '10:30'
    """
    return _stated(_HELD, _HELD_WORDS, text, offset)


def find_end_time(text: str, *, offset: int = 0) -> Located[str] | None:
    """Find an end time stated in words ("The meeting ended at 4.15 pm")."""
    return _stated(_END, _END_WORDS, text, offset)


def _stated(
    pattern: re.Pattern[str], words: tuple[str, ...], text: str, offset: int
) -> Located[str] | None:
    # as `pattern.finditer(text)`, tried only where its opening words are: the start
    # and end times are searched for over the whole text (0.28 ms a document, now 0.09)
    end = 0
    for at in find_words(text, words):
        match = pattern.match(text, at) if at >= end else None
        if match is None:
            continue
        end = match.end()
        value = clock(match.group("t"))
        if value is not None:
            span = Span(match.start("t") + offset, match.end("t") + offset)
            return Located(value, span)
    return None

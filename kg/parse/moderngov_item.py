"""Layout parser: a modern.gov agenda-item web page (text in, `kg.records.Meeting` out).

One item: its title follows the "Agenda item" line, its minuted text follows
"Minutes:" and runs to "Supporting documents:" or the end; "·" and "Ø" bullets are part
of the text.
Seed 001 shows the layout::

    Agendas, Meetings and Minutes - Agenda item
    Agenda item
    Annual Worcestershire County Council Community Safety Report
    Minutes:
    ·       Consider the Annual Update on developments in relation to Community Safety
"""

from __future__ import annotations

import re

from kg.parse import moderngov_table
from kg.parse.header import build_meeting
from kg.parse.headings import Heading
from kg.parse.text import iter_lines, sliced, squeeze, trim_text, trim_title
from kg.records import Item, Layout, Meeting, Source, Span

# "Agenda item" on a line of its own (the page's heading above the item's title)
_AGENDA_ITEM = re.compile(r"^[ \t]*Agenda item[ \t]*$", re.MULTILINE | re.IGNORECASE)
# "Minutes:" introducing the minuted text
_MINUTES = re.compile(r"^[ \t]*Minutes:[ \t]*", re.MULTILINE)
# "Supporting documents:" closing the page
_TAIL = re.compile(
    r"^[ \t]*(?:Supporting documents|Additional documents):", re.MULTILINE
)
# "Meeting of X Committee, Tuesday 6 July 2021 1.30 pm - 3.40 pm (Item 902.)"
_ITEM_REF = re.compile(r"\((?:Item|Minute)\s+(?P<num>\d{1,5}(?:/\d{2,4})?[a-z]?)\.?\)")
# "23.", "Minute 23/21", "5a" printed before the title on a page of a numbered agenda
_NUMBER = re.compile(r"(?:Minute\s+)?(?P<num>\d{1,3}(?:/\d{2,4})?[a-z]?)\.?\s+")


def looks_like(text: str) -> bool:
    """Tell whether the text is an "Agenda item" page carrying "Minutes:".

    A page whose minutes are a table of several items is the table layout's, even
    under an "Agenda item" heading.
    """
    head = _AGENDA_ITEM.search(text, 0, 2000)
    if head is None or _MINUTES.search(text, head.end()) is None:
        return False
    return not moderngov_table.looks_like(text)


def parse(text: str, source: Source) -> Meeting:
    """Read the page's one item; its header is everything above the item's title."""
    heading = _item_heading(text)
    if heading is None:
        return build_meeting(
            text,
            source,
            layout=Layout.MODERNGOV_ITEM,
            head=Span(0, 0),
            items=[],
            warnings=["no 'Agenda item' title found"],
        )
    tail = _TAIL.search(text, heading.line.end)
    stop = tail.start() if tail else len(text)
    minutes = _MINUTES.search(text, heading.line.end, stop)
    begin = minutes.end() if minutes else heading.line.end
    reference = _ITEM_REF.search(text, 0, heading.line.start)
    item = Item(
        position=1,
        number=reference.group("num") if reference else heading.number,
        title=squeeze(sliced(text, heading.title)),
        title_span=heading.title,
        text_span=trim_text(text, Span(begin, max(begin, stop))),
    )
    head = Span(0, heading.line.start)
    return build_meeting(
        text, source, layout=Layout.MODERNGOV_ITEM, head=head, items=[item]
    )


def _item_heading(text: str) -> Heading | None:
    marker = _AGENDA_ITEM.search(text)
    if marker is None:
        return None
    for line in iter_lines(text[marker.end() :]):
        if not line.text.strip():
            continue
        start = marker.end() + line.start
        number = _NUMBER.match(line.text.strip())
        title = trim_title(text, Span(start, start + len(line.text)))
        if number is not None and number.end() < len(line.text.strip()):
            offset = line.text.index(line.text.strip()) + number.end()
            title = trim_title(text, Span(start + offset, start + len(line.text)))
        printed = number.group("num") if number else "1"
        return Heading(printed, title, Span(start, start + len(line.text)))
    return None

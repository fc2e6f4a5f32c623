"""Layout parser: a modern.gov item table flattened to text (text in, `Meeting` out).

Rows end with "|" and are parted by "|" lines; a row prints the title, perhaps a
"PDF 228 KB" link and a time, the item's description, "Minutes:" and the minuted text,
which a page may cut off with "... view the full minutes text for item 62/21 |". The
item number is that reference where printed, else the row's position. Seed 002::

    No. | Item |
    ---|---|
    Declarations of Interest Minutes: There were none. |
    |
    Cyber and Digital Investigation & Intelligence PDF 222 KB 11.15am The report of ...
"""

from __future__ import annotations

import re

from kg.parse.header import build_meeting
from kg.parse.headings import Heading
from kg.parse.row_title import row_title
from kg.parse.text import sliced, squeeze, trim_text
from kg.records import Item, Layout, Meeting, Source, Span

# "No. | Item |" and "---|---|": the table's head
_TABLE_HEAD = re.compile(
    r"^[ \t]*(?:No\.?|Item)[ \t]*\|.*$|^[ \t]*-{2,}[ \t]*\|.*$", re.MULTILINE
)
# "|" alone on a line: the border between two rows
_ROW_BORDER = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)
# "Minutes:" between an item's description and its minuted text (the word's start is
# tested once it is found: the engine skips to each "Minutes:" by its letters)
_MINUTES = re.compile(r"Minutes:(?<=\bMinutes:)")
# "... view the full minutes text for item 62/21 |"
_CUT_WORDS = "view the full minutes text for item"
_CUT = re.compile(
    rf"(?:\.\.\.|…)?[ \t]*{_CUT_WORDS}[ \t]+(?P<ref>[\w/.-]+?)[ \t]*\|?[ \t]*$"
)
# "1. | Apologies for Absence" or "62/21 | Community Policing": a printed number column
_NUMBER_CELL = re.compile(r"[ \t]*(?P<num>\d{1,3}(?:/\d{2,4})?[a-z]?)\.?[ \t]*\|")


# "2. | Apologies and Substitutes Minutes: ...": a row opening with its number cell
_NUMBERED_ROW = re.compile(
    r"^[ \t]*\d{1,3}(?:/\d{2,4})?[a-z]?\.?[ \t]*\|", re.MULTILINE
)
# Rows that open with a number cell, without border lines between them, from this many.
MIN_NUMBERED_ROWS = 3


def looks_like(text: str) -> bool:
    """Tell whether the text is a "|"-flattened table with "Minutes:" markers."""
    if _MINUTES.search(text) is None:
        return False
    borders = len(_ROW_BORDER.findall(text, 0, 200_000))
    numbered = len(_NUMBERED_ROW.findall(text, 0, 200_000))
    return borders >= 2 or numbered >= MIN_NUMBERED_ROWS


def parse(text: str, source: Source) -> Meeting:
    """Read each row between "|" borders as one item; the header is above the table."""
    table = _TABLE_HEAD.search(text)
    first_row = table.end() if table else _first_border(text)
    rows = _rows(text, first_row)
    items = [_item(text, span, position) for position, span in enumerate(rows, start=1)]
    head = Span(0, first_row)
    return build_meeting(
        text, source, layout=Layout.MODERNGOV_TABLE, head=head, items=items
    )


def _first_border(text: str) -> int:
    """Without a table head, rows start at the first "Minutes:" row's line."""
    marker = _MINUTES.search(text)
    if marker is None:
        return 0
    return text.rfind("\n", 0, marker.start()) + 1


def _rows(text: str, start: int) -> list[Span]:
    """Split the text from `start` on into the non-empty rows between borders."""
    while True:
        head = _TABLE_HEAD.match(text, start)
        if head is None:
            break
        start = head.end()
    spans, cursor = [], start
    for border in _ROW_BORDER.finditer(text, start):
        spans.append(Span(cursor, border.start()))
        cursor = border.end()
    spans.append(Span(cursor, len(text)))
    if len(spans) == 1:
        # no border lines: each row opens with its number cell ("2. | Apologies")
        starts = [m.start() for m in _NUMBERED_ROW.finditer(text, start)] or [start]
        ends = starts[1:] + [len(text)]
        spans = [Span(a, b) for a, b in zip(starts, ends, strict=True)]
    trimmed = (trim_text(text, s) for s in spans)
    return [s for s in trimmed if s.end > s.start]


def _find_cut(text: str, row: Span) -> re.Match[str] | None:
    """Find where a page cut the row's minutes off, if it did."""
    # most rows are printed whole: a plain look for the words spares them the search
    if text.find(_CUT_WORDS, row.start, row.end) < 0:
        return None
    return _CUT.search(text, row.start, row.end)


def _item(text: str, row: Span, position: int) -> Item:
    minutes = _MINUTES.search(text, row.start, row.end)
    top_end = minutes.start() if minutes else row.end
    cut = _find_cut(text, row)
    number = _NUMBER_CELL.match(text, row.start, row.end)
    top_start = number.end() if number else row.start
    title = row_title(text, Span(top_start, top_end))
    printed = (
        cut.group("ref") if cut else (number.group("num") if number else str(position))
    )
    body_start = minutes.end() if minutes else title.end
    body_end = cut.start() if cut else row.end
    heading = Heading(printed, title, Span(row.start, title.end))
    return Item(
        position=position,
        number=heading.number,
        title=squeeze(sliced(text, title)),
        title_span=title,
        text_span=trim_text(text, Span(body_start, max(body_start, body_end))),
    )

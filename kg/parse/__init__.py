"""Parsing stage: document text to a `kg.records.Meeting` (structure, then extraction).

`sniff(text)` names the layout; `PARSERS[layout]` reads the meeting's header (body,
force, date, times, venue) and its agenda items with their spans; `kg.extract` then
fills attendance, topics, decisions and actions. A new layout is one module, one
`PARSERS` line and one `SNIFFERS` line.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import extract_all
from kg.parse import (
    agenda_minutes,
    generic,
    moderngov_item,
    moderngov_table,
    numbered_minutes,
)
from kg.records import Layout, Meeting, Source

Parser = Callable[[str, Source], Meeting]

PARSERS: dict[Layout, Parser] = {
    Layout.MODERNGOV_ITEM: moderngov_item.parse,
    Layout.MODERNGOV_TABLE: moderngov_table.parse,
    Layout.AGENDA_AND_MINUTES: agenda_minutes.parse,
    Layout.NUMBERED_MINUTES: numbered_minutes.parse,
    Layout.GENERIC: generic.parse,
}

# Tests in order of specificity: the first layout whose test passes is the text's.
SNIFFERS: tuple[tuple[Layout, Callable[[str], bool]], ...] = (
    (Layout.MODERNGOV_ITEM, moderngov_item.looks_like),
    (Layout.MODERNGOV_TABLE, moderngov_table.looks_like),
    (Layout.AGENDA_AND_MINUTES, agenda_minutes.looks_like),
    (Layout.NUMBERED_MINUTES, numbered_minutes.looks_like),
    (Layout.GENERIC, generic.looks_like),
)


def sniff(text: str) -> Layout:
    r"""Name the layout of `text`: the first of `SNIFFERS` whose test passes.

    >>> sniff("1. Apologies\nNone\n2. Minutes\nAgreed\n3. Any other business\n-")
    <Layout.NUMBERED_MINUTES: 'numbered-minutes'>
    >>> sniff("")
    <Layout.GENERIC: 'generic'>
    """
    return next(layout for layout, test in SNIFFERS if test(text))


def parse_structure(
    text: str, source: Source, *, layout: Layout | None = None
) -> Meeting:
    """Read the meeting's header and items only (no attendance, topics, decisions)."""
    return PARSERS[layout or sniff(text)](text, source)


def parse_document(
    text: str, source: Source, *, layout: Layout | None = None
) -> Meeting:
    """Parse `text` into a full meeting record."""
    meeting = parse_structure(text, source, layout=layout)
    return extract_all(meeting, text)

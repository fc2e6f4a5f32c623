"""Parsing stage: document text to a `kg.records.Meeting` (structure, then extraction).

`sniff(text)` names the layout; `PARSERS[layout]` reads the meeting's header (body, force,
date, times, venue) and its agenda items with their spans; `kg.extract` then fills
attendance, topics, decisions and actions. A new layout is one module plus one dict line.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import extract_all
from kg.records import Layout, Meeting, Source

Parser = Callable[[str, Source], Meeting]

PARSERS: dict[Layout, Parser] = {}


def sniff(text: str) -> Layout:
    """The layout of `text` (placeholder: generic)."""
    return Layout.GENERIC


def parse_document(text: str, source: Source, *, layout: Layout | None = None) -> Meeting:
    """Parse `text` into a full meeting record."""
    chosen = layout or sniff(text)
    meeting = PARSERS[chosen](text, source)
    return extract_all(meeting, text)

"""Layout parser: numbered plain-text minutes (text in, `kg.records.Meeting` out).

The items are the longest run of numbered heading lines; bullets and lettered points
under them are the items' text, not items. Seeds 000 and 003 show the layout::

    Police & Crime Panel – Minutes
    15th March 2017
    1. Apologies for absence
    - Councillor Richard Brown
    2. Public Forum
"""

from __future__ import annotations

from kg.parse.header import build_meeting
from kg.parse.headings import main_run, numbered_headings
from kg.parse.items import items_from_headings
from kg.records import Layout, Meeting, Source, Span

# A run this long is a document's order of business rather than a numbered list.
MIN_RUN = 3


def looks_like(text: str) -> bool:
    """Tell whether the text has a run of at least `MIN_RUN` numbered headings."""
    return len(main_run(numbered_headings(text))) >= MIN_RUN


def parse(text: str, source: Source) -> Meeting:
    """Read numbered minutes: the header up to the first heading, then the items."""
    run = main_run(numbered_headings(text))
    head = Span(0, run[0].line.start if run else len(text))
    items = items_from_headings(text, run)
    return build_meeting(
        text, source, layout=Layout.NUMBERED_MINUTES, head=head, items=items
    )

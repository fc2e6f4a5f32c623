"""Layout parser: the fallback for any other text (text in, `kg.records.Meeting` out).

It finds what it can: numbered heading lines, else markdown "#" headings, bold lines or
short capitalised lines, each read as an item; a text with none of them gives a meeting
without items and a warning. It never raises, whatever the input. For example::

    # Joint Audit Committee
    ## Internal Audit Progress Report
    The committee noted the report.
"""

from __future__ import annotations

import re

from kg.parse.header import build_meeting
from kg.parse.headings import MAX_TITLE, Heading, main_run, numbered_headings
from kg.parse.items import items_from_headings
from kg.parse.text import iter_lines, trim_title
from kg.records import Layout, Meeting, Source, Span

# "## Internal Audit Progress Report", "**Chief Constable's Update**", "PRESENT"
_PLAIN_HEADING = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+(?P<md>\S.*)|\*\*(?P<bold>[^*]+)\*\*[ \t]*:?"
    r"|(?P<caps>[A-Z][A-Z0-9 ,'&:/()–-]{3,}))[ \t]*"
)
# Capitalised lines that head attendance lists rather than items.
_NOT_ITEMS = re.compile(
    r"(?i)^(?:present|also present|in attendance|apologies|attendees|members|officers"
    r"|minutes|agenda|action|actions|draft|councillors|(?:vice[ -]?)?chair(?:man)?"
    r"|together with|others present|(?:independent|co-opted|elected) members"
    r"|witnesses|substitutes|absent|signed|date|page \d)\b"
)


def looks_like(text: str) -> bool:
    """Accept any text: the generic parser is the fallback."""
    return True


def parse(text: str, source: Source) -> Meeting:
    """Read numbered headings if any, else other heading lines, as the items."""
    headings = main_run(numbered_headings(text)) or _plain_headings(text)
    items = items_from_headings(text, headings)
    head = Span(0, headings[0].line.start if headings else min(len(text), 2000))
    return build_meeting(text, source, layout=Layout.GENERIC, head=head, items=items)


def _plain_headings(text: str) -> list[Heading]:
    found: list[Heading] = []
    for line in iter_lines(text):
        if len(line.text) > MAX_TITLE:
            continue
        match = _PLAIN_HEADING.fullmatch(line.text)
        if match is None:
            continue
        group = next(g for g in ("md", "bold", "caps") if match.group(g))
        title = trim_title(text, Span(line.start + match.start(group), line.end))
        words = text[title.start : title.end]
        if title.end > title.start and not _NOT_ITEMS.match(words):
            found.append(Heading("", title, line.span))
    # the first of several headings is the document's own title, not an item
    kept = found[1:] if len(found) > 1 else found
    return [Heading(str(n), h.title, h.line) for n, h in enumerate(kept, start=1)]

"""Parsing helpers: item headings found by a layout parser to `kg.records.Item` records.

Input is the document text and the headings in order of business (number, title span,
heading line span); output is the items, each with its minuted text running from the
end of its heading to the start of the next heading (or the end of the minutes).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.parse.headings import Heading
from kg.parse.text import sliced, squeeze, trim_text
from kg.records import Item, Span


def items_from_headings(
    text: str, headings: Sequence[Heading], *, end: int | None = None
) -> list[Item]:
    r"""Make one item per heading; its text is what lies between it and the next one.

    >>> from kg.parse.headings import numbered_headings
    >>> text = "1. Apologies\nNone.\n2. Minutes\nAgreed."
    >>> [(i.number, i.title, text[i.text_span.start:i.text_span.end])
    ...  for i in items_from_headings(text, numbered_headings(text))]
    [('1', 'Apologies', 'None.'), ('2', 'Minutes', 'Agreed.')]
    """
    stop = len(text) if end is None else end
    items = []
    for position, heading in enumerate(headings, start=1):
        following = headings[position].line.start if position < len(headings) else stop
        body = trim_text(text, Span(heading.line.end, max(heading.line.end, following)))
        items.append(
            Item(
                position=position,
                number=heading.number,
                title=squeeze(sliced(text, heading.title)),
                title_span=heading.title,
                text_span=body,
            )
        )
    return items

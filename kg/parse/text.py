"""Parsing helpers: a document's text to offset-carrying lines and trimmed spans.

Every layout parser works on `Line` records (the line's text and its offsets in the
document) so that any value it reads keeps a `kg.records.Span` into the original string.
The helpers here never copy or normalise the text itself; they only move offsets.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.records import Span

# Characters stripped from the ends of a title or quote: whitespace, markdown emphasis,
# list bullets and trailing separators, as in "- **Flooding in West Yorkshire** –".
_EDGE = " \t\r\n\u00a0\u200b*_|·•Ø-–—:;,.\ufffd"

# "Date of the Next Meeting: 2nd May 2018", "the previous meeting held on 5 January"
_OTHER_MEETING = re.compile(
    r"\b(?:next|previous|last|future|forthcoming|following|prior|adjourned)\b"
    r"|\bdeadline\b|\bpublished\b|\bissued\b|\bdespatched\b",
    re.IGNORECASE,
)
# Lines of a heading region read for the meeting's facts (an agenda and attendee list
# included).
HEAD_LINES = 250
# A line break of any flavour; "\r\n" first so it counts as one break.
_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the document: `text` without its break, `start` its offset."""

    text: str
    start: int

    @property
    def end(self) -> int:
        """Offset just past the line's last character (before the break)."""
        return self.start + len(self.text)

    @property
    def span(self) -> Span:
        """The line's span, trimmed of surrounding blanks."""
        return trim(self.text, Span(0, len(self.text)), offset=self.start)


def iter_lines(text: str) -> Iterator[Line]:
    r"""Yield the lines of `text` with their offsets.

    >>> [(ln.text, ln.start) for ln in iter_lines("a\nbc\r\nd")]
    [('a', 0), ('bc', 2), ('d', 6)]
    """
    return itertools.starmap(Line, iter_line_texts(text))


def iter_line_texts(text: str) -> Iterator[tuple[str, int]]:
    r"""Yield the lines of `text` as `iter_lines` does, each a (text, offset) pair.

    A scan of every line of a document that keeps few is spared a `Line` a line (0.3 µs
    each, a frozen dataclass).

    >>> list(iter_line_texts("a\nbc\r\nd"))
    [('a', 0), ('bc', 2), ('d', 6)]
    """
    start = 0
    if "\r" not in text:
        # every break is "\n": splitting is quicker than searching for breaks
        for line in text.split("\n"):
            yield line, start
            start += len(line) + 1
        return
    for brk in _BREAK.finditer(text):
        yield text[start : brk.start()], start
        start = brk.end()
    yield text[start:], start


def trim(
    text: str, span: Span, *, offset: int = 0, chars: str = " \t\r\n\u00a0\u200b"
) -> Span:
    """Shrink `span` (relative to `text`) past `chars` at both ends; add `offset`.

    >>> trim("  Venue: Room  ", Span(0, 15))
    Span(start=2, end=13)
    """
    start, end = span.start, span.end
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start + offset, end + offset)


def trim_title(text: str, span: Span) -> Span:
    """Shrink an absolute `span` of `text` past bullets, emphasis and separators.

    >>> text = "- **Cyber Crime** –"
    >>> s = trim_title(text, Span(0, len(text)))
    >>> text[s.start:s.end]
    'Cyber Crime'
    """
    return trim(text, span, chars=_EDGE)


def trim_text(text: str, span: Span) -> Span:
    """Shrink an absolute `span` of `text` past blanks and cell bars only."""
    return trim(text, span, chars=" \t\r\n\u00a0\u200b|")


def squeeze(value: str) -> str:
    r"""Collapse runs of whitespace in `value` to single spaces.

    >>> squeeze(" Police  and\n Crime ")
    'Police and Crime'
    """
    return " ".join(value.split())


def sliced(text: str, span: Span) -> str:
    """Slice the text of `span` out of `text`."""
    return text[span.start : span.end]


def header_lines(text: str, head: Span) -> Iterator[Line]:
    """Yield the heading region's lines that speak of this meeting, not another one.

    Only the first `HEAD_LINES` lines with words count: a heading region longer than
    that is a document whose structure was not found, not a meeting's heading.
    """
    return iter(_header_lines(text, head))


# The date, the times, the venue and the body are each read from the heading lines,
# the venue in several passes: the lines are found once.
@functools.lru_cache(maxsize=4)
def _header_lines(text: str, head: Span) -> tuple[Line, ...]:
    found = []
    region = iter_line_texts(text[head.start : head.end])
    lines = (pair for pair in region if pair[0].strip())
    for _, (line, start) in zip(range(HEAD_LINES), lines, strict=False):
        if not _OTHER_MEETING.search(line):
            found.append(Line(line, start + head.start))
    return tuple(found)

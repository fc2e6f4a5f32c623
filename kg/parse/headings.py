"""Parsing helpers: numbered item headings in a document's lines, and their runs.

Input is the document text; output is `Heading` records (number as printed, title span,
heading line span) grouped into runs whose numbers count up ("1.", "2.", ... "14."). A
document whose numbering restarts holds two runs: an agenda and then its minutes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.parse.text import Line, iter_line_texts, trim_title
from kg.records import Span

# "1. Apologies for absence", "12. Date of next meeting", "3a. Assurance Report",
# "62/21 Community Policing Strategy", "Item 5 – Police and Crime Plan", "**4. AOB**",
# "PCP/01/23  WELCOME AND APOLOGIES", "PCP 12/22 Precept", "Minute 101 – Apologies",
# "1.0 Apologies" (whose paragraphs are "1.1 ...", "1.2 ...")
_NUMBERED = re.compile(
    r"[ \t]{0,8}(?:#{1,6}[ \t]+)?(?:\*\*)?"
    r"(?i:(?:Agenda[ \t]+)?Item[ \t]+|Minute[ \t]+)?"
    r"(?P<num>(?:[A-Z]{2,6}/(?=\d)|[A-Z]{2,6}[ \t](?=\d{1,3}/\d{2}))?"
    r"\d{1,3}(?:\.0(?=[ \t]))?(?:/\d{2,4}){0,2}(?:[a-z](?![a-z]))?)"
    r"(?:[.):]|[ \t]+[-–—:])?[ \t]+(?:\*\*)?(?P<title>[A-Z0-9\"“‘'(].*)"
)
# "- a. Assurance Report (specific assurance on ...)", "a) Assurance", "(b) Overview"
_LETTERED = re.compile(
    r"[ \t]{0,8}(?:[-*•·][ \t]+)?(?:\*\*)?\(?(?P<num>[a-h])[.)][ \t]+(?:\*\*)?"
    r"(?P<title>[A-Z0-9\"“‘'(].*)"
)
# A number followed by a month is a date, not a heading: "1 March 2016"
_DATE_LIKE = re.compile(
    r"(?:st|nd|rd|th)?\s*(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+\d"
)
# A reference to the agenda or its pages after a minute's title: "(Item 1)",
# "[Item 5]", "(Agenda Item 3)", "(Pages 5 - 12)"
_TITLE_TAIL = re.compile(
    r"[ \t]*[\[(](?i:(?:agenda[ \t]+)?item[ \t]+\d{1,3}[a-z]?|pages?[ \t]+\d+"
    r"(?:[ \t]*[-–][ \t]*\d+)?)[\])][ \t]*$"
)
# A second sentence inside a title makes it a paragraph: "trained. The Constabulary"
_TWO_SENTENCES = re.compile(r"[a-z)][.?!][ \t]+[A-Z][a-z]")
# An item heading is a title, not a paragraph: at most this many characters.
MAX_TITLE = 160
# An agenda's sub-items may spell out what they cover: "a. Assurance Report (specific
# assurance on Modern Slavery, Sex Work (off street and on street) and ...)"
MAX_SUB_TITLE = 300
_DIGITS = re.compile(r"\d+")
# Numbers may skip this many places (an item withdrawn or taken in private).
_MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class Heading:
    """An item heading: `number` as printed, `line` its line, `title` its title."""

    number: str
    title: Span
    line: Span

    @property
    def rank(self) -> int:
        """The integer part of the number ("3a" -> 3, "62/21" -> 62)."""
        digits = _DIGITS.search(self.number)
        return int(digits.group()) if digits else 0


def _heading(
    text: str, line: tuple[str, int], pattern: re.Pattern[str], *, longest: int
) -> Heading | None:
    """Read a heading from a line (its text and offset) of `text`, or None.

    The line comes as a pair, not a `Line`: most lines are not headings, and are spared
    making one (a document's headings are found in 0.09 ms, were 0.13).
    """
    printed, start = line
    if len(printed) > longest + 40:
        return None
    match = pattern.fullmatch(printed)
    if match is None:
        return None
    title = trim_title(text, Span(start + match.start("title"), start + len(printed)))
    tail = _TITLE_TAIL.search(text, title.start, title.end)
    if tail is not None and tail.start() > title.start:
        title = trim_title(text, Span(title.start, tail.start()))
    size = title.end - title.start
    if size == 0 or size > longest or text[title.end - 1] in ",;":
        return None
    words = text[title.start : title.end]
    if _DATE_LIKE.match(words) or _TWO_SENTENCES.search(words):
        return None
    return Heading(match.group("num"), title, Line(printed, start).span)


def numbered_headings(text: str) -> list[Heading]:
    r"""Find the lines of `text` that read as numbered headings, in order.

    >>> [h.number for h in numbered_headings("1. Apologies\nNone\n2. Minutes\n")]
    ['1', '2']
    """
    return list(_numbered_headings(text))


# The layout tests read a text's numbered headings, then the layout's parser reads them
# again: the last few texts' are kept.
@functools.lru_cache(maxsize=4)
def _numbered_headings(text: str) -> tuple[Heading, ...]:
    lines = iter_line_texts(text)
    found = (_heading(text, line, _NUMBERED, longest=MAX_TITLE) for line in lines)
    return tuple(h for h in found if h is not None)


def lettered_headings(text: str, span: Span) -> list[Heading]:
    """Find the "a) ..." sub-headings on lines of their own inside `span` of `text`."""
    found = []
    for words, start in iter_line_texts(text[span.start : span.end]):
        moved = (words, start + span.start)
        heading = _heading(text, moved, _LETTERED, longest=MAX_SUB_TITLE)
        if heading is not None:
            found.append(heading)
    return found


def runs(headings: list[Heading]) -> list[list[Heading]]:
    r"""Group headings into counting-up runs; each heading joins the nearest open run.

    A run is open to a heading whose number is at most `_MAX_GAP` above the run's last;
    of several, the one ending on the highest number (then the latest) takes it.

    >>> hs = numbered_headings("1. A\n2. B\n1. A\n2. B\n3. C")
    >>> [[h.number for h in run] for run in runs(hs)]
    [['1', '2'], ['1', '2', '3']]
    """
    chains: list[list[Heading]] = []
    ending: dict[int, list[int]] = {}  # last rank -> indexes of the runs ending there
    for heading in headings:
        rank = heading.rank
        below = (rank - gap for gap in range(1, _MAX_GAP + 1))
        last = next((r for r in below if ending.get(r)), None)
        if last is None:
            index = len(chains)
            chains.append([heading])
        else:
            index = ending[last].pop()
            chains[index].append(heading)
        ending.setdefault(rank, []).append(index)
    return chains


def main_run(headings: list[Heading]) -> list[Heading]:
    """Pick the longest run (the earliest of equals); [] when there are no headings."""
    chains = runs(headings)
    if not chains:
        return []
    return max(chains, key=lambda c: (len(c), -c[0].line.start))

"""Sentence splitting (extraction stage): a text region to sentence and bullet spans.

Minutes mix prose paragraphs, bullet points (`-`, `·`, `Ø`, `•`), numbered or lettered
points (`(1)`, `a)`, `[`) and headings. `split_sentences(text, span)` cuts the region
`text[span]` into lines, drops each line's bullet marker, then splits the line at
sentence ends that are not abbreviations ("T/Det. Supt. Minton", "e.g.", "A. Patel").
It returns `Span`s into the original text, so later quotes are sliced, never retyped.
`read_table` does the same for the rows of a table printed with `|` bars.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from kg.records import Span

# "- Panel members raised…", "· Outlining the…", "(1) Reference was made…", "a) Assur…",
# "[The PCC replied…", "Ø Sex work", "• Recruitment", "1. Apologies", "**Flooding** –"
_MARKER = re.compile(
    r"^[^\S\n]*(?:[-–•·Ø*>\u2022]+[^\S\n]+|\(?[0-9ivxa-hj-z]{1,4}[.)][^\S\n]+|\[+|\*\*)*"
)

# a full stop, ! or ? then space and an upper-case letter, digit, quote or bracket:
# "…at-risk areas. Concern was expressed…"
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*[^\S\n]+(?=[\"“‘(\[]?[A-Z0-9£])")

# Words that end in a full stop without ending a sentence: "Ch. Supt. Ridley", "e.g."
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof cllr cllor rev revd st supt det ch insp sgt dept dep dci di pc "
    "no nos vol para paras ref fig eg ie e.g i.e etc approx cf inc ltd co vs v jan feb "
    "mar apr jun jul aug sep sept oct nov dec govt dept cc dcc acc t/cc t/dcc t/acc "
    "t/det t/dept t/supt".split()
)

# what may close a sentence after its full stop: "… (e.g. Uber)."
_CLOSERS = "\"”’')]"
# the characters of the last word before a full stop, besides letters and digits
_WORD_MARKS = "_/."


def split_lines(text: str, span: Span) -> Iterator[Span]:
    r"""Find the non-blank lines of `text[span]`, without bullet markers or edge spaces.

    >>> text = "- First point.\n\n  (2) Second"
    >>> [text[s.start:s.end] for s in split_lines(text, Span(0, len(text)))]
    ['First point.', 'Second']
    """
    return iter(_lines(text, span))


# An item's lines are read for its sentences, its decision notices, its action headings
# and its action log: they are found once (see `_sentences`).
@functools.lru_cache(maxsize=512)
def _lines(text: str, span: Span) -> tuple[Span, ...]:
    found = []
    pos = span.start
    for line in text[span.start : span.end].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        marker = _MARKER.match(line)
        if marker:
            start += marker.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append(Span(start, end))
    return tuple(found)


def last_word(text: str, start: int, end: int) -> str | None:
    """Give the last word of `text[start:end]` (a line), closing quotes passed over.

    A word is a run of letters, digits, "_", "/" and "."; it is scanned backwards from
    `end`, so a long line costs no more than its last word.

    >>> text = "said T/Det. Supt.)"
    >>> last_word(text, 0, len(text)), last_word(text, 0, 4), last_word("(", 0, 1)
    ('Supt.', 'said', None)
    """
    stop = end
    while stop > start and text[stop - 1] in _CLOSERS:
        stop -= 1
    first = stop
    while first > start and (
        text[first - 1].isalnum() or text[first - 1] in _WORD_MARKS
    ):
        first -= 1
    return text[first:stop] if first < stop else None


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    found = last_word(text, start, end)
    if found is None:
        return False
    word = found.lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_line(text: str, line: Span) -> list[Span]:
    found = []
    start = line.start
    for end_mark in _SENTENCE_END.finditer(text, line.start, line.end):
        if _is_abbreviation(text, start, end_mark.start()):
            continue
        stop = end_mark.end()
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            found.append(Span(start, stop))
        start = end_mark.end()
    if start == line.start:
        found.append(line)  # a line of one sentence: its span serves, none is made
    elif line.end > start:
        found.append(Span(start, line.end))
    return found


def split_sentences(text: str, span: Span) -> list[Span]:
    r"""Split `text[span]` into its sentences and bullet points, in order.

    The topic, decision and action extractors each read an item's sentences: they are
    split once and the split is remembered (see `_sentences`).

    >>> text = "- Ch. Supt. Ridley spoke. The PCC asked (e.g. Uber) why.\nAction: none"
    >>> [text[s.start:s.end] for s in split_sentences(text, Span(0, len(text)))]
    ['Ch. Supt. Ridley spoke.', 'The PCC asked (e.g. Uber) why.', 'Action: none']
    """
    return list(_sentences(text, span))


# A document's items are split by three extractors in turn, and a decision notice's
# line once more: the last few hundred splits serve them all. A hit costs a hash of the
# text, which Python computes once per string.
@functools.lru_cache(maxsize=512)
def _sentences(text: str, span: Span) -> tuple[Span, ...]:
    # lists, not generators, and a line's span kept: a tenth quicker
    found: list[Span] = []
    for line in _lines(text, span):
        found += _split_line(text, line)
    return tuple(found)


def is_table_row(line: str) -> bool:
    """Tell a row of a table of several columns from a flattened modern.gov item.

    >>> is_table_row("| 23/01 | Provide a breakdown | ACC Lawson | Open |")
    True
    >>> is_table_row("Apologies for Absence Minutes: There were none. |")
    False
    """
    return line.count("|") >= 3


def line_of(text: str, span: Span) -> str:
    """Give the whole line of `text` that `span` starts in."""
    end = text.find("\n", span.start)
    return text[text.rfind("\n", 0, span.start) + 1 : end if end >= 0 else len(text)]


_CELL = re.compile(r"[^|]+")
# the rule under a table's header: "|---|---|", "| :-- | --- |"
_RULE = re.compile(r"^[\s|:-]+$")


def split_cells(text: str, line: Span) -> list[Span]:
    """Find the cells of a table row, without the spaces around them."""
    cells = []
    for cell in _CELL.finditer(text, line.start, line.end):
        start, end = cell.start(), cell.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        cells.append(Span(start, end))
    return cells


def read_table(
    text: str, span: Span, columns: Mapping[str, re.Pattern[str]], *, key: str
) -> Iterator[dict[str, Span]]:
    r"""Read the rows of the tables in `text[span]` whose header has a `key` column.

        Each row maps the names of `columns` found in the header to its cell there.

        >>> text = "| Action | Owner |\n|---|---|\n| Circulate the plan | OPCC |"
    >>> cols = {"action": re.compile("Action"), "owner": re.compile("Owner")}
        >>> [{k: text[v.start:v.end] for k, v in row.items()}
        ...  for row in read_table(text, Span(0, len(text)), cols, key="action")]
        [{'action': 'Circulate the plan', 'owner': 'OPCC'}]
    """
    header: dict[str, int] = {}
    for line in split_lines(text, span):
        words = text[line.start : line.end]
        if not is_table_row(words) or _RULE.match(words):
            header = header if is_table_row(words) else {}
            continue
        cells = split_cells(text, line)
        names = [text[c.start : c.end] for c in cells]
        found = {
            name: next(i for i, n in enumerate(names) if pattern.fullmatch(n))
            for name, pattern in columns.items()
            if any(pattern.fullmatch(n) for n in names)
        }
        if key in found:
            header = found
        elif key in header:
            yield {n: cells[i] for n, i in header.items() if i < len(cells)}

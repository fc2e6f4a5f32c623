"""Sentence splitting (extraction stage): a text region to sentence and bullet spans.

Minutes mix prose paragraphs, bullet points (`-`, `·`, `Ø`, `•`), numbered or lettered
points (`(1)`, `a)`, `[`) and headings. `split_sentences(text, span)` cuts the region
`text[span]` into lines, drops each line's bullet marker, then splits the line at
sentence ends that are not abbreviations ("T/Det. Supt. Minton", "e.g.", "A. Patel").
It returns `Span`s into the original text, so later quotes are sliced, never retyped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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

# the last word before a full stop: "Supt." gives "Supt"
_LAST_WORD = re.compile(r"([\w/.]+)\.?[\"”’')\]]*$")


def split_lines(text: str, span: Span) -> Iterator[Span]:
    r"""Find the non-blank lines of `text[span]`, without bullet markers or edge spaces.

    >>> text = "- First point.\n\n  (2) Second"
    >>> [text[s.start:s.end] for s in split_lines(text, Span(0, len(text)))]
    ['First point.', 'Second']
    """
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
            yield Span(start, end)


def _is_abbreviation(before: str) -> bool:
    found = _LAST_WORD.search(before)
    if not found:
        return False
    word = found.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_line(text: str, line: Span) -> Iterator[Span]:
    start = line.start
    for end_mark in _SENTENCE_END.finditer(text, line.start, line.end):
        stop = end_mark.start() + 1
        if _is_abbreviation(text[start : end_mark.start()]):
            continue
        stop = end_mark.end()
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            yield Span(start, stop)
        start = end_mark.end()
    if line.end > start:
        yield Span(start, line.end)


def split_sentences(text: str, span: Span) -> list[Span]:
    r"""Split `text[span]` into its sentences and bullet points, in order.

    >>> text = "- Ch. Supt. Ridley spoke. The PCC asked (e.g. Uber) why.\nAction: none"
    >>> [text[s.start:s.end] for s in split_sentences(text, Span(0, len(text)))]
    ['Ch. Supt. Ridley spoke.', 'The PCC asked (e.g. Uber) why.', 'Action: none']
    """
    return [s for line in split_lines(text, span) for s in _split_line(text, line)]

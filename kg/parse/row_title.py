"""Parsing helpers: the title of a flattened table row, from the row's text to a span.

Input is the span of a row's top part (title, link size, time and description, up to
"Minutes:"); output is the span of the title alone: the words before "PDF 228 KB" or a
time, else the whole top when it is one sentence, else its leading run of capitalised
words ("Public Question Time" in "Public Question Time Anyone who works ...").
"""

from __future__ import annotations

import re

from kg.parse.text import trim_title
from kg.records import Span

# "PDF 228 KB", "PDF 1 MB", "(PDF, 43 KB)", "10.35am", "13.05pm", "2:00 pm"
_MARKER = re.compile(
    r"\(?\b(?:PDF|DOC|DOCX|XLSX?)\b,?[ \t]*\d[\d.,]*[ \t]*[KM]B\b\)?"
    r"|\b\d{1,2}[.:]\d{2}[ \t]*[ap]\.?m\b\.?",
    re.IGNORECASE,
)
# A sentence end followed by another sentence: "... for the public. Minutes"
_SENTENCE_END = re.compile(r"[.?!][ \t\r\n]+(?=[A-Z\"“(])")
# Words that stay lower case inside a title: "Apologies for Absence", "Role of TVP"
_MINOR = {
    "a",
    "an",
    "and",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "&",
    "-",
    "–",
    "—",
    "/",
}
_WORD = re.compile(r"\S+")


def row_title(text: str, top: Span) -> Span:
    """Find the title's span within the row's top part `top` of `text`.

    >>> t = "Cyber and Digital Investigation PDF 222 KB 11.15am The report of the PCC."
    >>> s = row_title(t, Span(0, len(t)))
    >>> t[s.start:s.end]
    'Cyber and Digital Investigation'
    >>> t = "Public Question Time Anyone who works can ask. Questions by email."
    >>> s = row_title(t, Span(0, len(t)))
    >>> t[s.start:s.end]
    'Public Question Time'
    """
    top = _skip_leading_markers(text, top)
    marker = _MARKER.search(text, top.start, top.end)
    if marker is not None:
        before = trim_title(text, Span(top.start, marker.start()))
        if before.end > before.start:
            return before
    if _SENTENCE_END.search(text, top.start, top.end) is None:
        return trim_title(text, top)
    run = _capitalised_run(text, top)
    if run.end > run.start:
        return run
    sentence = _SENTENCE_END.search(text, top.start, top.end)
    end = sentence.start() if sentence else top.end
    return trim_title(text, Span(top.start, end))


def _skip_leading_markers(text: str, top: Span) -> Span:
    """Drop times and sizes printed before the title ("13.05pm For Panel ...")."""
    start = trim_title(text, top).start
    while True:
        marker = _MARKER.match(text, start, top.end)
        if marker is None:
            return Span(start, top.end)
        start = trim_title(text, Span(marker.end(), top.end)).start


def _capitalised_run(text: str, top: Span) -> Span:
    """Take the leading title-case words, up to a capitalised word opening a clause.

    "Public Question Time Anyone who works" stops before "Anyone": it is followed by a
    lower-case word that is not a title's minor word, so it starts the description.
    """
    words = list(_WORD.finditer(text, top.start, min(top.end, top.start + 400)))
    end = top.start
    for index, word in enumerate(words):
        token = word.group()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        capital = token[:1].isupper() or token[:1].isdigit()
        if not capital and token.lower() not in _MINOR:
            break
        opens_clause = capital and following[:1].islower() and following not in _MINOR
        if opens_clause and index > 0:
            break
        end = word.end()
    return trim_title(text, Span(top.start, end))

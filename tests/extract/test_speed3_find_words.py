"""Patterns tried where a lower-cased search finds their first word give every match.

`find_words` gives the offsets where re.IGNORECASE would find one of some words; the
apologies sentences and the stated start, end and held times are searched from them
only. The tests hold each to a search of the whole text, on texts full of near-misses
and of the letters whose case folds oddly ("İ", "ı", "ſ", the Kelvin sign, "ß").
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract import sections
from kg.extract.near import find_words, finditer_at
from kg.parse import dates

ODD_LETTERS = ["İ", "ı", "ſ", "\u212a", "ß", "ﬁ", "é"]
PIECES = [
    "apologies", "APOLOGIES", "Apologieſ", "apologies for absence were received from",
    "ended", "ENDED", "Ended at", "closed", "cloſed", "finished", "concluded",
    "terminated", "rose", "commenced", "started", "start time", "began", "opened",
    "held", "HELD", "at", "1.15 pm", "10am", "2:00", "from", ":", ".", "\n", " ",
    "Cllr A. Bee", "meeting", "İ", "ı", "\u212a",
]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = st.one_of(st.sampled_from(PIECES), st.sampled_from(ODD_LETTERS))
    return " ".join(draw(st.lists(pieces, max_size=30)))


@settings(max_examples=300)
@given(texts(), st.lists(st.sampled_from(["ended", "start", "held", "is", "k", "s"])))
@example("the meeting ENDED; \u212aS ſ", ["ended", "k", "s"])
def test_find_words_gives_where_ignorecase_finds_a_word(
    text: str, words: list[str]
) -> None:
    expected = sorted(
        {hit.start() for w in words for hit in re.finditer(f"(?={w})", text, re.I)}
    )
    assert find_words(text, words) == expected


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(texts())
def test_apology_sentences_are_found_where_apologies_are(text: str) -> None:
    pattern = sections.APOLOGY_SENTENCE_RE
    gated = finditer_at(pattern, text, find_words(text, ("apologies",)))
    assert spans(gated) == spans(pattern.finditer(text))


def first_stated(pattern: re.Pattern[str], text: str) -> tuple[str, int] | None:
    """The reference: the first match over the whole text whose clock reads."""
    for match in pattern.finditer(text):
        value = dates.clock(match.group("t"))
        if value is not None:
            return value, match.start("t")
    return None


@settings(max_examples=300)
@given(texts())
@example("The meeting closed at 1.15 pm and ended at 10am")
def test_stated_times_are_found_where_their_words_are(text: str) -> None:
    for find, pattern in (
        (dates.find_start_time, dates._START),
        (dates.find_end_time, dates._END),
        (dates.find_held_time, dates._HELD),
    ):
        found = find(text)
        got = (found.value, found.span.start) if found else None
        assert got == first_stated(pattern, text)

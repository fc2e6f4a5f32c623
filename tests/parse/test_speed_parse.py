"""The parsing stage's fast paths give the answers of the slower code they replace.

Remembered results are held to a fresh computation, and patterns rewritten so the regex
engine can skip ahead to the plain patterns they replace, on generated texts.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.parse import agenda_minutes, dates, forces, moderngov_table, text
from kg.records import Span

_WORDS = (
    "Minutes: xMinutes: Avon and Somerset Police A&S King's X.Bristol -Avon "
    "O'Neill ended closed rose at 4.15 pm commenced started began opened start "
    "time 10am The meeting finished concluded terminated ſtarted Kelvin K "
    "1. Apologies 2. Minutes 3. Any other business 1. A 2. B 3. C held next"
).split()
_TEXTS = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from([" ", "\n", "\r\n", "."])),
    max_size=40,
).map(" ".join)


def _spans(pattern: re.Pattern[str], value: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(value)]


@settings(max_examples=300)
@given(_TEXTS)
def test_rewritten_patterns_keep_the_matches(value: str) -> None:
    plain_minutes = re.compile(r"\bMinutes:")
    assert _spans(moderngov_table._MINUTES, value) == _spans(plain_minutes, value)
    plain_word = re.compile(r"(?<![\w&-])[A-Z][\w'’&.-]*")
    assert _spans(forces._CAPITAL_WORD, value) == _spans(plain_word, value)
    for pattern in (dates._START, dates._END):
        plain = re.compile(
            re.sub(r"^\(\?=\[\w+\]\)", "", pattern.pattern), pattern.flags
        )
        assert plain.pattern != pattern.pattern
        assert _spans(pattern, value) == _spans(plain, value)


@settings(max_examples=200)
@given(_TEXTS)
def test_remembered_runs_and_lines_are_the_computed_ones(value: str) -> None:
    fresh = agenda_minutes._split_runs.__wrapped__(value)
    assert agenda_minutes._split_runs(value) == fresh
    head = Span(0, len(value) // 2)
    lines = text._header_lines.__wrapped__(value, head)
    assert tuple(text.header_lines(value, head)) == lines

"""A text's lines split at "\\n" when it has no "\\r" are the lines its breaks give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.parse.text import iter_lines

_BREAK = re.compile(r"\r\n|\r|\n")


def lines_at_breaks(text: str) -> list[tuple[str, int]]:
    """The reference: the text between breaks of any flavour, with its offset."""
    found, start = [], 0
    for brk in _BREAK.finditer(text):
        found.append((text[start : brk.start()], start))
        start = brk.end()
    return [*found, (text[start:], start)]


@given(st.text(alphabet="ab \n\r\t\u2028", max_size=40))
def test_lines_are_those_between_breaks(text: str) -> None:
    found = [(line.text, line.start) for line in iter_lines(text)]
    assert found == lines_at_breaks(text)


@given(st.text(alphabet="ab \n\t\u2028", max_size=40))
def test_lines_of_a_text_without_carriage_returns(text: str) -> None:
    found = [(line.text, line.start) for line in iter_lines(text)]
    assert found == lines_at_breaks(text)

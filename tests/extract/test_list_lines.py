from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.list_lines import _BROKEN_OFF_RE, _BROKEN_OFF_REACH, _continues


@pytest.mark.parametrize(
    "end",
    ["Councillors", "County Councillor", "Baroness", "Professor", "Cllrs.", "and"],
)
def test_a_long_line_broken_off_after_a_title_goes_on(end: str) -> None:
    line = "Present: " + "Councillor Ann Bee (Chair), " * 5 + end
    assert _continues(line, "Dee, Councillor C Eff")


@given(st.text(alphabet=st.sampled_from(list("Cllrs Dr.,&and-–A\t ")), max_size=30))
def test_the_end_of_a_line_is_where_it_breaks_off(line: str) -> None:
    text = line.rstrip()
    tail = (
        _BROKEN_OFF_RE.search(text, max(0, len(text) - _BROKEN_OFF_REACH)) is not None
    )
    assert tail == (_BROKEN_OFF_RE.search(text) is not None)

"""A line spared a list-line pattern by a cheap test is one the pattern rejects.

`is_page_mark` runs `PAGE_MARK_RE` only on lines that say "page" or open with a dash,
a digit or a space, and `_continues` searches `_BROKEN_OFF_RE` only in lines whose last
letters may end a title, a name or a list; the tests hold each to its pattern on lines
of near-misses.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from kg.extract import list_lines
from kg.extract.list_lines import PAGE_MARK_RE, is_page_mark

PIECES = ["Page", "PAGE", "page", "pag", "of", "2", "٣", "12", "-", "–", " ", "\t",
          "\u00a0", "Council", "Cllr A. Bee", "İ", "ſ", "paGe", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
@example("\u00a05")
@example("٣")
def test_is_page_mark_agrees_with_the_pattern(line: str) -> None:
    assert is_page_mark(line) == (PAGE_MARK_RE.match(line) is not None)


ENDINGS = (
    "Councillor Councillors Cllr Cllrs Cllr. Cllrs. Mr Mrs Mr. Mrs. Ms Ms. Miss Miss. "
    "Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness and band & , A B. b. "
    "Smith Smith. Jones) – - x. 12 (Chair) Zoë É É."
).split()


@given(
    st.lists(st.sampled_from(ENDINGS), min_size=1, max_size=6),
    st.sampled_from([" ", "  ", "\t", ", ", " – ", ""]),
)
def test_a_line_spared_the_broken_off_search_never_matches(
    words: list[str], separator: str
) -> None:
    text = separator.join(words).rstrip()
    if text and not list_lines._may_break_off(text):
        tail = max(0, len(text) - list_lines._BROKEN_OFF_REACH)
        assert list_lines._BROKEN_OFF_RE.search(text, tail) is None

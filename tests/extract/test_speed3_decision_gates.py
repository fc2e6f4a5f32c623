"""Cheap tests that spare sentences the RESOLUTION and notice patterns lose no match.

`_resolution` tries RESOLUTION only on sentences opening with a digit or one of the
capitals the pattern may open with, and `notice_head` reads only lines holding "/" or
"-"; the tests hold each to its pattern.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from kg.extract import crosscheck, decisions

WORDS = (
    "RESOLVED Resolved resolved ORDERED Ordered RECOMMENDED Recommended UNANIMOUSLY "
    "Unanimously unanimously Minutes: Minute: Outcome: Decision: 2.1 1.2.3 ٣.١ 2023/1 "
    "that to – - : The Panel noted the report"
).split()


@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))
@example("٣.١ RESOLVED that")
@example("")
def test_resolution_matches_as_the_pattern(sentence: str) -> None:
    fast = decisions._resolution(sentence)
    slow = decisions.RESOLUTION.match(sentence)
    assert (fast and (fast.span(), fast.groupdict())) == (
        slow and (slow.span(), slow.groupdict())
    )


NOTICE_WORDS = (
    "2018/009 PCC/2019/012 014/2023 PCC/D/45/2022 12-2022 2023-014 2018/19 Decision "
    "Record of Decision Notice No. ( Out of Court ) – : - / Fleet approved the"
).split()


@given(st.lists(st.sampled_from(NOTICE_WORDS), max_size=8).map(" ".join))
@example("Decision 2020 03 (Fleet) – approved")
def test_a_notice_line_without_slash_or_dash_never_matches(line: str) -> None:
    if "/" not in line and "-" not in line:
        assert crosscheck.DECISION_NOTICE.match(line) is None
        assert crosscheck.notice_head(line) is None

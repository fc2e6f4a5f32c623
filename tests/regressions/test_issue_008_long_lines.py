"""Issue 8: attendance extraction took quadratic time on one long line.

Found by the bad-input matrix (`tests/robustness`): a 100 kB line of prose took minutes:
`INTRO_RE` (a lazy scan anchored at the line's end) was tried from every position, and
each "Apologies were received from" phrase read its sentence to the end of the text.
Both are now bounded (`_INTRO_REACH`, `_SENTENCE_REACH`, the next phrase). An alarm
turns a regression into a failure instead of a hung test run; the bound is generous
(the inputs take well under a second).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from kg.extract.sections import find_sections

HANG_GUARD_S = 60


@pytest.fixture
def hang_guard() -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {HANG_GUARD_S} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(HANG_GUARD_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_long_line_of_prose_is_read_in_linear_time(hang_guard: None) -> None:
    line = "the panel noted the report of the police and crime commissioner " * 4000
    assert find_sections(line) == []


def test_a_long_run_of_apologies_phrases_is_read_in_linear_time(
    hang_guard: None,
) -> None:
    line = "Apologies were received from Councillor Smith and " * 5000
    assert all(s.kind == "apologies" for s in find_sections(line))


def test_bounded_searches_still_read_real_sentences(hang_guard: None) -> None:
    text = (
        "Apologies for absence were received from Councillor Jane Doe and "
        "Councillor Sam Hill.\n"
        "The meeting heard from "
        + "a very long preamble "
        * 200
        + "and the following officers were in attendance:\n"
        "- Andy Marsh, Chief Constable\n"
    )
    kinds = [(s.kind, len(s.entries)) for s in find_sections(text)]
    assert ("apologies", 2) in kinds and ("also", 1) in kinds

"""Numbered and lettered item headings, line by line, and their counting-up runs."""

from __future__ import annotations

import pytest

from kg.parse.headings import lettered_headings, main_run, numbered_headings, runs
from kg.records import Span


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("1. Apologies for absence", "1", "Apologies for absence"),
        ("12. Date of next meeting", "12", "Date of next meeting"),
        ("3a. Assurance Report", "3a", "Assurance Report"),
        ("62/21 Community Policing Strategy", "62/21", "Community Policing Strategy"),
        ("Item 5 – Police and Crime Plan", "5", "Police and Crime Plan"),
        ("**4. Decisions**", "4", "Decisions"),
        ("## 7) Cyber Crime", "7", "Cyber Crime"),
        ("3. Declarations of interest", "3", "Declarations of interest"),
        ("11. A.O.B", "11", "A.O.B"),
    ],
)
def test_numbered_heading_lines(line: str, number: str, title: str) -> None:
    [heading] = numbered_headings(line)
    assert heading.number == number
    assert line[heading.title.start : heading.title.end] == title


@pytest.mark.parametrize(
    "line",
    [
        "1 March 2016",
        "27th June 2017, 10.00 pre meeting, 10.30-2pm.",
        "2018/009 (Out of Court Disposals) – Decision to move to a two tier framework",
        "100 Tactical Advisors have been trained. The Constabulary are looking.",
        "(1) Reference was made to the PCC's Crime and Justice Plan",
        "10.30 Welcome",
        "76% of respondents said they would support the proposed increase",
        "1. " + "a very long paragraph " * 20,
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert numbered_headings(line) == []


def test_lettered_headings_only_on_their_own_lines() -> None:
    text = (
        "a) Assurance Report\nSome text.\nb) Performance Overview\nMore text, a) not."
    )
    found = lettered_headings(text, Span(0, len(text)))
    assert [(h.number, text[h.title.start : h.title.end]) for h in found] == [
        ("a", "Assurance Report"),
        ("b", "Performance Overview"),
    ]


def test_runs_split_an_agenda_from_its_minutes() -> None:
    text = "1. Apologies\n2. Minutes\n3. AOB\nMINUTES\n1. Apologies\nNone\n2. Minutes\n"
    chains = runs(numbered_headings(text))
    assert [[h.number for h in chain] for chain in chains] == [
        ["1", "2", "3"],
        ["1", "2"],
    ]


def test_a_numbered_list_inside_an_item_does_not_break_the_run() -> None:
    text = "5. Budget\n1. First point\n2. Second point\n6. Work Programme\n7. AOB\n"
    assert [h.number for h in main_run(numbered_headings(text))] == ["5", "6", "7"]


def test_runs_tolerate_a_skipped_number() -> None:
    text = "1. Apologies\n2. Minutes\n4. Budget\n5. AOB\n"
    assert [h.number for h in main_run(numbered_headings(text))] == ["1", "2", "4", "5"]


def test_headings_read_again_come_as_a_fresh_equal_list() -> None:
    text = "1. Apologies\n2. Minutes\n3. AOB\n"
    first = numbered_headings(text)
    first.clear()  # a caller's change must not reach the next caller
    assert [h.number for h in numbered_headings(text)] == ["1", "2", "3"]

"""The structural parse of the five seeds: layout, meeting header fields and items."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from kg.parse import parse_structure, sniff
from kg.records import Layout, Meeting, Source

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def read_seed(prefix: str) -> tuple[str, Meeting]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    return text, parse_structure(text, Source(path.name, digest, len(text)))


HEADERS = [
    # seed, layout, date, start, end, kind, body name, force, venue
    (
        "000",
        Layout.NUMBERED_MINUTES,
        "2017-03-15",
        None,
        None,
        "police-and-crime-panel",
        "Avon and Somerset Police and Crime Panel",
        "avon-and-somerset",
        None,
    ),
    (
        "001",
        Layout.MODERNGOV_ITEM,
        None,
        None,
        None,
        "council-committee",
        "Worcestershire County Council Overview and Scrutiny Performance Board",
        "west-mercia",
        None,
    ),
    (
        "002",
        Layout.MODERNGOV_TABLE,
        None,
        None,
        None,
        "police-and-crime-panel",
        "Thames Valley Police and Crime Panel",
        "thames-valley",
        "Paralympic Meeting Room, Buckinghamshire Council Offices, Gatehouse Road, "
        "Aylesbury, Bucks HP19 8FF",
    ),
    (
        "003",
        Layout.NUMBERED_MINUTES,
        "2016-03-01",
        "14:00",
        "16:50",
        "pcc-board",
        "West Yorkshire Community Outcomes Meeting",
        "west-yorkshire",
        None,
    ),
    (
        "004",
        Layout.AGENDA_AND_MINUTES,
        "2018-04-04",
        "13:00",
        "17:00",
        "pcc-board",
        "Avon and Somerset Police and Crime Board",
        "avon-and-somerset",
        "Gordano Room",
    ),
]


@pytest.mark.parametrize(
    ("seed", "layout", "date", "start", "end", "kind", "name", "force", "venue"),
    HEADERS,
)
def test_seed_header(
    seed: str,
    layout: Layout,
    date: str | None,
    start: str | None,
    end: str | None,
    kind: str,
    name: str,
    force: str,
    venue: str | None,
) -> None:
    text, meeting = read_seed(seed)
    assert sniff(text) is layout
    assert meeting.layout is layout
    assert (meeting.date and meeting.date.value) == (
        date and dt.date.fromisoformat(date)
    )
    assert (meeting.start_time and meeting.start_time.value) == start
    assert (meeting.end_time and meeting.end_time.value) == end
    assert meeting.body.kind.value == kind
    assert meeting.body.name == name
    assert meeting.body.force is not None and meeting.body.force.value == force
    assert (meeting.venue and meeting.venue.value) == venue


def test_located_header_values_quote_the_text() -> None:
    text, meeting = read_seed("003")
    assert meeting.date is not None and meeting.start_time and meeting.end_time
    quote = text[meeting.date.span.start : meeting.date.span.end]
    assert quote == "1 March 2016"
    assert text[meeting.start_time.span.start : meeting.start_time.span.end] == "2:00pm"
    assert text[meeting.end_time.span.start : meeting.end_time.span.end] == "4:50pm"
    force = meeting.body.force
    assert force is not None
    assert "West Yorkshire" in text[force.span.start : force.span.end]


ITEMS = {
    "000": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"],
    "001": ["1"],
    "002": ["1", "2", "3", "4", "62/21", "63/21", "64/21", "65/21", "66/21", "10"],
    "003": ["1", "2", "3", "4", "5", "6", "7", "8"],
    "004": ["1", "2", "3", "3a", "3b", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
}


@pytest.mark.parametrize(("seed", "numbers"), sorted(ITEMS.items()))
def test_seed_item_numbers_in_order(seed: str, numbers: list[str]) -> None:
    _, meeting = read_seed(seed)
    assert [i.number for i in meeting.items] == numbers
    assert [i.position for i in meeting.items] == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(
    ("seed", "position", "title", "text_start", "text_end"),
    [
        ("000", 12, "Date of next meeting", "27th June 2017", "BS23 1UJ."),
        (
            "001",
            1,
            "Annual Worcestershire County Council Community Safety Report",
            "The Board was asked to:",
            "rather than the OSPB itself.",
        ),
        ("002", 4, "Public Question Time", "There were none.", "There were none."),
        (
            "002",
            5,
            "Community Policing Strategy - Crimefighters Strategy and Community "
            "Policing",
            "The PCC submitted a report",
            "should be dealing with",
        ),
        (
            "002",
            10,
            "For Panel Members to put forward items for the Work Programme "
            "including ideas for themed meetings",
            "The Chair asked that",
            "13 November 2023 meeting.",
        ),
        (
            "003",
            5,
            "Safeguarding: Child Sexual Exploitation (CSE)",
            "T/CC introduced",
            "in the future.",
        ),
        (
            "004",
            4,
            "Assurance Report (Focus on Strategic Priority 1 – Protect the most "
            "Vulnerable from Harm)",
            "Modern Slavery",
            "thanked the team for their work.",
        ),
        ("004", 5, "Performance Overview", "See item 6", "discussed together."),
    ],
)
def test_seed_item_title_and_own_text(
    seed: str, position: int, title: str, text_start: str, text_end: str
) -> None:
    text, meeting = read_seed(seed)
    item = meeting.items[position - 1]
    assert item.title == title
    assert text[item.title_span.start : item.title_span.end] == title
    own = text[item.text_span.start : item.text_span.end]
    assert own.startswith(text_start)
    assert own.endswith(text_end)
    assert title not in own[: len(title) + 5]


def test_agenda_wording_is_kept_where_it_differs() -> None:
    _, meeting = read_seed("004")
    by_number = {i.number: i for i in meeting.items}
    assert by_number["2"].agenda_title == "Minutes and Actions"
    assert by_number["1"].agenda_title is None
    assert by_number["3a"].agenda_title is not None
    assert by_number["3a"].agenda_title.startswith(
        "Assurance Report (specific assurance"
    )
    kinds = {d.kind for d in meeting.discrepancies}
    assert kinds == {"item-title-differs"}

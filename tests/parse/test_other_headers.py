"""Meeting headers and item headings as other forces print them."""

from __future__ import annotations

import pytest

from kg.parse import parse_structure, sniff
from kg.parse.header import read_times, read_venue
from kg.parse.headings import numbered_headings
from kg.parse.text import sliced
from kg.records import Layout, Source, Span

SOURCE = Source(name="x.txt", sha256="0" * 64, length=0)


@pytest.mark.parametrize(
    ("head", "venue"),
    [
        (
            "MINUTES OF THE MEETING OF THE GREATER MANCHESTER POLICE, FIRE AND CRIME "
            "PANEL HELD ON THURSDAY 26 JANUARY 2023 AT TAMESIDE ONE, MARKET PLACE, "
            "ASHTON-UNDER-LYNE, OL6 6BH",
            "TAMESIDE ONE, MARKET PLACE, ASHTON-UNDER-LYNE, OL6 6BH",
        ),
        (
            "MINUTES of the meeting of the SURREY POLICE AND CRIME PANEL held at 10.30 "
            "am on 2 February 2023 at Woodhatch Place, 11 Cockshot Hill, Reigate, "
            "Surrey, RH2 8EF.",
            "Woodhatch Place, 11 Cockshot Hill, Reigate, Surrey, RH2 8EF",
        ),
        (
            "MINUTES OF THE MEETING HELD ON MONDAY 6 FEBRUARY 2023 AT 2.00 PM AT "
            "COUNTY HALL, WEST BRIDGFORD, NOTTINGHAM, NG2 7QP",
            "COUNTY HALL, WEST BRIDGFORD, NOTTINGHAM, NG2 7QP",
        ),
        (
            "MINUTES OF THE COMMITTEE MEETING HELD AT 7.00PM, ON WEDNESDAY 11 JANUARY "
            "2023, SAND MARTIN HOUSE, BITTERN WAY, PETERBOROUGH",
            "SAND MARTIN HOUSE, BITTERN WAY, PETERBOROUGH",
        ),
        (
            "Notes of the meeting held on 18 October 2022, 14:00 – 16:30, via "
            "Microsoft Teams",
            "via Microsoft Teams",
        ),
        (
            "Friday 10 November 2023 at 10.30 am, Council House, Plymouth",
            "Council House, Plymouth",
        ),
        (
            "Chamber - County Hall, Carmarthen, SA31 1JP - 10.00 am - 12.35 pm",
            "Chamber - County Hall, Carmarthen, SA31 1JP",
        ),
        (
            "West Yorkshire Police and Crime Panel\nWakefield One, Burton Street, "
            "Wakefield, WF1 2EB\n11.00 am - 1.10 pm",
            "Wakefield One, Burton Street, Wakefield, WF1 2EB",
        ),
        ("Held at: Lloyd House, Birmingham", "Lloyd House, Birmingham"),
    ],
)
def test_venue_is_read_from_the_heading(head: str, venue: str) -> None:
    found = read_venue(head, Span(0, len(head)))
    assert found is not None
    assert found.value == venue


def test_contact_line_with_a_postcode_is_not_a_venue() -> None:
    head = "Contact: Jo Bloggs, Tel 01234 567890, County Hall, Maidstone, ME14 1XQ"
    assert read_venue(head, Span(0, len(head))) is None


@pytest.mark.parametrize(
    ("text", "times"),
    [
        (
            "MINUTES ... held at 10.30 am on 2 February 2023\n\n"
            "Meeting ended at: 1.05 pm",
            ("10:30", "13:05"),
        ),
        (
            "HELD ON MONDAY 6 FEBRUARY 2023 AT 2.00 PM\n\n"
            "The meeting closed at 4.05 pm.",
            ("14:00", "16:05"),
        ),
        (
            "HELD AT 7.00PM, ON WEDNESDAY 11 JANUARY 2023\n\n1. APOLOGIES\n\n"
            "CHAIR\n7.00pm - 9.15pm\n",
            ("19:00", "21:15"),
        ),
    ],
)
def test_times_from_held_lines_and_closing_lines(
    text: str, times: tuple[str, str]
) -> None:
    start, end = read_times(text, Span(0, text.index("\n")))
    assert (start and start.value, end and end.value) == times


def test_next_meeting_time_is_not_this_meetings() -> None:
    text = "Board\n\n1. Item\n\nThe next meeting will be held on 16 May 2023 at 14:00."
    start, end = read_times(text, Span(0, 5))
    assert (start, end) == (None, None)


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("PCP/01/23  WELCOME AND APOLOGIES", "PCP/01/23", "WELCOME AND APOLOGIES"),
        ("PCP 12/22 DECLARATIONS OF INTEREST", "PCP 12/22", "DECLARATIONS OF INTEREST"),
        ("1/23 APOLOGIES FOR ABSENCE [Item 1]", "1/23", "APOLOGIES FOR ABSENCE"),
        ("2 Declarations of Interests (Item 2)", "2", "Declarations of Interests"),
        ("Minute 101 – Apologies for absence", "101", "Apologies for absence"),
        (
            "Item 4 – Tackling serious youth violence",
            "4",
            "Tackling serious youth violence",
        ),
    ],
)
def test_item_heading_number_and_title(line: str, number: str, title: str) -> None:
    (heading,) = numbered_headings(line)
    assert (heading.number, sliced(line, heading.title)) == (number, title)


def test_commissioners_scrutiny_board_is_a_pcc_board() -> None:
    text = (
        "Police, Fire and Crime Commissioner for Essex\n\n"
        "Performance and Resources Scrutiny Board – Police\n\nMinutes\n\n"
        "1) Welcome\nNone.\n2) Minutes\nAgreed.\n3) AOB\nNone.\n"
    )
    meeting = parse_structure(text, SOURCE)
    assert meeting.body.kind.value == "pcc-board"
    assert [i.number for i in meeting.items] == ["1", "2", "3"]


def test_councils_scrutiny_board_stays_a_council_committee() -> None:
    text = (
        "Calderdale Council\n\nCommunities Scrutiny Board\n\nTuesday, 7th February "
        "2023\n\n31 Minutes\nAgreed.\n32 Interests\nNone.\n33 Update\nNoted.\n"
    )
    assert parse_structure(text, SOURCE).body.kind.value == "council-committee"


def test_audit_committee_under_a_commissioners_heading_stays_other() -> None:
    text = (
        "LINCOLNSHIRE POLICE AND POLICE AND CRIME COMMISSIONER FOR LINCOLNSHIRE\n\n"
        "JOINT INDEPENDENT AUDIT COMMITTEE\n\nMinute 101 – Apologies\nNone.\n"
        "Minute 102 – Interests\nNone.\nMinute 103 – Minutes\nAgreed.\n"
    )
    assert parse_structure(text, SOURCE).body.kind.value == "other"


def test_agenda_item_page_holding_a_numbered_item_table_is_a_table() -> None:
    text = (
        "Agenda item\n\nMinutes: Kent and Medway Police and Crime Panel\n\n"
        "No. | Item |\n---|---|\n1. | Introduction |\n"
        "2. | Apologies Minutes: Apologies were received from Mr P Rolfe. |\n"
        "3. | Declarations Minutes: None. |\n4. | Minutes Minutes: Agreed. |\n"
    )
    assert sniff(text) is Layout.MODERNGOV_TABLE
    items = parse_structure(text, SOURCE).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Introduction"),
        ("2", "Apologies"),
        ("3", "Declarations"),
        ("4", "Minutes"),
    ]


def test_point_zero_numbering_gives_items_not_their_paragraphs() -> None:
    text = (
        "Business Co-ordination Board\n\n1.0 Apologies\n\n1.1 None were received.\n\n"
        "2.0 Minutes of the previous meeting\n\n2.1 The minutes were agreed.\n\n"
        "3.0 Any other business\n\n3.1 None.\n"
    )
    items = parse_structure(text, SOURCE).items
    assert [(i.number, i.title) for i in items] == [
        ("1.0", "Apologies"),
        ("2.0", "Minutes of the previous meeting"),
        ("3.0", "Any other business"),
    ]

"""Layout sniffing and the layout parsers on trimmed excerpts of each layout."""

from __future__ import annotations

import pytest

from kg.parse import PARSERS, SNIFFERS, parse_structure, sniff
from kg.records import Layout, Meeting, Source

NUMBERED = """Police & Crime Panel – Minutes

15th March 2017

1. Apologies for absence

- Councillor Richard Brown

2. Public Forum

Statement received on the closure of the British Transport Police station at Bath Spa.

3. Cyber Crime

- a) The Commissioner to share the strategy.
- b) Panel members noted the report.

4. Date of next meeting

27th June 2017, 10.00 pre meeting, 10.30-2pm.

Venue: The Rickford Room, Town Hall, Weston-super-Mare.
"""

AGENDA_AND_MINUTES = """Police and Crime Board, 4th April 2018 13:00 – 17:00

Venue: Gordano Room

AGENDA

1. Apologies

2. Minutes and Actions

3. Performance against Police and Crime Plan

- a. Assurance Report
- b. Performance Overview

4. MFSS

Date of the Next Meeting: 2nd May 2018, 14:00 – 16:00

DRAFT Minutes of the Police and Crime Board, 4th April 2018

1. Apologies

John Smith, OPCC CEO

2. Minutes and Action Update

The Board agreed the minutes.

3. Performance against the Police and Crime Plan

a) Assurance Report

Modern Slavery is discussed in Avon and Somerset.

b) Performance Overview

See item 6.

5. Any Other Business

None.
"""

MODERNGOV_ITEM = """Agendas, Meetings and Minutes - Agenda item

Agenda item

Annual Community Safety Report

Minutes:

·       Consider the Annual Update

Ø  Prevent/Cohesion

The OSPB noted West Mercia Police's report on Worcestershire.

Supporting documents:
"""

MODERNGOV_TABLE = """Venue: Council Chamber, County Hall
Contact: A Officer, Thames Valley Police & Crime Panel Scrutiny Officer
No. | Item |
---|---|
Apologies for Absence Minutes: None were received. |
|
Budget Report PDF 228 KB 10.35am The PCC provides a report. Minutes: The Panel noted
the report ... view the full minutes text for item 62/21 |
|
"""


def source(text: str) -> Source:
    return Source("excerpt.txt", "0" * 64, len(text))


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        (NUMBERED, Layout.NUMBERED_MINUTES),
        (AGENDA_AND_MINUTES, Layout.AGENDA_AND_MINUTES),
        (MODERNGOV_ITEM, Layout.MODERNGOV_ITEM),
        (MODERNGOV_TABLE, Layout.MODERNGOV_TABLE),
        ("Some notes\nwith no structure at all.", Layout.GENERIC),
    ],
)
def test_sniff_names_each_layout(text: str, layout: Layout) -> None:
    assert sniff(text) is layout


def test_every_layout_has_a_parser_and_a_sniffer() -> None:
    assert set(PARSERS) == set(Layout)
    assert {layout for layout, _ in SNIFFERS} == set(Layout)
    assert SNIFFERS[-1][0] is Layout.GENERIC


def parse(text: str) -> Meeting:
    return parse_structure(text, source(text))


def test_numbered_minutes_items_and_next_meeting_left_out() -> None:
    meeting = parse(NUMBERED)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Apologies for absence"),
        ("2", "Public Forum"),
        ("3", "Cyber Crime"),
        ("4", "Date of next meeting"),
    ]
    assert meeting.date is not None and meeting.date.value.isoformat() == "2017-03-15"
    assert meeting.venue is None and meeting.start_time is None
    assert meeting.body.name == "Avon and Somerset Police and Crime Panel"


def test_agenda_and_minutes_minutes_win() -> None:
    meeting = parse(AGENDA_AND_MINUTES)
    assert [i.number for i in meeting.items] == ["1", "2", "3", "3a", "3b", "5"]
    by_number = {i.number: i for i in meeting.items}
    assert by_number["2"].agenda_title == "Minutes and Actions"
    assert by_number["3a"].agenda_title is None
    kinds = sorted((d.kind, d.item) for d in meeting.discrepancies)
    assert kinds == [
        ("agenda-item-not-minuted", None),
        ("item-not-on-agenda", 6),
        ("item-title-differs", 2),
        ("item-title-differs", 3),
    ]
    assert (meeting.start_time and meeting.start_time.value) == "13:00"
    assert (meeting.venue and meeting.venue.value) == "Gordano Room"


def test_agenda_and_minutes_sub_item_text_is_its_own() -> None:
    meeting = parse(AGENDA_AND_MINUTES)
    by_number = {i.number: i for i in meeting.items}
    parent, sub = by_number["3"], by_number["3a"]
    own = AGENDA_AND_MINUTES[sub.text_span.start : sub.text_span.end]
    assert own == "Modern Slavery is discussed in Avon and Somerset."
    assert parent.text_span.end <= sub.title_span.start


def test_moderngov_item_page() -> None:
    meeting = parse(MODERNGOV_ITEM)
    [item] = meeting.items
    assert (item.number, item.title) == ("1", "Annual Community Safety Report")
    own = MODERNGOV_ITEM[item.text_span.start : item.text_span.end]
    assert own.startswith("·       Consider") and own.endswith("on Worcestershire.")
    assert meeting.body.force is not None and meeting.body.force.value == "west-mercia"


def test_moderngov_table_rows() -> None:
    meeting = parse(MODERNGOV_TABLE)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Apologies for Absence"),
        ("62/21", "Budget Report"),
    ]
    last = meeting.items[-1]
    assert MODERNGOV_TABLE[last.text_span.start : last.text_span.end] == (
        "The Panel noted\nthe report"
    )
    assert (meeting.venue and meeting.venue.value) == "Council Chamber, County Hall"
    assert meeting.body.name == "Thames Valley Police and Crime Panel"


def test_generic_reads_markdown_headings() -> None:
    text = (
        "# Joint Audit Committee\n\n## Internal Audit Report\nNoted.\n\n## AOB\nNone.\n"
    )
    meeting = parse(text)
    assert meeting.layout is Layout.GENERIC
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Internal Audit Report"),
        ("2", "AOB"),
    ]


def test_a_numbered_list_inside_an_item_is_not_an_agenda() -> None:
    text = (
        "1. Apologies\nNone.\n2. Minutes\nAgreed.\n3. Budget\nNoted.\n"
        "4. Recommendations\nThe Panel recommended:\n1. First point\n2. Second point\n"
        "3. Third point\n5. Work Programme\nNoted.\n6. AOB\nNone.\n"
    )
    assert sniff(text) is Layout.NUMBERED_MINUTES
    assert [i.number for i in parse(text).items] == ["1", "2", "3", "4", "5", "6"]


PRINTED_MINUTES = """MINUTES of a meeting of the Kent and Medway Police and Crime \
Panel held in the Council Chamber, County Hall, Maidstone on Tuesday, 5 February 2019.

PRESENT: Mr A Booth (Chairman), Mr P Bartlett.

(The meeting started at 10.00 am)

23. Apologies and Substitutes

23.1 Apologies were received from Cllr Z.

24. Minutes of the meeting held on 27 November 2018

RESOLVED that the minutes were a correct record.

25. Commissioner's proposed precept 2019/20

The meeting closed at 12.35 pm.
"""


def test_printed_minutes_with_continuing_minute_numbers() -> None:
    meeting = parse(PRINTED_MINUTES)
    assert [i.number for i in meeting.items] == ["23", "24", "25"]
    assert meeting.date is not None and meeting.date.value.isoformat() == "2019-02-05"
    assert (meeting.start_time and meeting.start_time.value) == "10:00"
    assert (meeting.end_time and meeting.end_time.value) == "12:35"
    assert meeting.body.name == "Kent and Medway Police and Crime Panel"
    assert meeting.body.force is not None and meeting.body.force.value == "kent"
    venue = meeting.venue
    assert (
        venue is not None and venue.value == "Council Chamber, County Hall, Maidstone"
    )
    assert PRINTED_MINUTES[venue.span.start : venue.span.end] == venue.value


def test_moderngov_item_page_with_meeting_line_and_item_reference() -> None:
    text = (
        "Agendas, Meetings and Minutes - Agenda item\n\n"
        "Meeting of Gloucester City Council Crime and Disorder Committee, "
        "Tuesday 9 July 2024 10:00am – 11:35am (Item 390.)\n\n"
        "Agenda item\n\nAnnual Report\n\nMinutes:\n\n"
        "The Committee noted the report on Gloucestershire Constabulary.\n"
    )
    meeting = parse(text)
    [item] = meeting.items
    assert (item.number, item.title) == ("390", "Annual Report")
    assert meeting.body.name == "Gloucester City Council Crime and Disorder Committee"
    assert meeting.body.kind.value == "council-committee"
    assert (meeting.start_time and meeting.start_time.value) == "10:00"
    assert (meeting.end_time and meeting.end_time.value) == "11:35"


def test_a_time_on_its_own_line_under_the_date_is_the_start() -> None:
    text = "Community Outcomes Meeting – Minutes\n18 October 2017\n6:00pm\n" + (
        "1. Apologies\nNone.\n2. Minutes\nAgreed.\n"
        "3. Staffordshire Police update\nNoted.\n"
    )
    meeting = parse(text)
    assert (meeting.start_time and meeting.start_time.value) == "18:00"
    assert meeting.body.name == "Staffordshire Community Outcomes Meeting"

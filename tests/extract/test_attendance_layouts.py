"""Attendance lists as other forces print them: columns, legends, notes, sentences."""

from __future__ import annotations

import pytest

from kg.extract.attendance import extract_attendance
from kg.extract.entries import parse_run
from kg.extract.names import looks_like_name, strip_postnominals
from kg.records import EXAMPLE_MEETING


def _people(text: str) -> list[tuple[str, str]]:
    found = extract_attendance(EXAMPLE_MEETING, text).attendances
    return [(a.name.full, a.status.value) for a in found]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a table flattened to columns of spaces: the council column is not a name
        (
            "Councillor Janet Emsley (in the Chair)        Rochdale",
            [("Janet Emsley", None, None)],
        ),
        # a markdown table row: name cell, then role and body
        (
            "| Det Ch Supt Fiona Willey | Head of Crime, North Yorkshire Police |",
            [("Fiona Willey", "Head of Crime", "North Yorkshire Police")],
        ),
        # honours after a name are not part of it
        (
            "Christine Goldstraw OBE – Independent Member (Chair)",
            [("Christine Goldstraw", "Independent Member", None)],
        ),
        # an auditor's firm after a dash describes the person, it is not a person
        (
            "Mr Ward – Grant Thornton (External Audit)",
            [("Ward", None, "Grant Thornton")],
        ),
        ("Paul Grady, Grant Thornton", [("Paul Grady", None, "Grant Thornton")]),
        ("Mrs L Yates – Minute Taker", [("L Yates", "Minute Taker", None)]),
        # a post with its whole area is still a post
        (
            "Rhys Martin, Hampshire and Isle of Wight Police and Crime Commissioner",
            [
                (
                    "Rhys Martin",
                    "Hampshire and Isle of Wight Police and Crime Commissioner",
                    None,
                )
            ],
        ),
        # the comma inside "Police, Fire and Crime Commissioner" parts nothing
        (
            "Zoë Metcalfe, Police, Fire and Crime Commissioner",
            [("Zoë Metcalfe", "Police, Fire and Crime Commissioner", None)],
        ),
    ],
)
def test_list_line_gives_name_role_and_body(
    line: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    got = [(e.name.full, e.role, e.organisation) for e in parse_run(line, 0) if e.name]
    assert got == expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Councillors Kirby and Knowles.", ["Kirby", "Knowles"]),
        ("Caroline Russell AM and Anne Clarke AM", ["Caroline Russell", "Anne Clarke"]),
        (
            "Councillors Tony Riordan (Chair), Vera Rider, and Mr Paul McGrath",
            ["Tony Riordan", "Vera Rider", "Paul McGrath"],
        ),
        ("Ch Supt Richard North", ["Richard North"]),
        (
            "Councillors Smith and Jones, and from Mr Patel (Independent Member)",
            ["Smith", "Jones", "Patel"],
        ),
        ("KPMG (Internal Audit)", []),
    ],
)
def test_list_line_names(line: str, names: list[str]) -> None:
    assert [e.name.full for e in parse_run(line, 0) if e.name] == names


def test_postnominals_and_firms_are_not_names() -> None:
    assert strip_postnominals("Sir Mark Rowley QPM") == "Sir Mark Rowley"
    assert strip_postnominals("Keith Prince AM") == "Keith Prince"
    assert not looks_like_name("Grant Thornton", titled=False)
    assert not looks_like_name("Frontline Consulting", titled=False)


def test_star_legend_marks_unstarred_members_absent_then_apologies_win() -> None:
    text = (
        "Members:\n(*present)\n\n* Councillor Ann Bee (Chairman)\n"
        "  Councillor Carl Dee\n* Juliet Fryer (Independent Member)\n\n"
        "1. Apologies\nApologies were received from Councillor Carl Dee.\n"
    )
    assert _people(text) == [
        ("Ann Bee", "present"),
        ("Carl Dee", "apologies"),
        ("Juliet Fryer", "present"),
    ]


def test_star_legend_after_several_lists_reaches_them_all() -> None:
    text = (
        "Chairman:\n* Councillor Ann Bee\n\nElected Members:\n* Councillor Eve Fox\n"
        "  Councillor Carl Dee\n\n*Present\n\n"
        "Also present with the agreement of the Chairman:\n"
        "Donna Jones, Police and Crime Commissioner\n\n1. Apologies\n"
    )
    assert _people(text) == [
        ("Ann Bee", "present"),
        ("Eve Fox", "present"),
        ("Carl Dee", "absent"),
        ("Donna Jones", "in-attendance"),
    ]


def test_absent_legend_marks_lines_ending_in_a() -> None:
    text = (
        "MEMBERS PRESENT\n(A denotes absent)\n\n"
        "Councillor Scott Carlton – Newark and Sherwood District Council\n"
        "Councillor David Ellis – Gedling Borough Council – A\n\n1. APOLOGIES\n"
    )
    assert _people(text) == [("Scott Carlton", "present"), ("David Ellis", "absent")]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Mrs L Parfitt-Reid attended as a substitute for Cllr Bee.", "L Parfitt-Reid"),
        ("Mr D Jeffrey was present as a substitute.", "D Jeffrey"),
        ("Mr D Jeffrey was replacing Councillor J Tyrrell.", "D Jeffrey"),
        ("Cllr Mark Southgate attended as the deputy for Cllr Ray.", "Mark Southgate"),
    ],
)
def test_substitution_sentence_makes_a_listed_member_a_substitute(
    sentence: str, who: str
) -> None:
    listed = "PRESENT: Cllr Ann Bee, Mrs L Parfitt-Reid, Mr D Jeffrey"
    text = f"{listed}\n\n1. Apologies\n{sentence}\n"
    assert (who, "substitute") in _people(text)


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("Together with:", "in-attendance"),
        ("The following Officers were in attendance:", "in-attendance"),
        ("OTHERS PRESENT", "in-attendance"),
        ("Councillors:", "present"),
        ("Co-opted Independent Members:", "present"),
        ("... putting questions to the following invited guests:", "in-attendance"),
    ],
)
def test_list_headings_give_statuses(heading: str, status: str) -> None:
    listed = "J. Mudd (Police and Crime Commissioner), Eve Fox (Clerk)"
    text = f"{heading}\n{listed}\n\n1. Item\n"
    assert _people(text) == [("J. Mudd", status), ("Eve Fox", status)]


def test_contact_officer_line_is_not_an_attendance_list() -> None:
    text = "Contact Officer: Diane Richards, Committee Officer; Telephone: 020 7983\n"
    assert _people(text) == []


def test_long_list_line_is_read_but_a_paragraph_is_not() -> None:
    listed = (
        "Together with:\nJ. Mudd (Police and Crime Commissioner), E. Thomas (Deputy "
        "Police and Crime Commissioner), S. Morgan (Chief Executive, OPCC), D. "
        "Garwood-Pask (Chief Finance Officer, OPCC), C. Evans (Scrutiny Officer)\n"
    )
    assert len(_people(listed)) == 5
    prose = (
        "Present:\nCllr Ann Bee\nThe Panel discussed the report at length and noted "
        "that Mark Jones and the Chief Constable would report on the outcome of the "
        "review to a future meeting of the Panel in the new year.\n"
    )
    assert _people(prose) == [("Ann Bee", "present")]


def test_officer_named_with_force_and_appositive_speak() -> None:
    text = (
        "Chief Inspector Ackroyd of Dorset Police responded to questions.\n"
        "The preferred candidate, Tim De Meyer, set out his priorities.\n"
    )
    assert _people(text) == [
        ("Ackroyd", "in-attendance"),
        ("Tim De Meyer", "in-attendance"),
    ]


def test_board_post_is_held_once_words_first() -> None:
    text = (
        "Attendees:\n- **Police and Crime Commissioner**\n- **Treasurer**\n\n"
        "AGENDA\n1. Apologies\n2. Minutes\n3. AOB\n\nMinutes\n\nAttendees:\n"
        "Ann Bee, Police and Crime Commissioner\nDee Piper, OPCC CFO\n"
        "Carl Dee, Treasurer\n\n1. Apologies\n"
    )
    assert _people(text) == [
        ("Ann Bee", "present"),
        ("Dee Piper", "in-attendance"),
        ("Carl Dee", "present"),
    ]


def test_list_wrapped_across_lines_is_read_whole() -> None:
    text = (
        "PRESENT: Councillor A Smith (Chair), Councillor B\n"
        "Jones, Councillor C Brown, Mr D Evans (Independent\n"
        "Member) and Councillor E Green.\n\n"
        "Also in attendance: Jane Doe (Police and Crime Commissioner) and\n"
        "John Roe (Chief Executive, OPCC).\n\n1. Apologies\n"
    )
    assert [name for name, _ in _people(text)] == [
        "A Smith",
        "B Jones",
        "C Brown",
        "D Evans",
        "E Green",
        "Jane Doe",
        "John Roe",
    ]


def test_one_per_line_list_is_not_joined_and_page_marks_are_passed_over() -> None:
    text = (
        "Attendees:\nAndy Marsh, Chief Constable\nMark Simmonds, OPCC CFO\n\n"
        "Derbyshire County Council      Page 2 of 7\n\n"
        "Councillor David Ellis – Gedling Borough Council – A\n\n1. Apologies\n"
    )
    assert [name for name, _ in _people(text)] == [
        "Andy Marsh",
        "Mark Simmonds",
        "David Ellis",
    ]

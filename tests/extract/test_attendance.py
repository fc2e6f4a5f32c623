"""Attendance extraction: list lines, headings, sentences, speakers, seeds' gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.attendance import extract_attendance
from kg.extract.entries import parse_run
from kg.extract.names import same_person, split_title
from kg.extract.posts import post_key, same_post
from kg.records import EXAMPLE_MEETING, AttendanceStatus, PersonName

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "gold"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
S = AttendanceStatus


def _people(text: str) -> list[tuple[str, str | None, str]]:
    found = extract_attendance(EXAMPLE_MEETING, text).attendances
    return [(a.name.full, a.name.title, a.status.value) for a in found]


@pytest.mark.parametrize(
    ("phrase", "title", "rest"),
    [
        ("T/Det. Supt. Darren Minton", "T/Det. Supt.", "Darren Minton"),
        ("Ch.Supt. Mark Ridley", "Ch.Supt.", "Mark Ridley"),
        ("Chief Supt. Mark Ridley", "Chief Supt.", "Mark Ridley"),
        ("T/CC Dee Collins", "T/CC", "Dee Collins"),
        ("Cllr Middlebrough", "Cllr", "Middlebrough"),
        ("County Councillor A. Bee", "County Councillor", "A. Bee"),
        ("Insp. Paul Rushton", "Insp.", "Paul Rushton"),
        ("Connor Smith", None, "Connor Smith"),
    ],
)
def test_split_title(phrase: str, title: str | None, rest: str) -> None:
    got_title, got_rest, _ = split_title(phrase)
    assert (got_title, got_rest) == (title, rest)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Councillors C. Hughes and D. Lowe",
            [("C. Hughes", "Councillor", None, None)]
            + [("D. Lowe", "Councillor", None, None)],
        ),
        (
            "Chief Constable – Andy Marsh",
            [("Andy Marsh", None, "Chief Constable", None)],
        ),
        ("Darren Medcalf, HMIC", [("Darren Medcalf", None, None, "HMIC")]),
        (
            "Mark Burns-Williamson – West Yorkshire Police and Crime "
            "Commissioner (PCC)",
            [
                (
                    "Mark Burns-Williamson",
                    None,
                    "West Yorkshire Police and Crime Commissioner",
                    None,
                )
            ],
        ),
        (
            "Mark Milton, Director of People and Organisational Development",
            [
                (
                    "Mark Milton",
                    None,
                    "Director of People and Organisational Development",
                    None,
                )
            ],
        ),
        (
            "Cllr A. Patel (Northtown Borough Council), B. Okafor",
            [
                ("A. Patel", "Cllr", None, "Northtown Borough Council"),
                ("B. Okafor", None, None, None),
            ],
        ),
        (
            "PCC Alun Michael; Chief Constable Jeremy Vaughan",
            [
                ("Alun Michael", None, "PCC", None),
                ("Jeremy Vaughan", None, "Chief Constable", None),
            ],
        ),
        ("Chair: Cllr Ann Bee", [("Ann Bee", "Cllr", "Chair", None)]),
    ],
)
def test_parse_run_splits_people(line: str, expected: list[tuple]) -> None:
    got = [
        (e.name.full, e.name.title, e.role, e.organisation)
        for e in parse_run(line, 0)
        if e.name is not None
    ]
    assert got == expected


def test_item_ranges_are_kept() -> None:
    (entry,) = parse_run("T/Det. Supt. Darren Minton (1-2)", 10)
    assert entry.items == "1-2"
    assert entry.span.start == 10


def test_substitute_is_linked_to_the_member_replaced() -> None:
    text = (
        "Apologies for absence were received from Councillor Ann Bee "
        "(Northtown Council – "
        "Councillor Carl Dee substituting) and Councillor Eve Fox."
    )
    found = extract_attendance(EXAMPLE_MEETING, text).attendances
    assert [(a.name.full, a.status, a.substitute_for) for a in found] == [
        ("Ann Bee", S.APOLOGIES, None),
        ("Carl Dee", S.SUBSTITUTE, "Ann Bee"),
        ("Eve Fox", S.APOLOGIES, None),
    ]
    assert (
        text[found[1].span.start : found[1].span.end]
        == "Councillor Carl Dee substituting"
    )


def test_inline_present_line_and_apologies_heading() -> None:
    text = (
        "Present: Cllr Ann Bee (Chair), Cllr Bob Cox, Mr Dan Eve\n\n"
        "Apologies:\n- Cllr Gill Hay\n\n1. Minutes\n\nCllr Bob Cox asked about costs.\n"
    )
    assert _people(text) == [
        ("Ann Bee", "Cllr", "present"),
        ("Bob Cox", "Cllr", "present"),
        ("Dan Eve", "Mr", "present"),
        ("Gill Hay", "Cllr", "apologies"),
    ]


def test_departures_and_speakers_do_not_duplicate() -> None:
    text = (
        "PRESENT\n\n- DI Vanessa Smith (3)\n\n1. Item\n\nDI Smith explained the plan.\n"
        "- *DI Vanessa Smith left the meeting*\n"
        "Superintendent Travis informed Members of it.\n"
    )
    assert _people(text) == [
        ("Vanessa Smith", "DI", "present"),
        ("Travis", "Superintendent", "in-attendance"),
    ]


def test_people_only_mentioned_are_not_attendees() -> None:
    text = (
        "1. Item\n\nMembers viewed a video, Kayleigh's love story. "
        "A letter from Councillor "
        "Jo Bloggs dated 2015 was noted. ACC Milson continued to represent the Force.\n"
    )
    assert _people(text) == []


def test_posts_without_holders_are_posts_not_people() -> None:
    text = "Attendees:\n\n- **PCC**\n- **Chief Constable**\n\nThe meeting opened.\n"
    meeting = extract_attendance(EXAMPLE_MEETING, text)
    assert meeting.attendances == ()
    assert [(p.post, p.status) for p in meeting.posts] == [
        ("PCC", S.PRESENT),
        ("Chief Constable", S.PRESENT),
    ]


def test_agenda_posts_decide_present_or_in_attendance() -> None:
    text = (
        "Attendees:\n\n- **PCC**\n- **OPCC CFO**\n\nAGENDA\n\n1. Apologies\n\n"
        "Minutes\n\nAttendees:\n\nSue Mountstevens, Police and Crime Commissioner\n"
        "Mark Simmonds, OPCC CFO\nAlice Jones, Senior Policy Officer\n"
        "\n1. Apologies\n\n"
        "John Smith, OPCC CEO\n"
    )
    assert [s for _, _, s in _people(text)] == [
        "present",
        "present",
        "in-attendance",
        "apologies",
    ]


def test_post_keys_and_matching() -> None:
    assert post_key("T/DCC") == "deputy-chief-constable"
    assert post_key("Chief Executive of the OPCC") == "opcc-chief-executive"
    assert post_key("Monitoring Officer") == "monitoring-officer"
    assert same_post(
        "Director of People and Organisational Development",
        "Director of People and Organisation Development",
    )
    assert not same_post("OPCC CFO", "Constabulary CFO")


def test_same_person_tolerates_one_slip_not_other_first_names() -> None:
    assert same_person(PersonName("John Robins"), PersonName("John Robbins"))
    assert not same_person(PersonName("Ann Smith"), PersonName("Bob Smith"))


@given(st.text(max_size=200))
def test_extractor_never_fails_and_spans_lie_in_text(text: str) -> None:
    meeting = extract_attendance(EXAMPLE_MEETING, text)
    for item in (*meeting.attendances, *meeting.posts):
        assert 0 <= item.span.start < item.span.end <= len(text)


def _gold_pairs() -> list[tuple[Path, Path]]:
    return [(g, next(SEEDS.glob(f"{g.stem}.txt"))) for g in sorted(GOLD.glob("*.json"))]


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold files not available")
def test_seeds_match_gold_names_and_statuses() -> None:
    hits = found = wanted = 0
    for gold_path, seed in _gold_pairs():
        gold = json.loads(gold_path.read_text())["participants"]
        text = seed.read_text(encoding="utf-8")
        got = extract_attendance(EXAMPLE_MEETING, text).attendances
        found += len(got)
        wanted += len(gold)
        for person in gold:
            name = PersonName(person["name"])
            hits += any(
                same_person(name, a.name) and a.status.value == person["status"]
                for a in got
            )
    precision, recall = hits / found, hits / wanted
    assert 2 * precision * recall / (precision + recall) >= 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Apologies: Cllrs Smith, Jones and Brown\n\n1. Minutes\n",
            [("Smith", "apologies"), ("Jones", "apologies"), ("Brown", "apologies")],
        ),
        (
            "1. Apologies\n\nCouncillor Jane Doe sent her apologies.\n",
            [("Jane Doe", "apologies")],
        ),
        (
            "Substitutes:\nCouncillor Tom Reed for Councillor Sam Hill\n\n1. Minutes\n",
            [("Tom Reed", "substitute")],
        ),
        (
            "2. Budget\n\nMr Peter Hay, Chief Finance Officer, presented the report.\n",
            [("Peter Hay", "in-attendance")],
        ),
        (
            "Also in attendance:\nAlison Hernandez – Police and Crime Commissioner\n\n",
            [("Alison Hernandez", "in-attendance")],
        ),
    ],
)
def test_genre_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(name, status) for name, _, status in _people(text)] == expected


def test_substitute_pair_and_speaker_role() -> None:
    text = (
        "Substitutes:\nCouncillor Tom Reed for Councillor Sam Hill\n\n"
        "2. Budget\n\nMr Peter Hay, Chief Finance Officer, presented the report.\n"
    )
    found = extract_attendance(EXAMPLE_MEETING, text).attendances
    assert found[0].substitute_for == "Sam Hill"
    assert found[1].role == "Chief Finance Officer"

"""Saved core queries (meetings, agenda items, topics, timelines) on the seeds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.mapping import meeting_to_graph
from kg.mapping.iris import REFERENCE_GRAPH, meeting_graph_iri
from kg.mapping.reference import reference_graph
from kg.parse import parse_document
from kg.queries import run_query
from kg.records import Meeting, Source
from kg.store import OxigraphStore, memory_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ID = "https://w3id.org/police-kg/id/"
Row = tuple[str | None, ...]


@pytest.fixture(scope="module")
def seeds() -> list[tuple[Meeting, str]]:
    parsed = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        parsed.append(
            (parse_document(text, Source(path.name, digest, len(text))), text)
        )
    return parsed


@pytest.fixture(scope="module")
def store(seeds: list[tuple[Meeting, str]]) -> OxigraphStore:
    loaded = memory_store()
    for meeting, text in seeds:
        loaded.replace_graph(
            meeting_graph_iri(meeting), meeting_to_graph(meeting, text)
        )
    loaded.replace_graph(REFERENCE_GRAPH, reference_graph())
    return loaded


def rows(store: OxigraphStore, name: str, **params: str) -> list[Row]:
    """The query's rows as plain strings, IRIs of our data shortened to `id/...`."""
    results = run_query(store, name, params)
    return [tuple(_plain(term) for term in row) for row in results.rows]


def columns(store: OxigraphStore, name: str) -> tuple[str, ...]:
    return run_query(store, name, {}).variables


def _plain(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value.replace(ID, "")
    assert isinstance(term, ox.Literal)
    return term.value


M000 = "meeting/000-ba695e77e2479c4d"
M001 = "meeting/001-96ca7af883fa0b60"
M002 = "meeting/002-57c69e2b3e890af3"
M003 = "meeting/003-b078988c2590fae8"
M004 = "meeting/004-86c6655b3b10abe6"
ROW_000 = (
    M000, "000_ba695e77e2479c4d.txt", "2017-03-15", None, None,
    "body-kind/police-and-crime-panel", "Avon and Somerset Police and Crime Panel",
    "force/avon-and-somerset", None,
)  # fmt: skip
ROW_003 = (
    M003, "003_b078988c2590fae8.txt", "2016-03-01", "14:00:00", "16:50:00",
    "body-kind/pcc-board", "West Yorkshire Community Outcomes Meeting",
    "force/west-yorkshire", None,
)  # fmt: skip
ROW_004 = (
    M004, "004_86c6655b3b10abe6.txt", "2018-04-04", "13:00:00", "17:00:00",
    "body-kind/pcc-board", "Avon and Somerset Police and Crime Board",
    "force/avon-and-somerset", "Gordano Room",
)  # fmt: skip


def test_meetings_has_the_contract_columns(store: OxigraphStore) -> None:
    assert columns(store, "meetings") == (
        "meeting", "source", "date", "startTime", "endTime",
        "bodyKind", "bodyName", "force", "venue",
    )  # fmt: skip


def test_meetings_lists_every_seed_in_date_order(store: OxigraphStore) -> None:
    found = rows(store, "meetings")
    assert [row[0] for row in found] == [M001, M002, M003, M000, M004]
    assert found[2:] == [ROW_003, ROW_000, ROW_004]
    assert found[1][6:] == (
        "Thames Valley Police and Crime Panel",
        "force/thames-valley",
        "Paralympic Meeting Room, Buckinghamshire Council Offices, Gatehouse Road, "
        "Aylesbury, Bucks HP19 8FF",
    )


def test_meetings_by_force(store: OxigraphStore) -> None:
    assert rows(store, "meetings", force="avon-and-somerset") == [ROW_000, ROW_004]


def test_meetings_by_date_range(store: OxigraphStore) -> None:
    assert rows(store, "meetings", since="2016-06-01", until="2017-12-31") == [ROW_000]


def test_meetings_by_body(store: OxigraphStore) -> None:
    body = ID + "body/west-yorkshire/west-yorkshire-community-outcomes-meeting"
    assert rows(store, "meetings", body=body) == [ROW_003]


def test_meetings_of_a_force_without_minutes_is_empty(store: OxigraphStore) -> None:
    assert rows(store, "meetings", force="dorset") == []


def test_agenda_items_are_in_order_of_business(store: OxigraphStore) -> None:
    assert columns(store, "agenda-items") == ("meeting", "number", "title", "position")
    found = rows(store, "agenda-items")
    assert [row[0] for row in found] == sorted(row[0] for row in found)
    of_003 = [row[1:] for row in found if row[0] == M003]
    assert of_003 == [
        ("1", "Notes of the previous meeting including matters arising", "1"),
        ("2", "Urgent Items", "2"),
        ("3", "Police and Crime Commissioner Announcements", "3"),
        ("4", "Safeguarding: Missing Persons", "4"),
        ("5", "Safeguarding: Child Sexual Exploitation (CSE)", "5"),
        ("6", "Cyber Crime", "6"),
        ("7", "Future Agenda Items", "7"),
        ("8", "Any other business", "8"),
    ]


def test_agenda_items_keep_printed_numbers(store: OxigraphStore) -> None:
    numbers = [row[1] for row in rows(store, "agenda-items") if row[0] == M002]
    printed = ["62/21", "63/21", "64/21", "65/21", "66/21"]
    assert numbers == ["1", "2", "3", "4", *printed, "10"]


def _topic_counts(seeds: list[tuple[Meeting, str]]) -> set[Row]:
    """Count meetings and items per (force, topic) from the records, not the graph."""
    meetings: dict[tuple[str, str], set[str]] = {}
    items: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for meeting, _ in seeds:
        if meeting.body.force is None:
            continue
        for tagging in meeting.topics:
            key = (f"force/{meeting.body.force.value}", f"topic/{tagging.key}")
            meetings.setdefault(key, set()).add(meeting.source.name)
            items.setdefault(key, set()).add((meeting.source.name, tagging.item))
    return {(*key, str(len(meetings[key])), str(len(items[key]))) for key in meetings}


def test_topics_by_force_counts_meetings_and_items(
    store: OxigraphStore, seeds: list[tuple[Meeting, str]]
) -> None:
    assert columns(store, "topics-by-force") == ("force", "topic", "meetings", "items")
    found = rows(store, "topics-by-force")
    assert set(found) == _topic_counts(seeds)
    assert len(found) == len(set(found))
    assert [row[0] for row in found] == sorted(row[0] for row in found)


def test_topics_by_force_narrowed_to_one_force_and_topic(
    store: OxigraphStore, seeds: list[tuple[Meeting, str]]
) -> None:
    expected = {
        row
        for row in _topic_counts(seeds)
        if row[:2] == ("force/thames-valley", "topic/finance")
    }
    found = rows(store, "topics-by-force", force="thames-valley", topic="finance")
    assert set(found) == expected


def test_force_timeline_lists_a_forces_meetings_in_date_order(
    store: OxigraphStore,
) -> None:
    assert rows(store, "force-timeline", force="avon-and-somerset") == [
        (
            M000, "2017-03-15",
            "body/avon-and-somerset/avon-and-somerset-police-and-crime-panel",
            "Avon and Somerset Police and Crime Panel",
            "body-kind/police-and-crime-panel", "000_ba695e77e2479c4d.txt", "14",
        ),
        (
            M004, "2018-04-04",
            "body/avon-and-somerset/avon-and-somerset-police-and-crime-board",
            "Avon and Somerset Police and Crime Board",
            "body-kind/pcc-board", "004_86c6655b3b10abe6.txt", "14",
        ),
    ]  # fmt: skip


def test_force_timeline_needs_a_force(store: OxigraphStore) -> None:
    with pytest.raises(KgError, match="force"):
        run_query(store, "force-timeline", {})

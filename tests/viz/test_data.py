from pathlib import Path

from kg.store import OxigraphStore, open_data
from kg.viz.data import read_meetings

MINI = Path(__file__).parent / "data" / "mini.trig"
ID = "https://w3id.org/police-kg/id/"


def test_meetings_are_read_across_named_graphs(mini_store: OxigraphStore) -> None:
    meetings = read_meetings(mini_store)
    assert sorted(meetings) == [f"{ID}meeting/m{n}" for n in range(1, 5)]
    first = meetings[f"{ID}meeting/m1"]
    assert first.force_label == "Avon and Somerset"
    assert first.body_kind == "police-and-crime-panel"
    assert set(first.topics) == {f"{ID}topic/cse", f"{ID}topic/cyber-crime"}
    assert first.attendances[f"{ID}person/avon-and-somerset/richard-brown"].status == (
        "present"
    )


def test_evidence_quotes_keep_their_document(mini_store: OxigraphStore) -> None:
    decision = read_meetings(mini_store)[f"{ID}meeting/m1"].decisions
    quotes = decision[f"{ID}meeting/m1/decision/1"].quotes
    assert [(q.text, q.document) for q in quotes] == [
        ("RESOLVED that the cyber crime update be noted.", "m1.txt")
    ]


def test_open_data_loads_a_graph_file() -> None:
    assert len(read_meetings(open_data(MINI))) == 4


def test_seed_meetings_have_bodies_and_forces(seed_store: OxigraphStore) -> None:
    meetings = read_meetings(seed_store)
    assert len(meetings) == 5
    assert all(m.body_name and m.force_label for m in meetings.values())

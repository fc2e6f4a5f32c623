import pytest

from kg.store import OxigraphStore
from kg.viz.data import MeetingInfo, read_meetings
from kg.viz.model import Node, Selection, build_view, focus_view, select_meetings

ID = "https://w3id.org/police-kg/id/"


def kinds(view_nodes: dict[str, Node]) -> dict[str, int]:
    found: dict[str, int] = {}
    for node in view_nodes.values():
        found[node.kind] = found.get(node.kind, 0) + 1
    return found


def test_view_draws_every_kind_once(mini_store: OxigraphStore) -> None:
    view = build_view(read_meetings(mini_store).values())
    assert kinds(view.nodes) == {
        "meeting": 4,
        "body": 4,
        "force": 2,
        "person": 3,
        "topic": 3,
        "decision": 2,
    }
    assert any(e.relation == "apologies" for e in view.edges)
    assert not view.omitted


@pytest.mark.parametrize(
    ("selection", "meetings"),
    [
        (Selection(topic="cyber-crime"), {"m1", "m3"}),
        (Selection(topic=f"{ID}topic/cse"), {"m1"}),
        (Selection(force="west-mercia"), {"m3", "m4"}),
        (Selection(since="2019-01-01"), {"m3", "m4"}),
        (Selection(force="avon-and-somerset", topic="budget"), {"m2"}),
    ],
)
def test_selection_keeps_matching_meetings(
    mini_store: OxigraphStore, selection: Selection, meetings: set[str]
) -> None:
    chosen = select_meetings(read_meetings(mini_store).values(), selection)
    assert {m.iri.rsplit("/", 1)[-1] for m in chosen} == meetings


def test_focus_keeps_two_hops(mini_store: OxigraphStore) -> None:
    view = build_view(read_meetings(mini_store).values())
    focused = focus_view(view, f"{ID}person/avon-and-somerset/sue-mountstevens")
    assert kinds(focused.nodes)["meeting"] == 2
    assert f"{ID}person/avon-and-somerset/richard-brown" in focused.nodes
    assert f"{ID}person/west-mercia/john-campion" not in focused.nodes


def synthetic_meetings(count: int, people: int) -> list[MeetingInfo]:
    from kg.viz.data import AttendanceInfo, DecisionInfo

    meetings = []
    for n in range(count):
        meeting = MeetingInfo(
            iri=f"{ID}meeting/s{n}",
            date=f"20{10 + n % 10}-01-{1 + n % 28:02d}",
            body=f"{ID}body/f{n % 40}/panel",
            body_name=f"Panel {n % 40}",
            body_kind="police-and-crime-panel",
            force=f"{ID}force/f{n % 40}",
            force_label=f"Force {n % 40}",
            file_name=f"s{n}.txt",
        )
        for p in range(people):
            person = f"{ID}person/p{n}-{p}"
            meeting.attendances[person] = AttendanceInfo(
                person, f"P {n} {p}", "present", ""
            )
        decision = f"{ID}meeting/s{n}/decision/1"
        meeting.decisions[decision] = DecisionInfo(
            decision, "", "resolution", "", "t", "", ""
        )
        meetings.append(meeting)
    return meetings


def test_a_country_sized_view_is_thinned_under_the_cap() -> None:
    view = build_view(synthetic_meetings(1500, 8), max_nodes=1000)
    assert len(view.nodes) <= 1000
    assert view.omitted["person"] == 12000
    assert view.omitted["decision"] == 1500
    assert view.omitted["meeting"] > 0
    assert kinds(view.nodes)["meeting"] > 500


def test_topic_evidence_is_only_its_own(mini_store: OxigraphStore) -> None:
    view = build_view(read_meetings(mini_store).values())
    assert [q.text for q in view.nodes[f"{ID}topic/cse"].quotes] == [
        "Child Sexual Exploitation"
    ]
    assert view.nodes[f"{ID}topic/cyber-crime"].quotes == []

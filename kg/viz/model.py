"""Viz model: meetings (`kg.viz.data.MeetingInfo`) to the nodes and edges a page draws.

Stage: store → pictures. Input is the meetings read by `kg.viz.data.read_meetings`;
output is a `View` of forces, bodies, meetings, people, topics and decisions, with
labelled edges.
Agenda items are collapsed into their meeting (a meeting links each topic its items were
tagged with), and a view larger than `max_nodes` is thinned, people seen at one meeting
first, then decisions, then the oldest meetings, so a whole country stays drawable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.viz.data import MeetingInfo, Quote, key_of

# kind → (legend label, vis-network shape, colour, legend glyph)
KINDS: dict[str, tuple[str, str, str, str]] = {
    "force": ("Police force", "diamond", "#1f3a93", "\u25c6"),
    "body": ("Body", "square", "#7b3fa0", "\u25a0"),
    "meeting": ("Meeting", "dot", "#2e8b57", "\u25cf"),
    "person": ("Person", "triangle", "#e67e22", "\u25b2"),
    "topic": ("Topic", "star", "#c0392b", "\u2605"),
    "decision": ("Decision", "hexagon", "#7f8c8d", "\u2b22"),
}


@dataclass(slots=True)
class Node:
    """A node to draw; `meetings` are the meetings it belongs to (for the filters)."""

    id: str
    kind: str
    label: str
    details: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meetings: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Edge:
    """A labelled edge between two node ids."""

    source: str
    target: str
    relation: str


@dataclass(slots=True)
class View:
    """What one page draws, and what was left out to keep it drawable."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: set[Edge] = field(default_factory=set)
    meetings: dict[str, MeetingInfo] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Selection:
    """Filters on meetings: force and topic as key or IRI, `since` an ISO date."""

    force: str | None = None
    topic: str | None = None
    since: str | None = None


def select_meetings(
    meetings: Iterable[MeetingInfo], selection: Selection
) -> list[MeetingInfo]:
    """Keep the meetings that pass every filter of `selection`."""
    return [m for m in meetings if _matches(m, selection)]


def _matches(meeting: MeetingInfo, selection: Selection) -> bool:
    if selection.force and selection.force not in (
        meeting.force,
        key_of(meeting.force),
    ):
        return False
    topics = set(meeting.topics) | {key_of(t) for t in meeting.topics}
    if selection.topic and selection.topic not in topics:
        return False
    return not (
        selection.since and (not meeting.date or meeting.date < selection.since)
    )


def build_view(meetings: Iterable[MeetingInfo], *, max_nodes: int = 2000) -> View:
    """Draw `meetings` as nodes and edges, thinned to at most `max_nodes` nodes."""
    chosen = {m.iri: m for m in meetings}
    view = _draw(chosen.values())
    view.meetings = chosen
    for thin in (_drop_one_meeting_people, _drop_decisions, _drop_oldest_meetings):
        if len(view.nodes) <= max_nodes:
            break
        view = thin(view, max_nodes)
    return view


def focus_view(view: View, focus: str, *, hops: int = 2) -> View:
    """Keep the nodes within `hops` edges of `focus` (an IRI) and the edges between."""
    if focus not in view.nodes:
        raise KeyError(focus)
    neighbours: dict[str, set[str]] = {node: set() for node in view.nodes}
    for edge in view.edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    kept, frontier = {focus}, {focus}
    for _ in range(hops):
        frontier = {n for node in frontier for n in neighbours[node]} - kept
        kept |= frontier
    return _restrict(view, kept)


def _draw(meetings: Iterable[MeetingInfo]) -> View:
    view = View()
    for meeting in meetings:
        for node, edges in _meeting_parts(meeting):
            known = view.nodes.setdefault(node.id, node)
            known.meetings.add(meeting.iri)
            for quote in node.quotes:
                if quote not in known.quotes:
                    known.quotes.append(quote)
            view.edges.update(edges)
    return view


def _meeting_parts(meeting: MeetingInfo) -> Iterator[tuple[Node, list[Edge]]]:
    m = meeting.iri
    yield _meeting_node(meeting), [Edge(m, meeting.body, "body")]
    body = Node(meeting.body, "body", meeting.body_name, [("kind", meeting.body_kind)])
    force_edges = (
        [Edge(meeting.body, meeting.force, "force area")] if meeting.force else []
    )
    yield body, force_edges
    if meeting.force:
        details = [("key", key_of(meeting.force))]
        yield Node(meeting.force, "force", meeting.force_label, details), []
    for item in meeting.items.values():
        for topic, label in item.topics.items():
            yield (
                Node(
                    topic,
                    "topic",
                    label,
                    [("key", key_of(topic))],
                    list(item.quotes.get(topic, [])),
                ),
                [Edge(m, topic, "topic")],
            )
    yield from _outcome_parts(meeting)


def _outcome_parts(meeting: MeetingInfo) -> Iterator[tuple[Node, list[Edge]]]:
    m = meeting.iri
    for a in meeting.attendances.values():
        details = [("name", a.name), ("role", a.role)]
        yield (
            Node(a.person, "person", a.name, details, list(a.quotes)),
            [Edge(a.person, m, a.status or "attended")],
        )
    for d in meeting.decisions.values():
        details = [("kind", d.kind), ("reference", d.reference), ("title", d.title)]
        details += [("text", d.text), ("status", d.status)]
        yield (
            Node(d.iri, "decision", d.summary, details, list(d.quotes)),
            [Edge(d.iri, m, "decided at")],
        )


def _meeting_node(meeting: MeetingInfo) -> Node:
    label = f"{meeting.date or 'undated'} {meeting.body_name}"
    items = [f"{i.number} {i.title}".strip() for i in meeting.items.values()]
    details = [
        ("date", meeting.date),
        ("body", meeting.body_name),
        ("force", meeting.force_label),
        ("document", meeting.file_name),
        ("items", "; ".join(items)),
    ]
    return Node(meeting.iri, "meeting", label, details)


def _restrict(view: View, kept: set[str]) -> View:
    nodes = {k: v for k, v in view.nodes.items() if k in kept}
    edges = {e for e in view.edges if e.source in nodes and e.target in nodes}
    meetings = {k: v for k, v in view.meetings.items() if k in nodes}
    return View(nodes, edges, meetings, dict(view.omitted))


def _drop_kind(view: View, kind: str, drop: set[str]) -> View:
    thinner = _restrict(view, set(view.nodes) - drop)
    thinner.omitted[kind] = thinner.omitted.get(kind, 0) + len(drop)
    return thinner


def _drop_one_meeting_people(view: View, max_nodes: int) -> View:
    drop = {
        k for k, n in view.nodes.items() if n.kind == "person" and len(n.meetings) < 2
    }
    return _drop_kind(view, "person", drop)


def _drop_decisions(view: View, max_nodes: int) -> View:
    return _drop_kind(
        view, "decision", {k for k, n in view.nodes.items() if n.kind == "decision"}
    )


def _drop_oldest_meetings(view: View, max_nodes: int) -> View:
    newest = sorted(view.meetings.values(), key=lambda m: (m.date, m.iri), reverse=True)
    keep, thinner = len(newest), view
    while keep > 1 and len(thinner.nodes) > max_nodes:
        keep = keep * 3 // 4
        thinner = _restrict(view, _neighbourhood(view, {m.iri for m in newest[:keep]}))
    dropped = len(view.meetings) - len(thinner.meetings)
    thinner.omitted["meeting"] = thinner.omitted.get("meeting", 0) + dropped
    return thinner


def _neighbourhood(view: View, meetings: set[str]) -> set[str]:
    return {k for k, n in view.nodes.items() if n.meetings & meetings}

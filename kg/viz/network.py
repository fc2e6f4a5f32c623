"""Viz networks: meetings (`kg.viz.data.MeetingInfo`) to networkx graphs and measures.

Stage: store → pictures. Input is the meetings read by `kg.viz.data.read_meetings`;
output is three networkx graphs, each node carrying `label`, `kind`, `degree`,
`betweenness` and `community`: people linked by co-attendance (edge `weight` = meetings
shared), forces linked by shared topics (`weight` = topics shared) and the person–body
bipartite graph (`weight` = meetings attended), plus the people who bridge bodies or
forces. `write_networks` writes each as GraphML and GEXF for Gephi and Cytoscape.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from kg.viz.data import MeetingInfo
from kg.viz.files import write_atomic

Graph = Any  # networkx ships no type information

WRITERS: dict[str, Callable[[Graph, io.BytesIO], None]] = {
    "graphml": nx.write_graphml,
    "gexf": nx.write_gexf,
}


@dataclass(frozen=True, slots=True)
class Bridge:
    """A person seen at meetings of more than one body (maybe of several forces)."""

    person: str
    name: str
    bodies: tuple[str, ...]
    forces: tuple[str, ...]
    meetings: int


def people_graph(meetings: Iterable[MeetingInfo]) -> Graph:
    """Link people who took part in the same meeting; weight = meetings shared."""
    graph = nx.Graph(name="people by co-attendance")
    for meeting in meetings:
        people = sorted(meeting.attendances.values(), key=lambda a: a.person)
        for a in people:
            graph.add_node(a.person, label=a.name, kind="person")
        for first, second in combinations(people, 2):
            _add_weight(graph, first.person, second.person)
    return graph


def force_graph(meetings: Iterable[MeetingInfo]) -> Graph:
    """Link forces whose bodies discussed the same topic; weight = topics shared."""
    topics: dict[str, set[str]] = {}
    graph = nx.Graph(name="forces by shared topics")
    for meeting in meetings:
        if meeting.force:
            graph.add_node(meeting.force, label=meeting.force_label, kind="force")
            topics.setdefault(meeting.force, set()).update(meeting.topics.values())
    for first, second in combinations(sorted(topics), 2):
        shared = topics[first] & topics[second]
        if shared:
            graph.add_edge(
                first, second, weight=len(shared), topics="; ".join(sorted(shared))
            )
    return graph


def person_body_graph(meetings: Iterable[MeetingInfo]) -> Graph:
    """Link people to the bodies whose meetings they took part in (bipartite)."""
    graph = nx.Graph(name="people and bodies")
    for meeting in meetings:
        graph.add_node(meeting.body, label=meeting.body_name, kind="body", bipartite=0)
        for a in meeting.attendances.values():
            graph.add_node(a.person, label=a.name, kind="person", bipartite=1)
            _add_weight(graph, a.person, meeting.body)
    return graph


PROJECTIONS: dict[str, Callable[[Iterable[MeetingInfo]], Graph]] = {
    "people": people_graph,
    "forces": force_graph,
    "person-body": person_body_graph,
}


def measure(graph: Graph) -> Graph:
    """Add `degree`, `betweenness` (both normalised) and `community` to every node."""
    degree = (
        nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    )
    betweenness = nx.betweenness_centrality(graph)
    for node in graph:
        graph.nodes[node]["degree"] = round(float(degree[node]), 6)
        graph.nodes[node]["betweenness"] = round(float(betweenness[node]), 6)
    for index, members in enumerate(communities(graph)):
        for node in members:
            graph.nodes[node]["community"] = index
    return graph


def communities(graph: Graph) -> list[set[str]]:
    """Find modularity communities (singletons if there are no edges), largest first."""
    if graph.number_of_edges() == 0:
        return [{node} for node in sorted(graph)]
    found = nx.community.greedy_modularity_communities(graph, weight="weight")
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(c)))


def projections(meetings: dict[str, MeetingInfo]) -> dict[str, Graph]:
    """Every projection of `PROJECTIONS`, measured."""
    return {
        name: measure(make(meetings.values())) for name, make in PROJECTIONS.items()
    }


def bridges(meetings: Iterable[MeetingInfo]) -> list[Bridge]:
    """People who took part in meetings of more than one body, most bodies first."""
    seen: dict[str, tuple[str, set[str], set[str], set[str]]] = {}
    for meeting in meetings:
        for a in meeting.attendances.values():
            name, bodies, forces, held = seen.setdefault(
                a.person, (a.name, set(), set(), set())
            )
            bodies.add(meeting.body_name)
            forces.update([meeting.force_label] if meeting.force_label else [])
            held.add(meeting.iri)
    found = [
        Bridge(person, name, tuple(sorted(bodies)), tuple(sorted(forces)), len(held))
        for person, (name, bodies, forces, held) in seen.items()
        if len(bodies) > 1
    ]
    return sorted(found, key=lambda b: (-len(b.bodies), -b.meetings, b.name, b.person))


def write_networks(graphs: dict[str, Graph], out_dir: Path) -> list[Path]:
    """Write each graph as `<name>.graphml` and `<name>.gexf` in `out_dir`."""
    written = []
    for name, graph in graphs.items():
        for suffix, writer in WRITERS.items():
            buffer = io.BytesIO()
            writer(graph, buffer)
            out = out_dir / f"{name}.{suffix}"
            write_atomic(out, buffer.getvalue())
            written.append(out)
    return written


def format_report(
    graphs: dict[str, Graph], found: list[Bridge], *, top: int = 10
) -> str:
    """Tabulate each projection's size and most central nodes, then the bridges."""
    lines: list[str] = []
    for name, graph in graphs.items():
        count = len({graph.nodes[n].get("community") for n in graph})
        lines.append(
            f"== {name}: {len(graph)} nodes, {graph.number_of_edges()} edges, "
            f"{count} communities"
        )
        lines.append(f"{'betweenness':>11}  {'degree':>6}  {'community':>9}  label")
        ranked = sorted(graph, key=lambda n: (-graph.nodes[n]["betweenness"], str(n)))
        for node in ranked[:top]:
            data = graph.nodes[node]
            lines.append(
                f"{data['betweenness']:>11.3f}  {data['degree']:>6.3f}  "
                f"{data['community']:>9}  {data['label']}"
            )
    lines.append(f"== people at meetings of more than one body: {len(found)}")
    for bridge in found:
        lines.append(
            f"{bridge.name}: {len(bridge.bodies)} bodies, {bridge.meetings} "
            f"meetings, forces {', '.join(bridge.forces) or '-'}; "
            f"{' | '.join(bridge.bodies)}"
        )
    return "\n".join(lines)


def _add_weight(graph: Graph, first: str, second: str) -> None:
    if graph.has_edge(first, second):
        graph.edges[first, second]["weight"] += 1
    else:
        graph.add_edge(first, second, weight=1)

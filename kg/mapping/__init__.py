"""Mapping stage: records (`kg.records.Meeting`) to RDF triples under the ontology.

`meeting_to_graph` composes one pure function per record family, each yielding triples:
the meeting, its body and items (`core`), people and attendance (`people`), and topics,
decisions, actions and discrepancies (`outcomes`). The graph it returns holds exactly
one meeting; `kg.store` puts it in that meeting's named graph
(`iris.meeting_graph_iri`).
"""

from __future__ import annotations

from rdflib import Graph

from kg.mapping import core, outcomes, people
from kg.namespaces import bind_prefixes
from kg.records import Meeting


def meeting_to_graph(meeting: Meeting, text: str) -> Graph:
    """Map one meeting read from `text` (the text its spans point into) to a graph."""
    graph = bind_prefixes(Graph())
    for family in (
        core.meeting_triples,
        people.people_triples,
        outcomes.outcome_triples,
    ):
        for triple in family(meeting, text):
            graph.add(triple)
    return graph

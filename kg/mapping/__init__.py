"""Mapping stage: records (`kg.records.Meeting`) to RDF triples under the ontology.

`meeting_to_triples` composes one pure function per record family, each yielding
triples: the meeting, its body and items (`core`), people and attendance (`people`),
and topics, decisions, actions and discrepancies (`outcomes`); it gives each triple
once. `meeting_to_graph` gives the same triples as an rdflib graph, and
`each_triple` the mappers' triples as they come, which the ingest workers write as
N-Triples lines (`ntriples`), each once. Each holds exactly one meeting; `kg.store`
puts it in that meeting's named graph (`iris.meeting_graph_iri`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from rdflib import Graph

from kg.mapping import core, outcomes, people
from kg.mapping.evidence import Triple
from kg.namespaces import bind_prefixes
from kg.records import Meeting


def meeting_to_triples(meeting: Meeting, text: str) -> list[Triple]:
    """Map one meeting read from `text` to its triples, each once, in mapping order.

    The triples are those `meeting_to_graph` puts in its graph, without building
    one.
    """
    return list(dict.fromkeys(each_triple(meeting, text)))


def each_triple(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the triples of `meeting` in mapping order, some more than once.

    The ingest workers write them straight as N-Triples lines
    (`kg.mapping.ntriples`), which keeps each once.
    """
    families = (core.meeting_triples, people.people_triples, outcomes.outcome_triples)
    return chain.from_iterable(family(meeting, text) for family in families)


def meeting_to_graph(meeting: Meeting, text: str) -> Graph:
    """Map one meeting read from `text` (the text its spans point into) to a graph."""
    graph = bind_prefixes(Graph())
    graph.addN((s, p, o, graph) for s, p, o in meeting_to_triples(meeting, text))
    return graph

"""The naive baseline: document paths in, seconds per stage of an rdflib pipeline out.

What a first version would do: parse and map each document in one process
(`kg.parse.parse_document`, `kg.mapping.meeting_to_graph`), add its triples to one
rdflib in-memory `Graph`, validate that whole graph in one pySHACL run
(`kg.validate.validate`, reference triples included) and serialise it with rdflib's
Turtle writer. It reports progress as it goes, so a runner with a time budget can stop
it and say how far it got.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.mapping import meeting_to_graph
from kg.namespaces import bind_prefixes
from kg.parse import parse_document
from kg.pipeline import read_document

Progress = Callable[[str, int], None]


def ingest_naive(paths: list[Path], *, progress: Progress) -> Graph:
    """Parse and map each document in turn into one rdflib in-memory graph."""
    graph = bind_prefixes(Graph())
    for done, path in enumerate(paths, 1):
        text, source = read_document(path)
        for triple in meeting_to_graph(parse_document(text, source), text):
            graph.add(triple)
        if done % 10 == 0 or done == len(paths):
            progress("ingest", done)
    return graph


def run_naive(paths: list[Path], *, progress: Progress) -> dict[str, Any]:
    """Run the naive pipeline once: ingest, one whole-graph validation, Turtle."""
    # pySHACL's import is part of any validation, but not of the per-N cost.
    from kg.validate import shapes_graph, validate

    shapes_graph()
    clock = time.perf_counter
    start = clock()
    progress("ingest", 0)
    graph = ingest_naive(paths, progress=progress)
    ingested = clock()
    progress("validate", len(paths))
    report = validate(graph)
    validated = clock()
    progress("turtle", len(paths))
    data = graph.serialize(format="turtle", encoding="utf-8")
    done = clock()
    return {
        "ingest_s": ingested - start,
        "validate_s": validated - ingested,
        "turtle_s": done - validated,
        "end_to_end_s": done - start,
        "triples": len(graph),
        "violations": len(report.results),
        "turtle_mb": len(data) / 1e6,
    }

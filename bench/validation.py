"""Validation engines side by side: generated meetings in, seconds per engine out.

    .venv/bin/python -m bench.validation --meetings 200

Builds N generated meetings (`bench.corpus.generate`, parsed and mapped once), then
validates each one with every engine of `kg.validate` in turn, document by document,
so a busy machine slows both engines alike, and checks that they agree. Prints CPU
seconds (`time.process_time`, this process only) per engine and the ratio, and the
time of one whole-store check (`kg validate`) with each engine.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Iterator

from rdflib import Graph

from bench.corpus import generate
from kg.mapping import meeting_to_graph
from kg.parse import parse_document
from kg.pipeline import validate_store
from kg.records import Source
from kg.store import memory_store
from kg.validate import ENGINES, validate


def meetings(count: int, seed: int) -> Iterator[tuple[str, Graph]]:
    """Give the graph IRI name and triples of the first `count` generated meetings."""
    for index in range(count):
        stem, text, _ = generate(index, seed)
        digest = hashlib.sha256(text.encode()).hexdigest()
        meeting = parse_document(text, Source(f"{stem}.txt", digest, len(text)))
        yield stem, meeting_to_graph(meeting, text)


def compare(graphs: list[tuple[str, Graph]]) -> dict[str, float]:
    """Validate every graph with each engine in turn: CPU seconds per engine."""
    seconds = dict.fromkeys(ENGINES, 0.0)
    for stem, graph in graphs:
        renders = set()
        for engine in ENGINES:
            start = time.process_time()
            renders.add(validate(graph, engine=engine).render())
            seconds[engine] += time.process_time() - start
        if len(renders) != 1:
            raise RuntimeError(f"{stem}: the engines disagree")
    return seconds


def whole_store(graphs: list[tuple[str, Graph]]) -> dict[str, float]:
    """Validate all the meetings as one store with each engine: CPU seconds."""
    from rdflib import URIRef

    store = memory_store()
    for stem, graph in graphs:
        store.replace_graph(URIRef(f"urn:graph:{stem}"), graph)
    seconds = {}
    for engine in ENGINES:
        start = time.process_time()
        validate_store(store, engine=engine)
        seconds[engine] = time.process_time() - start
    return seconds


def main(argv: list[str] | None = None) -> None:
    """Run the comparison and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    graphs = list(meetings(args.meetings, args.seed))
    compare(graphs[:2])  # imports, shapes and compiled checks, outside the timings
    per_meeting = compare(graphs)
    store = whole_store(graphs)
    triples = sum(len(g) for _, g in graphs)
    print(f"{len(graphs)} meetings, {triples:,} triples; CPU seconds:")
    for label, figures in (("per meeting", per_meeting), ("whole store", store)):
        cells = ", ".join(f"{e} {figures[e]:.2f} s" for e in ENGINES)
        ratio = figures["pyshacl"] / figures["sparql"]
        print(f"  {label}: {cells}; sparql {ratio:.1f}x faster")


if __name__ == "__main__":
    main()

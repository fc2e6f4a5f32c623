"""Coverage-guided fuzzing of layout detection, parsing and mapping (atheris).

Each input is decoded as `kg ingest` decodes a file (`kg.pipeline.decode_document`);
text the pipeline accepts goes through `kg.parse.sniff`, `kg.parse.parse_document` and
`kg.mapping.meeting_to_graph`, and `check_document` asserts the invariants: no
exception escapes, every evidence span slices to its quote, every IRI is one Oxigraph
accepts. Run it with `make fuzz` or::

    .venv/bin/python fuzz/fuzz_parse.py -max_total_time=600 -max_len=4096 \
        /tmp/kg-fuzz-corpus seeds

(see fuzz/README.md). `tests/robustness/test_fuzz_parsers.py` reuses `check_document`
as the oracle of its hypothesis properties.
"""

from __future__ import annotations

import sys

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.errors import KgError
from kg.mapping import meeting_to_graph
from kg.namespaces import KG
from kg.parse import parse_document, sniff
from kg.pipeline import decode_document
from kg.records import Source
from kg.store import graph_quads


def check_graph(text: str, graph: Graph) -> int:
    """Assert every evidence node quotes `text[start:end]`; return the count."""
    count = 0
    for node in graph.subjects(KG.quote, None):
        start = graph.value(node, KG.start)
        end = graph.value(node, KG.end)
        quote = graph.value(node, KG.quote)
        assert isinstance(start, Literal) and isinstance(end, Literal), node
        assert isinstance(quote, Literal), node
        lo, hi = int(start.toPython()), int(end.toPython())
        assert 0 <= lo <= hi <= len(text), (node, lo, hi, len(text))
        assert text[lo:hi] == str(quote), (node, text[lo:hi], str(quote))
        count += 1
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        ox.NamedNode(str(term))  # raises ValueError on an invalid IRI
    return count


def check_document(text: str, name: str = "fuzz.txt") -> Graph:
    """Sniff, parse and map `text`; check spans, quotes and IRIs; return the graph."""
    sniff(text)
    source = Source(name=name, sha256="0" * 64, length=len(text))
    meeting = parse_document(text, source)
    graph = meeting_to_graph(meeting, text)
    check_graph(text, graph)
    # The store must take every triple (IRIs and literals valid for Oxigraph too).
    store = ox.Store()
    store.extend(graph_quads(graph, ox.NamedNode("https://example.org/g")))
    return graph


def test_one_input(data: bytes) -> None:
    """Atheris entry point: bytes as `kg ingest` would read them."""
    try:
        text = decode_document(data, name="fuzz.txt")
    except KgError:
        return  # refused with a one-line message: the behaviour we want
    check_document(text)


def main() -> None:
    """Run atheris over `test_one_input` (arguments are libFuzzer's)."""
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.export import export_store
from kg.store import folder_store, graph_quads, memory_store, open_data, to_rdflib

EX = Namespace("http://example.org/")
G1 = URIRef("http://example.org/graph/1")
G2 = URIRef("http://example.org/graph/2")


def small_graph(*objects: str) -> Graph:
    graph = Graph()
    for value in objects:
        graph.add((EX.s, EX.p, Literal(value)))
    return graph


def count(store: object, where: str = "?s ?p ?o") -> int:
    results = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")  # type: ignore[attr-defined]
    return int(results.rows[0][0].value)


def test_replace_graph_replaces_exactly_that_graph() -> None:
    store = memory_store()
    store.replace_graph(G1, small_graph("a", "b"))
    store.replace_graph(G2, small_graph("z"))
    store.replace_graph(G1, small_graph("c"))
    values = {
        row[0].value
        for row in store.select(
            "SELECT ?o WHERE { GRAPH <http://example.org/graph/1> { ?s ?p ?o } }"
        ).rows
    }
    assert values == {"c"}
    assert count(store) == 2


def test_replacing_with_the_same_graph_never_duplicates() -> None:
    store = memory_store()
    for _ in range(3):
        store.replace_graph(G1, small_graph("a", "b"))
    assert count(store) == 2


def test_queries_see_the_union_of_all_graphs() -> None:
    store = memory_store()
    store.replace_graph(G1, small_graph("a"))
    store.replace_graph(G2, small_graph("b"))
    store.oxigraph.add(ox.Quad(ox.NamedNode(EX.d), ox.NamedNode(EX.p), ox.Literal("c")))
    assert count(store) == 3


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (Literal("x", lang="en"), '"x"@en'),
        (
            Literal("2017-03-15", datatype=XSD.date),
            '"2017-03-15"^^<http://www.w3.org/2001/XMLSchema#date>',
        ),
        (Literal("plain"), '"plain"'),
        (Literal('quote " and\nnewline'), '"quote \\" and\\nnewline"'),
        (EX.o, "<http://example.org/o>"),
    ],
)
def test_graph_quads_keeps_each_term(node: Literal | URIRef, expected: str) -> None:
    graph = Graph()
    graph.add((EX.s, EX.p, node))
    (quad,) = graph_quads(graph, ox.NamedNode(G1))
    assert str(quad.object) == expected
    assert quad.graph_name == ox.NamedNode(G1)


def test_graph_quads_converts_a_list_into_the_default_graph() -> None:
    integer = Literal("7", datatype=XSD.integer)
    triples = [(EX.s, EX.p, EX.o), (EX.o, EX.p, integer), (EX.o, EX.q, integer)]
    quads = list(graph_quads(triples))
    seven = '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert [str(q.object) for q in quads] == [f"<{EX.o}>", seven, seven]
    assert [q.subject for q in quads] == [ox.NamedNode(EX.s), *[ox.NamedNode(EX.o)] * 2]
    assert all(q.graph_name == ox.DefaultGraph() for q in quads)


def test_graph_quads_refuses_a_term_a_store_cannot_hold() -> None:
    with pytest.raises(TypeError, match="cannot store"):
        list(graph_quads([(EX.s, EX.p, Variable("x"))]))


def test_graph_quads_keeps_one_blank_node_per_rdflib_blank_node() -> None:
    graph = Graph()
    shared = BNode()
    graph.add((EX.a, EX.p, shared))
    graph.add((shared, EX.q, Literal("1")))
    quads = list(graph_quads(graph, ox.NamedNode(G1)))
    blanks = {q.object for q in quads if isinstance(q.object, ox.BlankNode)}
    blanks |= {q.subject for q in quads if isinstance(q.subject, ox.BlankNode)}
    assert len(blanks) == 1


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_graph_files_of_every_format_open_as_the_same_graph(
    tmp_path: Path, suffix: str
) -> None:
    store = memory_store()
    graph = small_graph("a", "b")
    graph.add((EX.s, EX.q, BNode()))
    store.replace_graph(G1, graph)
    path = tmp_path / f"graph{suffix}"
    export_store(store, path)
    reopened = open_data(path)
    assert isomorphic(to_rdflib(reopened.quads()), graph)


def test_a_folder_store_keeps_its_graphs(tmp_path: Path) -> None:
    store = folder_store(tmp_path / "store")
    store.replace_graph(G1, small_graph("a"))
    store.close()
    del store
    reopened = open_data(tmp_path / "store")
    assert count(reopened) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ttl", None, "no such file"),
        ("graph.xyz", b"x", "unknown graph file extension"),
        ("empty.ttl", b"", "empty file"),
        ("broken.ttl", b"<a> <b> .", "not valid Turtle"),
    ],
)
def test_bad_data_files_raise_one_line_errors_naming_them(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KgError) as raised:
        open_data(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_non_select_query_is_refused() -> None:
    with pytest.raises(KgError, match="not a SELECT"):
        memory_store().select("ASK { ?s ?p ?o }")


def test_ask_and_update() -> None:
    store = memory_store()
    assert not store.ask("ASK { ?s ?p ?o }")
    store.update(
        "INSERT DATA { GRAPH <http://example.org/g> { <http://x/a> <http://x/p> 1 } }"
    )
    assert store.ask("ASK { ?s ?p 1 }")


def test_a_folder_that_is_not_a_store_is_never_written_into(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    minutes.mkdir()
    (minutes / "a.txt").write_text("Minutes")
    for opening in (lambda: open_data(minutes), lambda: folder_store(minutes)):
        with pytest.raises(KgError, match="not a kg store folder"):
            opening()
    assert [p.name for p in minutes.iterdir()] == ["a.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(KgError, match="not a kg store folder"):
        open_data(empty)  # reading never makes a store
    assert list(empty.iterdir()) == []

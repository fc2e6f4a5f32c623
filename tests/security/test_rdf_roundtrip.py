"""Hostile strings written as Turtle, N-Triples, N-Quads, TriG, JSON-LD read back equal.

Quotes, backslashes, newlines, triple quotes, `>`, every control character and
non-ASCII text, written by `kg export` (or by the mapping stage's rdflib Turtle on the
way into the store), must parse back to the very same strings with rdflib and with
pyoxigraph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from hostile import ITEM_TITLES, hostile_graph

from kg.cli import cli
from kg.export import EXPORT_FORMATS, export_store
from kg.store import graph_format, memory_store, open_data, replace_graph_turtle

HOSTILE = (
    '"} ; DROP ALL #',
    "back\\slash",
    "ends with a backslash\\",
    'ends with a quote"',
    '"""',
    '""""',
    'x"""y',
    "'''single'''",
    '\\"',
    "\\u0041 is not A",
    "line one\nline two\r\nthree\rfour",
    "<script>alert(1)</script> > <",
    "".join(map(chr, range(32))) + "\x7f\x80\x9f",
    "\u2028\u2029\ufeff\u202e\u2066",
    "é 漢字 😀 \ud7ff\ue000\ufffd",
    "@prefix x: <http://x/> . x:a x:b x:c .",
    '{"@id": "http://x/"}',
    "",
)
RDFLIB_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
}
EX = "http://example.org/"


@pytest.fixture(scope="module")
def hostile_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_graph(tmp_path_factory)


def hostile_store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode(EX + "graph")
    for n, text in enumerate(HOSTILE):
        subject = ox.NamedNode(f"{EX}s{n}")
        for literal in (ox.Literal(text), ox.Literal(text, language="en-GB")):
            store.add(ox.Quad(subject, ox.NamedNode(EX + "p"), literal, graph))
    return store


def read_back(path: Path) -> tuple[set[str], set[str]]:
    """The literal values in `path` as pyoxigraph and as rdflib read them."""
    fmt = graph_format(path)
    oxigraph = {
        q.object.value
        for q in ox.parse(path=str(path), format=fmt)
        if isinstance(q.object, ox.Literal)
    }
    dataset = rdflib.Dataset()
    dataset.parse(path, format=RDFLIB_FORMATS[path.suffix])
    literals = (q[2] for q in dataset.quads() if isinstance(q[2], rdflib.Literal))
    return oxigraph, {str(literal) for literal in literals}


@pytest.mark.parametrize("suffix", sorted(EXPORT_FORMATS.values()))
def test_exported_hostile_literals_read_back_equal(suffix: str, tmp_path: Path) -> None:
    store = memory_store()
    store.oxigraph = hostile_store()
    path = tmp_path / f"graph{suffix}"
    export_store(store, path)
    oxigraph, from_rdflib = read_back(path)
    assert oxigraph == set(HOSTILE)
    assert from_rdflib == set(HOSTILE)


def test_the_mapping_stage_turtle_reaches_the_store_unchanged() -> None:
    graph = rdflib.Graph()
    for n, text in enumerate(HOSTILE):
        graph.add(
            (rdflib.URIRef(f"{EX}s{n}"), rdflib.URIRef(EX + "p"), rdflib.Literal(text))
        )
    store = memory_store()
    name = rdflib.URIRef(EX + "graph")
    replace_graph_turtle(store, name, [graph.serialize(format="turtle")])
    values = {q.object.value for q in store.quads()}
    assert values == set(HOSTILE)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_kg_export_of_hostile_minutes_reads_back_equal(
    fmt: str, hostile_trig: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"graph{EXPORT_FORMATS[fmt]}"
    args = ["export", "--data", str(hostile_trig), "--format", fmt, "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    expected = {
        q.object.value
        for q in open_data(hostile_trig).quads()
        if isinstance(q.object, ox.Literal)
    }
    assert set(ITEM_TITLES) <= expected
    oxigraph, from_rdflib = read_back(out)
    assert oxigraph == expected
    assert from_rdflib == expected

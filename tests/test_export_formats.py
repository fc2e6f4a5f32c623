"""Open-data export: every format, re-read by rdflib and by pyoxigraph, is the same."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.export import EXPORT_FORMATS, export_store
from kg.jsonld import CONTEXT_FILE, context
from kg.store import OxigraphStore

# rdflib's parser name for each export format.
RDFLIB_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}
QUAD_FORMATS = {"nquads", "trig"}


@pytest.fixture(scope="module")
def exports(
    seed_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The seeds exported once in every format, into one folder."""
    folder = tmp_path_factory.mktemp("exports")
    for name, extension in EXPORT_FORMATS.items():
        export_store(seed_store, folder / f"graph{extension}", fmt=name)
    return folder


def union_triples(store: OxigraphStore) -> set[tuple[str, str, str]]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, None)
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}


def reference_graph(store: OxigraphStore) -> Graph:
    """The store's union graph as rdflib reads it from N-Triples (the plainest)."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data, format="nt")


def rdflib_read(path: Path, name: str) -> Graph:
    """The union of all graphs of the file, read by rdflib."""
    if name in QUAD_FORMATS:
        dataset = Dataset()
        dataset.parse(path, format=RDFLIB_FORMATS[name])
        union = Graph()
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return Graph().parse(path, format=RDFLIB_FORMATS[name])


def oxigraph_read(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(path), base_iri=path.resolve().as_uri()))


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_every_format_reads_back_the_same_triples_in_rdflib_and_oxigraph(
    name: str, exports: Path, seed_store: OxigraphStore
) -> None:
    path = exports / f"graph{EXPORT_FORMATS[name]}"
    expected = reference_graph(seed_store)
    by_rdflib = rdflib_read(path, name)
    by_oxigraph = oxigraph_read(path)
    oxigraph_triples = {(q.subject, q.predicate, q.object) for q in by_oxigraph}
    assert len(by_rdflib) == len(oxigraph_triples) == len(expected) > 1000
    assert isomorphic(by_rdflib, expected), name
    oxigraph_as_rdflib = Graph().parse(
        data=ox.serialize(
            [ox.Triple(*t) for t in oxigraph_triples], format=ox.RdfFormat.N_TRIPLES
        ),
        format="nt",
    )
    assert isomorphic(oxigraph_as_rdflib, expected), name


@pytest.mark.parametrize("name", sorted(QUAD_FORMATS))
def test_quad_formats_keep_each_meeting_in_its_named_graph(
    name: str, exports: Path, seed_store: OxigraphStore
) -> None:
    path = exports / f"graph{EXPORT_FORMATS[name]}"
    graphs = {str(q.graph_name) for q in oxigraph_read(path)}
    local = {str(g) for g in seed_store.oxigraph.named_graphs()}
    assert graphs == local and len(graphs) >= 7
    assert len(oxigraph_read(path)) == len(seed_store.oxigraph)


def test_jsonld_carries_the_published_context(exports: Path) -> None:
    published = json.loads((exports / CONTEXT_FILE).read_text())
    document = json.loads((exports / "graph.jsonld").read_text())
    assert published == {"@context": context()}
    assert document["@context"] == published["@context"]
    assert published["@context"]["kg"] == "https://w3id.org/police-kg/def#"
    keys = {key for node in document["@graph"] for key in node}
    assert "kg:name" in keys


def test_export_is_atomic_a_failure_keeps_the_old_file(
    seed_store: OxigraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "graph.nt"
    path.write_bytes(b"old\n")

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # killed after the new bytes, before the rename

    monkeypatch.setattr("kg.export.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        export_store(seed_store, path)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_cli_export_writes_every_format(seeds_trig: Path, tmp_path: Path) -> None:
    for extension in EXPORT_FORMATS.values():
        out = tmp_path / f"graph{extension}"
        result = CliRunner().invoke(
            cli, ["export", "--data", str(seeds_trig), "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert oxigraph_read(out)

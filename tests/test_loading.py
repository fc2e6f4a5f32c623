from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from kg import loading
from kg.build import build_document
from kg.loading import MeetingLoader, as_nquads, load_ntriples
from kg.pipeline import ingest, read_document
from kg.store import OxigraphStore, folder_store, memory_store

EX = "http://example.org/"


def nquads(store: OxigraphStore) -> list[str]:
    return sorted(str(quad) for quad in store.quads())


def meetings(paths: list[Path]) -> list[tuple[URIRef, bytes]]:
    """The seeds built as a worker builds them: graph name and N-Triples."""
    built = []
    for path in paths:
        text, source = read_document(path)
        done = build_document((str(path), text, source, None))
        built.append((URIRef(done.name), done.ntriples))
    return built


@pytest.fixture(scope="module")
def seed_meetings(seed_paths: list[Path]) -> list[tuple[URIRef, bytes]]:
    return meetings(seed_paths)


def test_a_folder_store_holds_what_one_transaction_a_meeting_gives(
    seed_meetings: list[tuple[URIRef, bytes]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loading, "BULK_MEETINGS", 2)
    first_name, first_data = seed_meetings[0]
    # The first meeting comes back with other triples: the later one replaces it.
    again = (first_name, seed_meetings[1][1])
    order = [*seed_meetings, again, *seed_meetings[2:]]
    expected = memory_store()
    for name, data in order:
        load_ntriples(expected, name, data)
    store = folder_store(tmp_path / "store")
    loader = MeetingLoader(store)
    for name, data in order:
        loader.load(name, data)
    loader.flush()
    assert nquads(store) == nquads(expected)
    graph = ox.NamedNode(str(first_name))
    assert len(list(store.oxigraph.quads_for_pattern(None, None, None, graph))) == (
        seed_meetings[1][1].count(b"\n")
    )
    store.close()


def test_a_memory_store_is_loaded_one_meeting_at_a_time(
    seed_meetings: list[tuple[URIRef, bytes]],
) -> None:
    store = memory_store()
    loader = MeetingLoader(store)
    name, data = seed_meetings[0]
    loader.load(name, data)
    assert len(store.oxigraph) == data.count(b"\n")


def test_a_run_cut_short_after_some_bulk_loads_is_completed_by_the_next(
    seed_paths: list[Path], seed_meetings: list[tuple[URIRef, bytes]], tmp_path: Path
) -> None:
    # What a killed run leaves: some meetings loaded, no provenance for the run;
    # here an earlier version of each (another meeting's triples in its graph).
    store = folder_store(tmp_path / "store")
    (first, one), (second, two) = seed_meetings[:2]
    for name, data in ((first, two), (second, one)):
        store.oxigraph.bulk_load(
            as_nquads(data, name), format=ox.RdfFormat.N_QUADS, lenient=True
        )
    report = ingest(seed_paths, store=store, validate=False)
    assert len(report.built) == len(seed_paths)
    clean = memory_store()
    ingest(seed_paths, store=clean, validate=False)
    kept = _without_runs(nquads(store))
    assert len(kept) > 1000 and kept == _without_runs(nquads(clean))
    store.close()


def _without_runs(quads: list[str]) -> list[str]:
    # Provenance names each run by its time, so it differs from run to run.
    return [q for q in quads if "/run/" not in q and "prov#" not in q]


@given(st.text(max_size=40), st.text(max_size=10))
def test_nquads_put_every_statement_in_the_graph(value: str, name: str) -> None:
    subject = ox.NamedNode(EX + "s")
    triple = ox.Triple(subject, subject, ox.Literal(value + " .\n" + name))
    data = ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES) or b""
    graph = URIRef(EX + "g")
    (quad,) = ox.parse(as_nquads(data, graph), format=ox.RdfFormat.N_QUADS)
    assert quad == ox.Quad(subject, subject, triple.object, ox.NamedNode(str(graph)))

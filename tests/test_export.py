from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.export import EXPORT_FORMATS, export_store, serialize_store, write_atomic
from kg.pipeline import find_documents, ingest
from kg.store import (
    FORMATS,
    GraphStore,
    OxigraphStore,
    folder_store,
    memory_store,
    read_store,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

EX = Namespace("http://example.org/")


def store_with_blank_nodes(order: list[str]) -> OxigraphStore:
    store = memory_store()
    for name in order:
        graph = Graph()
        amount = BNode()
        graph.add((EX[name], EX.amount, amount))
        graph.add((amount, EX.value, Literal(name)))
        store.replace_graph(URIRef(f"http://example.org/graph/{name}"), graph)
    return store


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_same_content_gives_the_same_bytes(suffix: str) -> None:
    first = store_with_blank_nodes(["a", "b", "c"])
    second = store_with_blank_nodes(["c", "a", "b"])
    fmt = FORMATS[suffix]
    assert serialize_store(first, fmt) == serialize_store(second, fmt)


class QuadsOnly:
    """A store known only by its quads, as a remote endpoint is to the exporter."""

    def __init__(self, store: OxigraphStore) -> None:
        self._store = store

    def quads(self) -> Iterator[ox.Quad]:
        return self._store.quads()


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".nq", ".trig"])
def test_an_embedded_store_exports_the_bytes_its_quads_give(
    seed_store: OxigraphStore, tmp_path: Path, suffix: str
) -> None:
    # Embedded stores are dumped graph by graph; any other store through its quads.
    fmt = FORMATS[suffix]
    expected = serialize_store(cast(GraphStore, QuadsOnly(seed_store)), fmt)
    assert serialize_store(seed_store, fmt) == expected
    seed_store.oxigraph.dump(tmp_path / "all.nq", format=ox.RdfFormat.N_QUADS)
    folder = folder_store(tmp_path / "store")
    folder.oxigraph.load(path=tmp_path / "all.nq", format=ox.RdfFormat.N_QUADS)
    folder.close()
    assert serialize_store(read_store(tmp_path / "store"), fmt) == expected


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_without_the_sort_command_an_export_is_the_same(
    seed_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    # The system's `sort` orders the statements; Python's sort does when it is missing
    # or fails.
    fmt = FORMATS[suffix]
    expected = serialize_store(seed_store, fmt)
    with monkeypatch.context() as patch:
        patch.setattr("kg.export.shutil.which", lambda name: None)
        assert serialize_store(seed_store, fmt) == expected
    with monkeypatch.context() as patch:
        failed = subprocess.CompletedProcess([], returncode=2)
        patch.setattr("kg.export.subprocess.run", lambda *a, **k: failed)
        assert serialize_store(seed_store, fmt) == expected
    with monkeypatch.context() as patch:
        patch.setattr("kg.export._dump_union", _disk_full)
        assert serialize_store(seed_store, fmt) == expected


def _disk_full(*args: object) -> bool:
    raise OSError(28, "No space left on device")


def test_seed_graph_as_ttl_jsonld_and_nq_is_isomorphic(tmp_path: Path) -> None:
    seed_store = memory_store()
    ingest(find_documents([SEEDS])[:1], store=seed_store, validate=False)
    graphs = {}
    for suffix in (".ttl", ".jsonld", ".nt"):
        export_store(seed_store, tmp_path / f"g{suffix}")
        graphs[suffix] = Graph().parse(tmp_path / f"g{suffix}")
    export_store(seed_store, tmp_path / "g.nq")
    union = Graph()
    for quad in Dataset().parse(tmp_path / "g.nq", format="nquads").quads():
        union.add(quad[:3])
    assert isomorphic(graphs[".ttl"], graphs[".jsonld"])
    assert isomorphic(graphs[".ttl"], graphs[".nt"])
    assert isomorphic(graphs[".ttl"], union)


def test_quad_formats_keep_the_meeting_graphs(
    seed_store: OxigraphStore, tmp_path: Path
) -> None:
    export_store(seed_store, tmp_path / "g.trig")
    names = {str(g.identifier) for g in Dataset().parse(tmp_path / "g.trig").graphs()}
    assert {n for n in names if "/graph/meeting/" in n}


def test_a_format_name_overrides_the_extension(tmp_path: Path) -> None:
    store = store_with_blank_nodes(["a"])
    export_store(store, tmp_path / "out.data", fmt="ntriples")
    assert (tmp_path / "out.data").read_text().count(" .\n") == 2
    assert set(EXPORT_FORMATS) == {"turtle", "ntriples", "nquads", "trig", "jsonld"}


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(KgError, match="graph.ttl: cannot write: No space left"):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_write_atomic_creates_the_folder(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out" / "graph.ttl", b"data")
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == b"data"


def test_a_new_file_gets_the_usual_mode_and_an_old_file_keeps_its_own(
    tmp_path: Path,
) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.ttl", b"x")
        old = tmp_path / "old.ttl"
        old.write_bytes(b"old")
        old.chmod(0o640)
        write_atomic(old, b"new")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.ttl").stat().st_mode & 0o777 == 0o644
    assert old.stat().st_mode & 0o777 == 0o640


def test_sigterm_while_writing_keeps_the_old_file_and_no_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from kg.cli import exit_on_sigterm\n"
        "from kg.export import open_atomic\n"
        "exit_on_sigterm()\n"
        "with open_atomic(Path(sys.argv[1])) as out:\n"
        "    out.write(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    out.write(b'never')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(target)], check=False)
    assert done.returncode == 128 + signal.SIGTERM
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]

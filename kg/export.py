"""Export stage: the quads of a `kg.store.GraphStore` in, graph files out.

The same store content always gives the same bytes: blank nodes get canonical labels
(RDFC-1.0) and statements are written in sorted order with the project's prefixes.
Triple formats (`.ttl`, `.nt`, `.jsonld`) hold the union of all graphs; quad formats
(`.nq`, `.trig`) keep each meeting's named graph. Files are written atomically: a
temporary file in the same folder, then `os.replace`, so a failure never leaves a
half-written file.
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.store import FORMATS, GraphStore, OxigraphStore, graph_format

# `kg export --format NAME`: the names and the extension each writes.
EXPORT_FORMATS: dict[str, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
    "jsonld": ".jsonld",
}


def canonical_quads(quads: Iterable[ox.Quad], *, keep_graphs: bool) -> list[ox.Quad]:
    """`quads` in sorted order, with canonical blank nodes, graphs dropped unless kept.

    >>> ex = ox.NamedNode("http://example.org/a")
    >>> q = ox.Quad(ex, ex, ox.BlankNode(), ex)
    >>> [str(x) for x in canonical_quads([q], keep_graphs=False)]
    ['<http://example.org/a> <http://example.org/a> _:c14n0']
    """
    dataset = ox.Dataset()
    has_blank = False
    for quad in quads:
        graph = quad.graph_name if keep_graphs else ox.DefaultGraph()
        dataset.add(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
        has_blank = has_blank or isinstance(quad.subject, ox.BlankNode)
        has_blank = has_blank or isinstance(quad.object, ox.BlankNode)
    if has_blank:
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(dataset, key=_sort_key)


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
    return graph, str(quad.subject), str(quad.predicate), str(quad.object)


def serialize_store(store: GraphStore, fmt: ox.RdfFormat) -> bytes:
    """Serialise the whole store in `fmt`: the same content gives the same bytes."""
    out = io.BytesIO()
    write_store(store, out, fmt)
    return out.getvalue()


def write_store(store: GraphStore, out: BinaryIO, fmt: ox.RdfFormat) -> None:
    """Write the whole store to `out` in `fmt`, as `serialize_store` gives it."""
    keep_graphs = fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
    prefixes = {name: str(ns) for name, ns in PREFIXES.items() if name != "id"}
    # With no blank node to label (a quote with "_:" goes below), sort lines.
    if keep_graphs and isinstance(store, OxigraphStore):
        graphs = store.reading(_dump_each_graph)
        if not any(statements.blank for _, statements in graphs):
            _write_sorted(_nquads_lines(graphs), out, fmt, prefixes)
            return
        del graphs
    if not keep_graphs and isinstance(store, OxigraphStore):
        if _write_union_sorted(store, out, fmt, prefixes):
            return
    if not keep_graphs:
        statements = _statements(store)
        if not statements.blank:
            _write_sorted(iter(statements.close()), out, fmt, prefixes)
            return
        del statements
    quads = canonical_quads(store.quads(), keep_graphs=keep_graphs)
    # Oxigraph escapes the `/` of prefixed names (`id:meeting\/000`), so data IRIs stay
    # written in full.
    if keep_graphs:
        ox.serialize(quads, out, format=fmt, prefixes=prefixes)
    else:
        sorted_triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        ox.serialize(sorted_triples, out, format=fmt, prefixes=prefixes)


def _write_union_sorted(
    store: OxigraphStore, out: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str]
) -> bool:
    """Write every graph's triples as `_write_sorted` does, sorted by the system's sort.

    `sort -u` in the C locale orders and deduplicates N-Triples lines as the sorted
    set of `_Statements` does, with no Python object a statement and on both cores: at
    10,000 meetings (6.4 million statements) Python's sort alone took 30 s and the set
    1.3 GB. Give False, having written nothing, when there is no `sort` or it fails, or
    when a statement may hold a blank node (which must be labelled canonically first).
    """
    # A POSIX sort only: Windows' sort.exe takes other options and ignores case.
    command = shutil.which("sort") if os.name == "posix" else None
    if command is None:
        return False
    try:
        temporary = tempfile.TemporaryDirectory(prefix="kg-export-")
    except OSError:
        return False
    with temporary as folder:
        ordered = _sorted_union(store, Path(folder), command)
        if ordered is None:
            return False
        if fmt == ox.RdfFormat.N_TRIPLES:
            with ordered.open("rb") as sorted_lines:
                shutil.copyfileobj(sorted_lines, out)
            return True
        triples = ox.parse(path=ordered, format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, out, format=fmt, prefixes=prefixes)
    return True


def _sorted_union(store: OxigraphStore, folder: Path, command: str) -> Path | None:
    """Write the union's N-Triples sorted and deduplicated in `folder`: its path.

    None if a statement may hold a blank node, or the folder is full or `sort` fails.
    """
    raw, ordered = folder / "all.nt", folder / "sorted.nt"
    try:
        if store.reading(functools.partial(_dump_union, raw)):
            return None
        done = subprocess.run(
            [command, "-u", "-o", str(ordered), str(raw)],
            env={**os.environ, "LC_ALL": "C"},
            capture_output=True,
            check=False,
        )
        raw.unlink()
    except OSError:  # the temporary folder is full or cannot be written
        return None
    return ordered if done.returncode == 0 else None


def _dump_union(path: Path, store: ox.Store) -> bool:
    """Write every graph's N-Triples to `path`; say if "_:" (a blank node) is in it."""
    with path.open("wb") as file:
        sink = _BlankWatch(file)
        _dump_every_graph(store, sink)
        return sink.blank


class _BlankWatch:
    r"""Passes what is written on to `file`, watching for "_:" (a blank node's label).

    >>> sink = _BlankWatch(io.BytesIO())
    >>> sink.write(b'<a> <b> "c" .\n<d> <e> _'), sink.blank
    (23, False)
    >>> sink.write(b":x .\n"), sink.blank
    (5, True)
    """

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._last = b""
        self.blank = False

    def write(self, chunk: bytes) -> int:
        data = bytes(chunk)
        self.blank = self.blank or b"_:" in self._last + data[:1] or b"_:" in data
        self._last = data[-1:]
        return self._file.write(data)

    def flush(self) -> None:
        pass


def _statements(store: GraphStore) -> _Statements:
    """Every graph's triples as N-Triples statements, each distinct one once."""
    if isinstance(store, OxigraphStore):
        # Oxigraph writes each graph's N-Triples itself: no Python object a triple.
        return store.reading(_dump_graphs)
    statements = _Statements()
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads())
    ox.serialize(triples, cast(BinaryIO, statements), format=ox.RdfFormat.N_TRIPLES)
    return statements


def _dump_graphs(store: ox.Store) -> _Statements:
    statements = _Statements()
    _dump_every_graph(store, statements)
    return statements


def _graphs(
    store: ox.Store,
) -> tuple[ox.DefaultGraph | ox.NamedNode | ox.BlankNode, ...]:
    return (ox.DefaultGraph(), *store.named_graphs())


def _dump_every_graph(store: ox.Store, sink: object) -> None:
    """Write each graph's N-Triples to `sink` (anything with `write`) in turn."""
    for graph in _graphs(store):
        store.dump(
            cast(BinaryIO, sink), format=ox.RdfFormat.N_TRIPLES, from_graph=graph
        )


def _dump_each_graph(store: ox.Store) -> list[tuple[bytes, _Statements]]:
    """Each graph's statements apart, in `canonical_quads` order of the graphs.

    A graph is known by its N-Quads form, and the default graph by b"" (first).
    """
    graphs = []
    for graph in _graphs(store):
        statements = _Statements()
        store.dump(
            cast(BinaryIO, statements), format=ox.RdfFormat.N_TRIPLES, from_graph=graph
        )
        name = b"" if isinstance(graph, ox.DefaultGraph) else str(graph).encode()
        graphs.append((name, statements))
    return sorted(graphs, key=lambda pair: pair[0])


def _nquads_lines(graphs: list[tuple[bytes, _Statements]]) -> Iterator[bytes]:
    r"""Give N-Quads statements graph by graph, each graph's in sorted order.

    That is the order of `canonical_quads`, which sorts by graph first. Each graph's
    statements are sorted, then forgotten, as the lines are read.

    >>> graph = _Statements()
    >>> graph.write(b"<b> <p> <o> .\n<a> <p> <o> .\n")
    28
    >>> list(_nquads_lines([(b"", _Statements()), (b"<g>", graph)]))
    [b'<a> <p> <o> <g> .', b'<b> <p> <o> <g> .']
    """
    for name, statements in graphs:
        lines = statements.close()
        if not name:
            yield from lines
            continue
        # An N-Triples statement ends " .": the graph goes before the dot.
        tail = b" " + name + b" ."
        yield from (line[:-2] + tail for line in lines)


class _Statements:
    r"""A sink for N-Triples that keeps each distinct statement (line) written to it.

    The lines go straight into a set, so the whole N-Triples text is never held (at
    10,000 meetings it is a gigabyte, and its list of lines another).

    >>> sink = _Statements()
    >>> sink.write(b"<a> <b> <c> .\n<a> <b> "), sink.write(b"<c> .\n<d> <e> _:x .\n")
    (22, 20)
    >>> sink.close(), sink.blank
    ([b'<a> <b> <c> .', b'<d> <e> _:x .'], True)
    """

    def __init__(self) -> None:
        self._lines: set[bytes] = set()
        self._rest = b""
        self.blank = False

    def write(self, chunk: bytes) -> int:
        data = self._rest + bytes(chunk)
        self.blank = self.blank or b"_:" in data
        lines = data.split(b"\n")
        self._rest = lines.pop()
        self._lines.update(lines)
        return len(chunk)

    def flush(self) -> None:
        pass

    def close(self) -> list[bytes]:
        """Give the distinct statements in sorted order (and forget them)."""
        if self._rest:
            self._lines.add(self._rest)
        found, self._lines, self._rest = self._lines, set(), b""
        lines = sorted(found)
        del found
        return lines


def _write_sorted(
    lines: Iterator[bytes], out: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str]
) -> None:
    """Write N-Triples or N-Quads statements, in `canonical_quads` order, in `fmt`.

    Sorting N-Triples lines is sorting (subject, predicate, object) by their N-Triples
    forms, as `canonical_quads` does, without a Python tuple of strings per statement
    (6.5 million statements at 10,000 meetings).
    """
    reader = io.BufferedReader(_LineReader(lines))
    if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        shutil.copyfileobj(reader, out)
        return
    quads = fmt == ox.RdfFormat.TRIG
    source = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
    statements = ox.parse(reader, format=source)
    ox.serialize(statements, out, format=fmt, prefixes=prefixes)


# Statements joined per read of the sorted lines.
_CHUNK = 10_000


class _LineReader(io.RawIOBase):
    """Reads `lines` as one N-Triples (or N-Quads) text, a chunk of lines at a time."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        super().__init__()
        self._lines = lines
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        if not self._buffer:
            chunk = list(itertools.islice(self._lines, _CHUNK))
            if not chunk:
                return 0
            self._buffer = memoryview(b"".join(line + b"\n" for line in chunk))
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder."""
    with open_atomic(path) as out:
        out.write(data)


@contextlib.contextmanager
def open_atomic(path: Path) -> Iterator[BinaryIO]:
    """Give a file to write that replaces `path` only when the block ends well.

    It is a temporary file in the same folder, synced and renamed over `path`; on
    any error it is removed and `path` is left as it was.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise KgError(f"{path}: cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), _file_mode(path))
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise KgError(f"{path}: cannot write: {error.strerror or error}") from error
        raise


def _file_mode(path: Path) -> int:
    # mkstemp makes 0600 files: keep the old file's mode, or the usual one if new.
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def export_store(store: GraphStore, path: Path, *, fmt: str | None = None) -> None:
    """Write the store to `path` in `fmt` (an `EXPORT_FORMATS` name) or by extension."""
    if fmt is not None and fmt not in EXPORT_FORMATS:
        raise KgError(f"unknown format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
    rdf_format = FORMATS[EXPORT_FORMATS[fmt]] if fmt else graph_format(path)
    if rdf_format is not ox.RdfFormat.JSON_LD:
        with open_atomic(path) as out:
            write_store(store, out, rdf_format)
        return
    # The published @context goes beside the file, and inline (see kg.jsonld).
    from kg.jsonld import with_context, write_context

    data = with_context(serialize_store(store, rdf_format))
    write_context(path.parent)
    write_atomic(path, data)

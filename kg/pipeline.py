"""Ingest pipeline: paths of minutes documents in, meeting graphs in a `GraphStore` out.

`find_documents` expands folders (recursing, `.txt`/`.md`, sorted); `read_document`
reads bytes (up to a size limit), decodes UTF-8, or UTF-16 with a BOM and Windows-1252
with a warning, rejects empty, blank, binary and undecodable files with a one-line
`KgError` naming the file, and hashes them (SHA-256); `ingest` has each document
parsed, mapped and validated (`kg.build.build_document`), puts it in its own named
graph, then refreshes the reference graph, records the run's provenance and resolves
people across meetings (`kg.resolve`). A failing document is reported and skipped; the
others go on. Documents are built in a process pool when there are enough of them
(`kg.build.build_documents`); the meetings come back as N-Triples and are loaded in
document order (`kg.loading.MeetingLoader`: new meetings bulk-loaded into a store
folder), so the store is the same whatever the number of processes.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph, URIRef

import kg
from kg.build import POOL_MIN as POOL_MIN  # re-exported: the pool's threshold
from kg.build import Built, build_documents
from kg.build import build_meeting as build_meeting  # re-exported: parse and map
from kg.errors import KgError
from kg.loading import MeetingLoader
from kg.loading import load_ntriples as load_ntriples  # re-exported: one meeting
from kg.mapping.iris import REFERENCE_GRAPH
from kg.mapping.reference import reference_files
from kg.provenance import built_documents, record_run
from kg.records import Source
from kg.resources import read_text
from kg.store import (
    GraphStore,
    OxigraphStore,
    replace_graph_turtle,
    to_rdflib,
)

if TYPE_CHECKING:
    from kg.validate import Report

# Extensions of minutes documents found inside folders (a named file is always read).
DOCUMENT_SUFFIXES = (".txt", ".md")
# Share of control bytes above which a file is binary, not text with a stray byte.
BINARY_SHARE = 0.01
# Largest document read (`kg ingest --max-size`): real minutes are under 2 MB, so a
# bigger file is most likely not minutes, and parsing it would take long.
MAX_SIZE = 10_000_000
# The SHACL engines of `kg.validate` (named here so the CLI need not import pySHACL).
ENGINES = ("sparql", "pyshacl")
# Control bytes that never occur in text (tab, newlines, form feed and CR excluded).
_CONTROLS = bytes((*range(0, 9), *range(14, 32)))


@dataclass
class IngestReport:
    """What a run did: documents built, skipped as unchanged, failed, and warnings."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_documents(paths: Iterable[Path]) -> list[Path]:
    """List the documents `paths` name: files as given, folders searched recursively.

    Symlinked folders inside a folder are not followed (a link loop cannot trap the
    search); symlinked files are listed, so a broken or looping one is reported when
    read.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if (p.is_file() or p.is_symlink() and not p.is_dir())
                and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise KgError(f"{path}: no minutes (*.txt, *.md) in this folder")
            found.update(dict.fromkeys(inside))
        elif path.is_file() or path.is_symlink():
            found[path] = None
        else:
            raise KgError(f"{path}: no such file or folder")
    return list(found)


def decode_document(data: bytes, *, name: str, notes: list[str] | None = None) -> str:
    r"""Decode a document's bytes, or raise a one-line `KgError` naming it.

    UTF-8 is the norm (a BOM dropped). Council websites also serve UTF-16 files with
    a BOM and Windows-1252 (Latin-1) text: those are decoded, with a note appended to
    `notes`. Line endings become "\n". Empty, blank, binary and undecodable files are
    refused.

    >>> decode_document(b"\xef\xbb\xbfMinutes", name="a.txt")
    'Minutes'
    >>> notes = []
    >>> decode_document(b"caf\xe9", name="a.txt", notes=notes), notes
    ('café', ['a.txt: not UTF-8; read as Windows-1252 (cp1252) text'])
    >>> decode_document(b"\x81\x81\x81 abc", name="a.txt")
    Traceback (most recent call last):
    kg.errors.KgError: a.txt: binary file, not text minutes
    """
    if not data:
        raise KgError(f"{name}: empty file")
    wide = next((enc for bom, enc in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:
        text = _decode_wide(data, wide, name=name)
        _note(notes, f"{name}: {wide.upper()} text (byte-order mark); decoded")
    else:
        _refuse_binary(data, name=name)
        text = _decode_narrow(data, name=name, notes=notes)
    if not text.strip():
        raise KgError(f"{name}: no text (only blank space)")
    # Windows (and old Mac) line endings become "\n": the parsers read lines, and
    # evidence offsets count characters of this text, never bytes of the file.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Byte-order marks of the wide encodings; UTF-32 LE's starts like UTF-16 LE's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of bytes >= 0x80 above which non-UTF-8 bytes are not Windows-1252 prose
# (English or Welsh text has a few accented letters, quotes and pound signs).
HIGH_SHARE = 0.3


def _note(notes: list[str] | None, note: str) -> None:
    if notes is not None:
        notes.append(note)


def _refuse_binary(data: bytes, *, name: str) -> None:
    # A NUL byte means binary; otherwise deleting the control bytes counts them.
    kept = 0 if b"\x00" in data else len(data.translate(None, _CONTROLS))
    controls = len(data) - kept
    if controls > BINARY_SHARE * len(data):
        raise KgError(f"{name}: binary file, not text minutes")


def _decode_wide(data: bytes, encoding: str, *, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise KgError(
            f"{name}: not valid {encoding.upper()} text (at byte {error.start})"
        ) from None
    _refuse_binary(text.encode("utf-8", "surrogatepass"), name=name)
    return text


def _decode_narrow(data: bytes, *, name: str, notes: list[str] | None) -> str:
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    high = sum(1 for byte in data if byte >= 0x80)
    if high > HIGH_SHARE * len(data):
        raise KgError(f"{name}: binary file, not text minutes")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise KgError(
            f"{name}: neither UTF-8 nor Windows-1252 text "
            f"(byte 0x{byte:02x} at offset {error.start})"
        ) from None
    _note(notes, f"{name}: not UTF-8; read as Windows-1252 (cp1252) text")
    return text


def read_document(
    path: Path, *, max_size: int = MAX_SIZE, notes: list[str] | None = None
) -> tuple[str, Source]:
    """Read a document: its text and `Source` (file name, SHA-256, length).

    Files above `max_size` bytes are refused unread, with a one-line `KgError`.
    """
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_size:
                raise KgError(
                    f"{path}: {_megabytes(size)}, above the size limit of "
                    f"{_megabytes(max_size)} (--max-size)"
                )
            data = stream.read(max_size + 1)
    except OSError as error:
        raise KgError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > max_size:  # a file that grew while being read
        raise KgError(f"{path}: above the size limit of {_megabytes(max_size)}")
    text = decode_document(data, name=str(path), notes=notes)
    digest = hashlib.sha256(data).hexdigest()
    return text, Source(name=path.name, sha256=digest, length=len(text))


def _megabytes(size: int) -> str:
    if size < 100_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def ingest(
    documents: Iterable[Path],
    *,
    store: GraphStore,
    validate: bool = True,
    max_size: int = MAX_SIZE,
    fail_fast: bool = False,
    engine: str = "sparql",
    jobs: int | None = None,
) -> IngestReport:
    """Put each meeting in `store`, then reference data, provenance and links.

    A failing document is reported and skipped; with `fail_fast` it ends the loop
    (the meetings built before it stay, and the run is still recorded). Documents
    are read here, built by `jobs` processes (`build_documents`, validated with
    `engine`) and loaded here in document order, so any `jobs` gives the same store.
    """
    report = IngestReport()
    version = kg.__version__
    done = built_documents(store, version)
    used: list[Source] = []
    generated: list[tuple[URIRef, Source]] = []
    # The document each meeting key was last built from, to warn of a second one.
    keys: dict[URIRef, Source] = {}
    loader = MeetingLoader(store)
    # Documents are read as the builders take them, not all first: reading goes on
    # while the workers build, and only the documents in flight are held in memory.
    # `ahead` runs before `steps` by the pool's queue; `tee` keeps what lies between.
    steps, ahead = itertools.tee(
        _read_each(documents, max_size=max_size, fail_fast=fail_fast)
    )
    checker = engine if validate else None
    work = (
        (str(s.path), s.text, s.source, checker)
        for s in ahead
        if s.source and (s.source.name, s.source.sha256) not in done
    )
    results = iter(build_documents(work, jobs=jobs))
    for step in steps:
        failed = len(report.errors)
        report.warnings.extend(step.notes)
        if step.source is None:
            report.errors.append(step.error)
        elif (step.source.name, step.source.sha256) in done:
            used.append(step.source)
            report.unchanged.append(str(step.path))
        else:
            used.append(step.source)
            built = next(results)
            _load_built(
                loader, step, built, generated=generated, keys=keys, report=report
            )
        if fail_fast and len(report.errors) > failed:
            break
    loader.flush()
    finish_store(store, version=version, used=used, generated=generated, report=report)
    return report


@dataclass(frozen=True, slots=True)
class _Read:
    """One document after reading: its text and source, or why it was refused."""

    path: Path
    text: str = ""
    source: Source | None = None
    error: str = ""
    notes: tuple[str, ...] = ()


def _read_each(
    documents: Iterable[Path], *, max_size: int, fail_fast: bool
) -> Iterator[_Read]:
    for path in documents:
        notes: list[str] = []
        try:
            text, source = read_document(path, max_size=max_size, notes=notes)
        except KgError as error:
            yield _Read(path, error=str(error), notes=tuple(notes))
            if fail_fast:
                return
        else:
            yield _Read(path, text, source, notes=tuple(notes))


def _load_built(
    loader: MeetingLoader,
    step: _Read,
    built: Built,
    *,
    generated: list[tuple[URIRef, Source]],
    keys: dict[URIRef, Source],
    report: IngestReport,
) -> None:
    if built.error is not None:
        report.errors.append(f"{step.path}: cannot read minutes: {built.error}")
        return
    assert step.source is not None
    name = URIRef(built.name)
    if name in keys:
        # Meetings are keyed by file name: `a/minutes.txt` and `b/minutes.txt` collide.
        report.warnings.append(
            f"{step.path}: same meeting key as the earlier {keys[name].name};"
            " it replaces it"
        )
    report.warnings.extend(built.warnings)
    loader.load(name, built.ntriples)
    generated.append((name, step.source))
    keys[name] = step.source
    report.built.append(str(step.path))


def validate_graph(graph: Graph, *, engine: str = "sparql") -> Report:
    """Check `graph` against the SHACL shapes (`kg.validate`, `engine` in `ENGINES`)."""
    # pySHACL is slow to import and only `ingest` and `validate` need it.
    from kg.validate import validate

    return validate(graph, engine=engine)


def validate_store(store: GraphStore, *, engine: str = "sparql") -> Report:
    """Check everything in `store` (all graphs as one) against the SHACL shapes.

    The SPARQL engine runs on an embedded store as it is; reference triples a graph
    file lacks are added to a copy in memory, never to the store.
    """
    from kg.mapping.reference import reference_additions
    from kg.validate import check, validate_oxigraph

    check(engine)
    if engine != "sparql" or not isinstance(store, OxigraphStore):
        return validate_graph(to_rdflib(store.quads()), engine=engine)
    data = store.oxigraph
    missing = reference_additions(data)
    if missing:
        data = ox.Store()
        data.extend(store.quads())
        data.extend(missing)
    return validate_oxigraph(data, data=lambda: to_rdflib(store.quads()))


def finish_store(
    store: GraphStore,
    *,
    version: str,
    used: list[Source],
    generated: list[tuple[URIRef, Source]],
    report: IngestReport,
) -> None:
    """Refresh the reference graph, record the run and link people across meetings."""
    ontology = (read_text("ontology", name) for name in reference_files())
    replace_graph_turtle(store, REFERENCE_GRAPH, ontology)
    record_run(store, version, used, generated)
    if not isinstance(store, OxigraphStore):
        return
    try:
        from kg.resolve import resolve_store
    except ImportError:
        return
    try:
        resolve_store(store.oxigraph)
    except Exception as error:  # resolution is an extra: the meetings stand without it
        reason = f"{type(error).__name__}: {error}"
        report.warnings.append(f"people resolution failed: {reason}")

"""Ingest pipeline: paths of minutes documents in, meeting graphs in a `GraphStore` out.

`find_documents` expands folders (recursing, `.txt`/`.md`, sorted); `read_document`
reads bytes, rejects empty, binary and non-UTF-8 files with a one-line `KgError` naming
the file and hashes them (SHA-256); `ingest` parses each document
(`kg.parse.parse_document`), maps it (`kg.mapping.meeting_to_graph`), validates it
(`kg.validate`), puts it in its own named graph, then refreshes the reference graph,
records the run's provenance and resolves people across meetings (`kg.resolve`). A
failing document is reported and skipped; the others go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

import kg
from kg.errors import KgError
from kg.mapping import meeting_to_graph
from kg.mapping.iris import REFERENCE_GRAPH, meeting_graph_iri
from kg.mapping.reference import reference_files
from kg.parse import parse_document
from kg.provenance import built_documents, record_run
from kg.records import Source
from kg.resources import read_text
from kg.store import GraphStore, OxigraphStore, replace_graph_turtle, to_rdflib

if TYPE_CHECKING:
    from kg.validate import Report

# Extensions of minutes documents found inside folders (a named file is always read).
DOCUMENT_SUFFIXES = (".txt", ".md")
# Share of control bytes above which a file is binary, not text with a stray byte.
BINARY_SHARE = 0.01
_CONTROLS = [bytes([c]) for c in (*range(0, 9), *range(14, 32))]


@dataclass
class IngestReport:
    """What a run did: documents built, skipped as unchanged, failed, and warnings."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_documents(paths: Iterable[Path]) -> list[Path]:
    """List the documents `paths` name: files as given, folders searched recursively."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise KgError(f"{path}: no minutes (*.txt, *.md) in this folder")
            found.update(dict.fromkeys(inside))
        elif path.is_file():
            found[path] = None
        else:
            raise KgError(f"{path}: no such file or folder")
    return list(found)


def decode_document(data: bytes, *, name: str) -> str:
    r"""Decode a document's bytes (UTF-8, a BOM dropped), or raise a `KgError`.

    >>> decode_document(b"\xef\xbb\xbfMinutes", name="a.txt")
    'Minutes'
    >>> decode_document(b"caf\xe9", name="a.txt")
    Traceback (most recent call last):
    kg.errors.KgError: a.txt: not UTF-8 text (byte 0xe9 at offset 3)
    """
    if not data:
        raise KgError(f"{name}: empty file")
    controls = len(data) if b"\x00" in data else sum(map(data.count, _CONTROLS))
    if controls > BINARY_SHARE * len(data):
        raise KgError(f"{name}: binary file, not text minutes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise KgError(
            f"{name}: not UTF-8 text (byte 0x{byte:02x} at offset {error.start})"
        ) from None
    if not text.strip():
        raise KgError(f"{name}: no text (only blank space)")
    return text


def read_document(path: Path) -> tuple[str, Source]:
    """Read a document: its text and `Source` (file name, SHA-256, length)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KgError(f"{path}: cannot read: {error.strerror or error}") from None
    text = decode_document(data, name=str(path))
    digest = hashlib.sha256(data).hexdigest()
    return text, Source(name=path.name, sha256=digest, length=len(text))


def build_meeting(text: str, source: Source) -> tuple[URIRef, Graph]:
    """Parse and map one document: its named graph IRI and its triples."""
    meeting = parse_document(text, source)
    return meeting_graph_iri(meeting), meeting_to_graph(meeting, text)


def ingest(
    documents: Iterable[Path], *, store: GraphStore, validate: bool = True
) -> IngestReport:
    """Put each meeting in `store`, then reference data, provenance and links."""
    report = IngestReport()
    version = kg.__version__
    done = built_documents(store, version)
    used: list[Source] = []
    generated: list[tuple[URIRef, Source]] = []
    for path in documents:
        try:
            text, source = read_document(path)
        except KgError as error:
            report.errors.append(str(error))
            continue
        used.append(source)
        if (source.name, source.sha256) in done:
            report.unchanged.append(str(path))
            continue
        built = _build_one(path, text, source, report=report, validate=validate)
        if built is not None:
            _warn_same_key(built[0], path, generated, report=report)
            store.replace_graph(*built)
            generated.append((built[0], source))
            report.built.append(str(path))
    finish_store(store, version=version, used=used, generated=generated, report=report)
    return report


def _warn_same_key(
    name: URIRef,
    path: Path,
    generated: list[tuple[URIRef, Source]],
    *,
    report: IngestReport,
) -> None:
    # Meetings are keyed by file name, so `a/minutes.txt` and `b/minutes.txt` collide.
    for earlier, source in generated:
        if earlier == name:
            report.warnings.append(
                f"{path}: same meeting key as the earlier {source.name}; it replaces it"
            )


def _build_one(
    path: Path, text: str, source: Source, *, report: IngestReport, validate: bool
) -> tuple[URIRef, Graph] | None:
    try:
        name, graph = build_meeting(text, source)
    except Exception as error:  # a parser bug must not stop the other documents
        reason = f"{type(error).__name__}: {error}"
        report.errors.append(f"{path}: cannot read minutes: {reason}")
        return None
    if validate:
        report.warnings.extend(validation_warnings(graph, name=str(path)))
    return name, graph


def validate_graph(graph: Graph) -> Report:
    """Check `graph` against the SHACL shapes (`kg.validate`)."""
    # pySHACL is slow to import and only `ingest` and `validate` need it.
    from kg.validate import validate

    return validate(graph)


def validate_store(store: GraphStore) -> Report:
    """Check everything in `store` (all graphs as one) against the SHACL shapes."""
    return validate_graph(to_rdflib(store.quads()))


def validation_warnings(graph: Graph, *, name: str) -> list[str]:
    """Validate one meeting's graph: its SHACL report as warnings, if it fails."""
    report = validate_graph(graph)
    if report.conforms:
        return []
    return [f"{name}: does not conform to the shapes:\n{report.render()}"]


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

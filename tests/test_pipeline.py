from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

import kg
from kg import build
from kg.build import chunk_size
from kg.errors import KgError
from kg.loading import MeetingLoader
from kg.mapping.evidence import Triple
from kg.namespaces import KG
from kg.pipeline import (
    POOL_MIN,
    IngestReport,
    decode_document,
    find_documents,
    ingest,
    read_document,
)
from kg.records import Meeting
from kg.store import OxigraphStore, folder_store, memory_store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.txt: empty file"),
        (b" \n\t\n", "a.txt: no text (only blank space)"),
        (b"%PDF-1.4\x00\x01\x02\x03binary", "a.txt: binary file, not text minutes"),
        (bytes(range(1, 8)) * 20, "a.txt: binary file, not text minutes"),
        (
            b"Minutes of the Panel \x81 12",
            "a.txt: neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 21)",
        ),
    ],
)
def test_bad_documents_get_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(KgError) as raised:
        decode_document(data, name="a.txt")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbfMinutes", "Minutes"),
        ("Caf\u00e9 \u00a3 \u2019".encode(), "Caf\u00e9 \u00a3 \u2019"),
        (b"Line one\r\nLine\ftwo\rthree\n", "Line one\nLine\ftwo\nthree\n"),
    ],
)
def test_good_documents_decode(data: bytes, text: str) -> None:
    assert decode_document(data, name="a.txt") == text


def test_read_document_hashes_the_bytes() -> None:
    text, source = read_document(SEED)
    assert source.name == SEED.name
    assert source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert source.length == len(text)


def test_find_documents_recurses_sorted_skipping_other_and_hidden_files(
    tmp_path: Path,
) -> None:
    for name in (
        "b/2.md",
        "b/1.TXT",
        "a.txt",
        "notes.pdf",
        ".hidden/x.txt",
        "c/.y.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_documents([tmp_path])]
    assert found == ["a.txt", "b/1.TXT", "b/2.md"]


def test_a_named_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    (tmp_path / "minutes.pdf").write_text("x")
    assert find_documents([tmp_path / "minutes.pdf"]) == [tmp_path / "minutes.pdf"]


@pytest.mark.parametrize(
    ("make", "message"),
    [("missing", "no such file or folder"), ("empty-folder", "no minutes")],
)
def test_missing_paths_and_folders_without_minutes_are_errors(
    tmp_path: Path, make: str, message: str
) -> None:
    path = tmp_path / make
    if make == "empty-folder":
        path.mkdir()
        (path / "readme.pdf").write_text("x")
    with pytest.raises(KgError, match=message):
        find_documents([path])


def quad_count(store: OxigraphStore) -> int:
    return sum(1 for _ in store.quads())


def test_a_bad_document_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    report = ingest([bad, SEED], store=memory_store(), validate=False)
    assert report.built == [str(SEED)]
    assert len(report.errors) == 1 and report.errors[0].startswith(str(bad))


def test_reingesting_replaces_and_never_duplicates(tmp_path: Path) -> None:
    store = memory_store()
    ingest([SEED], store=store, validate=False)
    once = quad_count(store)
    ingest([SEED], store=store, validate=False)
    assert quad_count(store) == once


def test_an_unchanged_document_in_a_store_is_not_reprocessed(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / SEED.name
    doc.parent.mkdir()
    shutil.copy(SEED, doc)
    store = folder_store(tmp_path / "store")
    first = ingest([doc], store=store, validate=False)
    second = ingest([doc], store=store, validate=False)
    assert (first.built, second.built, second.unchanged) == ([str(doc)], [], [str(doc)])
    doc.write_text(doc.read_text(encoding="utf-8") + "\nAddendum.\n", encoding="utf-8")
    third = ingest([doc], store=store, validate=False)
    assert third.built == [str(doc)]
    # The rebuilt graph's links to the older run and version were replaced.
    links = store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        "SELECT ?link WHERE { ?graph ?link ?x "
        "VALUES ?link { prov:wasGeneratedBy prov:wasDerivedFrom } }"
    ).rows
    assert len(links) == 2


def test_each_run_records_the_version_and_the_documents_hashes() -> None:
    store = memory_store()
    ingest([SEED], store=store, validate=False)
    rows = store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        "PREFIX kg: <https://w3id.org/police-kg/def#>\n"
        "SELECT ?version ?sha ?graph WHERE { ?run a kg:IngestRun, prov:Activity ;"
        " kg:softwareVersion ?version ; prov:used ?doc . ?doc kg:sha256 ?sha ;"
        " kg:fileName ?name . ?graph prov:wasGeneratedBy ?run ;"
        " prov:wasDerivedFrom ?doc }"
    ).rows
    assert [(r[0].value, r[1].value) for r in rows if r[0] and r[1]] == [
        (kg.__version__, hashlib.sha256(SEED.read_bytes()).hexdigest())
    ]


def test_the_reference_graph_is_loaded_once(seed_store: OxigraphStore) -> None:
    rows = seed_store.select(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRENDS(STR(?g), '/graph/reference')) }"
    ).rows
    assert rows[0][0] is not None and rows[0][0].value == "1"


def test_a_path_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert find_documents([tmp_path, tmp_path / "a.txt"]) == [tmp_path / "a.txt"]


def test_two_documents_with_one_file_name_warn_that_one_replaces_the_other(
    tmp_path: Path,
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED, tmp_path / folder / SEED.name)
    report = ingest(find_documents([tmp_path]), store=memory_store(), validate=False)
    assert len(report.built) == 2
    assert any("same meeting key" in w for w in report.warnings)


@given(st.binary(max_size=200))
def test_any_bytes_decode_or_fail_with_a_one_line_error_naming_the_file(
    data: bytes,
) -> None:
    try:
        text = decode_document(data, name="x.txt")
    except KgError as error:
        assert str(error).startswith("x.txt: ") and "\n" not in str(error)
    else:
        # UTF-8, UTF-16/32 after a BOM, or Windows-1252; line endings made "\n".
        encodings = ("utf-8-sig", "utf-16", "utf-32", "cp1252")
        readings = [data.decode(enc, "replace") for enc in encodings]
        lf = [r.replace("\r\n", "\n").replace("\r", "\n") for r in readings]
        assert text.strip() and text in lf


@given(st.binary(max_size=300).map(lambda b: b.replace(b"\x00", b"")))
def test_more_than_one_percent_of_control_bytes_is_binary(data: bytes) -> None:
    # Control bytes other than tab, line feed, vertical tab, form feed and CR.
    controls = sum(1 for byte in data if byte < 9 or 14 <= byte < 32)
    try:
        decode_document(b"x" + data, name="x.txt")
    except KgError as error:
        refused = "binary" in str(error)
    else:
        refused = False
    if controls > 0.01 * (len(data) + 1):
        assert refused
    elif data.isascii() and data.strip():
        assert not refused


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.corpus import write_corpus

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 2 * POOL_MIN + 2, seed=5)
    return folder / "docs"


def _ingest_bytes(docs: list[Path], **options: object) -> tuple[bytes, IngestReport]:
    store = memory_store()
    report = ingest(docs, store=store, **options)  # type: ignore[arg-type]
    quads = sorted(store.quads(), key=str)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", report


def test_a_process_pool_builds_the_same_store_as_one_process(corpus: Path) -> None:
    docs = find_documents([corpus])
    docs.insert(3, corpus / "missing.txt")  # a failure keeps its place in the report
    alone, report_alone = _ingest_bytes(docs, jobs=1)
    pooled, report_pooled = _ingest_bytes(docs, jobs=2)
    assert pooled == alone
    assert report_pooled == report_alone
    assert len(report_alone.built) == len(docs) - 1
    assert report_alone.errors[0].startswith(f"{corpus / 'missing.txt'}: ")


def test_both_validation_engines_give_the_same_warnings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = build.each_triple

    def untitled(meeting: Meeting, text: str) -> list[Triple]:
        return [t for t in real(meeting, text) if t[1] != KG.title]

    monkeypatch.setattr(build, "each_triple", untitled)
    _, by_sparql = _ingest_bytes([SEED], engine="sparql", jobs=1)
    _, by_pyshacl = _ingest_bytes([SEED], engine="pyshacl", jobs=1)
    assert by_sparql.warnings == by_pyshacl.warnings
    assert any("does not conform" in w for w in by_sparql.warnings)


def test_store_validation_reports_the_failing_document(
    seed_store: OxigraphStore,
) -> None:
    from kg.pipeline import validate_store

    store = memory_store()
    store.oxigraph.extend(seed_store.quads())
    item = next(iter(store.select(_AN_ITEM).rows))[0]
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ {item} <{KG.title}> ?t }} }}")
    reports = [validate_store(store, engine=e) for e in ("sparql", "pyshacl")]
    assert reports[0].render() == reports[1].render()
    assert not reports[0].conforms
    (result,) = reports[0].results
    assert result.path == "kg:title" and result.source_file is not None


_AN_ITEM = f"SELECT ?item WHERE {{ ?item a <{KG.AgendaItem}> }} ORDER BY ?item LIMIT 1"


def test_documents_are_read_as_they_are_built(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[Path] = []

    def paths() -> Iterator[Path]:
        for path in find_documents([corpus]):
            taken.append(path)
            yield path

    read_when_loaded: list[int] = []
    load = MeetingLoader.load

    def counting(self: MeetingLoader, name: URIRef, data: bytes) -> None:
        read_when_loaded.append(len(taken))
        load(self, name, data)

    monkeypatch.setattr(MeetingLoader, "load", counting)
    ingest(paths(), store=memory_store(), jobs=1)
    assert read_when_loaded == list(range(1, len(taken) + 1))


@pytest.mark.parametrize("workers", [2, 3, 8])
def test_the_chunk_size_is_known_from_the_first_documents(workers: int) -> None:
    first = 8 * workers * build.MAX_CHUNK  # what `build_documents` reads at first
    for total in range(1, 3 * first):
        assert chunk_size(total, workers) == chunk_size(min(total, first), workers)

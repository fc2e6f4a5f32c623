from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg.errors import KgError
from kg.pipeline import decode_document, find_documents, ingest, read_document
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
            b"Minutes of the Panel \xa3 12",
            "a.txt: not UTF-8 text (byte 0xa3 at offset 21)",
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
        (b"Line one\r\nLine\ftwo\n", "Line one\r\nLine\ftwo\n"),
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
        assert text.strip() and text.encode() in (
            data,
            data.removeprefix(b"\xef\xbb\xbf"),
        )

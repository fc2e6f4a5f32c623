"""Many `kg` processes on one store folder: readers never meet the writer's lock.

A store folder is opened for reading without its lock (`kg.store.read_store`), so
concurrent `kg query --data DIR` processes all answer, also while `kg ingest --store
DIR` writes; a second writer gets a one-line error. `bench/load.py` (`make load`) runs
the full 20-reader and 10-readers-during-ingest version and times it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from kg.errors import KgError
from kg.store import folder_store, read_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
READERS = 5


def kg_command(*args: str) -> list[str]:
    """The `kg` console script beside this Python, as a user would run it."""
    script = Path(sys.executable).parent / "kg"
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-c", "from kg.cli import main; main()", *args]


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    command = kg_command(*args)
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def start_kg(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        kg_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def answer_rows(stdout: str) -> set[str]:
    return set(stdout.splitlines()[1:])


@pytest.fixture(scope="module")
def seed_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg ingest seeds --store DIR`, made once for the module."""
    folder = tmp_path_factory.mktemp("concurrent") / "store"
    made = run_kg("ingest", str(SEEDS), "--store", str(folder), "--no-validate")
    assert made.returncode == 0, made.stderr
    return folder


def test_concurrent_queries_all_answer_the_same(seed_store_dir: Path) -> None:
    query = ("query", "meetings", "--data", str(seed_store_dir), "--format", "csv")
    expected = run_kg(*query)
    assert expected.returncode == 0, expected.stderr
    assert len(answer_rows(expected.stdout)) >= 5
    readers = [start_kg(*query) for _ in range(READERS)]
    for reader in readers:
        out, err = reader.communicate(timeout=120)
        assert (reader.returncode, err) == (0, "")
        assert out == expected.stdout


def test_readers_during_an_ingest_see_before_or_after_never_an_error(
    seed_store_dir: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    subprocess.run(["cp", "-r", str(seed_store_dir), str(store)], check=True)
    query = ("query", "meetings", "--data", str(store), "--format", "csv")
    before = answer_rows(run_kg(*query).stdout)
    write_corpus(tmp_path / "more", 12)
    writer = start_kg(
        "ingest",
        str(tmp_path / "more" / "docs"),
        "--store",
        str(store),
        "--no-validate",
    )
    answers = []
    while writer.poll() is None or len(answers) < READERS:
        reader = run_kg(*query)
        answers.append((reader.returncode, reader.stderr, answer_rows(reader.stdout)))
    _, writer_err = writer.communicate(timeout=120)
    assert writer.returncode == 0, writer_err
    after = answer_rows(run_kg(*query).stdout)
    assert len(after) == len(before) + 12
    for status, err, rows in answers:
        assert (status, err) == (0, "")
        assert before <= rows <= after


def test_a_second_writer_gets_one_line_and_readers_still_answer(
    seed_store_dir: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    subprocess.run(["cp", "-r", str(seed_store_dir), str(store)], check=True)
    query = ("query", "participants", "--data", str(store), "--format", "json")
    expected = run_kg(*query).stdout
    writer = folder_store(store, create=False)  # this process holds the lock
    try:
        second = run_kg("ingest", str(SEEDS), "--store", str(store))
        reading = run_kg(*query)
    finally:
        writer.close()
        del writer
    assert second.returncode == 1
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1, second.stderr
    assert "being written by another process" in lines[0] and str(store) in lines[0]
    assert (reading.returncode, reading.stderr, reading.stdout) == (0, "", expected)


class VanishedFiles:
    """A store view whose files the writer's compaction removed (as RocksDB says)."""

    def query(self, *args: object, **options: object) -> object:
        raise RuntimeError(
            "Corruption: IO error: No such file or directory: While open a file for"
            " random read: store/000017.sst: No such file or directory"
        )

    quads_for_pattern = query


def test_a_reader_whose_files_vanished_reopens_the_folder(seed_store_dir: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    store = read_store(seed_store_dir)
    expected = store.select(sparql).rows
    store.oxigraph = VanishedFiles()  # type: ignore[assignment]
    assert store.select(sparql).rows == expected
    store.oxigraph = VanishedFiles()  # type: ignore[assignment]
    assert len(list(store.quads())) == int(expected[0][0].value)  # type: ignore[union-attr]
    with pytest.raises(KgError, match="opened for reading only"):
        store.update("CLEAR ALL")

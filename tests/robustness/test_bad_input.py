"""Bad input through `kg ingest`: one line naming the file, the others still ingested.

Each case puts one awkward file beside a good seed in a folder and ingests the folder:
the awkward file gets exactly one `Error:` or `Warning:` line naming it, the seed is
built all the same, and the exit status is 1 when anything failed, 0 otherwise.
`--fail-fast` stops at the first failure instead.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from kg import pipeline
from kg.cli import cli
from kg.namespaces import KG

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0]
GOOD = "000-good.txt"  # sorts before every awkward file, so it is read first
OLD = "old graph, must survive\n"


def ingest(*args: object) -> Result:
    return CliRunner().invoke(cli, ["ingest", *map(str, args), "--no-validate"])


def folder_with(tmp_path: Path, name: str | None = None, data: bytes = b"") -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    shutil.copy(SEED, folder / GOOD)
    if name is not None:
        (folder / name).write_bytes(data)
    return folder


def lines_naming(result: Result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if name in line]


def items_per_meeting(path: Path) -> dict[str, int]:
    graph = Graph().parse(path)
    return {
        str(meeting).rsplit("/", 1)[-1]: len(list(graph.objects(meeting, KG.hasItem)))
        for meeting in set(graph.subjects(KG.source, None))
    }


def png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def zip_of_minutes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("minutes.txt", SEED.read_text())
    return buffer.getvalue()


REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "empty file"),
    "whitespace": (lambda: b" \n\t\r\n   \n", "no text (only blank space)"),
    "image": (png, "binary file"),
    "zip": (zip_of_minutes, "binary file"),
    "utf16-no-bom": (lambda: SEED.read_text().encode("utf-16-le"), "binary file"),
    "undecodable": (lambda: b"Minutes \x81\x8d\x8f agreed\n", "nor Windows-1252"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_document_gets_one_error_line_and_the_others_go_on(
    tmp_path: Path, case: str
) -> None:
    make, message = REFUSED[case]
    name = f"{case}.txt"
    result = ingest(folder_with(tmp_path, name, make()), "--out", tmp_path / "g.ttl")
    assert result.exit_code == 1
    (line,) = lines_naming(result, name)
    assert line.startswith("Error: ") and message in line
    assert "1 built" in result.stderr and "1 failed" in result.stderr
    assert list(items_per_meeting(tmp_path / "g.ttl")) == ["000-good"]


def seed_as(encoding: str) -> bytes:
    text = SEED.read_text() + "\nSigned: Chair – café £5\n"  # beyond ASCII
    return text.encode(encoding, errors="replace")


DECODED: dict[str, tuple[Callable[[], bytes], str | None]] = {
    "utf16-bom": (lambda: seed_as("utf-16"), "UTF-16 text (byte-order mark)"),
    "utf16-be-bom": (
        lambda: b"\xfe\xff" + seed_as("utf-16-be"),
        "UTF-16 text (byte-order mark)",
    ),
    "cp1252": (lambda: seed_as("cp1252"), "read as Windows-1252"),
    "latin1": (lambda: seed_as("latin-1"), "read as Windows-1252"),
    "utf8-bom": (lambda: b"\xef\xbb\xbf" + SEED.read_bytes(), None),
    "crlf": (lambda: SEED.read_bytes().replace(b"\n", b"\r\n"), None),
    "mixed-endings": (
        lambda: b"".join(
            line + (b"\r\n", b"\n", b"\r")[i % 3]
            for i, line in enumerate(SEED.read_bytes().split(b"\n"))
        ),
        None,
    ),
}


@pytest.mark.parametrize("case", list(DECODED))
def test_other_encodings_and_line_endings_give_the_same_meeting(
    tmp_path: Path, case: str
) -> None:
    make, warning = DECODED[case]
    name = f"{case}.txt"
    result = ingest(folder_with(tmp_path, name, make()), "--out", tmp_path / "g.ttl")
    assert result.exit_code == 0, result.stderr
    assert "2 built" in result.stderr
    said = lines_naming(result, name)
    if warning is None:
        assert said == []
    else:
        (line,) = said
        assert line.startswith("Warning: ") and warning in line
    items = items_per_meeting(tmp_path / "g.ttl")
    assert items[case] == items["000-good"] > 0


def test_a_document_above_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    block = SEED.read_bytes()
    folder = folder_with(tmp_path, "huge.txt", b"")
    with (folder / "huge.txt").open("wb") as out:
        for _ in range(50_000_000 // len(block) + 1):
            out.write(block)
    result = ingest(folder, "--out", tmp_path / "g.ttl")
    assert result.exit_code == 1
    (line,) = lines_naming(result, "huge.txt")
    assert "50.0 MB, above the size limit of 10.0 MB (--max-size)" in line
    assert "1 built" in result.stderr


def test_max_size_lowers_the_limit(tmp_path: Path) -> None:
    result = ingest(SEED, "--out", tmp_path / "g.ttl", "--max-size", "0.01")
    assert result.exit_code == 1
    size = f"{SEED.stat().st_size / 1000:.1f} kB"
    message = f"{SEED}: {size}, above the size limit of 10.0 kB (--max-size)"
    assert f"Error: {message}" in result.stderr.splitlines()


def test_one_five_megabyte_line_is_ingested(tmp_path: Path) -> None:
    words = b"the panel noted the report of the police and crime commissioner "
    line = (words * (5_000_000 // len(words) + 1))[:5_000_000]
    result = ingest(
        folder_with(tmp_path, "one-line.txt", line), "--out", tmp_path / "g.ttl"
    )
    assert result.exit_code == 0, result.stderr
    assert "2 built" in result.stderr
    (warning,) = lines_naming(result, "one-line.txt")
    assert warning.startswith("Warning: ") and "no agenda items" in warning


def test_a_document_without_structure_is_a_meeting_with_a_warning(
    tmp_path: Path,
) -> None:
    prose = (
        b"We walked along the river and talked about the weather, the harvest and "
        b"the price of bread.\n\nIt rained later, so we went home.\n"
    )
    result = ingest(
        folder_with(tmp_path, "prose.txt", prose), "--out", tmp_path / "g.ttl"
    )
    assert result.exit_code == 0
    (line,) = lines_naming(result, "prose.txt")
    assert line.startswith("Warning: ") and "ingested with what was found" in line
    assert items_per_meeting(tmp_path / "g.ttl")["prose"] == 0


def test_a_folder_of_thousands_of_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for block in range(20):
        (folder / f"b{block:02d}").mkdir(parents=True)
        for n in range(100):
            (folder / f"b{block:02d}" / f"b{block:02d}m{n:03d}.txt").write_text(
                f"Police and Crime Panel\n{n % 28 + 1} March 2019\n"
                "1. Apologies\nNone.\n2. Budget\nThe panel noted the budget.\n"
            )
    (folder / "b07" / "b07m050.txt").write_bytes(b"")
    result = ingest(folder, "--out", tmp_path / "g.ttl")
    assert result.exit_code == 1
    assert "1999 built, 0 unchanged, 1 failed" in result.stderr
    (line,) = lines_naming(result, "b07m050.txt")
    assert "empty file" in line


def test_symlink_loops_are_reported_not_followed(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "sub").symlink_to(folder, target_is_directory=True)
    result = ingest(folder, "--out", tmp_path / "g.ttl")
    assert result.exit_code == 1
    for name in ("loop-a.txt", "loop-b.txt"):
        (line,) = lines_naming(result, name)
        assert "cannot read: Too many levels of symbolic links" in line
    assert "1 built" in result.stderr  # the folder link was not followed


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads a chmod 000 file anyway",
)
def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "locked.txt", SEED.read_bytes())
    (folder / "locked.txt").chmod(0)
    try:
        result = ingest(folder, "--out", tmp_path / "g.ttl")
    finally:
        (folder / "locked.txt").chmod(0o644)
    (line,) = lines_naming(result, "locked.txt")
    assert "cannot read: Permission denied" in line and result.exit_code == 1


def test_a_file_the_system_refuses_to_open_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The chmod 000 case as root (where it stays readable): the same OSError.
    folder = folder_with(tmp_path, "locked.txt", SEED.read_bytes())
    real_open = Path.open

    def refuse(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    result = ingest(folder, "--out", tmp_path / "g.ttl")
    (line,) = lines_naming(result, "locked.txt")
    assert "cannot read: Permission denied" in line and result.exit_code == 1
    assert "1 built" in result.stderr


def test_a_file_that_vanishes_mid_run_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path, "gone.txt", SEED.read_bytes())
    real_read = pipeline.read_document

    def read_then_delete_the_next(path: Path, **options: object) -> object:
        (folder / "gone.txt").unlink(missing_ok=True)  # after the folder was listed
        return real_read(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_document", read_then_delete_the_next)
    result = ingest(folder, "--out", tmp_path / "g.ttl")
    assert result.exit_code == 1
    (line,) = lines_naming(result, "gone.txt")
    assert "cannot read: No such file or directory" in line
    assert "1 built" in result.stderr


def test_fail_fast_stops_at_the_first_failure_and_writes_no_output(
    tmp_path: Path,
) -> None:
    folder = folder_with(tmp_path, "000-empty.txt", b"")
    out = tmp_path / "g.ttl"
    out.write_text(OLD)
    result = ingest(folder, "--out", out, "--fail-fast")
    assert result.exit_code == 1
    assert "0 built" in result.stderr and "000-empty.txt: empty file" in result.stderr
    assert out.read_text() == OLD
    carry_on = ingest(folder, "--out", out)
    assert carry_on.exit_code == 1 and "1 built" in carry_on.stderr
    assert out.read_text() != OLD


def test_all_good_documents_exit_zero(tmp_path: Path) -> None:
    result = ingest(
        folder_with(tmp_path, "001.txt", SEED.read_bytes()), "--out", tmp_path / "g.ttl"
    )
    assert result.exit_code == 0
    assert "2 built, 0 unchanged, 0 failed" in result.stderr

"""The `kg` command end to end: CliRunner for each command, one real subprocess run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OLD = "old graph, must survive\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and kg.__version__ in out
    code, out, _ = run("-h")
    assert code == 0
    for command in ("ingest", "validate", "query", "queries", "export"):
        assert command in out


def test_ingest_query_export(tmp_path: Path) -> None:
    graph = tmp_path / "graph.ttl"
    code, _, err = run("ingest", SEEDS, "--out", graph, "--no-validate")
    assert code == 0, err
    assert "5 built" in err
    code, out, err = run("query", "pccs-discussing", "--data", graph,
                         "--param", "topic=cyber-crime", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["head"]["vars"][0] == "force"
    code, _, err = run("export", "--data", graph, "--format", "nquads",
                       "--out", tmp_path / "graph.nq")
    assert code == 0, err
    assert (tmp_path / "graph.nq").stat().st_size > 0


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(seed_graph: Path, fmt: str) -> None:
    code, out, err = run("query", "participants", "--data", seed_graph, "--format", fmt)
    assert code == 0, err
    assert "meeting" in out.splitlines()[0] or '"vars"' in out


def test_queries_lists_names_summaries_and_params() -> None:
    code, out, _ = run("queries")
    assert code == 0
    assert "pccs-discussing\n" in out
    assert "params: topic:" in out


def test_same_input_gives_byte_identical_turtle(tmp_path: Path) -> None:
    for name in ("a.ttl", "b.ttl"):
        assert run("ingest", SEEDS, "--out", tmp_path / name, "--no-validate")[0] == 0
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_ingest_into_a_store_then_query_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("ingest", SEEDS, "--store", store, "--no-validate")[0] == 0
    code, _, err = run("ingest", SEEDS, "--store", store, "--no-validate")
    assert code == 0 and "0 built, 5 unchanged" in err
    code, out, _ = run("query", "participants", "--data", store, "--format", "csv")
    assert code == 0 and out.startswith("meeting,name")


def bad_input(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    content = {"empty": b"", "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
               "latin1": b"Minutes \xa3100 agreed"}.get(kind)
    if content is not None:
        path.write_bytes(content)
    elif kind == "folder":
        path = tmp_path / "no-minutes"
        path.mkdir()
        (path / "agenda.pdf").write_bytes(b"%PDF")
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("empty", "empty file"),
        ("binary", "binary file"),
        ("latin1", "not UTF-8"),
        ("missing", "no such file or folder"),
        ("folder", "no minutes"),
    ],
)
def test_bad_documents_fail_in_one_line_leaving_the_output(
    tmp_path: Path, kind: str, message: str
) -> None:
    out = tmp_path / "graph.ttl"
    out.write_text(OLD)
    path = bad_input(tmp_path, kind)
    code, _, err = run("ingest", path, "--out", out)
    assert code != 0
    (line,) = [x for x in err.splitlines() if x.startswith("Error")]
    assert message in line and path.name in line
    assert out.read_text() == OLD


def test_a_bad_document_among_good_ones_fails_at_the_end(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "graph.ttl"
    code, _, err = run("ingest", docs, "--out", out, "--no-validate")
    assert code == 1
    assert "zz_empty.txt: empty file" in err
    assert "5 built" in err and out.stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query"], "no-such-query: unknown query"),
        (["query", "{broken}"], "broken.rq"),
        (["query", "participants", "--param", "x"], "write it as KEY=VALUE"),
        (["query", "participants", "--param", "x=1"], "unknown parameter 'x'"),
    ],
)
def test_bad_queries_fail_in_one_line(
    seed_graph: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("#+ summary: Broken.\nSELECT ?s WHERE { ?s ", encoding="utf-8")
    args = [str(broken) if a == "{broken}" else a for a in args]
    code, out, err = run(*args, "--data", seed_graph)
    assert code != 0 and out == ""
    (line,) = [x for x in err.splitlines() if x.strip()]
    assert message in line


def test_export_refuses_an_unknown_extension_leaving_nothing(
    seed_graph: Path, tmp_path: Path
) -> None:
    code, _, err = run("export", "--data", seed_graph, "--out", tmp_path / "g.xml")
    assert code != 0 and "unknown graph file extension" in err
    assert not (tmp_path / "g.xml").exists()


def test_installed_kg_command_ingests_queries_and_exports(tmp_path: Path) -> None:
    kg_command = shutil.which("kg", path=str(Path(sys.executable).parent))
    if kg_command is None:
        pytest.fail("the kg console script is not installed: pip install -e '.[test]'")
    graph = tmp_path / "graph.ttl"
    steps = [
        [kg_command, "ingest", str(SEEDS), "--out", str(graph), "--no-validate"],
        [kg_command, "query", "participants", "--data", str(graph), "--format", "json"],
        [kg_command, "export", "--data", str(graph), "--out", str(tmp_path / "g.jsonld")],
    ]
    outputs = [subprocess.run(s, capture_output=True, text=True, check=True) for s in steps]
    assert "bindings" in json.loads(outputs[1].stdout)["results"]
    assert (tmp_path / "g.jsonld").stat().st_size > 0

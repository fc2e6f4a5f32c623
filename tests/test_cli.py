"""The `kg` command end to end: CliRunner for each command, one real subprocess run."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg import build
from kg.cli import _progress, cli
from kg.mapping.evidence import Triple
from kg.namespaces import KG
from kg.records import Meeting

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture
def two_seeds(tmp_path: Path) -> Path:
    """A folder holding copies of two seeds (fewer documents, faster runs)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder


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
    code, out, err = run(
        "query",
        "pccs-discussing",
        "--data",
        graph,
        "--param",
        "topic=cyber-crime",
        "--format",
        "json",
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["head"]["vars"][0] == "force"
    code, _, err = run(
        "export", "--data", graph, "--format", "nquads", "--out", tmp_path / "graph.nq"
    )
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


def test_same_input_gives_byte_identical_turtle(
    tmp_path: Path, seed_graph: Path
) -> None:
    # `seed_graph` was built in this process; this run is a new one, in a new order.
    graph = tmp_path / "graph.ttl"
    docs = sorted(SEEDS.glob("*.txt"), reverse=True)
    assert run("ingest", *docs, "--out", graph, "--no-validate")[0] == 0
    assert graph.read_bytes() == seed_graph.read_bytes()


def test_ingest_into_a_store_then_query_it(tmp_path: Path, two_seeds: Path) -> None:
    store = tmp_path / "store"
    assert run("ingest", two_seeds, "--store", store, "--no-validate")[0] == 0
    code, _, err = run("ingest", two_seeds, "--store", store, "--no-validate")
    assert code == 0 and "0 built, 2 unchanged" in err
    code, out, _ = run("query", "participants", "--data", store, "--format", "csv")
    assert code == 0 and out.startswith("meeting,name")
    code, _, _ = run("export", "--data", store, "--out", tmp_path / "g.trig")
    trig = (tmp_path / "g.trig").read_text(encoding="utf-8")
    assert code == 0 and trig.count("/graph/meeting/") >= 2


def bad_input(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    content = {
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1": b"Minutes \x81\x8d100 agreed",  # bytes Windows-1252 leaves unused
    }.get(kind)
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
        ("latin1", "neither UTF-8 nor Windows-1252"),
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
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    (docs / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "graph.ttl"
    code, _, err = run("ingest", docs, "--out", out, "--no-validate")
    assert code == 1
    assert "zz_empty.txt: empty file" in err
    assert "1 built" in err and out.stat().st_size > 0


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
        [kg_command, "ingest", str(SEED), "--out", str(graph), "--no-validate"],
        [kg_command, "query", "participants", "--data", str(graph), "--format", "json"],
        [
            kg_command,
            "export",
            "--data",
            str(graph),
            "--out",
            str(tmp_path / "g.jsonld"),
        ],
    ]
    outputs = [
        subprocess.run(s, capture_output=True, text=True, check=True) for s in steps
    ]
    assert "bindings" in json.loads(outputs[1].stdout)["results"]
    assert (tmp_path / "g.jsonld").stat().st_size > 0
    # Another process (other hash seeds) gives the same bytes as this one.
    here = tmp_path / "here.ttl"
    assert run("ingest", SEED, "--out", here, "--no-validate")[0] == 0
    assert here.read_bytes() == graph.read_bytes()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("count", "bar"), [(3, False), (12, True)])
def test_progress_bar_only_for_many_documents_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, count: int, bar: bool
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    documents = [Path(f"{n}.txt") for n in range(count)]
    assert list(_progress(documents)) == documents
    assert ("ingesting" in terminal.getvalue()) == bar


def test_validate_passes_the_seeds_and_fails_a_broken_graph_readably(
    seed_graph: Path, tmp_path: Path
) -> None:
    code, out, err = run("validate", seed_graph)
    assert code == 0, out + err
    broken = tmp_path / "broken.ttl"
    orphan = "<https://w3id.org/police-kg/id/meeting/x>"
    broken.write_text(
        seed_graph.read_text(encoding="utf-8")
        + f"\n{orphan} a <https://w3id.org/police-kg/def#Meeting> .\n",
        encoding="utf-8",
    )
    code, out, _ = run("validate", broken)
    assert code == 1
    assert "id:meeting/x" in out and "kg:body" in out


def test_ingest_warns_about_a_meeting_that_breaks_the_shapes_and_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build.each_triple

    def without_body(meeting: Meeting, text: str) -> list[Triple]:
        return [t for t in real(meeting, text) if t[1] != KG.body]

    monkeypatch.setattr(build, "each_triple", without_body)
    out = tmp_path / "g.ttl"
    code, _, err = run("ingest", SEED, "--out", out)
    assert code == 0
    assert f"Warning: {SEED}: does not conform to the shapes" in err
    assert "kg:body" in err and "1 warnings" in err
    assert out.stat().st_size > 0

"""Golden files: each seed's records (JSON) and meeting graph (Turtle), diff-reviewed.

`pytest --update-golden` rewrites them from the current code; a missing file fails with
that command. Records compare as JSON values, graphs with `rdflib.compare.isomorphic`,
printing the triples only in one or the other.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.mapping import meeting_to_graph
from kg.parse import parse_document
from kg.pipeline import read_document
from kg.records import Meeting, to_json

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
UPDATE = "pytest tests/test_golden.py --update-golden"


def parsed(seed: Path) -> tuple[Meeting, str]:
    text, source = read_document(seed)
    return parse_document(text, source), text


def check_or_update(path: Path, fresh: str, *, update: bool) -> str | None:
    """Read the golden text of `path`, or write `fresh` there (--update-golden)."""
    if update:
        path.write_text(fresh, encoding="utf-8")
        return None
    if not path.exists():
        pytest.fail(f"missing golden file {path.relative_to(ROOT)}: run `{UPDATE}`")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_records_match_golden(seed: Path, update_golden: bool) -> None:
    meeting, _ = parsed(seed)
    fresh = json.dumps(to_json(meeting), indent=1, ensure_ascii=False, sort_keys=True)
    golden = check_or_update(
        GOLDEN / f"{seed.stem}.records.json", fresh + "\n", update=update_golden
    )
    if golden is not None:
        assert json.loads(golden) == json.loads(fresh), f"records changed; `{UPDATE}`"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_meeting_graph_matches_golden(seed: Path, update_golden: bool) -> None:
    meeting, text = parsed(seed)
    graph = meeting_to_graph(meeting, text)
    fresh = graph.serialize(format="turtle")
    golden = check_or_update(GOLDEN / f"{seed.stem}.ttl", fresh, update=update_golden)
    if golden is None:
        return
    expected = Graph().parse(data=golden, format="turtle")
    if not isomorphic(graph, expected):
        pytest.fail(describe_difference(expected, graph))


def describe_difference(expected: Graph, actual: Graph, *, limit: int = 40) -> str:
    """The triples only in the golden graph and only in the fresh one, sorted."""
    _, only_golden, only_fresh = graph_diff(
        to_isomorphic(expected), to_isomorphic(actual)
    )
    lines = [f"meeting graph differs from golden; review and run `{UPDATE}`"]
    for label, graph in (("- golden only", only_golden), ("+ fresh only", only_fresh)):
        triples = sorted(" ".join(t.n3() for t in triple) for triple in graph)
        lines.append(f"{label} ({len(triples)}):")
        lines.extend(f"  {t}" for t in triples[:limit])
    return "\n".join(lines)


def test_a_missing_golden_file_fails_with_the_command_that_makes_it() -> None:
    missing = GOLDEN / "no-such-seed.ttl"
    with pytest.raises(pytest.fail.Exception, match="--update-golden"):
        check_or_update(missing, "fresh", update=False)

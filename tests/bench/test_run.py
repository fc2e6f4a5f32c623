"""The benchmark runner: it runs end to end at tiny N and reports what it measured."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

# `bench/` is not part of the installed `kg` package: import it from the checkout.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.embedded import percentile  # noqa: E402
from bench.report import (  # noqa: E402
    _peak_mb,
    growth_exponent,
    naive_ratio,
    summarise,
)
from bench.run import main, supervise  # noqa: E402


def _sleepy(paths: list[Path], *, progress: Any) -> dict[str, Any]:
    progress("sleeping", len(paths))
    time.sleep(30)
    return {}


def _failing(paths: list[Path], *, progress: Any) -> dict[str, Any]:
    raise ValueError("broken on purpose")


def test_run_over_budget_is_stopped_with_its_last_stage() -> None:
    started = time.monotonic()
    run = supervise(_sleepy, [Path("a.txt")] * 3, budget=1.0)
    assert time.monotonic() - started < 10
    assert not run["finished"]
    assert run["last"]["stage"] == "sleeping"
    assert run["last"]["done"] == 3


def test_failing_run_reports_its_error() -> None:
    run = supervise(_failing, [], budget=10.0)
    assert not run["finished"]
    assert run["error"] == "ValueError: broken on purpose"


def test_linear_growth_has_exponent_one() -> None:
    assert growth_exponent([(10, 2.0), (100, 20.0)]) == pytest.approx(1.0)
    assert growth_exponent([(10, 2.0)]) is None


def test_percentiles_interpolate() -> None:
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)


def test_stopped_naive_run_gives_a_lower_bound() -> None:
    # Both sides end with a Turtle file: ours is its end to end plus its export.
    ours = {"finished": True, "end_to_end_s": 1.5, "export_turtle_s": 0.5}
    assert naive_ratio(ours, {"finished": True, "end_to_end_s": 50.0}) == "25.0×"
    stopped = {"finished": False, "budget_s": 10.0}
    assert naive_ratio(ours, stopped).startswith("> 5.0×")


def test_summary_takes_medians_of_finished_runs() -> None:
    runs = [_fake_run(seconds) for seconds in (3.0, 1.0, 2.0)]
    summary = summarise([*runs, {"finished": False, "budget_s": 1.0, "last": {}}])
    assert summary["runs"] == 3
    assert summary["end_to_end_s"] == 2.0
    assert summary["queries"]["q"]["p50_ms"] == 2.0
    assert summary["documents_per_s"] == 5.0


def test_memory_target_is_the_ingest_peak() -> None:
    run = {
        "workers": 2,
        "peak_rss_mb": 900.0,
        "peak_worker_rss_mb": 50.0,
        "ingest_peak_rss_mb": 300.0,
        "ingest_peak_worker_rss_mb": 40.0,
    }
    assert _peak_mb(run, "ingest_") == 380.0
    assert _peak_mb(run) == 1000.0
    # A run recorded before the ingest peak was kept gives its whole run's.
    older = {"workers": 1, "peak_rss_mb": 900.0, "peak_worker_rss_mb": 50.0}
    assert _peak_mb(older, "ingest_") == 950.0


def _fake_run(seconds: float) -> dict[str, Any]:
    query = {"params": {}, "rows": 1, "runs": 1, "p50_ms": seconds, "p95_ms": seconds}
    return {
        "finished": True,
        "end_to_end_s": seconds,
        "documents": 10,
        "store_quads": 100,
        "queries": {"q": query},
    }


def test_tiny_benchmark_writes_json_and_markdown(tmp_path: Path) -> None:
    out = tmp_path / "results"
    code = main(
        [
            "--sizes",
            "2",
            "--repeat",
            "1",
            "--workers",
            "1",
            "--query-runs",
            "1",
            "--naive-budget",
            "120",
            "--budget",
            "120",
            "--corpus",
            str(tmp_path / "corpus"),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    results = json.loads((out / "latest.json").read_text())
    ours, naive = results["sizes"]["2"], results["naive"]["2"]
    assert ours["finished"], ours
    assert ours["documents"] == 2
    assert ours["store_quads"] > ours["meeting_triples"] > 0
    assert 0 < ours["ingest_peak_rss_mb"] <= ours["peak_rss_mb"]
    assert set(ours["queries"]) >= {"meetings", "participants", "pccs-discussing"}
    assert naive["finished"], naive
    assert 0 < naive["triples"] <= ours["meeting_triples"]
    cli = results["cli"]["2"]
    assert cli["finished"] and cli["seconds"] > 0 and cli["turtle_mb"] > 0, cli
    markdown = (out / "latest.md").read_text()
    assert "| 2 |" in markdown
    assert "`kg ingest DOCS --out graph.ttl`" in markdown
    assert "python -m bench.run --sizes 2" in markdown
    checks = results["calibration"]
    assert [c["at"] for c in checks] == ["start", "after N=2"]
    assert all(c["ms"] > 0 for c in checks)
    assert "Machine speed check" in markdown

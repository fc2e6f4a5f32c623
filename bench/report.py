"""Benchmark report: the runner's results in, medians, a growth fit and Markdown out.

`summarise` reduces the repeated runs of one corpus size to medians (queries: the median
of each run's p50 and p95); `growth_exponent` fits log(time) against log(N) by least
squares; `render_markdown` writes the tables `bench/results/latest.md` holds, with the
targets of issue 7 marked met or missed.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

MB = 1024.0
# Targets of issue 7, checked at the size they name.
TARGET_SECONDS_10K = 60.0
TARGET_EXPONENT = 1.1
TARGET_PEAK_MB = 4096.0
TARGET_QUERY_MS = 50.0
TARGET_NAIVE_RATIO = 20.0
TARGET_F1 = 0.98


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the finished runs of one size; the last unfinished one if none."""
    finished = [run for run in runs if run.get("finished")]
    if not finished:
        return {"finished": False, "runs": len(runs), **runs[-1]}
    summary: dict[str, Any] = {**finished[0], "runs": len(finished)}
    for key, value in finished[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            summary[key] = statistics.median(run[key] for run in finished)
    summary["queries"] = {
        name: _query_median(name, finished) for name in finished[0]["queries"]
    }
    seconds = summary["end_to_end_s"]
    summary["documents_per_s"] = summary["documents"] / seconds
    summary["triples_per_s"] = summary["store_quads"] / seconds
    return summary


def _query_median(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    timings = [run["queries"][name] for run in runs]
    return {
        **timings[0],
        "p50_ms": statistics.median(t["p50_ms"] for t in timings),
        "p95_ms": statistics.median(t["p95_ms"] for t in timings),
    }


def growth_exponent(points: list[tuple[int, float]]) -> float | None:
    """Slope of log(seconds) against log(N): 1.0 is linear growth.

    >>> round(growth_exponent([(100, 1.0), (1000, 10.0), (10000, 100.0)]), 3)
    1.0
    """
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return cov / sum((x - mean_x) ** 2 for x in xs)


def with_turtle(ours: dict[str, Any]) -> float:
    """Our seconds for what the naive pipeline does: end to end, then a Turtle file.

    The naive run ends by writing Turtle, so ours is compared with its export added.

    >>> with_turtle({"end_to_end_s": 8.0, "export_turtle_s": 3.0})
    11.0
    """
    return float(ours["end_to_end_s"] + ours["export_turtle_s"])


def naive_ratio(ours: dict[str, Any], naive: dict[str, Any]) -> str:
    """How many times faster ours is, both ending with a Turtle file (a lower bound
    if naive was stopped)."""
    if not ours.get("finished"):
        return "n/a"
    if naive.get("finished"):
        return f"{naive['end_to_end_s'] / with_turtle(ours):.1f}×"
    return f"> {naive['budget_s'] / with_turtle(ours):.1f}× (naive stopped)"


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _count(run: dict[str, Any], key: str) -> str:
    # A count's median over an even number of runs is a float: shown whole.
    value = run.get(key)
    return "–" if value is None else f"{round(value):,}"


def _stopped(run: dict[str, Any]) -> str:
    last = run.get("last", {})
    return (
        f"did not finish in {run['budget_s']:.0f} s: got as far as "
        f"{last.get('stage', 'start')} ({last.get('done', 0):,} documents, "
        f"{last.get('elapsed_s', 0.0):.0f} s)"
        + (f"; error: {run['error']}" if run.get("error") else "")
    )


def render_markdown(results: dict[str, Any]) -> str:
    """Write the results as Markdown tables, the command and the targets first."""
    lines = [
        "# Benchmark results",
        "",
        f"Command: `{results['command']}`  ",
        f"Run {results['started']} on {results['machine']}; medians of up to "
        f"{results['repeat']} runs; {results['workers']} worker processes; "
        f"per-meeting validation: {results.get('validation', 'pyshacl')}.",
        *_calibration(results),
        "",
        *_targets(results),
        *_pipeline_table(results),
        *_stage_table(results),
        *_query_table(results),
        *_cli_table(results),
        *_naive_table(results),
        *_notes(),
    ]
    return "\n".join(lines) + "\n"


def _calibration(results: dict[str, Any]) -> list[str]:
    checks = results.get("calibration") or []
    if not checks:
        return []
    said = ", ".join(f"{c['ms']:.1f} ms {c['at']}" for c in checks)
    return [
        "",
        f"Machine speed check (`python -m bench.calibrate`, a fixed workload's CPU "
        f"time; lower is faster; scale another run's figures by the ratio): {said}.",
    ]


def _sizes(results: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return sorted((int(n), run) for n, run in results["sizes"].items())


def _at(results: dict[str, Any], size: int) -> dict[str, Any] | None:
    return results["sizes"].get(str(size))


def _mark(ok: bool | None) -> str:
    return {True: "met", False: "**missed**", None: "not measured"}[ok]


def _targets(results: dict[str, Any]) -> list[str]:
    big, mid = _at(results, 10000), _at(results, 1000)
    done_big = big is not None and big.get("finished")
    seconds = big["end_to_end_s"] if done_big else None
    peak = max((_peak_mb(r, "ingest_") for _, r in _sizes(results)), default=None)
    worst_q = max(q["p50_ms"] for q in big["queries"].values()) if done_big else None
    exponent = results.get("exponent")
    naive = results["naive"].get("1000")
    ratio = naive_ratio(mid, naive) if mid and naive else None
    rows = [
        (
            "parse+map+validate+load, 10,000",
            "≤ 60 s",
            _fmt(seconds),
            None if seconds is None else seconds <= TARGET_SECONDS_10K,
        ),
        (
            "growth exponent (log-log slope)",
            "≤ 1.1",
            _fmt(exponent, 2),
            None if exponent is None else exponent <= TARGET_EXPONENT,
        ),
        (
            "peak memory of parse+map+validate+load",
            "≤ 4,096 MB",
            _fmt(peak, 0),
            None if peak is None else peak <= TARGET_PEAK_MB,
        ),
        (
            "slowest query p50, 10,000",
            "≤ 50 ms",
            _fmt(worst_q),
            None if worst_q is None else worst_q <= TARGET_QUERY_MS,
        ),
        ("faster than naive, 1,000", "≥ 20×", ratio or "–", _ratio_ok(mid, naive)),
        *_score_target(results.get("score")),
    ]
    return [
        "## Targets (issue 7)",
        "",
        "| target | goal | measured | |",
        "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {_mark(d)} |" for a, b, c, d in rows),
        "",
    ]


def _ratio_ok(ours: dict[str, Any] | None, naive: dict[str, Any] | None) -> bool | None:
    if not ours or not naive or not ours.get("finished"):
        return None
    slowest = naive["end_to_end_s"] if naive.get("finished") else naive["budget_s"]
    if slowest / with_turtle(ours) >= TARGET_NAIVE_RATIO:
        return True
    return False if naive.get("finished") else None


def _score_target(score: dict[str, Any] | None) -> list[tuple[str, str, str, Any]]:
    if not score:
        return [("every field F1, generated corpus", "≥ 0.98", "–", None)]
    worst = min(score["fields"].items(), key=lambda kv: kv[1]["f1"])
    text = f"lowest {worst[1]['f1']:.3f} ({worst[0]})"
    return [
        (
            "every field F1, generated corpus",
            "≥ 0.98",
            text,
            worst[1]["f1"] >= TARGET_F1,
        )
    ]


def _peak_mb(run: dict[str, Any], stage: str = "") -> float:
    """The coordinator's peak plus each pool worker's: an upper bound of their sum.

    `stage` "ingest_" gives the peak up to the end of ingest (before the whole-store
    check, queries and exports); "" the whole run's.
    """
    own, worker = _peak_keys(run, stage)
    return run.get(own, 0.0) + run.get("workers", 1) * run.get(worker, 0.0)


def _peak_keys(run: dict[str, Any], stage: str) -> tuple[str, str]:
    # Runs recorded before the ingest peak was kept give the whole run's.
    prefix = stage if f"{stage}peak_rss_mb" in run else ""
    return f"{prefix}peak_rss_mb", f"{prefix}peak_worker_rss_mb"


def _peaks(run: dict[str, Any]) -> str:
    """Show the peaks as "ingest / whole run", each coordinator + workers × worker."""
    shown = []
    for stage in ("ingest_", ""):
        own, worker = _peak_keys(run, stage)
        shown.append(
            f"{_fmt(run[own], 0)} + {int(run['workers'])} × {_fmt(run[worker], 0)}"
        )
    return " / ".join(shown)


def _pipeline_table(results: dict[str, Any]) -> list[str]:
    lines = [
        "## Our pipeline (wall-clock seconds, medians)",
        "",
        "| N | triples (store) | read+parse+map+validate+load (pool) "
        "| of which reading | of which loading | finish "
        "| **end to end** | docs/s | triples/s | Turtle | N-Triples "
        "| peak RSS MB, ingest / whole run (coordinator + workers) |",
        "| " + " | ".join(["---"] * 12) + " |",
    ]
    for n, run in _sizes(results):
        if not run.get("finished"):
            lines.append(f"| {n:,} | {_stopped(run)} |" + " |" * 10)
            continue
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{n:,}",
                    _fmt(int(run["store_quads"])),
                    _fmt(run["ingest_validate_s"], 2),
                    _fmt(run["read_s"], 2),
                    _fmt(run["load_s"], 2),
                    _fmt(run["finish_s"], 2),
                    f"**{_fmt(run['end_to_end_s'], 2)}**",
                    _fmt(run["documents_per_s"]),
                    _fmt(run["triples_per_s"], 0),
                    _fmt(run["export_turtle_s"], 2),
                    _fmt(run["export_ntriples_s"], 2),
                    _peaks(run),
                ]
            )
            + " |"
        )
    return [*lines, ""]


def _stage_table(results: dict[str, Any]) -> list[str]:
    stages = ("parse", "map", "validate", "serialise")
    lines = [
        "## Where the worker time goes (CPU seconds summed over documents, medians)",
        "",
        "| N | " + " | ".join(stages) + " | validate share "
        "| ms a document | coordinator CPU in the pool | cores busy "
        "| whole store, SPARQL engine (`kg validate`): s (checks, results) |",
        "| --- | "
        + " | ".join(["---"] * len(stages))
        + " | --- | --- | --- | --- | --- |",
    ]
    for n, run in _sizes(results):
        if not run.get("finished"):
            continue
        cpu = [run[f"cpu_{stage}_s"] for stage in stages]
        share = cpu[2] / sum(cpu)
        cells = " | ".join(_fmt(c, 1) for c in cpu)
        sparql = (
            f"{_fmt(run.get('sparql_validate_s'), 2)} ({_count(run, 'sparql_checks')}, "
            f"{_count(run, 'sparql_violations')})"
        )
        lines.append(
            f"| {n:,} | {cells} | {share:.0%} | {_per_document(run, sum(cpu))} "
            f"| {_fmt(run.get('coordinator_cpu_s'), 1)} | {_busy(run, sum(cpu))} "
            f"| {sparql} |"
        )
    return [*lines, ""]


def _per_document(run: dict[str, Any], cpu: float) -> str:
    documents = run.get("documents")
    return _fmt(1000 * cpu / documents, 2) if documents else "–"


def _busy(run: dict[str, Any], cpu: float) -> str:
    """Cores kept busy in the pool: documents' and coordinator's CPU by its wall."""
    coordinator, wall = run.get("coordinator_cpu_s"), run.get("ingest_validate_s")
    if coordinator is None or not wall:
        return "–"
    return _fmt((cpu + coordinator) / wall, 2)


def _query_table(results: dict[str, Any]) -> list[str]:
    sizes = [(n, r) for n, r in _sizes(results) if r.get("finished")]
    if not sizes:
        return []
    head = " | ".join(f"{n:,}: p50 / p95 ms (rows)" for n, _ in sizes)
    lines = [
        "## Saved queries on the embedded store (medians of each run's p50 and p95)",
        "",
        f"| query | parameters | {head} |",
        "| --- | --- | " + " | ".join(["---"] * len(sizes)) + " |",
    ]
    for name, first in sizes[-1][1]["queries"].items():
        params = ", ".join(f"{k}={v}" for k, v in first["params"].items()) or "–"
        cells = []
        for _, run in sizes:
            q = run["queries"][name]
            cells.append(f"{_fmt(q['p50_ms'])} / {_fmt(q['p95_ms'])} ({q['rows']:,})")
        lines.append(f"| {name} | {params} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _cli_table(results: dict[str, Any]) -> list[str]:
    if not results.get("cli"):
        return []
    lines = [
        "## The command line, `kg ingest DOCS --out graph.ttl` (one run a size)",
        "",
        "What a user runs: the same stages, then the Turtle file, with the command's "
        "own start-up (Python, imports, the pool).",
        "",
        "| N | seconds | docs/s | Turtle MB | ours end to end + Turtle s (above) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for n_text, cli in sorted(results["cli"].items(), key=lambda kv: int(kv[0])):
        ours = results["sizes"].get(n_text, {})
        staged = _fmt(with_turtle(ours), 2) if ours.get("finished") else "–"
        if not cli.get("finished"):
            why = cli.get("error") or f"over {cli.get('budget_s')} s"
            lines.append(f"| {int(n_text):,} | not finished: {why} | | | {staged} |")
            continue
        lines.append(
            f"| {int(n_text):,} | {_fmt(cli['seconds'], 2)} "
            f"| {_fmt(int(n_text) / cli['seconds'])} | {_fmt(cli['turtle_mb'])} "
            f"| {staged} |"
        )
    return [*lines, ""]


def _naive_table(results: dict[str, Any]) -> list[str]:
    lines = [
        "## Naive baseline (rdflib graph, one pySHACL run, rdflib Turtle), same run",
        "",
        "| N | ingest s | validate s | Turtle s | end to end s | peak RSS MB "
        "| ours end to end + Turtle s | ours faster by |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n_text, naive in sorted(results["naive"].items(), key=lambda kv: int(kv[0])):
        ours = results["sizes"].get(n_text, {})
        mine = _fmt(with_turtle(ours), 2) if ours.get("finished") else "–"
        ratio = naive_ratio(ours, naive)
        if not naive.get("finished"):
            lines.append(
                f"| {int(n_text):,} | {_stopped(naive)} | | | | "
                f"{_fmt(naive.get('peak_rss_mb'), 0)} | {mine} | {ratio} |"
            )
            continue
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{int(n_text):,}",
                    _fmt(naive["ingest_s"], 2),
                    _fmt(naive["validate_s"], 2),
                    _fmt(naive["turtle_s"], 2),
                    _fmt(naive["end_to_end_s"], 2),
                    _fmt(naive["peak_rss_mb"], 0),
                    mine,
                    ratio,
                ]
            )
            + " |"
        )
    return [*lines, ""]


def render_score(score: dict[str, Any]) -> list[str]:
    """The shared scorer's per-field precision, recall and F1, and its worst misses."""
    lines = [
        f"## Extraction quality on {score['meetings']} generated meetings",
        "",
        f"Command: `{score['command']}`",
        "",
        "| field | P | R | F1 | gold | found |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, f in score["fields"].items():
        flag = "" if f["f1"] >= TARGET_F1 else " **< 0.98**"
        lines.append(
            f"| {name} | {f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f}{flag} "
            f"| {f['gold']} | {f['found']} |"
        )
    lines += ["", "Worst misses (from the scorer's output):", "", "```"]
    return [*lines, *score["misses"], "```", ""]


def _notes() -> list[str]:
    return [
        "## How it is measured",
        "",
        "- *end to end* = read+parse+map+validate+load (process pool over "
        "documents; as `kg ingest` does, the coordinator reads each document as the "
        "pool takes it and loads each meeting as it arrives, one transaction each; "
        "*of which reading* and *of which loading* are its seconds for those) + finish "
        "(`kg.pipeline.finish_store`: reference graph, provenance, people "
        "resolution); queries and exports are timed after it.",
        "- Worker stage times are each document's CPU seconds in its worker "
        "(`time.process_time`); *coordinator CPU in the pool* is the coordinator's "
        "(reading, loading, the pool's threads); *cores busy* is the two together "
        "over the pool's wall-clock time (2.00: both cores busy throughout).",
        "- Peak memory is `resource.getrusage` `ru_maxrss` (not tracemalloc): the "
        "coordinator's own and the largest pool worker's (`RUSAGE_CHILDREN`); the "
        "target compares their sum (coordinator + workers × largest worker), an "
        "upper bound, taken when ingest ends (the store loaded and finished); the "
        "whole run's peak adds the whole-store check, the queries and the exports "
        "(not the `sort` process that orders the exported statements).",
        "- Triples/s counts the store's quads after finishing (meetings, reference, "
        "provenance, resolution).",
        "- *faster than naive* compares like with like: the naive pipeline ends by "
        "writing Turtle, so our end to end plus our Turtle export (`kg export`: "
        "sorted, deduplicated, prefixed) against its end to end.",
        "- A run over its time budget is stopped and reported with the last stage it "
        "reached; the ratio against a stopped naive run is then a lower bound.",
        "",
    ]

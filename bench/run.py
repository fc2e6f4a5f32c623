"""Benchmark runner: corpus sizes in, `bench/results/latest.{json,md}` out.

    .venv/bin/python -m bench.run                  # N = 100, 1,000, 10,000
    .venv/bin/python -m bench.run --quick          # N = 100, one run (CI smoke test)

For each size N it takes the first N meetings of a generated corpus (`bench.corpus`,
written once to `--corpus` and reused), runs the project's pipeline (`bench.embedded`)
`--repeat` times and the naive baseline (`bench.naive`) once, each in its own process
under a time budget (a run over budget is stopped and reported with the stage it
reached), and writes medians, the growth exponent of time against N, the ratio to the
naive pipeline and, with `--score M`, the shared scorer's per-field F1 on M meetings.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import re
import resource
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.calibrate import calibrate  # noqa: E402
from bench.corpus import write_corpus  # noqa: E402
from bench.embedded import peak_mb, run_embedded  # noqa: E402
from bench.naive import run_naive  # noqa: E402
from bench.report import growth_exponent, render_markdown, render_score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
KG_COMMAND = ROOT / ".venv" / "bin" / "kg"
Target = Callable[..., dict[str, Any]]


def ensure_corpus(folder: Path, meetings: int, *, seed: int) -> list[Path]:
    """The first `meetings` documents of the corpus in `folder`, written if missing."""
    docs = folder / "docs"
    have = sorted(docs.glob("*.txt")) if docs.is_dir() else []
    if len(have) < meetings:
        write_corpus(folder, meetings - len(have), seed=seed, start=len(have))
        have = sorted(docs.glob("*.txt"))
    return have[:meetings]


def _child(
    target: Target, paths: list[Path], send: Any, options: dict[str, Any]
) -> None:
    # SIGTERM from the supervisor unwinds, so a `with Pool` stops its own workers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    start = time.monotonic()

    def progress(stage: str, done: int) -> None:
        send.send(
            (
                "progress",
                {
                    "stage": stage,
                    "done": done,
                    "elapsed_s": time.monotonic() - start,
                    "peak_rss_mb": peak_mb(resource.RUSAGE_SELF),
                },
            )
        )

    try:
        result = target(paths, progress=progress, **options)
    except Exception as error:  # reported by the supervisor as an unfinished run
        send.send(("error", f"{type(error).__name__}: {error}"))
        return
    result["peak_rss_mb"] = peak_mb(resource.RUSAGE_SELF)
    result.setdefault("peak_worker_rss_mb", peak_mb(resource.RUSAGE_CHILDREN))
    send.send(("result", result))


def supervise(
    target: Target, paths: list[Path], *, budget: float, **options: Any
) -> dict[str, Any]:
    """Run `target(paths, …)` in a child process; stop it after `budget` seconds."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(target, paths, send, options))
    child.start()
    send.close()
    deadline = time.monotonic() + budget
    stopped: dict[str, Any] = {"finished": False, "budget_s": budget, "last": {}}
    while (left := deadline - time.monotonic()) > 0:
        if not receive.poll(min(left, 1.0)):
            continue
        try:
            kind, payload = receive.recv()
        except EOFError:
            stopped["error"] = f"process ended (exit code {child.exitcode})"
            break
        if kind == "progress":
            stopped["last"] = payload
        elif kind == "error":
            stopped["error"] = payload
            break
        else:
            child.join()
            return {"finished": True, "budget_s": budget, **payload}
    if child.is_alive():
        child.terminate()
    child.join()
    stopped["peak_rss_mb"] = stopped["last"].get("peak_rss_mb")
    return stopped


def bench_size(paths: list[Path], args: argparse.Namespace) -> dict[str, Any]:
    """Our pipeline `--repeat` times on `paths`: medians (see `bench.report`)."""
    from bench.report import summarise

    runs: list[dict[str, Any]] = []
    started = time.monotonic()
    for number in range(args.repeat):
        run = supervise(
            run_embedded,
            paths,
            budget=args.budget,
            workers=args.workers,
            query_runs=args.query_runs,
            validation=args.validation,
        )
        run["workers"] = args.workers
        runs.append(run)
        _say(f"  N={len(paths):,} run {number + 1}: {_brief(run)}")
        # Another run would take about the average so far: stop if that overshoots.
        projected = (time.monotonic() - started) * (number + 2) / (number + 1)
        if not run["finished"] or projected > args.repeat_within:
            break
    return summarise(runs)


def run_command(paths: list[Path], *, workers: int, budget: float) -> dict[str, Any]:
    """Time the command a user runs, `kg ingest PATHS --out graph.ttl`, once.

    It reads, builds, loads and finishes as the stages above are timed, then writes
    the Turtle file; its own start-up (Python, imports, the pool) is included.
    """
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        out = Path(folder) / "graph.ttl"
        command = [
            str(KG_COMMAND),
            "ingest",
            "--jobs",
            str(workers),
            "--out",
            str(out),
            *map(str, paths),
        ]
        start = time.monotonic()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=budget, check=False
            )
        except subprocess.TimeoutExpired:
            return {"finished": False, "budget_s": budget}
        seconds = time.monotonic() - start
        if done.returncode != 0 or not out.is_file():
            lines = done.stderr.strip().splitlines() or [f"exit {done.returncode}"]
            return {"finished": False, "error": lines[-1]}
        return {
            "finished": True,
            "seconds": seconds,
            "turtle_mb": out.stat().st_size / 1e6,
        }


def _brief(run: dict[str, Any]) -> str:
    if run["finished"]:
        return f"{run['end_to_end_s']:.2f} s end to end"
    return f"stopped: {run.get('error') or run['last']}"


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_score(meetings: int, args: argparse.Namespace) -> dict[str, Any]:
    """Score extraction on the first `meetings` generated meetings (shared scorer)."""
    folder = args.corpus.parent / f"score-{meetings}-seed{args.seed}"
    ensure_corpus(folder, meetings, seed=args.seed)
    scores = folder / "scores.json"
    command = [
        sys.executable,
        str(SCORER),
        "--docs",
        str(folder / "docs"),
        "--gold",
        str(folder / "gold"),
        "--kg",
        str(KG_COMMAND),
        "--show",
        "10",
        "--json",
        str(scores),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if not scores.is_file():
        raise RuntimeError(f"score.py failed: {done.stderr.strip()[-500:]}")
    fields = {
        name: {
            "p": v["precision"],
            "r": v["recall"],
            "f1": v["f1"],
            "gold": v["gold"],
            "found": v["found"],
        }
        for name, v in json.loads(scores.read_text()).items()
    }
    shown = " ".join(shlex.quote(_relative(part)) for part in command)
    return {
        "meetings": meetings,
        "command": shown,
        "fields": fields,
        "misses": _worst_misses(done.stdout, fields),
    }


def _relative(part: str) -> str:
    return part.replace(str(ROOT) + "/", "").replace(sys.executable, ".venv/bin/python")


# `  missed  00002_c8aeb7b4759fe481: Ackroyd` in the scorer's output
_MISS = re.compile(r"^  (missed|extra)\s")


def _worst_misses(output: str, fields: dict[str, Any]) -> list[str]:
    """The scorer's missed and extra lines for the fields below F1 = 1, worst first."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in output.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            current = line[:-1]
        elif _MISS.match(line) and current:
            sections.setdefault(current, []).append(f"{current}: {line.strip()}")
    ordered = sorted(sections, key=lambda name: fields.get(name, {}).get("f1", 1.0))
    return [line for name in ordered for line in sections[name]]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="corpus sizes N")
    ap.add_argument("--quick", action="store_true", help="N=100, one run (CI)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size (median)")
    ap.add_argument(
        "--repeat-within",
        type=float,
        default=1200.0,
        help="stop repeating a size once its runs would pass this (s)",
    )
    ap.add_argument("--budget", type=float, default=1800.0, help="seconds per run")
    ap.add_argument(
        "--naive-budget",
        type=float,
        default=600.0,
        help="seconds before the naive pipeline is stopped",
    )
    ap.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    ap.add_argument(
        "--no-command",
        action="store_true",
        help="skip timing the command line (`kg ingest --out`)",
    )
    ap.add_argument("--workers", type=int, default=2, help="pool processes")
    ap.add_argument(
        "--validation",
        choices=("sparql", "pyshacl"),
        default="sparql",
        help="SHACL engine checking each meeting in the workers",
    )
    ap.add_argument("--query-runs", type=int, default=20, help="runs per query")
    ap.add_argument(
        "--score",
        type=int,
        default=0,
        metavar="M",
        help="also score extraction on M generated meetings",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--corpus",
        type=Path,
        default=ROOT / "bench/out/corpus",
        help="corpus folder (written once, reused)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where latest.json and latest.md go (default bench/results; "
        "bench/out/quick with --quick, so CI never overwrites the figures)",
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = "100", 1
    if args.out is None:
        args.out = ROOT / ("bench/out/quick" if args.quick else "bench/results")
    args.corpus = args.corpus.parent / f"{args.corpus.name}-seed{args.seed}"
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the JSON and Markdown results."""
    args = parse_args(argv)
    sizes = sorted({int(n.replace("_", "")) for n in args.sizes.split(",") if n})
    results: dict[str, Any] = {
        "command": " ".join(["python -m bench.run", *(argv or sys.argv[1:])]),
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {_cores()} cores, Python "
        f"{platform.python_version()}",
        "repeat": args.repeat,
        "workers": args.workers,
        "validation": args.validation,
        "sizes": {},
        "naive": {},
        "cli": {},
        "calibration": [],
    }
    paths = ensure_corpus(args.corpus, max(sizes, default=0), seed=args.seed)
    _calibrate(results, "start")
    for size in sizes:
        _say(f"N={size:,}")
        results["sizes"][str(size)] = bench_size(paths[:size], args)
        if not args.no_command:
            cli = run_command(paths[:size], workers=args.workers, budget=args.budget)
            _say(f"  N={size:,} kg ingest --out graph.ttl: {cli}")
            results["cli"][str(size)] = cli
        if not args.no_naive:
            naive = supervise(run_naive, paths[:size], budget=args.naive_budget)
            _say(f"  N={size:,} naive: {_brief(naive)}")
            results["naive"][str(size)] = naive
        _calibrate(results, f"after N={size:,}")
        # Written after every size, so a long run shows what it has so far.
        write_results(results, args.out)
    if args.score:
        _say(f"scoring {args.score} meetings")
        results["score"] = run_score(args.score, args)
        write_results(results, args.out)
    return 0


def _calibrate(results: dict[str, Any], at: str) -> None:
    # The machine's speed swings within a run too: measured between the sizes.
    milliseconds = calibrate()
    results["calibration"].append({"at": at, "ms": milliseconds})
    _say(f"  speed check ({at}): {milliseconds:.1f} ms")


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))


def write_results(results: dict[str, Any], folder: Path) -> None:
    """Write `latest.json` and `latest.md` (the score section when there is one)."""
    points = [
        (int(n), r["end_to_end_s"])
        for n, r in results["sizes"].items()
        if r.get("finished")
    ]
    results["exponent"] = growth_exponent(points)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    markdown = render_markdown(results)
    if results.get("score"):
        markdown += "\n" + "\n".join(render_score(results["score"]))
    (folder / "latest.md").write_text(markdown)
    _say(f"wrote {folder / 'latest.md'}")


if __name__ == "__main__":
    sys.exit(main())

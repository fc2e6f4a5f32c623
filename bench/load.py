"""Load benchmark: many `kg` processes on one store folder, answers checked and timed.

    .venv/bin/python -m bench.load                     # 20 readers; 10 during an ingest
    .venv/bin/python -m bench.load --readers 5 --during 3 --meetings 12   # quick
    make load

1. `kg ingest seeds --store DIR`, then `--readers` concurrent `kg query NAME --data DIR`
   processes (cycling through a few saved queries), each answer compared with the
   answer of a lone run;
2. an ingest of `--meetings` generated minutes into the same folder while `--during`
   reader slots run `kg query meetings --data DIR` back to back until it ends: each
   answer must hold at least the rows from before and no row the final store lacks;
3. a second writer while the first holds the lock: one line on stderr, exit 1.

Every process must exit 0 with nothing on stderr (no lock error reaches the user).
Writes `bench/results/load.json` and prints a Markdown summary.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/load.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = (
    ("meetings",),
    ("participants",),
    ("pccs-discussing", "--param", "topic=cyber-crime"),
    ("agenda-items",),
)


@dataclass
class Phase:
    """One phase's outcome: processes run, failures, wrong answers, seconds."""

    name: str
    processes: int = 0
    failed: int = 0
    wrong: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def row(self) -> str:
        """One Markdown table row."""
        lat = self.latencies or [0.0]
        return (
            f"| {self.name} | {self.processes} | {self.failed} | {self.wrong} | "
            f"{self.seconds:.1f} | {statistics.median(lat):.2f} | {max(lat):.2f} |"
        )


def kg_command(*args: str) -> list[str]:
    """The `kg` console script beside this Python."""
    script = Path(sys.executable).parent / "kg"
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-c", "from kg.cli import main; main()", *args]


def start(*args: str) -> tuple[subprocess.Popen[str], float]:
    """Start `kg ARGS`; the process and its start time."""
    process = subprocess.Popen(
        kg_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return process, time.monotonic()


def finish(process: subprocess.Popen[str], began: float) -> tuple[int, str, str, float]:
    """Wait for a process: exit status, stdout, stderr, seconds it took."""
    out, err = process.communicate(timeout=600)
    return process.returncode, out, err, time.monotonic() - began


def query_args(store: Path, query: tuple[str, ...]) -> tuple[str, ...]:
    """`kg query` arguments for one saved query on `store`, as CSV."""
    return ("query", query[0], *query[1:], "--data", str(store), "--format", "csv")


def check(phase: Phase, outcome: tuple[int, str, str, float], good: bool) -> None:
    """Count one reader's outcome into `phase`."""
    status, _, err, seconds = outcome
    phase.processes += 1
    phase.latencies.append(seconds)
    if status != 0 or err:
        phase.failed += 1
        phase.errors.append(err.strip().splitlines()[-1] if err.strip() else "exit")
    elif not good:
        phase.wrong += 1


def concurrent_queries(store: Path, readers: int) -> Phase:
    """Phase 1: `readers` queries at once, each against a lone run's answer."""
    expected = {q: finish(*start(*query_args(store, q)))[1] for q in QUERIES}
    phase = Phase(f"{readers} concurrent queries")
    began = time.monotonic()
    chosen = [QUERIES[n % len(QUERIES)] for n in range(readers)]
    running = [(query, start(*query_args(store, query))) for query in chosen]
    for query, (process, started) in running:
        outcome = finish(process, started)
        check(phase, outcome, outcome[1] == expected[query])
    phase.seconds = time.monotonic() - began
    return phase


def rows(csv_text: str) -> set[str]:
    """The data rows of a CSV answer."""
    return set(csv_text.splitlines()[1:])


def readers_during_ingest(store: Path, docs: Path, readers: int) -> Phase:
    """Phase 2: `readers` reader slots kept busy while an ingest writes the store."""
    meetings = query_args(store, QUERIES[0])
    before = rows(finish(*start(*meetings))[1])
    phase = Phase(f"{readers} readers during an ingest")
    began = time.monotonic()
    writer = start("ingest", str(docs), "--store", str(store), "--no-validate")
    slots = [start(*meetings) for _ in range(readers)]
    outcomes = []
    while slots:
        process, started = slots.pop(0)
        outcomes.append(finish(process, started))
        if writer[0].poll() is None:
            slots.append(start(*meetings))
    status, _, err, _ = finish(*writer)
    phase.seconds = time.monotonic() - began
    if status != 0:
        phase.errors.append(f"the ingest failed: {err.strip()[-200:]}")
    after = rows(finish(*start(*meetings))[1])
    for outcome in outcomes:
        check(phase, outcome, before <= rows(outcome[1]) <= after)
    if len(after) <= len(before):
        phase.errors.append("the ingest added no meeting")
    return phase


def second_writer(store: Path, docs: Path) -> Phase:
    """Phase 3: a writer while another holds the lock gets one line and exit 1."""
    phase = Phase("second writer (must fail in one line)")
    began = time.monotonic()
    first = start("ingest", str(docs), "--store", str(store), "--no-validate")
    time.sleep(1.0)  # past opening the store: the first writer holds the lock
    second = start("ingest", str(SEEDS), "--store", str(store))
    status, _, err, seconds = finish(*second)
    finish(*first)
    phase.seconds = time.monotonic() - began
    phase.processes, phase.latencies = 1, [seconds]
    lines = err.strip().splitlines()
    if status != 1 or len(lines) != 1 or "another process" not in lines[0]:
        phase.wrong = 1
        phase.errors.append(err.strip()[-200:] or f"exit {status}")
    return phase


def run(readers: int, during: int, meetings: int, work: Path) -> list[Phase]:
    """Run the three phases in `work`; their outcomes."""
    store = work / "store"
    made = finish(*start("ingest", str(SEEDS), "--store", str(store), "--no-validate"))
    if made[0] != 0:
        raise SystemExit(f"kg ingest seeds failed: {made[2].strip()}")
    write_corpus(work / "corpus", meetings)
    write_corpus(work / "more", meetings, start=meetings)
    return [
        concurrent_queries(store, readers),
        readers_during_ingest(store, work / "corpus" / "docs", during),
        second_writer(store, work / "more" / "docs"),
    ]


def render(phases: list[Phase]) -> str:
    """The Markdown summary of the phases."""
    lines = [
        "| phase | processes | failed | wrong answers | wall s | median s | max s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [phase.row() for phase in phases]
    lines += [f"- {p.name}: {e}" for p in phases for e in p.errors[:3]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the load benchmark; exit 1 if any process failed or answered wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--during", type=int, default=10)
    parser.add_argument("--meetings", type=int, default=60)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/load.json")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-load-"))
    try:
        phases = run(args.readers, args.during, args.meetings, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = render(phases)
    print(summary)
    settings = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
    record = {
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "args": settings,
        "phases": [asdict(p) for p in phases],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    bad = any(p.failed or p.wrong or p.errors for p in phases)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

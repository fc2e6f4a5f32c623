"""Synthetic minutes corpus with gold: `python bench/corpus.py --meetings N --out DIR`.

Writes `DIR/docs/<nnnnn>_<hash>.txt` (minutes text in one of the four layouts the
parsers know) and `DIR/gold/<same stem>.json` (GOLD.md format), so that `score.py --docs
DIR/docs --gold DIR/gold` can score extraction at any scale. Meeting `i` of seed `s`
depends only on `(s, i)`: the same command always writes the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/corpus.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth.gold import build_gold  # noqa: E402
from bench.synth.model import Item, Meeting  # noqa: E402
from bench.synth.plan import plan_meeting  # noqa: E402
from bench.synth.render_minutes import render_agenda, render_numbered  # noqa: E402
from bench.synth.render_moderngov import render_item_page, render_table  # noqa: E402
from bench.synth.write import Entry  # noqa: E402

Renderer = Callable[[random.Random, Meeting], tuple[str, list[Entry], list[Item]]]
RENDERERS: dict[str, Renderer] = {
    "numbered-minutes": render_numbered,
    "agenda-and-minutes": render_agenda,
    "moderngov-item": render_item_page,
    "moderngov-table": render_table,
}


def generate(index: int, seed: int) -> tuple[str, str, dict[str, Any]]:
    """Meeting `index` of corpus `seed`: (file stem, text, gold).

    >>> stem, text, gold = generate(0, 1)
    >>> gold["doc"] == stem + ".txt"
    True
    >>> all(p["quote"] in text for p in gold["participants"])
    True
    """
    rng = random.Random(f"kg-bench:{seed}:{index}")
    meeting = plan_meeting(rng)
    text, entries, items = RENDERERS[meeting.layout](rng, meeting)
    stem = f"{index:05d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}"
    return stem, text, build_gold(f"{stem}.txt", meeting, text, entries, items)


def write_corpus(
    out: Path, meetings: int, *, seed: int = 1, start: int = 0
) -> list[str]:
    """Write `meetings` documents and gold files under `out`; return their stems."""
    docs, golds = out / "docs", out / "gold"
    docs.mkdir(parents=True, exist_ok=True)
    golds.mkdir(parents=True, exist_ok=True)
    stems = []
    for index in range(start, start + meetings):
        stem, text, gold = generate(index, seed)
        (docs / f"{stem}.txt").write_text(text, encoding="utf-8")
        (golds / f"{stem}.json").write_text(
            json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        stems.append(stem)
    return stems


def main(argv: list[str] | None = None) -> int:
    """Command line: parse options, write the corpus, report the time taken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100, help="documents to write")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--start", type=int, default=0, help="index of the first meeting"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    stems = write_corpus(args.out, args.meetings, seed=args.seed, start=args.start)
    took = time.perf_counter() - began
    print(f"wrote {len(stems)} meetings to {args.out} in {took:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

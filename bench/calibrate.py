"""Machine speed check: a fixed workload's CPU time, so runs can be compared.

This machine's speed swings by about 2× within hours (the same code took 12.1 ms of CPU
a document at 07:15 and 26.9 at 09:05 on one day), so a benchmark figure means little
without the speed of the machine when it was taken. `calibrate` times a workload that
never changes with the project's code: text scanned with regular expressions, split,
lower-cased and counted in dicts, then sorted, the kinds of work parsing minutes does,
on text generated from a fixed seed with the standard library only. The bench runs it
before the first size and after each one; two runs' figures scale by the ratio of their
calibrations (lower is a faster machine).

    .venv/bin/python -m bench.calibrate     # prints the milliseconds
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter

# Words of the genre, so the text has the shape of minutes (capitals, numbers, dates).
_WORDS = (
    "the panel police crime commissioner meeting agenda item minutes resolved noted "
    "chief constable budget precept report members questions apologies present deputy "
    "chair council force area performance update plan decision action officer January "
    "March 2019 2021 10.30am 12 3.4 Mr Mrs Cllr RESOLVED that be agreed approved"
).split()
_PATTERNS = (
    re.compile(r"\b(?:RESOLVED|resolved)\b[^.]*\."),
    re.compile(r"\b\d{1,2}\.\d{2}\s*(?:am|pm)\b"),
    re.compile(r"\b(?:Mr|Mrs|Cllr)\s+[A-Z][a-z]+"),
    re.compile(r"^\s*\d+\.\s+\S.*$", re.MULTILINE),
)
# Times the workload repeats within one measurement: about 0.1 s on a fast machine.
_ROUNDS = 4


def _text(seed: int = 7, lines: int = 4000) -> str:
    rng = random.Random(seed)
    out = []
    for number in range(lines):
        words = rng.choices(_WORDS, k=rng.randint(4, 18))
        prefix = f"{number % 40}. " if number % 9 == 0 else ""
        out.append(prefix + " ".join(words) + ".")
    return "\n".join(out)


def workload(text: str) -> int:
    """Scan, split and count `text` the way parsing does; give a checksum.

    >>> workload("RESOLVED that Mr Smith be thanked.\\n1. Apologies at 10.30am")
    82
    """
    found = 0
    for pattern in _PATTERNS:
        found += sum(len(m.group()) for m in pattern.finditer(text))
    counts: Counter[str] = Counter()
    for line in text.split("\n"):
        counts.update(line.lower().split())
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return found % 1000 + len(ranked)


def calibrate(repeat: int = 5) -> float:
    """Give the workload's CPU milliseconds in this process, the best of `repeat`."""
    text = _text()
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(_ROUNDS):
            workload(text)
        best = min(best, time.process_time() - start)
    return 1000 * best


if __name__ == "__main__":
    print(f"{calibrate():.1f} ms")

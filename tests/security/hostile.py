"""Hostile minutes for the security tests: real-looking text carrying attack strings.

The document goes through the same `kg ingest` as any minutes, so the strings land in
the graph where document text lands (item titles, decision text, evidence quotes).
Each test module wraps `hostile_graph` in its own fixture (a `conftest.py` here would
clash with the other test folders' under `--doctest-modules`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SCRIPT = "<script>alert(1)</script>"
SPARQL = '"} ; DROP ALL #'
ITEM_TITLES = (
    f"Cyber crime {SCRIPT}",
    f"Funding {SPARQL} review",
    'Budget \\ and """ quotes & <b>bold</b> **md** [x](javascript:alert(1))',
    "Estates <img src=x onerror=alert(1)> é 漢字 😀",
)
DECISION = f"RESOLVED: that the panel notes {SPARQL} and </script>{SCRIPT}."
PERSON = "Ann O'Brien"

MINUTES = f"""Avon and Somerset Police and Crime Panel – Minutes

15th March 2017

Present: Councillor Richard Brown (Chair), Councillor {PERSON}

1. Apologies for absence

- Councillor Alert Script

2. {ITEM_TITLES[0]}

Panel members discussed cyber crime and {SCRIPT}.

{DECISION}

3. {ITEM_TITLES[1]}

None.

4. {ITEM_TITLES[2]}

None.

5. {ITEM_TITLES[3]}

None.
"""


def write_minutes(folder: Path) -> Path:
    """Write the hostile minutes as `folder/900_hostile.txt`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "900_hostile.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def hostile_graph(factory: pytest.TempPathFactory) -> Path:
    """`kg ingest seeds hostile/ --out graph.trig`, made once a session."""
    folder = factory.getbasetemp() / "hostile"
    out = folder / "graph.trig"
    if out.is_file():
        return out
    minutes = write_minutes(folder / "minutes")
    args = ["ingest", str(SEEDS), str(minutes), "--out", str(out), "--no-validate"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out

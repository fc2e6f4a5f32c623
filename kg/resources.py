"""Resources: the data files (ontology, shapes, queries) that the stages load by name.

They live at the top of the repository (`ontology/`, `shapes/`, `queries/`) and are
packed into the wheel as `kg/_data/<kind>/`; this module finds them either way.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

KINDS = ("ontology", "shapes", "queries")


def data_dir(kind: str) -> Traversable:
    """Return the folder of data files of `kind` (one of `KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown resource kind {kind!r}")
    packed = resources.files("kg") / "_data" / kind
    if packed.is_dir():
        return packed
    return Path(__file__).resolve().parent.parent / kind


def read_text(kind: str, name: str) -> str:
    """Read the data file `name` of `kind`; FileNotFoundError when there is none."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise FileNotFoundError(f"{kind}/{name}: not a plain file name")
    entry = data_dir(kind) / name
    if not entry.is_file():
        raise FileNotFoundError(f"{kind}/{name}")
    return entry.read_text(encoding="utf-8")


def names(kind: str, suffix: str) -> list[str]:
    """List the sorted file names of `kind` that end with `suffix`."""
    return sorted(e.name for e in data_dir(kind).iterdir() if e.name.endswith(suffix))

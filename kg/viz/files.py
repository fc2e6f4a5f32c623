"""Viz files: write a picture or page so a reader never sees half of it.

Stage: store → pictures. Input is the bytes of a finished file; output is that file,
written to a temporary file beside the target and renamed over it.
"""

from __future__ import annotations

from pathlib import Path


def write_atomic(out: Path, content: bytes) -> None:
    """Write `content` to `out` atomically (the one helper, `kg.export.write_atomic`).

    A failure is a one-line `KgError` naming `out`; the old file stays.
    """
    from kg.export import write_atomic as write_file

    write_file(out, content)

"""Viz files: write a picture or page so a reader never sees half of it.

Stage: store → pictures. Input is the bytes of a finished file; output is that file,
written to a temporary file beside the target and renamed over it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(out: Path, content: bytes) -> None:
    """Write `content` to `out` atomically, with the usual file permissions."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

"""Errors: the one kind of failure the stages raise for bad input, shown as one line.

Any stage (pipeline, store, queries, export) raises `KgError` with a message that names
the file or query at fault; `kg.cli` turns it into a one-line `click.ClickException`.
"""

from __future__ import annotations


class KgError(Exception):
    """Bad input: a file, folder, query or parameter, named in the message.

    >>> str(KgError("minutes/x.txt: empty file"))
    'minutes/x.txt: empty file'
    """

"""Options and error handling shared by `kg.cli` and `kg.endpoint_cli`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a `KgError` into a one-line `click.ClickException`."""
    try:
        yield
    except KgError as error:
        raise click.ClickException(str(error)) from None


def data_option(command: F) -> F:
    """Add the `--data PATH` option every reading command shares."""
    return click.option(
        "--data",
        "data",
        required=True,
        type=click.Path(path_type=Path),
        help="A graph file (.ttl .nt .nq .trig .jsonld) or a store folder.",
    )(command)

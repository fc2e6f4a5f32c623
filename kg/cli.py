"""Command line: arguments in, library calls out; every failure is a one-line error.

One click group, one thin command per job: `kg ingest`, `kg validate`, `kg query`,
`kg queries`, `kg export`. The commands parse options, call `kg.pipeline`, `kg.store`,
`kg.queries`, `kg.results` and `kg.export`, and print; `KgError` becomes a one-line
`click.ClickException` with a non-zero exit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

import kg
from kg import pipeline
from kg.errors import KgError
from kg.export import EXPORT_FORMATS, export_store
from kg.queries import load_query, query_names, run_query
from kg.results import FORMATTERS
from kg.store import GraphStore, OxigraphStore, folder_store, memory_store, open_data

F = TypeVar("F", bound=Callable[..., Any])
# Documents above which ingest shows a progress bar (on a terminal only).
PROGRESS_MIN = 10


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(kg.__version__, "--version", prog_name="kg")
def cli() -> None:
    """Build and query a knowledge graph of police-governance meeting minutes."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Graph file to write.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path),
              help="Persistent store folder to update.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check every meeting against the SHACL shapes.")
def ingest(paths: tuple[Path, ...], out: Path | None, store_dir: Path | None,
           validate: bool) -> None:
    """Read minutes (files or folders) into a graph file and/or a store."""
    if out is None and store_dir is None:
        raise click.UsageError("give --out GRAPH_FILE, --store DIR or both")
    with user_errors():
        documents = pipeline.find_documents(paths)
        if out is not None:
            export_format_check(out)
        store = folder_store(store_dir) if store_dir else memory_store()
        try:
            report = pipeline.ingest(
                _progress(documents), store=store, validate=validate
            )
            for warning in report.warnings:
                click.echo(f"Warning: {warning}", err=True)
            if out is not None and (report.built or report.unchanged):
                export_store(store, out)
        finally:
            store.close()
    click.echo(_summary(report, out=out, store_dir=store_dir), err=True)
    _fail_on(report.errors)


def export_format_check(out: Path) -> None:
    """Refuse an output extension before any work is done."""
    from kg.store import graph_format

    graph_format(out)


def _progress(documents: list[Path]) -> Iterable[Path]:
    if len(documents) < PROGRESS_MIN or not sys.stderr.isatty():
        yield from documents
        return
    with click.progressbar(documents, label="ingesting", file=sys.stderr) as bar:
        yield from bar


def _summary(report: pipeline.IngestReport, *, out: Path | None,
             store_dir: Path | None) -> str:
    parts = [f"{len(report.built)} built", f"{len(report.unchanged)} unchanged",
             f"{len(report.errors)} failed", f"{len(report.warnings)} warnings"]
    targets = [str(p) for p in (out, store_dir) if p is not None]
    return f"ingest: {', '.join(parts)} -> {' and '.join(targets)}"


def _fail_on(errors: list[str]) -> None:
    if len(errors) == 1:
        raise click.ClickException(errors[0])
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    if errors:
        raise click.ClickException(f"{len(errors)} documents failed")


@cli.command(name="validate")
@click.argument("graph", type=click.Path(path_type=Path))
def validate_command(graph: Path) -> None:
    """Check a graph file or store against the SHACL shapes; exit 1 if it fails."""
    from kg.store import to_rdflib
    from kg.validate import validate

    with user_errors():
        store = open_data(graph)
        report = validate(to_rdflib(store.quads()))
    click.echo(report.render())
    if not report.conforms:
        sys.exit(1)


@cli.command()
@click.argument("name")
@data_option
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter (repeatable), e.g. topic=cyber-crime.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table",
              show_default=True)
def query(name: str, data: Path, params: tuple[str, ...], fmt: str) -> None:
    """Run a saved query (NAME, see `kg queries`) or a FILE.rq against a graph."""
    with user_errors():
        loaded = load_query(name)
        values = _read_params(params)
        store = open_data(data)
        try:
            results = run_query(store, loaded, values)
        finally:
            store.close()
    click.echo(FORMATTERS[fmt](results), nl=False)


def _read_params(params: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep or not key.strip():
            raise KgError(f"--param {param!r}: write it as KEY=VALUE")
        values[key.strip()] = value
    return values


@cli.command()
def queries() -> None:
    """List the saved queries with their summaries and parameters."""
    with user_errors():
        for name in query_names():
            loaded = load_query(name)
            params = ", ".join(
                f"{p.name}: {p.type}{' (optional)' if p.optional else ''}"
                for p in loaded.params
            )
            click.echo(f"{name}\n    {loaded.summary}")
            if params:
                click.echo(f"    params: {params}")


@cli.command(name="export")
@data_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help="Output format (default: from the --out extension).")
@click.option("--out", required=True, type=click.Path(path_type=Path))
def export_command(data: Path, fmt: str | None, out: Path) -> None:
    """Write a graph file or store to another graph file."""
    with user_errors():
        store: GraphStore = open_data(data)
        try:
            export_store(store, out, fmt=fmt)
        finally:
            store.close()


def main() -> None:
    """Run the `kg` command."""
    cli()


__all__ = ["OxigraphStore", "cli", "main"]

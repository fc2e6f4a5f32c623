"""Command line: arguments in, library calls out; every failure is a one-line error.

One click group, one thin command per job: `kg ingest`, `kg validate`, `kg query`,
`kg queries`, `kg export`. The commands parse options, call `kg.pipeline`, `kg.store`,
`kg.queries`, `kg.results` and `kg.export`, and print; `KgError` becomes a one-line
`click.ClickException` with a non-zero exit.
"""

from __future__ import annotations

import datetime
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

import kg
from kg import pipeline
from kg.cli_options import data_option, user_errors
from kg.endpoint_cli import COMMANDS as ENDPOINT_COMMANDS
from kg.errors import KgError
from kg.export import EXPORT_FORMATS, export_store
from kg.queries import load_query, query_names, run_page
from kg.results import FORMATTERS, TABLE_PAGE
from kg.store import GraphStore, folder_store, graph_format, memory_store, open_data
from kg.viz.cli import COMMANDS as VIZ_COMMANDS

F = TypeVar("F", bound=Callable[..., Any])
# Documents above which ingest shows a progress bar (on a terminal only).
PROGRESS_MIN = 10


def engine_option(command: F) -> F:
    """Add the `--engine` option of the commands that validate."""
    return click.option(
        "--engine",
        type=click.Choice(pipeline.ENGINES),
        default="sparql",
        show_default=True,
        help="SHACL engine: shapes compiled to SPARQL, or pySHACL (the reference).",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(kg.__version__, "--version", prog_name="kg")
def cli() -> None:
    """Build and query a knowledge graph of police-governance meeting minutes."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Graph file to write.")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    help="Persistent store folder to update.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check every meeting against the SHACL shapes.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001),
    default=pipeline.MAX_SIZE / 1e6,
    show_default=True,
    metavar="MB",
    help="Refuse documents larger than this (real minutes are under 2 MB).",
)
@click.option(
    "--fail-fast",
    is_flag=True,
    help="Stop at the first document that fails, and write no --out.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse and map documents [default: the CPU count].",
)
@engine_option
def ingest(
    paths: tuple[Path, ...],
    out: Path | None,
    store_dir: Path | None,
    validate: bool,
    max_size: float,
    fail_fast: bool,
    jobs: int | None,
    engine: str,
) -> None:
    """Read minutes (files or folders) into a graph file and/or a store."""
    if out is None and store_dir is None:
        raise click.UsageError("give --out GRAPH_FILE, --store DIR or both")
    with user_errors():
        documents = pipeline.find_documents(paths)
        if out is not None:
            graph_format(out)  # refuse an unknown extension before any work
        store = folder_store(store_dir) if store_dir else memory_store()
        try:
            report = pipeline.ingest(
                _progress(documents),
                store=store,
                validate=validate,
                max_size=int(max_size * 1e6),
                fail_fast=fail_fast,
                engine=engine,
                jobs=jobs,
            )
            for warning in report.warnings:
                click.echo(f"Warning: {warning}", err=True)
            stopped = fail_fast and bool(report.errors)
            if out is not None and (report.built or report.unchanged) and not stopped:
                export_store(store, out)
        finally:
            store.close()
    click.echo(_summary(report, out=out, store_dir=store_dir), err=True)
    _fail_on(report.errors)


def _progress(documents: list[Path]) -> Iterable[Path]:
    if len(documents) < PROGRESS_MIN or not sys.stderr.isatty():
        yield from documents
        return
    with click.progressbar(documents, label="ingesting", file=sys.stderr) as bar:
        yield from bar


def _summary(
    report: pipeline.IngestReport, *, out: Path | None, store_dir: Path | None
) -> str:
    parts = [
        f"{len(report.built)} built",
        f"{len(report.unchanged)} unchanged",
        f"{len(report.errors)} failed",
        f"{len(report.warnings)} warnings",
    ]
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
@engine_option
def validate_command(graph: Path, engine: str) -> None:
    """Check a graph file or store against the SHACL shapes; exit 1 if it fails."""
    with user_errors():
        store = open_data(graph)
        try:
            report = pipeline.validate_store(store, engine=engine)
        finally:
            store.close()
    click.echo(report.render())
    if not report.conforms:
        sys.exit(1)


@cli.command()
@click.argument("name")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help="A graph file (.ttl .nt .nq .trig .jsonld) or a store folder.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="A SPARQL 1.1 query URL to ask instead (see docs/endpoints.md).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds to wait for the --endpoint.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter (repeatable), e.g. topic=cyber-crime.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATTERS)),
    default="table",
    show_default=True,
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    help=f"Rows to show at most, 0 for all [default: {TABLE_PAGE:,} for a table, "
    "all for csv and json].",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    help="Rows to skip first (the next page: --offset 1000).",
)
def query(
    name: str,
    data: Path | None,
    endpoint: str | None,
    timeout: float,
    params: tuple[str, ...],
    fmt: str,
    limit: int | None,
    offset: int,
) -> None:
    """Run a saved query (NAME, see `kg queries`) or a FILE.rq against a graph."""
    from kg.remote import open_source

    page = (TABLE_PAGE if fmt == "table" else 0) if limit is None else limit
    with user_errors():
        loaded = load_query(name)
        values = _read_params(params)
        store = open_source(data, endpoint, timeout=timeout)
        try:
            found = run_page(store, loaded, values, limit=page or None, offset=offset)
        finally:
            store.close()
    click.echo(FORMATTERS[fmt](found.results), nl=False)
    if found.more:
        shown = f"{offset + 1:,}-{offset + len(found.results.rows):,}"
        click.echo(
            f"kg: showing rows {shown}; more follow (--offset {offset + page} for "
            "the next page, --limit 0 for all)",
            err=True,
        )


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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default=None,
    help="Output format (default: from the --out extension).",
)
@click.option("--out", required=True, type=click.Path(path_type=Path))
@click.option(
    "--describe",
    "description",
    type=click.Path(path_type=Path),
    help="Also write a DCAT + VoID description (.ttl .nt .jsonld) of the "
    "release: --out and its siblings in the other formats.",
)
@click.option("--publisher", help="Publisher named in the --describe description.")
@click.option(
    "--base-url",
    metavar="URL",
    help="Where the files will be downloadable from (for --describe).",
)
def export_command(
    data: Path,
    fmt: str | None,
    out: Path,
    description: Path | None,
    publisher: str | None,
    base_url: str | None,
) -> None:
    """Write a graph file or store to another graph file."""
    with user_errors():
        store: GraphStore = open_data(data)
        try:
            export_store(store, out, fmt=fmt)
            if description is not None:
                from kg.dataset import release_files, write_description

                today = datetime.datetime.now(datetime.UTC).date()
                write_description(
                    store,
                    description,
                    release_files(out),
                    today=today,
                    publisher=publisher,
                    base_url=base_url,
                )
        finally:
            store.close()


# `kg push`, `kg serve`: the endpoint commands (their logic is in kg.push and kg.serve).
for _endpoint_command in ENDPOINT_COMMANDS:
    cli.add_command(_endpoint_command)


# `kg viz`, `kg plot`, `kg network`: the pictures (their logic is in kg.viz).
for _viz_command in VIZ_COMMANDS:
    cli.add_command(_viz_command)


def main() -> None:
    """Run the `kg` command."""
    exit_on_sigterm()
    cli()


def exit_on_sigterm() -> None:
    """Make SIGTERM unwind as Ctrl-C does, and exit with status 143 (128 + 15).

    Python's default is to die at once: a file being written would leave its
    temporary file behind and an open store would not be closed. `kg serve` sets its
    own handler.
    """
    signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, _frame: object) -> NoReturn:
    raise SystemExit(128 + signum)

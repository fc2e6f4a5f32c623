"""Endpoint commands: `kg push` and `kg serve`, click wrappers on kg.push, kg.serve.

Stage: store → SPARQL endpoint. `kg push` publishes every named graph of `--data` to a
SPARQL 1.1 store; `kg serve` serves `--data` as a local endpoint (the `oxigraph`
package's server). `kg.cli` adds `COMMANDS` to its group.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli_options import data_option, user_errors


@click.command()
@data_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The store's SPARQL query URL, e.g. http://127.0.0.1:7878/query.",
)
@click.option(
    "--graph-store",
    metavar="URL",
    help="Its Graph Store Protocol URL (default: guessed from --endpoint).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    help="Most triples sent in one request.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds to wait for each request.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Retries after a transient failure (backoff 0.5 s, 1 s, 2 s…).",
)
def push(
    data: Path,
    endpoint: str,
    graph_store: str | None,
    batch_size: int,
    timeout: float,
    retries: int,
) -> None:
    """Publish every named graph to a SPARQL store (Graph Store Protocol PUT).

    Credentials come from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or ~/.netrc.
    """
    from kg.push import RetryPolicy, push_data
    from kg.remote import make_endpoint

    with user_errors():
        target = make_endpoint(endpoint, graph_store=graph_store, timeout=timeout)
        policy = RetryPolicy(attempts=retries + 1)
        report = push_data(data, target, batch_size=batch_size, policy=policy)
    click.echo(report.summary(target.store_url), err=True)


@click.command()
@data_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7878,
    show_default=True,
    help="TCP port (0: any free one).",
)
@click.option(
    "--bind",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (127.0.0.1: this machine only).",
)
@click.option(
    "--writable",
    is_flag=True,
    help="Also take SPARQL Update and Graph Store writes (kg push).",
)
def serve(data: Path, port: int, bind: str, writable: bool) -> None:
    """Serve a graph file or store as a local SPARQL endpoint until Ctrl-C."""
    from kg.serve import Server, serve_data

    def ready(server: Server) -> None:
        click.echo(f"SPARQL endpoint: {server.query_url}  (Ctrl-C stops it)")

    with user_errors():
        status = serve_data(
            data, host=bind, port=port, writable=writable, on_ready=ready
        )
    if status:
        raise click.ClickException(f"the oxigraph server stopped (status {status})")


COMMANDS = (push, serve)

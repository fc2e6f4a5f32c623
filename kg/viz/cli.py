"""Viz commands: `kg viz`, `kg plot` and `kg network`, thin click wrappers on `kg.viz`.

Stage: store → pictures. Input is `--data` (a graph file or an Oxigraph store folder) or
`--endpoint` (a SPARQL 1.1 query URL); output is the files written and a one-line
summary (for `kg network`, a table). `kg.cli` adds `COMMANDS` to its group. matplotlib,
Graphviz and networkx load only when their command runs, so `kg` starts fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError
from kg.store import GraphStore

F = TypeVar("F", bound=Callable[..., Any])
PLOT_KINDS = ("heatmap", "meeting", "timeline")  # the keys of `kg.viz.plot.PLOTS`


def source_options(command: F) -> F:
    """Add `--data PATH`, `--endpoint URL` and `--timeout S`, as `kg query` has them."""
    for option in reversed(
        [
            click.option(
                "--data",
                type=click.Path(path_type=Path),
                help="A graph file (.ttl .nt .nq .trig .jsonld) or a store folder.",
            ),
            click.option("--endpoint", metavar="URL", help="A SPARQL 1.1 query URL."),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0.1),
                default=30.0,
                show_default=True,
                help="Seconds to wait for the --endpoint.",
            ),
        ]
    ):
        command = option(command)
    return command


@contextmanager
def opened(
    data: Path | None, endpoint: str | None, timeout: float
) -> Iterator[GraphStore]:
    """Open the graph; turn a `KgError` (or an unreadable input) into one line."""
    from kg.remote import open_source

    try:
        store = open_source(data, endpoint, timeout=timeout)
        try:
            yield store
        finally:
            store.close()
    except KgError as error:
        raise click.ClickException(str(error)) from None
    except (KeyError, ValueError, RuntimeError) as error:
        raise click.ClickException(str(error).strip("'\"")) from None


@click.command("viz")
@source_options
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--force", help="Only meetings of this force (police.uk id or IRI).")
@click.option("--topic", help="Only meetings with an item on this topic (key or IRI).")
@click.option("--since", help="Only meetings on or after this date (YYYY-MM-DD).")
@click.option("--focus", metavar="IRI", help="Only the nodes within two edges of IRI.")
@click.option(
    "--max-nodes", type=click.IntRange(min=10), default=2000, show_default=True
)
def viz_command(
    data: Path | None, endpoint: str | None, timeout: float, out: Path, **filters: Any
) -> None:
    """Write one self-contained, offline HTML page that draws the graph."""
    from kg.viz import html
    from kg.viz.model import Selection

    focus, max_nodes = filters.pop("focus"), filters.pop("max_nodes")
    with opened(data, endpoint, timeout) as store:
        try:
            view = html.page_view(
                store, selection=Selection(**filters), focus=focus, max_nodes=max_nodes
            )
        except KeyError:
            raise KgError(f"--focus {focus}: no such node drawn") from None
        html.write_page(view, out)
    omitted = ", ".join(f"{n} {kind}" for kind, n in view.omitted.items())
    note = f" (not drawn: {omitted})" if omitted else ""
    click.echo(f"{out}: {len(view.nodes)} nodes, {len(view.edges)} edges{note}")


@click.command("plot")
@source_options
@click.option("--kind", type=click.Choice(PLOT_KINDS), required=True)
@click.option("--meeting", help="The meeting to draw (IRI or key), for --kind meeting.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def plot_command(
    data: Path | None,
    endpoint: str | None,
    timeout: float,
    kind: str,
    meeting: str | None,
    out: Path,
) -> None:
    """Write a picture (.svg or .png): topic × force heatmap, timeline or a meeting."""
    from kg.viz.data import read_meetings
    from kg.viz.plot import write_plot

    with opened(data, endpoint, timeout) as store:
        meetings = read_meetings(store)
        try:
            write_plot(meetings, kind, out, meeting=meeting)
        except KeyError as error:
            raise KgError(f"no meeting {error}") from None
    click.echo(f"{out}: {kind} ({len(meetings)} meetings read)")


@click.command("network")
@source_options
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <projection>.graphml and <projection>.gexf here.",
)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
def network_command(
    data: Path | None,
    endpoint: str | None,
    timeout: float,
    out_dir: Path | None,
    top: int,
) -> None:
    """Print network measures of people, forces and bodies; write GraphML and GEXF."""
    from kg.viz import network
    from kg.viz.data import read_meetings

    with opened(data, endpoint, timeout) as store:
        meetings = read_meetings(store)
    graphs = network.projections(meetings)
    click.echo(
        network.format_report(graphs, network.bridges(meetings.values()), top=top)
    )
    if out_dir is not None:
        for path in network.write_networks(graphs, out_dir):
            click.echo(f"wrote {path}")


COMMANDS = (viz_command, plot_command, network_command)

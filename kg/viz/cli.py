"""Viz commands: `kg viz`, `kg plot` and `kg network`, thin click wrappers on `kg.viz`.

Stage: store → pictures. Input is `--data` (a graph file, an Oxigraph store folder or a
SPARQL endpoint URL); output is the files written and a one-line summary (or, for
`kg network`, a table). `kg.cli` registers the three commands on its group.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.viz import data as viz_data
from kg.viz import html, network, plot
from kg.viz.model import Selection

_DATA_HELP = "Graph file, Oxigraph store folder or SPARQL endpoint URL."


def _open(location: str) -> viz_data.Source:
    try:
        return viz_data.open_data(location)
    except (OSError, ValueError, SyntaxError) as error:
        raise click.ClickException(f"cannot open {location}: {error}") from error


@click.command("viz")
@click.option("--data", "location", required=True, help=_DATA_HELP)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--force", help="Only meetings of this force (police.uk id or IRI).")
@click.option("--topic", help="Only meetings with an item on this topic (key or IRI).")
@click.option("--since", help="Only meetings on or after this date (YYYY-MM-DD).")
@click.option("--focus", help="Only the nodes within two edges of this IRI.")
@click.option(
    "--max-nodes", type=click.IntRange(min=10), default=2000, show_default=True
)
def viz_command(
    location: str,
    out: Path,
    force: str | None,
    topic: str | None,
    since: str | None,
    focus: str | None,
    max_nodes: int,
) -> None:
    """Write one self-contained, offline HTML page that draws the graph."""
    selection = Selection(force=force, topic=topic, since=since)
    try:
        view = html.page_view(
            _open(location), selection=selection, focus=focus, max_nodes=max_nodes
        )
    except KeyError as error:
        raise click.ClickException(f"--focus {focus}: no such node drawn") from error
    html.write_page(view, out)
    omitted = ", ".join(f"{n} {kind}" for kind, n in view.omitted.items())
    note = f" (not drawn: {omitted})" if omitted else ""
    click.echo(f"{out}: {len(view.nodes)} nodes, {len(view.edges)} edges{note}")


@click.command("plot")
@click.option("--data", "location", required=True, help=_DATA_HELP)
@click.option("--kind", type=click.Choice(sorted(plot.PLOTS)), required=True)
@click.option("--meeting", help="The meeting to draw (IRI or key), for --kind meeting.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def plot_command(location: str, kind: str, meeting: str | None, out: Path) -> None:
    """Write a static picture (.svg or .png): heatmap, timeline or one meeting."""
    meetings = viz_data.read_meetings(_open(location))
    try:
        plot.write_plot(meetings, kind, out, meeting=meeting)
    except KeyError as error:
        raise click.ClickException(f"no meeting {error}") from error
    except (ValueError, RuntimeError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{out}: {kind} of {len(meetings)} meetings")


@click.command("network")
@click.option("--data", "location", required=True, help=_DATA_HELP)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <projection>.graphml and <projection>.gexf here.",
)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
def network_command(location: str, out_dir: Path | None, top: int) -> None:
    """Print network measures of people, forces and bodies; write GraphML and GEXF."""
    meetings = viz_data.read_meetings(_open(location))
    graphs = network.projections(meetings)
    click.echo(
        network.format_report(graphs, network.bridges(meetings.values()), top=top)
    )
    if out_dir is not None:
        for path in network.write_networks(graphs, out_dir):
            click.echo(f"wrote {path}")


COMMANDS = (viz_command, plot_command, network_command)

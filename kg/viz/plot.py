"""Viz charts: meetings (`kg.viz.data.MeetingInfo`) to static SVG or PNG pictures.

Stage: store → pictures. Input is the meetings read by `kg.viz.data.read_meetings`;
output is the bytes of one picture, in the format named by the output file's suffix:
a topic × force heatmap (agenda items per force and topic), topics over time (items per
year), both drawn with matplotlib, and a Graphviz drawing of one meeting (body, items,
people, topics, decisions), rendered by Debian's `dot`. SVG text stays text (fonttype
"none"), so the labels can be searched and tested.
"""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import graphviz  # type: ignore[import-untyped]
import matplotlib
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg.viz.data import MeetingInfo, key_of
from kg.viz.files import write_atomic

FORMATS = ("svg", "png")
NO_FORCE = "(no force)"
TIMELINE_TOPICS = 8

_STATUS_COLOURS = {"present": "#2e8b57", "apologies": "#c0392b", "absent": "#c0392b"}


def topic_force_counts(
    meetings: Iterable[MeetingInfo],
) -> tuple[list[str], list[str], list[list[int]]]:
    """Count agenda items per topic and force: topics, forces, counts[topic][force]."""
    counts: Counter[tuple[str, str]] = Counter()
    for meeting in meetings:
        force = meeting.force_label or NO_FORCE
        for item in meeting.items.values():
            for label in item.topics.values():
                counts[label, force] += 1
    topics = sorted({t for t, _ in counts})
    forces = sorted({f for _, f in counts})
    return topics, forces, [[counts[t, f] for f in forces] for t in topics]


def heatmap_figure(meetings: Iterable[MeetingInfo]) -> Figure:
    """Draw the topic × force heatmap of agenda items."""
    topics, forces, counts = topic_force_counts(meetings)
    size = (max(6.5, 3.5 + 0.6 * len(forces)), max(3.5, 2 + 0.35 * len(topics)))
    figure = Figure(figsize=size, layout="constrained")
    axes = figure.add_subplot()
    if not topics:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "no topics tagged", ha="center", va="center")
        return figure
    image = axes.imshow(counts, cmap="Blues", aspect="auto")
    axes.set_xticks(range(len(forces)), forces, rotation=40, ha="right")
    axes.set_yticks(range(len(topics)), topics)
    peak = max(max(row) for row in counts)
    for y, row in enumerate(counts):
        for x, value in enumerate(row):
            colour = "white" if value > peak / 2 else "black"
            axes.text(x, y, str(value), ha="center", va="center", color=colour)
    axes.set_title("Agenda items per topic and police force")
    figure.colorbar(image, ax=axes, label="agenda items")
    return figure


def topic_years(meetings: Iterable[MeetingInfo]) -> dict[str, Counter[int]]:
    """Count dated agenda items per topic label and year."""
    years: dict[str, Counter[int]] = {}
    for meeting in meetings:
        if not meeting.date[:4].isdigit():
            continue
        for item in meeting.items.values():
            for label in item.topics.values():
                years.setdefault(label, Counter())[int(meeting.date[:4])] += 1
    return years


def timeline_figure(meetings: Iterable[MeetingInfo]) -> Figure:
    """Draw agenda items per year, stacked by topic (the most discussed, then rest)."""
    years = topic_years(meetings)
    busiest = sorted(years, key=lambda t: (-sum(years[t].values()), t))[
        :TIMELINE_TOPICS
    ]
    figure = Figure(figsize=(8, 4.5), layout="constrained")
    axes = figure.add_subplot()
    seen = {y for t in busiest for y in years[t]}
    span = list(range(min(seen), max(seen) + 1)) if seen else []
    # Stacked bars, so no topic hides behind another; the rest are summed as "other".
    bottom = [0] * len(span)
    series = [(t, [years[t][y] for y in span]) for t in busiest]
    rest = [sum(years[t][y] for t in years if t not in busiest) for y in span]
    colours = [matplotlib.colormaps["tab10"](n) for n in range(10)]
    for index, (topic, counts) in enumerate([*series, ("other topics", rest)]):
        colour = colours[index] if index < len(series) else "#cccccc"
        axes.bar(span, counts, bottom=bottom, label=topic, color=colour)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_xticks(span, [str(y) for y in span])
    axes.set_xlabel("year")
    axes.set_ylabel("agenda items")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(f"Topics over time (the {TIMELINE_TOPICS} most discussed)")
    if busiest:
        handles, labels = axes.get_legend_handles_labels()
        axes.legend(
            handles[::-1],
            labels[::-1],
            fontsize="small",
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
        )
    return figure


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """Render a matplotlib figure as SVG (text kept as text) or PNG, reproducibly."""
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "kg"}):
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, dpi=120, metadata=metadata)
    return buffer.getvalue()


def meeting_graph(meeting: MeetingInfo) -> graphviz.Digraph:
    """Draw one meeting with Graphviz: body, items, topics, people and decisions."""
    dot = graphviz.Digraph("meeting", graph_attr={"rankdir": "LR", "fontsize": "10"})
    dot.attr("node", fontname="Helvetica", fontsize="10", style="filled")
    dot.attr("edge", fontname="Helvetica", fontsize="8", color="#778899")
    meeting_label = _label(meeting.date or "undated", meeting.file_name)
    dot.node("meeting", meeting_label, fillcolor="#b7e1c7")
    body_label = _label(meeting.body_name, meeting.force_label)
    dot.node("body", body_label, shape="box", fillcolor="#dcc6ea")
    dot.edge("body", "meeting", "held")
    items = _draw_items(dot, meeting)
    for n, a in enumerate(meeting.attendances.values()):
        colour = _STATUS_COLOURS.get(a.status, "#e67e22")
        person = f"person{n}"
        dot.node(person, _label(a.name, a.role), shape="ellipse", fillcolor="#fde3c8")
        dot.edge(person, "meeting", _label(a.status), color=colour, fontcolor=colour)
    for n, d in enumerate(meeting.decisions.values()):
        decision = f"decision{n}"
        label = _label(d.kind, textwrap.shorten(d.summary, 160, placeholder=" …"))
        dot.node(
            decision, label, shape="box", style="rounded,filled", fillcolor="#d5dbdb"
        )
        dot.edge(items.get(d.item, "meeting"), decision, "decided")
    return dot


def _draw_items(dot: graphviz.Digraph, meeting: MeetingInfo) -> dict[str, str]:
    items = {iri: f"item{n}" for n, iri in enumerate(meeting.items)}
    topics: dict[str, str] = {}
    for iri, item in meeting.items.items():
        label = _label(f"{item.number} {item.title}".strip())
        dot.node(items[iri], label, shape="note", fillcolor="#fdf6e3")
        dot.edge("meeting", items[iri])
        for topic, topic_label in item.topics.items():
            node = topics.setdefault(topic, f"topic{len(topics)}")
            dot.node(node, _label(topic_label), shape="octagon", fillcolor="#f5b7b1")
            dot.edge(items[iri], node, "topic")
    return items


def graph_bytes(dot: graphviz.Digraph, fmt: str) -> bytes:
    """Render a Graphviz drawing with `dot`; a clear error when it is not installed."""
    try:
        picture: bytes = dot.pipe(format=fmt)
        return picture
    except graphviz.ExecutableNotFound as error:
        raise RuntimeError(
            "Graphviz `dot` not found: apt-get install graphviz"
        ) from error


def pick_meeting(meetings: dict[str, MeetingInfo], wanted: str | None) -> MeetingInfo:
    """Find the meeting named by IRI or key, else the one with most items and people."""
    if wanted:
        for meeting in meetings.values():
            if wanted in (meeting.iri, key_of(meeting.iri)):
                return meeting
        raise KeyError(wanted)
    if not meetings:
        raise KeyError("the graph holds no meeting")
    return max(
        meetings.values(), key=lambda m: (len(m.items) + len(m.attendances), m.iri)
    )


def _label(*parts: str) -> str:
    # Graphviz reads "\" as an escape and "<...>" as an HTML label: make both literal.
    lines = [textwrap.fill(p, 42) for p in parts if p]
    text = "\n".join(lines).replace("\\", "\\\\").replace("\n", "\\n")
    label: str = graphviz.nohtml(text)
    return label


def _heatmap(meetings: dict[str, MeetingInfo], fmt: str, wanted: str | None) -> bytes:
    return figure_bytes(heatmap_figure(meetings.values()), fmt)


def _timeline(meetings: dict[str, MeetingInfo], fmt: str, wanted: str | None) -> bytes:
    return figure_bytes(timeline_figure(meetings.values()), fmt)


def _meeting(meetings: dict[str, MeetingInfo], fmt: str, wanted: str | None) -> bytes:
    return graph_bytes(meeting_graph(pick_meeting(meetings, wanted)), fmt)


PLOTS: dict[str, Callable[[dict[str, MeetingInfo], str, str | None], bytes]] = {
    "heatmap": _heatmap,
    "timeline": _timeline,
    "meeting": _meeting,
}


def write_plot(
    meetings: dict[str, MeetingInfo],
    kind: str,
    out: Path,
    *,
    meeting: str | None = None,
) -> None:
    """Write the picture `kind` (a key of `PLOTS`) to `out`, in its suffix's format."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{out}: write .svg or .png")
    write_atomic(out, PLOTS[kind](meetings, fmt, meeting))

r"""Viz page: a `kg.viz.model.View` to one self-contained, offline HTML file (`kg viz`).

Stage: store → pictures. Input is a `View`; output is the text of an HTML page that
inlines vis-network (the standalone build shipped inside the `pyvis` package, read from
the installed package), the page's own glue script and the graph as JSON in a
`<script type="application/json">` block with `<`, `>` and `&` written as `\\u003c`,
`\\u003e`, `\\u0026`, so no string from a document can close the block; the glue puts
document strings in the DOM with `textContent` only.
"""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from kg.store import GraphStore
from kg.viz.data import key_of, read_meetings
from kg.viz.files import write_atomic
from kg.viz.model import KINDS, Selection, View, build_view, focus_view, select_meetings

VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")

# Above this many nodes the page shortens physics, hides edge labels, drags bare nodes.
PHYSICS_LIMIT = 400

# Evidence quotes shown per node: a topic seen in a thousand meetings has a thousand.
MAX_QUOTES = 25

_MARKER = re.compile(r"__KG_(DATA|VIS_JS|APP_JS)__")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_JSON_ESCAPES.update({"\u2028": "\\u2028", "\u2029": "\\u2029"})
_UNSAFE_JSON = re.compile("[<>&\u2028\u2029]")


def view_to_json(view: View) -> dict[str, Any]:
    """Give the page's data: kinds, nodes, edges, meetings (for filters), omissions."""
    return {
        "kinds": {
            k: {"label": v[0], "shape": v[1], "color": v[2], "glyph": v[3]}
            for k, v in KINDS.items()
        },
        "nodes": _nodes_json(view),
        "edges": [
            {"from": e.source, "to": e.target, "label": e.relation}
            for e in sorted(view.edges, key=lambda e: (e.source, e.target, e.relation))
        ],
        **_filters_json(view),
        "omitted": view.omitted,
        "physicsLimit": PHYSICS_LIMIT,
    }


def _nodes_json(view: View) -> list[dict[str, Any]]:
    return [
        {
            "id": n.id,
            "kind": n.kind,
            "label": n.label,
            "details": [[k, v] for k, v in n.details if v],
            "quotes": [[q.text, q.document] for q in n.quotes[:MAX_QUOTES]],
            "meetings": sorted(n.meetings),
        }
        for n in sorted(view.nodes.values(), key=lambda n: (n.kind, n.id))
    ]


def _filters_json(view: View) -> dict[str, Any]:
    meetings = {
        m.iri: {
            "force": key_of(m.force),
            "topics": sorted(map(key_of, m.topics)),
            "date": m.date,
        }
        for m in view.meetings.values()
    }
    forces = {key_of(m.force): m.force_label for m in view.meetings.values() if m.force}
    topics = {
        key_of(t): label
        for m in view.meetings.values()
        for t, label in m.topics.items()
    }
    return {
        "meetings": meetings,
        "forces": sorted(forces.items()),
        "topics": sorted(topics.items()),
    }


def script_json(value: object) -> str:
    r"""Give JSON that is safe inside a `<script>` element.

    >>> print(script_json({"name": "</script><b>&"}))
    {"name": "\u003c/script\u003e\u003cb\u003e\u0026"}
    """
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE_JSON.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def render_page(view: View) -> str:
    """Render the whole HTML page for `view`."""
    template = _template("graph.html")
    parts = {
        "DATA": script_json(view_to_json(view)),
        "VIS_JS": _inline_script(_vis_js()),
        "APP_JS": _inline_script(_template("graph.js")),
    }
    # One pass, so a marker inside the inserted text is never replaced again.
    return _MARKER.sub(lambda m: parts[m.group(1)], template)


def write_page(view: View, out: Path) -> None:
    """Write the page for `view` to `out` atomically."""
    write_atomic(out, render_page(view).encode("utf-8"))


def _template(name: str) -> str:
    return (resources.files("kg.viz") / "templates" / name).read_text(encoding="utf-8")


def _vis_js() -> str:
    # find_spec locates the package without importing it (pyvis imports IPython).
    package, path = VIS_JS
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        script = Path(folder) / path
        if script.is_file():
            return script.read_text(encoding="utf-8")
    raise RuntimeError(f"vis-network not found in {package}: pip install {package}")


def _inline_script(code: str) -> str:
    # A script element ends at the first "</script" whatever the JavaScript means by it.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def page_view(
    store: GraphStore,
    *,
    selection: Selection | None = None,
    focus: str | None = None,
    max_nodes: int = 2000,
) -> View:
    """Give what `kg viz` draws: the selected meetings, thinned, around `focus`."""
    meetings = select_meetings(read_meetings(store).values(), selection or Selection())
    view = build_view(meetings, max_nodes=max_nodes)
    return focus_view(view, focus) if focus else view

"""JSON-LD export: expanded JSON-LD bytes in, a document with the project's context out.

The published `@context` (`context.jsonld`, written beside every `.jsonld` export) maps
the project's prefixes (`kg:`, `id:`, `dcterms:`, …) to their namespaces. The export
carries the same context inline rather than by URL, because readers without a document
loader (pyoxigraph, offline tools) cannot fetch a remote context; property names and
types are shortened with it (`kg:name`), which any JSON-LD processor expands back to
the same triples.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kg.namespaces import PREFIXES

CONTEXT_FILE = "context.jsonld"
# A local name safe to write after `prefix:` in a compact IRI: `name`, `wasDerivedFrom`.
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def context() -> dict[str, str]:
    """Map each project prefix to its namespace: the `@context` object.

    >>> context()["kg"]
    'https://w3id.org/police-kg/def#'
    """
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def context_document() -> bytes:
    """Serialise `context.jsonld`, the published context."""
    return _dump({"@context": context()})


def compact_iri(iri: str) -> str:
    """Shorten `iri` to `prefix:local` when a project prefix covers it.

    >>> compact_iri("http://purl.org/dc/terms/title"), compact_iri("http://x.org/a")
    ('dcterms:title', 'http://x.org/a')
    """
    for prefix, namespace in PREFIXES.items():
        local = iri[len(str(namespace)) :]
        if iri.startswith(str(namespace)) and _LOCAL.match(local):
            return f"{prefix}:{local}"
    return iri


def _compact_node(node: dict[str, Any]) -> dict[str, Any]:
    compacted: dict[str, Any] = {}
    for key, value in node.items():
        if key == "@type" and isinstance(value, list):
            compacted[key] = [compact_iri(v) for v in value]
        elif key == "@graph" and isinstance(value, list):
            compacted[key] = [_compact_node(v) for v in value]
        elif key.startswith("@"):
            compacted[key] = value
        else:
            compacted[compact_iri(key)] = [_compact_value(v) for v in value]
    return compacted


def _compact_value(value: Any) -> Any:
    typed = isinstance(value, dict) and isinstance(value.get("@type"), str)
    if typed and "@value" in value:
        return {**value, "@type": compact_iri(value["@type"])}
    return value


def with_context(expanded: bytes) -> bytes:
    """Wrap expanded JSON-LD as `{"@context": …, "@graph": […]}`, names shortened.

    >>> doc = b'[{"@id": "urn:x", "http://purl.org/dc/terms/title": [{"@value": "T"}]}]'
    >>> import json; json.loads(with_context(doc))["@graph"]
    [{'@id': 'urn:x', 'dcterms:title': [{'@value': 'T'}]}]
    """
    nodes = json.loads(expanded or b"[]")
    if isinstance(nodes, dict):
        nodes = nodes.get("@graph", [nodes])
    return _dump({"@context": context(), "@graph": [_compact_node(n) for n in nodes]})


def write_context(folder: Path) -> Path:
    """Write `context.jsonld` into `folder` (atomically) and give its path."""
    from kg.export import write_atomic

    path = folder / CONTEXT_FILE
    write_atomic(path, context_document())
    return path


def _dump(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()

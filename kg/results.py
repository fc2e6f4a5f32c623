"""Query results stage: `kg.store.Results` in, text out (table, SPARQL JSON or CSV).

`json` is exactly the W3C SPARQL 1.1 Query Results JSON Format, `csv` the W3C SPARQL 1.1
Query Results CSV Format (plain values, CRLF line ends), `table` aligned columns for a
person, with IRIs shortened by the project's prefixes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.store import Results, Term

# Rows a table shows unless asked for more: a page a person reads, fetched quickly.
TABLE_PAGE = 1000
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# What a terminal acts on instead of showing: C0 and C1 controls (colours, cursor
# moves, bells) and the bidirectional overrides that reorder the text around them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_term(term: Term) -> dict[str, str]:
    """One binding of the SPARQL JSON results format.

    >>> json_term(ox.Literal("3", datatype=ox.NamedNode("http://x/int")))
    {'type': 'literal', 'value': '3', 'datatype': 'http://x/int'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    binding = {"type": "literal", "value": term.value}
    if term.language:
        binding["xml:lang"] = term.language
    elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
        binding["datatype"] = term.datatype.value
    return binding


def format_json(results: Results) -> str:
    """Write the results as SPARQL 1.1 Query Results JSON (unbound values left out)."""
    names = results.variables
    bindings = [
        {n: json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
        for row in results.rows
    ]
    document = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def format_csv(results: Results) -> str:
    """Write the results as SPARQL 1.1 Query Results CSV (plain values)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(results.variables)
    for row in results.rows:
        writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return buffer.getvalue()


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def short_text(term: Term | None) -> str:
    r"""Write a term as a person reads it: prefixed IRIs, bare values, one line.

    Control characters show as escapes, so a value cannot move the cursor, colour the
    terminal or reorder the line.

    >>> short_text(ox.NamedNode("https://w3id.org/police-kg/id/topic/cyber-crime"))
    'id:topic/cyber-crime'
    >>> short_text(ox.Literal("a\n b\x1b[31m\u202e"))
    'a b\\x1b[31m\\u202e'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            local = term.value.removeprefix(str(namespace))
            if local and local != term.value:
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _UNPRINTABLE.sub(_escape, " ".join(term.value.split()))


def _escape(found: re.Match[str]) -> str:
    return found.group().encode("unicode_escape").decode("ascii")


def format_table(results: Results, *, width: int = 60) -> str:
    """Write the results as aligned columns, each cell cut to `width` characters."""
    cells = [[_cut(short_text(t), width) for t in row] for row in results.rows]
    header = list(results.variables)
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = [_line(header, sizes), _line(["-" * s for s in sizes], sizes)]
    lines += [_line(row, sizes) for row in cells]
    lines.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(cells: list[str], sizes: list[int]) -> str:
    return "  ".join(c.ljust(s) for c, s in zip(cells, sizes, strict=True)).rstrip()


FORMATTERS: dict[str, Callable[[Results], str]] = {
    "table": format_table,
    "json": format_json,
    "csv": format_csv,
}

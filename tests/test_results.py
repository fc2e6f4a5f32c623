from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from kg.results import format_csv, format_json, format_table
from kg.store import Results

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
RESULTS = Results(
    ("meeting", "label", "date"),
    (
        (
            ox.NamedNode("https://w3id.org/police-kg/id/meeting/a"),
            ox.Literal('Panel, "special"', language="en"),
            ox.Literal("2017-03-15", datatype=XSD_DATE),
        ),
        (ox.BlankNode("b0"), ox.Literal("plain"), None),
    ),
)


def test_json_is_the_w3c_sparql_results_format() -> None:
    assert json.loads(format_json(RESULTS)) == {
        "head": {"vars": ["meeting", "label", "date"]},
        "results": {
            "bindings": [
                {
                    "meeting": {
                        "type": "uri",
                        "value": "https://w3id.org/police-kg/id/meeting/a",
                    },
                    "label": {
                        "type": "literal",
                        "value": 'Panel, "special"',
                        "xml:lang": "en",
                    },
                    "date": {
                        "type": "literal",
                        "value": "2017-03-15",
                        "datatype": "http://www.w3.org/2001/XMLSchema#date",
                    },
                },
                {
                    "meeting": {"type": "bnode", "value": "b0"},
                    "label": {"type": "literal", "value": "plain"},
                },
            ]
        },
    }


def test_json_parses_back_with_pyoxigraph() -> None:
    parsed = ox.parse_query_results(
        format_json(RESULTS).encode(), format=ox.QueryResultsFormat.JSON
    )
    assert isinstance(parsed, ox.QuerySolutions)
    rows = [tuple(s) for s in parsed]
    assert rows == [tuple(r) for r in RESULTS.rows]


def test_csv_has_plain_values_and_crlf_lines() -> None:
    text = format_csv(RESULTS)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["meeting", "label", "date"],
        ["https://w3id.org/police-kg/id/meeting/a", 'Panel, "special"', "2017-03-15"],
        ["_:b0", "plain", ""],
    ]


def test_table_aligns_columns_and_shortens_iris() -> None:
    lines = format_table(RESULTS).splitlines()
    assert lines[0].split() == ["meeting", "label", "date"]
    assert lines[2].startswith("id:meeting/a  Panel")
    assert lines[2].index("2017-03-15") == lines[0].index("date")
    assert lines[-1] == "(2 rows)"

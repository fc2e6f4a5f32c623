"""Properties of the whole text → records → triples step, on generated minutes.

`tests/parse/test_parse_properties.py` checks the structure parsers' spans; these go
through extraction and mapping as well, with `fuzz.fuzz_parse.check_document` (the
coverage-guided fuzzer's oracle) as the judge: no exception escapes, every evidence
node's offsets slice the text to its quote, every IRI is valid and Oxigraph takes every
triple. Texts are built from pieces of real minutes so that they reach the extractors
(attendance, decisions, actions, topics, money), and bytes go through the decoder too.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from fuzz.fuzz_parse import check_document
from fuzz.fuzz_parse import test_one_input as fuzz_one_input
from kg.namespaces import KG
from kg.parse import PARSERS, sniff

# Lines in the shapes minutes take across forces (headings, lists, outcomes).
PIECES = [
    "Police and Crime Panel\n",
    "Thames Valley Police and Crime Panel\n",
    "Minutes of the meeting held on 15 March 2017 at 10.30am\n",
    "Wednesday, 4th April, 2018 2.00 pm\n",
    "Venue: Council Chamber, County Hall\n",
    "PRESENT\n",
    "Present: Cllr A. Bee (Chair), Councillor C. Dee, Mr E. Eff\n",
    "Also present: Sue Mountstevens (Police and Crime Commissioner)\n",
    "Apologies for absence were received from Councillor Jane Doe.\n",
    "Mrs L Parfitt-Reid attended as a substitute for Cllr Murray\n",
    "The following officers were in attendance:\n",
    "- Andy Marsh, Chief Constable\n",
    "1. Apologies for absence\n",
    "2. Minutes of the previous meeting\n",
    "3. Police and Crime Plan: cyber crime and domestic abuse\n",
    "4a) Budget and precept 2018/19\n",
    "RESOLVED that the precept of £1,234,567.89 be approved.\n",
    "The Panel agreed to veto the proposed precept.\n",
    "Decision notice DN 12/2023: approved\n",
    "ACTION: The PCC to write to the Home Office.\n",
    "Action – Chief Executive to circulate the report by 1 May.\n",
    "Agenda item\n",
    "Minutes:\n",
    "No. | Item |\n",
    "62/21 | Knife crime | Minutes: The Panel noted the report |\n",
    "·  Rural crime\n",
    "Ø  Road safety\n",
    "Date of next meeting: 2 May 2018\n",
    "The meeting ended at 4.50 pm\n",
    "\n",
    "\r\n",
    "\t",
    "\ufeff",
    "\u2028",
    "\x00",
    "\ud7ff\U0010ffff",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=15), max_size=30).map("".join),
)
names = st.sampled_from(["fuzz.txt", "a b.md", "x", "..txt", "é'\"<>.txt", "%41.txt"])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, names)
def test_any_text_maps_to_valid_triples_whose_evidence_quotes_the_text(
    text: str, name: str
) -> None:
    graph = check_document(text, name)
    meetings = set(graph.subjects(KG.source, None))
    assert len(meetings) == 1
    assert all(isinstance(m, URIRef) for m in meetings)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_sniff_names_a_known_layout_for_any_text(text: str) -> None:
    assert sniff(text) in PARSERS


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        texts.flatmap(
            lambda t: st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]).map(
                lambda enc: t.encode(enc, errors="replace")
            )
        ),
    )
)
def test_any_bytes_are_refused_in_one_line_or_mapped(data: bytes) -> None:
    fuzz_one_input(data)  # the atheris entry point, run without atheris

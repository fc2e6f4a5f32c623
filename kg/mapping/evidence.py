"""Evidence: the triples that tie an extracted fact to the exact words it came from.

An evidence node is a `kg:Evidence` (aligned to a Web Annotation carrying both a
`oa:TextPositionSelector` and a `oa:TextQuoteSelector`): the source document, the
half-open
character offsets and the quote sliced from the text, never retyped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.mapping.iris import document_iri
from kg.namespaces import KG
from kg.records import Meeting, Span

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# The terms of every evidence node, looked up once: a meeting has hundreds of evidence
# nodes, and each namespace attribute lookup costs a microsecond or more.
_EVIDENCE, _TYPE, _CLASS = KG.evidence, RDF.type, KG.Evidence
_DOCUMENT, _START, _END, _QUOTE = KG.document, KG.start, KG.end, KG.quote
_INTEGER = XSD.integer


def evidence_triples(
    subject: URIRef, span: Span, *, meeting: Meeting, text: str, key: str = "evidence"
) -> Iterator[Triple]:
    """Link `subject` to a new evidence node `<subject>/<key>` for `text[span]`."""
    node = URIRef(f"{subject}/{key}")
    yield subject, _EVIDENCE, node
    yield node, _TYPE, _CLASS
    yield node, _DOCUMENT, document_iri(meeting)
    yield node, _START, offset_literal(span.start)
    yield node, _END, offset_literal(span.end)
    yield node, _QUOTE, Literal(text[span.start : span.end])


# Offsets repeat from meeting to meeting, and rdflib makes a literal slowly (it
# validates and converts the value): each offset's literal is made once.
@functools.lru_cache(maxsize=1 << 16)
def offset_literal(offset: int) -> Literal:
    """Give the xsd:integer literal of a character offset.

    >>> offset_literal(42).n3()
    '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    # Given as a lexical form: rdflib converts a Python int more slowly still.
    return Literal(str(offset), datatype=_INTEGER)

"""Evidence: the triples that tie an extracted fact to the exact words it came from.

An evidence node is a `kg:Evidence` (aligned to a Web Annotation carrying both a
`oa:TextPositionSelector` and a `oa:TextQuoteSelector`): the source document, the
half-open
character offsets and the quote sliced from the text, never retyped.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg.mapping.iris import document_iri
from kg.mapping.literals import offset_literal, text_literal
from kg.mapping.vocab import KG, RDF
from kg.records import Meeting, Span

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def evidence_triples(
    subject: URIRef, span: Span, *, meeting: Meeting, text: str, key: str = "evidence"
) -> Iterator[Triple]:
    """Link `subject` to a new evidence node `<subject>/<key>` for `text[span]`."""
    node = URIRef(f"{subject}/{key}")
    yield subject, KG.evidence, node
    yield node, RDF.type, KG.Evidence
    yield node, KG.document, document_iri(meeting)
    yield node, KG.start, offset_literal(span.start)
    yield node, KG.end, offset_literal(span.end)
    yield node, KG.quote, text_literal(text[span.start : span.end])

"""Test helper shared by the topic tests: every wording the thesaurus lists."""

from __future__ import annotations

from functools import cache

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.resources import read_text


@cache
def all_wordings() -> tuple[str, ...]:
    """Every preferred, alternative and hidden label of `ontology/topics.ttl`."""
    graph = Graph().parse(data=read_text("ontology", "topics.ttl"), format="turtle")
    props = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
    return tuple(sorted({str(o) for p in props for o in graph.objects(None, p)}))

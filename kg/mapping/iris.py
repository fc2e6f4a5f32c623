"""IRIs: deterministic identifiers minted from content, shared by every mapper.

The same input gives the same IRI on every run and machine: nothing here reads the
clock, randomness or the file system. A meeting is keyed by its source document's file
name, so re-ingesting an edited document replaces its meeting rather than adding a
second one.

A meeting mints the same IRIs many times over (its own in every item, decision and
attendance): `slug`, the file key and `mint` are cached, so each is worked out once
and every triple naming an IRI holds the same `URIRef` object, which a dict lookup
(`kg.terms.graph_quads` makes three a triple) then finds by identity.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.namespaces import ID
from kg.records import Meeting

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """Make a lower-case, hyphenated ASCII key for `text`.

    >>> slug("Avon & Somerset Police and Crime Panel")
    'avon-somerset-police-and-crime-panel'
    >>> slug("Cllr O'Brien-Smith")
    'cllr-obrien-smith'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("\u2019", "")
    return _NOT_SLUG.sub("-", ascii_text).strip("-") or "x"


def short_hash(*parts: str, size: int = 10) -> str:
    """Digest `parts` into a stable short hex string.

    >>> short_hash("a", "b")
    'f04cdced97'
    """
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:size]


def meeting_key(meeting: Meeting) -> str:
    """Key a meeting by its source file's stem, slugged."""
    return file_key(meeting.source.name)


@functools.lru_cache(maxsize=1 << 10)
def file_key(name: str) -> str:
    """Key a source file by its stem, slugged.

    >>> file_key("minutes/2024-03 Panel.txt")
    '2024-03-panel'
    """
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return slug(stem)


@functools.lru_cache(maxsize=1 << 14)
def mint(path: str) -> URIRef:
    """Give the data IRI `id/<path>`, the same object for the same path.

    >>> mint("force/kent") is mint("force/kent")
    True
    """
    return ID[path]


def meeting_iri(meeting: Meeting) -> URIRef:
    """`id/meeting/<key>`."""
    return mint(f"meeting/{meeting_key(meeting)}")


def meeting_graph_iri(meeting: Meeting) -> URIRef:
    """Name the graph that holds exactly one meeting's triples."""
    return mint(f"graph/meeting/{meeting_key(meeting)}")


REFERENCE_GRAPH = ID["graph/reference"]
PROVENANCE_GRAPH = ID["graph/provenance"]


def document_iri(meeting: Meeting) -> URIRef:
    """`id/document/<key>`: the source document, one per meeting key."""
    return mint(f"document/{meeting_key(meeting)}")


def part_iri(meeting: Meeting, kind: str, index: int | str) -> URIRef:
    """Name a part of a meeting: `id/meeting/<key>/<kind>/<index>`."""
    return mint(f"meeting/{meeting_key(meeting)}/{kind}/{index}")


def force_iri(force_id: str) -> URIRef:
    """`id/force/<police.uk id>`."""
    return mint(f"force/{force_id}")


def topic_iri(key: str) -> URIRef:
    """`id/topic/<key>`: a concept of the topic thesaurus."""
    return mint(f"topic/{key}")


def concept_iri(scheme: str, key: str) -> URIRef:
    """Name a concept of a closed list: `id/<scheme>/<key>`, e.g. body-kind."""
    return mint(f"{scheme}/{key}")


def body_iri(name: str, force_id: str | None) -> URIRef:
    """`id/body/<force or 'unknown'>/<slug of name>`."""
    return mint(f"body/{force_id or 'unknown'}/{slug(name)}")

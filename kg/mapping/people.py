"""People mapping: attendance records to `kg:Attendance`, `kg:Person`, `kg:Post`.

Input is a `kg.records.Meeting` (with `attendances` and `posts` filled by
`kg.extract.attendance`) and its text; output is an iterator of triples. A person's IRI
is `id/person/<force id or body slug>/<slug of the name>`, so one person named the same
way in two meetings of one force is one node (`kg.resolve` links the variants); a post's
IRI is `id/post/<force or body>/<post key>`, the same IRI `ontology/forces.ttl` gives
the PCC post. The name and title as written in this meeting stay on the attendance as
well, since a person may be written "Cllr" in one meeting and "Councillor" in another.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import URIRef

from kg.extract.posts import post_key
from kg.mapping.evidence import Triple, evidence_triples
from kg.mapping.iris import concept_iri, force_iri, meeting_iri, mint, part_iri, slug
from kg.mapping.literals import TRUE, text_literal
from kg.mapping.vocab import KG, RDF
from kg.records import Attendance, Meeting, PersonName, PostMention


def people_triples(meeting: Meeting, text: str) -> Iterator[Triple]:
    """Yield the attendance, person and post triples of `meeting`."""
    for index, attendance in enumerate(meeting.attendances, start=1):
        yield from attendance_triples(meeting, attendance, index=index, text=text)
    for index, mention in enumerate(meeting.posts, start=1):
        yield from post_mention_triples(meeting, mention, index=index, text=text)


def scope_of(meeting: Meeting) -> str:
    """Give the scope people and posts are keyed in: the force id, else the body slug.

    >>> from kg.records import EXAMPLE_MEETING
    >>> scope_of(EXAMPLE_MEETING)
    'avon-and-somerset'
    """
    if meeting.body.force is not None:
        return meeting.body.force.value
    return slug(meeting.body.name)


def person_iri(scope: str, name: PersonName) -> URIRef:
    """`id/person/<scope>/<slug of the name without title or dots>`.

    >>> person_iri("west-mercia", PersonName("C. Hughes")).rsplit("/", 2)[-2:]
    ['west-mercia', 'c-hughes']
    """
    return mint(f"person/{scope}/{slug(name.full.replace('.', ' '))}")


def post_iri(scope: str, key: str) -> URIRef:
    """`id/post/<scope>/<post key>`, e.g. `id/post/avon-and-somerset/pcc`."""
    return mint(f"post/{scope}/{key}")


def attendance_triples(
    meeting: Meeting, attendance: Attendance, *, index: int, text: str
) -> Iterator[Triple]:
    """Map one attendance: the participation node, its person, post and evidence."""
    node = part_iri(meeting, "attendance", index)
    scope = scope_of(meeting)
    person = person_iri(scope, attendance.name)
    yield meeting_iri(meeting), KG.attendance, node
    yield node, RDF.type, KG.Attendance
    yield node, KG.meeting, meeting_iri(meeting)
    yield node, KG.person, person
    yield node, KG.status, concept_iri("attendance-status", attendance.status.value)
    yield node, KG.name, text_literal(attendance.name.full)
    yield from _optional(node, KG.honorific, attendance.name.title)
    yield from _optional(node, KG.role, attendance.role)
    yield from _optional(node, KG.organisation, attendance.organisation)
    yield from _optional(node, KG.itemsAttended, attendance.items)
    if attendance.virtual:
        yield node, KG.virtual, TRUE
    if attendance.substitute_for:
        replaced = PersonName(attendance.substitute_for)
        yield node, KG.substituteFor, person_iri(scope, replaced)
    key = post_key(attendance.role) if attendance.role else None
    if key:
        yield from _post_triples(meeting, key)
        yield node, KG.post, post_iri(scope, key)
    yield from person_triples(person, attendance.name)
    yield from evidence_triples(node, attendance.span, meeting=meeting, text=text)


def person_triples(person: URIRef, name: PersonName) -> Iterator[Triple]:
    """Describe the person: name as written, honorific, given and family names."""
    yield person, RDF.type, KG.Person
    yield person, KG.name, text_literal(name.full)
    yield from _optional(person, KG.honorific, name.title)
    yield from _optional(person, KG.givenName, name.given)
    yield from _optional(person, KG.familyName, name.family)


def post_mention_triples(
    meeting: Meeting, mention: PostMention, *, index: int, text: str
) -> Iterator[Triple]:
    """Map a post taking part without a named holder ("PCC" in an attendee list)."""
    node = part_iri(meeting, "post-mention", index)
    yield meeting_iri(meeting), KG.mentions, node
    yield node, RDF.type, KG.Mention
    yield node, KG.meeting, meeting_iri(meeting)
    yield node, KG.role, text_literal(mention.post)
    yield node, KG.status, concept_iri("attendance-status", mention.status.value)
    key = post_key(mention.post)
    if key:
        yield from _post_triples(meeting, key)
        yield node, KG.post, post_iri(scope_of(meeting), key)
    yield from evidence_triples(node, mention.span, meeting=meeting, text=text)


def _post_triples(meeting: Meeting, key: str) -> Iterator[Triple]:
    post = post_iri(scope_of(meeting), key)
    yield post, RDF.type, KG.Post
    yield post, KG.name, text_literal(key)
    if meeting.body.force is not None:
        yield post, KG.postOf, force_iri(meeting.body.force.value)


def _optional(node: URIRef, predicate: URIRef, value: str | None) -> Iterator[Triple]:
    if value:
        yield node, predicate, text_literal(value)

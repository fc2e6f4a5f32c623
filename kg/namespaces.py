"""Namespaces: the project's own terms and the one place prefixes are bound.

`KG` mirrors `ontology/kg.ttl` term for term (a test fails when they disagree); `ID` is
the
base of every data IRI the mappers mint. W3C vocabularies come from `rdflib.namespace`;
the few that rdflib lacks (Web Annotation, Popolo, Core Public Event, OParl) are
declared here.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/police-kg/def"
ID = Namespace("https://w3id.org/police-kg/id/")

OA = Namespace("http://www.w3.org/ns/oa#")
OPENGOV = Namespace("http://www.w3.org/ns/opengov#")
CV = Namespace("http://data.europa.eu/m8g/")
OPARL = Namespace("https://schema.oparl.org/1.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class KG(DefinedNamespace):
    """Terms of `ontology/kg.ttl`."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes
    PoliceForce: URIRef
    Body: URIRef
    PoliceAndCrimePanel: URIRef
    PCCBoard: URIRef
    CouncilCommittee: URIRef
    Meeting: URIRef
    AgendaItem: URIRef
    SourceDocument: URIRef
    Evidence: URIRef
    Person: URIRef
    Attendance: URIRef
    Post: URIRef
    PostHolding: URIRef
    Decision: URIRef
    Action: URIRef
    MonetaryAmount: URIRef
    TopicTagging: URIRef
    Discrepancy: URIRef
    Mention: URIRef
    IngestRun: URIRef
    BodyKind: URIRef
    AttendanceStatus: URIRef
    DecisionKind: URIRef
    DecisionStatus: URIRef

    # Bodies, forces and meetings
    name: URIRef
    nameKey: URIRef  # a person's name lower-cased (people resolution)
    bodyKind: URIRef
    forceArea: URIRef
    areaName: URIRef  # a county, city or local authority name of a force area
    pccPost: URIRef
    body: URIRef
    date: URIRef
    startTime: URIRef
    endTime: URIRef
    venue: URIRef
    source: URIRef
    layout: URIRef

    # Agenda items
    hasItem: URIRef
    meeting: URIRef
    position: URIRef
    number: URIRef
    title: URIRef
    agendaNumber: URIRef
    agendaTitle: URIRef
    item: URIRef

    # Source documents and evidence
    fileName: URIRef
    sha256: URIRef
    length: URIRef
    evidence: URIRef
    document: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef

    # People, posts and attendance
    attendance: URIRef
    person: URIRef
    status: URIRef
    role: URIRef
    post: URIRef
    organisation: URIRef
    substituteFor: URIRef
    itemsAttended: URIRef
    virtual: URIRef
    honorific: URIRef
    givenName: URIRef
    familyName: URIRef
    postOf: URIRef
    holder: URIRef
    heldBy: URIRef
    inferred: URIRef
    termStart: URIRef
    termEnd: URIRef
    mentions: URIRef

    # Topics, decisions, actions, discrepancies
    topic: URIRef
    tagging: URIRef
    phrase: URIRef
    decision: URIRef
    decisionKind: URIRef
    decisionStatus: URIRef
    reference: URIRef
    text: URIRef
    amount: URIRef
    amountValue: URIRef
    currency: URIRef
    action: URIRef
    owner: URIRef
    ownerPost: URIRef
    ownerPerson: URIRef
    discrepancy: URIRef
    discrepancyKind: URIRef
    description: URIRef

    # Provenance
    softwareVersion: URIRef


PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(ONTOLOGY_IRI + "#"),
    "id": ID,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "prov": Namespace(str(PROV)),
    "org": Namespace(str(ORG)),
    "foaf": Namespace(str(FOAF)),
    "schema": Namespace(str(SDO)),
    "oa": OA,
    "opengov": OPENGOV,
    "cv": CV,
    "oparl": OPARL,
    "sh": SH,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on `graph`, replacing rdflib's defaults."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph

"""Resolution across meetings and the people queries, on a store built from the seeds.

The seeds' meetings get their attendance from the real extractor and mapper; the core
meeting triples (body, force, date, items and one topic tag per item) are written by
hand here so these tests do not wait for the layout parsers and the topic tagger.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.extract.attendance import extract_attendance
from kg.mapping.iris import (
    ID,
    body_iri,
    force_iri,
    meeting_graph_iri,
    meeting_iri,
    part_iri,
    topic_iri,
)
from kg.mapping.people import people_triples
from kg.namespaces import KG
from kg.queries import held, keep_blocks, parse_query, run_query
from kg.records import Body, BodyKind, Layout, Located, Meeting, Source, Span
from kg.resolve import RESOLUTION_GRAPH, resolve_store, term_of
from kg.resources import read_text
from kg.store import OxigraphStore, memory_store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# (seed prefix, body name, force, date, cyber-crime item number and title)
SEED_FACTS = (
    (
        "000",
        "Avon and Somerset Police and Crime Panel",
        "avon-and-somerset",
        dt.date(2017, 3, 15),
        ("7", "Cyber Crime"),
    ),
    (
        "001",
        "Worcestershire County Council Overview and Scrutiny Performance Board",
        "west-mercia",
        None,
        ("1", "Annual Worcestershire County Council Community Safety Report"),
    ),
    (
        "002",
        "Thames Valley Police and Crime Panel",
        "thames-valley",
        None,
        ("63/21", "Cyber and Digital Investigation & Intelligence"),
    ),
    (
        "003",
        "West Yorkshire Community Outcomes Meeting",
        "west-yorkshire",
        dt.date(2016, 3, 1),
        ("6", "Cyber Crime"),
    ),
    (
        "004",
        "Avon and Somerset Police and Crime Board",
        "avon-and-somerset",
        dt.date(2018, 4, 4),
        None,
    ),
)


def _meeting(path: Path, body: str, force: str, date: dt.date | None) -> Meeting:
    text = path.read_text(encoding="utf-8")
    meeting = Meeting(
        source=Source(path.name, "0" * 64, len(text)),
        layout=Layout.GENERIC,
        body=Body(body, BodyKind.OTHER, force=Located(force, Span(0, 1))),
        date=Located(date, Span(0, 1)) if date else None,
    )
    return extract_attendance(meeting, text)


def _core(meeting: Meeting, item: tuple[str, str] | None) -> list[tuple]:
    """The hand-made stand-in for the core mapper and the topic tagger."""
    force = meeting.body.force.value if meeting.body.force else None
    body = body_iri(meeting.body.name, force)
    node = meeting_iri(meeting)
    triples: list[tuple] = [
        (node, RDF.type, KG.Meeting),
        (node, KG.body, body),
        (body, KG.name, Literal(meeting.body.name)),
        (body, KG.forceArea, force_iri(force or "")),
    ]
    if meeting.date:
        triples.append((node, KG.date, Literal(meeting.date.value)))
    if item:
        item_node = part_iri(meeting, "item", 1)
        triples += [
            (node, KG.hasItem, item_node),
            (item_node, KG.number, Literal(item[0])),
            (item_node, KG.title, Literal(item[1])),
            (item_node, KG.topic, topic_iri("cyber-crime")),
        ]
    return triples


def _ox(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    assert isinstance(term, Literal)
    if term.datatype is None:
        return ox.Literal(str(term))
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(
        read_text("ontology", "forces.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(str(ID["graph/reference"])),
    )
    for prefix, body, force, date, item in SEED_FACTS:
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        meeting = _meeting(path, body, force, date)
        text = path.read_text(encoding="utf-8")
        graph = ox.NamedNode(str(meeting_graph_iri(meeting)))
        triples = [*people_triples(meeting, text), *_core(meeting, item)]
        store.extend(ox.Quad(_ox(s), _ox(p), _ox(o), graph) for s, p, o in triples)
    resolve_store(store)
    return store


def _select(
    store: ox.Store, query_name: str, /, **params: ox.Term
) -> list[dict[str, str]]:
    text = read_text("queries", f"{query_name}.rq")
    # The lines the runner keeps for these parameters and what this store holds.
    holds = held(OxigraphStore(store), text, origin="q")
    declared = {p.name for p in parse_query(query_name, text, origin="q").params}
    query = keep_blocks(text, set(params), declared=declared, origin="q", holds=holds)
    bound = {ox.Variable(k): v for k, v in params.items()}
    solutions = store.query(query, use_default_graph_as_union=True, substitutions=bound)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [
        {n: s[n].value for n in names if s[n] is not None}  # type: ignore[union-attr]
        for s in solutions
    ]


def test_terms_run_between_elections() -> None:
    assert term_of(dt.date(2016, 5, 5)) == (dt.date(2016, 5, 5), dt.date(2021, 5, 6))
    assert term_of(dt.date(2024, 6, 1)) == (dt.date(2024, 5, 2), None)


def test_pccs_discussing_cyber_crime_names_holders(store: ox.Store) -> None:
    rows = _select(
        store, "pccs-discussing", topic=ox.NamedNode(str(topic_iri("cyber-crime")))
    )
    by_force = {r["force"].rsplit("/", 1)[-1]: r for r in rows}
    assert set(by_force) == {
        "avon-and-somerset",
        "west-mercia",
        "thames-valley",
        "west-yorkshire",
    }
    assert by_force["avon-and-somerset"]["pccName"] == "Sue Mountstevens"
    assert by_force["avon-and-somerset"]["inferred"] == "true"
    assert by_force["west-yorkshire"]["pccName"] == "Mark Burns-Williamson"
    assert by_force["west-yorkshire"]["inferred"] == "false"
    assert by_force["thames-valley"]["pccPost"].endswith("/post/thames-valley/pcc")
    assert by_force["west-yorkshire"]["date"] == "2016-03-01"
    assert by_force["west-yorkshire"]["title"] == "Cyber Crime"


def test_document_holder_is_recorded_for_the_term(store: ox.Store) -> None:
    query = """PREFIX kg: <https://w3id.org/police-kg/def#>
    SELECT ?start ?end WHERE { GRAPH ?g { ?h a kg:PostHolding ;
      kg:holder ?holder ;
      kg:termStart ?start ; kg:termEnd ?end . FILTER NOT EXISTS { ?h kg:meeting ?m }
      FILTER(CONTAINS(STR(?h), "sue-mountstevens")) } }"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    assert [(s["start"].value, s["end"].value) for s in solutions] == [
        ("2016-05-05", "2021-05-06")
    ]


def test_resolution_graph_is_rewritten_not_duplicated(store: ox.Store) -> None:
    before = len(list(store.quads_for_pattern(None, None, None, RESOLUTION_GRAPH)))
    resolve_store(store)
    after = len(list(store.quads_for_pattern(None, None, None, RESOLUTION_GRAPH)))
    assert before == after > 0


def test_surname_links_only_within_one_force() -> None:
    store = ox.Store()
    person = "https://w3id.org/police-kg/id/person/"
    kg = "https://w3id.org/police-kg/def#"
    family = f'<{kg}familyName> "Middlebrough"'
    data = f"""
    <{person}west-mercia/middlebrough> a <{kg}Person> ; {family} .
    <{person}west-mercia/john-middlebrough> a <{kg}Person> ; {family} ;
        <{kg}givenName> "John" .
    <{person}cleveland/jane-middlebrough> a <{kg}Person> ; {family} ;
        <{kg}givenName> "Jane" .
    """
    store.load(data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(person + "g"))
    resolve_store(store)
    same = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    links = [
        (q.subject.value, q.object.value)
        for q in store.quads_for_pattern(None, same, None)
    ]
    assert links == [
        (f"{person}west-mercia/middlebrough", f"{person}west-mercia/john-middlebrough")
    ]


def test_earliest_meeting_of_a_term_decides_between_named_holders() -> None:
    # Two meetings of one term name different PCCs; a third names none and gets
    # the holder the term's earliest meeting names, whatever order the store holds.
    store = ox.Store()
    base = "https://w3id.org/police-kg/id/"
    kg = "https://w3id.org/police-kg/def#"
    post, body = f"<{base}post/kent/pcc>", f"<{base}body/kent/panel>"
    reference = f"<{base}force/kent> <{kg}pccPost> {post} .\n"
    reference += f"{body} <{kg}forceArea> <{base}force/kent> ."
    store.load(reference, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(base + "r"))
    for key, day, holder in (
        ("a", "2019-06-01", "zoe"),
        ("b", "2017-02-01", "ann"),
        ("c", "2018-01-01", None),
    ):
        meeting = f"<{base}meeting/{key}>"
        data = f'{meeting} <{kg}body> {body} ; <{kg}date> "{day}" .\n'
        if holder:
            data += f"""<{base}meeting/{key}/att> a <{kg}Attendance> ;
              <{kg}meeting> {meeting} ; <{kg}post> {post} ;
              <{kg}person> <{base}person/kent/{holder}> ."""
        store.load(data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(base + key))
    resolve_store(store)
    holder = ox.NamedNode(kg + "holder")
    node = ox.NamedNode(f"{base}meeting/c/holder/pcc")
    found = store.quads_for_pattern(node, holder, None)
    assert [q.object.value for q in found] == [f"{base}person/kent/ann"]


def test_participants_query_gives_contract_columns(store: ox.Store) -> None:
    rows = _select(store, "participants")
    newcombe = next(r for r in rows if r["name"] == "Richard Newcombe")
    assert newcombe["status"].endswith("/attendance-status/substitute")
    assert newcombe["quote"] == "Councillor Richard Newcombe substituting"
    assert newcombe["title"] == "Councillor"
    assert len(rows) == 4 + 2 + 7 + 13 + 10


def test_attendance_record_lists_substitution(store: ox.Store) -> None:
    rows = _select(store, "attendance-record", name=ox.Literal("Richard Newcombe"))
    assert len(rows) == 1
    assert rows[0]["status"].endswith("/substitute")
    assert rows[0]["substituteFor"] == "David Carroll"
    rows = _select(store, "attendance-record", name=ox.Literal("David Carroll"))
    assert [r["status"].rsplit("/", 1)[-1] for r in rows] == ["apologies"]


def test_people_across_bodies_joins_one_force(tmp_path: Path) -> None:
    store = ox.Store()
    texts = {
        "panel.txt": (
            "Avon and Somerset Police and Crime Panel",
            "PRESENT\n- Cllr Ann Bee\n",
        ),
        "board.txt": (
            "Avon and Somerset Police and Crime Board",
            "Attendees:\n\nAnn Bee, Chair\n",
        ),
        "other.txt": ("Cleveland Police and Crime Panel", "PRESENT\n- Cllr Ann Bee\n"),
    }
    for name, (body, text) in texts.items():
        force = "cleveland" if body.startswith("Cleveland") else "avon-and-somerset"
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        meeting = _meeting(path, body, force, None)
        graph = ox.NamedNode(str(meeting_graph_iri(meeting)))
        triples = [*people_triples(meeting, text), *_core(meeting, None)]
        store.extend(ox.Quad(_ox(s), _ox(p), _ox(o), graph) for s, p, o in triples)
    resolve_store(store)
    rows = _select(store, "people-across-bodies")
    assert [(r["name"], r["bodies"], r["meetings"]) for r in rows] == [
        ("Ann Bee", "2", "2")
    ]
    assert rows[0]["person"].endswith("/person/avon-and-somerset/ann-bee")


def test_resolution_is_swapped_in_whole_and_rerunning_gives_the_same_links(
    store: ox.Store,
) -> None:
    # The links are read from the meetings, never from the previous links, and the
    # staging graph of the reference holders is gone once the swap is done.
    from kg.resolve import STAGING_GRAPH

    links = store.quads_for_pattern
    first = sorted(map(str, links(None, None, None, RESOLUTION_GRAPH)))
    resolve_store(store)
    again = sorted(map(str, links(None, None, None, RESOLUTION_GRAPH)))
    assert first and first == again
    assert STAGING_GRAPH not in set(store.named_graphs())


def test_people_get_their_names_lower_cased_as_keys(store: ox.Store) -> None:
    key = ox.NamedNode(str(KG.nameKey))
    keys = {
        (q.subject.value, q.object.value)
        for q in store.quads_for_pattern(None, key, None, None)
    }
    assert keys
    assert all(k == k.lower() and "/id/person/" in p for p, k in keys)
    assert any(k == "richard newcombe" for _, k in keys)


def test_attendance_record_is_the_same_with_and_without_name_keys(
    seed_store: OxigraphStore,
) -> None:
    # A graph written before the keys takes the query's other branch: same rows.
    dump = seed_store.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    without = memory_store()
    without.oxigraph.load(dump, format=ox.RdfFormat.N_QUADS)
    without.update(f"DELETE WHERE {{ GRAPH ?g {{ ?p <{KG.nameKey}> ?k }} }}")
    assert held(seed_store, "#+ if has kg:nameKey", origin="q") == {"kg:nameKey"}
    assert not held(without, "#+ if has kg:nameKey", origin="q")
    names = seed_store.select(
        f"SELECT DISTINCT ?n WHERE {{ ?a <{KG.person}>/<{KG.name}> ?n }}"
    ).rows
    written = [str(row[0].value) for row in names if row[0] is not None]
    spellings = [*written, *(s.upper() for s in written[:5]), "Nobody At All"]
    found = 0
    for name in spellings:
        rows = run_query(seed_store, "attendance-record", {"name": name}).rows
        assert rows == run_query(without, "attendance-record", {"name": name}).rows
        found += len(rows)
    # A name written for someone linked to a fuller name finds nothing: most find rows.
    assert found >= len(written)

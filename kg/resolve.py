"""Entity resolution (store stage): links people and post holders across meetings.

Input is a `pyoxigraph.Store` holding every meeting's named graph and the reference
data; output is the named graph `id/graph/resolution`, cleared and rewritten on each
run, with:

- `owl:sameAs` from a person written by surname or initial ("Cllr Middlebrough") to the
  one fully named person of the same force or body with that surname ("John
  Middlebrough"); never across forces, never when two candidates fit;
- the reference holders of `ontology/post-holders.ttl` (`kg:PostHolding` per post and
  term);
- a `kg:PostHolding` for each holder a document names for a force's PCC post ("Sue
  Mountstevens, Police and Crime Commissioner"), for the term holding that meeting;
- per meeting of a force, `<meeting>/holder/pcc`: a `kg:PostHolding` with `kg:meeting`,
  the post, the holder and `kg:inferred` (false when the meeting names the holder, true
  when the holder comes from another meeting or the reference data for the same term;
  when meetings of a term name different holders, the term's earliest meeting decides);
- `kg:nameKey`, each of a person's names lower-cased, so a query finds a person by
  name whatever its case with one index lookup (`attendance-record`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.namespaces import ID, KG
from kg.resources import read_text
from kg.store import ntriples_update, replace_update

RESOLUTION_GRAPH = ox.NamedNode(str(ID["graph/resolution"]))
STAGING_GRAPH = ox.NamedNode(str(ID["graph/resolution-staging"]))
# Ordinary PCC elections: each term runs from one to the next.
ELECTIONS = (
    dt.date(2012, 11, 15),
    dt.date(2016, 5, 5),
    dt.date(2021, 5, 6),
    dt.date(2024, 5, 2),
)
_OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
_PREFIX = f"PREFIX kg: <{KG._NS}>\n"
_PEOPLE_QUERY = (
    _PREFIX
    + """
SELECT DISTINCT ?person ?given ?family WHERE {
  ?person a kg:Person ; kg:familyName ?family .
  OPTIONAL { ?person kg:givenName ?given }
}"""
)
_REFERENCE_QUERY = (
    _PREFIX
    + f"""
SELECT ?post ?person ?start ?end WHERE {{
  GRAPH {STAGING_GRAPH} {{ ?holding a kg:PostHolding ; kg:post ?post ;
      kg:holder ?person ; kg:termStart ?start .
      OPTIONAL {{ ?holding kg:termEnd ?end }} }}
  FILTER NOT EXISTS {{ ?holding kg:meeting ?any }}
}}"""
)

# Each person's names lower-cased, by SPARQL's LCASE as the queries lower-case the name
# they are given; run in the update that swaps the graph in. Oxigraph evaluates it
# without a Python object a statement (about 55,000 keys at 10,000 meetings).
_NAME_KEYS = f"""INSERT {{ GRAPH {RESOLUTION_GRAPH} {{ ?person <{KG.nameKey}> ?key }} }}
WHERE {{
  GRAPH ?graph {{ ?person <{KG.name}> ?name }}
  FILTER(STRSTARTS(STR(?person), "{ID}person/"))
  BIND(LCASE(STR(?name)) AS ?key)
}}"""

Term = tuple[dt.date, dt.date | None]
Node = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def resolve_store(store: ox.Store) -> None:
    """Clear and rewrite the resolution graph of `store` (see the module docstring)."""
    # The reference holders go to a staging graph; the links are read from it and the
    # meetings (never from the old links), then one update swaps the resolution graph
    # in and drops the staging graph: a process killed midway leaves the old links.
    reference = read_text("ontology", "post-holders.ttl")
    holders = [
        ox.Quad(t.subject, t.predicate, t.object, STAGING_GRAPH)
        for t in ox.parse(reference, format=ox.RdfFormat.TURTLE)
    ]
    store.update(replace_update(STAGING_GRAPH, holders))
    # The links are written as N-Triples lines, with no Oxigraph term for each
    # (70,000 statements at 10,000 meetings).
    lines = [
        *(f"{q.subject} {q.predicate} {q.object} .\n" for q in holders),
        *_same_person_lines(store),
        *_holding_lines(store),
    ]
    store.update(
        f"DROP SILENT GRAPH {STAGING_GRAPH} ;\n"
        + ntriples_update(RESOLUTION_GRAPH, "".join(lines).encode())
        + " ;\n"
        + _NAME_KEYS
    )


def term_of(day: dt.date) -> Term | None:
    """Give the PCC term holding `day`: (election, next election or None).

    >>> term_of(dt.date(2018, 4, 4))
    (datetime.date(2016, 5, 5), datetime.date(2021, 5, 6))
    >>> term_of(dt.date(2010, 1, 1)) is None
    True
    """
    past = [e for e in ELECTIONS if e <= day]
    if not past:
        return None
    later = [e for e in ELECTIONS if e > day]
    return past[-1], (later[0] if later else None)


def _rows(store: ox.Store, query: str) -> Iterator[dict[str, str]]:
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {
            n: t.value
            for n, t in zip(names, solution, strict=True)
            if t is not None and not isinstance(t, ox.Triple)
        }


# The meetings are read pattern by pattern and joined here, not by SPARQL joins: every
# meeting graph repeats its body's and people's triples, and a join over the union of
# thousands of graphs grows with the square of the copies (18 s at 10,000 meetings),
# while each scan below is one pass of an index. No pattern reads the old resolution
# graph: it holds no kg:Person, kg:Attendance or kg:body statements, and its holdings'
# kg:meeting, kg:post and kg:holder only ever meet subjects typed there.


def _values(store: ox.Store, predicate: str) -> dict[str, set[str]]:
    """Each subject's values of `predicate`, across every graph."""
    found: dict[str, set[str]] = defaultdict(set)
    node = ox.NamedNode(predicate)
    for quad in store.quads_for_pattern(None, node, None, None):
        subject, value = quad.subject, quad.object
        if not isinstance(subject, ox.Triple) and not isinstance(value, ox.Triple):
            found[subject.value].add(value.value)
    return found


def _people_rows(store: ox.Store) -> Iterator[dict[str, str]]:
    """Rows of (person, given, family) for every kg:Person with a family name."""
    # One SPARQL join here: a person's triples repeat only in the meetings naming
    # them, and the join is the quickest of the ways tried (1.8 s at 10,000).
    return _rows(store, _PEOPLE_QUERY)


_KG_POST = ox.NamedNode(str(KG.post))
_KG_MEETING = ox.NamedNode(str(KG.meeting))
_KG_PERSON = ox.NamedNode(str(KG.person))
_KG_DATE = ox.NamedNode(str(KG.date))
_KG_FORCE_AREA = ox.NamedNode(str(KG.forceArea))
_KG_ATTENDANCE = ox.NamedNode(str(KG.Attendance))


def _iri(value: str) -> str:
    """Write an IRI as N-Triples (a valid one: read from the store or made of one)."""
    return f"<{value}>"


# The links' terms, written as N-Triples.
_TYPE, _POST_HOLDING = str(_RDF_TYPE), _iri(str(KG.PostHolding))
_POST, _HOLDER = _iri(str(KG.post)), _iri(str(KG.holder))
_MEETING, _INFERRED = _iri(str(KG.meeting)), _iri(str(KG.inferred))
_TERM_START, _TERM_END = _iri(str(KG.termStart)), _iri(str(KG.termEnd))
_BOOLEAN = "<http://www.w3.org/2001/XMLSchema#boolean>"
_TRUE, _FALSE = f'"true"^^{_BOOLEAN}', f'"false"^^{_BOOLEAN}'


def _objects(store: ox.Store, subject: Node, predicate: ox.NamedNode) -> set[str]:
    if isinstance(subject, ox.Literal | ox.Triple):
        return set()
    found = store.quads_for_pattern(subject, predicate, None, None)
    return {q.object.value for q in found if not isinstance(q.object, ox.Triple)}


def _is_attendance(store: ox.Store, node: Node) -> bool:
    if isinstance(node, ox.Literal | ox.Triple):
        return False
    typed = store.quads_for_pattern(node, _RDF_TYPE, _KG_ATTENDANCE, None)
    return next(iter(typed), None) is not None


def _pcc_posts(store: ox.Store) -> set[str]:
    return set().union(*_values(store, str(KG.pccPost)).values())


def _dated(store: ox.Store, row: dict[str, str]) -> Iterator[dict[str, str]]:
    days = sorted(_objects(store, ox.NamedNode(row["meeting"]), _KG_DATE))
    if not days:
        yield row
    for day in days:
        yield {**row, "date": day}


def _named_holder_rows(store: ox.Store) -> list[dict[str, str]]:
    """Rows of (meeting, post, person, date) for each attendance in a PCC post.

    In date order (undated last), so when meetings of one term name different
    holders, the term's earliest meeting decides.
    """
    # From the few PCC posts to their attendances: a lookup each, not a scan of
    # every attendance's statements.
    rows = set()
    for post in _pcc_posts(store):
        holdings = store.quads_for_pattern(None, _KG_POST, ox.NamedNode(post), None)
        for attendance in {q.subject for q in holdings}:
            if not _is_attendance(store, attendance):
                continue
            for m in _objects(store, attendance, _KG_MEETING):
                for h in _objects(store, attendance, _KG_PERSON):
                    rows.add((m, post, h))
    dated = [
        row
        for m, p, h in rows
        for row in _dated(store, {"meeting": m, "post": p, "person": h})
    ]
    return sorted(dated, key=lambda r: (r.get("date", "9999"), sorted(r.items())))


def _meeting_rows(store: ox.Store) -> Iterator[dict[str, str]]:
    """Rows of (meeting, post, date): each meeting and its force's PCC post."""
    body = _values(store, str(KG.body))
    pcc = _values(store, str(KG.pccPost))
    posts: dict[str, set[str]] = {}  # a body's PCC posts, looked up once a body
    for b in set().union(*body.values()):
        forces = _objects(store, ox.NamedNode(b), _KG_FORCE_AREA)
        posts[b] = set().union(*(pcc.get(f, set()) for f in forces))
    rows = {(m, p) for m, bodies in body.items() for b in bodies for p in posts[b]}
    for m, p in sorted(rows):
        yield from _dated(store, {"meeting": m, "post": p})


def _line(subject: str, predicate: str, value: str) -> str:
    """One N-Triples statement of terms already written as N-Triples."""
    return f"{subject} {predicate} {value} .\n"


def _date_literal(day: dt.date) -> str:
    return f'"{day.isoformat()}"^^{_XSD_DATE}'


def _same_person_lines(store: ox.Store) -> Iterator[str]:
    """Short names linked to the one full name of the same scope with that surname."""
    by_scope: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in _people_rows(store):
        iri = row["person"]
        given = row.get("given", "")
        scope = iri.rsplit("/", 1)[0]
        by_scope[(scope, row["family"].lower())].append((iri, given.strip(".")))
    for people in by_scope.values():
        full = {iri: given for iri, given in people if len(given) > 1}
        for iri, given in people:
            if iri in full:
                continue
            fits = sorted(
                f for f, g in full.items() if g.lower().startswith(given.lower())
            )
            if len(fits) == 1:
                yield _line(_iri(iri), str(_OWL_SAME_AS), _iri(fits[0]))


def _date(row: dict[str, str]) -> dt.date | None:
    value = row.get("date")
    try:
        return dt.date.fromisoformat(value[:10]) if value is not None else None
    except ValueError:
        return None


def _holding_lines(store: ox.Store) -> Iterator[str]:
    named: dict[str, tuple[str, str]] = {}
    known: dict[tuple[str, dt.date], str] = {}
    for row in _named_holder_rows(store):
        post, person = row["post"], row["person"]
        named[row["meeting"]] = (post, person)
        day = _date(row)
        term = term_of(day) if day else None
        if term is not None:
            known.setdefault((post, term[0]), person)
            yield from _term_holding(post, person, term)
    reference = _reference_terms(store)
    for row in _meeting_rows(store):
        meeting, post = row["meeting"], row["post"]
        if meeting in named:
            yield from _meeting_holding(meeting, named[meeting], None, inferred=False)
            continue
        day = _date(row)
        term = term_of(day) if day else None
        if term is None:
            continue
        holder = known.get((post, term[0])) or _reference_holder(reference, post, day)
        if holder:
            yield from _meeting_holding(meeting, (post, holder), term, inferred=True)


def _reference_terms(store: ox.Store) -> list[tuple[str, str, dt.date, dt.date | None]]:
    out = []
    for row in _rows(store, _REFERENCE_QUERY):
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if "end" in row else None
        out.append((row["post"], row["person"], start, end))
    return out


def _reference_holder(
    reference: Iterable[tuple[str, str, dt.date, dt.date | None]],
    post: str,
    day: dt.date | None,
) -> str | None:
    if day is None:
        return None
    for ref_post, person, start, end in reference:
        if ref_post == post and start <= day and (end is None or day < end):
            return person
    return None


def _term_holding(post: str, person: str, term: Term) -> Iterator[str]:
    """Record the holder a document names for the whole term."""
    path = post.split("/post/", 1)[-1]
    node = _iri(
        f"{ID}post-holding/{path}/{term[0].isoformat()}/{person.rsplit('/', 1)[-1]}"
    )
    yield _line(node, _TYPE, _POST_HOLDING)
    yield _line(node, _POST, _iri(post))
    yield _line(node, _HOLDER, _iri(person))
    yield from _term_lines(node, term)


def _term_lines(node: str, term: Term) -> Iterator[str]:
    yield _line(node, _TERM_START, _date_literal(term[0]))
    if term[1] is not None:
        yield _line(node, _TERM_END, _date_literal(term[1]))


def _meeting_holding(
    meeting: str, held: tuple[str, str], term: Term | None, *, inferred: bool
) -> Iterator[str]:
    """Who held the post at one meeting, and whether that was read or inferred."""
    post, person = held
    node = _iri(f"{meeting}/holder/{post.rsplit('/', 1)[-1]}")
    yield _line(node, _TYPE, _POST_HOLDING)
    yield _line(node, _MEETING, _iri(meeting))
    yield _line(node, _POST, _iri(post))
    yield _line(node, _HOLDER, _iri(person))
    yield _line(node, _INFERRED, _TRUE if inferred else _FALSE)
    if term is not None:
        yield from _term_lines(node, term)

"""The store's write path: one SPARQL Update per graph, any term carried unchanged.

`replace_update` turns a meeting's triples into one `DROP`/`CREATE`/`INSERT DATA`
request (one Oxigraph transaction; `test_crash_safety.py` kills runs to show it). Here:
any literal, language tag and IRI a document can produce survives the trip through
N-Triples and SPARQL, and a replacement leaves exactly the new triples.
"""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.store import replace_update

G = ox.NamedNode("https://w3id.org/police-kg/id/graph/meeting/x")
P = ox.NamedNode("https://w3id.org/police-kg/def#quote")
# Text as decoded minutes hold it: any character but lone surrogates.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
LITERALS = st.one_of(
    TEXT.map(ox.Literal),
    st.tuples(TEXT, st.sampled_from(["en", "en-gb", "cy"])).map(
        lambda t: ox.Literal(t[0], language=t[1])
    ),
    st.integers().map(ox.Literal),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LITERALS, min_size=0, max_size=8), st.lists(LITERALS, max_size=8))
def test_a_replacement_holds_exactly_the_new_terms(
    old: list[ox.Literal], new: list[ox.Literal]
) -> None:
    store = ox.Store()
    subject = ox.NamedNode("https://w3id.org/police-kg/id/meeting/x")
    other = ox.Quad(subject, P, ox.Literal("kept"), ox.NamedNode("https://e.org/g2"))
    store.add(other)
    for literals in (old, new):
        quads = [ox.Quad(subject, P, literal, G) for literal in literals]
        store.update(replace_update(G, quads))
    assert {q.object for q in store.quads_for_pattern(None, None, None, G)} == set(new)
    assert G in set(store.named_graphs())  # an empty graph is still named
    assert other in store


def test_blank_nodes_stay_one_node_each() -> None:
    store = ox.Store()
    a, b = ox.BlankNode(), ox.BlankNode()
    quads = [ox.Quad(a, P, b, G), ox.Quad(b, P, ox.Literal("q"), G)]
    store.update(replace_update(G, quads))
    (link,) = [q for q in store if isinstance(q.object, ox.BlankNode)]
    (quote,) = store.quads_for_pattern(link.object, P, None, G)
    assert quote.object == ox.Literal("q")

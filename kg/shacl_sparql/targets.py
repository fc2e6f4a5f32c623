"""SPARQL targets ruled out in Python: a focus query and an index in, "none" out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). A batch of SPARQL
constraints runs only if its focus query selects a node (`run._may_fail`); that query
needs a store of the meeting's triples, and loading and querying one cost 1 ms a
meeting, more than all the other checks. A focus query known here is first answered
on the index of the same triples (`kg.shacl_sparql.local.Index`): when every node it
could select surely fails its FILTER, it selects none, and neither the store nor the
query is made. A focus not known here (its text, white space aside, is the key), or a
value Python cannot read as Oxigraph does, is left to the query.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.namespaces import KG
from kg.shacl_sparql.constraints import HEADER
from kg.shacl_sparql.local import Index
from kg.shacl_sparql.values import integer_value

_EVIDENCE = str(KG.Evidence)
_START, _END, _QUOTE = str(KG.start), str(KG.end), str(KG.quote)
_DOCUMENT, _LENGTH = str(KG.document), str(KG.length)
_STRING = str(XSD.string)


def selects_none(header: str, focus: str, index: Index) -> bool:
    """Tell whether the focus query (`header`, `focus`) surely selects no node."""
    rule = _rule_of(header, focus)
    return rule is not None and rule(index)


@functools.lru_cache(maxsize=32)
def _rule_of(header: str, focus: str) -> Callable[[Index], bool] | None:
    return _RULES.get((_spaced(header), _spaced(focus)))


def _spaced(sparql: str) -> str:
    return " ".join(sparql.split())


def quotes_fit(index: Index) -> bool:
    """Tell whether every evidence's quote surely fits its offsets and its document.

    Then the target of `shapes/evidence.ttl` (`_QUOTES_MISFIT`) selects none: every
    node of kg:Evidence with a start, an end and a quote has, for every value of each
    and every length of its documents, STRLEN(quote) = end - start and end <= length.
    Offsets and lengths must be xsd:integer literals Python reads as Oxigraph does
    (`integer_value`), quotes plain strings. Instances of subclasses are checked too:
    more nodes than the target's, never fewer.
    """
    bounds_of: dict[Node, list[int | None]] = {}  # a document's lengths, read once
    for values in index.focus((_EVIDENCE,)).values():
        starts, ends, quotes = values.get(_START), values.get(_END), values.get(_QUOTE)
        if not (starts and ends and quotes):
            continue  # the target's pattern needs all three
        documents = values.get(_DOCUMENT, ())
        for start in starts:
            first = integer_value(start)
            for end in ends:
                last = integer_value(end)
                if first is None or last is None:
                    return False
                for quote in quotes:
                    if _size(quote) != last - first:
                        return False
                for document in documents:
                    bounds = bounds_of.get(document)
                    if bounds is None:
                        lengths = index.values_of(document).get(_LENGTH, ())
                        bounds = bounds_of[document] = list(map(integer_value, lengths))
                    for bound in bounds:
                        if bound is None or last > bound:
                            return False
    return True


def _size(quote: Node) -> int | None:
    """Give STRLEN of a plain string literal (None for any other term)."""
    if type(quote) is not Literal or quote.language is not None:
        return None
    datatype = quote.datatype
    if datatype is not None and str(datatype) != _STRING:
        return None
    return len(quote)  # of its lexical form, as `str(quote)`


# The evidence shape's SPARQL target, as `compile._focus` embeds it: the evidence
# nodes whose quote does not fit their offsets or their document.
_QUOTES_MISFIT = (
    "{ SELECT DISTINCT ?this WHERE { { { SELECT ?this WHERE { ?this a kg:Evidence ; "
    "kg:start ?start ; kg:end ?end ; kg:quote ?quote . "
    "OPTIONAL { ?this kg:document/kg:length ?length } "
    "FILTER (STRLEN(?quote) != ?end - ?start || (BOUND(?length) && ?end > ?length)) "
    "} } } } }"
)
_HEADER = _spaced(f"{HEADER}PREFIX kg: <{KG}>")

# Each known focus query (header and focus, white space collapsed) and the test that
# it surely selects none.
_RULES: dict[tuple[str, str], Callable[[Index], bool]] = {
    (_HEADER, _QUOTES_MISFIT): quotes_fit,
}

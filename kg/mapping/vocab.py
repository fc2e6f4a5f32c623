"""The vocabulary terms the mappers name, as plain attributes looked up once.

`kg.namespaces.KG`, `rdflib.namespace.RDF` and `XSD` are `DefinedNamespace` classes:
each attribute read goes through their metaclass (about half a microsecond), and one
meeting names a term some four hundred times. `KG`, `RDF` and `XSD` here hold the very
same `URIRef` objects as ordinary attributes; an unknown name still raises
`AttributeError`.

>>> from kg import namespaces
>>> KG.hasItem is namespaces.KG.hasItem, RDF.type == namespaces.RDF.type
(True, True)
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from rdflib import namespace
from rdflib.namespace import DefinedNamespace

from kg import namespaces


def snapshot(terms: type[DefinedNamespace]) -> SimpleNamespace:
    """Give every term `terms` declares as an attribute of a plain namespace."""
    names = [name for name in terms.__annotations__ if not name.startswith("_")]
    return SimpleNamespace(**{name: terms[name] for name in names})


KG = cast("type[namespaces.KG]", snapshot(namespaces.KG))
RDF = cast("type[namespace.RDF]", snapshot(namespace.RDF))
XSD = cast("type[namespace.XSD]", snapshot(namespace.XSD))

"""Validation stage, fast engine: SHACL shapes in, SPARQL SELECT checks, failures out.

`compile_shapes` turns every targeted node shape of a shapes graph into SPARQL SELECT
queries, one per core constraint of each property shape (`sh:minCount`, `sh:maxCount`,
`sh:datatype`, `sh:class`, `sh:in`, `sh:nodeKind`, `sh:minLength`, `sh:maxLength`,
`sh:pattern`, `sh:minInclusive` and the other range bounds, `sh:hasValue`,
`sh:lessThan`, `sh:lessThanOrEquals`) over paths made of IRIs, inverse, sequence,
alternative and repeated paths, and keeps each `sh:sparql` constraint's own SELECT,
joined with the shape's targets (`sh:targetClass`, `sh:targetNode`,
`sh:targetSubjectsOf`, `sh:targetObjectsOf`, SHACL-AF SPARQL targets). A query selects
the failing focus nodes of every target at once, so a whole store is checked in a few
hundred queries instead of one pySHACL pass per node. A node shape using anything else
(`sh:node`, qualified shapes, `sh:or`, node-level value constraints, ...) is not
compiled: it is listed in `Compiled.fallback` with the reason, for pySHACL to check
(`kg.validate`), never skipped. `find_failures` runs the checks through any SELECT
function (an Oxigraph store queried over the union of its graphs), checks of one focus
batched into shared queries (`kg.shacl_sparql.batch`), and gives `Failure`s;
`queried_triples` says which triples the queries it runs can match, so that a store
of only those answers them (`kg.shacl_sparql.reads`); a focus query Python can answer
on the index of the triples is not run when it surely selects nothing
(`kg.shacl_sparql.targets`).
"""

from kg.shacl_sparql.compile import (
    Check,
    Compiled,
    NotCompilableError,
    compile_shapes,
    path_sparql,
    path_text,
)
from kg.shacl_sparql.local import Index
from kg.shacl_sparql.run import (
    Failure,
    Select,
    find_failures,
    oxigraph_select,
    queried_triples,
    to_oxigraph,
)

__all__ = [
    "Check",
    "Compiled",
    "Failure",
    "Index",
    "NotCompilableError",
    "Select",
    "compile_shapes",
    "find_failures",
    "oxigraph_select",
    "path_sparql",
    "path_text",
    "queried_triples",
    "to_oxigraph",
]

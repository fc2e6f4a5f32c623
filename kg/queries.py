"""Queries stage: saved SPARQL files and parameter values in, `kg.store.Results` out.

`load_query(name)` reads `queries/NAME.rq` (or a `FILE.rq` path) and its grlc-style
header: `#+ summary: …` and `#+ params: force: force (optional), since: xsd:date
(optional)`. `run_query(store, query, params)` turns each value into an RDF term of its
declared type and binds it as data, never by pasting the user's text into the query.

How values are bound: pyoxigraph's `substitutions=` refuses a variable missing from the
SELECT projection (a `since` date only used in a FILTER), and a remote SPARQL endpoint
has no binding API at all. So each bound term goes into an inline `VALUES ?var { term }`
block placed first in the query's WHERE group, which any SPARQL 1.1 engine joins before
the group's FILTERs and OPTIONALs run. The term is written by pyoxigraph's own N-Triples
serialisation of a validated `NamedNode`/`Literal`, so no value can change the query's
shape; an optional parameter left out stays unbound (`FILTER(!BOUND(?since) || …)`).

A bound value drives the join only if the query joins on it, which would drop every row
when it is left out; so lines between `#+ if force` and `#+ end` are kept only when
`force` is given. That depends on the names given, never on the values (still bound by
`VALUES`). Lines between `#+ if has kg:nameKey` and `#+ end` are kept only when the
store holds a statement with that property (an index some graphs lack, such as files
written before it); `#+ else` in either kind of block starts the lines kept otherwise.
`limit` and `offset` end the query with `LIMIT`/`OFFSET`: one page of rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import resources
from kg.errors import KgError
from kg.namespaces import ID, PREFIXES
from kg.store import GraphStore, Results

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
Bound = ox.NamedNode | ox.Literal

# `pccs-discussing`, `item-topics`: a saved query's name is its file stem.
_QUERY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# `#+ summary: Which forces' meetings discussed a topic`
_HEADER_LINE = re.compile(r"^#\+\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
# `force: force (optional)` or `since: xsd:date` within a `#+ params:` line
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?P<type>[A-Za-z:_]+))?\s*(?P<opt>\(optional\))?$"
)
# `#+ if force` opens a block kept only when `force` is bound, `#+ if has kg:nameKey`
# one kept only when the store holds that property; `#+ else`, `#+ end`
_IF_LINE = re.compile(
    r"^\s*#\+\s*if\s+(?:has\s+(?P<term>[a-z]+:[A-Za-z_]\w*)|(?P<name>[A-Za-z_]\w*))\s*$"
)
_ELSE_LINE = re.compile(r"^\s*#\+\s*else\s*$")
_END_LINE = re.compile(r"^\s*#\+\s*end\s*$")
# `cyber-crime`, `avon-and-somerset`: a key of a thesaurus or of forces.ttl
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# `https://w3id.org/police-kg/id/topic/cyber-crime`, `urn:x:y`: an absolute IRI
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$")
# `id:topic/cyber-crime`: a prefixed name with a prefix of `kg.namespaces.PREFIXES`
_PREFIXED = re.compile(r"^(?P<prefix>[a-z]+):(?P<local>[^\s:/][^\s]*)$")


@dataclass(frozen=True, slots=True)
class Param:
    """A declared parameter: its name (the SPARQL variable), type and optionality."""

    name: str
    type: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A saved query: its name, where it came from, its text, summary and parameters."""

    name: str
    origin: str
    text: str
    summary: str
    params: tuple[Param, ...] = ()


def _key_iri(kind: str) -> Callable[[str], ox.NamedNode]:
    def convert(value: str) -> ox.NamedNode:
        if _ABSOLUTE_IRI.match(value) and "/" in value:
            return ox.NamedNode(value)
        if not _KEY.match(value):
            raise ValueError(f"not a {kind} key (like {kind}=avon-and-somerset)")
        return ox.NamedNode(str(ID[f"{kind}/{value}"]))

    return convert


def _iri(value: str) -> ox.NamedNode:
    prefixed = _PREFIXED.match(value)
    if prefixed and prefixed["prefix"] in PREFIXES:
        return ox.NamedNode(str(PREFIXES[prefixed["prefix"]]) + prefixed["local"])
    if not _ABSOLUTE_IRI.match(value):
        raise ValueError("not an IRI (give a full IRI or id:KIND/KEY)")
    return ox.NamedNode(value)


def _date(value: str) -> ox.Literal:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("not a date (write it YYYY-MM-DD)") from None
    return ox.Literal(day.isoformat(), datatype=XSD_DATE)


def _integer(value: str) -> ox.Literal:
    try:
        number = int(value)
    except ValueError:
        raise ValueError("not a whole number") from None
    return ox.Literal(str(number), datatype=XSD_INTEGER)


# The type vocabulary of `#+ params:` (case-insensitive), each a text → RDF term reader.
TYPES: dict[str, Callable[[str], Bound]] = {
    "force": _key_iri("force"),
    "topic": _key_iri("topic"),
    "iri": _iri,
    "xsd:date": _date,
    "date": _date,
    "string": ox.Literal,
    "xsd:string": ox.Literal,
    "integer": _integer,
    "xsd:integer": _integer,
}


def query_names() -> list[str]:
    """List the names of the saved queries, sorted."""
    return [n.removesuffix(".rq") for n in resources.names("queries", ".rq")]


def load_query(name: str) -> Query:
    """Load the saved query `name` (`queries/NAME.rq`) or the query file `name`."""
    if name.endswith(".rq"):
        return _load_query_file(Path(name))
    if not _QUERY_NAME.fullmatch(name):
        raise KgError(f"{name!r}: not a query name (see `kg queries`)")
    try:
        text = _read_saved(name)
    except FileNotFoundError:
        raise KgError(f"{name}: unknown query (see `kg queries`)") from None
    return parse_query(name, text, origin=f"queries/{name}.rq")


def _read_saved(name: str) -> str:
    folder = resources.data_dir("queries")
    entry = folder / f"{name}.rq"
    # A name stays inside queries/, even where a symbolic link there points elsewhere.
    if isinstance(folder, Path) and isinstance(entry, Path) and entry.exists():
        if not entry.resolve().is_relative_to(folder.resolve()):
            raise KgError(f"queries/{name}.rq: a link out of queries/, not a query")
    return resources.read_text("queries", f"{name}.rq")


def _load_query_file(path: Path) -> Query:
    if not path.is_file():
        raise KgError(f"{path}: no such query file (saved queries go by name)")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KgError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise KgError(f"{path}: not UTF-8 text (offset {error.start})") from None
    return parse_query(path.stem, text, origin=str(path))


def parse_query(name: str, text: str, *, origin: str) -> Query:
    r"""Read the `#+` header of a query's `text`.

    >>> q = parse_query("x", "#+ summary: S\n#+ params: force: force (optional)\n"
    ...                 "SELECT * { ?s ?p ?force }", origin="x.rq")
    >>> q.summary, q.params
    ('S', (Param(name='force', type='force', optional=True),))
    """
    if not text.strip():
        raise KgError(f"{origin}: empty query file")
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        found = _HEADER_LINE.match(line.strip())
        if found:
            header.setdefault(found["key"].lower(), []).append(found["value"])
    params = tuple(
        _read_param(part, origin=origin)
        for value in header.get("params", [])
        for part in value.split(",")
        if part.strip() and part.strip() != "-"
    )
    summary = " ".join(header.get("summary", []))
    # A misplaced `#+ if`/`#+ end` is reported when the query is loaded, not run.
    names = {p.name for p in params}
    keep_blocks(text, names, declared=names, origin=origin)
    return Query(name=name, origin=origin, text=text, summary=summary, params=params)


def _read_param(part: str, *, origin: str) -> Param:
    found = _PARAM.match(part.strip().lstrip("- "))
    if not found:
        raise KgError(f"{origin}: cannot read parameter {part.strip()!r} in #+ params")
    kind = (found["type"] or "string").lower()
    if kind not in TYPES:
        known = ", ".join(sorted(TYPES))
        raise KgError(f"{origin}: parameter type {kind!r} is not one of {known}")
    return Param(name=found["name"], type=kind, optional=bool(found["opt"]))


def bind_params(query: Query, params: Mapping[str, str]) -> dict[str, Bound]:
    """Read each parameter value as an RDF term; unknown or missing ones are errors."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        allowed = ", ".join(declared) or "none"
        raise KgError(f"{query.name}: unknown parameter {unknown[0]!r} ({allowed})")
    missing = [p.name for p in query.params if not p.optional and p.name not in params]
    if missing:
        raise KgError(f"{query.name}: missing parameter --param {missing[0]}=VALUE")
    terms: dict[str, Bound] = {}
    for name, value in params.items():
        param = declared[name]
        try:
            terms[name] = _param_reader(param)(value)
        except ValueError as error:
            raise KgError(f"{query.name}: {name}={value!r}: {error}") from None
    return terms


def _param_reader(param: Param) -> Callable[[str], Bound]:
    # A `topic: IRI` parameter also takes a bare key, as `--param topic=cyber-crime`.
    if param.type == "iri" and param.name in ("force", "topic"):
        return TYPES[param.name]
    return TYPES[param.type]


@dataclass(frozen=True, slots=True)
class Page:
    """Some rows of a query's results, and whether more rows follow them."""

    results: Results
    more: bool


def run_query(
    store: GraphStore,
    query: Query | str,
    params: Mapping[str, str],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Results:
    """Run a saved query (a `Query` or its name) with `params` bound as RDF terms."""
    loaded = query if isinstance(query, Query) else load_query(query)
    if (limit is not None and limit < 0) or offset < 0:
        raise KgError(f"{loaded.name}: a limit or offset is a whole number ≥ 0")
    terms = bind_params(loaded, params)
    declared = {p.name for p in loaded.params}
    holds = held(store, loaded.text, origin=loaded.origin)
    kept = keep_blocks(
        loaded.text, set(terms), declared=declared, origin=loaded.origin, holds=holds
    )
    text = with_values(kept, terms, origin=loaded.origin)
    paged = with_page(text, limit, offset)
    try:
        results = store.select(paged or text)
    except KgError as error:
        raise KgError(f"{loaded.origin}: {error}") from None
    except (RuntimeError, ValueError, OSError) as error:
        raise KgError(f"{loaded.origin}: query failed: {error}") from None
    if paged is None and (limit is not None or offset):
        # The query pages itself (its own LIMIT, OFFSET or VALUES): cut its rows here.
        end = None if limit is None else offset + limit
        return Results(results.variables, results.rows[offset:end])
    return results


def run_page(
    store: GraphStore,
    query: Query | str,
    params: Mapping[str, str],
    *,
    limit: int | None,
    offset: int = 0,
) -> Page:
    """Run a query for `limit` rows (None: all) after `offset`; say if more follow."""
    if limit is None:
        return Page(run_query(store, query, params, offset=offset), more=False)
    found = run_query(store, query, params, limit=limit + 1, offset=offset)
    rows = found.rows[:limit]
    return Page(Results(found.variables, rows), more=len(found.rows) > limit)


def keep_blocks(
    text: str,
    bound: set[str],
    *,
    declared: set[str],
    origin: str,
    holds: Collection[str] = (),
) -> str:
    r"""Keep the lines of each block whose condition holds, or of its `#+ else` part.

    `#+ if NAME` holds when the parameter NAME is `bound`; `#+ if has PREFIX:TERM`
    when TERM is in `holds`, the properties the store has statements of.

    >>> text = "SELECT * {\n#+ if force\n?b ?p ?force .\n#+ end\n?s ?p ?o }"
    >>> keep_blocks(text, set(), declared={"force"}, origin="q")
    'SELECT * {\n?s ?p ?o }'
    >>> keep_blocks(text, {"force"}, declared={"force"}, origin="q")
    'SELECT * {\n?b ?p ?force .\n?s ?p ?o }'
    >>> text = "#+ if has kg:key\n?s kg:key ?k .\n#+ else\n?s kg:name ?n .\n#+ end"
    >>> keep_blocks(text, set(), declared=set(), origin="q", holds={"kg:key"})
    '?s kg:key ?k .'
    >>> keep_blocks(text, set(), declared=set(), origin="q")
    '?s kg:name ?n .'
    """
    lines: list[str] = []
    within: str | None = None  # the open block's condition, as written
    keeping = True
    for number, line in enumerate(text.split("\n"), 1):
        opened, closed = _IF_LINE.match(line), _END_LINE.match(line)
        otherwise = _ELSE_LINE.match(line)
        if opened and within is None and _known(opened, declared):
            within = opened["term"] or opened["name"]
            keeping = within in holds if opened["term"] else within in bound
        elif otherwise and within is not None:
            keeping = not keeping
        elif closed and within is not None:
            within, keeping = None, True
        elif opened or closed or otherwise:
            problem = "an unknown parameter" if opened and within is None else "a stray"
            raise KgError(f"{origin}: line {number}: {problem} {line.strip()!r}")
        elif keeping:
            lines.append(line)
    if within is not None:
        raise KgError(f"{origin}: `#+ if {within}` has no `#+ end`")
    return "\n".join(lines)


def _known(opened: re.Match[str], declared: set[str]) -> bool:
    # A data condition names a property by a prefix of `kg.namespaces.PREFIXES`.
    if opened["term"]:
        return opened["term"].split(":", 1)[0] in PREFIXES
    return opened["name"] in declared


def data_conditions(text: str) -> list[str]:
    r"""Give the properties that `#+ if has PREFIX:TERM` lines of `text` ask about.

    >>> data_conditions("#+ if force\n#+ end\n#+ if has kg:nameKey\n#+ end")
    ['kg:nameKey']
    """
    found = (_IF_LINE.match(line) for line in text.split("\n"))
    return [m["term"] for m in found if m is not None and m["term"]]


def held(store: GraphStore, text: str, *, origin: str) -> set[str]:
    """Give the `#+ if has` properties of `text` that `store` has statements of."""
    return {term for term in data_conditions(text) if _holds(store, term, origin)}


def _holds(store: GraphStore, term: str, origin: str) -> bool:
    """Say if `store` has a statement of the property `term` (a prefixed name)."""
    prefix, local = term.split(":", 1)
    iri = ox.NamedNode(str(PREFIXES[prefix]) + local)
    try:
        return store.ask(f"ASK {{ ?s {iri} ?o }}")
    except KgError as error:
        raise KgError(f"{origin}: {error}") from None
    except (RuntimeError, ValueError, OSError) as error:
        raise KgError(f"{origin}: query failed: {error}") from None


def with_values(text: str, terms: Mapping[str, Bound], *, origin: str) -> str:
    r"""Put a `VALUES ?name { term }` per term first in the WHERE group of `text`.

    >>> with_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": ox.Literal("x")}, origin="q")
    'SELECT ?s WHERE {\nVALUES ?o { "x" }\n ?s ?p ?o }'
    """
    if not terms:
        return text
    brace = where_brace(text)
    if brace is None:
        raise KgError(f"{origin}: cannot find the query's WHERE {{ … }} group")
    blocks = "".join(f"\nVALUES ?{n} {{ {t} }}" for n, t in sorted(terms.items()))
    return text[: brace + 1] + blocks + "\n" + text[brace + 1 :]


# An IRIREF of the SPARQL grammar: `<https://w3id.org/police-kg/def#>`
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# A string literal, long or short: `"Avon and Somerset"`, `'''…'''`
_STRING = re.compile(
    r"\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'",
    re.S,
)
# A comment runs from `#` to the end of its line: `# the force's PCC post`
_COMMENT = re.compile(r"#[^\n]*")


def where_brace(text: str) -> int | None:
    r"""Find the `{` opening a SELECT or ASK query's WHERE group (its offset).

    >>> where_brace('PREFIX k: <a#b> # {\nSELECT (STR("{") AS ?x) { ?s ?p ?o }')
    44
    """
    depth = 0
    for i, char in _code(text, 0):
        if char == "{" and depth == 0:
            return i
        depth += {"(": 1, ")": -1}.get(char, 0)
    return None


def _code(text: str, start: int) -> Iterator[tuple[int, str]]:
    """Each character of `text` from `start` outside IRIs, strings and comments."""
    i = start
    while i < len(text):
        skip = {"<": _IRIREF, '"': _STRING, "'": _STRING, "#": _COMMENT}.get(text[i])
        found = skip.match(text, i) if skip else None
        if found:
            i = found.end()
            continue
        yield i, text[i]
        i += 1


# What a query's own paging or trailing data looks like after its WHERE group
_PAGING = re.compile(r"\b(?:LIMIT|OFFSET|VALUES)\b", re.I)


def with_page(text: str, limit: int | None, offset: int) -> str | None:
    r"""End `text` with `LIMIT`/`OFFSET`; None where the query has its own or none fits.

    >>> with_page("SELECT * { ?s ?p ?o } ORDER BY ?s # last", 10, 20)
    'SELECT * { ?s ?p ?o } ORDER BY ?s # last\nLIMIT 10\nOFFSET 20\n'
    >>> with_page("SELECT * { ?s ?p ?o } LIMIT 5", 10, 0) is None
    True
    """
    if limit is None and not offset:
        return text
    brace = where_brace(text)
    end = None if brace is None else _group_end(text, brace)
    if end is None or _PAGING.search(_COMMENT.sub("", text[end:])):
        return None
    page = "" if limit is None else f"\nLIMIT {int(limit)}"
    return text + page + (f"\nOFFSET {int(offset)}" if offset else "") + "\n"


def _group_end(text: str, brace: int) -> int | None:
    depth = 0
    for i, char in _code(text, brace):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return i + 1
    return None

"""Parsing helpers: the force reference data (`ontology/forces.ttl`) to a name lookup.

`force_lexicon()` reads the Turtle once into a `ForceLexicon` (every wording of every
force with its weight); `resolve_force(text, ...)` weighs the mentions in a document's
text and returns the police.uk force id as a `Located[str]`, or None when nothing points
to one.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDFS, SKOS, Graph, Literal

from kg import resources
from kg.namespaces import KG
from kg.records import Located, Span

# How much one mention counts, by the kind of wording matched.
_WEIGHTS = {"force": 3.0, "area": 2.0, "place": 1.0}
# A mention inside the meeting's heading or body name counts this many times over.
_HEADING_FACTOR = 4.0
# A force without a territory (British Transport Police) is named in passing far more
# often than it meets: outside the heading its mentions count this much.
_NON_TERRITORIAL = {"btp": 0.5}
# A capitalised word, where a force's wording may start: "Avon", "A&S", "King's" (what
# comes before is tested once the capital is found: the engine skips to each capital)
_CAPITAL_WORD = re.compile(r"[A-Z](?<![\w&-][A-Z])[\w'’&.-]*")
_WORD_TAIL = ".'’-"
# Below this total no force is claimed: one passing place name is not evidence enough.
_MIN_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class ForceLexicon:
    """Every wording of every force: `kinds[wording] = (force id, weight kind)`."""

    kinds: dict[str, tuple[str, str]]
    folded: dict[str, tuple[str, str]]
    firsts: frozenset[str]
    areas: dict[str, str]
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Mention:
    """One wording of a force found in the text."""

    force: str
    weight: float
    span: Span


@functools.cache
def force_lexicon() -> ForceLexicon:
    """Load the lexicon of `ontology/forces.ttl` (once per process)."""
    graph = Graph().parse(
        data=resources.read_text("ontology", "forces.ttl"), format="turtle"
    )
    kinds: dict[str, tuple[str, str]] = {}
    areas: dict[str, str] = {}
    for force in graph.subjects(SKOS.notation, None):
        key = str(graph.value(force, SKOS.notation))
        areas[key] = str(graph.value(force, RDFS.label) or key)
        for prop, kind in (
            (KG.areaName, "place"),
            (SKOS.hiddenLabel, "area"),
            (RDFS.label, "area"),
            (SKOS.altLabel, "area"),
            (SKOS.prefLabel, "force"),
        ):
            for label in graph.objects(force, prop):
                if isinstance(label, Literal):
                    kinds[str(label)] = (key, _kind_of(str(label), kind))
    firsts = frozenset(_first_word(label) for label in kinds)
    return ForceLexicon(
        kinds=kinds,
        folded={label.casefold(): value for label, value in kinds.items()},
        firsts=firsts,
        areas=areas,
        pattern=_compile(kinds),
    )


def _first_word(label: str) -> str:
    """Fold the first word of a wording: "Avon & Somerset Police" -> "avon"."""
    match = _CAPITAL_WORD.match(label)
    return (match.group() if match else label).rstrip(_WORD_TAIL).casefold()


def _kind_of(label: str, kind: str) -> str:
    """Weigh a label naming the force itself ("West Mercia Police") the most."""
    if re.search(r"\b(?:Police|Constabulary|Heddlu)\b", label):
        return "force"
    return kind


def _compile(labels: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """One alternation, longest wording first; several-word wordings ignore case."""
    parts = []
    for label in sorted(labels, key=len, reverse=True):
        escaped = re.escape(label).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{escaped})" if " " in label else escaped)
    return re.compile(r"\b(?=[A-Z])(?<![\w&-])(?:" + "|".join(parts) + r")(?![\w&-])")


def find_mentions(text: str, *, offset: int = 0) -> Iterator[Mention]:
    """Yield every force wording in `text`, longest match first at each position.

    >>> [m.force for m in find_mentions("Thames Valley Police and Bristol")]
    ['thames-valley', 'avon-and-somerset']
    """
    lexicon = force_lexicon()
    firsts = lexicon.firsts
    resume = 0
    # The alternation is tried only where a capitalised word could start a wording.
    for word in _CAPITAL_WORD.finditer(text):
        first = word.group().rstrip(_WORD_TAIL).casefold()
        if first not in firsts or word.start() < resume:
            continue
        match = lexicon.pattern.match(text, word.start())
        if match is None:
            continue
        resume = match.end()
        key = " ".join(match.group().split())
        force, kind = lexicon.kinds.get(key) or lexicon.folded[key.casefold()]
        span = Span(match.start() + offset, match.end() + offset)
        yield Mention(force, _WEIGHTS[kind], span)


def area_label(force: str) -> str:
    """Give the force area's name as body names use it.

    >>> area_label("avon-and-somerset")
    'Avon and Somerset'
    """
    return force_lexicon().areas.get(force, force)


def resolve_force(text: str, *, heading: Span | None = None) -> Located[str] | None:
    """Find the force the text is about: mentions weighed, `heading` ones the most.

    >>> resolve_force("Bristol. Avon and Somerset. British Transport Police.").value
    'avon-and-somerset'
    """
    scores: dict[str, float] = defaultdict(float)
    quote: dict[str, tuple[float, int, Span]] = {}
    for mention in find_mentions(text):
        start = mention.span.start
        inside = heading is not None and heading.start <= start < heading.end
        passing = _NON_TERRITORIAL.get(mention.force, 1.0)
        weight = mention.weight * (_HEADING_FACTOR if inside else passing)
        scores[mention.force] += weight
        # the quote is the weightiest, then earliest, mention of the force
        quote[mention.force] = max(
            quote.get(mention.force, (0.0, 0, mention.span)),
            (weight, -mention.span.start, mention.span),
            key=lambda q: (q[0], q[1]),
        )
    if not scores:
        return None
    best = max(scores, key=lambda key: (scores[key], quote[key][1]))
    if scores[best] < _MIN_SCORE:
        return None
    return Located(best, quote[best][2])

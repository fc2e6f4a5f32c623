"""Topic thesaurus (extraction stage): `ontology/topics.ttl` to compiled matchers.

Reads the SKOS concept scheme (an rdflib `Graph`) and gives one `TopicMatcher` per
concept: its key (`skos:notation`) and a regex built from its `prefLabel`, `altLabel`
and `hiddenLabel` wordings. Case, plurals, possessives, hyphens and spaces are folded,
so "cyber crime" also finds "Cybercrime" and "cyber-crimes"; labels written with
capitals (abbreviations such as "ASB", programme names such as "Prevent") match only as
written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.resources import read_text


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """A thesaurus concept: its key and the compiled pattern of all its wordings."""

    key: str
    pattern: re.Pattern[str]


# separators folded between a label's words: "cyber crime", "cyber-crime", "cybercrime"
_SEPARATOR = r"[\s\-‐–,/]*"
_SPLIT = re.compile(r"[\s\-‐–,/]+")
_APOSTROPHE = re.compile(r"['’]")


def _word_pattern(word: str, *, last: bool) -> str:
    escaped = _APOSTROPHE.sub("['’]?", re.escape(word))
    if not last or word[-1].isdigit():
        return escaped
    if word.endswith("y") and len(word) > 3:
        # "strategy" / "strategies"
        return escaped[:-1] + "(?:y|ies)"
    return escaped + "(?:['’]?s|es|['’])?"


def label_pattern(label: str) -> str:
    """Build one label's regex source: folded separators, plural and boundaries.

    >>> bool(re.fullmatch(label_pattern("cyber crime"), "cybercrimes", re.I))
    True
    >>> bool(re.search(label_pattern("101"), "a cost of £101,000"))
    False
    """
    words = [w for w in _SPLIT.split(label.strip()) if w]
    body = _SEPARATOR.join(
        _word_pattern(w, last=i == len(words) - 1) for i, w in enumerate(words)
    )
    # "101" must not be part of "£101,000"; words must not be part of longer words
    return rf"(?<![\w£$])(?<![\w][.,]){body}(?!\w)(?![.,/]\d)"


def _alternation(labels: list[str]) -> str:
    ordered = sorted(set(labels), key=lambda label: (-len(label), label))
    return "|".join(label_pattern(label) for label in ordered)


def compile_matcher(
    key: str, labels: list[str], pref_labels: list[str]
) -> TopicMatcher:
    """Compile one matcher: lower-case and pref labels fold case, others match as is.

    >>> m = compile_matcher("anti-social-behaviour", ["ASB"], ["Anti-social behaviour"])
    >>> [x.group() for x in m.pattern.finditer("ASB and antisocial behaviour, not asb")]
    ['ASB', 'antisocial behaviour']
    """
    folded = [label for label in labels if label == label.lower()] + pref_labels
    exact = [label for label in labels if label != label.lower()]
    parts = []
    if folded:
        parts.append(f"(?i:{_alternation(folded)})")
    if exact:
        parts.append(f"(?:{_alternation(exact)})")
    return TopicMatcher(key, re.compile("|".join(parts)))


def matchers_from_graph(graph: Graph) -> tuple[TopicMatcher, ...]:
    """Compile a matcher per concept with a `skos:notation` in `graph`, by key."""
    matchers = []
    for concept, notation in graph.subject_objects(SKOS.notation):
        prefs = [str(o) for o in graph.objects(concept, SKOS.prefLabel)]
        others = [
            str(o)
            for prop in (SKOS.altLabel, SKOS.hiddenLabel)
            for o in graph.objects(concept, prop)
        ]
        matchers.append(compile_matcher(str(notation), others, prefs))
    return tuple(sorted(matchers, key=lambda m: m.key))


@functools.cache
def load_thesaurus() -> tuple[TopicMatcher, ...]:
    """Load the matchers of `ontology/topics.ttl` (read once per process)."""
    graph = Graph().parse(data=read_text("ontology", "topics.ttl"), format="turtle")
    return matchers_from_graph(graph)

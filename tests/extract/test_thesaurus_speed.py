"""The fast forms of the thesaurus matchers find what the plain forms find.

`compile_matcher` writes the boundary checks of a wording once around all of a
concept's labels; the reference is the plain alternation of each label's whole
`label_pattern`. `fold_case` lets lower-case patterns run without re.IGNORECASE.
"""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.extract.thesaurus import (
    _fold_char,
    compile_matcher,
    fold_case,
    label_pattern,
    load_thesaurus,
)
from kg.resources import read_text


def plain_pattern(labels: list[str], pref_labels: list[str]) -> re.Pattern[str]:
    """The reference: each label's whole pattern, longest first, folded ones first."""

    def alternation(chosen: list[str]) -> str:
        ordered = sorted(set(chosen), key=lambda label: (-len(label), label))
        return "|".join(label_pattern(label) for label in ordered)

    folded = [label for label in labels if label == label.lower()] + pref_labels
    exact = [label for label in labels if label != label.lower()]
    parts = []
    if folded:
        parts.append(f"(?i:{alternation(folded)})")
    if exact:
        parts.append(f"(?:{alternation(exact)})")
    return re.compile("|".join(parts))


@cache
def concepts() -> tuple[tuple[str, list[str], list[str]], ...]:
    graph = Graph().parse(data=read_text("ontology", "topics.ttl"), format="turtle")
    found = []
    for concept, notation in graph.subject_objects(SKOS.notation):
        prefs = [str(o) for o in graph.objects(concept, SKOS.prefLabel)]
        others = [
            str(o)
            for prop in (SKOS.altLabel, SKOS.hiddenLabel)
            for o in graph.objects(concept, prop)
        ]
        found.append((str(notation), others, prefs))
    return tuple(sorted(found))


@cache
def plain_thesaurus() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((key, plain_pattern(o, p)) for key, o, p in concepts())


@cache
def all_wordings() -> tuple[str, ...]:
    return tuple(sorted({w for _, o, p in concepts() for w in o + p}))


def variants(wording: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            wording,
            wording.upper(),
            wording.lower(),
            wording.title(),
            wording.replace(" ", ""),
            wording.replace(" ", "-"),
            wording + "s",
            wording + "'s",
            wording[:-1] + "ies",
            wording.replace("'", "’"),
            wording.replace("k", "\u212a").replace("s", "\u017f"),
        ]
    )


NOISE = st.text(
    alphabet=st.sampled_from(list("ab1 ,.-/£$'’\n\u212a\u017f\u0130\u0131éY")),
    max_size=6,
)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    wording = st.sampled_from(all_wordings()).flatmap(variants)
    return "".join(draw(st.lists(st.one_of(NOISE, wording), max_size=12)))


def test_the_shipped_thesaurus_is_compiled_as_tested_here() -> None:
    shipped = {m.key: m.pattern.pattern for m in load_thesaurus()}
    compiled = {
        key: compile_matcher(key, o, p).pattern.pattern for key, o, p in concepts()
    }
    assert shipped == compiled


@settings(max_examples=300, deadline=None)
@given(mixed_text())
def test_matchers_find_what_the_plain_alternation_finds(text: str) -> None:
    for key, others, prefs in concepts():
        fast = compile_matcher(key, others, prefs).pattern
        plain = dict(plain_thesaurus())[key]
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], key
        for at in range(len(text)):
            got, want = fast.match(text, at), plain.match(text, at)
            assert (got and got.span()) == (want and want.span()), (key, at)


@given(st.text(alphabet=st.sampled_from(list("aAkKsSiI .,\u212a\u017f\u0130\u0131é"))))
def test_fold_case_matches_as_ignorecase_does(text: str) -> None:
    folded = fold_case(text)
    assert len(folded) == len(text)
    for letter in "aksi":
        assert [m.start() for m in re.finditer(letter, folded)] == [
            m.start() for m in re.finditer(letter, text, re.IGNORECASE)
        ]
    assert [m.start() for m in re.finditer(r"\b\w", folded)] == [
        m.start() for m in re.finditer(r"\b\w", text)
    ]


@given(st.text())
def test_fold_case_folds_each_character_as_the_slow_path_does(text: str) -> None:
    assert fold_case(text) == "".join(map(_fold_char, text))

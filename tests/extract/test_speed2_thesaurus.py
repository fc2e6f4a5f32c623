"""A concept narrowed to the wordings that open at a word matches as its whole pattern.

`find_wordings` tries, where a word starts, only the wordings of a concept whose key
begins the word (`_tries_at`); the tests hold each narrowed pattern to the concept's
whole pattern at every word start of texts full of wordings and near-misses. The word
starts are found by one search for the keys (`_Index.starts`), held here to the plain
loop over every word.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from wordings import all_wordings

from kg.extract.thesaurus import (
    _WORD,
    _index_of,
    _tries_at,
    compile_matcher,
    fold_case,
    load_thesaurus,
)


def variants(wording: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            wording,
            wording.upper(),
            wording.lower(),
            wording.replace(" ", "-"),
            wording + "s",
            wording[: len(wording) // 2],
            "x" + wording,  # a key inside a word, not at its start
            wording.replace("k", "\u212a").replace("s", "\u017f"),
        ]
    )


NOISE = st.text(alphabet=st.sampled_from(list("ab1 ,.-/£'’\n\u0130éY")), max_size=5)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    wording = st.sampled_from(all_wordings()).flatmap(variants)
    return "".join(draw(st.lists(st.one_of(NOISE, wording), max_size=12)))


def word_tries(text: str) -> list[tuple[int, tuple[Any, ...]]]:
    """Each word start of `text` (folded) and the tries its first letters give."""
    thesaurus = load_thesaurus()
    index = _index_of(thesaurus)
    folded = fold_case(text)
    width = index.lengths[-1]
    return [
        (at, _tries_at(folded[at : at + width], thesaurus, index))
        for at in (word.start() for word in _WORD.finditer(folded))
    ]


@settings(max_examples=300, deadline=None)
@given(mixed_text())
def test_narrowed_patterns_match_as_the_whole_ones(text: str) -> None:
    thesaurus = load_thesaurus()
    for at, tries in word_tries(text):
        for number, pattern in tries:
            narrowed = pattern.match(text, at)
            whole = thesaurus[number].pattern.match(text, at)
            assert (narrowed and narrowed.span()) == (whole and whole.span())


def test_a_matcher_keeps_its_wordings_in_the_order_of_its_pattern() -> None:
    matcher = compile_matcher("a", ["ASB", "anti social"], ["Anti-social behaviour"])
    assert [w.folds for w in matcher.wordings] == [True, True, False]
    assert [w.opening for w in matcher.wordings] == ["Anti", "anti", "ASB"]
    index = _index_of((matcher,))
    [(_, narrowed)] = _tries_at("asb o", (matcher,), index)
    assert narrowed.match("ASB") and not narrowed.match("anti social")


@settings(max_examples=300, deadline=None)
@given(mixed_text())
def test_the_key_search_finds_every_word_start_with_tries(text: str) -> None:
    index = _index_of(load_thesaurus())
    expected = [at for at, tries in word_tries(text) if tries]
    assert [m.start() for m in index.starts.finditer(fold_case(text))] == expected

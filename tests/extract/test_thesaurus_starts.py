"""The thesaurus's key search finds the word starts the plain loop tries.

`_tries` visits only the word starts a thesaurus key begins (`_Index.starts`, one
search) instead of every word; the reference here is the plain form: every word start
whose first letters give tries.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from wordings import all_wordings

from kg.extract.thesaurus import _WORD, _index_of, _tries_at, fold_case, load_thesaurus


def variants(wording: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            wording,
            wording.upper(),
            wording.replace(" ", "-"),
            wording + "s",
            wording[: len(wording) // 2],
            "x" + wording,
            wording.replace("k", "\u212a").replace("s", "\u017f"),
        ]
    )


NOISE = st.sampled_from(
    [" ", ", ", ". ", ".\n", "\n- ", "(", ") ", "such as ", "the ", "£", "1", "é", "İ"]
)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    wording = st.sampled_from(all_wordings()).flatmap(variants)
    return "".join(draw(st.lists(st.one_of(NOISE, wording), max_size=16)))


@settings(max_examples=300, deadline=None)
@given(mixed_text())
def test_the_key_search_finds_every_word_start_with_tries(text: str) -> None:
    thesaurus = load_thesaurus()
    index = _index_of(thesaurus)
    folded = fold_case(text)
    width = index.lengths[-1]
    expected = [
        word.start()
        for word in _WORD.finditer(folded)
        if _tries_at(folded[word.start() : word.start() + width], thesaurus, index)
    ]
    assert [m.start() for m in index.starts.finditer(folded)] == expected

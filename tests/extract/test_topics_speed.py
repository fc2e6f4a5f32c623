"""The faster topic checks give what the plain forms of the rules give.

`_PASSING` runs without re.IGNORECASE over `fold_case` text, and the outermost
wordings are chosen by a plain loop; the references here are the plain forms.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import topics
from kg.extract.thesaurus import find_wordings, load_thesaurus
from kg.extract.topics import _Match, is_passing, sentence_matches

PASSING_IGNORING_CASE = re.compile(topics._PASSING.pattern, re.IGNORECASE)


def plain_is_passing(sentence: str, start: int, end: int) -> bool:
    return (
        bool(PASSING_IGNORING_CASE.search(sentence[max(0, start - 40) : start]))
        or topics._names_a_post_or_body(sentence, start, end)
        or topics._in_list(sentence, start, end)
        or topics._in_brackets_list(sentence, start, end)
    )


def plain_sentence_matches(words: str, *, passing: bool) -> list[_Match]:
    found = [_Match(*hit) for hit in find_wordings(words, load_thesaurus())]
    outer = [
        m
        for m in found
        if not any(
            o.key != m.key
            and o.start <= m.start
            and m.end <= o.end
            and o != m
            and (o.end - o.start) > (m.end - m.start)
            for o in found
        )
    ]
    if passing:
        return outer
    return [m for m in outer if not plain_is_passing(words, m.start, m.end)]


PIECES = (
    "Such as Like THAN e.g. I.E. For Example compared With as well as, Including etc "
    "other than \u212aelvin \u017fuch li\u212ae \u0130ncluding \u0131.e "
    "ASB anti-social behaviour workforce workforce diversity cyber crime hate crime "
    "Chief Finance Officer Head of Estates Safeguarding Board Minutes 101 cases "
    "(Prevent, Channel) Vetting, Training, and"
).split()


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(PIECES), max_size=16))
    separators = draw(
        st.lists(st.sampled_from([" ", ", ", " - ", ". "]), min_size=len(words))
    )
    return "".join(w + s for w, s in zip(words, separators, strict=False))


@settings(max_examples=300, deadline=None)
@given(sentence())
def test_sentence_matches_give_what_the_plain_rules_give(text: str) -> None:
    for passing in (True, False):
        assert sentence_matches(
            text, load_thesaurus(), passing=passing
        ) == plain_sentence_matches(text, passing=passing)


@given(sentence(), st.data())
def test_is_passing_gives_what_the_plain_rules_give(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert is_passing(text, start, end) == plain_is_passing(text, start, end)

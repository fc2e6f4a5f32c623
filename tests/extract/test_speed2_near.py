"""Patterns tried where a literal search finds their first word give every match.

`finditer_at` tries a pattern only at the offsets `word_starts` gives; the tests hold
it to `pattern.finditer` over the whole text, on texts made mostly of near-misses.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from word_texts import pieces, spans

from kg.extract import speakers
from kg.extract.near import finditer_at, word_starts

# (pattern, the words it opens with) as the extractors search them
SEARCHES = {
    "invited": (speakers.INVITED_RE, ("invited",)),
    "post speaker": (speakers.POST_SPEAKER_RE, speakers._THE),
    "appositive": (speakers.APPOSITIVE_RE, speakers._THE),
}

WORDS = (
    "The the THE There other bathe theThe invited uninvited Invited Cllr Councillor "
    "Ann Bee O'Brien Zoë A. to introduce present Police and Crime Commissioner PCC "
    "PFCC Deputy Chief Constable Assistant Head of Finance preferred candidate, , "
    "also then further said explained set out reminded Board"
).split()
SEPARATORS = [" ", "  ", "\n", ", ", "\u00a0", ""]


@settings(max_examples=300)
@given(
    pieces(WORDS, SEPARATORS, max_size=40),
    st.sampled_from(sorted(SEARCHES)),
)
@example([("The", " "), ("PCC", " "), ("said", "")], "post speaker")
@example(
    [("The", " "), ("Head", ", "), ("Ann", " "), ("Bee", ", "), ("said", "")],
    "appositive",
)
@example(
    [("invited", " "), ("Cllr", " "), ("Bee", " "), ("to", " "), ("present", "")],
    "invited",
)
def test_tried_at_first_words_are_all_the_matches(
    pieces: list[tuple[str, str]], search: str
) -> None:
    pattern, words = SEARCHES[search]
    text = "".join(word + sep for word, sep in pieces)
    found = finditer_at(pattern, text, word_starts(text, *words))
    assert spans(found) == spans(pattern.finditer(text))


@given(st.text(alphabet="Thet ", max_size=30))
def test_word_starts_are_every_offset_of_the_words(text: str) -> None:
    every = [at for at in range(len(text)) if text.startswith(("The", "the"), at)]
    assert word_starts(text, "The", "the") == every


def test_a_pattern_is_not_tried_inside_its_last_match() -> None:
    pattern = re.compile(r"the(?: the)*")
    text = "the the the"
    found = finditer_at(pattern, text, word_starts(text, "the"))
    assert [m.span() for m in found] == [(0, 11)]

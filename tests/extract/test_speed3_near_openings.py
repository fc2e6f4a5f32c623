"""Keywords found from their opening words give the matches a search of them gives.

`finditer_near` takes, for the substitution and movement sentences, the words each
keyword opens with: the keyword is tried where a literal search finds them only. The
tests hold the keyword's matches, and the sentences found near them, to searches of
the whole text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from word_texts import pieces, spans

from kg.extract import sections, speakers
from kg.extract.near import finditer_at, finditer_near, word_starts

# (pattern, keyword, spaces, openings) as the extractors search them
SEARCHES = {
    "substitute": (
        sections.SUBSTITUTE_SENTENCE_RE,
        sections._SUBSTITUTE_WORDS,
        sections._SUBSTITUTE_SPACES,
        sections.SUBSTITUTE_OPENINGS,
    ),
    "movement": (
        speakers.MOVEMENT_RE,
        speakers._MOVEMENT_VERBS,
        speakers._MOVEMENT_SPACES,
        speakers.MOVEMENT_OPENINGS,
    ),
}

WORDS = (
    "Cllr Councillor County T/ Det. Supt. Mrs Ann Bee O'Brien Zoë was in attendance "
    "present as a the substitute substitutes Substitute deputy deputising member for "
    "substituted place Place placeof of replacing standing Standing in left Left "
    "joined arrived entered re-entered returned returnedleft to meeting , . ;"
).split()
SEPARATORS = [" ", "  ", "\n", "\t", "\u00a0", ""]


@settings(max_examples=300)
@given(
    pieces(WORDS, SEPARATORS, max_size=40),
    st.sampled_from(sorted(SEARCHES)),
)
def test_keywords_from_their_openings_find_every_match(
    pieces: list[tuple[str, str]], search: str
) -> None:
    pattern, keyword, spaces, openings = SEARCHES[search]
    text = "".join(word + sep for word, sep in pieces)
    keys = finditer_at(keyword, text, word_starts(text, *openings))
    assert spans(keys) == spans(keyword.finditer(text))
    found = finditer_near(pattern, text, keyword, spaces=spaces, openings=openings)
    assert spans(found) == spans(pattern.finditer(text))

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from word_texts import pieces, spans

from kg.extract import sections, speakers
from kg.extract.names import NAME_START
from kg.extract.near import finditer_near

# (pattern, keyword, spaces) as the extractors search them
SEARCHES = {
    "sent apologies": (
        sections.SENT_APOLOGIES_RE,
        sections._APOLOG,
        sections._APOLOG_SPACES,
    ),
    "substitute": (
        sections.SUBSTITUTE_SENTENCE_RE,
        sections._SUBSTITUTE_WORDS,
        sections._SUBSTITUTE_SPACES,
    ),
    "movement": (
        speakers.MOVEMENT_RE,
        speakers._MOVEMENT_VERBS,
        speakers._MOVEMENT_SPACES,
    ),
}

# words of the patterns and others, in texts that are mostly near-misses
WORDS = (
    "Cllr Councillor County T/ Det. Ch. Supt. Mrs Dr A. B Ann Bee O'Brien Zoë "
    "had has sent gave her his apologies apologised was in attendance present "
    "as a the substitute deputy member for substituted substituting place of "
    "deputising replacing standing left joined arrived entered returned to "
    "meeting The and , . ; - invited introduce Apologies APOLOGIES apologies received "
    "from by Police Crime Commissioner PCC Chief Constable explained said the Head "
    "Finance"
).split()
SEPARATORS = [" ", "  ", "\n", "\t", " \n ", "\u00a0", ""]


@settings(max_examples=300)
@given(
    pieces(WORDS, SEPARATORS, max_size=40),
    st.sampled_from(sorted(SEARCHES)),
)
def test_matches_near_keywords_are_all_the_matches(
    pieces: list[tuple[str, str]], search: str
) -> None:
    pattern, keyword, spaces = SEARCHES[search]
    text = "".join(word + sep for word, sep in pieces)
    found = finditer_near(pattern, text, keyword, spaces=spaces)
    assert spans(found) == spans(pattern.finditer(text))


@pytest.mark.parametrize(
    ("search", "text"),
    [
        ("sent apologies", "T/ Det. Ch. Supt. Ann Bee Dee had sent her apologies"),
        ("sent apologies", "County Councillor A. B. Cee has given their apologies"),
        (
            "substitute",
            "T/ Det. Ch. Supt. A. Bee Cee Dee was in attendance as a substitute for X",
        ),
        ("substitute", "County Councillor Ann Bee attended in place of Cllr Dee"),
        ("movement", "T/ Det. Ch. Supt. Ann Bee Dee returned to the meeting"),
    ],
)
def test_the_longest_matches_are_found(search: str, text: str) -> None:
    pattern, keyword, spaces = SEARCHES[search]
    expected = spans(pattern.finditer(text))
    assert expected and expected[0][0] == 0
    assert spans(finditer_near(pattern, text, keyword, spaces=spaces)) == expected


@given(st.text(alphabet=st.sampled_from(list("Aab .\n")), max_size=60))
def test_overlapping_keywords_and_runs_of_spaces(text: str) -> None:
    pattern = re.compile(r"[Aa]\w*(?:\s+\w+){0,2}\s+ab")
    keyword = re.compile(r"ab|ba")
    assert spans(finditer_near(pattern, text, keyword, spaces=3)) == spans(
        pattern.finditer(text)
    )


@settings(max_examples=200)
@given(pieces(WORDS, SEPARATORS, max_size=30))
def test_a_first_look_ahead_changes_no_match(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pieces)
    for pattern, ahead in (
        (sections.SENT_APOLOGIES_RE, NAME_START),
        (sections.SUBSTITUTE_SENTENCE_RE, NAME_START),
        (speakers.SPEAKER_RE, NAME_START),
        (speakers.MOVEMENT_RE, NAME_START),
        (sections.APOLOGY_SENTENCE_RE, "(?=a)"),
        (speakers.INVITED_RE, "(?=invited)"),
        (speakers.POST_SPEAKER_RE, "(?=[Tt]he)"),
        (speakers.APPOSITIVE_RE, "(?=[Tt]he)"),
    ):
        plain = re.compile(pattern.pattern.replace(ahead, "", 1), pattern.flags)
        assert plain.pattern != pattern.pattern
        assert spans(pattern.finditer(text)) == spans(plain.finditer(text))

"""The plain word tests that spare sentences the decision and action searches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from word_texts import sentences

from kg.extract import actions, decisions

# words of the decision and action patterns, in several cases, with letters outside
# ASCII that case-folding patterns take for ASCII ones (Kelvin sign, long s, dotless i)
WORDS = (
    "The the Panel Board Committee Members members It it was were is are has been "
    "agreed AGREED Agreed agree approved endorsed ratified adopted accepted supported "
    "supports recommended Recommended RESOLVED Resolved resolved ORDERED declined not "
    "does to be noted added deferred confirmed signed as a correct record Decision: "
    "Outcome – Resolution: carried motion recommendation this which that He She "
    "will would shall WILL Would provide share circulate report asked requested "
    "should receive for details offered undertook going Commissioner PCC Chief "
    "Constable to be provided published Action: - , . ; ? ſhall Would \u212aeep "
    "agrıed"
).split()


@settings(max_examples=400)
@given(sentences(WORDS, max_size=14))
def test_the_decision_gate_changes_no_kind(
    sentence: str,
) -> None:
    kind = decisions.decision_kind(sentence, body="Police and Crime Panel")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decisions, "_may_decide", lambda _: True)
        assert decisions.decision_kind(sentence, body="Police and Crime Panel") is kind


@settings(max_examples=400)
@given(sentences(WORDS, max_size=14))
def test_the_action_gate_changes_no_answer(sentence: str) -> None:
    found = actions.is_action(sentence)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(actions, "_may_act", lambda _: True)
        assert actions.is_action(sentence) is found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Panel AGREED the plan.",
        "It was \u212aept.",
        "Recommended – that it be noted.",
    ],
)
def test_sentences_with_decision_words_are_searched(sentence: str) -> None:
    assert decisions._may_decide(sentence)


def test_sentences_without_decision_or_action_words_are_not_searched() -> None:
    sentence = "Members discussed the figures for the quarter."
    assert not decisions._may_decide(sentence)
    assert not actions._may_act(sentence)

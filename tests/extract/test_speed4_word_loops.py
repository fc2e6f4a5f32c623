"""The word tests written as loops give what `any` over the words gives."""

from __future__ import annotations

from hypothesis import given, settings
from word_texts import sentences

from kg.extract import actions, decisions

WORDS = (
    "The Panel AGREED agreed be noted will Would shall to asked requested should "
    "receive published Decision outcome carried signed \u212aept \u017fhall - , . "
    "figures quarter"
).split()


def plain_may_hold(sentence: str, words: tuple[str, ...]) -> bool:
    return not sentence.isascii() or any(w in sentence.lower() for w in words)


@settings(max_examples=300)
@given(sentences(WORDS, max_size=12))
def test_the_gates_hold_the_plain_any(sentence: str) -> None:
    for words in (actions._ACTION_WORDS, actions._MODAL_WORDS, ("published",)):
        assert actions._may_hold(sentence, words) is plain_may_hold(sentence, words)
    expected = plain_may_hold(sentence, tuple(decisions._DECISION_WORDS))
    assert decisions._may_decide(sentence) is expected

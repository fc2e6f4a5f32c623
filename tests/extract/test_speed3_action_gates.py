"""The word and letter tests that spare sentences the action patterns change no answer.

`is_action` searches STANDARD and MODAL only in sentences that may hold their words,
and `_heading_only` and `_opens_action` try their patterns only on sentences opening
with one of their first letters; the tests hold each to the searches run on every
sentence.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from word_texts import sentences

from kg.extract import actions

WORDS = (
    "The PCC will would shall WILL ſhall Would to be provided published PUBLISHED "
    "publiſhed signed and will be Action: Actions – ACTION - Agreed actions New "
    "Outstanding Summary of Please see See ſee Refer to refer OPCC circulate report "
    "asked requested should receive the Panel , . ; : n/a none"
).split()


@settings(max_examples=400)
@given(sentences(WORDS, max_size=12))
def test_the_word_tests_change_no_action(sentence: str) -> None:
    found = actions.is_action(sentence)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(actions, "_may_hold", lambda _, __: True)
        assert actions.is_action(sentence) is found


def heading_only_searching_all(words: str) -> bool:
    head = actions.ACTION_HEADING.match(words)
    if actions._POINTER.match(words):
        return True
    if head:
        return head.end() == len(words) or bool(
            actions._NO_ACTION.match(words, head.end())
        )
    return bool(actions.ACTION_HEADING_LINE.match(words))


@settings(max_examples=400)
@given(sentences(WORDS, max_size=12))
def test_the_first_letter_test_changes_no_heading(sentence: str) -> None:
    assert actions._heading_only(sentence) == heading_only_searching_all(sentence)


@settings(max_examples=400)
@given(sentences(WORDS, max_size=12))
def test_the_first_letter_test_finds_every_inline_action(sentence: str) -> None:
    assert actions._opens_action(sentence) == bool(
        actions.ACTION_HEADING.match(sentence)
    )

"""The extraction stage's fast paths give the answers of the slower code they replace.

Each test keeps the plain form of a check (a search over the whole sentence, a walk over
every character) and holds the fast one to it on generated phrases built from the
words the patterns look for.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract import (
    actions,
    crosscheck,
    decisions,
    entries,
    names,
    near,
    posts,
    sections,
    speakers,
)

# Words and marks the patterns under test read, mixed with ordinary words.
_WORDS = (
    "The the Panel Members members Committee Board Authority RESOLVED resolved "
    "and it was It was unanimously that to motion recommendation amendment proposal "
    "resolution were was is are agreed approved endorsed carried this which these "
    "Decision Decision Report Record of Notice No. 058/2023 PCC/D/12/2023 12-2022 "
    "asked whether if for information on did the Chief feel written circulated will "
    "would shall provide offered undertook requested should receive Cllr Ann Bee "
    "Mrs Dee, (Chair) (substitute) Police and Crime Commissioner & | - – : ; "
    "be provided explored share Commissioner ſ K İ ı"
).split()
_PHRASES = st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)
_SEPARATORS = st.sampled_from([" ", ", ", "  ", "\t", " | ", "(", ")", " – ", ": "])
_RUNS = st.lists(st.one_of(st.sampled_from(_WORDS), _SEPARATORS), max_size=16).map(
    "".join
)


def _without_look_ahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern without the look-ahead put before its first word."""
    return re.compile(re.sub(r"^\(\?=\[[^\]]+\]\)", "", pattern.pattern), pattern.flags)


@settings(max_examples=300)
@given(_PHRASES)
def test_look_aheads_keep_the_matches(sentence: str) -> None:
    for pattern in (
        actions.COMMITMENT,
        decisions.RESOLVED_WITHIN,
        decisions.PASSIVE_AGREEMENT,
        decisions.AGREED_BACK,
        decisions.CARRIED,
    ):
        plain = _without_look_ahead(pattern)
        assert plain.pattern != pattern.pattern
        found = [m.span() for m in pattern.finditer(sentence)]
        assert found == [m.span() for m in plain.finditer(sentence)]


@settings(max_examples=300)
@given(_PHRASES)
def test_inline_notice_is_found_as_by_the_search(sentence: str) -> None:
    fast = crosscheck.find_inline_notice(sentence)
    slow = crosscheck.INLINE_NOTICE.search(sentence)
    assert (fast and fast.span()) == (slow and slow.span())


def _is_action_searching_all(sentence: str) -> bool:
    """`is_action` as written before its searches were spared or split."""
    if not actions._may_act(sentence):
        return False
    if actions.STANDARD.search(sentence) or actions._QUESTION.search(sentence):
        return False
    if actions._INFO_REQUEST.search(sentence) and not actions._LATER.search(sentence):
        return False
    modal = actions.MODAL.search(sentence)
    if modal and actions._has_doer(sentence, modal):
        return True
    tested_after = r"to be(?<=\bto be)"
    assert actions.TO_BE_DONE.pattern.startswith(tested_after)
    passive = actions.TO_BE_DONE.pattern.removeprefix(tested_after)
    to_do = re.compile(actions.TO_DO.pattern + r"|\bto be" + passive)
    return bool(to_do.search(sentence) or actions.COMMITMENT.search(sentence))


@settings(max_examples=300)
@given(_PHRASES)
def test_is_action_answers_as_when_every_pattern_is_searched(sentence: str) -> None:
    assert actions.is_action(sentence) == _is_action_searching_all(sentence)


def _pieces_char_by_char(text: str) -> list[tuple[int, int, str]]:
    """`entries._pieces` as written before it skipped to the separators' characters."""
    pieces: list[tuple[int, int, str]] = []
    depth, start, sep = 0, 0, ","
    pos = 0
    while pos < len(text):
        char = text[pos]
        depth += {"(": 1, ")": -1}.get(char, 0)
        match = entries._SEP_RE.match(text, pos) if depth == 0 else None
        if (
            match
            and match.end() > pos
            and char in ",;:– —-&a|\t"
            and entries._real_sep(text, start, match)
        ):
            pieces.append((start, pos, sep))
            sep = match.group().strip()[:1] or "|"
            start = pos = match.end()
            continue
        pos += 1
    pieces.append((start, len(text), sep))
    return [(s, e, p) for s, e, p in pieces if text[s:e].strip()]


@settings(max_examples=300)
@given(_RUNS)
def test_pieces_split_as_when_every_character_is_tried(run: str) -> None:
    assert entries._pieces(run) == _pieces_char_by_char(run)


@given(st.text(alphabet="ABCKabck .,-'ſ()&/OPCFOTreasur", max_size=40))
def test_cached_keys_are_the_computed_ones(text: str) -> None:
    assert posts.post_key(text) == posts.post_key.__wrapped__(text)
    assert names._folded_name(text) == names._folded_name.__wrapped__(text)


_APPOSITIONS = (
    "The the Head of Finance, Jo Bloggs, presented said also then PCC Chief "
    "O'Brien-Smith preferred candidate, Tim De Meyer, set out other , . ( ) \n"
).split(" ")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_APPOSITIONS), max_size=20).map(" ".join))
@example("The Head of Finance, Jo Bloggs, presented; the PCC said")
def test_possessive_role_words_keep_the_matches(text: str) -> None:
    pattern = speakers.APPOSITIVE_RE
    plain = re.compile(
        pattern.pattern.replace("*+", "*").replace("{0,5}+", "{0,5}"), pattern.flags
    )
    assert plain.pattern != pattern.pattern
    found = [m.span() for m in pattern.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


_SUBSTITUTIONS = (
    "Mrs L Parfitt-Reid attended as a substitute for Cllr Murray took place in place "
    "of standing in for standing order replacing deputising Councillor Tom Reed was "
    "present substitute member Sam Hill sat \n ."
).split(" ")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_SUBSTITUTIONS), max_size=24).map(" ".join))
def test_substitutions_near_their_words_are_all_found(text: str) -> None:
    found = near.finditer_near(
        sections.SUBSTITUTE_SENTENCE_RE,
        text,
        sections._SUBSTITUTE_WORDS,
        spaces=sections._SUBSTITUTE_SPACES,
    )
    every = sections.SUBSTITUTE_SENTENCE_RE.finditer(text)
    assert [m.span() for m in found] == [m.span() for m in every]


_HEADING_BITS = (
    *(" ", "  ", "\t", "-", "*", "**", "#", "•", "·", "1.", "2)", "3a", ":", "–"),
    *("Present", "PRESENT", "Apologies for absence", "Also present", "Members"),
    *("Attendees", "Cllr Ann Bee,", "(Chair)", "with the agreement of the Chair"),
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_HEADING_BITS), max_size=12).map("".join))
@example("- **Present:** Cllr A Bee")
def test_possessive_bullets_keep_the_heading_matches(line: str) -> None:
    pattern = sections.HEADING_RE
    plain = re.compile(pattern.pattern.replace("*+", "*", 1), pattern.flags)
    assert plain.pattern != pattern.pattern
    fast, slow = pattern.match(line), plain.match(line)
    assert (fast and (fast.span(), fast.groupdict())) == (
        slow and (slow.span(), slow.groupdict())
    )

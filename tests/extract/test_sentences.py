from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.sentences import last_word, read_table, split_lines, split_sentences
from kg.records import Span


def pieces(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Panel members raised concerns. Concern was expressed that it lagged.",
            [
                "Panel members raised concerns.",
                "Concern was expressed that it lagged.",
            ],
        ),
        (
            "T/Det. Supt. Minton explained it. Ch. Supt. Ridley agreed.",
            ["T/Det. Supt. Minton explained it.", "Ch. Supt. Ridley agreed."],
        ),
        (
            "Working with e.g. Uber and A. Patel helped.",
            ["Working with e.g. Uber and A. Patel helped."],
        ),
        (
            "· Outlining the Crimefighters Strategy",
            ["Outlining the Crimefighters Strategy"],
        ),
        ("Ø Sex work", ["Sex work"]),
        ("(1) Reference was made to the plan.", ["Reference was made to the plan."]),
        ("[The PCC replied that it was fine.]", ["The PCC replied that it was fine.]"]),
        (
            "attending.\u00a0 He agreed that it would help.",
            ["attending.", "He agreed that it would help."],
        ),
        ("Action:\nThe PCC to be informed.", ["Action:", "The PCC to be informed."]),
        (
            "a cost of £3.65M. The Decision Notice will be signed.",
            ["a cost of £3.65M.", "The Decision Notice will be signed."],
        ),
    ],
)
def test_split_sentences_table(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_split_lines_keeps_offsets_into_the_whole_text() -> None:
    text = "HEADER\n- one\n\n  - two  \n"
    region = Span(7, len(text))
    assert [text[s.start : s.end] for s in split_lines(text, region)] == ["one", "two"]


@given(st.text(alphabet=st.sampled_from(list("ab .\n-()1A£")), max_size=80))
def test_sentences_are_ordered_disjoint_stripped_and_inside(text: str) -> None:
    region = Span(0, len(text))
    spans = split_sentences(text, region)
    previous_end = 0
    for span in spans:
        assert region.start <= span.start < span.end <= region.end
        assert span.start >= previous_end
        piece = text[span.start : span.end]
        assert piece == piece.strip() and "\n" not in piece
        previous_end = span.end


# the regex `last_word` replaced: it searched the whole line for its last word
OLD_LAST_WORD = re.compile(r"([\w/.]+)\.?[\"”’')\]]*$")


@given(st.text(alphabet=st.sampled_from(list("aZé_1²/.)]\"”’' ,(-")), max_size=40))
def test_last_word_is_what_the_regex_found(line: str) -> None:
    found = OLD_LAST_WORD.search(line)
    assert last_word(line, 0, len(line)) == (found.group(1) if found else None)


@given(st.text(alphabet=st.sampled_from(list("ab .A)\n")), max_size=30), st.data())
def test_last_word_stays_inside_its_region(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    line = text[start:end]
    if "\n" not in line:
        assert last_word(text, start, end) == last_word(line, 0, len(line))


def test_a_repeated_split_gives_equal_fresh_lists() -> None:
    text = "First point. Second point.\n- Third"
    first = split_sentences(text, Span(0, len(text)))
    first.append(Span(0, 1))  # a caller's change must not reach the next caller
    again = split_sentences(text, Span(0, len(text)))
    assert [text[s.start : s.end] for s in again] == [
        "First point.",
        "Second point.",
        "Third",
    ]


COLUMNS = {"action": re.compile("Action", re.I), "owner": re.compile("Owner", re.I)}


def rows(text: str) -> list[dict[str, str]]:
    found = read_table(text, Span(0, len(text)), COLUMNS, key="action")
    return [{k: text[v.start : v.end] for k, v in row.items()} for row in found]


def test_table_rows_are_read_under_their_header_only() -> None:
    text = (
        "| Ref | Action | Owner |\n|---|---|---|\n| 1 | Write to the council | OPCC |\n"
        "\nAfter the table.\n| 2 | Not under a header | PCC |\n"
    )
    assert rows(text) == [{"action": "Write to the council", "owner": "OPCC"}]


def test_a_flattened_moderngov_item_is_not_a_table() -> None:
    text = "No. | Item |\n---|---|\nApologies Minutes: There were none. |\n"
    assert rows(text) == []

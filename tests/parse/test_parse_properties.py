"""Any text gives a meeting: spans inside the text, items in order, no exception."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.parse import PARSERS, parse_structure
from kg.records import Layout, Located, Meeting, Source, Span

# Pieces of real minutes, so generated texts reach the parsers' deeper paths.
PIECES = [
    "1. Apologies for absence\n",
    "2. Minutes\n",
    "3a. Budget\n",
    "- a) Point\n",
    "AGENDA\n",
    "Agenda item\n",
    "Minutes:",
    " | \n",
    "|\n",
    "No. | Item |\n",
    "Venue: Gordano Room\n",
    "15th March 2017 ",
    "2:00pm – 4:50pm\n",
    "PDF 228 KB ",
    "10.35am ",
    "... view the full minutes text for item 62/21 |\n",
    "Police & Crime Panel\n",
    "Thames Valley ",
    "OSPB ",
    "**Bold**\n",
    "# Heading\n",
    "Date of next meeting: 2 May 2018\n",
    "\r\n",
    "\n\n",
    "·  ",
    "Ø  ",
    "\x00",
    "\ufffd",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join),
)


def source(text: str) -> Source:
    return Source("any.txt", "0" * 64, len(text))


def check_spans(text: str, meeting: Meeting) -> None:
    def inside(span: Span) -> None:
        assert 0 <= span.start <= span.end <= len(text)

    located: list[Located[object] | None] = [
        meeting.date,
        meeting.start_time,
        meeting.end_time,
        meeting.venue,
        meeting.body.force,
    ]
    for value in located:
        if value is not None:
            inside(value.span)
    if meeting.body.span is not None:
        inside(meeting.body.span)
    previous = -1
    for position, item in enumerate(meeting.items, start=1):
        inside(item.title_span)
        inside(item.text_span)
        assert item.position == position
        assert " ".join(text[item.title_span.start : item.title_span.end].split()) == (
            item.title
        )
        assert item.title_span.start > previous
        previous = item.title_span.start
    for note in meeting.discrepancies:
        inside(note.span)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_parses_with_spans_inside(text: str) -> None:
    check_spans(text, parse_structure(text, source(text)))


@pytest.mark.parametrize("layout", list(Layout))
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_every_parser_takes_any_text(layout: Layout, text: str) -> None:
    meeting = PARSERS[layout](text, source(text))
    assert meeting.layout is layout
    check_spans(text, meeting)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "\x00\x01\x02" * 100, "\ufffd" * 1000, "1. " * 5000],
)
def test_degenerate_texts_give_a_meeting_with_a_warning(text: str) -> None:
    meeting = parse_structure(text, source(text))
    assert meeting.items == ()
    assert meeting.warnings


@pytest.mark.parametrize(
    "line",
    [
        "a" * 5_000_000,
        "1. " * 1_000_000,
        "10.30-2pm " * 300_000,
        "15 March 2017 " * 300_000,
        "Police and Crime Panel " * 200_000,
        "held at " + "A" * 2_000_000,
    ],
    ids=["letters", "numbers", "times", "dates", "bodies", "held-at"],
)
def test_huge_single_lines_parse_in_linear_time(line: str) -> None:
    started = time.perf_counter()
    meeting = parse_structure(line, source(line))
    assert time.perf_counter() - started < 20
    check_spans(line, meeting)

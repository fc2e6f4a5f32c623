"""Dates and clock times as minutes print them."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.parse.dates import (
    clock,
    find_dates,
    find_end_time,
    find_start_time,
    find_time_range,
)


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("15th March 2017", "2017-03-15"),
        ("Tuesday 1 March 2016", "2016-03-01"),
        ("4th April 2018 13:00 – 17:00", "2018-04-04"),
        ("23 April, 2023", "2023-04-23"),
        ("March 15, 2017", "2017-03-15"),
        ("15/03/2017", "2017-03-15"),
        ("the 21/03/18 meeting", "2018-03-21"),
        ("2nd of May 2018", "2018-05-02"),
    ],
)
def test_dates(printed: str, iso: str) -> None:
    found = next(find_dates(printed))
    assert found.value == dt.date.fromisoformat(iso)
    assert printed[found.span.start : found.span.end].strip()


@pytest.mark.parametrize("printed", ["31 February 2017", "45/13/2017", "Item 2018/009"])
def test_not_dates(printed: str) -> None:
    assert list(find_dates(printed)) == []


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("2:00pm – 4:50pm", "14:00", "16:50"),
        ("13:00 – 17:00", "13:00", "17:00"),
        ("10.30-2pm", "10:30", "14:00"),
        ("2.00 pm to 4.30 pm", "14:00", "16:30"),
        ("9.30 - 12.30", "09:30", "12:30"),
        ("2:00 - 4:30pm", "14:00", "16:30"),
    ],
)
def test_time_ranges(printed: str, start: str, end: str) -> None:
    found = find_time_range(printed)
    assert found is not None
    assert (found[0].value, found[1].value) == (start, end)


@pytest.mark.parametrize("printed", ["(1-2)", "2018/005 – 2018/006", "pages 10-12"])
def test_not_time_ranges(printed: str) -> None:
    assert find_time_range(printed) is None


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("2:00pm", "14:00"),
        ("13.05pm", "13:05"),
        ("10am", "10:00"),
        ("12.15 am", "00:15"),
        ("10 a.m.", "10:00"),
        ("12:30pm", "12:30"),
    ],
)
def test_clock(printed: str, value: str) -> None:
    assert clock(printed) == value


def test_times_stated_in_words() -> None:
    text = "The meeting commenced at 10.00 am. ... The meeting ended at 12.45 pm."
    start, end = find_start_time(text), find_end_time(text)
    assert start is not None and start.value == "10:00"
    assert end is not None and end.value == "12:45"
    assert text[end.span.start : end.span.end] == "12.45 pm"

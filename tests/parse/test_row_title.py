"""The title of a flattened modern.gov table row."""

from __future__ import annotations

import pytest

from kg.parse.row_title import row_title
from kg.records import Span


@pytest.mark.parametrize(
    ("row", "title"),
    [
        ("Apologies for Absence ", "Apologies for Absence"),
        (
            "Community Policing Strategy - Crimefighters PDF 228 KB 10.35am The PCC",
            "Community Policing Strategy - Crimefighters",
        ),
        (
            "Chairman/PCC Updates/Topical issues PDF 423 KB 12.50pm To be given.",
            "Chairman/PCC Updates/Topical issues",
        ),
        (
            "Public Question Time Anyone who lives in the Thames Valley can ask. "
            "If you'd like to participate, please read the Scheme.",
            "Public Question Time",
        ),
        (
            "To agree the Minutes of the meeting held on 27 January 2023 as a record. ",
            "To agree the Minutes of the meeting held on 27 January 2023 as a record",
        ),
        (
            "13.05pm For Panel Members to put forward items for the Work Programme. ",
            "For Panel Members to put forward items for the Work Programme",
        ),
        ("Budget Monitoring (PDF, 43 KB) The report sets out ...", "Budget Monitoring"),
        (
            "Police and Crime Plan 2.00 pm Members considered the plan. It was noted.",
            "Police and Crime Plan",
        ),
    ],
)
def test_row_titles(row: str, title: str) -> None:
    span = row_title(row, Span(0, len(row)))
    assert row[span.start : span.end] == title

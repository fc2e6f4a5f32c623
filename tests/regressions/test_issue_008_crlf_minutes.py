"""Issue 8: Windows line endings hid a modern.gov item table's items.

Found by the bad-input matrix (`tests/robustness`): a `\r\n` file was sniffed as the
generic layout and gave no agenda items. `kg.pipeline.decode_document` now makes every
line ending `\n`, so the parsers see the same text whatever system wrote the file.
"""

from __future__ import annotations

import pytest

from kg.parse import parse_document
from kg.pipeline import decode_document
from kg.records import Source

TABLE = (
    "Police and Crime Panel\n"
    "No. | Item |\n"
    "---|---|\n"
    "Apologies for Absence Minutes: There were none. |\n"
    "|\n"
    "Declarations of Interest Minutes: There were none. |\n"
    "|\n"
    "Budget 2023/24 Minutes: The Panel noted the budget. |\n"
)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings_do_not_change_the_items(ending: str) -> None:
    text = decode_document(TABLE.replace("\n", ending).encode(), name="a.txt")
    meeting = parse_document(text, Source("a.txt", "0" * 64, len(text)))
    assert [item.title for item in meeting.items] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Budget 2023/24",
    ]

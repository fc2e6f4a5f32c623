from __future__ import annotations

import pytest
from nameparser import HumanName

from kg.extract.names import person_name


@pytest.mark.parametrize(
    "full",
    ["Sam Casey-Rerhaye", "Ann van der Berg", "J. R. Smith", "Mary Anne O'Brien Jr"],
)
def test_a_name_parsed_again_reads_as_nameparser_reads_it(full: str) -> None:
    parsed = HumanName(full)
    words = full.split()
    for _ in range(2):  # the second time comes from the remembered parse
        name = person_name(full, "Cllr")
        assert (name.given, name.family) == (
            parsed.first or words[0],
            parsed.last or words[-1],
        )
        assert (name.full, name.title) == (full, "Cllr")

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nameparser import HumanName

from kg.extract.names import _given_and_family, person_name


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


_PIECES = sorted(
    {"Jr", "Sr", "Dr", "St", "Van", "Von", "Mc", "And", "Major", "Judge", "Esq", "Ii"}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.from_regex(r"[A-Z][a-z]{1,8}(?:['-][A-Z][a-z]{1,6})?", fullmatch=True),
        ),
        min_size=2,
        max_size=2,
    )
)
def test_plain_pairs_read_as_nameparser_reads_them(words: list[str]) -> None:
    # The shortcut for two plain words gives nameparser's own given and family name.
    full = " ".join(words)
    parsed = HumanName(full)
    expected = (parsed.first or words[0], parsed.last or words[-1])
    assert _given_and_family.__wrapped__(full) == expected

"""Texts made of a test's words, and what the matches found in them are, for the
property tests that hold a fast search to the plain pattern it stands in for."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def spans(matches: object) -> list[tuple[int, int, dict[str, str | None]]]:
    """Give each match's start, end and named groups, to compare two searches."""
    return [(m.start(), m.end(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def pieces(
    words: Sequence[str], separators: Sequence[str], *, max_size: int = 40
) -> st.SearchStrategy[list[tuple[str, str]]]:
    """Lists of (word, separator) pairs: a text is each word and its separator."""
    pair = st.tuples(st.sampled_from(words), st.sampled_from(separators))
    return st.lists(pair, max_size=max_size)


def sentences(words: Sequence[str], *, max_size: int) -> st.SearchStrategy[str]:
    """Sentences of up to `max_size` of `words`, joined by spaces."""
    return st.lists(st.sampled_from(words), max_size=max_size).map(" ".join)

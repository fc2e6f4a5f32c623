"""Keyword-anchored search (extraction stage helper): a text to a pattern's matches.

Some patterns are searched over a whole document: "Cllr Bee sent her apologies", "Mrs
L Parfitt-Reid attended as a substitute for Cllr Murray", "DI Vanessa Smith left the
meeting". Each opens with a person's name, which the regex engine must try at every
capital, while each match also holds a literal word ("apolog", "substitut", "left")
that few places of a text have. `finditer_near` finds those words first and tries the
pattern only a few words before each: the matches are those of `pattern.finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_near(
    pattern: re.Pattern[str],
    text: str,
    keyword: re.Pattern[str],
    *,
    spaces: int,
) -> Iterator[re.Match[str]]:
    r"""Give the matches of `pattern.finditer(text)`, trying it near `keyword` only.

    Every match of `pattern` must hold a match of `keyword`, with at most `spaces` runs
    of white space between the start of the two; and `pattern` must never match the
    empty string.

    >>> who = re.compile(r"(?:Cllr\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?\s+left\b")
    >>> text = "Cllr Ann Bee left. The Chair left? Later Bob Dee left the room."
    >>> [m.group() for m in finditer_near(who, text, re.compile("left"), spaces=3)]
    ['Cllr Ann Bee left', 'The Chair left', 'Bob Dee left']
    >>> [m.group() for m in who.finditer(text)]
    ['Cllr Ann Bee left', 'The Chair left', 'Bob Dee left']
    """
    start = 0  # where the next match may start
    tried = 0  # every position before this one is tried or cannot start a match
    for key in keyword.finditer(text):
        first = max(start, tried, _back(text, key.start(), spaces, floor=tried))
        # up to the keyword's end: a keyword match it overlaps is covered too
        for at in range(first, key.end()):
            if at < start:
                continue
            match = pattern.match(text, at)
            if match is not None:
                yield match
                start = match.end()
        tried = max(tried, key.end())


def _back(text: str, end: int, spaces: int, *, floor: int) -> int:
    """Give the first position with at most `spaces` white space runs up to `end`.

    The walk back stops at `floor`.
    """
    at, runs = end, 0
    while at > floor:
        if text[at - 1].isspace():
            if runs == spaces:
                return at
            runs += 1
            while at > floor and text[at - 1].isspace():
                at -= 1
        else:
            at -= 1
    return floor

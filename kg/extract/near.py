"""Keyword-anchored search (extraction stage helper): a text to a pattern's matches.

Some patterns are searched over a whole document: "Cllr Bee sent her apologies", "Mrs
L Parfitt-Reid attended as a substitute for Cllr Murray", "DI Vanessa Smith left the
meeting". Each opens with a person's name, which the regex engine must try at every
capital, while each match also holds a literal word ("apolog", "substitut", "left")
that few places of a text have. `finditer_near` finds those words first and tries the
pattern only a few words before each: the matches are those of `pattern.finditer`.
Others open with their literal word ("invited", "The"; "apologies" and "ended" in any
case, found by `find_words`): `finditer_at` tries them only where a fast literal search
finds that word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def finditer_near(
    pattern: re.Pattern[str],
    text: str,
    keyword: re.Pattern[str],
    *,
    spaces: int,
    openings: tuple[str, ...] = (),
) -> Iterator[re.Match[str]]:
    r"""Give the matches of `pattern.finditer(text)`, trying it near `keyword` only.

    Every match of `pattern` must hold a match of `keyword`, with at most `spaces` runs
    of white space between the start of the two; and `pattern` must never match the
    empty string. `openings`, when given, are words every match of `keyword` opens
    with, as `finditer_at` needs them: `keyword` is tried where they are only (an
    alternation of words is tried by the engine at each character: several times
    slower than the literal searches).

    >>> who = re.compile(r"(?:Cllr\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?\s+left\b")
    >>> text = "Cllr Ann Bee left. The Chair left? Later Bob Dee left the room."
    >>> [m.group() for m in finditer_near(who, text, re.compile("left"), spaces=3)]
    ['Cllr Ann Bee left', 'The Chair left', 'Bob Dee left']
    >>> [m.group() for m in who.finditer(text)]
    ['Cllr Ann Bee left', 'The Chair left', 'Bob Dee left']
    """
    start = 0  # where the next match may start
    tried = 0  # every position before this one is tried or cannot start a match
    keys = (
        finditer_at(keyword, text, word_starts(text, *openings))
        if openings
        else keyword.finditer(text)
    )
    for key in keys:
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


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    r"""Give the matches of `pattern.finditer(text)`, trying it at `starts` only.

    `starts` must hold, in increasing order, every offset where a match of `pattern`
    can start (where its opening word is, from `word_starts`); and `pattern` must never
    match the empty string. The regex engine cannot skip ahead to a pattern opening
    with a look-ahead, and tries it at each character: a literal search is far quicker.

    >>> invited = re.compile(r"(?=invited)\binvited (?P<who>[A-Z]\w+)")
    >>> text = "The Chair invited Ann; uninvited Bob; invited Cy"
    >>> [m.group() for m in finditer_at(invited, text, word_starts(text, "invited"))]
    ['invited Ann', 'invited Cy']
    """
    end = 0  # where the next match may start
    for at in starts:
        if at >= end and (match := pattern.match(text, at)) is not None:
            yield match
            end = match.end()


def word_starts(text: str, *words: str) -> list[int]:
    """Give every offset where one of `words` starts in `text`, in order.

    A word must not overlap itself ("the", not "aa"): a search finds it only where it
    does not.

    >>> word_starts("The theme of the day", "the", "The")
    [0, 4, 13]
    """
    found = []
    for word in words:
        # str.find, not a pattern's finditer: twice as quick for a word a document
        # holds a few times ("invited", "left"), a third slower for "the"
        at, step = text.find(word), len(word) or 1
        while at >= 0:
            found.append(at)
            at = text.find(word, at + step)
    return sorted(found)


# The letters re.IGNORECASE takes for ASCII ones that `str.lower` does not turn into
# them, and the letter each stands for ("İ" lower-cases to two characters)
_IGNORECASE_EXTRAS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def find_words(text: str, words: Iterable[str]) -> list[int]:
    """Give, in order, each offset where one of `words` is written in any case.

    `words` are lower-case ASCII; an offset is given where re.IGNORECASE would match
    one ("\u212a", the Kelvin sign, and "ſ", the long s, count as "k" and "s"). A
    pattern opening with one of them is tried at these offsets only: the search of
    the lower-cased text is several times faster than the engine's trial of every
    character.

    >>> find_words("Ended; the meeting ENDED, then cloſed", ["ended", "closed"])
    [0, 19, 31]
    """
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_IGNORECASE_EXTRAS)
    lowered = text.lower()
    found = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.add(at)
            at = lowered.find(word, at + 1)
    return sorted(found)

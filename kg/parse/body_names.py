"""Parsing helpers: a body's name as a heading prints it, to a span and a body kind.

Input is the text and its heading lines; output is the span of the first printed body
name ("Swindon Borough Council Crime and Disorder Committee" in "MINUTES of a meeting of
the Swindon Borough Council Crime and Disorder Committee held at ...") and the kind its
wording gives (panel, PCC board, council committee, other).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.parse.text import Line, trim_title
from kg.records import BodyKind, Span

_NOUN_WORDS = (
    "Panel",
    "Board",
    "Committee",
    "Sub-Committee",
    "Meeting",
    "Commission",
    "Forum",
    "Cabinet",
    "Conference",
    "Authority",
)
_NOUNS = "|".join(w for word in _NOUN_WORDS for w in (word, word.upper()))
# A run of capitalised (or minor) words ending in a body's noun, with a parenthesis:
# "ESSEX COUNTY COUNCIL SCRUTINY BOARD (SAFER AND STRONGER COMMUNITIES)",
# "Police & Crime Panel – Minutes", "Meeting of Gloucester City Council Crime and ..."
_NAMED = re.compile(
    r"(?<![\w'’.&-])(?:(?:[A-Z][\w'’.-]*+(?:,(?=[ \t]+(?:Fire|FIRE)\b))?"
    r"|and|of|for|the|on|in|&)[ \t]++){0,12}"
    rf"(?:{_NOUNS})\b(?:[ \t]*\([^()\n]{{1,60}}\))?"
)
# A body's noun on its own, where a name may end: "Committee", "BOARD"
_NOUN = re.compile(rf"\b(?:{_NOUNS})\b")
# Body nouns read per document: enough for any minutes, a bound for any other text.
_MOST_NOUNS = 3000
# How far back from its noun a body's name may start.
_REACH = 160
# Words before the name proper: "MINUTES of a meeting of the", "DRAFT Minutes of the",
# "Meeting of", "Notes of the Annual Meeting of the"
_PREAMBLE = re.compile(
    r"(?i)(?:(?:draft|confirmed|unconfirmed|approved)[ \t]+)?"
    r"(?:(?:minutes|notes|agenda|record)[ \t]+(?:of[ \t]+)?)?(?:(?:a|an|the)[ \t]+)?"
    r"(?:(?:(?:annual|special|extraordinary|ordinary|public|informal|joint)[ \t]+)?"
    r"meeting[ \t]+of[ \t]+)?(?:the[ \t]+)?"
)
# Initials minutes use for a body: "The OSPB should receive feedback", "the PCP"
_INITIALS = re.compile(r"\bOS[MPC]{0,2}[BCP]\b|\bPCP\b")
_LEADING_MINOR = re.compile(r"(?:(?:and|of|for|the|on|in|&|,)[ \t]+)+")
# Lines that list people or note other meetings rather than name this one.
_NOT_A_TITLE = re.compile(r"[ \t]*(?:[-*•·]|\d+[.)])[ \t]")
_LONGEST_LINE = 400

# The kind a body's wording gives, tested in order.
_KIND_WORDINGS = (
    # "Police and Crime Panel", "Police, Fire and Crime Panel", "Police and Crime
    # Committee" (the London Assembly's panel)
    (
        r"Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+(?:Panel|Committee)\b|\bPCP\b",
        BodyKind.POLICE_AND_CRIME_PANEL,
    ),
    # "Police and Crime Board", "Community Outcomes Meeting", "Accountability Board",
    # "Strategic Policing and Crime Board", "Police Authority Board"
    (
        r"Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+(?:Executive\s+)?Board"
        r"|Outcomes\s+Meeting|Accountability|Holding\s+to\s+Account"
        r"|Strategic\s+Policing|Police\s+Authority\s+Board|Commissioner'?s\s+\w+\s+Board"
        r"|Police\s+Performance",
        BodyKind.PCC_BOARD,
    ),
    # "Crime and Disorder Committee", "Overview and Scrutiny Performance Board",
    # "Community Safety Scrutiny Panel", "Cabinet", "Essex County Council ..."
    (
        r"Council|Scrutiny|Crime\s+and\s+Disorder|Cabinet|Community\s+Safety"
        r"|Safer\s+(?:and\s+Stronger\s+)?Communities|\bOS[MPC]{0,2}[BCP]\b",
        BodyKind.COUNCIL_COMMITTEE,
    ),
)
_KIND_PATTERNS = tuple((re.compile(p, re.IGNORECASE), k) for p, k in _KIND_WORDINGS)


def body_kind(name: str) -> BodyKind:
    """Give the kind of body a name's wording says.

    >>> body_kind("Thames Valley Police & Crime Panel").value
    'police-and-crime-panel'
    >>> body_kind("SWINDON BOROUGH COUNCIL OVERVIEW AND SCRUTINY BOARD").value
    'council-committee'
    >>> body_kind("Joint Audit Committee").value
    'other'
    """
    for pattern, kind in _KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return BodyKind.OTHER


def named_in_heading(text: str, lines: Iterable[Line]) -> Span | None:
    """Find the first body name printed on the heading lines, favouring known kinds."""
    fallback = None
    for line in lines:
        if len(line.text) > _LONGEST_LINE or _NOT_A_TITLE.match(line.text):
            continue
        for match in _NAMED.finditer(line.text):
            start, end = line.start + match.start(), line.start + match.end()
            span = _without_preamble(text, start, end)
            if span is None:
                continue
            if body_kind(text[span.start : span.end]) is not BodyKind.OTHER:
                return span
            fallback = fallback or span
    return fallback


def named_anywhere(text: str) -> list[Span]:
    """Find every body name or body's initials printed in `text`, in order.

    Names are sought back from each body noun, within the line and `_REACH` characters,
    so that long runs of capitalised words cost no more than their length.
    """
    found = [Span(m.start(), m.end()) for m in _INITIALS.finditer(text)]
    for _, noun in zip(range(_MOST_NOUNS), _NOUN.finditer(text), strict=False):
        line_start = text.rfind("\n", max(0, noun.start() - _REACH), noun.start()) + 1
        start = max(line_start, noun.start() - _REACH)
        for match in _NAMED.finditer(text, start, min(len(text), noun.end() + 64)):
            if match.start() <= noun.start() < match.end():
                span = _without_preamble(text, match.start(), match.end())
                if span is not None:
                    found.append(span)
                break
    return sorted(set(found), key=lambda s: s.start)


def _without_preamble(text: str, start: int, end: int) -> Span | None:
    preamble = _PREAMBLE.match(text, start, end)
    if preamble is not None and preamble.end() < end:
        start = preamble.end()
    minor = _LEADING_MINOR.match(text, start, end)
    if minor is not None and minor.end() < end:
        start = minor.end()
    span = trim_title(text, Span(start, end))
    words = text[span.start : span.end].split()
    if not words or (len(words) < 2 and words[0].lower() != "cabinet"):
        return None
    return span

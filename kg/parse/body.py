"""Parsing helpers: the body that met, from a document's text to a `kg.records.Body`.

Input is the text, the span of its heading region and the resolved force; output is
the body's name written out in full with its area ("Thames Valley Police and Crime
Panel"), its kind (panel, PCC board, council committee, other) and the span of the
words naming it.
A body named in the heading wins; otherwise the body the text keeps referring to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.parse.body_names import body_kind, named_anywhere, named_in_heading
from kg.parse.forces import area_label, find_mentions
from kg.parse.text import header_lines, sliced, squeeze
from kg.records import Body, BodyKind, Located, Span

# "the Board", "the Panel", "this Committee": references that count for a body's noun
_BARE = re.compile(r"\b(?:the|this|The|This)\s+(Board|Panel|Committee|Meeting)\b")
# "Worcestershire County Council", "Buckinghamshire Council", "North Somerset Council"
_COUNCIL_NAME = re.compile(
    r"\b(?:(?:North|South|East|West|Mid|Greater|Central)\s+)?"
    r"(?!(?:County|City|Borough|District|Metropolitan|Town|Parish|The)\b)"
    r"[A-Z][a-z]+(?:[- ]upon[- ][A-Z][a-z]+)?"
    r"\s+(?:County\s+|City\s+|Borough\s+|District\s+|Metropolitan\s+Borough\s+)?Council\b"
)
# Initials of overview-and-scrutiny bodies, spelled out letter by letter.
_INITIALS = {"M": "Management", "P": "Performance", "C": "Committee", "B": "Board"}
_LAST_INITIAL = {"B": "Board", "C": "Committee", "P": "Panel"}
_SMALL = {"and", "of", "the", "for", "on", "in", "to"}
# Words that make a body a council's: "Council", "Cabinet", "Overview and Scrutiny"
_COUNCIL_WORDS = re.compile(r"\b(?:Council|Cabinet|Overview|Borough|County)\b", re.I)
# A short heading line naming the Commissioner's office as the meeting's owner:
# "Police, Fire and Crime Commissioner for Essex", "Office of the PCC", "Staffordshire
# Commissioner for Police, Fire and Rescue and Crime"
_COMMISSIONER_OWNER = re.compile(
    r"^[^\n]{0,60}\b(?:Commissioner|O?PF?CC|Mayor's\s+Office\s+for\s+Policing)\b"
    r"[^\n]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)
# A board of the Commissioner's may be named without "Police" or "Crime": "Strategic
# Governance Board – Policing"
_BOARD_NOUN = re.compile(
    r"\b(?:Board|Meeting)\b(?![^\n]*\b(?:Committee|Panel)\b)", re.IGNORECASE
)
# How far above a body's name the Commissioner's heading may be printed.
_OWNER_REACH = 300


@dataclass(frozen=True, slots=True)
class _Candidate:
    kind: BodyKind
    span: Span
    printed: str


def _candidates(text: str) -> list[_Candidate]:
    """Every body the text names, in order."""
    found = []
    for span in named_anywhere(text):
        printed = squeeze(sliced(text, span))
        found.append(_Candidate(body_kind(printed), span, printed))
    return found


def read_body(text: str, *, head: Span, force: Located[str] | None) -> Body:
    """Name the body that met: the one in the heading region, else the most referred to.

    >>> read_body("COMMUNITY OUTCOMES MEETING", head=Span(0, 26), force=None).kind.value
    'pcc-board'
    """
    printed = named_in_heading(text, header_lines(text, head))
    chosen: _Candidate | None = None
    if printed is not None:
        words = squeeze(sliced(text, printed))
        chosen = _Candidate(_heading_kind(text, printed, words), printed, words)
    else:
        chosen = _most_referred(text)
    if chosen is None:
        return Body(name=_fallback_name(text, head), kind=BodyKind.OTHER, force=force)
    name, span = _full_name(text, chosen, force=force)
    return Body(name=name, kind=chosen.kind, span=span, force=force)


def _heading_kind(text: str, printed: Span, words: str) -> BodyKind:
    """Give the kind of the body a heading names.

    A scrutiny board under the Commissioner's own heading is the Commissioner's board
    ("Police, Fire and Crime Commissioner for Essex / Performance and Resources
    Scrutiny Board"), not a council's committee.
    """
    kind = body_kind(words)
    council = kind is BodyKind.COUNCIL_COMMITTEE and not _COUNCIL_WORDS.search(words)
    board = kind is BodyKind.OTHER and _BOARD_NOUN.search(words) is not None
    if council or board:
        above = text[max(0, printed.start - _OWNER_REACH) : printed.start]
        if _COMMISSIONER_OWNER.search(above):
            return BodyKind.PCC_BOARD
    return kind


def _most_referred(text: str) -> _Candidate | None:
    candidates = _candidates(text)
    if not candidates:
        return None
    bare = Counter(m.group(1).lower() for m in _BARE.finditer(text))
    counts = Counter(_key(c) for c in candidates)
    nouns = {_key(c): _noun(c.printed) for c in candidates}
    kinds = {_key(c): c.kind for c in candidates}
    # a body of a known kind beats any other; then the most referred to
    best = max(
        counts,
        key=lambda k: (kinds[k] is not BodyKind.OTHER, counts[k] + bare[nouns[k]]),
    )
    return next(c for c in candidates if _key(c) == best)


def _key(candidate: _Candidate) -> str:
    return candidate.printed.lower().replace("&", "and")


def _noun(printed: str) -> str:
    words = _expand(printed).split()
    return words[-1].lower() if words else ""


def _expand(printed: str) -> str:
    """Spell out scrutiny initials; leave names as printed otherwise.

    >>> _expand("OSPB"), _expand("OSC")
    ('Overview and Scrutiny Performance Board', 'Overview and Scrutiny Committee')
    """
    if re.fullmatch(r"OS[MPC]{0,2}[BCP]", printed):
        middle = [_INITIALS[letter] for letter in printed[2:-1]]
        return " ".join(["Overview and Scrutiny", *middle, _LAST_INITIAL[printed[-1]]])
    return printed


def _full_name(
    text: str, chosen: _Candidate, *, force: Located[str] | None
) -> tuple[str, Span]:
    """Write the name out with its place, unless the name already says where.

    The place is the area printed just before the name, else the council the text
    names (for a council's committee), else the resolved force's area.
    """
    name = _tidy(_expand(chosen.printed))
    span = chosen.span
    area = _area_before(text, span)
    if area is not None:
        return _tidy(text[area.start : span.end]), Span(area.start, span.end)
    if _has_place(name):
        return name, span
    if chosen.kind is BodyKind.COUNCIL_COMMITTEE:
        council = _council(text)
        return (f"{council} {name}" if council else name), span
    if force is not None and force.value != "btp":
        return f"{area_label(force.value)} {name}", span
    return name, span


def _has_place(name: str) -> bool:
    """Tell whether a name already says where: a council or a force area in it."""
    return "Council" in name or next(find_mentions(name), None) is not None


def _area_before(text: str, span: Span) -> Span | None:
    """Find a force area printed just before the body's name ("Thames Valley ...")."""
    window = max(0, span.start - 60)
    for mention in find_mentions(text[window : span.start], offset=window):
        if not text[mention.span.end : span.start].strip(" \t'’s"):
            return mention.span
    return None


def _council(text: str) -> str | None:
    names = Counter(squeeze(m.group()) for m in _COUNCIL_NAME.finditer(text))
    return names.most_common(1)[0][0] if names else None


def _tidy(name: str) -> str:
    """Write a printed name out: "&" as "and", capitals as title case.

    >>> _tidy("POLICE & CRIME PANEL")
    'Police and Crime Panel'
    """
    shouted = name.isupper() and len(name) > 6
    name = squeeze(name.replace("&", "and"))
    if shouted:
        words = name.lower().split()
        name = " ".join(
            w if w in _SMALL and i else _capitalise(w) for i, w in enumerate(words)
        )
    return name


def _capitalise(word: str) -> str:
    """Capitalise each part of a hyphenated word: "dyfed-powys" gives "Dyfed-Powys"."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _fallback_name(text: str, head: Span) -> str:
    """Name an unrecognised body by the first line of the heading region."""
    for line in text[head.start : head.end].splitlines():
        if line.strip():
            return squeeze(line)[:120]
    return ""

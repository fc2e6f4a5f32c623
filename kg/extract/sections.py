"""Attendance sections (extraction stage helper): document text to attendance lists.

Input is the whole text of a minutes document; output is a list of `Section` values,
each an attendance status with the people and posts listed under it. Sections are found
by their headings in the raw text, so they are read whether or not the layout parser
found the items: PRESENT / ALSO PRESENT / Attendees / In attendance / Apologies lists
(seeds 003, 004, 000), "Present: Cllr A, Cllr B" lines, and apologies sentences anywhere
("Apologies for absence were submitted by Councillor David Carroll …", seed 002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.entries import Entry, parse_run
from kg.extract.names import TITLE_PATTERN
from kg.records import AttendanceStatus, Span

_S = AttendanceStatus
# Heading words and the status of the people listed under them; order matters.
_HEADINGS: tuple[tuple[str, str, AttendanceStatus], ...] = (
    # "ALSO PRESENT", "In attendance:", "Officers in attendance"
    (
        r"also\s+present|(?:also\s+)?in\s+attendance|officers(?:\s+present|\s+in\s+attendance)?"
        r"|also\s+attending|other\s+attendees|guests?",
        "also",
        _S.IN_ATTENDANCE,
    ),
    # "1. Apologies for absence", "Apologies", "Apologies for Absence and Substitutions"
    (
        r"apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+substitut\w+)?(?:\s+received)?",
        "apologies",
        _S.APOLOGIES,
    ),
    # "Absent", "Members absent"
    (r"(?:members\s+)?absent|not\s+present", "absent", _S.ABSENT),
    # "Substitutes:", "Substitute Members"
    (r"substitutes?(?:\s+members?)?", "substitute", _S.SUBSTITUTE),
    # "PRESENT", "Members present:", "Panel Members Present"
    (
        r"(?:(?:panel|board|committee)\s+)?members\s+present|present|members",
        "present",
        _S.PRESENT,
    ),
    # "Attendees:", "Attendance"
    (r"attendees|attendance", "attendees", _S.PRESENT),
)
_HEAD_ALTERNATIVES = "|".join(f"(?:{pattern})" for pattern, _, _ in _HEADINGS)
# "PRESENT", "1. Apologies for absence", "**Attendees:**",
# "Present: Cllr A (Chair), Cllr B"
HEADING_RE = re.compile(
    rf"^[\s\-*#•·]*(?:\d+[a-z]?[.)]?\s+)?(?:\*\*)?(?P<head>{_HEAD_ALTERNATIVES})(?:\*\*)?"
    r"\s*(?:(?::|\s[–-])\s*(?:\*\*)?(?P<rest>.*?))?[\s*]*$",
    re.IGNORECASE,
)
# "2. Public Forum": the next numbered item ends a list
_NUMBERED_RE = re.compile(r"^\s*(?:\d+[a-z]?[.)]|[a-z][.)])\s+\S")
# "Apologies for absence were submitted by Councillor David Carroll …",
# "Apologies were received from Councillors A. Patel (Northtown Borough Council),
# B. Okafor"
APOLOGY_SENTENCE_RE = re.compile(
    r"\bapologies(?:\s+for\s+absence)?\s+(?:were|had\s+been|have\s+been|was)?\s*"
    r"(?:received|submitted|given|tendered|noted|reported|presented|sent)?\s*"
    r"(?:from|by|on\s+behalf\s+of)\s+",
    re.IGNORECASE,
)
# "Councillor Jane Doe sent her apologies", "Cllr Bee had tendered apologies"
SENT_APOLOGIES_RE = re.compile(
    rf"(?P<who>(?:{TITLE_PATTERN}\s+)?(?:[A-Z][A-Za-z'’\-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][A-Za-z'’\-]+|[A-Z]\.)){0,2})\s+(?:had\s+|has\s+)?"
    r"(?:sent|gave|given|tendered|submitted|offered)\s+(?:(?:his|her|their)\s+)?apolog"
)
# Abbreviations whose full stop does not end a sentence: "Ch. Supt.", "Dr.", "Cllr."
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr ch det dep dept supt insp sgt st rev prof no".split()
)
_MAX_ENTRY_WORDS = 25


@dataclass(frozen=True, slots=True)
class Section:
    """People and posts listed under one heading (or in one apologies sentence)."""

    kind: str
    status: AttendanceStatus
    entries: tuple[Entry, ...]
    span: Span


def find_sections(text: str) -> list[Section]:
    r"""Find every attendance list and apologies sentence of `text`, in order.

    >>> [(s.kind, len(s.entries)) for s in find_sections("PRESENT\n- Cllr A. Bee\n")]
    [('present', 1)]
    """
    lines = _lines(text)
    sections: list[Section] = []
    for index, (start, line) in enumerate(lines):
        match = HEADING_RE.match(line)
        if match is None:
            continue
        kind, status = _classify(match.group("head"))
        rest = match.group("rest") or ""
        entries: list[Entry] = []
        if rest and not APOLOGY_SENTENCE_RE.search(rest):
            entries += _useful(parse_run(rest, start + match.start("rest")))
        entries += _collect(lines, index + 1)
        if entries:
            end = max(e.span.end for e in entries)
            sections.append(Section(kind, status, tuple(entries), Span(start, end)))
    sections += _apology_sentences(text)
    return sorted(sections, key=lambda s: s.span.start)


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _classify(head: str) -> tuple[str, AttendanceStatus]:
    for pattern, kind, status in _HEADINGS:
        if re.fullmatch(pattern, head.strip(), re.IGNORECASE):
            return kind, status
    return "present", AttendanceStatus.PRESENT


def _useful(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.name is not None or e.post is not None]


def _collect(lines: list[tuple[int, str]], first: int) -> list[Entry]:
    """Read the entries on the lines under a heading, up to the first non-entry."""
    entries: list[Entry] = []
    gap = False
    for start, line in lines[first:]:
        stripped = line.strip(" \t*-•·|")
        if not stripped:
            gap = bool(entries)
            continue
        if HEADING_RE.match(line) or _NUMBERED_RE.match(line):
            break
        if APOLOGY_SENTENCE_RE.search(line) or len(stripped.split()) > _MAX_ENTRY_WORDS:
            break
        found = _useful(parse_run(line, start))
        if not found:
            break
        if (
            gap
            and not re.match(r"^\s*[-*•·Ø]", line)
            and len(found) == 1
            and found[0].post
        ):
            break
        entries += found
    return entries


def _apology_sentences(text: str) -> list[Section]:
    sections = []
    for match in APOLOGY_SENTENCE_RE.finditer(text):
        end = sentence_end(text, match.end())
        entries = _useful(parse_run(text[match.end() : end], match.end()))
        if entries:
            span = Span(match.start(), end)
            sections.append(
                Section("apologies", AttendanceStatus.APOLOGIES, tuple(entries), span)
            )
    for match in SENT_APOLOGIES_RE.finditer(text):
        entries = _useful(parse_run(match.group("who"), match.start("who")))
        if entries:
            span = Span(match.start(), match.end())
            sections.append(
                Section("apologies", AttendanceStatus.APOLOGIES, tuple(entries), span)
            )
    return sections


def sentence_end(text: str, pos: int) -> int:
    """Find where the sentence running from `pos` ends.

    It ends at a line break, a table bar, or a full stop that does not close an initial
    or an abbreviation.

    >>> text = "Cllr A. Patel and Ch. Supt. Bee. Next"
    >>> text[:sentence_end(text, 0)]
    'Cllr A. Patel and Ch. Supt. Bee'
    """
    for index in range(pos, len(text)):
        char = text[index]
        if char in "\n|":
            return index
        if char == "." and (index + 1 == len(text) or text[index + 1].isspace()):
            word = re.search(r"([A-Za-z]+)$", text[pos:index])
            if (
                word
                and len(word.group(1)) > 1
                and word.group(1).lower() not in _ABBREVIATIONS
            ):
                return index
    return len(text)

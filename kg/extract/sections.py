"""Attendance sections (extraction stage helper): document text to attendance lists.

Input is the whole text of a minutes document; output is a list of `Section` values,
each an attendance status with the people and posts listed under it. Sections are found
by their headings in the raw text, so they are read whether or not the layout parser
found the items: PRESENT / ALSO PRESENT / Attendees / In attendance / Apologies lists
(seeds 003, 004, 000), "Present: Cllr A, Cllr B" lines, and apologies sentences anywhere
("Apologies for absence were submitted by Councillor David Carroll …", seed 002).
Other forces' lists are read too: "Councillors:" / "Independent Members:" / "Together
with:" / "The following Officers were in attendance:" headings, "Present were ..."
sentences, tables (`kg.extract.list_lines`: legends such as "(*present)", head rows,
page footers, lines a PDF wrapped) and substitution sentences ("Mrs L Parfitt-Reid
attended as a substitute for Cllr Murray").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.entries import Entry, parse_run
from kg.extract.list_lines import (
    TABLE_HEAD_RE,
    Legend,
    is_page_mark,
    join_wrapped,
    marked,
    read_legend,
    sentence_end,
    split_lines,
    starred,
)
from kg.extract.names import NAME_START, NAME_WORD, TITLE_PATTERN
from kg.extract.near import find_words, finditer_at, finditer_near
from kg.records import AttendanceStatus, Span

_S = AttendanceStatus
# Heading words and the status of the people listed under them; order matters.
_HEADINGS: tuple[tuple[str, str, AttendanceStatus], ...] = (
    # "ALSO PRESENT", "In attendance:", "Officers in attendance", "OTHERS PRESENT",
    # "The following Officers were in attendance", "Officials", "Witnesses"
    (
        r"also\s+present|(?:also\s+)?in\s+attendance|also\s+attending|other\s+attendees"
        r"|together\s+with"
        r"|(?:the\s+following\s+)?(?:(?:council|county|police|opcc|other|supporting"
        r"|support|panel|committee|board)\s+)?(?:officers|officials|others|guests?"
        r"|advisers|advisors)(?:\s+(?:were\s+)?(?:also\s+)?(?:present|in\s+attendance"
        r"|attending))?|officer\s+(?:present|in\s+attendance)|witness(?:es)?"
        r"|invited\s+guests?|speakers?",
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
    # "PRESENT", "Members present:", "Panel Members Present", "Councillors:",
    # "Independent Members:", "Co-opted Members", "Chairman:", "Vice-Chair:"
    (
        r"(?:(?:panel|board|committee)\s+)?members\s+present|present|members"
        r"|(?:independent|co-opted|elected|lay|voting|council|panel|board|committee)"
        r"(?:\s+(?:co-opted|independent))?\s+members?|(?:county\s+)?councillors"
        r"|(?:vice[\s-]?)?chair(?:man|person|woman)?",
        "present",
        _S.PRESENT,
    ),
    # "Attendees:", "Attendance"
    (r"attendees|attendance", "attendees", _S.PRESENT),
)
_HEAD_ALTERNATIVES = "|".join(f"(?:{pattern})" for pattern, _, _ in _HEADINGS)
# Each heading's words alone, to tell which of them a heading printed
_HEADING_KINDS = tuple(
    (re.compile(pattern, re.IGNORECASE), kind, status)
    for pattern, kind, status in _HEADINGS
)
# "PRESENT", "1. Apologies for absence", "**Attendees:**",
# "Present: Cllr A (Chair), Cllr B", "Also present with the agreement of the Chairman:",
# "In attendance (virtually):". The bullets before the heading are possessive ("*+"):
# giving one back never lets a heading word start sooner (faster, same matches).
HEADING_RE = re.compile(
    r"^[\s\-*#•·]*+(?:\d+[a-z]?[.)]?\s+)?(?:\*\*)?"
    rf"(?P<head>{_HEAD_ALTERNATIVES})(?:\*\*)?"
    r"(?:[ \t]+(?:with|at|by|as|for|from|via|on)\b[^:\n]{0,60}?(?=:)"
    r"|[ \t]*\([^()\n]{0,40}\)(?=[ \t]*:))?"
    r"\s*(?:(?::|\s[–-])\s*(?:\*\*)?(?P<rest>.*?))?[\s*]*$",
    re.IGNORECASE,
)
# "Present were Councillors A, B and C.", "Those present were: ..."
PRESENT_WERE_RE = re.compile(
    r"^\s*(?:(?i:those|members)\s+)?(?i:present)\s+(?:were|was)\b:?\s*(?P<rest>\S.*)$"
)
# "2. Public Forum", "Item 1 – Welcome", "Minute 101", "PCP 12/22 Minutes", "5/23 ...":
# the next numbered item ends a list
_NUMBERED_RE = re.compile(
    r"^\s*(?:\d+[a-z]?[.)]|[a-z][.)]|(?i:item|minute)\s+\d+|[A-Z]{2,6}[ /]\d+/\d+"
    r"|\d+/\d+)\s+\S"
)
# "Apologies for absence were submitted by Councillor David Carroll …",
# "Apologies were received from Councillors A. Patel (Northtown Borough Council),
# B. Okafor"
APOLOGY_SENTENCE_RE = re.compile(
    # the look-ahead lets the engine skip to each "a" (faster, same matches)
    r"(?=a)\bapologies(?:\s+for\s+absence)?"
    r"\s+(?:were|had\s+been|have\s+been|was)?\s*"
    r"(?:received|submitted|given|tendered|noted|reported|presented|sent)?\s*"
    r"(?:from|by|on\s+behalf\s+of)\s+",
    re.IGNORECASE,
)
# "Councillor Jane Doe sent her apologies", "Cllr Bee had tendered apologies"
SENT_APOLOGIES_RE = re.compile(
    rf"{NAME_START}(?P<who>(?:{TITLE_PATTERN}\s+)?(?:{NAME_WORD}|[A-Z]\.)"
    rf"(?:\s+(?:{NAME_WORD}|[A-Z]\.)){{0,2}})\s+(?:had\s+|has\s+)?"
    r"(?:sent|gave|given|tendered|submitted|offered)\s+(?:(?:his|her|their)\s+)?apolog"
)
# SENT_APOLOGIES_RE is tried a few words before each "apolog" only (`finditer_near`):
# at most 10 runs of spaces come before it, 4 in and after a title, 2 between names, 4
# in "had sent her"
_APOLOG = re.compile("apolog")
_APOLOG_SPACES = 12
_WORD = rf"(?:{NAME_WORD}|[A-Z]\.?)"
_WHO = rf"(?:{TITLE_PATTERN}\s+)?{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
# "Mrs L Parfitt-Reid attended as a substitute for Cllr Murray", "Councillor Tom Reed
# was present as substitute member for Councillor Sam Hill", "Cllr Bee substituted for
# Cllr Dee", "Cllr Bee attended in place of Cllr Dee", "Councillor M Whittington was
# replacing Councillor J Tyrrell"
SUBSTITUTE_SENTENCE_RE = re.compile(
    rf"{NAME_START}(?P<who>{_WHO})\s+"
    r"(?:(?:attended|was\s+(?:present|in\s+attendance)|sat|acted|was)\s+)?"
    r"(?:as\s+(?:a\s+|the\s+)?(?:substitute|deputy)(?:\s+member)?(?:\s+for)?"
    r"|substituted\s+for|substituting\s+for|in\s+place\s+of|deputi[sz]ing\s+for"
    r"|replacing|standing\s+in\s+for)"
    rf"(?:\s+(?P<whom>{_WHO}))?"
)
# SUBSTITUTE_SENTENCE_RE is tried a few words before its literal words only: at most 13
# runs of spaces come before them, 4 in and after a title, 4 between and after names, 3
# in "was in attendance", 2 in "as a". The words are whole enough that the many "take
# place" and "standing order" of minutes are not tried: "place of", "standing in for".
_SUBSTITUTE_WORDS = re.compile(
    r"substitut|deput|place\s+of|replacing|standing\s+in\s+for"
)
_SUBSTITUTE_SPACES = 16
# the words _SUBSTITUTE_WORDS opens with, found by a literal search (`finditer_near`)
SUBSTITUTE_OPENINGS = ("substitut", "deput", "place", "replacing", "standing")
_MAX_ENTRY_WORDS = 25
# A longer line is a list when it names someone every this many words at most.
_WORDS_PER_ENTRY = 12
# How many lines away from a list's heading its legend may be printed.
_LEGEND_REACH = 60
# A sentence ending in a colon that introduces a list on the lines below: "... putting
# questions to the following invited guests:", "The following members were present:",
# "Apologies for absence were received from the following Members:"
INTRO_RE = re.compile(
    r"(?i:(?P<apologies>apologies\b)?[^:\n]*?\b(?:the\s+following|these)\s+"
    r"(?:invited\s+|other\s+|panel\s+|board\s+|committee\s+)?)"
    r"(?P<who>(?i:guests?|witnesses|officers|officials|representatives|speakers"
    r"|attendees|people|persons|members|councillors))\b[^:\n]{0,60}:[\s*]*$"
)
# INTRO_RE ends at the line's end and its lazy start scans the whole line from every
# position: only the line's tail is searched, or a long line takes quadratic time.
_INTRO_REACH = 400
# INTRO_RE needs a line ending in a colon: this cheap test saves most lines the search.
_ENDS_IN_COLON_RE = re.compile(r":[\s*]*$")
# The guests an introduction names who are members: "the following Councillors:"
_MEMBERS_RE = re.compile(r"(?i)members|councillors")
# "- Cllr Bee", "• Ms Dee": a bulleted line
_BULLETED_RE = re.compile(r"^\s*[-*•·Ø]")
# The longest apologies sentence read ("Apologies were received from ..." lists a few
# names; a real one is a few hundred characters).
_SENTENCE_REACH = 2000


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
    lines = join_wrapped(split_lines(text), stops=_stops_list)
    sections: list[Section] = []
    for index, (start, line) in enumerate(lines):
        match = HEADING_RE.match(line)
        entries: list[Entry] = []
        if match is not None and APOLOGY_SENTENCE_RE.search(line):
            continue  # a sentence, read by `_apology_sentences`
        if match is not None:
            kind, status = _classify(match.group("head"))
            rest = match.group("rest") or ""
            if rest and not APOLOGY_SENTENCE_RE.search(rest):
                entries += _useful(parse_run(rest, start + match.start("rest")))
        elif were := PRESENT_WERE_RE.match(line):
            kind, status = "present", _S.PRESENT
            rest_start = start + were.start("rest")
            entries += _useful(parse_run(were.group("rest"), rest_start))
        elif _ENDS_IN_COLON_RE.search(line) and (
            intro := INTRO_RE.search(line[-_INTRO_REACH:])
        ):
            kind, status = _introduced(intro)
        else:
            continue
        entries += _collect(lines, index + 1, legend=_block_legend(lines, index))
        if entries:
            end = max(e.span.end for e in entries)
            sections.append(Section(kind, status, tuple(entries), Span(start, end)))
    sections += _apology_sentences(text)
    return sorted(sections, key=lambda s: s.span.start)


def _introduced(intro: re.Match[str]) -> tuple[str, AttendanceStatus]:
    if intro.group("apologies"):
        return "apologies", _S.APOLOGIES
    if _MEMBERS_RE.match(intro.group("who")):
        return "present", _S.PRESENT
    return "also", _S.IN_ATTENDANCE


def _stops_list(line: str) -> bool:
    return bool(HEADING_RE.match(line) or _NUMBERED_RE.match(line))


def _classify(head: str) -> tuple[str, AttendanceStatus]:
    for pattern, kind, status in _HEADING_KINDS:
        if pattern.fullmatch(head.strip()):
            return kind, status
    return "present", AttendanceStatus.PRESENT


def _useful(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.name is not None or e.post is not None]


def _block_legend(lines: list[tuple[int, str]], index: int) -> Legend | None:
    """Find a legend in the block of lists around line `index`.

    A legend may follow the last of several lists ("*Present"); the block ends at an
    item heading or a paragraph.
    """
    for step in (1, -1):
        at = index
        while 0 <= at < len(lines) and abs(at - index) <= _LEGEND_REACH:
            line = lines[at][1]
            legend = read_legend(line)
            if legend is not None:
                return legend
            if _NUMBERED_RE.match(line) or len(line.split()) > _MAX_ENTRY_WORDS:
                break
            at += step
    return None


def _collect(
    lines: list[tuple[int, str]],
    first: int,
    *,
    legend: Legend | None = None,
) -> list[Entry]:
    """Read the entries on the lines under a heading, up to the first non-entry.

    A legend ("(*present)", "(A denotes absent)") in the block of lists marks the
    entries of each line; a table's head row ("| Name | Role |") is passed over.
    """
    entries: list[tuple[Entry, str]] = []
    gap = False
    for start, line in lines[first:]:
        stripped = line.strip(" \t*-•·|")
        if not stripped:
            gap = bool(entries)
            continue
        if (mark := read_legend(line)) is not None:
            legend = mark
            continue
        if _passed_over(line, stripped, listing=bool(entries)):
            continue
        if HEADING_RE.match(line) or _NUMBERED_RE.match(line):
            break
        if APOLOGY_SENTENCE_RE.search(line):
            break
        parsed = parse_run(line, start)
        found = _useful(parsed)
        if not found and parsed and all(e.organisation for e in parsed):
            continue  # a firm attending without a named person: "KPMG (Internal Audit)"
        if not found or _prose(stripped, found) or (gap and _stray_post(line, found)):
            break
        entries += [(entry, line) for entry in found]
    if legend and legend[0] == "*" and not any(starred(ln) for _, ln in entries):
        legend = None  # a list without stars is not the one the legend speaks of
    return [marked(entry, line, legend) for entry, line in entries]


def _passed_over(line: str, stripped: str, *, listing: bool) -> bool:
    """Tell a page's header or footer ("Page 2 of 7"), or a table's head row."""
    return bool(is_page_mark(stripped) or (not listing and TABLE_HEAD_RE.match(line)))


def _stray_post(line: str, found: list[Entry]) -> bool:
    """Tell a lone post after a blank line, not bulleted: the list has ended."""
    bulleted = _BULLETED_RE.match(line) is not None
    return not bulleted and len(found) == 1 and found[0].post is not None


def _prose(line: str, found: list[Entry]) -> bool:
    """Tell a paragraph from a long list line.

    A list line names someone every few words: "J. Mudd (Police and Crime
    Commissioner), E. Thomas (Deputy ...), S. Morgan (...), ...".
    """
    words = len(line.split())
    named = sum(entry.name is not None for entry in found)
    return words > _MAX_ENTRY_WORDS and (named < 2 or words > _WORDS_PER_ENTRY * named)


def _apology_sentences(text: str) -> list[Section]:
    sections = []
    # tried where "apologies" is only (0.07 ms a document over the whole text, now 0.01)
    starts = find_words(text, ("apologies",))
    matches = list(finditer_at(APOLOGY_SENTENCE_RE, text, starts))
    for index, match in enumerate(matches):
        # A sentence stops at the next apologies phrase and within _SENTENCE_REACH,
        # or a long line of them is read in quadratic time.
        later = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        limit = min(later, match.end() + _SENTENCE_REACH)
        end = sentence_end(text, match.end(), limit=limit)
        entries = _useful(parse_run(text[match.end() : end], match.end()))
        if entries:
            span = Span(match.start(), end)
            sections.append(
                Section("apologies", AttendanceStatus.APOLOGIES, tuple(entries), span)
            )
    sections += _substitute_sentences(text)
    sent = finditer_near(SENT_APOLOGIES_RE, text, _APOLOG, spaces=_APOLOG_SPACES)
    for match in sent:
        entries = _useful(parse_run(match.group("who"), match.start("who")))
        if entries:
            span = Span(match.start(), match.end())
            sections.append(
                Section("apologies", AttendanceStatus.APOLOGIES, tuple(entries), span)
            )
    return sections


def _substitute_sentences(text: str) -> list[Section]:
    sections = []
    found = finditer_near(
        SUBSTITUTE_SENTENCE_RE,
        text,
        _SUBSTITUTE_WORDS,
        spaces=_SUBSTITUTE_SPACES,
        openings=SUBSTITUTE_OPENINGS,
    )
    for match in found:
        who = _useful(parse_run(match.group("who"), match.start("who")))
        whom = []
        if match.group("whom"):
            whom = _useful(parse_run(match.group("whom"), match.start("whom")))
        if len(who) != 1 or who[0].name is None or len(whom) > 1:
            continue
        entry = replace(
            who[0],
            substitute=True,
            substitute_for=whom[0].name if whom else None,
            span=Span(match.start(), match.end()),
        )
        span = Span(match.start(), match.end())
        sections.append(Section("substitute", _S.SUBSTITUTE, (entry,), span))
    return sections

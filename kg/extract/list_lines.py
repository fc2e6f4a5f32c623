"""List lines (extraction stage helper): document lines as attendance lists print them.

Input is the text's lines with their offsets; output is the same lines with the breaks a
PDF put inside a list joined up (`join_wrapped`), and the marks lists carry read off
them: page headers and footers (`is_page_mark`), a table's head row (`TABLE_HEAD_RE`),
and legends such as "(*present)" or "(A denotes absent)" with the status each line's
mark gives (`read_legend`, `marked`); and where a sentence listing people ends
(`sentence_end`). `kg.extract.sections` finds the lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from kg.extract.entries import Entry
from kg.records import AttendanceStatus

# A list wraps over this many lines at most; the checks look at one line at a time, so
# a text of comma-ended lines costs no more than its length.
_MOST_WRAPPED = 12
# A legend: the sign it explains ("*" for present, "A" for absent) and the status
# of the lines it marks.
Legend = tuple[str, AttendanceStatus]

# A page's header or footer: "Page 2 of 7", "Derbyshire County Council   Page 1 of 4",
# "- 3 -", "12"
PAGE_MARK_RE = re.compile(
    r"^(?:[^\n]{0,80}\b(?i:page)[ \t]+\d+(?:[ \t]+(?i:of)[ \t]+\d+)?"
    r"|[-–\s]*\d{1,3}[-–\s]*)$"
)


def is_page_mark(line: str) -> bool:
    """Tell a page's header or footer (`PAGE_MARK_RE`).

    Such a line says "page" or opens with a dash, a digit or a space: a line that does
    neither is spared the pattern, which tries "page" at each of its first 80
    characters (over a document's lines, 0.08 ms; with the test, 0.05).

    >>> is_page_mark("Derbyshire County Council   Page 1 of 4"), is_page_mark("- 3 -")
    (True, True)
    >>> is_page_mark("Councillor A Bee")
    False
    """
    first = line[:1]
    if first in "-–" or first.isdecimal() or first.isspace() or "page" in line.lower():
        return PAGE_MARK_RE.match(line) is not None
    return False


# A line broken off inside an entry: "..., Councillor B", "... and", "Cllr Bee,"
# (not a rank: "Andy Marsh, Chief Constable" ends an entry)
_BROKEN_OFF_RE = re.compile(
    r"(?:,|\band|&|\b(?:Councillors?|Cllrs?\.?|Mrs?\.?|Ms\.?|Miss|Dr\.?|Prof\.?"
    r"|Professor|Sir|Dame|Lord|Lady|Baroness)|(?<![–—-][ \t])(?<![\w.])[A-Z]\.?)[ \t]*$"
)
# _BROKEN_OFF_RE matches at most this many characters at the end of a stripped line
# ("Councillors"): it is searched for there only, not along the whole line.
_BROKEN_OFF_REACH = 16
# The last letters of the endings _BROKEN_OFF_RE reads (",", "and", "&", "Councillor",
# "Cllrs", "Mrs", "Prof", "Dame", "Lord", "Lady") besides an initial's capital; a full
# stop closes a title or an initial only after "r", "s", "f" or a capital.
_BROKEN_OFF_LAST = ",&drsfey"
# Table columns: a line with them is a row, never a wrapped sentence.
_COLUMNS_RE = re.compile(r"\t|\||[ ]{3,}")
# The rest of a wrapped name, then the list going on: "Jones, Councillor C Brown"
_FRAGMENT_RE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]*[,;)]|[a-z])")
# A list's legend: "(*present)", "* = present", "*Present", "(A denotes absent)",
# "A = Apologies"
LEGEND_RE = re.compile(
    r"^[\s(]*(?:(?P<star>\*\s*(?:=|-|–|denotes|indicates)?\s*present\w*"
    r"(?:\s+(?:at|in|for)\s+(?:the\s+)?meeting)?)"
    r"|A\s*(?:=|-|–|denotes|indicates)\s*(?P<word>absent|apologies)\w*)[\s).]*$",
    re.IGNORECASE,
)
# "Councillor David Ellis – Gedling Borough Council – A", "| Cllr Bee | A |"
_ABSENT_MARK_RE = re.compile(r"(?:\s[–—-]|\||\t|\s{2})\s*A\s*\|?\s*$")
# A table's head row: "| Name | Role |", "Name    Organisation"
TABLE_HEAD_RE = re.compile(
    r"^[\s|]*(?:(?:name|role|post|position|job\s+title|title|organi[sz]ation|representing"
    r"|council|authority|attendee|member|designation|status)s?(?:[ \t]*\||[ \t]{2,}|\t"
    r"|[ \t]*$)[ \t]*)+$",
    re.IGNORECASE,
)


def split_lines(text: str) -> list[tuple[int, str]]:
    r"""Split `text` at "\n" into (offset, line) pairs.

    >>> split_lines("a\nbc")
    [(0, 'a'), (2, 'bc')]
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def join_wrapped(
    lines: list[tuple[int, str]], *, stops: Callable[[str], bool]
) -> list[tuple[int, str]]:
    """Join lines a PDF wrapped in the middle of a list into one line each.

    The break becomes a space, so offsets into the document stay right:
    "PRESENT: Councillor A Smith (Chair), Councillor B" + "Jones, Councillor C Brown".
    A line for which `stops` is true (a heading, an item) is never joined on.

    >>> join_wrapped([(0, "Cllr A Bee, Cllr B"), (19, "Dee, Cllr C Eff")],
    ...              stops=lambda line: False)
    [(0, 'Cllr A Bee, Cllr B Dee, Cllr C Eff')]
    """
    out: list[tuple[int, str]] = []
    last, joined = "", 0
    for start, line in lines:
        wraps = joined < _MOST_WRAPPED and _continues(last, line)
        if out and wraps and not stops(line):
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
            joined += 1
        else:
            out.append((start, line))
            joined = 0
        last = line
    return out


def _continues(line: str, following: str) -> bool:
    """Tell whether `following` carries on the list that `line` breaks off."""
    text, nxt = line.rstrip(), following.strip()
    if not text or not nxt or is_page_mark(nxt):
        return False
    tail = max(0, len(text) - _BROKEN_OFF_REACH)
    if text.count("(") > text.count(")") or (
        _may_break_off(text) and _BROKEN_OFF_RE.search(text, tail)
    ):
        return True
    listed = text.count(",") >= 2 and not _COLUMNS_RE.search(text)
    return listed and text[-1] not in ".;:" and _FRAGMENT_RE.match(nxt) is not None


def _may_break_off(text: str) -> bool:
    """Tell whether a stripped line may end as _BROKEN_OFF_RE reads.

    Two lines in three end otherwise, and are spared the search (a microsecond each).
    """
    last = text[-1:]
    if last == ".":
        last = text[-2:-1]
        return last in "rsf" or "A" <= last <= "Z"
    return last in _BROKEN_OFF_LAST or "A" <= last <= "Z"


def read_legend(line: str) -> Legend | None:
    """Read a legend line: "(*present)" gives ("*", ABSENT) for unstarred lines.

    >>> read_legend("(A denotes absent)")
    ('A', <AttendanceStatus.ABSENT: 'absent'>)
    >>> read_legend("Councillor A Bee") is None
    True
    """
    match = LEGEND_RE.match(line)
    if match is None:
        return None
    if match.group("star"):
        return "*", AttendanceStatus.ABSENT
    word = match.group("word").lower()
    status = (
        AttendanceStatus.APOLOGIES
        if word.startswith("apolog")
        else AttendanceStatus.ABSENT
    )
    return "A", status


def starred(line: str) -> bool:
    """Tell a line marked with a leading "*"."""
    return line.lstrip().startswith("*")


def marked(entry: Entry, line: str, legend: Legend | None) -> Entry:
    """Give the entry the status its line's mark and the list's legend say."""
    if legend is None or entry.name is None:
        return entry
    sign, status = legend
    if sign == "*":
        return entry if starred(line) else replace(entry, status=status)
    if _ABSENT_MARK_RE.search(line):
        return replace(entry, status=status)
    return entry


# Abbreviations whose full stop does not end a sentence: "Ch. Supt.", "Dr.", "Cllr."
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr ch det dep dept supt insp sgt st rev prof no".split()
)
# The word before a full stop: "Supt." is an abbreviation, "Bee." ends a sentence
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)$")


def sentence_end(text: str, pos: int, *, limit: int | None = None) -> int:
    """Find where the sentence running from `pos` ends (at `limit` at the latest).

    It ends at a line break, a table bar, or a full stop that does not close an initial
    or an abbreviation.

    >>> text = "Cllr A. Patel and Ch. Supt. Bee. Next"
    >>> text[:sentence_end(text, 0)]
    'Cllr A. Patel and Ch. Supt. Bee'
    """
    stop = len(text) if limit is None else min(limit, len(text))
    for index in range(pos, stop):
        char = text[index]
        if char in "\n|":
            return index
        if char == "." and (index + 1 == len(text) or text[index + 1].isspace()):
            word = _LAST_WORD_RE.search(text[pos:index])
            if word is None or (
                len(word.group(1)) > 1 and word.group(1).lower() not in _ABBREVIATIONS
            ):
                return index
    return stop

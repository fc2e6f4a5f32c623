"""Decision notices (extraction stage): their lines read, the agenda cross-checked.

`notice_head` reads a notice's reference, title and status from its line in the minutes
("2018/009 (Out of Court Disposals) – Decision to…", "PCC/D/12/2023 – Estates: …",
"Record of Decision 12-2022 – …"). `notice_discrepancies` takes a `Meeting` whose
notices are read, and the document text, to `Discrepancy` records for the notices the
agenda lists differently from the minutes: a notice listed under another number
("2018/005 – Out of Court Disposals" on the agenda, "2018/009 (Out of Court Disposals)"
in the minutes), a listed notice the minutes do not record, a minuted notice the agenda
did not list, and one number with two titles. The agenda is whatever text lies outside
the minuted items.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.extract.sentences import split_lines
from kg.records import (
    Decision,
    DecisionKind,
    DecisionStatus,
    Discrepancy,
    Meeting,
    Span,
)

# a decision's reference: "2018/009", "PCC/2019/012", "014/2023", "PCC/D/45/2022"
SLASHED_REF = (
    r"(?:[A-Z]{2,6}/[A-Z]{1,3}/\d{1,4}/(?:19|20)\d{2}"
    r"|(?:[A-Z]{2,6}[ /-]?)?(?:19|20)\d{2}/\d{1,4}|\d{1,4}/(?:19|20)\d{2})"
)
# "12-2023", "2023-014": a dashed number, read only after the word "Decision"
NOTICE_REF = (
    rf"(?:{SLASHED_REF}"
    r"|(?:[A-Z]{2,6}[ /-]?)?(?:\d{1,4}-(?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,4}))"
)
# "2018/009 (Out of Court Disposals) – Decision to move to a two tier framework…",
# "PCC/2019/012 – Body Worn Video: Decision to…", "Decision 2020/03 (Fleet) – approved",
# "Record of Decision 12-2022 – Custody healthcare contract: The Commissioner approved…"
DECISION_NOTICE = re.compile(
    r"(?P<word>(?:Record of )?Decision(?: Notice| Record| Report)?\s+(?:No\.?\s*)?)?"
    rf"(?P<ref>{NOTICE_REF})"
    r"\s*(?:\((?P<title>[^)]{2,120})\)|[–—:-]\s*(?P<title2>[^–—:(]{2,120}?)\s*[–—:])"
    r"\s*[–—:-]?\s*(?=\S)"
)

# a notice named inside a sentence: "The PFCC signed Decision Report 058/2023, approving
# the refurbishment …"
INLINE_NOTICE = re.compile(
    r"\b(?:Record of Decision|Decision(?: Notice| Record| Report)?)\s+(?:No\.?\s*)?"
    rf"(?P<ref>{NOTICE_REF})\b(?:\s*\((?P<title>[^)]{{2,120}})\))?"
)


def find_inline_notice(sentence: str) -> re.Match[str] | None:
    """Find a decision notice named inside a sentence, as `INLINE_NOTICE` does.

    >>> find_inline_notice("The PFCC signed Decision Report 058/2023.").group("ref")
    '058/2023'
    """
    # every wording INLINE_NOTICE reads holds "Decision": most sentences hold none
    # and are spared the search
    if "Decision" not in sentence:
        return None
    return INLINE_NOTICE.search(sentence)


# "The PCC will delay signing off this decision", "sign off this decision notice at a
# later date", "deferred"
DEFERRED = re.compile(
    r"\b(?:delay signing|deferred|postponed|at a later date|not (?:yet )?signed|"
    r"withdrawn|held over)\b",
    re.IGNORECASE,
)
# "The Decision Notice will be signed and published", "was signed at the meeting"
SIGNED = re.compile(
    r"\b(?:was|were|has been|will be) signed\b"
    r"|\bsigned (?:off )?(?:the |this )?Decision\b",
    re.IGNORECASE,
)


def notice_status(paragraph: str) -> DecisionStatus | None:
    """Where a notice stands by the words of its paragraph.

    >>> notice_status("The PCC will delay signing off this decision until …")
    <DecisionStatus.DEFERRED: 'deferred'>
    >>> notice_status("The Decision Notice will be signed and published.")
    <DecisionStatus.SIGNED: 'signed'>
    """
    if DEFERRED.search(paragraph):
        return DecisionStatus.DEFERRED
    if SIGNED.search(paragraph):
        return DecisionStatus.SIGNED
    return None


# "2018/19 (Quarter 3) – budget outturn": a financial year, not a notice, unless the
# line says it is a decision
_FINANCIAL_YEAR = re.compile(r"(?:19|20)\d{2}[/-]\d{2}")
_SAYS_DECISION = re.compile(r"\bdecision\b", re.IGNORECASE)


def notice_head(line: str) -> re.Match[str] | None:
    """Read the reference and title at the start of a decision notice's line.

    >>> notice_head("2018/009 (Out of Court Disposals) – Decision to move").group("ref")
    '2018/009'
    >>> notice_head("2018/19 (Quarter 3) – budget outturn was reported.") is None
    True
    """
    # every reference holds "/" or "-": lines without are spared the pattern (most
    # sentences, each read twice: 0.05 ms a document)
    if "/" not in line and "-" not in line:
        return None
    head = DECISION_NOTICE.match(line)
    if head is None:
        return None
    if "/" not in head.group("ref") and not head.group("word"):
        return None
    year_like = _FINANCIAL_YEAR.fullmatch(head.group("ref"))
    if year_like and not _SAYS_DECISION.search(line):
        return None
    return head


# an agenda's list of notices: "- 2018/005 – Out of Court Disposals",
# "2018/011 (Kenneth Steele House)", "PCC/2019/004: Estates Strategy"
AGENDA_NOTICE = re.compile(
    rf"(?P<ref>{SLASHED_REF})\s*"
    r"(?:[–—:-]\s*(?P<title>[^\n(]{2,120}?)|\((?P<title2>[^)\n]{2,120})\))\s*$"
)
_WORDS = re.compile(r"[a-z0-9]+")
# words too common in notice titles to tell two notices apart
_COMMON = frozenset({"police", "station", "the", "and", "of", "to", "for", "a"})
# two titles sharing this share of their distinctive words name the same notice
SAME_TITLE = 0.5


@dataclass(frozen=True, slots=True)
class ListedNotice:
    """A decision notice as the agenda lists it."""

    ref: str
    title: str
    span: Span


def same_title(a: str, b: str) -> bool:
    """Whether two notice titles name the same thing.

    >>> same_title("Shepton Mallet Police Station", "Shepton Mallet Station")
    True
    >>> same_title("Williton Police Station", "Shepton Mallet Station")
    False
    """
    wa = set(_WORDS.findall(a.lower())) - _COMMON
    wb = set(_WORDS.findall(b.lower())) - _COMMON
    if not wa or not wb:
        return a.strip().lower() == b.strip().lower()
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_TITLE


def listed_notices(meeting: Meeting, text: str) -> list[ListedNotice]:
    """Find the notices listed in the text outside every minuted item (the agenda)."""
    starts, ends = _union((i.title_span.start, i.text_span.end) for i in meeting.items)
    listed = []
    for line in split_lines(text, Span(0, len(text))):
        # the items' spans merged and searched, not each item's tried in turn on each
        # line (0.06 ms for a generated document listing notices, now 0.02)
        at = bisect.bisect_right(starts, line.start) - 1
        if at >= 0 and line.start < ends[at]:
            continue
        found = AGENDA_NOTICE.match(text, line.start, line.end)
        if found:
            title = (found.group("title") or found.group("title2") or "").strip()
            listed.append(ListedNotice(found.group("ref"), title, line))
    return listed


def _union(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Merge half-open spans into the starts and ends of disjoint ones, in order.

    >>> _union([(5, 9), (0, 2), (8, 12), (3, 3), (2, 4)])
    ([0, 5], [4, 12])
    """
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _compare(listed: ListedNotice, minuted: list[Decision]) -> Discrepancy | None:
    by_ref = next((d for d in minuted if d.ref == listed.ref), None)
    by_title = next(
        (d for d in minuted if same_title(d.title or "", listed.title)), None
    )
    if by_title is not None and by_title.ref != listed.ref:
        return Discrepancy(
            "decision-number-differs",
            f"the agenda lists '{listed.title}' as {listed.ref}, "
            f"the minutes record it as {by_title.ref} ('{by_title.title}')",
            by_title.span,
            by_title.item,
        )
    if by_ref is not None and not same_title(by_ref.title or "", listed.title):
        return Discrepancy(
            "decision-title-differs",
            f"the agenda lists {listed.ref} as '{listed.title}', "
            f"the minutes as '{by_ref.title}'",
            by_ref.span,
            by_ref.item,
        )
    if by_ref is None and by_title is None:
        return Discrepancy(
            "decision-not-minuted",
            f"the agenda lists {listed.ref} ('{listed.title}'), "
            "the minutes do not record it",
            listed.span,
        )
    return None


def _unlisted(listed: list[ListedNotice], minuted: list[Decision]) -> list[Discrepancy]:
    found = []
    for decision in minuted:
        known = any(
            n.ref == decision.ref or same_title(n.title, decision.title or "")
            for n in listed
        )
        if not known:
            found.append(
                Discrepancy(
                    "decision-not-on-agenda",
                    f"the minutes record {decision.ref} ('{decision.title}'), "
                    "the agenda does not list it",
                    decision.span,
                    decision.item,
                )
            )
    return found


def notice_discrepancies(meeting: Meeting, text: str) -> tuple[Discrepancy, ...]:
    """Where the agenda's list of decision notices and the minuted notices disagree."""
    minuted = [d for d in meeting.decisions if d.kind is DecisionKind.DECISION_NOTICE]
    if not minuted:
        return ()  # most minutes record no notice: the agenda is not read
    listed = listed_notices(meeting, text)
    if not listed:
        return ()
    compared = [_compare(n, minuted) for n in listed]
    found = [d for d in compared if d is not None] + _unlisted(listed, minuted)
    return tuple(sorted(found, key=lambda d: (d.span.start, d.kind)))

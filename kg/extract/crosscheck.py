"""Cross-checks for the extraction stage: a document's agenda against its minutes.

Input is a `Meeting` whose decision notices are already read, and the document text;
output is `Discrepancy` records for the decision notices the agenda lists differently
from the minutes: a notice listed under another number ("2018/005 – Out of Court
Disposals" on the agenda, "2018/009 (Out of Court Disposals)" in the minutes), a
listed notice the minutes do not record, a minuted notice the agenda did not list, and
one number with two titles. The agenda is whatever text lies outside the minuted items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.sentences import split_lines
from kg.records import Decision, DecisionKind, Discrepancy, Meeting, Span

# an agenda's list of notices: "- 2018/005 – Out of Court Disposals",
# "2018/011 (Kenneth Steele House)", "PCC/2019/004: Estates Strategy"
AGENDA_NOTICE = re.compile(
    r"(?P<ref>(?:[A-Z]{2,6}[ /-]?)?(?:19|20)\d{2}/\d{1,4})\s*"
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
    inside = [(i.title_span.start, i.text_span.end) for i in meeting.items]
    listed = []
    for line in split_lines(text, Span(0, len(text))):
        if any(start <= line.start < end for start, end in inside):
            continue
        found = AGENDA_NOTICE.match(text, line.start, line.end)
        if found:
            title = (found.group("title") or found.group("title2") or "").strip()
            listed.append(ListedNotice(found.group("ref"), title, line))
    return listed


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
    listed = listed_notices(meeting, text)
    if not minuted or not listed:
        return ()
    compared = [_compare(n, minuted) for n in listed]
    found = [d for d in compared if d is not None] + _unlisted(listed, minuted)
    return tuple(sorted(found, key=lambda d: (d.span.start, d.kind)))

"""Decision extraction for the extraction stage: a `Meeting` and its text to `Decision`s.

Three forms are read from each item's sentences: numbered decision notices
("2018/011 (Kenneth Steele House) – Decision to approve refurbishment … £3.65M"), with
reference, title and status (deferred when signing is put off, signed when the text says
it is or will be signed); resolutions ("RESOLVED – that", "Resolved - no update required",
"Recommended - that under Section 100A(4)…", "UNANIMOUSLY RESOLVED that", a "RESOLVED:"
line with numbered points); and agreements of the body ("It was agreed that…", "The
Board agreed the minutes…", "Agreed to fund…", "were confirmed as a correct record").
Another body's agreement ("was agreed by the Diversity and Inclusion Board") and a point
merely "recommended" in a list of suggestions are not decisions of this meeting.
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.crosscheck import notice_discrepancies
from kg.extract.money import find_amounts
from kg.extract.sentences import split_lines, split_sentences
from kg.records import Decision, DecisionKind, DecisionStatus, Item, Meeting, Span

# "2018/009 (Out of Court Disposals) – Decision to move to a two tier framework…",
# "PCC/2019/012 – Body Worn Video: Decision to…", "Decision 2020/03 (Fleet) – approved"
DECISION_NOTICE = re.compile(
    r"(?:Decision(?: Notice)?\s+(?:No\.?\s*)?)?"
    r"(?P<ref>(?:[A-Z]{2,6}[ /-]?)?(?:19|20)\d{2}/\d{1,4}|\d{1,4}/(?:19|20)\d{2})"
    r"\s*(?:\((?P<title>[^)]{2,120})\)|[–—:-]\s*(?P<title2>[^–—:(]{2,120}?)\s*[–—:])"
    r"\s*[–—:-]?\s*(?=\S)"
)

# "RESOLVED – that the report be noted", "Resolved - no update required",
# "UNANIMOUSLY RESOLVED that", "Recommended - that under Section 100A(4)…", "RESOLVED:"
RESOLUTION = re.compile(
    r"^(?:(?:UNANIMOUSLY|Unanimously)\s+)?"
    r"(?:RESOLVED|Resolved|RECOMMENDED|Recommended)\b(?:\s*[-–—:]|\s+(?:that|to)\b|$)"
)

# "It was agreed that…", "It is agreed the need…", "It was unanimously agreed",
# "The Board agreed the minutes…", "Members agreed that…", "Agreed to fund from reserves…",
# "He agreed that more regular discussions…", "the PCC and Chief do not agree the…"
AGREEMENT = re.compile(
    r"\b(?:(?:It|it) (?:was|is|has been) (?:\w+ )?agreed\b|"
    r"(?:The |the )?(?:Board|Panel|Committee|Sub-Committee|Members|Meeting|Group|"
    r"Chair(?:man)?|PCC and (?:the )?Chief(?: Constable)?|Commissioner and (?:the )?"
    r"Chief Constable)(?: members)? (?:(?:\w+ )?agreed|(?:do|did) not agree)\b|"
    r"^(?:He|She) agreed that\b|^Agreed\b)"
)

# "The Minutes of the meeting held on 27 January 2023 were agreed as a correct record.",
# "The notes of … were confirmed as a correct record", "The following items were agreed
# for publication:", "The recommendations … were agreed by the Constabulary"
PASSIVE_AGREEMENT = re.compile(
    r"\b(?:were|was|are|is) (?:\w+ )?(?:agreed|confirmed|approved|accepted|signed)"
    r"(?: as an? (?:true and )?(?:correct|accurate|true) record| for publication|"
    r" by the (?:Constabulary|Force|PCC|Commissioner|Chief Constable|Panel|Board|"
    r"Committee|meeting)\b)",
    re.IGNORECASE,
)

# "…was agreed by the Diversity and Inclusion Board": another body's agreement
OTHER_BODY = re.compile(r"\bagreed by the (?:[A-Z][\w&]*\s+){1,6}(?:Board|Group|Panel)")

# "The PCC will delay signing off this decision", "sign off this decision notice at a
# later date", "deferred"
DEFERRED = re.compile(
    r"\b(?:delay signing|deferred|postponed|at a later date|not (?:yet )?signed|"
    r"withdrawn|held over)\b",
    re.IGNORECASE,
)
# "The Decision Notice will be signed and published", "was signed at the meeting"
SIGNED = re.compile(r"\b(?:was|were|has been|will be) signed\b", re.IGNORECASE)


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


def _notices(item: Item, text: str) -> list[Decision]:
    found = []
    for line in split_lines(text, item.text_span):
        head = DECISION_NOTICE.match(text, line.start, line.end)
        if not head:
            continue
        sentence = split_sentences(text, line)[0]
        found.append(
            Decision(
                item=item.position,
                kind=DecisionKind.DECISION_NOTICE,
                text=text[sentence.start : sentence.end],
                span=sentence,
                ref=head.group("ref"),
                title=(head.group("title") or head.group("title2") or "").strip(),
                status=notice_status(text[line.start : line.end]),
                amounts=find_amounts(text, sentence),
            )
        )
    return found


def decision_kind(sentence: str) -> DecisionKind | None:
    """The kind of decision a sentence records, or None.

    >>> decision_kind("Resolved - no update required")
    <DecisionKind.RESOLUTION: 'resolution'>
    >>> decision_kind("It was agreed that there will be a follow up report.")
    <DecisionKind.AGREEMENT: 'agreement'>
    >>> decision_kind("It was recommended that a summit for small business be held.")
    """
    if RESOLUTION.match(sentence):
        return DecisionKind.RESOLUTION
    if OTHER_BODY.search(sentence):
        return None
    if AGREEMENT.search(sentence) or PASSIVE_AGREEMENT.search(sentence):
        return DecisionKind.AGREEMENT
    return None


def _sentences(item: Item, text: str) -> list[Decision]:
    found = []
    for sentence in split_sentences(text, item.text_span):
        words = text[sentence.start : sentence.end]
        kind = None if DECISION_NOTICE.match(words) else decision_kind(words)
        if kind is not None:
            found.append(
                Decision(
                    item=item.position,
                    kind=kind,
                    text=words,
                    span=sentence,
                    amounts=find_amounts(text, sentence),
                )
            )
    return found


def decisions_of_item(item: Item, text: str) -> list[Decision]:
    """The decisions recorded in one item's text, in order of appearance."""
    found = _notices(item, text) + _sentences(item, text)
    return sorted(found, key=lambda d: d.span.start)


def extract_decisions(meeting: Meeting, text: str) -> Meeting:
    """Fill `meeting.decisions`, and flag notices the agenda lists differently."""
    decisions = tuple(d for item in meeting.items for d in decisions_of_item(item, text))
    meeting = dataclasses.replace(meeting, decisions=decisions)
    flagged = notice_discrepancies(meeting, text)
    return dataclasses.replace(meeting, discrepancies=meeting.discrepancies + flagged)

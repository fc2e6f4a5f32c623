"""Decision extraction (extraction stage): a `Meeting` and its text to `Decision`s.

Three forms are read from each item's sentences: numbered decision notices ("2018/011
(Kenneth Steele House) – Decision to approve refurbishment … £3.65M"), with reference,
title and status (deferred when signing is put off, signed when the text says it is or
will be signed); resolutions ("RESOLVED – that", "Resolved - no update required",
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
# "The Board agreed the minutes…", "Members agreed that…", "Agreed to fund from…",
# "He agreed that more regular discussions…", "the PCC and Chief do not agree the…"
AGREEMENT = re.compile(
    r"\b(?:(?:It|it) (?:was|is|has been) (?:\w+ )?agreed\b|"
    r"(?:The |the )?(?P<body>Board|Panel|Committee|Sub-Committee|Members|Meeting|Group|"
    r"Chair(?:man)?|PCC and (?:the )?Chief(?: Constable)?|Commissioner and (?:the )?"
    r"Chief Constable)(?: members)? (?:(?:\w+ )?agreed|(?:do|did) not agree)\b|"
    r"^(?:He|She) agreed that\b|^(?:Agreed|AGREED)\b)"
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

# the capitalised name before "Board agreed": "the Safer Communities Board agreed"
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w&'’-]*\s+(?:(?:and|of|&)\s+)?)+)$")
_NAME_WORD = re.compile(r"[a-z0-9]+")


def agreed_by_this_body(sentence: str, *, body: str = "") -> bool:
    """Tell whether a sentence records an agreement of this body, not a named other one.

    >>> agreed_by_this_body("The Panel agreed to write to the Home Secretary.")
    True
    >>> agreed_by_this_body("The Safer Communities Board agreed a new plan.")
    False
    >>> body = "Avon and Somerset Police and Crime Panel"
    >>> agreed_by_this_body("The Police and Crime Panel agreed it.", body=body)
    True
    """
    own = set(_NAME_WORD.findall(body.lower())) | {"the"}
    for found in AGREEMENT.finditer(sentence):
        if found.group("body") is None:
            return True
        named = _NAME_BEFORE.search(sentence[: found.start("body")])
        words = set(_NAME_WORD.findall(named.group(1).lower())) if named else set()
        if words <= own | {"and", "of"}:
            return True
    return False


# the clipped form of minutes: "Race and BAME representation in TVP work programme item
# be combined with Race Action Plan work programme item for 13 November 2023."
CLIPPED = re.compile(
    r"^(?:That )?(?P<subject>[A-Z][^,;:.]{2,150}?) be (?:combined|added|noted|approved|"
    r"adopted|endorsed|accepted|deferred|moved|referred|received|included|scheduled|"
    r"withdrawn|removed|amended)\b"
)
# words that make a clipped "… be added" a request or a possibility, not a decision
_NOT_CLIPPED = re.compile(
    r"\b(?:that|if|whether|could|would|should|will|shall|may|might|must|can|to|not|"
    r"asked|requested|suggested|proposed)\b",
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


# "2018/19 (Quarter 3) – budget outturn": a financial year, not a notice, unless the
# line says it is a decision
_FINANCIAL_YEAR = re.compile(r"(?:19|20)\d{2}/\d{2}")
_SAYS_DECISION = re.compile(r"\bdecision\b", re.IGNORECASE)


def notice_head(line: str) -> re.Match[str] | None:
    """Read the reference and title at the start of a decision notice's line.

    >>> notice_head("2018/009 (Out of Court Disposals) – Decision to move").group("ref")
    '2018/009'
    >>> notice_head("2018/19 (Quarter 3) – budget outturn was reported.") is None
    True
    """
    head = DECISION_NOTICE.match(line)
    if head is None:
        return None
    year_like = _FINANCIAL_YEAR.fullmatch(head.group("ref"))
    if year_like and not _SAYS_DECISION.search(line):
        return None
    return head


def _notices(item: Item, text: str) -> list[Decision]:
    found = []
    for line in split_lines(text, item.text_span):
        head = notice_head(text[line.start : line.end])
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


def decision_kind(sentence: str, *, body: str = "") -> DecisionKind | None:
    """Give the kind of decision a sentence records, or None.

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
    if agreed_by_this_body(sentence, body=body) or PASSIVE_AGREEMENT.search(sentence):
        return DecisionKind.AGREEMENT
    clipped = CLIPPED.match(sentence)
    if clipped and not _NOT_CLIPPED.search(clipped.group("subject")):
        return DecisionKind.AGREEMENT
    return None


# a point of a resolution's list: "(1) that the report be noted", "b) to approve…"
LIST_POINT = re.compile(r"^\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+")
# a resolution that only opens a list: "RESOLVED:", "RESOLVED – that:"
BARE_RESOLUTION = re.compile(r"^\W*(?:\w+\W+)?(?:\w+\W*)?(?:that\W*)?$", re.IGNORECASE)


def _opens_list(sentence: str) -> bool:
    head = RESOLUTION.match(sentence)
    return head is not None and bool(BARE_RESOLUTION.match(sentence[head.end() :]))


def _is_point(text: str, span: Span) -> bool:
    """Whether a sentence is a numbered point, in line or at the start of its line."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(
        LIST_POINT.match(text[span.start : span.end])
        or LIST_POINT.match(text[line_start : span.end].lstrip(" \t-•·"))
    )


def sentence_kinds(
    text: str, sentences: list[Span], *, body: str = ""
) -> list[DecisionKind | None]:
    r"""Give each sentence's decision kind; points after a "RESOLVED:" are resolutions.

    >>> text = "RESOLVED:\n(1) that the report be noted;\n(2) that X be thanked.\nNext."
    >>> spans = split_sentences(text, Span(0, len(text)))
    >>> [k and k.value for k in sentence_kinds(text, spans)]
    [None, 'resolution', 'resolution', None]
    """
    kinds: list[DecisionKind | None] = []
    in_list = False
    for span in sentences:
        words = text[span.start : span.end]
        if in_list and _is_point(text, span):
            kinds.append(DecisionKind.RESOLUTION)
            continue
        in_list = bool(RESOLUTION.match(words))
        bare = _opens_list(words)
        notice = DECISION_NOTICE.match(words)
        kinds.append(None if bare or notice else decision_kind(words, body=body))
    return kinds


def _sentences(item: Item, text: str, *, body: str) -> list[Decision]:
    sentences = split_sentences(text, item.text_span)
    kinds = sentence_kinds(text, sentences, body=body)
    found = []
    for sentence, kind in zip(sentences, kinds, strict=True):
        if kind is not None:
            found.append(
                Decision(
                    item=item.position,
                    kind=kind,
                    text=text[sentence.start : sentence.end],
                    span=sentence,
                    amounts=find_amounts(text, sentence),
                )
            )
    return found


def decisions_of_item(item: Item, text: str, *, body: str = "") -> list[Decision]:
    """Find the decisions recorded in one item's text, in order of appearance."""
    found = _notices(item, text) + _sentences(item, text, body=body)
    return sorted(found, key=lambda d: d.span.start)


def extract_decisions(meeting: Meeting, text: str) -> Meeting:
    """Fill `meeting.decisions`, and flag notices the agenda lists differently."""
    body = meeting.body.name
    decisions = tuple(
        d for item in meeting.items for d in decisions_of_item(item, text, body=body)
    )
    meeting = dataclasses.replace(meeting, decisions=decisions)
    flagged = notice_discrepancies(meeting, text)
    return dataclasses.replace(meeting, discrepancies=meeting.discrepancies + flagged)

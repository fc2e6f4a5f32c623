"""Decision extraction (extraction stage): a `Meeting` and its text to `Decision`s.

Three forms are read from each item's sentences: numbered decision notices ("2018/011
(Kenneth Steele House) – Decision to approve refurbishment … £3.65M", "PCC/D/12/2023 –
Estates: …", "Record of Decision 12-2022 – …", "signed Decision Report 058/2023"), with
reference, title and status (read in `kg.extract.crosscheck`); resolutions ("RESOLVED –
that", "Resolved - no update required", "Recommended - that under Section 100A(4)…",
"ORDERED that", "RESOLVED 2023/001" numbering the resolution below it, a "RESOLVED:"
line over numbered points or a paragraph, "… and RESOLVED to note"); and agreements of
the body ("It was agreed that…", "The Board agreed the minutes…", "Agreed to fund…",
"The Panel supports the appointment", "Members declined to support", "were confirmed as
a correct record", "the recommendation … was carried"). Another body's agreement ("was
agreed by the Diversity and Inclusion Board"), a point merely "recommended" in a list of
suggestions and a body merely noting a report are not decisions of this meeting.
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.crosscheck import (
    NOTICE_REF,
    find_inline_notice,
    notice_discrepancies,
    notice_head,
    notice_status,
)
from kg.extract.money import find_amounts
from kg.extract.sentences import split_lines, split_sentences
from kg.records import Decision, DecisionKind, DecisionStatus, Item, Meeting, Span

# "RESOLVED – that the report be noted", "Resolved - no update required",
# "UNANIMOUSLY RESOLVED that", "Recommended - that under Section 100A(4)…", "RESOLVED:",
# "Minutes: RESOLVED that the minutes … be signed" (a modern.gov item's marker first)
# "2.1 Resolved:", "ORDERED that the update be noted", "RESOLVED 2023/001" (numbered)
RESOLUTION = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\s+)?(?:(?:Minutes?|Outcome|Decision)\s*:\s*)?"
    r"(?:(?:UNANIMOUSLY|Unanimously)\s+)?"
    r"(?:RESOLVED|Resolved|ORDERED|Ordered|RECOMMENDED|Recommended)\b"
    rf"(?:\s+(?i:unanimously))?(?:\s+(?P<ref>{NOTICE_REF}))?"
    r"(?:\s*[-–—:]|\s+(?:that|to)\b|\s*$)"
)
# RESOLUTION opens with a digit or one of these capitals ("Minutes:", "Outcome:",
# "Decision:", "UNANIMOUSLY", "RESOLVED", "ORDERED"): each sentence is matched two or
# three times, and most open otherwise (0.04 ms a document)
_RESOLUTION_FIRSTS = "MODUR"


def _resolution(sentence: str) -> re.Match[str] | None:
    """Match RESOLUTION at the start of a sentence."""
    first = sentence[:1]
    if first in _RESOLUTION_FIRSTS or first.isdecimal():
        return RESOLUTION.match(sentence)
    return None


# within a sentence: "The Committee considered the report and RESOLVED to note …",
# "It was resolved that …", "Members unanimously resolved that …"
RESOLVED_WITHIN = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[RMmPCBAaiI])\b(?:(?:RESOLVED|(?:Members|members|Panel|Committee|Board"
    r"|Authority)\s+(?:\w+ly\s+)?resolved)(?:\s+(?i:unanimously))?\s*"
    r"(?:[-–—:]|that\b|to\b)"
    # "the complaint was investigated and resolved to …" is no resolution
    r"|(?:and|it was|It was)\s+(?:\w+ly\s+)?resolved\s+that\b)"
)

_BODY = (
    r"Board|Panel|Committee|Sub-Committee|Members|Meeting|Group|Authority|Cabinet"
    r"|Forum|Council|Partnership|Executive|Chair(?:man)?"
    r"|PCC and (?:the )?Chief(?: Constable)?"
    r"|Commissioner and (?:the )?Chief Constable"
)
# what a body does when it decides: "agreed", "AGREED", "unanimously approved", "noted
# and endorsed", "supports the appointment", "recommended that", "declined to support"
_DECIDES = (
    r"(?:(?!previously )(?:\w+ly|then|also|therefore|formally) )?"
    r"(?:(?:noted|considered|discussed|received|welcomed) and )?"
    r"(?:agreed|approved|endorsed|ratified|adopted|accepted|supported|supports?"
    r"|recommended that)\b"
    r"(?! (?:officers?|team|staff|unit|services?)\b)"
    r"|(?:does|do|did) not (?:agree|support|approve|endorse)\b"
    r"|declined to (?:support|approve|endorse|accept|agree)\b"
)
# "It was agreed that…", "The Board agreed the minutes…", "Agreed to fund from…",
# "He agreed that more regular discussions…", "the PCC and Chief do not agree the…"
AGREEMENT = re.compile(
    r"\b(?:(?i:it (?:was|is|has been) (?:\w+ )?agreed)\b|"
    rf"(?:The |the )?(?P<body>{_BODY})(?: members)? (?i:{_DECIDES})|"
    r"^(?:He|She) agreed that\b|"
    r"^(?:Agreed|AGREED)\b(?!\s+(?i:actions?|items?|minutes)\b)"
    r")"
)

# "The Minutes of … were agreed as a correct record.", "The following items were agreed
# for publication:", "The recommendations … were agreed by the Constabulary"
PASSIVE_AGREEMENT = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[wai])\b(?:were|was|are|is) (?:\w+ (?:and )?){0,2}"
    r"(?:agreed|confirmed|approved|accepted|signed)"
    r"(?: as an? (?:true and )?(?:correct|accurate|true) record| for publication|"
    r" by the (?:Constabulary|Force|PCC|Commissioner|Chief Constable|Panel|Board|"
    r"Committee|meeting)\b)",
    re.IGNORECASE,
)
# "The forward work programme was approved, with the addition of …", "The budget was
# unanimously agreed." (approved there and then, by no other body)
PASSIVE_DECIDED = re.compile(
    r"^(?:The|That|These|This|Both|All)\b[^.;]{0,150}?\b(?:was|were) "
    r"(?:unanimously |formally )?(?:approved|agreed|adopted|endorsed|ratified)"
    r"(?=\s*(?:[.,;]|$|subject to\b|with\b|unanimously\b|without\b))"
)
# "…; this was agreed.", "…, which was approved"
AGREED_BACK = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[tw])\b(?:this|which|these|that) (?:was|were) (?:\w+ )?"
    r"(?:agreed|approved|endorsed)\b"
    r"(?=\s*(?:[.;,]|$))",
    re.IGNORECASE,
)
# "On being put to the vote, the recommendation that … was carried."
CARRIED = re.compile(
    # the look-ahead lets the engine skip to each first letter (faster, same matches)
    r"(?=[mrap])\b(?:motion|recommendations?|amendment|proposal|resolution)\b"
    r"[^.;]{0,300}?"
    r"\b(?:was|were) (?:\w+ )?carried\b",
    re.IGNORECASE,
)
# "Decision: The forward work programme was approved …", "Outcome – agreed"
LABELLED = re.compile(
    r"^(?:Decisions?|Outcome|Resolution)\s*[:–—-](?!\s*(?:none|nil|n/?a|no)\b)",
    re.IGNORECASE,
)
# "The notes of the meeting held on 21 February 2023 were agreed."
MINUTES_AGREED = re.compile(
    r"^(?:The )?(?:minutes|notes)\b[^.]{0,120}\b(?:were|was) (?:\w+ (?:and )?){0,2}"
    r"(?:agreed|approved|confirmed|accepted|signed)\b",
    re.IGNORECASE,
)

# the capitalised name before "Board agreed": "the Safer Communities Board agreed"
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w&'’-]*\s+(?:(?:and|of|&)\s+)?)+)$")
_NAME_WORD = re.compile(r"[a-z0-9]+")


# "… a recommendation on whether the Panel supports the appointment": not a decision
_HYPOTHETICAL = re.compile(
    r"\b(?:whether|if|would|could|should|must|may|might)\b[^.;]*$"
)


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
    for found in AGREEMENT.finditer(sentence):
        if _HYPOTHETICAL.search(sentence[: found.start()]):
            continue
        if found.group("body") is None:
            return True
        named = _NAME_BEFORE.search(sentence[: found.start("body")])
        words = set(_NAME_WORD.findall(named.group(1).lower())) if named else set()
        if words <= _body_words(body) | {"and", "of"}:
            return True
    return False


def _body_words(body: str) -> set[str]:
    """Give the words of this body's name, and "the" ("the Police and Crime Panel")."""
    return set(_NAME_WORD.findall(body.lower())) | {"the"}


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

Status = DecisionStatus | None


def _notices(item: Item, text: str) -> list[Decision]:
    found = []
    for line in split_lines(text, item.text_span):
        head = notice_head(text[line.start : line.end])
        if head:
            title = head.group("title") or head.group("title2") or ""
            status = notice_status(text[line.start : line.end])
            sentence = split_sentences(text, line)[0]
            found.append(
                _notice(item, text, sentence, head["ref"], title=title, status=status)
            )
    heads = {d.span for d in found}
    for sentence in split_sentences(text, item.text_span):
        words = text[sentence.start : sentence.end]
        # most items head no notice: their sentences are not hashed (0.3 µs a Span)
        named = None if heads and sentence in heads else find_inline_notice(words)
        if named:
            title, status = named.group("title") or "", notice_status(words)
            ref = named["ref"]
            found.append(_notice(item, text, sentence, ref, title=title, status=status))
    return found


def _notice(
    item: Item, text: str, sentence: Span, ref: str, *, title: str, status: Status
) -> Decision:
    return Decision(
        item=item.position,
        kind=DecisionKind.DECISION_NOTICE,
        text=text[sentence.start : sentence.end],
        span=sentence,
        ref=ref,
        title=title.strip() or None,
        status=status,
        amounts=find_amounts(text, sentence),
    )


# "Action: Panel support officer to add …" records a task, not a decision
_ACTION_LINE = re.compile(r"^Actions?\s*[:–—-]", re.IGNORECASE)

# Every pattern `decision_kind` tries holds one of these words, in any case: RESOLUTION
# "resolved", "ordered", "recommend(ed)"; RESOLVED_WITHIN "resolved"; AGREEMENT
# "agree(d)", "approve", "endorse", "ratif(ied)", "adopt", "accept", "support",
# "recommend(ed) that", "declin(ed)"; PASSIVE_AGREEMENT and MINUTES_AGREED "agree",
# "confirm", "approve", "accept", "signed"; PASSIVE_DECIDED and AGREED_BACK "approve",
# "agree", "adopt", "endorse", "ratif"; LABELLED "decision", "outcome", "resolution";
# CARRIED "carried"; CLIPPED " be ". Most sentences hold none, and a plain test of
# lower-cased text spares them a dozen searches. A pattern that folds case matches
# letters outside ASCII ("K" the Kelvin sign for "k"): text with such letters is
# always searched.
_DECISION_WORDS = (
    "agree approve endorse ratif adopt accept support recommend declin confirm signed "
    "decision outcome resolution carried resolved ordered"
).split() + [" be "]


def _may_decide(sentence: str) -> bool:
    if not sentence.isascii():
        return True
    folded = sentence.lower()
    # a loop, not `any` over a generator: a third quicker (a call a sentence)
    for word in _DECISION_WORDS:
        if word in folded:
            return True
    return False


def decision_kind(sentence: str, *, body: str = "") -> DecisionKind | None:
    """Give the kind of decision a sentence records, or None.

    >>> decision_kind("Resolved - no update required")
    <DecisionKind.RESOLUTION: 'resolution'>
    >>> decision_kind("It was agreed that there will be a follow up report.")
    <DecisionKind.AGREEMENT: 'agreement'>
    >>> decision_kind("It was recommended that a summit for small business be held.")
    """
    if not _may_decide(sentence) or _ACTION_LINE.match(sentence):
        return None
    if _resolution(sentence) or RESOLVED_WITHIN.search(sentence):
        return DecisionKind.RESOLUTION
    if OTHER_BODY.search(sentence):
        return None
    if (
        agreed_by_this_body(sentence, body=body)
        or PASSIVE_AGREEMENT.search(sentence)
        or MINUTES_AGREED.match(sentence)
        or PASSIVE_DECIDED.match(sentence)
        or LABELLED.match(sentence)
        or CARRIED.search(sentence)
        or AGREED_BACK.search(sentence)
    ):
        return DecisionKind.AGREEMENT
    clipped = CLIPPED.match(sentence)
    if clipped and not _NOT_CLIPPED.search(clipped.group("subject")):
        return DecisionKind.AGREEMENT
    return None


# a point of a resolution's list: "(1) that the report be noted", "b) to approve…"
LIST_POINT = re.compile(r"^\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+")
# a resolution that only opens a list: "RESOLVED:", "RESOLVED – that:"
BARE_RESOLUTION = re.compile(r"^\W*(?:\w+\W+)?(?:\w+\W*)?(?:that\W*)?$", re.IGNORECASE)


def _opens_list(sentence: str, head: re.Match[str]) -> bool:
    """Tell a resolution that only opens a list (`head` its RESOLUTION match)."""
    return bool(BARE_RESOLUTION.match(sentence[head.end() :]))


def _is_point(text: str, span: Span) -> bool:
    """Whether a sentence is a numbered point, in line or at the start of its line."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(
        LIST_POINT.match(text[span.start : span.end])
        or LIST_POINT.match(text[line_start : span.end].lstrip(" \t-•·"))
    )


def _new_paragraph(text: str, before: Span | None, span: Span) -> bool:
    return before is None or "\n\n" in text[before.end : span.start].replace(" ", "")


def sentence_kinds(
    text: str, sentences: list[Span], *, body: str = ""
) -> list[DecisionKind | None]:
    r"""Give each sentence's decision kind; what follows a "RESOLVED:" is a resolution.

    That is its numbered points, or else the paragraph after it.

    >>> text = "RESOLVED:\n(1) that the report be noted;\n(2) that X be thanked.\nNext."
    >>> spans = split_sentences(text, Span(0, len(text)))
    >>> [k and k.value for k in sentence_kinds(text, spans)]
    [None, 'resolution', 'resolution', None]
    >>> text = "RESOLVED:\n\nThe Panel NOTED the report.\n\nThe next meeting is in May."
    >>> spans = split_sentences(text, Span(0, len(text)))
    >>> [k and k.value for k in sentence_kinds(text, spans)]
    [None, 'resolution', None]
    """
    kinds: list[DecisionKind | None] = []
    in_list = after_bare = False
    before: Span | None = None
    for span in sentences:
        words = text[span.start : span.end]
        taken = bool(kinds) and kinds[-1] is not None
        if in_list and _is_point(text, span):
            kinds.append(DecisionKind.RESOLUTION)
            after_bare = False
        elif after_bare and not (taken and _new_paragraph(text, before, span)):
            kinds.append(DecisionKind.RESOLUTION)
            in_list = False
        else:
            head = _resolution(words)
            in_list = head is not None
            after_bare = head is not None and _opens_list(words, head)
            notice = notice_head(words) or find_inline_notice(words)
            kinds.append(
                None if after_bare or notice else decision_kind(words, body=body)
            )
        before = span
    return kinds


def _sentences(item: Item, text: str, *, body: str) -> list[Decision]:
    sentences = split_sentences(text, item.text_span)
    kinds = sentence_kinds(text, sentences, body=body)
    found, ref = [], None
    for sentence, kind in zip(sentences, kinds, strict=True):
        # a resolution's own number: "RESOLVED 2023/001" over "That the … be noted."
        numbered = _resolution(text[sentence.start : sentence.end])
        ref = numbered["ref"] if numbered and numbered["ref"] else ref
        if kind is not None:
            found.append(
                Decision(
                    item=item.position,
                    kind=kind,
                    text=text[sentence.start : sentence.end],
                    span=sentence,
                    ref=ref,
                    amounts=find_amounts(text, sentence),
                )
            )
            ref = None
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

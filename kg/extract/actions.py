"""Action extraction for the extraction stage: a `Meeting` and its text to `Action`s.

An action is a task given at the meeting for after it: a line under an "Action:"
heading, "The Commissioner to share the … strategy", "The report to be recirculated",
"the PCC will provide contact details", "he would look into it and share the data",
"The Commissioner agreed to report back", "The Chair asked that an update … be added to
the work programme", "Panel Members were encouraged to contact …". The owner is the
person or post named as the clause's subject, where there is one. Sentences already
recorded as decisions, ongoing present-tense work and standard wording ("The Decision
Notice will be signed and published") are not actions.
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.sentences import split_lines, split_sentences
from kg.records import Action, Decision, Item, Meeting, Span

# an "Action:" heading line, or an inline "Action: DI Smith to circulate the survey"
ACTION_HEADING = re.compile(r"(?:Actions?(?: Points?)?|ACTIONS?)\s*[:\-–]\s*", re.I)

# verbs of a deliverable after a modal: "will provide", "would look into it and share",
# "would be circulated", "will be produced", "would keep the PCC updated"
_DELIVER = (
    r"(?:provide|share|circulate|recirculate|investigate|look into|report back|"
    r"feed ?back|"
    r"ensure|raise|keep (?:\w+ ){1,3}updated|sign off|delay signing|"
    r"liaise|write to|send|update|confirm|arrange|follow up|be discussing|scope out|"
    r"contact|review|bring|present|prepare|produce|circulate)"
)
_PASSIVE = (
    r"(?:provided|produced|shared|circulated|recirculated|given|confirmed|added|reported"
    r"|addressed|sent|arranged|brought|presented|explored|followed up|informed"
    r"|agreed|scheduled|passed on|fed back|investigated|considered)"
)

# "The PCC will provide contact details", "A date will be confirmed to the PCC soon."
MODAL = re.compile(
    rf"\b(?:will|would|shall)\s+(?:\w+\s+)?(?:{_DELIVER}|be\s+(?:\w+\s+)?{_PASSIVE})\b"
    r"|\bwill\s+(?:continue|work with)\b",
    re.IGNORECASE,
)
# "The Commissioner to share the …", "The report to be recirculated to members",
# "this is to be explored with Modern.Gov"
TO_DO = re.compile(
    rf"^(?:The |the )?[A-Z][\w/.'’&-]*(?:\s+(?:of|for|and|the|[A-Z][\w/.'’&-]*)){{0,6}}"
    rf"\s+to\s+{_DELIVER}\b|\bto be\s+{_PASSIVE}\b"
)
# "agreed to report back", "offered to raise this", "are going to scope out",
# "asked that … be added", "requested details", "were asked to promote",
# "were encouraged to contact", "asked the Lead Member … to suggest", "asked for Item 4"
COMMITMENT = re.compile(
    r"\b(?:agreed to|offered to|undertook to|promised to|(?:is|are) going to"
    r"|(?<!was )(?<!were )requested (?:that|an?|the|regular|further|more|details"
    r"|information|sight|copies|updates?)"
    r"|(?<!was )(?<!were )asked (?:that|for)"
    r"|(?:was|were) (?:asked|encouraged|invited) to "
    r"(?!consider|note|comment|approve|agree)"
    r"|asked the [A-Z][\w ]{2,60}? to|should receive|would (?:wish to receive"
    r"|welcome (?:feedback|a report|an update)))\b"
)
# standard wording: "The Decision Notice will be signed and published on the website"
STANDARD = re.compile(r"\bwill be (?:signed and )?published\b", re.IGNORECASE)

# the subject of an action: "The PCC", "T/CC", "ACC Milson", "the Constabulary"
_OWNER_VERB = (
    r"(?:will|would|shall|to|agreed to|offered to|undertook to|are going to|is going to"
    r"|were (?:asked|encouraged) to|confirmed that|stated that)\b"
)
# a clause's subject in capitals: "… so the PCC will provide", "Constabulary are going"
_OWNER = re.compile(
    r"(?:^|[,;]\s+|\bso\s+|\bthat\s+|\band\s+)(?P<owner>(?:[Tt]he\s+)?[A-Z][\w/.'’&-]*"
    rf"(?:\s+(?:of|for|on|and|the|[A-Z][\w/.'’&-]*)){{0,8}}?)\s+{_OWNER_VERB}"
)
# the sentence's own subject: "The WCC representative on the Police and Crime Panel
# confirmed that he would feed back …"
_LEAD_OWNER = re.compile(rf"^(?P<owner>(?:The |the )?[A-Z].{{1,80}}?)\s+{_OWNER_VERB}")
# small words a post's name may hold: "representative on the Police and Crime Panel"
_NAME_WORDS = frozenset("of for on and the in at to".split())
# words that are not an owner: "It will", "She would", "A date will be confirmed"
_VERBS = frozenset("is are was were has have had said says asked also".split())
_NOT_OWNER = frozenset("it this there a an he she they we i following further".split())


def _is_name(subject: str) -> bool:
    """Tell whether words read as a person or post (few lower-case content words)."""
    words = subject.split()
    lower = [w for w in words[1:] if w[0].islower() and w not in _NAME_WORDS]
    verbs = [w for w in lower if w.endswith("ed") or w in _VERBS]
    return (
        len(words) <= 10
        and len(lower) <= 1
        and not verbs
        and words[0].lower() not in _NOT_OWNER
    )


_ASKED = re.compile(r"\basked (?P<owner>the [A-Z][\w ]{2,60}?) to\b")


# a future statement is a task only with someone to do it or something to deliver:
# "he would look into it", "a follow-up report will be produced", "given to the Panel"
_DOER = re.compile(r"\b(?:he|she|they|we|I)\b(?:\s+\S+){0,5}\s*$")
_DELIVERABLE = re.compile(
    r"\b(?:reports?|updates?|briefings?|details|information|papers?|dates?|responses?|"
    r"answers?|letters?|feedback|data|figures|newsletters?|list|cop(?:y|ies)|"
    r"presentations?|summary|note|issue|item|it|this)\b",
    re.IGNORECASE,
)
_RECIPIENT = re.compile(
    r"\b(?:to|with|for|by) (?:the )?(?:Panel|Board|Committee|Members|members|PCC|"
    r"Commissioner|Chief Constable|Chair|him|her|them)\b|\bnext meeting\b"
    r"|\bkeep (?:\w+ ){1,3}(?:updated|informed)\b"
)


def _has_doer(sentence: str, modal: re.Match[str]) -> bool:
    before = sentence[: modal.start()]
    clause = re.split(r"[,;–]|\b(?:and|but|which|that)\b", before)[-1]
    return bool(
        _DOER.search(before)
        or _DELIVERABLE.search(clause)
        or _RECIPIENT.search(sentence)
        or action_owner(sentence) is not None
    )


def is_action(sentence: str) -> bool:
    """Tell whether a sentence gives someone a task for after the meeting.

    >>> is_action("The PCC will provide contact details so that they can liaise.")
    True
    >>> is_action("The Decision Notice will be signed and published on the website.")
    False
    >>> is_action("Work is ongoing with Get Safe Online.")
    False
    >>> is_action("The new system will provide better data on demand.")
    False
    """
    if STANDARD.search(sentence):
        return False
    modal = MODAL.search(sentence)
    if modal and _has_doer(sentence, modal):
        return True
    return bool(TO_DO.search(sentence) or COMMITMENT.search(sentence))


def action_owner(sentence: str) -> str | None:
    """Give the person or post a sentence gives the task to, as written, or None.

    >>> action_owner("The Commissioner to share the strategy with panel members.")
    'The Commissioner'
    >>> action_owner("Constabulary are going to scope out the effects of bail changes")
    'Constabulary'
    >>> action_owner("A date will be confirmed to the PCC soon.") is None
    True
    """
    asked = _ASKED.search(sentence)
    if asked:
        return asked.group("owner")
    lead = _LEAD_OWNER.search(sentence)
    found = lead if lead and _is_name(lead.group("owner")) else _OWNER.search(sentence)
    if not found or re.search(r"\bbe\s+\w+ed\b", sentence[found.end() :][:20]):
        return None
    owner = found.group("owner")
    return owner if _is_name(owner) else None


def _heading_lines(item: Item, text: str) -> set[Span]:
    """Find the lines under an "Action:" heading, or after it on the same line."""
    lines = list(split_lines(text, item.text_span))
    marked = set()
    for index, line in enumerate(lines):
        head = ACTION_HEADING.match(text, line.start, line.end)
        if head and head.end() < line.end:
            marked.add(line)
        elif head and index + 1 < len(lines):
            marked.add(lines[index + 1])
    return marked


# the clause of a decision's sentence that gives work: "… were agreed by the
# Constabulary – the Constabulary will work with the OPCC …", "He agreed that … and
# asked the Lead Member for Crime and Disorder to suggest some issues"
_TAIL = re.compile(r"\s[–—]\s+|,?\s+and\s+(?=asked\b)")


def _decision_tail(text: str, span: Span) -> Action | None:
    """Find the action in the clause after a decision sentence's dash or "and asked"."""
    tail = _TAIL.search(text, span.start, span.end)
    if not tail or not is_action(text[tail.end() : span.end]):
        return None
    words = text[tail.end() : span.end]
    return Action(0, words, Span(tail.end(), span.end), action_owner(words))


def actions_of_item(
    item: Item, text: str, *, decisions: tuple[Decision, ...] = ()
) -> list[Action]:
    """Find the actions in one item's text, skipping sentences recorded as decisions."""
    decided = {d.span for d in decisions}
    headed = _heading_lines(item, text)
    found = []
    for sentence in split_sentences(text, item.text_span):
        words = text[sentence.start : sentence.end]
        in_heading = any(h.start <= sentence.start < h.end for h in headed)
        tail = _decision_tail(text, sentence) if sentence in decided else None
        if tail is not None:
            found.append(dataclasses.replace(tail, item=item.position))
        if sentence in decided or ACTION_HEADING.fullmatch(words):
            continue
        if in_heading or is_action(words):
            found.append(Action(item.position, words, sentence, action_owner(words)))
    return found


def extract_actions(meeting: Meeting, text: str) -> Meeting:
    """Fill `meeting.actions` from every item's text."""
    actions = tuple(
        action
        for item in meeting.items
        for action in actions_of_item(item, text, decisions=meeting.decisions)
    )
    return dataclasses.replace(meeting, actions=actions)

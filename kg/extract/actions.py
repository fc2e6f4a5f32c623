"""Action extraction for the extraction stage: a `Meeting` and its text to `Action`s.

An action is a task given at the meeting for after it: lines under an "Action:" heading
or an "Actions arising" list, the open rows of an action log table, "The Commissioner to
share the … strategy", "the PCC will provide contact details", "The Commissioner
undertook to …", "The Chair asked that an update … be added", "Officers were requested
to circulate …". The owner is the person or post named as the clause's subject. Not
actions: sentences recorded as decisions, questions and requests for information
answered at the meeting, a request taken up at once by the next sentence (that one
records the task), ongoing work and standard wording ("… will be signed and published").
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.action_log import repeats, table_actions
from kg.extract.owners import action_owner
from kg.extract.sentences import is_table_row, line_of, split_lines, split_sentences
from kg.records import Action, Decision, DecisionKind, Item, Meeting, Span

# an "Action:" heading line, or an inline "Action: DI Smith to circulate the survey",
# "ACTION: OPCC to circulate …", "Action – OPCC to provide a written response …"
ACTION_HEADING = re.compile(r"(?:Actions?(?: Points?)?|ACTIONS?)\s*[:\-–—]\s*", re.I)
# a heading over a run of actions: "Actions/ further information to be provided:",
# "AGREED ACTIONS", "Actions arising", "Action points from the meeting"
ACTION_HEADING_LINE = re.compile(
    r"^(?:(?:agreed|new|outstanding|summary of)\s+)?actions?\b[^.!?]{0,60}$", re.I
)
_NO_ACTION = re.compile(r"\s*(?:none|nil|n/?a|no actions?)\W*$", re.I)  # "Action: n/a"
# verbs of a deliverable after a modal: "will provide", "would look into it and share",
# "would be circulated", "will be produced", "would keep the PCC updated"
_DELIVER = (
    r"(?:provide|share|circulate|recirculate|investigate|look into|report|publish|"
    r"feed ?back|"
    r"ensure|raise(?!\s+(?:an?\s+)?(?:additional|extra|further)?\s*£)|"
    r"keep (?:\w+ ){1,3}updated|sign off|delay signing|"
    r"liaise|write to|send|update|confirm|arrange|follow up|be discussing|scope out|"
    r"contact|review|bring|present|prepare|produce|circulate|invite"
    r"|make (?:the |any )?(?:necessary )?arrangements|brief"
    r"|receive (?:an? |the |further )?(?:\w+ )?(?:briefing|report|update|paper"
    r"|presentation|response))"
)
_PASSIVE = (
    r"(?:provided|produced|shared|circulated|recirculated|given|confirmed|added|reported"
    r"|addressed|sent|arranged|brought|presented|explored|followed up|informed"
    r"|agreed|scheduled|passed on|fed back|investigated|considered(?= (?:at|by|in) )"
    r"|repeated|reviewed"
    r"|revisited|made available|forwarded)"
)

# "The PCC will provide contact details", "A date will be confirmed to the PCC soon."
MODAL = re.compile(
    rf"\b(?:will|would|shall)\s+(?:\w+\s+)?(?:{_DELIVER}|be\s+(?:\w+\s+)?{_PASSIVE})\b"
    r"|\bwill\s+(?:continue|work with)\b",
    re.IGNORECASE,
)
# "The Commissioner to share the …", "The report to be recirculated to members"
TO_DO = re.compile(
    rf"^(?:The |the )?[A-Z][\w/.'’&-]*(?:\s+(?:of|for|and|the|[A-Z][\w/.'’&-]*)){{0,6}}"
    rf"\s+(?:(?:is|are)\s+)?to\s+{_DELIVER}\b"
)
# "this is to be explored with Modern.Gov" (the words' start is tested once they are
# found: the engine skips to each "to be" by its letters)
TO_BE_DONE = re.compile(rf"to be(?<=\bto be)\s+{_PASSIVE}\b")
# "agreed to report back", "offered to raise this", "are going to scope out",
# "asked that … be added", "requested details", "were asked to promote",
# "were encouraged to contact", "asked the Lead Member … to suggest", "asked for Item 4"
COMMITMENT = re.compile(
    # the look-ahead lets the engine skip to the first letters of the alternatives
    # (faster, same matches)
    r"(?=[aoupicgrwIs])\b(?:agreed to|offered to|undertook to|promised to"
    r"|(?:is|are) going to"
    r"|(?<!is )(?<!are )(?<!was )committed to|pledged to|gave an undertaking to"
    r"|(?<!was )(?<!were )requested (?:that|an?|the|regular|further|more|details"
    r"|information|sight|copies|updates?)"
    r"|(?<!was )(?<!were )asked (?:that|for)"
    r"|(?:was|were) (?:asked|encouraged|invited|requested|instructed|tasked) to "
    r"(?!consider|note|comment|approve|agree|appoint|elect|endorse|support|decide"
    r"|determine|confirm|review the|receive)"
    r"|\b[Ii]t was (?:requested|asked) that"
    r"|asked (?:the |all )?(?:[A-Z][\w ]{2,60}?|force|officers?|members|clerk"
    r"|secretariat|team) to|should receive|would (?:wish to receive"
    r"|welcome (?:feedback|a report|an update)))\b"
)
# standard wording: "The Decision Notice will be signed and published on the website"
STANDARD = re.compile(r"\bwill be (?:signed and )?published\b", re.IGNORECASE)

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
    r"\b(?:to|with|for|by|brief|update|inform) (?:the )?(?:Panel|Board|Committee"
    r"|Members|members|P[F]?CC|Commissioner|Chief Constable|Chair|him|her|them)\b"
    r"|\bnext meeting\b|\b(?:provide|send|give|supply|brief|update|inform) (?:all )?"
    r"(?:the )?(?:Panel |Board |Committee )?[Mm]embers\b"
    r"|\bto (?:the|a|its) (?:\w+ )?meeting\b"
    r"|\bkeep (?:\w+ ){1,3}(?:updated|informed)\b"
)


# where a clause starts: "…, and he would look into it"
_CLAUSE_BREAK = re.compile(r"[,;–]|\b(?:and|but|which|that)\b")


def _has_doer(sentence: str, modal: re.Match[str]) -> bool:
    before = sentence[: modal.start()]
    clause = _CLAUSE_BREAK.split(before)[-1]
    return bool(
        _DOER.search(before)
        or _DELIVERABLE.search(clause)
        or _RECIPIENT.search(sentence)
        or action_owner(sentence) is not None
    )


# a question put at the meeting: "The PCC asked that given the increase … did WYP feel
# resources were at a right level", "Members asked whether … ?"
_QUESTION = re.compile(
    r"\basked (?:that|whether|if)\b.{0,400}?(?:\?\W*$|\b(?:did|does|do|could|can"
    r"|were|was|is|are)\s+(?:the\s+)?[A-Z][\w/&-]*\s+"
    r"(?:feel|think|believe|consider|know|see)\b)"
)
# asking for information, answered there and then: "The Chairman asked for further
# information about the merger …", "The PCC asked the Chief Constable to explain why …"
_INFO_REQUEST = re.compile(
    r"\basked for (?:(?:more|further|additional|some|an?|the|any)\s+)*"
    r"(?:background|information|explanation|clarification|detail|details|views?"
    r"|comments?|assurances?|reassurance|understanding)\s+"
    r"(?:on|about|of|regarding|as to|in relation to|around|into)\b"
    r"|\basked (?:the |all )?[\w' ]{2,60}? to (?:explain|clarify|outline|describe"
    r"|comment on|elaborate on|set out) (?:why|how|what|whether|when|where)\b"
)
# the words that make such a request a task for later
_LATER = re.compile(
    r"\b(?:in writing|written|circulat\w*|after the meeting|outside the meeting"
    r"|(?:next|future|following) meeting|be (?:provided|shared|sent|given))\b",
    re.IGNORECASE,
)


# A sentence is an action only through MODAL ("will", "would", "shall", in any case),
# TO_DO or TO_BE_DONE ("to") or COMMITMENT ("to", "asked", "requested", "should
# receive", "would"): a plain test of lower-cased text spares the others every search.
# A pattern that folds case matches letters outside ASCII ("ſ" the long s for "s"):
# text with such letters is always searched.
_ACTION_WORDS = ("will", "would", "shall", "to", "asked", "requested", "should receive")
# Most sentences hold "to", and go on to the searches: STANDARD ("published") and MODAL
# ("will", "would", "shall") are spared the sentences without their words too.
_MODAL_WORDS = ("will", "would", "shall")


def _may_hold(sentence: str, words: tuple[str, ...]) -> bool:
    """Tell whether a sentence may hold one of `words` (lower case) in any case."""
    if not sentence.isascii():
        return True
    folded = sentence.lower()
    # a loop, not `any` over a generator: a third quicker (a call a sentence or more)
    for word in words:
        if word in folded:
            return True
    return False


def _may_act(sentence: str) -> bool:
    return _may_hold(sentence, _ACTION_WORDS)


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
    if not _may_act(sentence):
        return False
    if _may_hold(sentence, ("published",)) and STANDARD.search(sentence):
        return False
    # a question or a request for information is "asked ...": most sentences are
    # spared both searches
    if "asked " in sentence and (
        _QUESTION.search(sentence)
        or (_INFO_REQUEST.search(sentence) and not _LATER.search(sentence))
    ):
        return False
    modal = MODAL.search(sentence) if _may_hold(sentence, _MODAL_WORDS) else None
    if modal and _has_doer(sentence, modal):
        return True
    return bool(
        TO_DO.match(sentence)
        or TO_BE_DONE.search(sentence)
        or COMMITMENT.search(sentence)
    )


def _heading_lines(item: Item, text: str) -> set[Span]:
    """Find the lines under an "Action:" heading, or after it on the same line.

    A heading line with nothing after it ("Actions/ further information to be
    provided:", "AGREED ACTIONS") marks the paragraph below it.
    """
    every = split_lines(text, item.text_span)
    lines = [ln for ln in every if not is_table_row(text[ln.start : ln.end])]
    marked: set[Span] = set()
    for index, line in enumerate(lines):
        words = text[line.start : line.end]
        head = ACTION_HEADING.match(words)
        if head and head.end() < len(words):
            marked.add(line)
        elif head or ACTION_HEADING_LINE.match(words):
            for below, before in zip(lines[index + 1 :], lines[index:], strict=False):
                if (
                    below != lines[index + 1]
                    and "\n\n" in text[before.end : below.start]
                ):
                    break
                marked.add(below)
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
    return _item_actions(item, text, *_decided(decisions))


def _decided(decisions: tuple[Decision, ...]) -> tuple[set[Span], set[Span]]:
    """Give the spans of the decisions, and of those that are not notices."""
    decided = {d.span for d in decisions}
    # a notice's dash parts its number from its title, never from a task
    talking = {d.span for d in decisions if d.kind is not DecisionKind.DECISION_NOTICE}
    return decided, talking


def _item_actions(
    item: Item, text: str, decided: set[Span], talking: set[Span]
) -> list[Action]:
    headed = _heading_lines(item, text)
    sentences = split_sentences(text, item.text_span)
    found = []
    for index, sentence in enumerate(sentences):
        words = text[sentence.start : sentence.end]
        if sentence in decided:
            tail = _decision_tail(text, sentence) if sentence in talking else None
            if tail is not None:
                found.append(dataclasses.replace(tail, item=item.position))
            continue
        if is_table_row(words) or _heading_only(words):
            continue
        # most items have no "Action:" heading: their sentences make no generator
        in_heading = bool(headed) and any(
            h.start <= sentence.start < h.end for h in headed
        )
        # an "Action:" within a line: "… by county. ACTION: OPCC to …"
        if in_heading or is_action(words) or _opens_action(words):
            if not _answered(text, sentence, sentences[index + 1 : index + 3], decided):
                found.append(
                    Action(item.position, words, sentence, action_owner(words))
                )
    found += table_actions(item, text)
    return sorted(found, key=lambda a: a.span.start)


# a pointer elsewhere, not a task: "See Exempt Actions List", "Refer to Appendix A"
_POINTER = re.compile(r"^(?:please )?(?:see|refer to)\b", re.IGNORECASE)


# The first letters, in any case, of what `_heading_only` reads at a sentence's start:
# "Action", "Agreed/New/Outstanding actions", "Summary of actions", "Please see", "See",
# "Refer to" ("ſ" is a long s). Most sentences open otherwise and are spared the three
# patterns (0.05 ms a document).
_HEADING_FIRSTS = "aAnNoOsSſpPrR"


def _opens_action(words: str) -> bool:
    # an "Action:" opens with "a" or "A": the others are spared the pattern
    return words[:1] in "aA" and ACTION_HEADING.match(words) is not None


def _heading_only(words: str) -> bool:
    if words[:1] not in _HEADING_FIRSTS:
        return False
    head = ACTION_HEADING.match(words)
    if _POINTER.match(words):
        return True
    if head:
        return head.end() == len(words) or bool(_NO_ACTION.match(words, head.end()))
    return bool(ACTION_HEADING_LINE.match(words))


# a request: "Councillor Sewell asked for a breakdown …", "The PCC asked that …"
_REQUEST = re.compile(r"^(?:(?!\b(?:will|would|to)\b).)*\b(?:asked|requested)\b")
# the answer that takes a request over: "The Director agreed to provide this …",
# "ACTION: OPCC to circulate …", "The Panel Secretariat will make the arrangements",
# "It was agreed that the Panel … make a decision on this"
_BACK_REFERENCE = re.compile(
    r"\b(?:this|these|it|them|the (?:request|suggestion|arrangements|information)"
    r"|(?:a |written )+(?:response|reply|answer))\b"
)


def _takes_up(words: str) -> bool:
    if ACTION_HEADING.match(words):
        return True
    return bool(_BACK_REFERENCE.search(words)) and is_action(words)


def _answered(text: str, span: Span, following: list[Span], decided: set[Span]) -> bool:
    """Whether a request's next sentences in its paragraph take it up.

    The task is then recorded once, by the action or decision that takes it up.
    """
    if not _REQUEST.match(text[span.start : span.end]):
        return False
    before = span
    for index, after in enumerate(following):
        if "\n\n" in text[before.end : after.start].replace(" ", ""):
            return False
        words = text[after.start : after.end]
        if index == 0 and after not in decided and _takes_up(words):
            return True
        if after in decided and _BACK_REFERENCE.search(words):
            return True
        before = after
    return False


def extract_actions(meeting: Meeting, text: str) -> Meeting:
    """Fill `meeting.actions` from every item's text, each task once."""
    # the decisions' spans are gathered once a meeting, not once an item
    decided, talking = _decided(meeting.decisions)
    found = [
        action
        for item in meeting.items
        for action in _item_actions(item, text, decided, talking)
    ]
    in_text = [a for a in found if not is_table_row(line_of(text, a.span))]
    actions = tuple(
        a
        for a in found
        if not is_table_row(line_of(text, a.span)) or not repeats(a, in_text)
    )
    return dataclasses.replace(meeting, actions=actions)

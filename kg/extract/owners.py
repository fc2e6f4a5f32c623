"""Action owners (extraction stage helper): an action's sentence to who is to do it.

Input is one sentence `kg.extract.actions` reads as a task; output is the person or post
it gives the task to, as written ("The Commissioner to share the strategy", "the PCC
will provide contact details", "asked the Lead Member ... to suggest"), or None when the
sentence names none ("A date will be confirmed to the PCC soon.").
"""

from __future__ import annotations

import re

# what comes before an action's words: "ACTION: ", "R1/23 - ", "Action – 3. "
_LEAD_IN = re.compile(
    r"^(?:(?i:actions?(?: points?)?)\s*[:\-–—]\s*)?(?:[A-Z]{0,3}\d{1,4}(?:[/.]\d{1,4})?"
    r"\s*[-–—:.)]\s+)?"
)
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

# "… will be circulated": the subject receives the work rather than does it
_PASSIVE_AFTER = re.compile(r"\bbe\s+\w+ed\b")


def action_owner(sentence: str) -> str | None:
    """Give the person or post a sentence gives the task to, as written, or None.

    >>> action_owner("The Commissioner to share the strategy with panel members.")
    'The Commissioner'
    >>> action_owner("Constabulary are going to scope out the effects of bail changes")
    'Constabulary'
    >>> action_owner("A date will be confirmed to the PCC soon.") is None
    True
    """
    sentence = sentence[_LEAD_IN.match(sentence).end() :]  # type: ignore[union-attr]
    asked = _ASKED.search(sentence)
    if asked:
        return asked.group("owner")
    lead = _LEAD_OWNER.search(sentence)
    found = lead if lead and _is_name(lead.group("owner")) else _OWNER.search(sentence)
    if not found or _PASSIVE_AFTER.search(sentence[found.end() :][:20]):
        return None
    owner = found.group("owner")
    return owner if _is_name(owner) else None

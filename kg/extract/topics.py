"""Topic tagging (extraction stage): a `Meeting` and its text to `ItemTopic` records.

An item is tagged with a thesaurus concept (`kg.extract.thesaurus`) when its title uses
one of the concept's wordings, or when at least one sentence or bullet point of its
minuted text is about the concept. A wording met only in passing does not count: one
given as an example ("issues like Anti-Social Behaviour"), a comparison ("more likely
than robbery"), one entry of a run-on list inside a sentence or of a list in brackets,
part of the name of a post ("Chief Finance Officer") or, for a one-word wording, of a
body ("Performance and Accountability Board Minutes"), or a bare number counting
something ("101 cases"). A bullet point of its own, such as an entry of a list of
future agenda items, does count. Each tag keeps the matched phrase and its span as
evidence.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from kg.extract.sentences import split_sentences
from kg.extract.thesaurus import (
    TopicMatcher,
    find_wordings,
    fold_case,
    load_thesaurus,
)
from kg.records import Item, ItemTopic, Meeting, Span

# words that make what follows an example or a comparison:
# "building on practices such as talking to budget hotels", "than for example, robbery"
# (searched in `fold_case` text: with re.IGNORECASE the search takes twice as long)
_PASSING = re.compile(
    r"(?:\b(?:e\.g|i\.e|for example|for instance|such as|like|than|similar to|"
    r"compared (?:with|to)|as well as|other than|including|etc)\W{0,3})"
    r"(?:\w+\W+){0,3}$"
)

# an entry of an in-sentence list: ", Vetting and Training", "Principal, Prevent, …"
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*(?:\w+\s+){0,2}$", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^(?:\s+\w+){0,2}\s*,", re.IGNORECASE)


def _in_list(sentence: str, start: int, end: int) -> bool:
    if sentence.count(",") < 2:
        return False
    return bool(
        _LIST_BEFORE.search(sentence[:start]) and _LIST_AFTER.search(sentence[end:])
    ) or bool(
        sentence[:start].rstrip().endswith(",") and sentence[end:].lstrip()[:1] in ",."
    )


# the topic's words are part of a post's name: "Chief Finance Officer", "Head of
# Estates", "Safeguarding Adviser", "Diversity Champion"
_POST_AFTER = re.compile(
    r"^\s+(?:Officer|Manager|Lead|Director|Adviser|Advisor|Co-?ordinator|Champion|"
    r"Partner|Analyst|Team Leader)s?\b"
)
# … and one of the posts' portfolio: "Cabinet Member with Responsibility for Health
# and Well-Being", "Director of Finance"
_POST_BEFORE = re.compile(
    r"\b(?:Head|Director|Manager|Lead|Portfolio Holder|Cabinet Member|Lead Member|"
    r"Responsibility) (?:of|for) (?:the )?(?:[A-Z][\w'’-]* (?:and |& )?){0,3}$"
)

# a one-word wording is part of a body's name: "Greater Manchester Performance and
# Accountability Board Minutes", "to the force Safeguarding Strategic board on 30th
# March"; a short entry such as "- Diversity and Inclusion Board Update" still names a
# topic, and so does a body named by a longer wording ("the Scrutiny of Police Powers
# Panel")
_BODY_AFTER = re.compile(
    r"^(?:\s+(?:and|&|of|[A-Z][\w'’-]*)){0,4}?\s+"
    r"(?:[Bb]oard|[Cc]ommittee|[Ss]ub-[Cc]ommittee|[Pp]anel|[Gg]roup|[Ff]orum)s?\b"
    r"(?P<minutes>\s+[Mm]inutes\b)?"
)
_SINGLE_NAME = re.compile(r"[A-Z]\w*")
_ENTRY_WORDS = 8

# a bare number followed by what it counts is a quantity: "showed 101 cases linked
# to", not "calls to 101" or "101 calls"
_COUNTED_AFTER = re.compile(
    r"^\s+(?!(?:call|caller|service|line|number|contact)s?\b)[a-z][a-z-]*s\b"
)


def _names_a_post_or_body(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[max(0, start - 100) : start], sentence[end:]
    if _POST_AFTER.match(after) or _POST_BEFORE.search(before):
        return True
    words = sentence[start:end]
    body = _BODY_AFTER.match(after) if _SINGLE_NAME.fullmatch(words) else None
    if body and (body["minutes"] or len(sentence.split()) > _ENTRY_WORDS):
        return True
    return words.isdigit() and bool(_COUNTED_AFTER.match(after))


# an entry of a list in brackets: "responsibilities (Confirmation Hearings, Annual
# Reports)"
_ENTRY_START = re.compile(r"[(,]")
_ENTRY_END = re.compile(r"[),]")


def _in_brackets_list(sentence: str, start: int, end: int) -> bool:
    opened = sentence.rfind("(", 0, start)
    closed = sentence.find(")", end)
    if opened < 0 or closed < 0 or ")" in sentence[opened:start]:
        return False
    if "(" in sentence[end:closed] or "," not in sentence[opened:closed]:
        return False
    before = _ENTRY_START.split(sentence[opened:start])[-1].split()
    after = _ENTRY_END.split(sentence[end : closed + 1])[0].split()
    return len(before) <= 2 and len(after) <= 2


def is_passing(sentence: str, start: int, end: int) -> bool:
    """Tell whether the words `sentence[start:end]` are mentioned only in passing.

    >>> s = "if businesses are empowered on issues like Anti-Social Behaviour then"
    >>> is_passing(s, s.index("Anti"), s.index(" then"))
    True
    >>> s = "Panel members received a briefing on Anti-Social Behaviour."
    >>> is_passing(s, s.index("Anti"), len(s) - 1)
    False
    >>> s = "the Chief Finance Officer was appointed"
    >>> is_passing(s, s.index("Finance"), s.index(" Officer"))
    True
    """
    return (
        bool(_PASSING.search(fold_case(sentence[max(0, start - 40) : start])))
        or _names_a_post_or_body(sentence, start, end)
        or _in_list(sentence, start, end)
        or _in_brackets_list(sentence, start, end)
    )


# a named tuple: one is made per wording found, and a frozen dataclass is slower to make
class _Match(NamedTuple):
    key: str
    start: int
    end: int


def _inside_another(match: _Match, found: list[_Match]) -> bool:
    """Tell whether a longer wording of another topic in `found` holds `match`."""
    for other in found:
        if (
            other.key != match.key
            and other.start <= match.start
            and match.end <= other.end
            and other.end - other.start > match.end - match.start
        ):
            return True
    return False


def sentence_matches(
    words: str, thesaurus: tuple[TopicMatcher, ...], *, passing: bool
) -> list[_Match]:
    """Find each topic's wordings in one sentence, outermost first.

    A wording inside a longer one of another topic does not count ("workforce" inside
    "workforce diversity"); with `passing=False`, nor do mentions made in passing.

    >>> from kg.extract.thesaurus import compile_matcher
    >>> both = (compile_matcher("a", ["workforce"], []),
    ...         compile_matcher("b", ["workforce diversity"], []))
    >>> [m.key for m in sentence_matches("on workforce diversity", both, passing=True)]
    ['b']
    """
    outer = _outermost(words, thesaurus)
    if passing:
        return outer
    return [m for m in outer if not is_passing(words, m.start, m.end)]


def _outermost(words: str, thesaurus: tuple[TopicMatcher, ...]) -> list[_Match]:
    found = [_Match(*hit) for hit in find_wordings(words, thesaurus)]
    if len(found) < 2:  # most sentences: no other wording can hold one
        return found
    return [m for m in found if not _inside_another(m, found)]


def topics_of_item(
    item: Item, text: str, *, thesaurus: tuple[TopicMatcher, ...]
) -> list[ItemTopic]:
    """Find the topics one item is about, each with the first phrase that shows it."""
    title = item.title_span
    sentences = [title, *split_sentences(text, item.text_span)]
    first: dict[str, Span] = {}
    for index, sentence in enumerate(sentences):
        words = text[sentence.start : sentence.end]
        # as `sentence_matches`, but a topic already shown needs no further checks
        for hit in _outermost(words, thesaurus):
            if hit.key in first:
                continue
            # a title names its topics; only the discussion can mention one in passing
            if index > 0 and is_passing(words, hit.start, hit.end):
                continue
            first[hit.key] = Span(sentence.start + hit.start, sentence.start + hit.end)
    return [
        ItemTopic(item.position, key, text[span.start : span.end], span)
        for key, span in sorted(first.items())
    ]


def tag_topics(
    meeting: Meeting, text: str, *, thesaurus: tuple[TopicMatcher, ...] | None = None
) -> Meeting:
    """Tag every item of `meeting` with its topics (from `topics.ttl` by default)."""
    matchers = load_thesaurus() if thesaurus is None else thesaurus
    topics = tuple(
        tag
        for item in meeting.items
        for tag in topics_of_item(item, text, thesaurus=matchers)
    )
    return dataclasses.replace(meeting, topics=topics)

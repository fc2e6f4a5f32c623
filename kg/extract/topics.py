"""Topic tagging for the extraction stage: a `Meeting` and its text to `ItemTopic` records.

An item is tagged with a thesaurus concept (`kg.extract.thesaurus`) when its title uses one
of the concept's wordings, or when at least one sentence or bullet point of its minuted
text is about the concept. A wording met only in passing does not count: one given as an
example ("issues like Anti-Social Behaviour"), a comparison ("more likely than robbery"),
or one entry of a run-on list inside a sentence. A bullet point of its own, such as an
entry of a list of future agenda items, does count. Each tag keeps the matched phrase and
its span as evidence.
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.sentences import split_sentences
from kg.extract.thesaurus import TopicMatcher, load_thesaurus
from kg.records import Item, ItemTopic, Meeting, Span

# words that make what follows an example or a comparison:
# "building on practices such as talking to budget hotels", "than for example, robbery"
_PASSING = re.compile(
    r"(?:\b(?:e\.g|i\.e|for example|for instance|such as|like|than|similar to|"
    r"compared (?:with|to)|as well as|other than|including|etc)\W{0,3})"
    r"(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)

# an entry of an in-sentence list: ", Vetting and Training", "Principal, Prevent, Prepare"
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


def is_passing(sentence: str, start: int, end: int) -> bool:
    """Whether the words `sentence[start:end]` are mentioned only in passing.

    >>> s = "if businesses are empowered on issues like Anti-Social Behaviour then"
    >>> is_passing(s, s.index("Anti"), s.index(" then"))
    True
    >>> s = "Panel members received a briefing on Anti-Social Behaviour."
    >>> is_passing(s, s.index("Anti"), len(s) - 1)
    False
    """
    return bool(_PASSING.search(sentence[max(0, start - 40) : start])) or _in_list(
        sentence, start, end
    )


def _first_about(
    matcher: TopicMatcher, text: str, sentences: list[Span]
) -> Span | None:
    for sentence in sentences:
        words = text[sentence.start : sentence.end]
        for found in matcher.pattern.finditer(words):
            if not is_passing(words, found.start(), found.end()):
                return Span(sentence.start + found.start(), sentence.start + found.end())
    return None


def topics_of_item(
    item: Item, text: str, *, thesaurus: tuple[TopicMatcher, ...]
) -> list[ItemTopic]:
    """The topics one item is about, each with the first phrase that shows it."""
    title = item.title_span
    sentences = [title, *split_sentences(text, item.text_span)]
    tags = []
    for matcher in thesaurus:
        found = matcher.pattern.search(text, title.start, title.end)
        span = Span(found.start(), found.end()) if found else None
        span = span or _first_about(matcher, text, sentences[1:])
        if span:
            phrase = text[span.start : span.end]
            tags.append(ItemTopic(item.position, matcher.key, phrase, span))
    return tags


def tag_topics(
    meeting: Meeting, text: str, *, thesaurus: tuple[TopicMatcher, ...] | None = None
) -> Meeting:
    """Tag every item of `meeting` with the topics it discusses (`topics.ttl` by default)."""
    matchers = load_thesaurus() if thesaurus is None else thesaurus
    topics = tuple(
        tag
        for item in meeting.items
        for tag in topics_of_item(item, text, thesaurus=matchers)
    )
    return dataclasses.replace(meeting, topics=topics)

"""Topic thesaurus (extraction stage): `ontology/topics.ttl` to compiled matchers.

Reads the SKOS concept scheme (an rdflib `Graph`) and gives one `TopicMatcher` per
concept: its key (`skos:notation`) and a regex built from its `prefLabel`, `altLabel`
and `hiddenLabel` wordings. Case, plurals, possessives, hyphens and spaces are folded,
so "cyber crime" also finds "Cybercrime" and "cyber-crimes"; labels written with
capitals (abbreviations such as "ASB", programme names such as "Prevent") match only as
written.

Finding wordings is the hot loop of parsing, so `find_wordings` runs a concept's regex
only where a word of the text starts with the literal opening of one of its wordings
(an index of these openings is built once per thesaurus), and there with only the
wordings that open that way; the matches are those of running every concept's regex
over the whole text.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.resources import read_text


# compared by identity: hashing a compiled pattern hashes its whole code, and the
# thesaurus index is cached per tuple of matchers
@dataclass(frozen=True, slots=True, eq=False)
class TopicMatcher:
    """A thesaurus concept: its key and the compiled pattern of all its wordings.

    `openings` holds, per wording, the literal text every match of it starts with and
    whether it folds case; `None` when unknown, and the pattern then runs everywhere.
    `wordings` holds each wording's opening and regex source, in the pattern's order,
    to build the pattern again from the wordings that may match at a place.
    """

    key: str
    pattern: re.Pattern[str]
    openings: tuple[tuple[str, bool], ...] | None = None
    wordings: tuple[_Wording, ...] = ()


class _Wording(NamedTuple):
    """One label of a matcher: its literal opening, its regex body, whether it folds."""

    opening: str
    body: str
    folds: bool


# separators folded between a label's words: "cyber crime", "cyber-crime", "cybercrime"
_SEPARATOR = r"[\s\-‐–,/]*"
_SPLIT = re.compile(r"[\s\-‐–,/]+")
_APOSTROPHE = re.compile(r"['’]")


def _word_pattern(word: str, *, last: bool) -> str:
    escaped = _APOSTROPHE.sub("['’]?", re.escape(word))
    if not last or word[-1].isdigit():
        return escaped
    if word.endswith("y") and len(word) > 3:
        # "strategy" / "strategies"
        return escaped[:-1] + "(?:y|ies)"
    return escaped + "(?:['’]?s|es|['’])?"


def label_opening(label: str) -> str:
    """Give the literal text that every match of `label_pattern(label)` starts with.

    >>> [label_opening(x) for x in ("cyber crime", "strategy", "Women's Aid", "s.136")]
    ['cyber', 'strateg', 'Women', 's.136']
    """
    words = [w for w in _SPLIT.split(label.strip()) if w]
    if not words:
        return ""
    first = words[0]
    if len(words) == 1 and first.endswith("y") and len(first) > 3:
        # the plural rewrites the last letter: "strategy" / "strategies"
        first = first[:-1]
    # an apostrophe may be left out: "Women's Aid" / "Womens Aid"
    return _APOSTROPHE.split(first)[0]


# "101" must not be part of "£101,000"; words must not be part of longer words
_STARTS_A_WORDING = r"(?<![\w£$])(?<![\w][.,])"
_ENDS_A_WORDING = r"(?!\w)(?![.,/]\d)"


def _label_body(label: str) -> str:
    words = [w for w in _SPLIT.split(label.strip()) if w]
    return _SEPARATOR.join(
        _word_pattern(w, last=i == len(words) - 1) for i, w in enumerate(words)
    )


def label_pattern(label: str) -> str:
    """Build one label's regex source: folded separators, plural and boundaries.

    >>> bool(re.fullmatch(label_pattern("cyber crime"), "cybercrimes", re.I))
    True
    >>> bool(re.search(label_pattern("101"), "a cost of £101,000"))
    False
    """
    return _STARTS_A_WORDING + _label_body(label) + _ENDS_A_WORDING


def _in_order(labels: list[str]) -> list[str]:
    """Each label once, longest first: a longer wording wins over one it starts with."""
    return sorted(set(labels), key=lambda label: (-len(label), label))


def _pattern(wordings: tuple[_Wording, ...]) -> re.Pattern[str]:
    """Compile the alternation of `wordings` (folding ones first), boundaries around."""
    folded = "|".join(w.body for w in wordings if w.folds)
    exact = "|".join(w.body for w in wordings if not w.folds)
    parts = [f"(?i:{folded})"] if folded else []
    parts += [exact] if exact else []
    return re.compile(f"{_STARTS_A_WORDING}(?:{'|'.join(parts)}){_ENDS_A_WORDING}")


def compile_matcher(
    key: str, labels: list[str], pref_labels: list[str]
) -> TopicMatcher:
    """Compile one matcher: lower-case and pref labels fold case, others match as is.

    The pattern is `label_pattern` of each label in turn (longest first), with the
    checks of a wording's boundaries written once around them all: it then finds the
    same matches, and tries the look-behinds once per place instead of once per label.

    >>> m = compile_matcher("anti-social-behaviour", ["ASB"], ["Anti-social behaviour"])
    >>> [x.group() for x in m.pattern.finditer("ASB and antisocial behaviour, not asb")]
    ['ASB', 'antisocial behaviour']
    """
    folded = [label for label in labels if label == label.lower()] + pref_labels
    exact = [label for label in labels if label != label.lower()]
    wordings = tuple(
        _Wording(label_opening(label), _label_body(label), folds)
        for chosen, folds in ((folded, True), (exact, False))
        for label in _in_order(chosen)
    )
    openings = tuple(
        sorted(
            {(w.opening.lower() if w.folds else w.opening, w.folds) for w in wordings}
        )
    )
    return TopicMatcher(key, _pattern(wordings), openings, wordings)


# a wording starts where a word does (the look-behinds of `label_pattern`)
_WORD = re.compile(r"\w+")
# the longest index key: the first letters of a wording's opening
_KEY_LENGTH = 5
_FOLDS_TO_ASCII = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Index:
    """Which matchers may match where a word starts with a key (case folded).

    `starts` finds the word starts a key begins (in folded text). `at_head`
    remembers, for the first letters of a word (as long as the longest key), the tries
    its keys give: texts use the same words again and again. `narrowed` keeps the
    pattern of each matcher's wordings under a set of its keys.
    """

    keys: dict[str, tuple[int, ...]]
    lengths: tuple[int, ...]
    everywhere: frozenset[int]
    starts: re.Pattern[str]
    at_head: dict[str, tuple[_Try, ...]] = field(default_factory=dict)
    narrowed: dict[tuple[int, frozenset[str]], re.Pattern[str]] = field(
        default_factory=dict
    )


class _Try(NamedTuple):
    """A matcher to try at a word: its number, and its wordings that may start there."""

    number: int
    pattern: re.Pattern[str]


def _indexable(opening: str) -> bool:
    return bool(opening) and opening.isascii() and bool(_WORD.match(opening))


@functools.lru_cache(maxsize=8)
def _index_of(thesaurus: tuple[TopicMatcher, ...]) -> _Index:
    keys: dict[str, list[int]] = {}
    everywhere = set()
    for number, matcher in enumerate(thesaurus):
        openings = matcher.openings
        if openings is None or not all(_indexable(o) for o, _ in openings):
            everywhere.add(number)
            continue
        # a wording matched as written also matches folded: one key serves both
        for opening, _ in openings:
            spots = keys.setdefault(opening[:_KEY_LENGTH].lower(), [])
            if number not in spots:
                spots.append(number)
    lengths = tuple(sorted({len(key) for key in keys}))
    return _Index(
        {k: tuple(v) for k, v in keys.items()},
        lengths,
        frozenset(everywhere),
        re.compile(rf"(?<!\w)(?:{_alternation(set(keys))})" if keys else "(?!)"),
    )


def _alternation(keys: set[str]) -> str:
    """Give a regex of what begins with one of `keys` (not empty), as a trie.

    A key with a shorter key at its start adds nothing; the trie's branches each open
    with a different letter, which the regex engine tests before trying the branch.

    >>> _alternation({"ab", "abc", "ad", "b"})
    '(?:a(?:b|d)|b)'
    """
    if "" in keys:
        return ""
    rests: dict[str, set[str]] = {}
    for key in keys:
        rests.setdefault(key[0], set()).add(key[1:])
    branches = [re.escape(c) + _alternation(rests[c]) for c in sorted(rests)]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _fold_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    if _FOLDS_TO_ASCII.fullmatch(char):
        # re.IGNORECASE takes the Kelvin sign for "k" and the long s for "s"
        return next(
            a for a in string.ascii_lowercase if re.fullmatch(a, char, re.IGNORECASE)
        )
    return char


class _FoldTable(dict[int, str]):
    """The `str.translate` table of `_fold_char`, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_case(text: str) -> str:
    """Lower-case `text` as re.IGNORECASE compares it with ASCII, keeping offsets.

    A lower-case ASCII pattern run without the flag over the folded text matches where
    it would with the flag over `text`, and runs faster.

    >>> fold_case("ASB in Kensington, \u212aent and I\u017fLINGTON")
    'asb in kensington, kent and islington'
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


# words whose matchers `_Index.at_head` remembers; past that it starts again
_MOST_HEADS = 50_000


def _tries_at(
    head: str, thesaurus: tuple[TopicMatcher, ...], index: _Index
) -> tuple[_Try, ...]:
    """Give the matchers (each once) whose keys begin `head`, the start of a word.

    Each comes with the pattern of its wordings under those keys (`_narrowed`).
    """
    keys_of: dict[int, set[str]] = {}
    for n in index.lengths:
        key = head[:n]
        for number in index.keys.get(key, ()):
            keys_of.setdefault(number, set()).add(key)
    return tuple(
        _Try(number, _narrowed(thesaurus, index, number, frozenset(keys)))
        for number, keys in keys_of.items()
    )


def _narrowed(
    thesaurus: tuple[TopicMatcher, ...],
    index: _Index,
    number: int,
    keys: frozenset[str],
) -> re.Pattern[str]:
    """Give the pattern of matcher `number`'s wordings whose key is one of `keys`.

    Where a word starts with these keys only, a wording under another key cannot
    match (every match of it starts with its opening): the narrowed pattern matches
    there as the whole one does, and fails sooner.
    """
    matcher = thesaurus[number]
    if not matcher.wordings:
        return matcher.pattern
    pattern = index.narrowed.get((number, keys))
    if pattern is None:
        kept = tuple(
            w for w in matcher.wordings if w.opening[:_KEY_LENGTH].lower() in keys
        )
        pattern = index.narrowed[number, keys] = _pattern(kept)
    return pattern


def _remember(
    head: str, thesaurus: tuple[TopicMatcher, ...], index: _Index
) -> tuple[_Try, ...]:
    if len(index.at_head) >= _MOST_HEADS:
        index.at_head.clear()
    tries = index.at_head[head] = _tries_at(head, thesaurus, index)
    return tries


# the start of a match, as a function `map` calls without a Python frame
_START = re.Match.start


def _tries(
    text: str, thesaurus: tuple[TopicMatcher, ...], index: _Index
) -> list[tuple[int, int, re.Pattern[str] | None]]:
    """Give (matcher number, word start, pattern) for each try, by matcher then start.

    A matcher that runs everywhere comes once, at -1 and without a pattern.
    """
    folded = fold_case(text)
    width = index.lengths[-1] if index.lengths else 0
    at_head = index.at_head
    found: list[tuple[int, int, re.Pattern[str] | None]] = [
        (number, -1, None) for number in index.everywhere
    ]
    # only the word starts a key begins: at others `at_head` gives no tries (most
    # words; a search finds the rest at C speed)
    for at in map(_START, index.starts.finditer(folded)):
        head = folded[at : at + width]
        tries = at_head.get(head)
        if tries is None:
            tries = _remember(head, thesaurus, index)
        for number, pattern in tries:
            found.append((number, at, pattern))
    # one list sorted (stably, so each matcher's starts stay in order), not a list a
    # matcher in a dict: `find_wordings` is 6% quicker
    found.sort(key=itemgetter(0))
    return found


def find_wordings(
    text: str, thesaurus: tuple[TopicMatcher, ...]
) -> list[tuple[str, int, int]]:
    """Find every concept's wordings in `text` as (key, start, end), concept by concept.

    The result equals running each matcher's `pattern.finditer(text)` in turn.

    >>> both = (compile_matcher("a", ["workforce"], []),
    ...         compile_matcher("b", ["workforce diversity"], []))
    >>> find_wordings("Workforce diversity and the workforce", both)
    [('a', 0, 9), ('a', 28, 37), ('b', 0, 19)]
    """
    found: list[tuple[str, int, int]] = []
    last = end = -1
    for number, at, pattern in _tries(text, thesaurus, _index_of(thesaurus)):
        key = thesaurus[number].key
        if pattern is None:
            hits = thesaurus[number].pattern.finditer(text)
            found += [(key, hit.start(), hit.end()) for hit in hits]
            continue
        if number != last:
            last, end = number, 0
        # what `finditer` gives when no match can start anywhere but at the tries,
        # each try's pattern matching there as the whole one would (see `_narrowed`)
        if at >= end and (hit := pattern.match(text, at)):
            end = hit.end()
            found.append((key, at, end))
    return found


def matchers_from_graph(graph: Graph) -> tuple[TopicMatcher, ...]:
    """Compile a matcher per concept with a `skos:notation` in `graph`, by key."""
    matchers = []
    for concept, notation in graph.subject_objects(SKOS.notation):
        prefs = [str(o) for o in graph.objects(concept, SKOS.prefLabel)]
        others = [
            str(o)
            for prop in (SKOS.altLabel, SKOS.hiddenLabel)
            for o in graph.objects(concept, prop)
        ]
        matchers.append(compile_matcher(str(notation), others, prefs))
    return tuple(sorted(matchers, key=lambda m: m.key))


@functools.cache
def load_thesaurus() -> tuple[TopicMatcher, ...]:
    """Load the matchers of `ontology/topics.ttl` (read once per process)."""
    graph = Graph().parse(data=read_text("ontology", "topics.ttl"), format="turtle")
    return matchers_from_graph(graph)

"""The indexed wording finder gives exactly what running every concept's regex gives."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from wordings import all_wordings

from kg.extract.sentences import split_sentences
from kg.extract.thesaurus import (
    TopicMatcher,
    compile_matcher,
    find_wordings,
    load_thesaurus,
)
from kg.extract.topics import sentence_matches
from kg.parse import parse_structure
from kg.records import Source

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402


def every_regex_everywhere(
    text: str, thesaurus: tuple[TopicMatcher, ...]
) -> list[tuple[str, int, int]]:
    """The reference: each concept's regex run over the whole text, in turn."""
    return [
        (matcher.key, hit.start(), hit.end())
        for matcher in thesaurus
        for hit in matcher.pattern.finditer(text)
    ]


def sentences_of(text: str, name: str) -> list[str]:
    meeting = parse_structure(text, Source(name, "0", len(text)))
    found = []
    for item in meeting.items:
        found.append(text[item.title_span.start : item.title_span.end])
        found.extend(
            text[s.start : s.end] for s in split_sentences(text, item.text_span)
        )
    return found


@cache
def corpus_sentences() -> tuple[str, ...]:
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend(sentences_of(text, path.name))
    for index in range(8):
        stem, text, _ = generate(index, 1)
        found.extend(sentences_of(text, stem + ".txt"))
    return tuple(found)


def test_seed_and_generated_sentences_give_the_reference_wordings() -> None:
    thesaurus = load_thesaurus()
    sentences = corpus_sentences()
    assert len(sentences) > 1000
    hits = 0
    for sentence in sentences:
        want = every_regex_everywhere(sentence, thesaurus)
        assert find_wordings(sentence, thesaurus) == want, sentence
        hits += len(want)
    assert hits > 500


def test_wordings_not_starting_a_word_and_bare_matchers_run_everywhere() -> None:
    indexed = compile_matcher("a", ["£5 fund", "crime"], [])
    bare = TopicMatcher("b", indexed.pattern)
    spans = [(2, 9), (14, 19), (21, 27)]
    assert find_wordings("A £5 fund for crime; crimes", (indexed, bare)) == [
        (key, *span) for key in "ab" for span in spans
    ]


def variants(wording: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            wording,
            wording.upper(),
            wording.lower(),
            wording.title(),
            wording.replace(" ", ""),
            wording.replace(" ", "-"),
            wording + "s",
            wording.replace("'", "’"),
            wording.replace("k", "\u212a").replace("s", "\u017f"),
        ]
    )


NOISE = st.text(
    alphabet=st.sampled_from(list("ab1 ,.-/£$'’\n\u212a\u017f\u0130éY")), max_size=6
)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    wording = st.sampled_from(all_wordings()).flatmap(variants)
    pieces = draw(st.lists(st.one_of(NOISE, wording), max_size=12))
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(mixed_text())
def test_wordings_in_noise_match_the_reference(text: str) -> None:
    thesaurus = load_thesaurus()
    found = find_wordings(text, thesaurus)
    assert found == every_regex_everywhere(text, thesaurus)
    by_key = {m.key: m for m in thesaurus}
    for key, start, end in found:
        assert by_key[key].pattern.fullmatch(text[start:end])
    for passing in (True, False):
        for match in sentence_matches(text, thesaurus, passing=passing):
            assert 0 <= match.start < match.end <= len(text)

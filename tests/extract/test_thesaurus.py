from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.extract.thesaurus import (
    compile_matcher,
    find_wordings,
    label_pattern,
    load_thesaurus,
)
from kg.mapping.iris import topic_iri
from kg.resources import read_text

# The 27 keys of the shared topic list (../shared/eval/topics.tsv).
KEYS = """anti-social-behaviour child-sexual-exploitation collaboration
complaints-and-standards counter-terrorism criminal-justice cyber-crime domestic-abuse
drugs-and-alcohol equality-and-diversity estates finance hate-crime mental-health
missing-persons modern-slavery neighbourhood-policing offender-management performance
police-powers public-contact recruitment-and-workforce road-safety safeguarding
sexual-violence technology victims""".split()


@pytest.fixture(scope="module")
def scheme() -> Graph:
    return Graph().parse(data=read_text("ontology", "topics.ttl"), format="turtle")


def test_scheme_has_every_key_at_its_topic_iri(scheme: Graph) -> None:
    found = {str(n): s for s, n in scheme.subject_objects(SKOS.notation)}
    assert sorted(found) == sorted(KEYS)
    for key, concept in found.items():
        assert concept == topic_iri(key)


def test_every_concept_has_label_definition_and_many_wordings(scheme: Graph) -> None:
    for concept in scheme.subjects(SKOS.notation, None):
        assert scheme.value(concept, SKOS.prefLabel) is not None
        assert scheme.value(concept, SKOS.definition) is not None
        wordings = list(scheme.objects(concept, SKOS.altLabel)) + list(
            scheme.objects(concept, SKOS.hiddenLabel)
        )
        assert len(wordings) >= 8, concept


@pytest.mark.parametrize(
    ("label", "text", "hit"),
    [
        ("cyber crime", "work on cybercrime in the region", "cybercrime"),
        ("cyber crime", "Cyber-Crimes reported", "Cyber-Crimes"),
        ("victims' code", "the Victims Code of Practice", "Victims Code"),
        ("Clare's Law", "disclosures (Clare’s Law): RPA", "Clare’s Law"),
        ("strategy", "two strategies", "strategies"),
        ("101", "calls to the 101 service", "101"),
        ("101", "a budget of £101,000", None),
        ("bail", "the bailiffs came", None),
    ],
)
def test_label_pattern_folds_case_plural_and_separators(
    label: str, text: str, hit: str | None
) -> None:
    flags = 0 if label != label.lower() else re.IGNORECASE
    found = re.search(label_pattern(label), text, flags)
    assert (found.group() if found else None) == hit


def test_capitalised_labels_match_only_as_written() -> None:
    matcher = compile_matcher("counter-terrorism", ["Prevent", "radicalisation"], [])
    text = "to prevent harm; the Prevent duty; Radicalisation"
    assert [m.group() for m in matcher.pattern.finditer(text)] == [
        "Prevent",
        "Radicalisation",
    ]


@pytest.mark.parametrize(
    ("key", "wording"),
    [
        ("anti-social-behaviour", "ASB"),
        ("child-sexual-exploitation", "CSE"),
        ("counter-terrorism", "Channel Panel"),
        ("domestic-abuse", "DVPO"),
        ("domestic-abuse", "Operation Encompass"),
        ("mental-health", "Right Care, Right Person"),
        ("mental-health", "s136"),
        ("neighbourhood-policing", "PCSOs"),
        ("offender-management", "IOM"),
        ("performance", "HMICFRS"),
        ("performance", "PEEL"),
        ("safeguarding", "MASH"),
        ("sexual-violence", "VAWG"),
    ],
)
def test_thesaurus_knows_national_wordings(key: str, wording: str) -> None:
    matcher = next(m for m in load_thesaurus() if m.key == key)
    assert matcher.pattern.search(f"An update on {wording} was given.")


# words that start wordings of the thesaurus, and others, in any case
_WORDING_PIECES = (
    "ASB asb anti-social behaviour cyber crime Cybercrimes IT it re-offending 101 "
    "£101,000 s.136 Prevent prevent strategy strategies ed&i EDI women's aid Kelvin "
    "\u212a \u017f drugs the Panel, report (Victims Code) workforce diversity"
).split()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_WORDING_PIECES), st.sampled_from([" ", "-", ", ", ".", ""])
        ),
        max_size=25,
    )
)
def test_find_wordings_gives_what_every_pattern_finds(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(word + sep for word, sep in pieces)
    thesaurus = load_thesaurus()
    expected = [
        (matcher.key, hit.start(), hit.end())
        for matcher in thesaurus
        for hit in matcher.pattern.finditer(text)
    ]
    assert find_wordings(text, thesaurus) == expected
    assert find_wordings(text, thesaurus) == expected  # the remembered word heads

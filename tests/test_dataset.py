"""The DCAT + VoID description of a release, and the SHACL shape it must meet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from kg.cli import cli
from kg.dataset import (
    DATASET,
    OGL_V3,
    DatasetInfo,
    describe,
    validate_description,
    write_description,
)
from kg.errors import KgError
from kg.export import export_store
from kg.store import OxigraphStore

INFO = DatasetInfo(issued=dt.date(2026, 1, 5), modified=dt.date(2026, 11, 22))


@pytest.fixture(scope="module")
def release(
    seed_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("release")
    for extension in (".ttl", ".nq", ".jsonld"):
        export_store(seed_store, folder / f"graph{extension}")
    return folder


@pytest.fixture(scope="module")
def description(seed_store: OxigraphStore, release: Path) -> Graph:
    files = sorted(release.glob("graph.*"))
    return describe(seed_store, files, INFO)


def test_the_description_conforms_to_its_shape(description: Graph) -> None:
    conforms, report = validate_description(description)
    assert conforms, report


def test_the_description_states_licence_dates_and_counts(
    description: Graph, seed_store: OxigraphStore
) -> None:
    assert description.value(DATASET, DCTERMS.license) == OGL_V3
    assert description.value(DATASET, DCTERMS.issued) == Literal(
        "2026-01-05", datatype=XSD.date
    )
    triples = {(q.subject, q.predicate, q.object) for q in seed_store.quads()}
    assert description.value(DATASET, VOID.triples).toPython() == len(triples)
    assert description.value(DATASET, VOID.entities).toPython() > 100
    vocabularies = set(description.objects(DATASET, VOID.vocabulary))
    assert URIRef("https://w3id.org/police-kg/def#") in vocabularies
    assert URIRef("http://www.w3.org/ns/prov#") in vocabularies


def test_exports_and_source_documents_are_distributions(description: Graph) -> None:
    distributions = set(description.objects(DATASET, DCAT.distribution))
    titles = {str(description.value(d, DCTERMS.title)) for d in distributions}
    assert {"graph.ttl", "graph.nq", "graph.jsonld"} <= titles
    assert sum(t.endswith(".txt") for t in titles) == 5
    jsonld = next(d for d in distributions if str(d).endswith("graph.jsonld"))
    assert str(description.value(jsonld, DCTERMS.conformsTo)).endswith("context.jsonld")
    assert str(description.value(jsonld, DCAT.downloadURL)).endswith("/graph.jsonld")


def without(graph: Graph, predicate: URIRef) -> Graph:
    copy = Graph()
    for triple in graph:
        if triple[1] != predicate:
            copy.add(triple)
    return copy


@pytest.mark.parametrize(
    ("predicate", "message"),
    [
        (DCTERMS.license, "Open Government Licence"),
        (DCTERMS.publisher, "publisher"),
        (DCTERMS.issued, "first-release date"),
        (VOID.triples, "number of triples"),
        (VOID.vocabulary, "vocabularies"),
    ],
)
def test_a_description_missing_a_field_is_refused(
    description: Graph, predicate: URIRef, message: str
) -> None:
    conforms, report = validate_description(without(description, predicate))
    assert not conforms and message in report


def test_another_licence_is_refused(description: Graph) -> None:
    changed = without(description, DCTERMS.license)
    changed.add((DATASET, DCTERMS.license, URIRef("https://creativecommons.org/x")))
    assert not validate_description(changed)[0]


def test_a_distribution_needs_a_media_type(description: Graph) -> None:
    changed = without(description, DCAT.mediaType)
    conforms, report = validate_description(changed)
    assert not conforms and "IANA media type" in report
    assert (None, RDF.type, DCAT.Distribution) in changed


def test_a_new_description_keeps_the_first_issued_date(
    seed_store: OxigraphStore, release: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dataset.ttl"
    files = [release / "graph.ttl"]
    write_description(seed_store, path, files, today=dt.date(2026, 1, 5))
    graph = write_description(seed_store, path, files, today=dt.date(2026, 3, 1))
    assert graph.value(DATASET, DCTERMS.issued).toPython() == dt.date(2026, 1, 5)
    assert graph.value(DATASET, DCTERMS.modified).toPython() == dt.date(2026, 3, 1)
    reread = Graph().parse(path)
    assert len(reread) == len(graph)


def test_an_unknown_description_format_is_refused(
    seed_store: OxigraphStore, tmp_path: Path
) -> None:
    with pytest.raises(KgError, match="a description is"):
        write_description(seed_store, tmp_path / "d.csv", [], today=dt.date(2026, 1, 1))


def test_cli_export_describe_lists_every_format_written(
    seeds_trig: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    describe_file = tmp_path / "dataset.ttl"
    for extension in (".ttl", ".nt", ".nq", ".trig", ".jsonld"):
        args = [
            "export",
            "--data",
            str(seeds_trig),
            "--out",
            str(tmp_path / f"graph{extension}"),
            "--describe",
            str(describe_file),
            "--base-url",
            "https://data.example.org/police/",
        ]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    graph = Graph().parse(describe_file)
    assert validate_description(graph)[0]
    dumps = {str(u) for u in graph.objects(DATASET, VOID.dataDump)}
    assert dumps == {
        f"https://data.example.org/police/graph{e}"
        for e in (".ttl", ".nt", ".nq", ".trig", ".jsonld")
    }

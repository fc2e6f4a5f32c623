from pathlib import Path

import networkx as nx

from kg.store import OxigraphStore
from kg.viz.data import read_meetings
from kg.viz.network import bridges, format_report, projections, write_networks

ID = "https://w3id.org/police-kg/id/"


def test_projections_link_people_forces_and_bodies(mini_store: OxigraphStore) -> None:
    graphs = projections(read_meetings(mini_store))
    people, forces, person_body = (
        graphs["people"],
        graphs["forces"],
        graphs["person-body"],
    )
    brown = f"{ID}person/avon-and-somerset/richard-brown"
    mountstevens = f"{ID}person/avon-and-somerset/sue-mountstevens"
    assert people.edges[brown, mountstevens]["weight"] == 1
    assert (
        forces.edges[f"{ID}force/avon-and-somerset", f"{ID}force/west-mercia"]["topics"]
        == "Budget and precept; Cyber crime"
    )
    assert person_body.degree(mountstevens) == 2
    assert person_body.nodes[mountstevens]["betweenness"] > 0
    assert {"degree", "betweenness", "community", "label", "kind"} <= set(
        people.nodes[brown]
    )


def test_bridges_are_people_at_several_bodies(mini_store: OxigraphStore) -> None:
    found = bridges(read_meetings(mini_store).values())
    assert [(b.name, len(b.bodies), b.forces) for b in found] == [
        ("John Campion", 2, ("West Mercia",)),
        ("Sue Mountstevens", 2, ("Avon and Somerset",)),
    ]
    report = format_report(projections(read_meetings(mini_store)), found)
    assert "people at meetings of more than one body: 2" in report


def test_graphml_and_gexf_read_back_alike(
    mini_store: OxigraphStore, tmp_path: Path
) -> None:
    graphs = projections(read_meetings(mini_store))
    written = write_networks(graphs, tmp_path)
    assert len(written) == 6
    for path in written:
        name = path.stem
        back = (
            nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)
        )
        assert (len(back), back.number_of_edges()) == (
            len(graphs[name]),
            graphs[name].number_of_edges(),
        )


def test_seeds_network_writes_readable_files(
    seed_store: OxigraphStore, tmp_path: Path
) -> None:
    meetings = read_meetings(seed_store)
    graphs = projections(meetings)
    for path in write_networks(graphs, tmp_path):
        back = (
            nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)
        )
        assert len(back) == len(graphs[path.stem])
    assert "people at meetings of more than one body" in format_report(
        graphs, bridges(meetings.values())
    )

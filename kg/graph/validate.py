"""SHACL validation of a graph against ontology/shapes.ttl (with the ontology for RDFS inference)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.resources import ontology_dir


@dataclass
class Report:
    conforms: bool
    text: str


def ontology_graph() -> Graph:
    g = Graph()
    folder = ontology_dir()
    for name in ("kg.ttl", "cameo.ttl", "participants.ttl"):
        g.parse(folder / name, format="turtle")
    return g


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def validate(data: Graph) -> Report:
    import pyshacl

    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                         inference="rdfs", allow_warnings=True)
    return Report(bool(conforms), text)

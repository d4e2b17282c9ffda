"""SHACL validation of a graph against ontology/shapes.ttl (with the ontology for RDFS inference)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.graph.rdf import ontology_graph
from kg.resources import ontology_dir


@dataclass
class Report:
    conforms: bool
    text: str


def ontology() -> Graph:
    """kg's terms and the CAMEO codebook, as the store and files hold them beside the documents'
    graphs (``kg.graph.rdf.ontology_graph``), in an rdflib Graph for pyshacl's RDFS inference."""
    g = Graph()
    for triple in ontology_graph()[1]:
        g.add(triple)
    return g


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def validate(data: Graph) -> Report:
    import pyshacl

    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), ont_graph=ontology(),
                                         inference="rdfs", allow_warnings=True)
    return Report(bool(conforms), text)

"""The graph page: RDF -> networkx -> pyvis HTML that works offline from one file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.files import write_atomic
from kg.vocab import KG, SDO, SEM

COLORS = {"Person": "#e4572e", "Organization": "#17bebb", "Country": "#ffc914", "Place": "#76b041",
          "Event": "#6c5b7b"}
KIND_CLASSES = {SDO.Person: "Person", SDO.Organization: "Organization", SDO.Country: "Country",
                SDO.Place: "Place", SDO.City: "Place", SDO.PoliticalParty: "Organization"}


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Entities and events as nodes; event roles as labelled edges."""
    out = nx.MultiDiGraph()
    events = set(g.subjects(SEM.eventType, None))
    for s, cls in g.subject_objects(RDF.type):
        kind = KIND_CLASSES.get(cls)
        if kind and s not in events:
            out.add_node(str(s), kind=kind, label=str(g.value(s, RDFS.label) or s))
    for ev in events:
        out.add_node(str(ev), kind="Event", label=str(g.value(ev, RDFS.label) or ev))
        for prop, role in ((KG.source, "source"), (KG.target, "target"), (SEM.hasPlace, "place")):
            for o in g.objects(ev, prop):
                if isinstance(o, URIRef) and str(o) in out:
                    out.add_edge(str(ev), str(o), role=role)
    return out


def write_page(g: Graph, path: str | Path) -> None:
    from pyvis.network import Network

    graph = to_networkx(g)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"], title=data["kind"], color=COLORS[data["kind"]])
    for a, b, data in graph.edges(data=True):
        net.add_edge(a, b, label=data["role"])
    page = net.generate_html()
    # pyvis still links Bootstrap from a CDN even in line mode: the page must not leave the machine
    page = re.sub(r"<link[^>]+https?://[^>]+>", "", page)
    page = re.sub(r"<script[^>]+src=\"https?://[^\"]+\"[^>]*></script>", "", page)
    write_atomic(path, page.replace("<title>", f"<title>{html.escape('kg graph')}", 1))

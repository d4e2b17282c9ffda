"""A graph as N-Triples lines and back: what the process that makes graphs sends to the one that
writes them."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.store.terms import Rendered

EX = "https://example.org/"


def test_a_graph_sent_as_text_gives_back_its_lines_and_triples():
    aleppo, strike = URIRef(EX + "place/aleppo"), URIRef(EX + "event/1")
    triples = [
        (aleppo, RDF.type, URIRef(EX + "Place")),
        (aleppo, RDFS.label, Literal("Aleppo")),
        (aleppo, RDFS.label, Literal("Halab", lang="ar")),
        (strike, URIRef(EX + "killed"), Literal(20)),
        (strike, URIRef(EX + "date"), Literal("2016-09-19", datatype=XSD.date)),
        (strike, URIRef(EX + "quote"), Literal('the convoy "was hit" \\ near\nUrum al-Kubra')),
    ]

    lines = Rendered(triples).lines
    sent = Rendered.of_text(" .\n".join(lines) + " .")  # as the graph-making child sends a graph

    assert sent.text.count("\n") == len(triples) - 1  # the quote's line break is escaped: one line
    assert sent.lines == lines and len(sent) == len(triples)
    assert set(sent) == set(triples)
    assert set(sent) == set(triples)  # parsed again for each reading
    assert list(Rendered.of_text("")) == [] and Rendered.of_text("").lines == []

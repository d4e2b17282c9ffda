"""Each document's graph states the super-classes and super-properties that ontology/kg.ttl entails,
and the ontology itself, with the CAMEO codebook, is a graph beside the documents'.

The expected supers are read off ontology/kg.ttl by hand (its rdfs:subClassOf, rdfs:subPropertyOf
and owl:equivalentClass lines)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.graph.ontology import hierarchy, most_specific
from kg.graph.rdf import GraphWriter, NamedGraph, ontology_graph
from kg.graph.vocab import CAMEO, KG, ONTOLOGY, ORG, SDO, SEM, resource
from kg.model import Corpus, Document, Event, Evidence
from kg.resources import ontology_dir

EVENT, ACTOR, OTHER = URIRef("https://w3id.org/kg/id/event/e"), URIRef("urn:x:a"), URIRef("urn:x:b")


@pytest.mark.parametrize("cls, supers", [
    (KG.MilitaryAttack, {KG.Event, SEM.Event}),  # kg:MilitaryAttack ⊑ kg:Event ⊑ sem:Event
    (KG.OtherEvent, {KG.Event, SEM.Event}),
    (SDO.Country, {SDO.AdministrativeArea, SDO.Place}),  # schema.org's own hierarchy, stated in kg.ttl
    (KG.Constituency, {SDO.AdministrativeArea, SDO.Place}),
    (KG.Embassy, {SDO.GovernmentOrganization, SDO.Organization, ORG.Organization, PROV.Agent}),
    (SDO.Person, {PROV.Agent}),
    (KG.Mention, {PROV.Entity}),
    (KG.Document, {SDO.NewsArticle, PROV.Entity}),
    (KG.Post, {ORG.Post}),
])
def test_super_classes(cls, supers):
    assert set(hierarchy().classes[cls]) == supers


@pytest.mark.parametrize("prop, supers", [
    (KG.source, {SDO.agent, SEM.hasActor}),
    (KG.target, {SDO.object, SEM.hasActor}),
    (KG.participant, {SDO.object}),
    (KG.accused, {KG.interactedWith}),
    (KG.claimedBy, {PROV.wasAttributedTo}),
])
def test_super_properties(prop, supers):
    assert set(hierarchy().properties[prop]) == supers


def test_a_documents_graph_states_the_supers_once_each():
    g = NamedGraph()
    g.add((EVENT, RDF.type, KG.MilitaryAttack))
    g.add((EVENT, KG.source, ACTOR))
    g.add((EVENT, KG.source, ACTOR))  # written twice: once in the graph
    g.add((ACTOR, KG.attacked, OTHER))
    g.add((EVENT, RDFS.label, Literal("airstrike")))  # rdfs:label has no super-property in kg.ttl
    assert set(g) == {
        (EVENT, RDF.type, KG.MilitaryAttack), (EVENT, RDF.type, KG.Event), (EVENT, RDF.type, SEM.Event),
        (EVENT, KG.source, ACTOR), (EVENT, SDO.agent, ACTOR), (EVENT, SEM.hasActor, ACTOR),
        (ACTOR, KG.attacked, OTHER), (ACTOR, KG.interactedWith, OTHER),
        (EVENT, RDFS.label, Literal("airstrike")),
    }
    assert len(g) == 9


def test_the_ontology_is_a_graph_of_its_own():
    name, triples = ontology_graph()
    assert name == str(ONTOLOGY)
    assert (KG.accused, RDFS.subPropertyOf, KG.interactedWith) in triples
    ds = GraphWriter().dataset()  # no document: only the ontology's graph
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {name}


def test_the_codebook_is_said_once_in_the_ontologys_graph_not_with_the_events():
    """What a CAMEO code means (its notation, labels, definition, broader code, QuadClass) is the
    codebook's: every triple of ontology/cameo.ttl is in the ontology's graph, and an event's graph
    says only which code it has."""
    codebook = Graph().parse(ontology_dir() / "cameo.ttl", format="turtle")
    _, triples = ontology_graph()
    assert len(codebook) > 2000 and set(codebook) <= set(triples)

    text = "Russia was behind the airstrike on an aid convoy."
    evidence = Evidence("a", 0, len(text), text)
    event = Event(key="event:a1", code="195", label="airstrike", evidence=(evidence,), source="country:RU")
    writer = GraphWriter().write(Corpus(documents=[Document("a", "a.txt", None, None, None, "0" * 40)],
                                        events=[event]))
    graph = set().union(*map(set, writer.graphs.values()))  # the document's graph and the event's
    assert (resource("event:a1"), SEM.eventType, CAMEO["195"]) in graph
    assert not [t for t in graph if str(t[0]).startswith(str(CAMEO))]  # nothing about the code itself


def test_the_most_specific_classes_are_those_a_graph_states_first():
    stated = [KG.Embassy, SDO.GovernmentOrganization, SDO.Organization, ORG.Organization, PROV.Agent]
    assert most_specific(stated) == [KG.Embassy]
    assert most_specific([SDO.Country, SDO.AdministrativeArea, SDO.Place]) == [SDO.Country]

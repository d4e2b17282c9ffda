"""The lexicons and the ontology: coverage of the CAMEO codebook, gazetteers, vocabulary declared once."""

from __future__ import annotations

import pycountry
import pytest
from conftest import ROOT
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.graph.vocab import CAMEO, KG, ROOTS
from kg.model import Kind
from kg.resources.gazetteer import Gazetteer
from kg.resources.lexicon import Lexicon

ROOT_CODES = [f"{i:02d}" for i in range(1, 21)]


@pytest.fixture(scope="module")
def codebook() -> Graph:
    return Graph().parse(ROOT / "ontology" / "cameo.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph().parse(ROOT / "ontology" / "kg.ttl")
    g.parse(ROOT / "ontology" / "cameo.ttl")
    return g


def test_codebook_has_every_root_and_a_tree(codebook):
    notations = {str(n): c for c, n in codebook.subject_objects(SKOS.notation) if str(c).startswith(str(CAMEO))}
    assert set(ROOT_CODES) <= set(notations)
    assert len(notations) >= 280
    for code, concept in notations.items():
        if len(code) > 2:
            assert notations[code[:-1]] in set(codebook.objects(concept, SKOS.broader)), code
        assert codebook.value(concept, SKOS.prefLabel) is not None
        assert codebook.value(concept, KG.quadClass) is not None


def test_every_root_category_is_reachable_from_the_lexicon():
    lex = Lexicon.default()
    for root in ROOT_CODES:
        verbs = [t for (pos, _), ts in lex.by_key.items() for t in ts if pos == "VERB" and t.code[:2] == root]
        nouns = [t for (pos, _), ts in lex.by_key.items() for t in ts if pos == "NOUN" and t.code[:2] == root]
        assert verbs and nouns, root


def test_every_lexicon_code_is_in_the_codebook(codebook):
    notations = {str(n) for n in codebook.objects(None, SKOS.notation)}
    lex = Lexicon.default()
    codes = {t.code for ts in lex.by_key.values() for t in ts}
    assert not {c for c in codes if c.isdigit()} - notations
    for own in (c for c in codes if not c.isdigit()):  # kg's own event types: concepts without a notation
        concept = getattr(KG, own)
        assert (concept, SKOS.inScheme, KG.otherEvents) in codebook and codebook.value(concept, SKOS.notation) is None


def test_vocabulary_terms_are_declared_with_labels(ontology):
    for term in dir(KG):
        assert (term, None, None) in ontology, term
        assert ontology.value(term, RDFS.label) or ontology.value(term, SKOS.prefLabel), term


def test_own_terms_align_to_the_standard_ones(ontology):
    sem_event = "http://semanticweb.cs.vu.nl/2009/11/sem/Event"
    assert str(ontology.value(KG.Event, RDFS.subClassOf)) == sem_event
    for cls, _ in ROOTS.values():
        assert ontology.value(cls, RDFS.subClassOf) == KG.Event
    supers = {str(o) for o in ontology.objects(KG.source, RDFS.subPropertyOf)}
    assert {"https://schema.org/agent", "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor"} <= supers
    assert ("https://schema.org/object" in {str(o) for o in ontology.objects(KG.target, RDFS.subPropertyOf)})
    assert (KG.Mention, RDF.type, OWL.Class) in ontology


def test_every_country_is_in_the_gazetteer():
    gaz = Gazetteer.default()
    for country in pycountry.countries:
        assert country.alpha_2 in gaz.countries, country.name


@pytest.mark.parametrize("surface, key", [
    ("Russia", "country:RU"), ("Russian", "country:RU"), ("the Russians", "country:RU"),
    ("Russian Federation", "country:RU"), ("UK", "country:GB"), ("Britain", "country:GB"), ("British", "country:GB"),
    ("U.S.", "country:US"), ("American", "country:US"), ("Syrian", "country:SY"), ("Ukrainian", "country:UA"),
    ("Chinese", "country:CN"), ("Filipino", "country:PH"), ("Emirati", "country:AE"),
    ("UN", "org:united-nations"), ("NATO", "org:nato"), ("Nato", "org:nato"),
])
def test_names_and_demonyms(surface, key):
    assert Gazetteer.default().lookup(surface).key == key


def test_short_capital_names_match_only_as_written():
    gaz = Gazetteer.default()
    assert gaz.lookup("us") is None  # the pronoun is not the United States
    assert gaz.lookup("US").key == "country:US"


def test_cities_carry_geonames_iris():
    entry = Gazetteer.default().lookup("Aleppo")
    assert entry.kind is Kind.PLACE and entry.country == "SY"
    assert "https://sws.geonames.org/170063/" in entry.same_as


@pytest.mark.parametrize("title, country", [("Foreign Secretary", "GB"), ("foreign minister", None),
                                             ("President", None), ("Secretary-General", None)])
def test_titles_of_office(title, country):
    found = Gazetteer.default().title(title)
    assert found is not None and found.country == country


@pytest.mark.parametrize("surface, name", [("Washington", "Washington"), ("Kiev", "Kyiv"), ("Bombay", "Mumbai"),
                                           ("New York", "New York City")])
def test_capitals_and_english_forms_of_big_cities(surface, name):
    entry = Gazetteer.default().lookup(surface)
    assert entry.subtype == "City" and entry.name == name
    if surface == "Washington":
        assert entry.country == "US" and "https://sws.geonames.org/4140963/" in entry.same_as  # the capital


def test_every_participant_class_is_declared():
    from kg.graph.vocab import PARTICIPANT
    from kg.resources.gazetteer import read_table

    declared = Graph().parse(ROOT / "ontology" / "participants.ttl")
    for row in read_table("participants.tsv"):
        assert (PARTICIPANT[row["class"]], RDFS.subClassOf, KG.Participant) in declared, row["class"]

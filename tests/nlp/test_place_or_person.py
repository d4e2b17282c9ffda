"""A town's name the model took for a person, and a place named with its kind in lower case, on
hand-built Docs (words, parts of speech and the model's entities set by hand). The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import EntityRules

from .test_entity_rules_docs import _doc


@pytest.fixture(scope="module")
def rules(nlp):
    return EntityRules(nlp)


def _ents(nlp, rules, tagged, model):
    return [(e.text, e.label_, e.kb_id_) for e in rules(_doc(nlp, tagged, model)).ents]


@pytest.mark.parametrize("tagged, town", [
    # after a preposition of place a town is the town, though the model said person
    ("Families/NOUN fled/VERB towards/ADP Goma/PROPN ./PUNCT", "Goma"),
    ("In/ADP Kitwe/PROPN ,/PUNCT police/NOUN fired/VERB tear/NOUN gas/NOUN ./PUNCT", "Kitwe"),
    ("Troops/NOUN patrolled/VERB around/ADP Mosul/PROPN ./PUNCT", "Mosul"),
])
def test_town_after_a_preposition_of_place(nlp, rules, tagged, town):
    found = {(text, label) for text, label, _ in _ents(nlp, rules, tagged, {town: "PERSON"})}
    assert (town, "PLACE") in found
    assert (town, "PERSON") not in found


@pytest.mark.parametrize("tagged, person", [
    # a person whose surname is also a town stays a person where no preposition of place says town
    ("She/PRON wrote/VERB to/ADP Jackson/PROPN ./PUNCT", "Jackson"),
    ("The/DET letter/NOUN came/VERB from/ADP Lincoln/PROPN ./PUNCT", "Lincoln"),
    ("Kitwe/PROPN said/VERB nothing/PRON ./PUNCT", "Kitwe"),
])
def test_person_whose_name_is_a_town(nlp, rules, tagged, person):
    found = {(text, label) for text, label, _ in _ents(nlp, rules, tagged, {person: "PERSON"})}
    assert (person, "PERSON") in found


@pytest.mark.parametrize("tagged, model, place", [
    ("Rescuers/NOUN flew/VERB to/ADP Elazig/PROPN province/NOUN ./PUNCT", {"Elazig province": "GPE"}, "Elazig"),
    ("Floods/NOUN hit/VERB Tana/PROPN River/PROPN county/NOUN ./PUNCT", {"Tana River county": "GPE"}, "Tana River"),
    ("Clashes/NOUN spread/VERB across/ADP Nangarhar/PROPN region/NOUN ./PUNCT", {"Nangarhar region": "LOC"},
     "Nangarhar"),
])
def test_place_named_with_its_kind_in_lower_case(nlp, rules, tagged, model, place):
    found = {(text, label) for text, label, _ in _ents(nlp, rules, tagged, model)}
    assert (place, "PLACE") in found


def test_a_name_of_lower_case_words_is_not_a_place(nlp, rules):
    found = _ents(nlp, rules, "Crowds/NOUN filled/VERB the/DET old/ADJ town/NOUN ./PUNCT", {"old town": "LOC"})
    assert not [e for e in found if e[1] == "PLACE"]


@pytest.mark.parametrize("text, place", [
    # a name the model took for a person, before a division of a country in lower case, names the division
    ("Russia withdrew its troops from the Kherson region.", "Kherson"),
    ("Fighting spread to the Bakool region.", "Bakool"),
])
def test_a_name_before_a_division_is_a_place(nlp, text, place):
    assert (place, "PLACE") in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, person", [
    # before a noun that is no division of a country, a person stays a person
    ("The Biden administration imposed new sanctions.", "Biden"),
    ("The Johnson government fell in July.", "Johnson"),
])
def test_a_name_before_another_noun_stays_a_person(nlp, text, person):
    assert (person, "PERSON") in {(e.text, e.label_) for e in nlp(text).ents}

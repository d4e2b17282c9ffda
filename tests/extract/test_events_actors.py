"""People linked to their country where the text says so (issue 13, cause 8), on the real model."""

from __future__ import annotations

import pytest

from .coding import coded, has


@pytest.mark.parametrize("text, person, title, country", [
    ("President of Russia Vladimir Putin met Erdogan in Sochi.", "Vladimir Putin", "President", "Russia"),
    ("Russian President Vladimir Putin met Erdogan in Sochi.", "Vladimir Putin", "President", "Russia"),
    ("Chilean President Gabriel Boric opened the trade fair.", "Gabriel Boric", "President", "Chile"),
    ("Gabriel Boric, Chile's president, signed the decree.", "Gabriel Boric", "President", "Chile"),
])
def test_people_hold_posts_in_their_country(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles


@pytest.mark.parametrize("text, person, title, country", [
    ("King Mswati of Eswatini opened the trade fair in Manzini.", "Mswati", "King", "Eswatini"),
    ("President Ruto of Kenya signed the trade pact with Ethiopia.", "Ruto", "President", "Kenya"),
])
def test_title_name_of_country(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles


@pytest.mark.parametrize("text, person, title, country", [
    ("The prime minister of Thailand, Srettha Thavisin, visited Laos.", "Srettha Thavisin", "Prime Minister",
     "Thailand"),
    ("The foreign minister of Peru, Javier Gonzalez-Olaechea, met his Bolivian counterpart.",
     "Javier Gonzalez-Olaechea", "Foreign Minister", "Peru"),
])
def test_title_of_country_then_name(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles


@pytest.mark.parametrize("text, root, source, target", [
    # who speaks or negotiates for a body acts for it
    ("A spokesman for the Chinese foreign ministry criticised Japan on Monday.", "11", "China", "Japan"),
    ("A spokeswoman for Amnesty International condemned the executions in Iran.", "11", "Amnesty International",
     None),
    ("An envoy for the African Union met rebel leaders in Darfur.", "04", "African Union", None),
    # a counterpart with a demonym holds that country's office
    ("Officials of the Nigerian defence ministry met their Chadian counterparts in Abuja.", "04", "Nigeria", "Chad"),
    ("Bolivia's trade minister met her Paraguayan counterpart in Asuncion.", "04", "Bolivia", "Paraguay"),
])
def test_actors_for_whom_one_speaks_or_whose_counterpart(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


def test_a_counterpart_by_demonym_alone(facts_of):
    found = coded(facts_of, "The Kenyan defence minister met his Ugandan counterpart in Kampala.")
    assert any(code.startswith("04") and tgt == "Uganda" for code, _, tgt in found), found


@pytest.mark.parametrize("text", [
    "Macron met his counterpart on Monday.",
    "A spokesman for the family praised the verdict.",
])
def test_no_actor_without_a_named_body(facts_of, text):
    found = coded(facts_of, text)
    assert all(tgt is None and src is None for _, src, tgt in found), found


@pytest.mark.parametrize("text, root, source, target", [
    # a title of office with its country's possessive or demonym acts for that country
    ("Germany's chancellor apologised to Namibia for colonial-era killings.", "05", "Germany", "Namibia"),
    ("Qatar's emir criticised Egypt over the detentions.", "11", "Qatar", "Egypt"),
    ("Jordan's king praised Iraq for the border agreement.", "05", "Jordan", "Iraq"),
    # people named by what they are, with their country's demonym
    ("Somali pirates abducted a Greek captain off the coast of Kenya.", "18", "Somalia", None),
    ("Yemeni smugglers attacked a Saudi border post.", "1", "Yemen", None),
])
def test_offices_and_people_nouns_act_for_their_country(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


@pytest.mark.parametrize("text, root, source", [
    # the nearest name of a group noun is its actor: the group, before the country that has it
    ("Colombia's ELN guerrillas released six hostages to the Red Cross.", "084", "National Liberation Army"),
    ("Lebanon's Hezbollah fighters fired rockets at Israel.", "19", "Hezbollah"),
])
def test_the_nearest_name_of_a_group_acts(facts_of, text, root, source):
    found = coded(facts_of, text)
    assert any(code.startswith(root) and src and src.startswith(source) for code, src, _ in found), found


@pytest.mark.parametrize("text, a, b", [
    # relations restored or established between two parties: each with the other
    ("Ethiopia and Eritrea restored diplomatic relations after two decades.", "Ethiopia", "Eritrea"),
    ("Bahrain and Qatar established diplomatic relations in 2023.", "Bahrain", "Qatar"),
])
def test_relations_between_two_parties(facts_of, text, a, b):
    found = coded(facts_of, text)
    assert has(found, "054", a, b) and has(found, "054", b, a), found


@pytest.mark.parametrize("text, source", [
    # the police of a town, capital or not, are its country's
    ("Police in Dhaka arrested 40 opposition activists after the clashes.", "Bangladesh"),
    ("Police in Lyon arrested six protesters on Saturday.", "France"),
])
def test_police_of_a_town_act_for_its_country(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "17", source), found


@pytest.mark.parametrize("text, source", [
    # the people who live and work in a town, capital or not, are its country's
    ("Nurses in Lagos held a protest outside the health ministry.", "Nigeria"),
    ("Teachers in Nairobi marched against the pay freeze.", "Kenya"),
    ("Farmers in Lyon protested against the new tax.", "France"),
    ("Miners in Antofagasta protested over the pay cuts.", "Chile"),
])
def test_the_people_of_a_town_act_for_its_country(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "14", source), found


def test_officials_in_a_town_may_be_anyone_s(facts_of):
    found = coded(facts_of, "UN officials in Addis Ababa protested against the decision.")
    assert not has(found, "14", "Ethiopia"), found


@pytest.mark.parametrize("text, source, target", [
    # people nobody says whose, protesting in a town, are its country's, unless that country is what they
    # protest against
    ("Hundreds of students demonstrated outside the Chinese embassy in Seoul over the new visa rules.",
     "South Korea", "Chinese Embassy"),
    ("Dockworkers went on strike in Rotterdam over pay.", "Netherlands", None),
    ("Nurses protested outside the British embassy in Nairobi on Friday.", "Kenya", "British Embassy"),
    ("Hundreds of teachers rallied outside the French embassy in Dakar.", "Senegal", "French Embassy"),
])
def test_people_protesting_in_a_town_are_its_country_s(facts_of, text, source, target):
    found = coded(facts_of, text)
    assert has(found, "14", source, target), found


def test_people_protesting_against_the_country_of_the_town_stay_unnamed(facts_of):
    found = coded(facts_of, "Thousands of farmers protested against the Indian government in New Delhi.")
    assert has(found, "14", None, "India") and not has(found, "14", "India"), found


@pytest.mark.parametrize("text, source, parties", [
    # an act done "between" two parties is done to each of them
    ("Egypt mediated between Israel and Hamas.", "Egypt", ("Israel", "Hamas")),
    ("The African Union mediated between Ethiopia and Eritrea.", "African Union", ("Ethiopia", "Eritrea")),
    ("Turkey brokered a deal between Russia and Ukraine on grain exports.", "Turkey", ("Russia", "Ukraine")),
])
def test_an_act_between_two_parties_is_done_to_each(facts_of, text, source, parties):
    found = coded(facts_of, text)
    assert all(has(found, "04", source, party) for party in parties), found

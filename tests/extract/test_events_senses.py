"""Codes and senses of issue 13, each as a table of made-up sentences from other kinds of stories
(trade, courts, elections, labour, aid), run on the real model: what an order, an agreement noun, a shared
piece of information, a generic act noun or a labour strike is coded as."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded(facts_of, text: str):
    facts = facts_of(text, date="2021-03-10")

    def label(ref):
        return None if ref is None else facts.entities[ref.index].name

    return [(e.code, label(e.source), label(e.target)) for e in facts.events]


def has(found, root: str, source: str | None, target: str | None = None) -> bool:
    return any(code.startswith(root) and (src or "").lower() == (source or "").lower() and
               (target is None or tgt == target) for code, src, tgt in found)


# an order to someone is a demand of them; what is ordered did not happen
@pytest.mark.parametrize("text, source, target, not_root", [
    ("A Peruvian judge ordered Keiko Fujimori to surrender her passport.", "Peru", "Keiko Fujimori", None),
    ("The Brazilian electoral court ordered Jair Bolsonaro to appear on Monday.", "Brazil", "Jair Bolsonaro", None),
    ("Amnesty International demanded Egypt to free the detained bloggers.", "Amnesty International", "Egypt", "08"),
])
def test_an_order_is_a_demand(facts_of, text, source, target, not_root):
    found = coded(facts_of, text)
    assert has(found, "10", source, target), found
    assert not_root is None or not any(code.startswith(not_root) for code, *_ in found), found


# a noun that commits to, threatens or refuses the act of its to-clause is the event, made by its owner or
# by the subject of the verb it is the object of
@pytest.mark.parametrize("text, root, source, not_root", [
    ("Chile and Peru reached an agreement to exchange customs data.", "03", "Chile", "06"),
    ("Ghana's threat to expel Nigerian traders angered Lagos.", "13", "Ghana", "17"),
    ("Kenya announced its decision to lift the ban on Ugandan sugar.", "03", "Kenya", "08"),
])
def test_the_noun_of_an_outer_act(facts_of, text, root, source, not_root):
    found = coded(facts_of, text)
    assert has(found, root, source), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# "vowed to", "sworn to": the parser's clause of purpose is the vow's complement all the same
@pytest.mark.parametrize("text, source", [
    ("Boko Haram has sworn to fight until the elections are cancelled.", "Boko Haram"),
    ("Al-Shabaab has sworn to attack until the Kenyan troops leave.", "Al-Shabaab"),
])
def test_a_vow_of_violence_is_a_threat(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "13", source), found
    assert not any(code[:2] in ("18", "19") for code, *_ in found), found


# information, evidence, data or expertise handed to another is shared intelligence (064), not aid
@pytest.mark.parametrize("text, source, target", [
    ("Colombia shared evidence with Ecuador about the smuggling ring.", "Colombia", "Ecuador"),
    ("Norway provided satellite images and other data to Sweden.", "Norway", "Sweden"),
])
def test_shared_information(facts_of, text, source, target):
    assert has(coded(facts_of, text), "064", source, target), coded(facts_of, text)


# food or medicine handed over is aid, not an extradition
def test_handed_over_aid(facts_of):
    found = coded(facts_of, "Japan handed over 300 tonnes of medicine to Bangladesh.")
    assert has(found, "07", "Japan", "Bangladesh"), found
    assert not any(code.startswith("063") for code, *_ in found), found


# an effort, bid or mission is the act its modifier names
@pytest.mark.parametrize("text, code, source", [
    ("Qatar halted its mediation efforts on Tuesday.", "165", "Qatar"),
    ("Norway suspended its mediation bid in Colombia.", "165", "Norway"),
])
def test_generic_act_nouns(facts_of, text, code, source):
    assert has(coded(facts_of, text), code, source), coded(facts_of, text)


# a strike by workers, over pay, or "on strike" is a stoppage of work (143), never an attack
@pytest.mark.parametrize("text", [
    "Nurses in Nairobi began an open-ended strike over pay on Monday.",
    "Dock workers in Antwerp joined a 24-hour strike on Friday.",
    "Bus drivers in Lagos have been on strike since March.",
])
def test_a_labour_strike_is_no_attack(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code[:2] in ("18", "19", "20") for code, *_ in found), found


# a strike that hits workers, doctors or students is still an attack
@pytest.mark.parametrize("text", [
    "Turkish jets carried out a strike on a PKK camp in northern Iraq.",
    "Students were killed in an Israeli strike on the school in Gaza.",
    "Doctors were wounded by a Russian strike on the hospital in Kharkiv.",
])
def test_an_air_strike_is_still_an_attack(facts_of, text):
    found = coded(facts_of, text)
    assert any(code.startswith("19") for code, *_ in found), found
    assert not any(code.startswith("14") for code, *_ in found), found


# a protest by a crowd nobody names, told in a clause of its own with its place, is a fact
@pytest.mark.parametrize("text", [
    "Prisoners rioted at a jail in Kandahar.",
    "Farmers demonstrated outside the parliament in Warsaw.",
])
def test_an_unnamed_crowd_protests(facts_of, text):
    found = coded(facts_of, text)
    assert any(code.startswith("14") for code, *_ in found), found


# "S said X must do Y": a demand of X coded by Y; Y, and what it waits for, did not happen
@pytest.mark.parametrize("text, code, source, target, not_root", [
    ("Brazil's foreign minister said Argentina must lift the tariffs on Brazilian cars.", "1054", "Brazil",
     "Argentina", "08"),
    ("The Kenyan opposition declared that Uganda must release the detained activists before talks begin.", "1053",
     "Kenya", "Uganda", "08"),
    ("Mexico's teachers announced that Enrique Pena Nieto should agree to a pay rise before the strike ends.", "10",
     None, "Enrique Pena Nieto", "03"),
])
def test_a_must_clause_is_a_demand(facts_of, text, code, source, target, not_root):
    found = coded(facts_of, text)
    assert any(c.startswith(code) and t == target and (source is None or s == source) for c, s, t in found), found
    assert not any(c.startswith(not_root) for c, *_ in found), found


# "reiterated its demand that X ...": the parser hangs the clause on the verb; it is still the demand's
@pytest.mark.parametrize("text, source, target", [
    ("The European Union repeated its demand that Turkey release the journalists.", "European Union", "Turkey"),
    ("Human Rights Watch renewed its demand that Egypt free the bloggers.", "Human Rights Watch", "Egypt"),
])
def test_a_demand_noun_with_its_clause(facts_of, text, source, target):
    found = coded(facts_of, text)
    assert has(found, "10", source, target), found
    assert not any(code.startswith("08") for code, *_ in found), found


# "X will do Y, officials said": an act announced for the future is an intent, however the saying is parsed
@pytest.mark.parametrize("text, root, source, not_root", [
    ("Japan will send 40,000 tonnes of rice to North Korea, the foreign ministry said on Monday.", "03", "Japan",
     "07"),
    ("Vietnam will reopen its border with Laos next week, the trade ministry said.", "03", "Vietnam", "08"),
])
def test_an_announced_future_is_an_intent(facts_of, text, root, source, not_root):
    found = coded(facts_of, text)
    assert has(found, root, source), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# a warning of what the warner's own side will do is a threat; of what another may do, no threat by them
@pytest.mark.parametrize("text, source", [
    ("The Venezuelan government warned that it will expel the Colombian diplomats.", "Venezuela"),
    ("Zimbabwe's police chief warned that officers will break up any rally by the opposition.", "Zimbabwe"),
])
def test_a_warning_of_ones_own_act_is_a_threat(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "13", source), found
    assert not any(code[:2] in ("14", "16", "17") for code, *_ in found), found


def test_a_warning_of_anothers_act_is_no_threat_of_it(facts_of):
    found = coded(facts_of, "Chile's president warned that Bolivia could cut gas exports.")
    assert not any(code.startswith("13") and target is None and source == "Chile" and code != "130"
                   for code, source, target in found), found


# a welcome given to a visitor is hosting a visit; a hearing or inquest into something is an investigation
@pytest.mark.parametrize("text, root, source", [
    ("King Felipe gave a warm welcome to Argentine President Alberto Fernandez on Monday.", "043", "Felipe"),
    ("Queen Margrethe gave a formal welcome to Emmanuel Macron in Copenhagen.", "043", "Margrethe"),
    ("The Kenyan parliament opened a hearing into the sale of the national airline.", "09", "Kenya"),
    ("The Australian senate launched an inquiry into the collapse of the bank.", "09", "Australia"),
])
def test_welcome_and_hearing(facts_of, text, root, source):
    found = coded(facts_of, text)
    assert any(code.startswith(root) and source in (src or "") for code, src, _ in found), found


# "protested that ...": a protest in words is a criticism, not a demonstration
@pytest.mark.parametrize("text, source", [
    ("Greenpeace protested that the Norwegian ministry had ignored the court ruling.", "Greenpeace"),
    ("Amnesty International protested that the Saudi court had denied the activists a lawyer.",
     "Amnesty International"),
])
def test_a_protest_in_words_is_criticism(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "11", source), found
    assert not any(code.startswith("14") for code, *_ in found), found


# assaults, executions and recruitment the codebook names, by any actor
@pytest.mark.parametrize("text, root, source", [
    ("Syrian agents poisoned the defector Omar Haddad in Istanbul.", "18", "Syria"),
    ("Belarusian agents poisoned the journalist Pavel Sheremet.", "18", "Belarus"),
    ("Saudi Arabia hanged three prisoners on Tuesday.", "18", "Saudi Arabia"),
    ("Myanmar recruited thousands of soldiers in Rakhine.", "15", "Myanmar"),
])
def test_codebook_acts(facts_of, text, root, source):
    assert has(coded(facts_of, text), root, source), coded(facts_of, text)


# a force posture, training or arms sale by a named actor is a fact without a place or a target;
# "reinforce this point" is no posture
@pytest.mark.parametrize("text, root, source", [
    ("Russia mobilized 300,000 reservists.", "15", "Russia"),
    ("Serbia mobilized its army on Tuesday.", "15", "Serbia"),
    ("Germany trained Ukrainian pilots.", "06", "Germany"),
    ("France sold fighter jets to India.", "07", "France"),
    ("Ghana broke its promise to Togo.", "12", "Ghana"),
    ("Zambia reneged on its commitment to hold a referendum.", "12", "Zambia"),
])
def test_codebook_patterns(facts_of, text, root, source):
    assert has(coded(facts_of, text), root, source), coded(facts_of, text)


def test_reinforcing_a_point_is_no_posture(facts_of):
    found = coded(facts_of, "The Kenyan minister wanted to reinforce this point in parliament.")
    assert not any(code.startswith("15") for code, *_ in found), found


# "charge": legal action against a person, an accusation against a country or when said of a clause
@pytest.mark.parametrize("text, code, source, target", [
    ("Kenya charged Uganda with arming the rebels.", "112", "Kenya", "Uganda"),
    ("Colombia charged Venezuela with sheltering the guerrillas.", "112", "Colombia", "Venezuela"),
])
def test_charging_a_country_is_an_accusation(facts_of, text, code, source, target):
    found = coded(facts_of, text)
    assert has(found, code, source, target), found
    assert not any(c.startswith("17") or c.startswith("07") for c, *_ in found), found


def test_charging_a_person_is_legal_action(facts_of):
    found = coded(facts_of, "Brazilian prosecutors charged Eduardo Cunha with bribery.")
    assert any(code.startswith("173") for code, *_ in found), found


# the dead a relative clause counts of a place or an event are no act of their own
@pytest.mark.parametrize("text", [
    "Serbia lifted the night curfew in Kosovo, where 28 people have been killed in riots this year.",
    "Chad closed the border with Sudan, where 40 refugees were killed last month.",
])
def test_the_dead_of_a_place_named(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code[:2] == "18" and source is None for code, source, _ in found), found


# "go on strike" is a strike; going on display, on trial or on tour is not
@pytest.mark.parametrize("text, struck", [
    ("The Nigerian teachers went on strike in Lagos.", True),
    ("Chilean dock workers went on strike in Valparaiso on Monday.", True),
    ("The space shuttle Atlantis will go on display at the museum in Florida.", False),
    ("The former Peruvian president went on trial in Lima on Monday.", False),
])
def test_going_on_strike(facts_of, text, struck):
    found = coded(facts_of, text)
    assert any(code.startswith("14") for code, *_ in found) is struck, found

"""Codes and senses of issue 13, each as a table of made-up sentences from other kinds of stories
(trade, courts, elections, labour, aid), run on the real model: what an order, an agreement noun, a shared
piece of information, a generic act noun or a labour strike is coded as."""

from __future__ import annotations

import pytest

from .coding import coded

pytestmark = pytest.mark.slow


def has(found, root: str, source: str | None, target: str | None = None) -> bool:
    return any(code.startswith(root) and (src or "").lower() == (source or "").lower() and
               (target is None or tgt == target) for code, src, tgt in found)


# an order to someone is a demand of them; what is ordered did not happen
@pytest.mark.parametrize("text, source, target, not_root", [
    ("The Ecuadorian constitutional court ordered Guillermo Lasso to dissolve the national assembly.", "Ecuador",
     "Guillermo Lasso", None),
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
    ("Uruguay and Argentina signed a pact to lift the ban on river ferries.", "05", "Uruguay", "08"),
    ("Ghana's threat to expel Nigerian traders angered Lagos.", "13", "Ghana", "17"),
    ("Kenya announced its decision to lift the ban on Ugandan sugar.", "03", "Kenya", "08"),
])
def test_the_noun_of_an_outer_act(facts_of, text, root, source, not_root):
    found = coded(facts_of, text)
    assert has(found, root, source), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# "vowed to", "sworn to": the parser's clause of purpose is the vow's complement all the same
@pytest.mark.parametrize("text, source", [
    ("The Taliban have sworn to attack foreign troops in Helmand.", "Taliban"),
    ("The Houthi militia has sworn to attack ships in the Red Sea.", "Houthi"),
])
def test_a_vow_of_violence_is_a_threat(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "13", source), found
    assert not any(code[:2] in ("18", "19") for code, *_ in found), found


# information, evidence, data or expertise handed to another is shared intelligence (064), not aid
@pytest.mark.parametrize("text, source, target", [
    ("Jordan passed information on the militants to Egypt.", "Jordan", "Egypt"),
    ("Cuba shared its medical expertise with Angola.", "Cuba", "Angola"),
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
    ("Turkey suspended its mediation initiative between Russia and Ukraine.", "165", "Turkey"),
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
    "Football fans rioted outside the stadium in Cairo.",
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
    ("Emperor Naruhito gave a formal welcome to Joe Biden in Tokyo.", "043", "Naruhito"),
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
    "The Red Cross reopened its clinic in Goma, where 30 civilians were killed in March.",
    "Chad closed the border with Sudan, where 40 refugees were killed last month.",
])
def test_the_dead_of_a_place_named(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code[:2] == "18" and source is None for code, source, _ in found), found


# "go on strike" is a strike; going on display, on trial or on tour is not
@pytest.mark.parametrize("text, struck", [
    ("The Nigerian teachers went on strike in Lagos.", True),
    ("Chilean dock workers went on strike in Valparaiso on Monday.", True),
    ("The British band will go on tour in Brazil next year.", False),
    ("The stolen painting went on sale in Paris on Monday.", False),
    ("The former Peruvian president went on trial in Lima on Monday.", False),
])
def test_going_on_strike(facts_of, text, struck):
    found = coded(facts_of, text)
    assert any(code.startswith("14") for code, *_ in found) is struck, found


# information is shared when someone receives it; images, details or data made public are shared with nobody
@pytest.mark.parametrize("text", [
    "The Kenyan finance minister gave details of the budget plan to parliament.",
    "The Brazilian police released data on the suspects to the press.",
    "Police in Leeds released images of the suspect on Friday.",
    "The British inspector gave evidence in court on Tuesday.",
    "The Dutch firm provided technical expertise for the new bridge.",
])
def test_information_made_public_is_not_shared(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code.startswith("064") for code, *_ in found), found


def test_intelligence_passed_to_a_government_is_shared(facts_of):
    found = coded(facts_of, "Canada shared intelligence with Britain about the smuggling network.")
    assert has(found, "064", "Canada", "United Kingdom"), found


# pilots, journalists or doctors near a strike do not make it a stoppage; how long it lasted neither, when it
# hits something; strikers who begin, stage or join one do
@pytest.mark.parametrize("text", [
    "Israeli pilots carried out a strike on a weapons depot in Syria on Tuesday.",
    "Russia's two-day strike on Kharkiv killed 40 civilians on Monday.",
    "Last week's strike on the convoy killed 12 soldiers.",
])
def test_a_strike_near_labour_words_is_no_stoppage(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code.startswith("14") for code, *_ in found), found


@pytest.mark.parametrize("text", [
    "Miners in Potosi staged a strike on Tuesday.",
    "Rail workers held a 24-hour strike in Berlin on Tuesday.",
])
def test_strikers_who_stage_a_strike(facts_of, text):
    found = coded(facts_of, text)
    assert any(code.startswith("143") for code, *_ in found), found


# a club or voters wanting a person to act appeal to nobody; a government wanting another to act does
@pytest.mark.parametrize("text", [
    "Juventus want Dybala to stay in Turin.",
    "Voters in Ohio want Sherrod Brown to run again.",
])
def test_wanting_a_person_to_stay_is_no_appeal(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code.startswith("02") for code, *_ in found), found


def test_a_government_wanting_another_to_act_appeals(facts_of):
    found = coded(facts_of, "The United States wants Iran to halt uranium enrichment.")
    assert has(found, "02", "United States", "Iran"), found


# a welcome given to a plan hosts nobody; one given to a visitor does
def test_a_welcome_for_a_plan_is_no_visit(facts_of):
    found = coded(facts_of, "Greece gave the Turkish proposal a cautious welcome in Athens.")
    assert not any(code.startswith("04") for code, *_ in found), found
    found = coded(facts_of, "Queen Margrethe gave a formal welcome to Emmanuel Macron in Copenhagen.")
    assert any(code.startswith("043") and "Margrethe" in (src or "") for code, src, _ in found), found


# what poisons relations or a debate assaults nobody; poisoning a person does
@pytest.mark.parametrize("text", [
    "Hungary poisoned the debate on migration in Brussels.",
    "The Indian government poisoned the atmosphere before the talks with Pakistan.",
])
def test_poisoning_a_debate_is_no_assault(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code.startswith("18") for code, *_ in found), found


def test_poisoning_a_person_is_an_assault(facts_of):
    found = coded(facts_of, "Iranian agents poisoned the dissident Reza Tabrizi in Ankara.")
    assert has(found, "182", "Iran", "Reza Tabrizi"), found


# commanding a unit leads it; commanding someone to act demands it of them
def test_commanding_a_unit_is_no_demand(facts_of):
    found = coded(facts_of, "General Haftar commanded the 106th Brigade in Benghazi.")
    assert not any(code.startswith("10") for code, *_ in found), found
    found = coded(facts_of, "The Egyptian president commanded Sudan to withdraw its troops from the border.")
    assert any(code.startswith("10") and tgt == "Sudan" for code, _, tgt in found), found


# a company charged by a government is accused, as a country is; a person charged faces legal action
def test_charging_a_company_is_an_accusation(facts_of):
    found = coded(facts_of, "Nigeria charged Shell with polluting the Niger Delta.")
    assert has(found, "112", "Nigeria", "Shell"), found
    assert not any(code.startswith("17") for code, *_ in found), found


def test_prosecutors_charging_a_company_take_legal_action(facts_of):
    found = coded(facts_of, "Brazilian prosecutors charged Petrobras with fraud.")
    assert any(code.startswith("173") and tgt == "Petrobras" for code, _, tgt in found), found


# a relative clause that names who killed is an act of its own
def test_a_named_killer_in_a_relative_clause(facts_of):
    found = coded(facts_of, "Shoppers returned to the market in Kabul, where gunmen killed 20 people on Friday.")
    assert any(code.startswith("18") for code, *_ in found), found


# what is fought with nobody fought is no fight; fire opened on someone is
@pytest.mark.parametrize("text, violent", [
    ("Greek firefighters battled wildfires near Athens for a third day.", False),
    ("Portuguese crews fought the blaze outside Lisbon overnight.", False),
    ("The Chilean government vowed to fight corruption in the ports of Valparaiso.", False),
    ("Indian police opened fire on protesters in Srinagar on Friday.", True),
    ("Nigerian troops fought Boko Haram militants near Maiduguri.", True),
])
def test_fighting_a_fire_or_a_problem_is_no_fight(facts_of, text, violent):
    found = coded(facts_of, text)
    assert any(code[:2] in ("18", "19", "20") for code, _, _ in found) is violent, found


@pytest.mark.parametrize("text", [
    "Chile's Constitutional Court struck down the law on Tuesday.",
    "A federal judge in Texas struck down the ban.",
])
def test_a_text_struck_down_is_not_attacked(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code[:2] in ("18", "19", "20") for code, _, _ in found), found

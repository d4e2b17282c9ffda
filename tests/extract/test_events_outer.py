"""The causes of issue 13, each as a table of sentences from other kinds of stories (trade, courts,
elections, protests, disasters), run on the real model; and the codebook correspondences."""

from __future__ import annotations

import pytest

from kg.extract.outer import Outer, compose

from .coding import coded, has


# the outer act is the event: a threat, an intent or a refusal, never the act it is about
@pytest.mark.parametrize("text, root, source, target, not_root", [
    ("Indonesia threatened to ban palm oil exports to the European Union.", "13", "Indonesia", None, "17"),
    ("Nigeria plans to impose a curfew in Lagos.", "13", "Nigeria", None, "17"),
    ("Argentina is willing to lift tariffs on Brazilian beef.", "03", "Argentina", "Brazil", "08"),
    ("Canada refused to release the Chinese fishermen.", "12", "Canada", "China", "08"),
    ("Mexico will not extradite the former governor to the United States, the foreign ministry said.", "12",
     "Mexico", "United States", "06"),
])
def test_the_outer_act_is_coded(facts_of, text, root, source, target, not_root):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# actors from noun phrases: any person or group noun with a demonym, country or organisation
@pytest.mark.parametrize("text, root, sources", [
    ("Kenyan judges jailed the opposition leader.", "17", ["Kenya"]),
    ("Thousands of Chilean students marched in Santiago on Thursday.", "14", ["Chile"]),
    ("Malian rebels attacked an army convoy near Gao.", "19", ["Mali"]),
    ("Danish and Swedish activists protested outside the parliament.", "14", ["Denmark", "Sweden"]),
    ("A member of the Kenyan parliament began a hunger strike.", "14", ["Kenya"]),
])
def test_group_actors(facts_of, text, root, sources):
    found = coded(facts_of, text)
    for source in sources:
        assert has(found, root, source), found


# the target is whose the thing acted on is, or who made the request, offer or plan
@pytest.mark.parametrize("text, root, source, target", [
    ("Brazil rejected a trade offer from Argentina.", "12", "Brazil", "Argentina"),
    ("Japan welcomed Vietnam's decision to hold elections.", "05", "Japan", "Vietnam"),
])
def test_targets_from_owners(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


# joint events: every party is a source with another as target (fighting only when "between" says so:
# "Russia and Syria bombed Aleppo" is no fight of Russia against Syria)
@pytest.mark.parametrize("text, root, parties", [
    ("Chile and Peru signed a fisheries agreement on Monday.", "05", ("Chile", "Peru")),
    ("Talks between Ethiopia and Egypt resumed in Cairo.", "04", ("Ethiopia", "Egypt")),
    ("Ghana and Togo agreed to reopen their border.", "03", ("Ghana", "Togo")),
    ("Fighting between Armenians and Azerbaijanis killed 12 soldiers.", "19", ("Armenia", "Azerbaijan")),
])
def test_joint_events(facts_of, text, root, parties):
    found = coded(facts_of, text)
    a, b = parties
    assert has(found, root, a, b) and has(found, root, b, a), found


# parties who do the same thing to someone else are not each other's targets
@pytest.mark.parametrize("text, root, parties", [
    ("Norway and Denmark offered help after the earthquake.", "03", ("Norway", "Denmark")),
    ("France and Germany praised the ceasefire.", "05", ("France", "Germany")),
    ("Qatar and Egypt mediated in the dispute.", "0", ("Qatar", "Egypt")),
])
def test_parties_acting_alike_are_not_each_others_targets(facts_of, text, root, parties):
    found = coded(facts_of, text)
    a, b = parties
    assert not has(found, root, a, b) and not has(found, root, b, a), found


@pytest.mark.parametrize("outer, code, expected", [
    (Outer.THREAT, "163", "1312"),   # threaten with sanctions
    (Outer.THREAT, "1724", "1324"),  # threaten martial law
    (Outer.THREAT, "040", "130"),    # a threat to meet is a threat, no more
    (Outer.INTENT, "036", "03"),     # already an intent
    (Outer.INTENT, "0871", "0356"),  # intent to de-escalate
    (Outer.INTENT, "195", "1384"),   # an intent to attack is a threat
    (Outer.INTENT, "112", None),     # "will accuse" is the accusation itself
    (Outer.REJECT, "036", "120"),
    (Outer.REJECT, "085", "1244"),
    (Outer.REJECT, "190", None),     # refusing to fight is no rejection in the codebook
])
def test_codebook_correspondences(outer, code, expected):
    got = compose(outer, code)
    assert (got == expected) if expected is None or len(expected) > 2 else got.startswith(expected)


# an appeal to do something is the appeal, not the thing
@pytest.mark.parametrize("text, code_prefix, source, target, not_root", [
    ("The United States wants Russia to halt the strikes on Kyiv.", "02", "United States", "Russia", "08"),
    ("Brazil urged Argentina to lift the tariffs.", "02", "Brazil", "Argentina", "08"),
])
def test_an_appeal_is_not_the_act_asked_for(facts_of, text, code_prefix, source, target, not_root):
    found = coded(facts_of, text)
    assert has(found, code_prefix, source, target), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# codebook coverage beyond objects and prepositions, and senses that are no event
@pytest.mark.parametrize("text, root, source, target", [
    ("Ghana held Togo responsible for the border attack.", "11", "Ghana", "Togo"),
    ("Haiti seeks reparations from France.", "10", "Haiti", "France"),
    ("Britain revoked the accreditation of two Russian diplomats.", "16", "United Kingdom", "Russia"),
    ("Putin called Erdogan on Tuesday.", "04", "Putin", "Erdogan"),
    ("Ethiopian drones killed 30 Somali herders in a raid on a well near the border.", "19", "Ethiopia",
     "Somalia"),
])
def test_codebook_coverage(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


@pytest.mark.parametrize("text", [
    "Cholera has killed 200 people in Malawi since March.",
    "Measles killed 40 children in Kinshasa.",
    "The senator died of a cardiac arrest in Lagos on Friday.",
])
def test_no_violence_without_a_human_agent(facts_of, text):
    found = coded(facts_of, text)
    assert not any(code[:2] in ("17", "18", "19", "20") for code, *_ in found), found


@pytest.mark.parametrize("text, root, source", [
    ("Sudan on Monday threatened to shut the oil pipeline that carries South Sudan's crude to Port Sudan.",
     "13", "Sudan"),
    ("The Kenyan government threatened to impose a dusk-to-dawn curfew on Mombasa.", "13", "Kenya"),
    ("Israel reimposed the blockade of Gaza on Friday.", "19", "Israel"),
])
def test_threats_and_light_verbs_of_putting_in_force(facts_of, text, root, source):
    found = coded(facts_of, text)
    assert has(found, root, source), found


def test_a_protest_demands_its_aim_of_its_target(facts_of):
    found = coded(facts_of, "Hundreds of Peruvian miners marched through Lima to demand the release of their "
                            "union leader Pedro Castillo.")
    assert has(found, "14", "Peru", "Pedro Castillo"), found
    assert not any(code.startswith("10") for code, *_ in found), found  # the demand is the march's aim


@pytest.mark.parametrize("text, root, source, target", [
    ("Ecuador lifted a nighttime curfew in Guayaquil on Monday.", "08", "Ecuador", "Guayaquil"),
    ("Egyptian police imposed a curfew in the city of Suez.", "17", "Egypt", "Suez"),
])
def test_territorial_measures_are_imposed_on_their_place(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


@pytest.mark.parametrize("text, root, source, target", [
    ("The World Bank on Monday gave Malawi 12 million dollars of aid for school meals.", "07",
     "World Bank", "Malawi"),
    ("Japan delivered 300 tons of food aid to Haiti on Friday.", "07", "Japan", "Haiti"),
])
def test_a_measure_of_aid_is_aid(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


def test_allies_who_strike_together_are_not_each_others_targets(facts_of):
    found = coded(facts_of, "Russia and Syria bombed Aleppo.")
    assert not any(src == "Russia" and tgt == "Syria" for _, src, tgt in found), found


# what a threat, a vow or a demand waits for ("until", "before", "once") or is conditioned on ("unless",
# "if", its object noun too) is not done either
@pytest.mark.parametrize("text, not_root", [
    ("The Houthi militia vowed to keep attacking ships until Israel halts its offensive in Gaza.", "19"),
    ("Hamas threatened to fire rockets unless Israel ends its occupation of the West Bank.", "19"),
    ("Serbia threatened to close the border unless Kosovo lifts its blockade of the road.", "19"),
])
def test_what_an_outer_act_waits_for(facts_of, text, not_root):
    found = coded(facts_of, text)
    assert any(code.startswith("13") for code, *_ in found), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# what is denied did not happen as far as the text says: the denial is the denier's act, the act is denied
@pytest.mark.parametrize("text, denier, root", [
    ("Turkey denied that its jets bombed Kurdish villages in Iraq.", "Turkey", "19"),
    ("Rwanda dismissed allegations that its troops attacked Goma.", "Rwanda", "19"),
    ("Sudan rejected claims that its army shelled the refugee camp.", "Sudan", "19"),
])
def test_a_denied_act(facts_of, text, denier, root):
    from kg.model import Status

    facts = facts_of(text, date="2021-03-10")
    name = {i: e.name for i, e in enumerate(facts.entities)}
    assert any(e.code.startswith("016") and name.get(e.source.index) == denier
               for e in facts.events if e.source is not None), facts.events
    acts = [e for e in facts.events if e.code.startswith(root)]
    assert acts and all(e.status is Status.DENIED for e in acts), acts


# an appeal to a named actor is coded by what it asks, and is an appeal even when what it asks is no act
# the codebook names
@pytest.mark.parametrize("text, code, source, target", [
    ("Norway urged Myanmar to free the journalists.", "0253", "Norway", "Myanmar"),
    ("Sweden urged Iran to release the aid worker.", "0253", "Sweden", "Iran"),
    ("Peru wants Chile to return the fishing boats.", "02", "Peru", "Chile"),
    ("Ghana wants Nigeria to reopen the land border.", "02", "Ghana", "Nigeria"),
])
def test_an_appeal_is_coded_by_what_it_asks(facts_of, text, code, source, target):
    assert has(coded(facts_of, text), code, source, target), coded(facts_of, text)


def test_wanting_a_thing_is_no_appeal(facts_of):
    assert not any(code.startswith("02") for code, *_ in coded(facts_of, "Canada wants a fair trade deal."))


# what one orders one's own forces to do is one's own act, not a demand of them
@pytest.mark.parametrize("text, root, source", [
    ("Putin ordered Russian troops to withdraw from the Ukrainian border.", "087", "Vladimir Putin"),
    ("Erdogan ordered the army to attack Kurdish positions in Syria.", "19", "Recep Tayyip Erdogan"),
])
def test_an_order_to_ones_forces(facts_of, text, root, source):
    found = coded(facts_of, text)
    assert any(code.startswith(root) and source.split()[-1] in (src or "") for code, src, _ in found), found
    assert not any(code.startswith("10") for code, *_ in found), found


# what a demand or an appeal noun asks, a goal aimed at or sought, and the second of two acts threatened or
# promised is no act done
@pytest.mark.parametrize("text, not_root", [
    ("Japan turned down a call for its warships to be deployed in the Red Sea.", "15"),
    ("Chile rejected Bolivia's demand that its navy leave the disputed waters.", "08"),
    ("Peru turned down a request from Ecuador to extradite the former mayor.", "08"),
    ("Canada backed a motion that aims to launch air strikes on Venezuela.", "19"),
    ("Iran threatened to close the strait and seize foreign tankers.", "17"),
    ("Egypt vowed to block the canal and expel the Israeli envoy.", "16"),
])
def test_an_act_asked_or_aimed_at_is_not_done(facts_of, text, not_root):
    found = coded(facts_of, text)
    assert not any(code.startswith(not_root) for code, *_ in found), found


@pytest.mark.parametrize("text, root, source, target", [
    ("The European Union is seeking to impose sanctions on Belarus.", "13", "European Union", "Belarus"),
    ("Japan aims to sign a trade deal with India by March.", "03", "Japan", "India"),
    ("Iran threatened to close the strait and seize foreign tankers.", "13", "Iran", None),
])
def test_a_goal_sought_is_an_intent(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


# opposing a cooperative act proposed rejects it (12, by the codebook's correspondences); opposing anything
# else is an objection (11)
@pytest.mark.parametrize("text, root, source, target", [
    ("Hungary opposed talks with Ukraine.", "125", "Hungary", "Ukraine"),
    ("Ghana voiced opposition to Nigerian mediation in the border dispute.", "125", "Ghana", "Nigeria"),
    ("Poland opposed the EU aid package for Hungary.", "122", "Poland", "European Union"),
    ("Ghana voiced strong opposition to the new tax.", "110", "Ghana", None),
    ("Kenya opposed the sanctions on Uganda.", "110", "Kenya", "Uganda"),
])
def test_opposition_rejects_a_cooperative_act(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert has(found, root, source, target), found


# what an issued reminder, message or warning says someone must do is a demand of them, not a threat
@pytest.mark.parametrize("text, source, target", [
    ("Brazil issued a reminder to Argentina that it must pay its debts by June.", "Brazil", "Argentina"),
    ("Germany sent a clear message to Poland that it must respect the court ruling.", "Germany", "Poland"),
])
def test_a_must_clause_of_a_message_is_a_demand(facts_of, text, source, target):
    found = coded(facts_of, text)
    assert has(found, "10", source, target), found
    assert not any(code.startswith("13") for code, *_ in found), found


def test_a_warning_without_a_must_clause_stays_a_threat(facts_of):
    found = coded(facts_of, "Iran issued a warning to Israel against any attack on its nuclear sites.")
    assert has(found, "13", "Iran", "Israel"), found


# what an act not done is for, waits for, or an outer act only asked for, is not done either
@pytest.mark.parametrize("text, not_root", [
    ("Chilean miners said they would occupy the mine to demand higher wages.", "10"),
    ("Canada is ready to supply tanks to help defend Poland.", "05"),
    ("Peru urged Chile to refuse to extradite the former president.", "12"),
    ("Kenya demanded that Uganda agree to withdraw its troops.", "03"),
    ("Armenia demanded a ceasefire with Azerbaijan before allowing relief convoys to cross the border.", "08"),
    ("Brazil said that Argentina must be willing to lift the tariffs on Brazilian steel.", "03"),
    ("Myanmar refused to allow Red Cross teams to enter the camps and evacuate the sick.", "07"),
    ("Israel refused to let UN inspectors enter the site and inspect the reactor.", "09"),
    ("Mexico must be ready to negotiate with the United States on tariffs, Canada's prime minister said.", "03"),
])
def test_an_act_for_or_after_an_act_not_done_is_not_done(facts_of, text, not_root):
    found = coded(facts_of, text)
    assert not any(code.startswith(not_root) for code, *_ in found), found


@pytest.mark.parametrize("text, root, source, target", [
    # the purpose of an act done keeps its reading; so does an outer act nobody asked for
    ("The United Nations sent monitors to Bosnia to investigate the killings.", "09", "United Nations", None),
    ("Kenya agreed to withdraw its troops.", "03", "Kenya", None),
    ("Israel let UN inspectors enter the site and inspect the reactor.", "09", "United Nations", None),
    ("Iran has attempted to hack the networks of Israeli water utilities.", "17", "Iran", None),
    ("Bolivia's supreme court decided to allow the exiled leader to return home.", "08", "Bolivia", None),
    ("Tamil rebels have sworn to keep fighting until they win a homeland.", "13", None, None),
    # "must be willing to act" is asked of the one who must
    ("Mexico must be ready to negotiate with the United States on tariffs, Canada's prime minister said.", "10",
     "Canada", "Mexico"),
])
def test_acts_done_and_outer_acts_made(facts_of, text, root, source, target):
    found = coded(facts_of, text)
    assert any(code.startswith(root) and (source is None or src == source) and (target is None or tgt == target)
               for code, src, tgt in found), found


# armed forces preparing or poised to use force show a military posture (152), not a verbal threat; a
# government's or a speaker's readiness stays an intent or a threat
@pytest.mark.parametrize("text, code, source", [
    ("The Sudanese army prepared to launch air strikes on rebel camps in Darfur.", "152", "Sudan"),
    ("Russian troops are poised to attack Kharkiv.", "152", "Russia"),
    ("Iran said it was ready to strike Israeli bases.", "13", "Iran"),
    ("China is poised to sign a trade deal with Vietnam.", "03", "China"),
])
def test_forces_ready_to_fight_show_a_posture(facts_of, text, code, source):
    found = coded(facts_of, text)
    assert has(found, code, source), found


# what talks are about is not done: "negotiations on a troop pullback" is no pullback
@pytest.mark.parametrize("text, kept, not_root", [
    ("Armenia and Azerbaijan resumed talks on an Armenian troop withdrawal from the disputed region.", "04", "08"),
    ("Kosovo and Serbia held negotiations on a Serbian police pullback from the border.", "04", "08"),
])
def test_what_talks_are_about_is_not_done(facts_of, text, kept, not_root):
    found = coded(facts_of, text)
    assert any(code.startswith(kept) for code, *_ in found), found
    assert not any(code.startswith(not_root) for code, *_ in found), found


# "sought to" in the simple past is an attempt made, as "tried to" is: the act stands, no threat of it
@pytest.mark.parametrize("text, source", [
    ("Greek police sought to disperse the crowd with tear gas.", "Greece"),
    ("Kenyan police sought to disperse the marchers with water cannon.", "Kenya"),
])
def test_an_act_sought_in_the_past_is_attempted_not_threatened(facts_of, text, source):
    found = coded(facts_of, text)
    assert has(found, "17", source), found
    assert not any(code.startswith("13") for code, *_ in found), found

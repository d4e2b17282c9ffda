"""A name's type from its own words and the words before it; one organisation under its full name,
its acronym and its short form (issue 14, causes 4 and 10).

The sentences are written for these tests, not taken from the seeds or the GUM evaluation set."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kg.extract.entities import initials, name_key, organisations_named_twice, short_forms
from kg.model import Kind
from kg.resources.entity_types import head_word, kind_by_head

P, ORG, C, L = Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.PLACE


def entities(facts):
    return {(e.kind, e.name) for e in facts.entities if e.title is None}


@pytest.mark.parametrize("name, kind", [
    ("University of Kansas", "ORG"), ("Boise State University", "ORG"),   # head before "of", or last
    ("Kenya Wildlife Service", "ORG"), ("Lebanese Armed Forces", "ORG"),
    ("Dundas Road", "PLACE"), ("Bloor Street", "PLACE"),
    ("Newark Liberty International Airport", "PLACE"), ("Ramstein Air Base", "PLACE"),
    ("Stuart Hall", None), ("Charlotte Church", None),                    # surnames that are head nouns
    ("Boris Johnson", None), ("Kansas", None),
    # a body's head first, as Romance languages write it
    ("Banco Santander", "ORG"), ("Universidad de Chile", "ORG"), ("Comune di Bari", "ORG"),
    ("Marco Banco", None),                                                # a surname after a given name
])
def test_kind_by_head(name, kind):
    assert kind_by_head(name.split()) == kind


@pytest.mark.parametrize("name, kind", [
    # a site's head before "for" names a body by what it does; before "of" or last, the site
    ("Centre for Trade Policy Studies", "ORG"), ("Nordic Center for Flood Research", "ORG"),
    ("Museum of Printing", "SITE"), ("Lagos Science Centre", "SITE"),
])
def test_site_or_body(name, kind):
    assert kind_by_head(name.split()) == kind


@pytest.mark.parametrize("name, kind", [
    ("Dallas Star", "ORG"), ("Ottawa Sun", "ORG"), ("Carnegie Hall", None), ("Leeds Town Hall", "PLACE"),
])
def test_weak_heads_need_a_place_before_them(name, kind):
    assert kind_by_head(name.split(), after_place=name.split()[0] in ("Dallas", "Ottawa", "Leeds")) == kind


def test_head_word():
    assert head_word(["Ministry", "of", "Defence"]) == "ministry"
    assert head_word(["Council", "on", "Foreign", "Relations"]) == "council"


@pytest.mark.parametrize("text, expected", [
    ("Traffic was stopped on Dundas Road after the crash.", (L, "Dundas Road")),
    ("He landed at Newark Liberty International Airport on Monday.", (L, "Newark Liberty International Airport")),
    ("The Ottawa Sun reported the story first.", (ORG, "Ottawa Sun")),
    ("Shells landed in the town of Krynky on Friday.", (L, "Krynky")),
    ("Oregon State University and Ohio State University signed an agreement.", (ORG, "Ohio State University")),
])
def test_type_from_the_words(facts_of, text, expected):
    assert expected in entities(facts_of(text))


@pytest.mark.parametrize("text, expected", [
    ("Banco Santander reported a profit.", (ORG, "Banco Santander")),
    ("Universidad Catolica won the match.", (ORG, "Universidad Catolica")),
    ("Prosecutors at Ministerio Publico charged him on Monday.", (ORG, "Ministerio Publico")),
])
def test_a_body_named_head_first(facts_of, text, expected):
    assert expected in entities(facts_of(text))


@pytest.mark.parametrize("text, one_org, names", [
    ("The Sudanese Armed Forces shelled the city. An SAF statement said it was ready.",
     "Sudanese Armed Forces", {"SAF"}),
    ("The Kenya Wildlife Service counted the herds. KWS rangers said numbers rose.",
     "Kenya Wildlife Service", {"KWS"}),
])
def test_one_organisation_under_its_short_forms(facts_of, text, one_org, names):
    orgs = [e for e in facts_of(text).entities if e.kind is ORG]
    assert [o.name for o in orgs] == [one_org] and names <= set(orgs[0].aliases)


@pytest.mark.parametrize("name, letters", [
    ("Sudanese Armed Forces", "SAF"), ("Royal Air Force", "RAF"),
    ("Council on Foreign Relations", "CFR"), ("Médecins Sans Frontières", "MSF"),
])
def test_initials(name, letters):
    assert initials(name) == letters


def test_possessive_inside_a_name_is_not_part_of_its_key():
    assert name_key("Young People's Party") == name_key("Young People Party")
    assert name_key("Women's Institute") == name_key("Women Institute")


def _ents(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label="ORG") for a, b in ents]
    return doc.ents


@pytest.mark.parametrize("words, ents, expected", [
    # an acronym of one name's initials
    (["the", "Kenya", "Wildlife", "Service", "and", "KWS"], [(1, 4), (5, 6)],
     {"KWS": "organization:kenya-wildlife-service"}),
    # two names with the same initials: the acronym stands for neither
    (["Kenya", "Wildlife", "Service", ",", "Kansas", "Water", "Society", "and", "KWS"], [(0, 3), (4, 7), (8, 9)], {}),
    # the first words of one longer name
    (["Acme", "Steel", "Works", "and", "Acme", "Steel"], [(0, 3), (4, 6)],
     {"Acme Steel": "organization:acme-steel-works"}),
    # ... of two longer names: neither
    (["Acme", "Steel", "Works", ",", "Acme", "Steel", "Mills", ",", "Acme", "Steel"], [(0, 3), (4, 7), (8, 10)], {}),
])
def test_organisations_named_twice(nlp, words, ents, expected):
    assert organisations_named_twice(_ents(nlp, words, ents)) == expected


@pytest.mark.parametrize("text, org, acronym", [
    # item 2: the name before an acronym in brackets is one name, however the model cut it, and the
    # acronym is another name of it, its letters in the name's order or not
    ("The Union of Tenants and Homeowners (UTH) filed a complaint on Monday.",
     "Union of Tenants and Homeowners", "UTH"),
    ("Workers at the National Grain Board of Kenya (NGBK) walked out on Tuesday.",
     "National Grain Board of Kenya", "NGBK"),
    ("The League of Free Writers (LWF) protested in Lagos.", "League of Free Writers", "LWF"),
    ("The Confederation of Free Miners and Steelworkers (CFMS) marched in Bogota.",
     "Confederation of Free Miners and Steelworkers", "CFMS"),
])
def test_the_name_before_an_acronym_in_brackets(facts_of, text, org, acronym):
    orgs = [e for e in facts_of(text).entities if e.kind is ORG]
    assert [o.name for o in orgs] == [org] and acronym in orgs[0].aliases


@pytest.mark.parametrize("text, last", [
    # letters that are not the capitals of the words before: the name before stays as it was
    ("Talks between the Foreign Office and Greenpeace (GP) broke down.", "Greenpeace"),
    ("Lawyers for Dana Whitfield and the Harbour Trust (HTX) appealed.", "Dana Whitfield"),
])
def test_an_acronym_that_does_not_fit_joins_nothing(facts_of, text, last):
    found = {e.name for e in facts_of(text).entities}
    assert last in found and not any(last in n and n != last for n in found)


@pytest.mark.parametrize("text, expected", [
    # cause 12: an institution that is also a site, by the sentence: a place unless it acts
    ("The shuttle will be displayed at the Franklin Aviation Museum in Ohio.", (L, "Franklin Aviation Museum")),
    ("The Franklin Aviation Museum said it would open a new wing.", (ORG, "Franklin Aviation Museum")),
    ("The Halden Maritime Museum was chosen as the new home of the wreck.", (L, "Halden Maritime Museum")),
    ("The trophy goes to the Brandt Sports Museum, the league announced.", (L, "Brandt Sports Museum")),
    ("The Okafor Memorial Hospital hired forty nurses after the floods.", (ORG, "Okafor Memorial Hospital")),
    ("The Okafor Memorial Hospital's director resigned.", (ORG, "Okafor Memorial Hospital")),
    ("The vote was monitored by the Kessler Science Center, officials said.", (ORG, "Kessler Science Center")),
    ("Protesters gathered outside the Kessler Science Center on Monday.", (L, "Kessler Science Center")),
    # an organisation named after its post holder's title: the body
    ("FEMA Administrator Deanne Criswell spoke.", (ORG, "FEMA")),
    # "the plains of X", "the town of X": a place
    ("The plains of Nineveh were crowded.", (L, "Nineveh")),
    # elided coordination: each name whole
    ("Talks between North and South Korea resumed.", (C, "North Korea")),
    ("Talks between North and South Korea resumed.", (C, "South Korea")),
    ("Storms hit North and South Carolina overnight.", (L, "North Carolina")),
    # an adjective of a name: the name, without its prefix
    ("Pro-Moscow separatists and anti-Kremlin activists clashed.", (L, "Moscow")),
])
def test_type_from_the_sentence(facts_of, text, expected):
    assert expected in entities(facts_of(text))


@pytest.mark.parametrize("text, absent", [
    ("The Space Shuttle Independence landed safely.", "Independence"),
    ("She sailed aboard the cruise ship, Oasis, for a month.", "Oasis"),
    ("Sailors on the submarine Kursk died in 2000.", "Kursk"),
    ("Floods hit the town in March 2019.", "March"),   # a month, not the town of March
    ("Pro-Moscow separatists and anti-Kremlin activists clashed.", "Pro-Moscow"),
])
def test_not_an_actor(facts_of, text, absent):
    assert not any(absent in name for _, name in entities(facts_of(text)))


@pytest.mark.parametrize("text, absent", [
    # causes 6 and 11: events, agreements and works are not actors
    ("Runners from Ethiopia dominated the Nairobi City Marathon on Sunday.", "Marathon"),
    ("Tickets for the Lagos Jazz Festival sold out in an hour.", "Festival"),
    ("Exhibitors pulled out of Farm Expo Kenya after the floods.", "Expo"),
    ("Norway won the Nordic Chess Championship for a third year.", "Championship"),
    ("Both sides signed the Tarawa Fisheries Treaty in March.", "Treaty"),
    ("His documentary Dry Season was shown to the jury.", "Dry Season"),
    ("Critics praised his novel, Winter Orchard, when it appeared.", "Winter Orchard"),
])
def test_events_and_works_are_no_actors(facts_of, text, absent):
    assert not any(absent in name for _, name in entities(facts_of(text)))


@pytest.mark.parametrize("text, absent", [
    # faiths, rites, holy days and beliefs are not actors
    ("Shops in Jakarta close early during Ramadan.", "Ramadan"),
    ("Pilgrims crowded the roads before Diwali, police said.", "Diwali"),
    ("The council said Hinduism and Sikhism would be taught in schools.", "Hinduism"),
    ("Converts to Islam faced fines under the new law.", "Islam"),
    ("Campaigners said the ads fed Antisemitism and Xenophobia.", "Xenophobia"),
])
def test_faiths_and_rites_are_no_actors(facts_of, text, absent):
    assert not any(absent in name for _, name in entities(facts_of(text)))


@pytest.mark.parametrize("text, org, alias", [
    ("A spokesman for the Spanish Ministry of Health said the clinic would close.",
     "Spanish Ministry of Health", "Ministry of Health"),
    ("The US Forest Service closed the trail.", "US Forest Service", "Forest Service"),
])
def test_an_organisation_goes_by_its_name_without_its_country(facts_of, text, org, alias):
    found = {e.name: e for e in facts_of(text).entities}
    assert alias in found[org].aliases


def test_the_name_without_its_country_is_the_same_organisation(facts_of):
    facts = facts_of("A spokesman for the Spanish Ministry of Health said the clinic would close. "
                     "The Ministry of Health later reopened it.")
    assert [e.name for e in facts.entities if e.kind is ORG] == ["Spanish Ministry of Health"]


@pytest.mark.parametrize("word, label", [("Buddhist", "PERSON"), ("Marxists", "ORG")])
def test_a_follower_is_not_an_actor(nlp, word, label):
    doc = Doc(nlp.vocab, words=["A", word, "spoke"])
    doc.ents = [Span(doc, 1, 2, label=label)]
    assert not nlp.get_pipe("kg_entities")(doc).ents


def _labelled(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label=label, kb_id=key) for a, b, label, key in ents]
    return doc


@pytest.mark.parametrize("words, ents, expected", [
    # the last words of one longer name, their first word never written in lower case here
    (["the", "Marta", "J.", "Okonkwo-Reyes", "Library", "and", "the", "Okonkwo-Reyes", "Library"],
     [(1, 5, "PLACE", ""), (7, 9, "ORG", "")], {"Okonkwo-Reyes Library": "place:marta-j-okonkwo-reyes-library"}),
    (["Okoro", "Brothers", "Shipping", "Line", "and", "Shipping", "Line", "staff"],
     [(0, 4, "ORG", ""), (5, 7, "ORG", "")], {}),   # "shipping" is written in lower case: a common word
    (["Paula", "Mertz", "Foundation", ",", "Mertz", "Foundation"],
     [(0, 3, "ORG", ""), (4, 6, "ORG", "")], {"Mertz Foundation": "organization:paula-mertz-foundation"}),
    # a dotted abbreviation of the words its capitals begin
    (["South", "San", "Marino", "and", "South", "S.M."], [(0, 3, "PLACE", "place:1"), (4, 6, "PLACE", "")],
     {"South S.M.": "place:1"}),
    (["North", "Santa", "Rosa", "and", "North", "S.R."], [(0, 3, "PLACE", ""), (4, 6, "PLACE", "")],
     {"North S.R.": "place:north-santa-rosa"}),
    # two longer names end with it: it stands for neither
    (["Ada", "Lind", "Center", ",", "Ola", "Lind", "Center", ",", "Lind", "Center"],
     [(0, 3, "ORG", ""), (4, 7, "ORG", ""), (8, 10, "ORG", "")], {}),
])
def test_short_forms(nlp, words, ents, expected):
    doc = _labelled(nlp, words, ents)
    common = {w for w in words if w.islower()} | {"shipping"}
    assert short_forms(doc.ents, common) == expected


@pytest.mark.parametrize("text, full, short", [
    ("Wildfires forced evacuations in West Palm Grove. Schools in West P.G. stayed shut for a week.",
     "West Palm Grove", "West P.G."),
    ("Flood victims sheltered at the Marta J. Lindqvist-Amado Center in Tulsa. Volunteers at the "
     "Lindqvist-Amado Center handed out blankets.", "Marta J. Lindqvist-Amado Center", "Lindqvist-Amado Center"),
])
def test_short_form_is_one_entity(facts_of, text, full, short):
    facts = facts_of(text)
    assert not any(e.name == short for e in facts.entities)
    assert any(e.name == full and short in e.aliases for e in facts.entities)


@pytest.mark.parametrize("text, actor", [
    # an app's name is its maker's: an actor
    ("The app TikTok said it would sue the state over the ban.", "TikTok"),
    ("The messaging app Signal said it would leave the country rather than weaken its encryption.", "Signal"),
])
def test_an_app_is_an_actor(facts_of, text, actor):
    assert (ORG, actor) in entities(facts_of(text))


@pytest.mark.parametrize("text, absent", [
    # a film's or a novel's name stays no actor
    ("Censors banned the film Red Quarry last year.", "Red Quarry"),
    ("Reviewers panned the novel Salt Orchard when it appeared.", "Salt Orchard"),
])
def test_a_work_stays_no_actor(facts_of, text, absent):
    assert not any(absent in name for _, name in entities(facts_of(text)))


@pytest.mark.parametrize("text, first, second", [
    # elided coordination at a sentence's start, either way round: each name whole, with its key
    ("North and South Korea agreed to reopen the hotline.", (C, "North Korea"), (C, "South Korea")),
    ("South and North Korea exchanged prisoners on Friday.", (C, "South Korea"), (C, "North Korea")),
    ("East and West Jerusalem were divided until 1967.", (L, "East Jerusalem"), (L, "West Jerusalem")),
    ("North and South Dakota sued the agency over the pipeline.", (L, "North Dakota"), (L, "South Dakota")),
    # a demonym stands for its country, the elided one too
    ("North and South Korean negotiators met in Panmunjom.", (C, "North Korea"), (C, "South Korea")),
    ("South and North Koreans marched together at the opening ceremony.", (C, "South Korea"), (C, "North Korea")),
])
def test_elided_coordination(facts_of, text, first, second):
    found = entities(facts_of(text))
    assert first in found and second in found
    assert not any(name in ("North", "South", "East", "West") for _, name in found)


def _sources(facts):
    return {(e.code, facts.entities[e.source.index].name) for e in facts.events if e.source is not None}


@pytest.mark.parametrize("text, code", [
    # both countries of an elided coordination of demonyms are parties of a joint act
    ("North and South Korean negotiators agreed to resume talks.", "036"),
    ("South and North Korean officials agreed to reopen the hotline.", "030"),
])
def test_elided_demonyms_are_both_parties(facts_of, text, code):
    sources = _sources(facts_of(text))
    assert {(code, "North Korea"), (code, "South Korea")} <= sources, sources


@pytest.mark.parametrize("text, code, first, second", [
    # the name before "and" is the actor's name with its last words left out: a party too
    ("North and South Korea agreed to reopen the hotline.", "030", "North Korea", "South Korea"),
    ("North and South Carolina sued the agency over the new rule.", "115", "North Carolina", "South Carolina"),
])
def test_elided_names_are_both_parties(facts_of, text, code, first, second):
    sources = _sources(facts_of(text))
    assert {(code, first), (code, second)} <= sources, sources

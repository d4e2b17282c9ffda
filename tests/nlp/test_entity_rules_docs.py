"""The entity rules on hand-built Docs: words, parts of speech and the model's entities set by hand,
so a rule is seen apart from what the statistical model happens to find. The sentences are written
for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.nlp.pipeline import EntityRules


@pytest.fixture(scope="module")
def rules(nlp):
    return EntityRules(nlp)


def _doc(nlp, tagged: str, model: dict[str, str]) -> Doc:
    """``tagged``: "word/POS word/POS ..."; ``model``: the model's entities, text -> label."""
    words, pos = zip(*(w.rsplit("/", 1) for w in tagged.split()), strict=True)
    ents = ["O"] * len(words)
    for text, label in model.items():
        parts = text.split()
        for i in range(len(words) - len(parts) + 1):
            if list(words[i:i + len(parts)]) == parts:
                ents[i:i + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    return Doc(nlp.vocab, words=list(words), spaces=spaces, pos=list(pos), ents=ents)


@pytest.mark.parametrize("tagged, model, person", [
    # a one-word person after a capitalized proper noun in no entity: the given name the model left out
    ("Crowds/NOUN waited/VERB for/ADP singer/NOUN Mirela/PROPN Lund/PROPN ./PUNCT", {"Lund": "PERSON"},
     "Mirela Lund"),
    ("The/DET coach/NOUN Anika/PROPN Brandt/PROPN resigned/VERB ./PUNCT", {"Brandt": "PERSON"}, "Anika Brandt"),
    ("Anika/PROPN Brandt/PROPN 's/PART goal/NOUN was/AUX disallowed/VERB ./PUNCT", {"Brandt": "PERSON"},
     "Anika Brandt"),
])
def test_given_name_left_out(nlp, rules, tagged, model, person):
    ents = [(e.text, e.label_) for e in rules(_doc(nlp, tagged, model)).ents]
    assert (person, "PERSON") in ents


@pytest.mark.parametrize("tagged, model, person", [
    # not a month, a known place, a title, or a word the text also writes in lower case
    ("He/PRON met/VERB her/PRON in/ADP May/PROPN Brandt/PROPN said/VERB ./PUNCT", {"Brandt": "PERSON"}, "Brandt"),
    ("Officials/NOUN in/ADP Kenya/PROPN Brandt/PROPN said/VERB ./PUNCT", {"Brandt": "PERSON"}, "Brandt"),
    ("The/DET judge/NOUN spoke/VERB ./PUNCT Judge/PROPN Brandt/PROPN agreed/VERB ./PUNCT", {"Brandt": "PERSON"},
     "Brandt"),
    ("Then/PROPN Brandt/PROPN spoke/VERB ./PUNCT", {"Brandt": "PERSON"}, "Brandt"),
])
def test_no_given_name_before(nlp, rules, tagged, model, person):
    ents = [(e.text, e.label_) for e in rules(_doc(nlp, tagged, model)).ents]
    assert (person, "PERSON") in ents


@pytest.mark.parametrize("tagged, model, person", [
    # the first of three words the model calls a person, a word the text writes in lower case too
    ("Two/NUM progressive/ADJ members/NOUN won/VERB ./PUNCT Progressive/PROPN Rita/PROPN Okafor/PROPN "
     "won/VERB ./PUNCT", {"Progressive Rita Okafor": "PERSON"}, "Rita Okafor"),
    ("An/DET independent/ADJ list/NOUN lost/VERB ./PUNCT Independent/PROPN Jorge/PROPN Pinto/PROPN "
     "won/VERB ./PUNCT", {"Independent Jorge Pinto": "PERSON"}, "Jorge Pinto"),
    # a noun of a person's work
    ("Striker/PROPN Yannick/PROPN Okonkwo/PROPN scored/VERB ./PUNCT", {"Striker Yannick Okonkwo": "PERSON"},
     "Yannick Okonkwo"),
])
def test_common_word_before_a_name(nlp, rules, tagged, model, person):
    ents = [(e.text, e.label_) for e in rules(_doc(nlp, tagged, model)).ents]
    assert (person, "PERSON") in ents


def test_three_word_name_stays_whole(nlp, rules):
    doc = _doc(nlp, "Maria/PROPN Lopes/PROPN Duarte/PROPN won/VERB ./PUNCT", {"Maria Lopes Duarte": "PERSON"})
    assert [(e.text, e.label_) for e in rules(doc).ents] == [("Maria Lopes Duarte", "PERSON")]


@pytest.mark.parametrize("tagged, model, expected", [
    # item 3: two names, each with its head noun, one "at" the other: two names
    ("the/DET Hale/PROPN Museum/PROPN of/ADP Art/PROPN at/ADP Corran/PROPN University/PROPN",
     {"Hale Museum of Art at Corran University": "ORG"}, ["Hale Museum of Art", "Corran University"]),
    ("the/DET Centre/PROPN for/ADP Trade/PROPN Studies/PROPN at/ADP Lagos/PROPN Business/PROPN School/PROPN",
     {"Centre for Trade Studies at Lagos Business School": "ORG"},
     ["Centre for Trade Studies", "Lagos Business School"]),
    # no head noun after "at": one name
    ("the/DET University/PROPN of/ADP Otago/PROPN at/ADP Dunedin/PROPN",
     {"University of Otago at Dunedin": "ORG"}, ["University of Otago at Dunedin"]),
    # no head noun before "at": one name
    ("the/DET Rowan/PROPN Brook/PROPN at/ADP Kemp/PROPN Hall/PROPN College/PROPN",
     {"Rowan Brook at Kemp Hall College": "ORG"}, ["Rowan Brook at Kemp Hall College"]),
])
def test_two_names_one_at_the_other(nlp, tagged, model, expected):
    ent = _doc(nlp, tagged, model).ents[0]
    assert [p.text for p in EntityRules._split_at(ent)] == expected


@pytest.mark.parametrize("text, expected", [
    # the member's party before "MP" is no part of the seat: the seat, a known town, or nothing
    ("Ann Lee, a Harrowdale Labour MP, agreed.", [("Harrowdale", "PLACE")]),
    ("John Barr, a Bristol Liberal MP, said the plan was sound.", [("Bristol", "PLACE")]),
    ("Ann Lee, a Leeds Labour MP, agreed.", [("Leeds", "PLACE")]),
    ("The Conservative MP said the bill was flawed.", []),
    ("Jane Hill, a Liberal Democrat MP, spoke.", []),
    ("Paul Reid, the Gower MP, said so.", [("Gower", "PLACE")]),
])
def test_a_party_before_mp_is_no_seat(nlp, text, expected):
    places = [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("PLACE", "ORG")]
    assert places == expected


@pytest.mark.parametrize("tagged, model, expected", [
    # a preposition and a demonym before a noun qualify the noun: no part of the name before them
    ("Police/NOUN raided/VERB Zentrova/PROPN in/ADP German/ADJ ports/NOUN ./PUNCT",
     {"Zentrova in German": "ORG"}, [("Zentrova", "ORG")]),
    ("Boats/NOUN of/ADP Halvorsen/PROPN Shipping/PROPN in/ADP Norwegian/ADJ waters/NOUN sank/VERB ./PUNCT",
     {"Halvorsen Shipping in Norwegian": "ORG"}, [("Halvorsen Shipping", "ORG")]),
    # a demonym inside the name stays there
    ("The/DET Society/PROPN for/ADP Italian/PROPN Culture/PROPN met/VERB ./PUNCT",
     {"Society for Italian Culture": "ORG"}, [("Society for Italian Culture", "ORG")]),
])
def test_a_demonym_after_a_name_qualifies_the_next_noun(nlp, rules, tagged, model, expected):
    ents = [(e.text, e.label_) for e in rules(_doc(nlp, tagged, model)).ents]
    assert ents == expected


def _sentences(nlp, tagged: str, model: dict[str, str]) -> Doc:
    """As ``_doc``, with sentences (each begins after a full stop) and lemmas: "word/POS" or
    "word/POS/lemma"."""
    parts = [w.split("/") for w in tagged.split()]
    words = [p[0] for p in parts]
    doc = _doc(nlp, " ".join(f"{p[0]}/{p[1]}" for p in parts), model)
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    lemmas = [p[2] if len(p) > 2 else p[0].lower() for p in parts]
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], pos=[t.pos_ for t in doc],
               lemmas=lemmas, sent_starts=starts, ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
                                                      for t in doc])


@pytest.mark.parametrize("tagged, model, word", [
    # a sentence's first word, a common noun, before a noun of people or of a body: no name
    ("Riot/PROPN police/NOUN fired/VERB tear/NOUN gas/NOUN ./PUNCT", {"Riot": "PERSON"}, "Riot"),
    ("Settler/PROPN groups/NOUN/group marched/VERB through/ADP the/DET town/NOUN ./PUNCT", {"Settler": "ORG"},
     "Settler"),
    # the first word of the second sentence
    ("Fans/NOUN fled/VERB ./PUNCT Riot/PROPN police/NOUN followed/VERB ./PUNCT", {"Riot": "PERSON"}, "Riot"),
    ("The/DET plan/NOUN failed/VERB ./PUNCT Settler/PROPN leaders/NOUN/leader rejected/VERB "
     "it/PRON ./PUNCT", {"Settler": "ORG"}, "Settler"),
])
def test_common_word_before_a_group_is_no_name(nlp, rules, tagged, model, word):
    assert word not in [e.text for e in rules(_sentences(nlp, tagged, model)).ents]


@pytest.mark.parametrize("tagged, model, word", [
    # the text writes the word capitalized inside a sentence too: a name there, and here
    ("Critics/NOUN of/ADP Settler/PROPN spoke/VERB ./PUNCT Settler/PROPN leaders/NOUN/leader "
     "denied/VERB it/PRON ./PUNCT", {"Settler": "ORG"}, "Settler"),
    ("Fans/NOUN of/ADP Riot/PROPN wept/VERB ./PUNCT Riot/PROPN lawyers/NOUN/lawyer sued/VERB ./PUNCT",
     {"Riot": "ORG"}, "Riot"),
    # a name the gazetteer knows; a word no English lexicon holds
    ("Paris/PROPN police/NOUN said/VERB so/ADV ./PUNCT", {"Paris": "GPE"}, "Paris"),
    ("Lagos/PROPN police/NOUN said/VERB so/ADV ./PUNCT", {"Lagos": "GPE"}, "Lagos"),
    ("Zentrova/PROPN workers/NOUN/worker went/VERB on/ADP strike/NOUN ./PUNCT", {"Zentrova": "ORG"}, "Zentrova"),
    ("Mercedes/PROPN drivers/NOUN/driver complained/VERB ./PUNCT", {"Mercedes": "ORG"}, "Mercedes"),
    # a word the model reads as a name in lower case too
    ("Customs/PROPN officers/NOUN/officer seized/VERB the/DET cocaine/NOUN ./PUNCT", {"Customs": "ORG"}, "Customs"),
    ("Tamil/PROPN rebels/NOUN/rebel have/AUX vowed/VERB to/PART fight/VERB on/ADP until/SCONJ they/PRON "
     "win/VERB independence/NOUN ./PUNCT", {"Tamil": "PERSON"}, "Tamil"),
    # not before a noun of people
    ("Riot/PROPN Games/PROPN said/VERB so/ADV ./PUNCT", {"Riot Games": "ORG"}, "Riot Games"),
])
def test_a_name_before_a_group_stays(nlp, rules, tagged, model, word):
    doc = _sentences(nlp, tagged, model)
    last = [e for e in doc.ents if e.text == word][-1]  # the mention at a sentence's start
    assert (last.start, word) in [(e.start, e.text) for e in rules(doc).ents]


@pytest.mark.parametrize("tagged, model, expected", [
    # "North and South X": the first word is the gazetteer's "North X", keyed as it
    ("North/PROPN and/CCONJ South/PROPN Korea/PROPN agreed/VERB ./PUNCT", {}, ("North", "COUNTRY", "country:KP")),
    ("East/PROPN and/CCONJ West/PROPN Jerusalem/PROPN were/AUX divided/VERB ./PUNCT", {"West Jerusalem": "GPE"},
     ("East", "PLACE", "place:7303419")),
    # a demonym after a demonym: the elided one is a demonym of its country
    ("North/PROPN and/CCONJ South/PROPN Korean/ADJ negotiators/NOUN met/VERB ./PUNCT", {},
     ("North", "NORP", "country:KP")),
    ("South/PROPN and/CCONJ North/PROPN Koreans/PROPN met/VERB ./PUNCT", {}, ("South", "NORP", "country:KR")),
])
def test_elided_coordination(nlp, rules, tagged, model, expected):
    assert expected in [(e.text, e.label_, e.kb_id_) for e in rules(_doc(nlp, tagged, model)).ents]

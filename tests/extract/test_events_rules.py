"""Event rules on hand-built Docs: words, heads, dependencies and tags given, no statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kg.extract.entities import DocEntities
from kg.extract.events import EventFinder
from kg.extract.roles import extract_roles
from kg.ingest.load import article_from_text
from kg.model import Status

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str, str]], ents, *, date: str | None = None):
    """rows: (word, head index, dep, pos, tag, lemma); ents: (start, end, label, kb_id)."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows])
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in ents]
    article = article_from_text(doc.text, "hand-built.txt", date=date)
    ents_ = DocEntities(doc, article)
    roles, _ = extract_roles(doc, ents_)
    events = EventFinder(doc, ents_, roles).run()
    return ents_, events


def name(ents: DocEntities, ref) -> str | None:
    return ents.clusters[ref.index].label if ref is not None else None


def test_verb_subject_and_object():
    # "Johnson accused Russia ."
    ents, events = parse([
        ("Johnson", 1, "nsubj", "PROPN", "NNP", "Johnson"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
        ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "PERSON", ""), (2, 3, "COUNTRY", "country:RU")])
    assert [(e.code[:2], name(ents, e.source), name(ents, e.target)) for e in events] == [("11", "Johnson", "Russia")]


def test_passive_with_agent():
    # "Russia was accused by Britain ."
    ents, events = parse([
        ("Russia", 2, "nsubjpass", "PROPN", "NNP", "Russia"),
        ("was", 2, "auxpass", "AUX", "VBD", "be"),
        ("accused", 2, "ROOT", "VERB", "VBN", "accuse"),
        ("by", 2, "agent", "ADP", "IN", "by"),
        ("Britain", 3, "pobj", "PROPN", "NNP", "Britain"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:RU"), (4, 5, "COUNTRY", "country:GB")])
    assert [(name(ents, e.source), name(ents, e.target)) for e in events] == [("United Kingdom", "Russia")]


def test_meeting_with_place_and_date_resolved_against_the_document():
    # "Johnson met Lavrov in New York on 21 September ."  (document of 18 October 2016)
    ents, events = parse([
        ("Johnson", 1, "nsubj", "PROPN", "NNP", "Johnson"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Lavrov", 1, "dobj", "PROPN", "NNP", "Lavrov"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("New", 5, "compound", "PROPN", "NNP", "New"),
        ("York", 3, "pobj", "PROPN", "NNP", "York"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("21", 6, "pobj", "NUM", "CD", "21"),
        ("September", 7, "npadvmod", "PROPN", "NNP", "September"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "PERSON", ""), (2, 3, "PERSON", ""), (4, 6, "PLACE", "place:5128581"), (7, 9, "DATE", "")],
        date="2016-10-18")
    (meeting,) = events
    assert meeting.code.startswith("04")
    assert (name(ents, meeting.source), name(ents, meeting.target)) == ("Johnson", "Lavrov")
    assert ents.clusters[meeting.place.index].key == "place:5128581"
    assert meeting.time.value == "2016-09-21"


def test_possessor_of_a_nominal_event_is_its_source():
    # "Russia 's annexation of Crimea ."
    ents, events = parse([
        ("Russia", 2, "poss", "PROPN", "NNP", "Russia"),
        ("'s", 0, "case", "PART", "POS", "'s"),
        ("annexation", 2, "ROOT", "NOUN", "NN", "annexation"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("Crimea", 3, "pobj", "PROPN", "NNP", "Crimea"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:RU"), (4, 5, "PLACE", "place:crimea")])
    (annexation,) = events
    assert annexation.code[:2] in ("17", "19")
    assert name(ents, annexation.source) == "Russia"


def test_light_verb_takes_its_nouns_code():
    # "Russia carried out airstrikes ."
    ents, events = parse([
        ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"),
        ("carried", 1, "ROOT", "VERB", "VBD", "carry"),
        ("out", 1, "prt", "ADP", "RP", "out"),
        ("airstrikes", 1, "dobj", "NOUN", "NNS", "airstrike"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:RU")])
    assert [(e.code[:2], name(ents, e.source)) for e in events] == [("19", "Russia")]


def test_casualties_and_their_parts():
    # "The attack left 20 aid workers and one civilian dead ."
    ents, events = parse([
        ("The", 1, "det", "DET", "DT", "the"),
        ("attack", 2, "nsubj", "NOUN", "NN", "attack"),
        ("left", 2, "ROOT", "VERB", "VBD", "leave"),
        ("20", 5, "nummod", "NUM", "CD", "20"),
        ("aid", 5, "compound", "NOUN", "NN", "aid"),
        ("workers", 2, "dobj", "NOUN", "NNS", "worker"),
        ("and", 5, "cc", "CCONJ", "CC", "and"),
        ("one", 8, "nummod", "NUM", "CD", "one"),
        ("civilian", 5, "conj", "NOUN", "NN", "civilian"),
        ("dead", 2, "oprd", "ADJ", "JJ", "dead"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], [])
    (attack,) = events
    assert attack.killed == 21
    assert sorted(attack.killed_parts) == [(1, "civilian"), (20, "aid workers")]


def _said_bombed(verb: str, lemma: str):
    # "Johnson <verb> Russia bombed the convoy ."
    return parse([
        ("Johnson", 1, "nsubj", "PROPN", "NNP", "Johnson"),
        (verb, 1, "ROOT", "VERB", "VBD", lemma),
        ("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"),
        ("bombed", 1, "ccomp", "VERB", "VBD", "bomb"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("convoy", 3, "dobj", "NOUN", "NN", "convoy"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "PERSON", ""), (2, 3, "COUNTRY", "country:RU")])


def test_what_someone_claims_another_did_is_claimed_and_an_accusation():
    ents, events = _said_bombed("claimed", "claim")
    bombing = next(e for e in events if e.code[:2] in ("18", "19", "20"))
    accusation = next(e for e in events if e.code[:2] == "11")
    assert (name(ents, bombing.source), name(ents, bombing.claimed_by), bombing.status) == \
        ("Russia", "Johnson", Status.REPORTED)
    assert [p.cls for p in bombing.participants] == ["Convoy"]
    assert (name(ents, accusation.source), name(ents, accusation.target)) == ("Johnson", "Russia")


def test_what_a_bystander_says_another_did_is_reported_not_an_accusation():
    ents, events = _said_bombed("said", "say")
    bombing = next(e for e in events if e.code[:2] in ("18", "19", "20"))
    assert (name(ents, bombing.source), name(ents, bombing.claimed_by), bombing.status) == \
        ("Russia", "Johnson", Status.REPORTED)
    assert not any(e.code[:2] == "11" for e in events)


def test_will_visit_is_planned():
    # "Johnson will visit Russia ."
    ents, events = parse([
        ("Johnson", 2, "nsubj", "PROPN", "NNP", "Johnson"),
        ("will", 2, "aux", "AUX", "MD", "will"),
        ("visit", 2, "ROOT", "VERB", "VB", "visit"),
        ("Russia", 2, "dobj", "PROPN", "NNP", "Russia"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "PERSON", ""), (3, 4, "COUNTRY", "country:RU")])
    (visit,) = events
    assert visit.code.startswith("04") and visit.status is Status.PLANNED
    assert name(ents, visit.place) == "Russia"


def test_a_threat_is_coded_not_the_act_threatened():
    # "Chad threatened to shell Libya ."
    ents, events = parse([
        ("Chad", 1, "nsubj", "PROPN", "NNP", "Chad"),
        ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("shell", 1, "xcomp", "VERB", "VB", "shell"),
        ("Libya", 3, "dobj", "PROPN", "NNP", "Libya"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:TD"), (4, 5, "COUNTRY", "country:LY")])
    assert [(e.code[:2], name(ents, e.source), name(ents, e.target), e.status) for e in events] == \
        [("13", "Chad", "Libya", Status.ASSERTED)]


def test_a_refusal_takes_the_target_of_what_is_refused():
    # "Chile refused to release Peruvian fishermen ."
    ents, events = parse([
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("refused", 1, "ROOT", "VERB", "VBD", "refuse"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("release", 1, "xcomp", "VERB", "VB", "release"),
        ("Peruvian", 5, "amod", "ADJ", "JJ", "peruvian"),
        ("fishermen", 3, "dobj", "NOUN", "NNS", "fisherman"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:CL"), (4, 5, "COUNTRY", "country:PE")])
    assert [(e.code[:2], name(ents, e.source), name(ents, e.target)) for e in events] == [("12", "Chile", "Peru")]


def test_a_group_noun_acts_for_its_country():
    # "Kenyan judges jailed Ochieng ."
    ents, events = parse([
        ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan"),
        ("judges", 2, "nsubj", "NOUN", "NNS", "judge"),
        ("jailed", 2, "ROOT", "VERB", "VBD", "jail"),
        ("Ochieng", 2, "dobj", "PROPN", "NNP", "Ochieng"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:KE"), (3, 4, "PERSON", "")])
    assert [(e.code[:2], name(ents, e.source), name(ents, e.target)) for e in events] == [("17", "Kenya", "Ochieng")]


def test_parties_of_a_meeting_are_each_others_targets():
    # "Chile and Peru met ."
    ents, events = parse([
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("met", 3, "ROOT", "VERB", "VBD", "meet"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:CL"), (2, 3, "COUNTRY", "country:PE")])
    assert sorted((e.code[:2], name(ents, e.source), name(ents, e.target)) for e in events) == \
        [("04", "Chile", "Peru"), ("04", "Peru", "Chile")]


def test_an_imperative_after_a_speakers_colon_is_asked_for_not_done():
    # "Greenpeace : Blockade the port ." — the parser takes the speaker for the verb's subject
    words = [
        ("Greenpeace", 2, "nsubj", "PROPN", "NNP", "Greenpeace"),
        (":", 2, "punct", "PUNCT", ":", ":"),
        ("Blockade", 2, "ROOT", "VERB", "VB", "blockade"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("port", 2, "dobj", "NOUN", "NN", "port"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    _, events = parse(words, [(0, 1, "ORG", "")])
    assert events == []
    # the same act told as done is an event of its doer
    ents, done = parse([
        ("Greenpeace", 1, "nsubj", "PROPN", "NNP", "Greenpeace"),
        ("blockaded", 1, "ROOT", "VERB", "VBD", "blockade"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("port", 1, "dobj", "NOUN", "NN", "port"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "ORG", "")])
    assert [name(ents, e.source) for e in done] == ["Greenpeace"]

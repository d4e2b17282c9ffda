"""Argument rules of events on hand-built Docs (words, heads, dependencies and tags given, no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kg.extract.entities import DocEntities
from kg.extract.events import EventFinder
from kg.extract.roles import extract_roles
from kg.ingest.load import article_from_text

VOCAB = spacy.blank("en").vocab


def parse(rows, ents):
    """rows: (word, head index, dep, pos, tag, lemma); ents: (start, end, label, kb_id)."""
    doc = Doc(VOCAB, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows])
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in ents]
    article = article_from_text(doc.text, "hand-built.txt")
    ents_ = DocEntities(doc, article)
    roles, _ = extract_roles(doc, ents_)
    return ents_, EventFinder(doc, ents_, roles).run()


def triples(ents, events):
    def name(ref):
        return ents.clusters[ref.index].label if ref is not None else None
    return [(e.code[:2], name(e.source), name(e.target)) for e in events]


def test_place_an_act_is_done_in_is_its_target():
    # "Amisom banned rallies in Kismayo ."
    ents, events = parse([
        ("Amisom", 1, "nsubj", "PROPN", "NNP", "Amisom"),
        ("banned", 1, "ROOT", "VERB", "VBD", "ban"),
        ("rallies", 1, "dobj", "NOUN", "NNS", "rally"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Kismayo", 3, "pobj", "PROPN", "NNP", "Kismayo"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "ORG", ""), (4, 5, "PLACE", "")])
    assert ("17", "Amisom", "Kismayo") in triples(ents, events), triples(ents, events)


def test_said_in_a_place_is_not_done_to_it():
    # "UNICEF criticised the decision in Mosul .": where something is said is not whom it is said to
    ents, events = parse([
        ("UNICEF", 1, "nsubj", "PROPN", "NNP", "UNICEF"),
        ("criticised", 1, "ROOT", "VERB", "VBD", "criticise"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("decision", 1, "dobj", "NOUN", "NN", "decision"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Mosul", 4, "pobj", "PROPN", "NNP", "Mosul"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "ORG", ""), (5, 6, "PLACE", "")])
    assert not any(t[2] == "Mosul" for t in triples(ents, events)), triples(ents, events)


def test_recipient_of_what_is_granted():
    # "Peru offered shelter to Colombian journalists ."
    ents, events = parse([
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("offered", 1, "ROOT", "VERB", "VBD", "offer"),
        ("shelter", 1, "dobj", "NOUN", "NN", "shelter"),
        ("to", 1, "dative", "ADP", "IN", "to"),
        ("Colombian", 5, "amod", "ADJ", "JJ", "colombian"),
        ("journalists", 3, "pobj", "NOUN", "NNS", "journalist"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:PE"), (4, 5, "COUNTRY", "country:CO")])
    assert ("03", "Peru", "Colombia") in triples(ents, events)


def test_an_act_answering_anothers_targets_its_owner():
    # "Chile bowed to Peruvian pressure ."
    ents, events = parse([
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("bowed", 1, "ROOT", "VERB", "VBD", "bow"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peruvian", 4, "amod", "ADJ", "JJ", "peruvian"),
        ("pressure", 2, "pobj", "NOUN", "NN", "pressure"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], [(0, 1, "COUNTRY", "country:CL"), (3, 4, "COUNTRY", "country:PE")])
    assert ("08", "Chile", "Peru") in triples(ents, events), triples(ents, events)

"""Entity coreference, posts and memberships on hand-built Docs: the rules without a statistical model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.extract.entities import DocEntities
from kg.extract.roles import extract_roles
from kg.ingest.load import article_from_text
from kg.model import Kind

VOCAB = spacy.blank("en").vocab  # with English lexical attributes (lower case, like_num)


def make(words: list[str], ents: list[tuple[int, int, str, str]]):
    """A Doc with the given words, one sentence per '.', and entities (start, end, label, kb_id)."""
    starts = [True] + [words[i - 1] == "." for i in range(1, len(words))]
    doc = Doc(VOCAB, words=words, sent_starts=starts)
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in ents]
    article = article_from_text(doc.text, "hand-built.txt")
    return doc, DocEntities(doc, article)


def names(ents: DocEntities, ref) -> set[str]:
    return set(ents.clusters[ref.index].names)


def test_a_person_is_one_entity_under_all_his_names():
    words = ["Boris", "Johnson", "spoke", ".", "Mr", "Johnson", "left", ".", "Boris", "stayed", "."]
    doc, ents = make(words, [(0, 2, "PERSON", ""), (5, 6, "PERSON", ""), (8, 9, "PERSON", "")])
    refs = {ents.ref_at(0), ents.ref_at(5), ents.ref_at(8)}
    assert len(refs) == 1
    assert ents.local_entities()[refs.pop().index].name == "Boris Johnson"


def test_two_people_of_one_surname_stay_apart():
    words = ["Boris", "Johnson", "met", "Lyndon", "Johnson", ".", "Johnson", "spoke", "."]
    doc, ents = make(words, [(0, 2, "PERSON", ""), (3, 5, "PERSON", ""), (6, 7, "PERSON", "")])
    assert ents.ref_at(0) != ents.ref_at(3)
    assert ents.ref_at(6) == ents.ref_at(3)  # the one named most recently


def test_demonym_and_country_are_one_entity():
    words = ["Russian", "diplomats", "said", "Russia", "would", "reply", "."]
    doc, ents = make(words, [(0, 1, "NORP", "country:RU"), (3, 4, "COUNTRY", "country:RU")])
    assert ents.ref_at(0) == ents.ref_at(3)
    entity = ents.local_entities()[ents.ref_at(0).index]
    assert (entity.kind, entity.name) == (Kind.COUNTRY, "Russia")


@pytest.mark.parametrize("words, ents, person, title, post_in", [
    ("Russian Foreign Minister Lavrov spoke .",
     [(0, 1, "NORP", "country:RU"), (3, 4, "PERSON", "")], 3, "Foreign Minister", "Russia"),
    ("Foreign Secretary Boris Johnson spoke .",
     [(2, 4, "PERSON", "")], 2, "Foreign Secretary", None),
    ("John Woodcock , the MP for Barrow and Furness , spoke .",
     [(0, 2, "PERSON", ""), (6, 9, "PLACE", "constituency:barrow-and-furness")], 0,
     "MP for Barrow and Furness", None),
    ("Sergey Lavrov , Russia 's foreign minister , spoke .",
     [(0, 2, "PERSON", ""), (3, 4, "COUNTRY", "country:RU")], 0, "Foreign Minister", "Russia"),
    ("The US President Donald Trump spoke .",
     [(1, 2, "COUNTRY", "country:US"), (3, 5, "PERSON", "")], 3, "President", "United States"),
])
def test_posts_from_titles(words, ents, person, title, post_in):
    doc, found = make(words.split(), ents)
    roles, _ = extract_roles(doc, found)
    holder = found.ref_at(person)
    held = {(r.title, found.clusters[r.post_in.index].canonical if r.post_in else None)
            for r in roles if r.holder == holder}
    assert any(t == title and (post_in is None or p == post_in) for t, p in held), held


def test_party_membership_from_possessive():
    words = ["Labour", "'s", "Ann", "Clwyd", "urged", "protests", "."]
    doc, ents = make(words, [(0, 1, "ORG", "org:labour-party"), (2, 4, "PERSON", "")])
    _, members = extract_roles(doc, ents)
    assert [(ents.clusters[m.member.index].label, ents.clusters[m.organization.index].key) for m in members] == \
        [("Ann Clwyd", "org:labour-party")]


def test_a_title_stands_for_the_holder_the_document_names():
    words = ["Foreign", "Secretary", "Boris", "Johnson", "spoke", ".", "The", "Foreign", "Secretary", "left", "."]
    doc, ents = make(words, [(2, 4, "PERSON", "")])
    extract_roles(doc, ents)
    assert ents.ref_at(7) == ents.ref_at(2)


def test_a_title_nobody_holds_is_left_for_the_corpus():
    words = ["The", "Foreign", "Secretary", "left", "London", "."]
    doc, ents = make(words, [(4, 5, "PLACE", "place:2643743")])
    extract_roles(doc, ents)
    ref = ents.ref_at(1)
    assert ref is not None and ents.clusters[ref.index].title == "Foreign Secretary|country:GB"


def test_hansard_forms_of_address_are_not_people(nlp):
    doc = nlp("The hon. Lady will be interested to know that. My right hon. Friend is quite right, Mr Speaker.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []

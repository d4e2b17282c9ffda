"""The attribute ruler matched through an index gives what spaCy's own Matcher gives."""

from __future__ import annotations

import spacy
from conftest import example_texts
from spacy.pipeline import AttributeRuler

from kg.nlp.pipeline import DEFAULT_MODEL
from kg.nlp.ruler_index import IndexedMatch

# Sentences for the ruler's rarer patterns: contractions, expletives, objects, auxiliaries
ODD = [
    "Y'all are gonna hate this, but let's go anyway.",
    "There's nothin' we can do, and there are no more talks gotta be held.",
    "C'mon, I'd have told you if it weren't so; ain't that right?",
    "Give it to me.  He did not, because whilst he has   never tried it, they do.",
    "What they want is what that means.\n\nThe minister said that which was agreed.",
    "He gets what he got: Is it done? It is not.",
]


def test_the_index_finds_the_matches_of_the_matcher():
    plain = spacy.load(DEFAULT_MODEL)
    ruler = plain.get_pipe("attribute_ruler")
    indexed = IndexedMatch(ruler)
    assert len(indexed.rest) < len(ruler.matcher) / 10  # most patterns are answered by the index
    with plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(plain.pipe(example_texts() + ODD))
    for doc in docs:
        assert indexed(doc) == AttributeRuler.match(ruler, doc)


def test_the_pipeline_sets_the_attributes_it_sets_with_the_matcher(nlp):
    from kg.nlp.pipeline import load

    reference = load.__wrapped__(DEFAULT_MODEL)  # a second pipeline, not the cached one
    del reference.get_pipe("attribute_ruler").match  # spaCy's own matching again
    texts = example_texts() + ODD
    names = ["tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_type_", "ent_kb_id_"]
    for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
        assert [[str(getattr(t, n)) for n in names] for t in ours] == \
            [[str(getattr(t, n)) for n in names] for t in theirs]


def test_patterns_the_index_cannot_answer_go_to_a_matcher():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^colou?r$"}}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"POS": "ADJ"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["big", "red"]}}], [{"ORTH": "Red"}]], {"TAG": "JJ"})
    ruler.add([[{"LOWER": "a"}, {"LOWER": {"NOT_IN": ["very"]}}]], {"MORPH": "Definite=Ind"})
    ruler.add([[{"IS_SPACE": False, "LOWER": {"NOT_IN": ["a", "very"]}}]], {"LEMMA": "x"})
    ruler.add([[{"POS": "PROPN"}]], {"TAG": "NNP"})
    indexed = IndexedMatch(ruler)
    assert len(indexed.rest) == 3
    doc = nlp("A very very big red Red colour, a color of a big house")
    doc[5].pos_ = "PROPN"
    assert indexed(doc) == AttributeRuler.match(ruler, doc)
    assert len(indexed(doc)) > 10

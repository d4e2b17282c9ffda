"""The pipeline's lemmas, answered from a table of those the model's lemmatizer gave before, are the
lemmatizer's own."""

from __future__ import annotations

import spacy
from conftest import example_texts

from kg.nlp.lemmas import Lemmas
from kg.nlp.pipeline import DEFAULT_MODEL

# forms whose lemma depends on the part of speech and the morphology, not on the word alone
TEXTS = [
    "She leaves the meeting. The leaves fell. They left the left bank, better and best of all.",
    "The talks were held; he was holding talks, and the envoys hold more talks than ever held.",
    "Protesters are protesting the protests; the ministers' ministries had ministered to them.",
    "Ghanaian peacekeepers wounded in the attacks had attacked nobody; the wounded were flown out.",
]


def test_the_pipeline_lemmas_are_the_lemmatizer_s(nlp):
    plain = spacy.load(DEFAULT_MODEL)  # spaCy's own lemmatizer
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmas)
    texts = example_texts() + TEXTS
    for ours, theirs in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [t.lemma_ for t in nlp(TEXTS[0]) if t.lower_ == "leaves"] == ["leave", "leaf"]
    assert [t.lemma_ for t in nlp(TEXTS[0]) if t.lower_ == "left"] == ["leave", "left"]


def test_a_lemma_already_set_is_kept(nlp):
    lemmas = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer", "ner", "kg_entities"]):
        doc = nlp(TEXTS[1])
    assert doc[2].lemma_ == "be" and doc[3].lemma == 0  # "were" by the attribute ruler; "holding" not yet
    doc[1].lemma_ = "negotiation"  # "talks", set before the lemmatizer
    lemmas(doc)
    assert [t.lemma_ for t in doc][:6] == ["the", "negotiation", "be", "hold", ";", "he"]


def test_a_lemmatizer_that_overwrites_stays():
    for overwrite, replaced in ((True, False), (False, True)):
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": overwrite})
        Lemmas.replace(nlp)
        assert isinstance(nlp.get_pipe("lemmatizer"), Lemmas) is replaced
        assert nlp.pipe_names == ["lemmatizer"]

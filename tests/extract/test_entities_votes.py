"""One type for a name the entity rules left typed two ways in one document, on hand-built Docs
(words, sentence starts and entities set by hand, so that the vote is seen apart from what the
model happens to find). The names are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.model import Article, Kind


def _doc(nlp, sentences: list[tuple[str, dict[str, str]]]) -> Doc:
    """Sentences of space-separated words, each with its entities (text -> label)."""
    words, starts, ents = [], [], []
    for text, labelled in sentences:
        tokens = text.split()
        tags = ["O"] * len(tokens)
        for name, label in labelled.items():
            parts = name.split()
            at = next(i for i in range(len(tokens)) if tokens[i:i + len(parts)] == parts)
            tags[at:at + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
        words += tokens
        starts += [True] + [False] * (len(tokens) - 1)
        ents += tags
    return Doc(nlp.vocab, words=words, sent_starts=starts, ents=ents)


def _kinds(nlp, sentences) -> set[tuple[Kind, str]]:
    doc = _doc(nlp, sentences)
    found = DocEntities(doc, Article(doc_id="votes", text=doc.text, source="votes"))
    return {(c.kind, c.names[0]) for c in found.clusters}


@pytest.mark.parametrize("name, other, label", [
    ("Orvella", Kind.ORGANIZATION, "ORG"),
    ("Tarsk Holdings", Kind.ORGANIZATION, "ORG"),
    ("Vennick", Kind.PLACE, "PLACE"),
])
def test_a_name_typed_a_person_once_and_otherwise_twice_is_the_other(nlp, name, other, label):
    kinds = _kinds(nlp, [(f"{name} said the plan failed .", {name: "PERSON"}),
                         (f"{name} reported on Monday .", {name: label}),
                         (f"Critics of {name} were angry .", {name: label})])
    assert (other, name) in kinds
    assert (Kind.PERSON, name) not in kinds


@pytest.mark.parametrize("name", ["Mira Solvang", "Idris Kolade"])
def test_a_name_typed_a_person_as_often_as_otherwise_stays_a_person(nlp, name):
    kinds = _kinds(nlp, [(f"{name} said the plan failed .", {name: "PERSON"}),
                         (f"{name} spoke on Monday .", {name: "PERSON"}),
                         (f"Critics of {name} were angry .", {name: "ORG"})])
    assert (Kind.PERSON, name) in kinds

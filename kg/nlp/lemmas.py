"""The model's lemmatizer, with every lemma it gave remembered.

spaCy's rule lemmatizer works a token's lemma out from its form, its part of speech and its
morphology, and nothing else. It keeps a cache keyed by those three, but it answers the base forms
(a singular noun, an infinitive, a positive adjective: most tokens) before it looks there, working
each out again from the token's morphology, and it sets each lemma through a ``Token``. ``Lemmas``
reads the three values of all the Doc's tokens at once, answers each from a table of the lemmas the
lemmatizer gave for them before, asks the lemmatizer only about values it has not seen, and sets the
Doc's lemmas in one call: the same lemmas, in about a tenth of the time.

A lemma already set (by the attribute ruler's exceptions) is kept, as the lemmatizer keeps it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# the lemmatizer's modes whose lemma depends on the token's form, part of speech and morphology alone
PURE_MODES = {"rule", "lookup"}


class Lemmas:
    """A pipeline component in place of ``lemmatizer``: ``Lemmas.replace(nlp)``."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lookups = lemmatizer.lookups  # what the rest of kg reads of the lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}  # (form, part of speech, morphology) -> lemma

    @classmethod
    def replace(cls, nlp: Language, name: str = "lemmatizer") -> None:
        """Put ``Lemmas`` in the place of the pipeline's lemmatizer ``name``, under that name, where
        the lemmatizer's lemma is a function of those three values (its rule and lookup modes) and
        it does not overwrite lemmas already set."""
        lemmatizer = nlp.get_pipe(name)
        if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode not in PURE_MODES or lemmatizer.overwrite:
            return
        nlp.add_pipe("kg_lemmas", name="kg_lemmas", after=name, config={"of": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe("kg_lemmas", name)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings, known, lemmatize = doc.vocab.strings, self.known, self.lemmatizer.lemmatize
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if not lemma:
                lemma = known.get((orth, pos, morph))
                if lemma is None:
                    lemma = known[orth, pos, morph] = strings.add(lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory("kg_lemmas", default_config={"of": "lemmatizer"})
def make_lemmas(nlp: Language, name: str, of: str) -> Lemmas:
    """``Lemmas`` of the pipeline's lemmatizer ``of``."""
    return Lemmas(nlp.get_pipe(of))

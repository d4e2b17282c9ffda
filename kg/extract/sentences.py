"""The sentences of a Doc, found once.

spaCy's ``Token.sent`` and ``Span.sent`` walk back to the start of the sentence each time they are
asked, and ``Span.ents`` looks through every entity of the Doc; the extractors ask for them for
every trigger, title and mention. Here they are computed once per Doc and kept in its
``user_data`` (a Doc is dropped as soon as its facts are out).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "kg.sentences"


class _Index:
    __slots__ = ("sents", "of_token", "ents")

    def __init__(self, doc: Doc) -> None:
        self.sents: list[Span] = list(doc.sents)
        self.of_token: list[int] = [0] * len(doc)
        self.ents: list[list[Span]] = [[] for _ in self.sents]
        for n, sent in enumerate(self.sents):
            self.of_token[sent.start:sent.end] = [n] * (sent.end - sent.start)
        for ent in doc.ents:
            self.ents[self.of_token[ent.start]].append(ent)


def _index(doc: Doc) -> _Index:
    index = doc.user_data.get(_KEY)
    if index is None or len(index.of_token) != len(doc):
        index = doc.user_data[_KEY] = _Index(doc)
    return index


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    return _index(doc).sents


def sentence_of(item: Token | Span) -> Span:
    """``item.sent``: the sentence a token stands in, or that a span starts in."""
    doc, i = (item.doc, item.i) if isinstance(item, Token) else (item.doc, item.start)
    index = _index(doc)
    return index.sents[index.of_token[i]]


def ents_in(sent: Span) -> list[Span]:
    """``sent.ents`` for a sentence of the Doc: the entities that start in it."""
    index = _index(sent.doc)
    return index.ents[index.of_token[sent.start]]

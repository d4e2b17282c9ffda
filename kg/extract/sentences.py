"""The tokens, sentences and sentence offsets of a parsed Doc, found once.

spaCy's ``Token.sent`` and ``Span.sent`` walk back to the start of the sentence each time they are
asked, ``Span.ents`` looks through every entity of the Doc, and every ``doc[i]`` and every pass
over a Doc makes new Token objects; the extractors ask for them for every trigger, title and
mention. Here they are computed once per Doc and kept in its
``user_data`` until extraction lets go of it (``forget``), so that the Doc is freed as soon as its
facts are out. Use it only on a Doc the pipeline has finished with: the index does not follow
later changes.
"""

from __future__ import annotations

from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, POS, SPACY
from spacy.symbols import IDS as SYMBOLS
from spacy.tokens import Doc, Span, Token

from kg.nlp.pipeline import doc_text

_KEY = "kg.sentences"


class _Index:
    __slots__ = ("sents", "of_token", "ents", "bounds", "tokens", "pos", "space", "punct", "words")

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        columns = doc.to_array([POS, IS_SPACE, IS_PUNCT]).reshape(len(doc), 3).T.tolist() if len(doc) \
            else [[], [], []]
        self.pos: list[int] = columns[0]
        self.space: list[int] = columns[1]
        self.punct: list[int] = columns[2]
        self.words = sum(1 for space, punct in zip(self.space, self.punct, strict=True) if not space and not punct)
        self.bounds: dict[int, tuple[int, int]] = {}
        self.sents: list[Span] = list(doc.sents)
        self.of_token: list[int] = [0] * len(doc)
        self.ents: list[list[Span]] = [[] for _ in self.sents]
        for n, sent in enumerate(self.sents):
            self.of_token[sent.start:sent.end] = [n] * (sent.end - sent.start)
        for ent in doc.ents:
            self.ents[self.of_token[ent.start]].append(ent)


def forget(doc: Doc) -> None:
    """Let go of the index of ``doc``: it holds the Doc's tokens, which hold the Doc, a reference
    cycle that only the cycle collector would free."""
    doc.user_data.pop(_KEY, None)


def _index(doc: Doc) -> _Index:
    index = doc.user_data.get(_KEY)
    if index is None or len(index.of_token) != len(doc):
        index = doc.user_data[_KEY] = _Index(doc)
    return index


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``."""
    return _index(doc).tokens


def with_pos(doc: Doc, *pos: str) -> list[Token]:
    """The tokens whose ``pos_`` is one of ``pos``, in order (no Token made for the others)."""
    index = _index(doc)
    wanted = {SYMBOLS[p] for p in pos}
    return [index.tokens[i] for i, p in enumerate(index.pos) if p in wanted]


def token_columns(doc: Doc) -> tuple[list[str], list[str], list[bool], list[bool]]:
    """Each token's text, its trailing white space, whether it is white space, and whether it is white
    space or punctuation (read from the Doc's arrays: no Token made)."""
    if not len(doc):
        return [], [], [], []
    strings = doc.vocab.strings
    orths, spaced = doc.to_array([ORTH, SPACY]).T.tolist()
    index = _index(doc)
    texts = [strings[orth] for orth in orths]
    spaces = [" " if space else "" for space in spaced]
    skip = [bool(space or punct) for space, punct in zip(index.space, index.punct, strict=True)]
    return texts, spaces, [bool(space) for space in index.space], skip


def word_count(doc: Doc) -> int:
    """Tokens that are neither white space nor punctuation."""
    return _index(doc).words


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    return _index(doc).sents


def sentence_of(item: Token | Span) -> Span:
    """``item.sent``: the sentence a token stands in, or that a span starts in."""
    doc, i = (item.doc, item.i) if isinstance(item, Token) else (item.doc, item.start)
    index = _index(doc)
    return index.sents[index.of_token[i]]


def text_bounds(item: Token | Span) -> tuple[int, int]:
    """Character offsets of the sentence ``item`` stands in, without the white space around it."""
    doc, i = (item.doc, item.i) if isinstance(item, Token) else (item.doc, item.start)
    index = _index(doc)
    n = index.of_token[i]
    bounds = index.bounds.get(n)
    if bounds is None:
        sent = index.sents[n]
        text = doc_text(doc)[sent.start_char:sent.end_char]
        start = sent.start_char + len(text) - len(text.lstrip())
        bounds = index.bounds[n] = (start, sent.start_char + len(text.rstrip()))
    return bounds


def ents_in(sent: Span) -> list[Span]:
    """``sent.ents`` for a sentence of the Doc: the entities that start in it."""
    index = _index(sent.doc)
    return index.ents[index.of_token[sent.start]]

"""Extraction: one parsed document in, the entities, posts, memberships and events it states out.

A spaCy ``Doc`` goes no further than this package: ``extract`` returns plain records (kg.model).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.extract.events import extract_events
from kg.extract.roles import extract_roles
from kg.extract.sentences import forget, sentences, word_count
from kg.model import Article, DocFacts


def extract(doc: Doc, article: Article) -> DocFacts:
    """The facts of one parsed document. The Doc is left as it came (the extractors' index of its
    tokens and sentences is let go), so that reference counting alone frees it."""
    ents = DocEntities(doc, article)
    roles, members = extract_roles(doc, ents)
    events = extract_events(doc, ents, roles)
    facts = DocFacts(
        article=article,
        entities=ents.local_entities(),
        roles=tuple(roles),
        memberships=tuple(members),
        events=tuple(events),
        sentences=len(sentences(doc)),
        words=word_count(doc),
    )
    forget(doc)
    return facts

"""Events: CAMEO-coded, with their source, target, place, time and numbers."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.model import EventMention, Role


def extract_events(doc: Doc, ents: DocEntities, roles: list[Role]) -> list[EventMention]:
    return []

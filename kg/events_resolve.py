"""Event coreference across sentences and documents."""

from __future__ import annotations

from kg.model import Corpus, Event


def resolve_events(resolver, corpus: Corpus) -> list[Event]:
    return []

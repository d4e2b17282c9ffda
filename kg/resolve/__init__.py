"""Across documents: entities and posts (entities.py), then event coreference (events.py)."""

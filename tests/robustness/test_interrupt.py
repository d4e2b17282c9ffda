"""A build stopped half-way (Ctrl-C, kill, kill -9) leaves the previous graph file or store as it
was, readable; nothing half-written, no process left behind, and the next build works."""

from __future__ import annotations

import hashlib
import shutil
import signal
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS

from .conftest import (
    ARTICLES,
    TRACEBACK,
    kg,
    parse_strictly,
    parsed_at_least,
    run_and_interrupt,
    temporary_files,
    write_paragraph_articles,
)

pytestmark = pytest.mark.slow

# five batches of 32: when the first is done, seconds of parsing are still to come, even on a busy machine
ARTICLE_COUNT = 160
MID_RUN = parsed_at_least(32)


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many") / "in"
    write_paragraph_articles(folder, ARTICLE_COUNT)
    return folder


@pytest.fixture(scope="module")
def new_articles(tmp_path_factory) -> tuple[Path, set[str]]:
    """Articles for a build that is stopped while it writes, and the ids of their documents."""
    folder = tmp_path_factory.mktemp("new") / "in"
    paths = write_paragraph_articles(folder, 64)
    return folder, {hashlib.sha1(p.read_text(encoding="utf-8").encode()).hexdigest() for p in paths}


@pytest.fixture
def previous_graph(tmp_path, examples_build) -> tuple[Path, bytes]:
    """OUT as a user has it before the interrupted build: the graph of examples/ built earlier."""
    out = tmp_path / "out" / "graph.ttl"
    out.parent.mkdir()
    shutil.copyfile(examples_build, out)
    return out, out.read_bytes()


def assert_previous_graph_intact(out: Path, before: bytes) -> None:
    assert out.read_bytes() == before
    parse_strictly(out)
    assert temporary_files(out.parent) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_build_keeps_the_previous_graph(many_articles, previous_graph, jobs):
    out, before = previous_graph
    # a terminal's Ctrl-C signals the whole foreground process group: kg and its workers
    stopped = run_and_interrupt(["build", str(many_articles), "-o", str(out), "-j", jobs], signal.SIGINT,
                                ready=MID_RUN, group=True)
    assert stopped.returncode == 130
    assert "kg: interrupted" in stopped.stderr
    assert TRACEBACK not in stopped.stderr
    assert stopped.seconds_to_stop < 30
    assert stopped.leftovers == []  # no worker left running
    assert_previous_graph_intact(out, before)


def test_kill_mid_build_keeps_the_previous_graph_and_cleans_up(many_articles, previous_graph):
    out, before = previous_graph
    stopped = run_and_interrupt(["build", str(many_articles), "-o", str(out), "-j", "1"], signal.SIGTERM,
                                ready=MID_RUN)
    assert stopped.returncode == 128 + signal.SIGTERM
    assert "kg: terminated" in stopped.stderr and TRACEBACK not in stopped.stderr
    assert stopped.leftovers == []
    assert_previous_graph_intact(out, before)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_mid_build_keeps_the_previous_graph_and_leaves_no_workers(many_articles, previous_graph, jobs):
    out, before = previous_graph
    stopped = run_and_interrupt(["build", str(many_articles), "-o", str(out), "-j", jobs], signal.SIGKILL,
                                ready=MID_RUN)
    assert stopped.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    parse_strictly(out)
    assert stopped.leftovers == []  # a worker holds a spaCy model in memory


# --- stores ----------------------------------------------------------------------------------------

def store_quads(store_dir: Path) -> set:
    from kg.store import open_store

    with open_store(store_dir, lock_timeout=5) as store:
        return set(store.quads())


def documents(quads: set) -> set[str]:
    """The ids of the documents a store holds."""
    return {str(o) for _, p, o, _ in quads if p == DCTERMS.identifier}


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> tuple[Path, set]:
    store = tmp_path_factory.mktemp("store") / "store"
    result = kg("build", ARTICLES, "--store", store, "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    return store, store_quads(store)


@pytest.fixture
def previous_store(tmp_path, built_store) -> tuple[Path, set]:
    source, quads = built_store
    store = tmp_path / "store"
    shutil.copytree(source, store)
    return store, quads


def writing_the_store(store: Path):
    """True once a build holds the store for writing: its lock file names the writer."""
    def ready(terminal: bytes) -> bool:
        lock = store / "lock"
        return lock.exists() and b'"pid"' in lock.read_bytes()

    return ready


def assert_old_or_whole(before: set, after: set, new: set[str]) -> None:
    """The store is as it was, or holds the whole new build (with what the new documents taught it
    about the old ones): never a part of it."""
    if documents(after) == documents(before):
        assert after == before
    else:
        assert documents(after) == documents(before) | new


def test_ctrl_c_while_parsing_leaves_the_store_untouched(many_articles, previous_store):
    store, before = previous_store
    stopped = run_and_interrupt(["build", str(many_articles), "--store", str(store), "-j", "1"], signal.SIGINT,
                                ready=MID_RUN, group=True)
    assert stopped.returncode == 130 and TRACEBACK not in stopped.stderr
    assert store_quads(store) == before  # opens: the lock is free and the database readable


def test_ctrl_c_while_writing_leaves_the_old_store_or_the_whole_new_one(new_articles, previous_store):
    store, before = previous_store
    folder, new = new_articles
    stopped = run_and_interrupt(["build", str(folder), "--store", str(store), "-j", "1"], signal.SIGINT,
                                ready=writing_the_store(store), group=True)
    assert stopped.returncode in (0, 130) and TRACEBACK not in stopped.stderr  # 0: it had just finished
    assert_old_or_whole(before, store_quads(store), new)


def test_kill_9_while_writing_leaves_a_store_that_takes_the_next_build(new_articles, previous_store, tmp_path):
    store, before = previous_store
    folder, new = new_articles
    stopped = run_and_interrupt(["build", str(folder), "--store", str(store), "-j", "1"], signal.SIGKILL,
                                ready=writing_the_store(store))
    assert stopped.returncode in (0, -signal.SIGKILL)
    assert_old_or_whole(before, store_quads(store), new)
    extra = tmp_path / "extra.txt"
    extra.write_text("Angela Merkel met Emmanuel Macron in Berlin on Monday.\n")
    result = kg("build", extra, "--store", store, "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    query = kg("query", "--store", store, "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }",
               "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert {"Angela Merkel", "Emmanuel Macron"} <= set(query.stdout.splitlines())
    assert documents(before) <= documents(store_quads(store))

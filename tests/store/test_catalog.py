"""The catalog on disk: the documents' facts in one SQLite database, each put one transaction, the
files of the old layout read and moved in, and a damaged database reported as a StoreError."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import StoreError
from kg.ids import sha1
from kg.pipeline.incremental import update
from kg.store import catalog as catalog_module
from kg.store import facts_json, lean
from kg.store.catalog import DATABASE, OLD_FACTS, Catalog, Spool
from kg.store.oxigraph import OxigraphStore

from .conftest import stored_facts
from .test_incremental import same, snapshot


@pytest.fixture
def docs(facts):
    """Three documents of people nobody has heard of."""
    return (facts("Mira Castellano met Tomas Okafor in the harbour office.", people=["Mira Castellano", "Tomas Okafor"],
                  event=("040", "met", 0, 1)),
            facts("Okafor criticised the port authority.", people=["Okafor"], date="2017-03-06"),
            facts("Ilse Varga telephoned Anders Quill.", people=["Ilse Varga", "Anders Quill"],
                  event=("040", "telephoned", 0, 1), date="2017-03-07"))


def change_counter(root: Path) -> int:
    """The database header's file change counter: one more for each transaction that changed it."""
    return int.from_bytes((root / DATABASE).read_bytes()[24:28], "big")


def test_put_read_delete_prune(tmp_path, docs, facts):
    root = tmp_path / "catalog"
    catalog = Catalog(root)
    catalog.put(list(docs))
    catalog.save()
    assert (root / DATABASE).is_file() and not (root / OLD_FACTS).exists()
    again = Catalog(root)
    assert again.facts() == {f.article.doc_id: f for f in docs}
    assert again.read(docs[1].article.doc_id) == docs[1]
    ids = [f.article.doc_id for f in docs]
    assert list(again.read_many(ids[::-1])) == list(docs[::-1])

    # a document put again is replaced
    first = docs[0].article
    changed = facts(first.text, people=["Mira Castellano"], doc_id=first.doc_id)
    again.put([changed])
    assert Catalog(root).read(first.doc_id) == changed
    assert list(Catalog(root).read_for_resolution([first.doc_id])) == [lean.from_json(facts_json.dumps(changed))]

    # a deleted document leaves the index at save and the database at prune
    again.delete([ids[2]])
    again.save()
    assert stored_facts(root) == set(ids)
    again.prune()
    assert stored_facts(root) == set(ids[:2])
    with pytest.raises(StoreError, match=f"the facts of {ids[2]} .*{DATABASE}.*not there"):
        Catalog(root).read(ids[2])


def test_facts_from_a_spool_are_stored_as_they_are(tmp_path, docs):
    spool = Spool(tmp_path)
    for item in docs:
        spool.append(item)
    catalog = Catalog(tmp_path / "catalog")
    catalog.put(spool)
    db = sqlite3.connect(tmp_path / "catalog" / DATABASE)
    rows = {doc_id: (data, kept)
            for doc_id, data, kept in db.execute("SELECT doc_id, json, lean.lean FROM facts JOIN lean USING (doc_id)")}
    db.close()
    assert rows == {e.doc_id: (spool.raw(e), spool.raw_lean(e)) for e in spool.entries}  # not encoded again
    assert catalog.facts() == {f.article.doc_id: f for f in docs}
    spool.close()


def test_facts_read_for_resolution_and_the_articles_texts(tmp_path, docs):
    """Resolution reads each document without its article's text and the sentences of its evidence;
    the graph writer reads the articles' texts back, where each sentence is."""
    spool = Spool(tmp_path)
    for item in docs:
        spool.append(item)
    catalog = Catalog(tmp_path / "catalog")
    catalog.put(spool)
    ids = [f.article.doc_id for f in docs]
    expected = [lean.from_json(facts_json.dumps(f)) for f in docs]
    for read in (list(catalog.read_for_resolution(ids)), list(spool.read_for_resolution())):
        assert read == expected
        assert [document.sha1 for document, _ in read] == [sha1(f.article.text) for f in docs]
        evidence = [ev for _, f in read for e in f.entities for ev in e.evidence]
        assert evidence and all(ev.text == "" for ev in evidence)
        assert all(f.article.text == "" for _, f in read)
    texts = dict(catalog.texts(ids[::-1]))
    assert list(texts) == ids[::-1]
    for item in docs:
        for e in item.entities:
            for ev in e.evidence:
                assert texts[ev.doc_id][ev.start:ev.end] == ev.text != ""
    with pytest.raises(StoreError, match="the facts of nowhere"):
        dict(catalog.texts(["nowhere"]))
    spool.close()


@pytest.mark.parametrize("share", [catalog_module.SCAN_SHARE, 1])  # all asked: one pass; 1: looked up
def test_copies_read_in_one_pass_or_one_by_one_leave_the_database_free_between_rows(tmp_path, docs, facts,
                                                                                  monkeypatch, share):
    """Resolution asks for most of the catalog (every build does): the copies are read as they lie in
    their table, a statement of ``SCAN_ROWS`` rows at a time; asked for a few, one by one. Either way,
    each document asked for once, and a build can put facts while a reader is between rows (its
    commit waits for every reader)."""
    root = tmp_path / "catalog"
    Catalog(root).put(list(docs))
    monkeypatch.setattr(catalog_module, "SCAN_SHARE", share)
    monkeypatch.setattr(catalog_module, "SCAN_ROWS", 1)
    monkeypatch.setattr(catalog_module, "BUSY_TIMEOUT", 0.1)
    asked = [f.article.doc_id for f in docs][::-1][:2 if share == 1 else 3]  # 2 * 1 < 3: looked up
    reading = Catalog(root).read_for_resolution(asked)
    read = [next(reading)]
    Catalog(root).put([facts("Anders Quill left the harbour.", people=["Anders Quill"])])  # mid-read
    read += list(reading)
    expected = {f.article.doc_id: lean.from_json(facts_json.dumps(f)) for f in docs if f.article.doc_id in asked}
    assert len(read) == len(asked) and {d.doc_id: (d, f) for d, f in read} == expected


def test_the_copies_of_a_put_follow_one_another_in_the_file(tmp_path, facts):
    """A put writes every document's JSON, then every copy resolution reads: the copies' pages are
    one run in the file (read in a few large reads), not each between two documents' JSON."""
    text = "Mira Castellano met Tomas Okafor in the harbour office. " * 40
    many = [facts(f"{text} Report {i}.", people=["Mira Castellano", "Tomas Okafor"], event=("040", "met", 0, 1))
            for i in range(60)]
    Catalog(tmp_path).put(many)
    with closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'lean'").fetchone()[0]
        pages = [n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'lean' ORDER BY pageno") if n != root]
        json_pages = max(n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'facts'"))
    assert len(pages) > 2 and pages == list(range(pages[0], pages[0] + len(pages))) and pages[0] > json_pages


def made_by_an_earlier_kg(root: Path, docs, *statements: str) -> None:
    """A catalog of ``docs`` whose database ``statements`` then turn into the layout of an earlier kg."""
    catalog = Catalog(root)
    catalog.put(docs)
    catalog.save()
    with closing(sqlite3.connect(root / DATABASE)) as db, db:
        for statement in statements:
            db.execute(statement)


def test_documents_without_a_copy_for_resolution_are_read_from_their_json(tmp_path, docs):
    """A catalog of an earlier kg has no copies (no table for them): its documents are read from
    their JSON, and their copies kept; a copy that cannot be trusted is read from the JSON too."""
    root = tmp_path / "catalog"
    made_by_an_earlier_kg(root, docs[:2], "DROP TABLE lean", "PRAGMA user_version = 0")
    catalog = Catalog(root)
    catalog.put([docs[2]])
    ids = [f.article.doc_id for f in docs]
    expected = {f.article.doc_id: lean.from_json(facts_json.dumps(f)) for f in docs}
    old = {f.article.doc_id for f in docs[:2]}

    def without_copies() -> set[str]:
        with closing(sqlite3.connect(root / DATABASE)) as db:
            return {d for (d,) in db.execute("SELECT doc_id FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM lean)")}

    assert without_copies() == old
    copies: dict[str, bytes] = {}
    assert {d.doc_id: (d, f) for d, f in catalog.read_for_resolution(ids, copies)} == expected
    assert set(copies) == old  # made as they were read from their JSON
    catalog.keep_copies(copies)
    assert without_copies() == set()
    copies.clear()
    assert {d.doc_id: (d, f) for d, f in catalog.read_for_resolution(ids, copies)} == expected and not copies

    with closing(sqlite3.connect(root / DATABASE)) as db, db:
        db.execute("UPDATE lean SET lean = ? WHERE doc_id = ?", (b"damaged", docs[2].article.doc_id))
    assert {d.doc_id: (d, f) for d, f in catalog.read_for_resolution(ids, copies)} == expected
    assert set(copies) == {docs[2].article.doc_id}


def test_copies_kept_behind_the_json_are_read_there_and_moved_apart(tmp_path, docs):
    """The release before kept each copy resolution reads in a column of the facts table, behind the
    document's JSON, so that reading the copies read the whole table from disk: they are read from
    there, not from the JSON, until the catalog's first write moves them into their own table."""
    root = tmp_path / "catalog"
    made_by_an_earlier_kg(root, docs[:2], "ALTER TABLE facts ADD COLUMN lean BLOB",
                          "UPDATE facts SET lean = (SELECT lean.lean FROM lean WHERE lean.doc_id = facts.doc_id)",
                          "DROP TABLE lean", "PRAGMA user_version = 0",
                          "UPDATE facts SET json = CAST('not JSON' AS BLOB)")  # so that a read of the JSON fails
    ids = [f.article.doc_id for f in docs]
    expected = {f.article.doc_id: lean.from_json(facts_json.dumps(f)) for f in docs}
    catalog = Catalog(root)
    copies: dict[str, bytes] = {}
    assert {d.doc_id: (d, f) for d, f in catalog.read_for_resolution(ids[:2], copies)} == {
        i: expected[i] for i in ids[:2]} and not copies

    catalog.put([docs[2]])
    with closing(sqlite3.connect(root / DATABASE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == catalog_module.LAYOUT
        assert {d for (d,) in db.execute("SELECT doc_id FROM lean")} == set(ids)
    assert {d.doc_id: (d, f) for d, f in catalog.read_for_resolution(ids, copies)} == expected and not copies


def test_a_put_is_one_transaction(tmp_path, docs):
    root = tmp_path / "catalog"
    catalog = Catalog(root)
    catalog.put([docs[0]])
    before = change_counter(root)
    catalog.put(docs[1:])
    assert change_counter(root) == before + 1  # two documents, one commit

    def failing():
        yield docs[0]
        raise RuntimeError("the parse went wrong")

    fresh = Catalog(tmp_path / "other")
    fresh.put([docs[2]])
    with pytest.raises(RuntimeError):
        fresh.put(failing())
    assert stored_facts(tmp_path / "other") == {docs[2].article.doc_id}  # nothing of the failed put
    assert set(fresh.entries) == {docs[2].article.doc_id}


CRASH = """
import os, sys
from pathlib import Path
from kg.model import Article, DocFacts
from kg.store.catalog import Catalog

def articles():
    for n in range(6):  # about 6 MB: more than SQLite's page cache, so the database file is written to
        if n == 5:
            os._exit(3)  # killed in the middle of the put, its transaction open
        text = f"Story {n}. " + "The ferry left the quay on time. " * 32000
        yield DocFacts(Article(doc_id=f"crash-{n}", text=text, source=f"crash-{n}.txt"))

Catalog(Path(sys.argv[1])).put(articles())
"""


def test_a_put_killed_half_way_leaves_nothing_of_itself(tmp_path, docs):
    root = tmp_path / "catalog"
    catalog = Catalog(root)
    catalog.put(list(docs))
    catalog.save()
    proc = subprocess.run([sys.executable, "-c", CRASH, str(root)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert (root / f"{DATABASE}-journal").exists()  # its transaction left open
    again = Catalog(root)  # as the next build reads it
    assert again.facts() == {f.article.doc_id: f for f in docs}
    assert not (root / f"{DATABASE}-journal").exists()  # rolled back by the first reader
    assert stored_facts(root) == {f.article.doc_id for f in docs}


def write_old_layout(root: Path) -> None:
    """Turn a catalog into what kg wrote before the database: a JSON file per document, named by
    the SHA-1 of its doc id, beside the same index."""
    facts = Catalog(root).facts()
    (root / OLD_FACTS).mkdir()
    for doc_id, item in facts.items():
        (root / OLD_FACTS / (sha1(doc_id) + ".json")).write_text(facts_json.dumps(item), encoding="utf-8")
    (root / DATABASE).unlink()
    assert json.loads((root / "index.json").read_text())["format"] == 1


def test_a_catalog_of_the_old_layout_is_read_then_moved_into_the_database(tmp_path, docs):
    first, second, third = docs
    with OxigraphStore(tmp_path / "store", writable=True, create=True) as store:
        update(store, Catalog(tmp_path / "store" / "catalog"), add=[first, second])
        before = snapshot(store)
    root = tmp_path / "store" / "catalog"
    write_old_layout(root)

    old = Catalog(root)
    assert old.facts() == {f.article.doc_id: f for f in (first, second)}  # read as it is
    assert not (root / DATABASE).exists()  # reading writes nothing
    assert old.holds(first.article.doc_id, first.article.text)

    with OxigraphStore(tmp_path / "store", writable=True) as store:
        changes = update(store, Catalog(root))  # nothing to add: the facts move, the graphs stay
        assert changes.written == 0 and same(snapshot(store), before)
        assert not (root / OLD_FACTS).exists() and stored_facts(root) == {first.article.doc_id, second.article.doc_id}
        changes = update(store, Catalog(root), add=[third])
        assert changes.added == [third.article.doc_id]
        migrated = snapshot(store)
    assert stored_facts(root) == {f.article.doc_id for f in docs}
    assert Catalog(root).facts() == {f.article.doc_id: f for f in docs}
    with OxigraphStore(tmp_path / "once", writable=True, create=True) as once:
        update(once, Catalog(tmp_path / "once" / "catalog"), add=list(docs))
        assert same(migrated, snapshot(once))


def test_old_files_wait_until_the_index_is_saved(tmp_path, docs):
    """An interrupted first write of an old catalog leaves files and database both readable."""
    root = tmp_path / "catalog"
    catalog = Catalog(root)
    catalog.put(docs[:2])
    catalog.save()
    write_old_layout(root)
    catalog = Catalog(root)
    catalog.put([docs[2]])  # the files moved in, in the put's transaction; no save, no prune
    assert (root / OLD_FACTS).is_dir() and stored_facts(root) == {f.article.doc_id for f in docs}
    again = Catalog(root)
    assert again.facts() == {f.article.doc_id: f for f in docs[:2]}  # the index names only these
    again.put([])
    again.save()
    again.prune()
    assert not (root / OLD_FACTS).exists() and stored_facts(root) == {f.article.doc_id for f in docs[:2]}


def test_a_damaged_database_is_a_store_error_that_names_it(tmp_path, docs, capsys):
    root = tmp_path / "store" / "catalog"
    with OxigraphStore(tmp_path / "store", writable=True, create=True) as store:
        update(store, Catalog(root), add=list(docs[:2]))
    (root / DATABASE).write_bytes(b"these bytes were never a database " * 200)
    catalog = Catalog(root)  # the index alone: still fine
    assert docs[0].article.doc_id in catalog
    for action in (lambda: catalog.read(docs[0].article.doc_id), lambda: catalog.put([docs[2]])):
        with pytest.raises(StoreError, match="cannot be used") as caught:
            action()
        assert str(root / DATABASE) in str(caught.value)
    with OxigraphStore(tmp_path / "store", writable=True) as store, pytest.raises(StoreError, match=DATABASE):
        update(store, catalog, add=[docs[2]])
    # on the command line: one line that names it, no traceback
    capsys.readouterr()
    assert main(["remove", docs[1].article.doc_id, "--store", str(tmp_path / "store")]) == StoreError.exit_code
    err = capsys.readouterr().err
    assert str(root / DATABASE) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_database_another_program_holds_is_a_store_error(tmp_path, docs, monkeypatch):
    root = tmp_path / "catalog"
    Catalog(root).put(docs[:1])
    monkeypatch.setattr(catalog_module, "BUSY_TIMEOUT", 0.1)
    other = sqlite3.connect(root / DATABASE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another program"):
            Catalog(root).put(docs[1:])
    finally:
        other.close()
    Catalog(root).put(docs[1:])

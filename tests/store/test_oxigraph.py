"""What only the Oxigraph directory store does: its directory, its lock, its bulk writes through a
copy of the database, and finishing a swap that a crash interrupted."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from kg.errors import StoreError
from kg.graph.vocab import resource
from kg.store import open_store
from kg.store.oxigraph import DATA, EDITED, STAGING, OxigraphStore

from .test_contract import G1, G2, ONLY_1, ONLY_2, SHARED, same_graphs

MANY = [(resource(f"event:e{i}"), RDFS.label, Literal(f"event {i}")) for i in range(300)]


def test_reading_a_store_that_is_not_there_fails_clearly(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "nowhere")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not a kg store"):
        open_store(tmp_path / "mine", writable=True, create=True)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_a_store_opened_for_reading_refuses_writes(tmp_path):
    open_store(tmp_path / "s", writable=True, create=True).close()
    with open_store(tmp_path / "s") as store, pytest.raises(StoreError, match="read-only"):
        store.replace_graphs({G1: SHARED})


def test_readers_share_the_store_and_a_writer_waits_for_them(tmp_path):
    with open_store(tmp_path / "s", writable=True, create=True) as store:
        store.replace_graphs({G1: SHARED})
    with open_store(tmp_path / "s") as a, open_store(tmp_path / "s") as b:
        assert a.count() == b.count() == len(SHARED)
        with pytest.raises(StoreError, match="in use by another kg process"):
            open_store(tmp_path / "s", writable=True, lock_timeout=0.2)
    with open_store(tmp_path / "s", writable=True) as writer:
        with pytest.raises(StoreError, match="in use by another kg process"):
            open_store(tmp_path / "s", lock_timeout=0.2)
        writer.replace_graphs({G2: ONLY_2})


def test_bulk_writes_give_the_same_store_as_small_ones(tmp_path):
    graphs = {G1: SHARED + ONLY_1 + MANY, G2: SHARED + ONLY_2}
    small = OxigraphStore(tmp_path / "small", writable=True, create=True, bulk_threshold=10**9)
    bulk = OxigraphStore(tmp_path / "bulk", writable=True, create=True, bulk_threshold=0)
    for store in (small, bulk):
        store.replace_graphs(graphs)
        store.replace_graphs({G1: ONLY_1}, drop=[G2])
    for store in (small, bulk):
        assert same_graphs(store, {G1: ONLY_1})
        assert store.query("SELECT ?n WHERE { ?p rdfs:label ?n }").rows == []  # the union lost the labels
        assert not (store.path / STAGING).exists()
        store.close()


def test_a_stream_of_graphs_gives_the_store_that_one_write_of_them_gives(tmp_path):
    # a stream is taken as it comes: below the threshold in one update, above it through the bulk loader
    before = {G1: SHARED + ONLY_1, G2: SHARED + ONLY_2}
    after = {G1: ONLY_1 + MANY, "https://example.org/g3": SHARED}
    for threshold in (10**9, 0, 100):
        stores = [OxigraphStore(tmp_path / f"{kind}-{threshold}", writable=True, create=True,
                                bulk_threshold=threshold) for kind in ("one", "stream")]
        for store in stores:
            store.replace_graphs(before)
        stores[0].replace_graphs(after, drop=[G2])
        assert stores[1].write_graphs(iter(after.items()), drop=[G2]) == 2
        for store in stores:
            assert same_graphs(store, after)
            # SHARED moved from G1 and G2 to g3: still in the union; ONLY_2 left it with G2
            labels = {str(row[0]) for row in store.query("SELECT ?n WHERE { ?s rdfs:label ?n }").rows}
            assert labels == {str(o) for _, p, o in ONLY_1 + MANY + SHARED if p == RDFS.label}
            store.close()


def test_a_few_graphs_changed_in_a_large_database_are_written_in_place(tmp_path, monkeypatch):
    import kg.store.oxigraph as oxigraph

    monkeypatch.setattr(oxigraph, "BULK_THRESHOLD", 100)  # a "large" database at a test's size
    monkeypatch.setattr(oxigraph, "DATABASE_BYTES_PER_EDIT", 20)
    graphs = {f"https://example.org/g{i}": [(resource(f"event:e{i}-{j}"), RDFS.label, Literal(f"event {j}"))
                                            for j in range(60)] for i in range(5)}
    with OxigraphStore(tmp_path / "s", writable=True, create=True) as store:
        assert store.in_place_limit() == 100  # an empty database: the floor
        store.write_graphs(iter(graphs.items()))  # 300 quads: through the bulk loader, into a copy
        database = (tmp_path / "s" / DATA).stat().st_ino
        assert store.in_place_limit() > 300
        changed = {"https://example.org/g0": graphs["https://example.org/g0"][1:] + SHARED}
        assert store.write_graphs(iter(changed.items()), drop=["https://example.org/g1"]) == 1
        assert (tmp_path / "s" / DATA).stat().st_ino == database  # no copy was made
        after = {**graphs, **changed}
        del after["https://example.org/g1"]
        assert same_graphs(store, after)
        labels = {str(row[0]) for row in store.query("SELECT ?n WHERE { ?s rdfs:label ?n }").rows}
        assert "event 0" in labels  # g0 lost e0-0's label, which other graphs still state
        assert labels == {str(o) for triples in after.values() for _, p, o in triples if p == RDFS.label}
        assert store.count() == sum(map(len, after.values()))


def test_writes_in_place_are_compacted_once_they_add_up_to_a_bulk_write(tmp_path):
    graphs = [{f"https://example.org/g{i}": [(resource(f"event:e{i}-{j}"), RDFS.label, Literal(f"event {j}"))
                                             for j in range(60)]} for i in range(2)]
    with OxigraphStore(tmp_path / "s", writable=True, create=True, bulk_threshold=100) as store:
        store.write_graphs(iter(graphs[0].items()))
        assert (tmp_path / "s" / EDITED).read_text() == "60\n"
        store.write_graphs(iter(graphs[1].items()))  # 120 in place since the last compaction: compacted
        assert (tmp_path / "s" / EDITED).read_text() == "0\n"
        assert same_graphs(store, {**graphs[0], **graphs[1]})
        store.write_graphs(iter({G1: MANY}.items()))  # 300: through the bulk loader, into a compacted copy
        assert not (tmp_path / "s" / EDITED).exists()


def test_a_graph_with_blank_nodes_is_never_edited_in_place(tmp_path):
    from rdflib import BNode

    node = BNode("b1")
    with OxigraphStore(tmp_path / "s", writable=True, create=True, bulk_threshold=10**9) as store:
        store.replace_graphs({G1: SHARED})
        database = (tmp_path / "s" / DATA).stat().st_ino
        # an update cannot name a blank node: the graph goes through the bulk loader, which keeps it one node
        store.write_graphs(iter({G1: [(node, RDFS.label, Literal("x")), (node, RDFS.comment, Literal("y"))]}.items()))
        assert (tmp_path / "s" / DATA).stat().st_ino != database
        subjects = {row[0] for row in store.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
        assert len(subjects) == 1


def test_a_swap_cut_short_by_a_crash_is_finished_or_undone(tmp_path):
    with open_store(tmp_path / "s", writable=True, create=True) as store:
        store.replace_graphs({G1: SHARED})
    # a complete copy whose rename never happened: the next opener takes it
    shutil.copytree(tmp_path / "s" / DATA, tmp_path / "copy")
    with open_store(tmp_path / "s", writable=True) as store:
        store.replace_graphs({G2: ONLY_2})
    shutil.rmtree(tmp_path / "s" / DATA)
    shutil.move(tmp_path / "copy", tmp_path / "s" / STAGING)
    with open_store(tmp_path / "s") as reader:
        assert same_graphs(reader, {G1: SHARED})
    with open_store(tmp_path / "s", writable=True) as store:
        assert same_graphs(store, {G1: SHARED})
    assert (tmp_path / "s" / DATA).is_dir() and not (tmp_path / "s" / STAGING).exists()
    # a copy left beside the database (the crash came before the swap): thrown away
    shutil.copytree(tmp_path / "s" / DATA, tmp_path / "s" / STAGING)
    with open_store(tmp_path / "s", writable=True) as store:
        assert same_graphs(store, {G1: SHARED})
    assert not (tmp_path / "s" / STAGING).exists()


def test_a_failed_bulk_load_leaves_the_store_as_it_was(tmp_path):
    (tmp_path / "bad.nq").write_text("<https://a> <https://b> <https://c> <https://g> .\nthis is not n-quads\n")
    with open_store(tmp_path / "s", writable=True, create=True) as store:
        store.replace_graphs({G1: SHARED})
        with pytest.raises(StoreError, match="bad.nq"):
            store.load(tmp_path / "bad.nq")
        assert same_graphs(store, {G1: SHARED})
    assert not (tmp_path / "s" / STAGING).exists()


def test_a_bulk_load_in_chunks_keeps_each_blank_node_one_node(tmp_path, monkeypatch):
    import kg.store.oxigraph as oxigraph_store

    monkeypatch.setattr(oxigraph_store, "BULK_CHUNK", 4)  # the file below spans five chunks
    lines = [f'_:speaker <{RDFS.label}> "Speaker {i}" <{G1}> .' for i in range(10)]
    lines += [f'<{resource("person:x")}> <{RDFS.comment}> "a literal that says _:speaker {i}" <{G2}> .'
              for i in range(10)]
    (tmp_path / "blank.nq").write_text("\n".join(lines) + "\n")
    with open_store(tmp_path / "s", writable=True, create=True) as store:
        assert store.load(tmp_path / "blank.nq") == 20
        speakers = store.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s rdfs:label ?l } }").rows
        assert len(speakers) == 1  # one node, not one per chunk
        union = store.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }").rows
        assert len(union) == 10 and {row[0] for row in union} == {speakers[0][0]}
        comments = store.query("SELECT ?c WHERE { ?x rdfs:comment ?c }").rows
        assert sorted(row[0] for row in comments) == sorted(f"a literal that says _:speaker {i}" for i in range(10))


@pytest.mark.parametrize("lines, blank", [
    (["<https://example.org/s> <https://example.org/p> <https://example.org/o>"], False),
    (["<https://example.org/s> <https://example.org/p> \"a_:b\""], False),
    (["_:b0 <https://example.org/p> <https://example.org/o>"], True),  # a subject
    (["<https://example.org/s> <https://example.org/p> <https://example.org/o>",
      "_:b0 <https://example.org/p> <https://example.org/o>"], True),  # the subject of a later line
    (["<https://example.org/s> <https://example.org/p> _:b1"], True),  # an object
    ([], False),
])
def test_blank_nodes_are_found_in_any_line(lines, blank):
    from kg.store.terms import has_blank_node

    assert has_blank_node(lines) is blank

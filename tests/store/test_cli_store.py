"""kg build, query, remove, load and dump on stores, end to end on examples/articles (the real model)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.graph.rdf import doc_iri, is_doc_iri
from kg.graph.vocab import resource
from kg.ids import sha1
from kg.store import open_store
from kg.store.lock import DirLock

from .conftest import ARTICLES, ROOT, canonical, clear_remote, copy_articles

pytestmark = pytest.mark.slow
JOHNSON = "johnson-to-visit-russia-2017-03-05.txt"  # the one article that names Sergey Lavrov in full


def kg(*args: str) -> int:
    return main([*args])


def graphs_of(spec) -> dict[str, Graph]:
    with open_store(str(spec)) as store:
        ds = store.dataset()
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def documents_of(spec) -> set[str]:
    """The names of a store's documents' graphs."""
    return {name for name in graphs_of(spec) if is_doc_iri(name)}


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


def query_csv(capsys, *args: str) -> list[str]:
    capsys.readouterr()
    assert kg("query", *args, "--format", "csv") == 0
    return capsys.readouterr().out.splitlines()[1:]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """kg build examples/articles into a store, once: tests work on copies."""
    folder = tmp_path_factory.mktemp("built")
    assert kg("build", str(ARTICLES), "--store", str(folder / "store"), "-j", "1", "-q") == 0
    return folder / "store"


@pytest.fixture
def store_dir(built, tmp_path):
    shutil.copytree(built, tmp_path / "store")
    return tmp_path / "store"


def test_build_without_o_fills_kg_out_store_beside_the_page(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert kg("build", str(ARTICLES), "-j", "1", "-q") == 0
    assert (tmp_path / "kg-out" / "store" / "kg-store.json").is_file()
    assert (tmp_path / "kg-out" / "graph.html").is_file()
    people = query_csv(capsys, "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")
    assert {"Boris Johnson", "Sergey Lavrov", "Theresa May"} <= set(people)


def test_the_store_holds_what_a_file_build_writes(store_dir, tmp_path):
    assert kg("build", str(ARTICLES), "-o", str(tmp_path / "graph.trig"), "-j", "1", "-q") == 0
    ds = Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    from_file = {str(g.identifier): canonical(g) for g in ds.graphs() if len(g)}
    assert same(graphs_of(store_dir), from_file)


def test_building_again_leaves_the_store_unchanged(store_dir, capsys):
    with open_store(str(store_dir)) as store:
        count, union = store.count(), store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    before = graphs_of(store_dir)
    capsys.readouterr()
    assert kg("build", str(ARTICLES), "--store", str(store_dir), "-j", "1") == 0
    assert "3 already in the store unchanged" in capsys.readouterr().err
    assert kg("build", str(ARTICLES), "--store", str(store_dir), "-j", "1", "-q", "--reparse") == 0
    with open_store(str(store_dir)) as store:
        assert store.count() == count
        assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == union
    assert same(graphs_of(store_dir), before)


def test_remove_then_build_round_trips(store_dir, capsys):
    before = graphs_of(store_dir)
    assert kg("remove", str(ARTICLES / JOHNSON), "--store", str(store_dir), "-q") == 0
    johnson_iri = str(doc_iri(sha1((ARTICLES / JOHNSON).read_text(encoding="utf-8"))))
    assert documents_of(store_dir) == {name for name in before if is_doc_iri(name)} - {johnson_iri}
    # the text of the other articles says only "Lavrov": no one called Sergey is left
    people = query_csv(capsys, "--store", str(store_dir),
                       "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")
    assert "Sergey Lavrov" not in people and "Lavrov" in people
    assert "Boris Johnson" in people  # the politics live page names him too
    assert kg("build", str(ARTICLES), "--store", str(store_dir), "-j", "1", "-q") == 0
    assert same(graphs_of(store_dir), before)


@pytest.mark.parametrize("how", ["doc id", "document IRI", "folder"])
def test_remove_takes_a_doc_id_an_iri_or_a_folder(store_dir, tmp_path, how):
    doc_id = sha1((ARTICLES / JOHNSON).read_text(encoding="utf-8"))
    folder = copy_articles(ARTICLES, tmp_path / "copy", [JOHNSON])
    name = {"doc id": doc_id, "document IRI": str(doc_iri(doc_id)), "folder": str(folder)}[how]
    assert kg("remove", name, "--store", str(store_dir), "-q") == 0
    assert str(doc_iri(doc_id)) not in graphs_of(store_dir)
    assert len(documents_of(store_dir)) == 2  # the other two articles


def test_removing_what_is_not_there_says_so(store_dir, capsys):
    before = graphs_of(store_dir)
    assert kg("remove", "https://news.example/never-built", "--store", str(store_dir)) == 1
    assert "https://news.example/never-built: no such document" in capsys.readouterr().err
    # a record's graph is not a document's: it stays, and the store says so
    lavrov = str(resource("person:sergey-lavrov"))
    assert lavrov in before
    assert kg("remove", lavrov, "--store", str(store_dir)) == 1
    assert f"{lavrov}: no such document" in capsys.readouterr().err
    assert same(graphs_of(store_dir), before)


def test_dump_and_load(store_dir, tmp_path, capsys):
    assert kg("dump", "--store", str(store_dir), "-o", str(tmp_path / "all.nq"), "-q") == 0
    assert kg("load", str(tmp_path / "all.nq"), "--store", str(tmp_path / "copy"), "-q") == 0
    assert same(graphs_of(tmp_path / "copy"), graphs_of(store_dir))
    assert kg("dump", "--store", str(store_dir), "-o", str(tmp_path / "union.ttl"), "-q") == 0
    union = Graph().parse(tmp_path / "union.ttl")
    rows = query_csv(capsys, "--store", str(tmp_path / "copy"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows == [str(len(union))]


def test_queries_on_a_store_and_on_its_dump_agree(store_dir, tmp_path, capsys):
    assert kg("dump", "--store", str(store_dir), "-o", str(tmp_path / "union.ttl"), "-q") == 0
    q = "SELECT ?name (COUNT(?e) AS ?events) WHERE { ?e kg:source ?p . ?p rdfs:label ?name } GROUP BY ?name"
    on_store = query_csv(capsys, "--store", str(store_dir), q)
    on_file = query_csv(capsys, str(tmp_path / "union.ttl"), q)
    assert sorted(on_store) == sorted(on_file) and on_store


def test_store_errors_are_one_line_with_exit_code_2(tmp_path, capsys):
    assert kg("query", "--store", str(tmp_path / "nowhere"), "ASK {}") == 2
    assert "no such store" in capsys.readouterr().err
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("not a store")
    assert kg("dump", "--store", str(tmp_path / "notes"), "-o", str(tmp_path / "x.nq")) == 2
    assert "not a kg store" in capsys.readouterr().err
    assert kg("build", str(ARTICLES), "-o", str(tmp_path / "g.ttl"), "--store", str(tmp_path / "s")) == 2
    assert "either -o FILE or --store" in capsys.readouterr().err


def test_a_busy_store_makes_a_writer_wait_then_say_who_holds_it(store_dir, capsys):
    with DirLock(store_dir / "lock", name=str(store_dir), shared=False, timeout=1):
        code = kg("remove", str(ARTICLES / JOHNSON), "--store", str(store_dir), "--lock-timeout", "0.5")
    assert code == 2
    err = capsys.readouterr().err
    assert "in use by another kg process" in err and f"pid {os.getpid()}" in err
    assert len(documents_of(store_dir)) == 3  # the three articles


def test_two_builds_at_once_on_one_store(tmp_path):
    """Two kg build processes, started together on one new store directory: both succeed, and the
    store holds what one build of all the articles gives."""
    halves = [copy_articles(ARTICLES, tmp_path / "a", [JOHNSON]),
              copy_articles(ARTICLES, tmp_path / "b", [p.name for p in ARTICLES.iterdir() if p.name != JOHNSON])]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def build(*paths, store):
        return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, paths), "--store", str(store),
                                 "-j", "1", "-q"], stderr=subprocess.PIPE, text=True, env=env)

    procs = [build(half, store=tmp_path / "store") for half in halves]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    one = build(*halves, store=tmp_path / "one")
    assert one.wait(timeout=600) == 0, one.stderr.read()
    assert same(graphs_of(tmp_path / "store"), graphs_of(tmp_path / "one"))


def test_build_query_remove_on_a_remote_server(virtuoso, built, tmp_path, capsys):
    """The same commands against Virtuoso over the SPARQL protocols: the same graphs as in Oxigraph."""
    with open_store(virtuoso.endpoint, graph_store=virtuoso.graph_store) as store:
        clear_remote(store)
    remote = ["--store", virtuoso.endpoint, "--graph-store", virtuoso.graph_store,
              "--catalog", str(tmp_path / "catalog")]

    def remote_graphs() -> dict[str, Graph]:
        with open_store(virtuoso.endpoint, graph_store=virtuoso.graph_store) as store:
            ds = store.dataset()
        return {str(g.identifier): canonical(g) for g in ds.graphs() if len(g)}

    assert kg("build", str(ARTICLES), *remote, "-j", "1", "-q") == 0
    local = {name: canonical(g) for name, g in graphs_of(built).items()}
    assert same(remote_graphs(), local)
    people = query_csv(capsys, *remote[:2], "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }")
    assert "Sergey Lavrov" in people and len(people) == len(set(people))  # each person once
    assert kg("remove", str(ARTICLES / JOHNSON), *remote, "-q") == 0
    people = query_csv(capsys, *remote[:2], "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }")
    assert "Sergey Lavrov" not in people and "Lavrov" in people
    assert kg("build", str(ARTICLES), *remote, "-j", "1", "-q") == 0
    assert same(remote_graphs(), local)


def test_remove_drops_a_loaded_graph_that_no_build_wrote(store_dir, tmp_path, capsys):
    assert kg("dump", "--store", str(store_dir), "-o", str(tmp_path / "all.trig"), "-q") == 0
    assert kg("load", str(tmp_path / "all.trig"), "--store", str(tmp_path / "loaded"), "-q") == 0
    johnson_iri = str(doc_iri(sha1((ARTICLES / JOHNSON).read_text(encoding="utf-8"))))
    assert kg("remove", johnson_iri, "--store", str(tmp_path / "loaded"), "-q") == 0
    assert set(graphs_of(tmp_path / "loaded")) == set(graphs_of(store_dir)) - {johnson_iri}
    # without the catalog nothing is resolved again: the rest keep their graphs as loaded
    kept = graphs_of(store_dir)
    assert all(isomorphic(g, kept[name]) for name, g in graphs_of(tmp_path / "loaded").items())
    on_store = query_csv(capsys, "--store", str(tmp_path / "loaded"),
                         "SELECT DISTINCT ?t WHERE { ?m prov:value ?t ; dcterms:isPartOf ?d . "
                         f"FILTER(?d = <{johnson_iri}>) }}")
    assert on_store == []  # its sentences left the union with its graph


def test_stats_viz_export_validate_read_a_store(built, tmp_path, capsys):
    import json

    import networkx as nx

    capsys.readouterr()
    assert kg("stats", "--store", str(built), "--format", "json") == 0
    on_store = json.loads(capsys.readouterr().out)
    assert on_store["documents"] == 3
    assert kg("dump", "--store", str(built), "-o", str(tmp_path / "union.ttl"), "-q") == 0
    assert kg("stats", str(tmp_path / "union.ttl"), "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == on_store  # the store and its dump: one analysis
    assert kg("validate", "--store", str(built)) == 0
    assert f"{built}: conforms" in capsys.readouterr().out
    assert kg("viz", "--store", str(built), "-o", str(tmp_path / "page.html")) == 0
    assert "Aleppo" in (tmp_path / "page.html").read_text(encoding="utf-8")
    assert kg("export", "--store", str(built), "-o", str(tmp_path / "actors.graphml"), "--actors") == 0
    labels = {d.get("label") for _, d in nx.read_graphml(tmp_path / "actors.graphml").nodes(data=True)}
    assert {"Russia", "Boris Johnson", "Sergey Lavrov"} <= labels


def test_commands_on_a_store_default_to_kg_out_store(built, tmp_path, monkeypatch, capsys):
    shutil.copytree(built, tmp_path / "kg-out" / "store")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert kg("stats") == 0
    assert capsys.readouterr().out.startswith("kg-out/store: 3 documents")
    assert kg("validate") == 0
    assert kg("viz", "-o", "page.html") == 0 and (tmp_path / "page.html").is_file()
    assert kg("export", "-o", "all.gexf") == 0 and (tmp_path / "all.gexf").is_file()
    assert kg("stats", "kg-out/store") == 0  # a store directory where a graph file goes: read as the store
    assert "\nkg-out/store: 3 documents" in capsys.readouterr().out


def test_graph_file_and_store_together_is_bad_usage(built, tmp_path, capsys):
    assert kg("stats", str(tmp_path / "g.ttl"), "--store", str(built)) == 2
    assert "either a graph file or --store" in capsys.readouterr().err
    assert kg("validate", "--store", str(tmp_path / "nowhere")) == 2
    assert "no such store" in capsys.readouterr().err


@pytest.mark.parametrize("suffix, unit", [(".ttl", "triples"), (".nt", "triples"), (".nq", "quads"),
                                          (".trig", "quads")])
def test_dump_says_what_it_wrote(built, tmp_path, capsys, suffix, unit):
    out = tmp_path / f"all{suffix}"
    capsys.readouterr()
    assert kg("dump", "--store", str(built), "-o", str(out)) == 0
    said = capsys.readouterr().err.strip()
    ds = Dataset()
    ds.parse(out, format={".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}[suffix])
    written = len(list(ds.quads((None, None, None, None))))
    assert said == f"wrote {out}: {written} {unit} from {built}"

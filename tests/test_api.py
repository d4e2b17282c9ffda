"""The Python API end to end on examples/articles (the real model, a real Oxigraph store, Chromium for the
inline page): kg.build, kg.open, Graph.query/add/remove/write/page/to_rdflib/to_networkx/stats."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from conftest import ARTICLES, QUERIES
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from store.conftest import canonical

import kg
from kg.errors import KgError, StoreError
from kg.ids import sha1

pytestmark = pytest.mark.slow
JOHNSON = "johnson-to-visit-russia-2017-03-05.txt"  # the one article that names Sergey Lavrov in full
CONVOY = QUERIES / "convoy-strike.rq"


@pytest.fixture(scope="module")
def examples() -> kg.Graph:
    """The example articles in memory."""
    return kg.build([ARTICLES], jobs=1)


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory) -> Path:
    """The example articles built into an Oxigraph store directory, once: tests work on copies."""
    store = tmp_path_factory.mktemp("api") / "store"
    kg.build(ARTICLES, store=store, jobs=1)
    return store


def union_of(graph: kg.Graph) -> Graph:
    out = Graph()
    for s, p, o, _ in graph.to_rdflib().quads((None, None, None, None)):
        out.add((s, p, o))
    return out


def test_the_convoy_strike_as_the_articles_tell_it(examples):
    # "the bombing of an aid convoy near Aleppo in September"; Hansard, 18 October 2016: "21 September,
    # which was two days after the bombing of the aid convoy"; "left 20 aid workers and one civilian dead"
    rows = examples.query(CONVOY)
    assert rows.variables == ["event", "what", "where", "when", "killed", "by"]
    assert [(r[2], r[3], r[4]) for r in rows] == [("Aleppo", "2016-09-19", "21")]
    frame = rows.to_dataframe()
    assert list(frame.columns) == rows.variables
    assert frame.loc[0, "where"] == "Aleppo" and frame.loc[0, "when"] == "2016-09-19"
    assert frame.loc[0, "killed"] == 21 and isinstance(frame.loc[0, "killed"].item(), int)


def test_query_text_and_ask(examples):
    people = {name for (name,) in examples.query("SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n }")}
    assert {"Boris Johnson", "Sergey Lavrov", "Theresa May", "Donald Trump"} <= people
    assert examples.query("ASK { ?p rdfs:label 'Aleppo' }").boolean is True


def test_a_store_built_by_the_api_is_the_one_the_command_line_reads(on_disk, examples, capsys):
    opened = kg.open(on_disk)
    assert opened.store == str(on_disk) and len(opened.documents) == 3
    # in memory and in Oxigraph: one graph (numbers as Oxigraph writes them back: "-5.0" is "-5")
    assert isomorphic(union_of(opened), canonical(union_of(examples)))
    from kg.cli import main

    capsys.readouterr()
    assert main(["query", "--store", str(on_disk), str(CONVOY), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()[1:]
    assert [line.split(",")[2:5] for line in out] == [["Aleppo", "2016-09-19", "21"]]


def test_add_then_remove_on_a_store(on_disk, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(on_disk, store)
    g = kg.open(store)
    before = union_of(g)
    removal = g.remove(str(ARTICLES / JOHNSON))
    assert removal.changes is not None and len(removal.changes.removed) == 1
    # the other articles say only "Lavrov"
    people = {n for (n,) in g.query("SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n }")}
    assert "Sergey Lavrov" not in people and "Lavrov" in people
    built = g.add(ARTICLES / JOHNSON, jobs=1)
    assert len(built.parsed.facts) == 1 and built.changes is not None
    assert isomorphic(union_of(g), before)
    again = g.add([ARTICLES], jobs=1)  # unchanged: nothing parsed, nothing written
    assert len(again.parsed.facts) == 0 and len(again.parsed.skipped) == 3


def test_texts_and_records_as_input():
    text = "Boris Johnson met Sergey Lavrov in Moscow on 5 March 2017."
    g = kg.build([text, {"text": "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.", "date": "2017-05-16",
                         "title": "Merkel and Macron"}], jobs=1)
    assert sha1(text) in g.documents and len(g.documents) == 2
    titles = {t for (t,) in g.query("SELECT ?t WHERE { ?d a kg:Document ; dcterms:title ?t }")}
    assert "Merkel and Macron" in titles
    g.remove(text)  # a text names its own document
    assert g.documents != [] and sha1(text) not in g.documents
    people = {n for (n,) in g.query("SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n }")}
    assert people == {"Angela Merkel", "Emmanuel Macron"}
    when = g.query("SELECT ?when WHERE { ?e sem:hasPlace/rdfs:label 'Berlin' ; sem:hasTimeStamp ?when }")
    assert list(when) == [("2017-05-16",)]  # "on Tuesday", in an article of Tuesday 16 May 2017


def test_bad_inputs_are_named_in_warnings_and_skipped(tmp_path):
    with pytest.warns(UserWarning, match="nowhere.txt"):
        g = kg.build(["Boris Johnson met Sergey Lavrov in Moscow.", tmp_path / "nowhere.txt"], jobs=1)
    assert len(g.documents) == 1
    with pytest.raises(KgError, match="no article could be read"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kg.build([tmp_path / "nowhere.txt"], jobs=1)
    with pytest.raises(Exception, match="nowhere.txt"):
        kg.build([tmp_path / "nowhere.txt"], jobs=1, fail_fast=True)


def test_open_says_what_is_wrong(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        kg.open(tmp_path / "nowhere")
    assert repr(kg.open("memory")) == "<kg.Graph memory>" and len(kg.open("memory")) == 0


def test_write_says_triples_or_quads_as_written(examples, tmp_path):
    union = union_of(examples)
    ttl = examples.write(tmp_path / "graph.ttl")
    assert (ttl.unit, ttl.count) == ("triples", len(union)) and len(examples) == len(union)
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), union)
    nq = examples.write(tmp_path / "graph.nq")
    ds = Dataset()
    ds.parse(tmp_path / "graph.nq", format="nquads")
    assert nq.unit == "quads" and nq.count == len(list(ds.quads((None, None, None, None))))
    assert nq.count > ttl.count  # a fact stated by two articles is in both their graphs


def test_networkx_and_stats(examples):
    story = examples.to_networkx()
    aleppo = next(n for n, d in story.nodes(data=True) if d.get("label") == "Aleppo")
    strikes = [a for a, b, d in story.in_edges(aleppo, data=True) if d["role"] == "place"]
    assert any(story.nodes[e].get("killed") == 21 for e in strikes)
    stats = examples.stats(top=5)
    assert stats.documents == 3 and len(stats.central) == 5
    assert {"Boris Johnson", "Russia"} <= {r.label for r in stats.central}  # they act in most of the events


def test_page_and_the_inline_page_in_a_browser(examples, tmp_path, browser):
    path = examples.page(tmp_path / "graph.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") or "<html" in path.read_text()
    inline = examples._repr_html_()
    assert inline.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in inline
    assert "allow-same-origin" not in inline
    notebook = tmp_path / "notebook.html"
    notebook.write_text(f"<!DOCTYPE html><html><body><h1>a notebook cell</h1>{inline}</body></html>",
                        encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url in (notebook.as_uri(), "about:srcdoc"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(notebook.as_uri())
        frame = page.frame_locator("iframe")
        frame.locator("html[data-ready=true]").wait_for(state="attached", timeout=30_000)
        inner = next(f for f in page.frames if f != page.main_frame)
        names = {n["name"] for n in inner.evaluate("kg.shownNodes()")}
        assert {"Aleppo", "Boris Johnson", "Russia"} <= names
    finally:
        context.close()
    assert outside == [] and errors == []


def test_import_kg_is_lazy():
    code = ("import sys, kg\nassert 'kg.api' not in sys.modules\nassert callable(kg.build) and kg.Graph\n"
            "assert 'kg.api' in sys.modules and 'spacy' not in sys.modules\n"
            "assert {'Graph', 'Rows', 'build', 'open'} <= set(dir(kg))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

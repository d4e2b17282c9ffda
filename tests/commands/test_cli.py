"""The command line end to end on examples/: formats, determinism, SHACL, queries, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ARTICLES, EXAMPLES
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kg.cli import main
from kg.graph.rdf import is_doc_iri, read_graph, union
from kg.graph.vocab import ONTOLOGY


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


@pytest.mark.parametrize("suffix", [".nt", ".nq", ".trig", ".jsonld"])
def test_every_format_holds_the_same_graph(tmp_path, examples_graph, suffix):
    out = tmp_path / f"graph{suffix}"
    assert main(["build", str(ARTICLES), "-o", str(out), "-q", "-j", "1"]) == 0
    assert isomorphic(union(read_graph(out)), examples_graph)


def test_quads_have_a_named_graph_per_document_and_per_record(tmp_path):
    out = tmp_path / "graph.nq"
    assert main(["build", str(ARTICLES), "-o", str(out), "-q", "-j", "1"]) == 0
    ds = Dataset()
    ds.parse(out, format="nquads")
    named = {g.identifier for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier}
    documents = {name for name in named if is_doc_iri(str(name))}
    assert len(documents) == len(list(ARTICLES.glob("*.txt")))
    # every other graph but the ontology's is a record's, the graph of what the articles' graphs
    # link to their sentences; the links are in the articles' graphs, not in the records'
    derived = {s for g in ds.graphs() for s in g.subjects(PROV.wasDerivedFrom, None)}
    assert named - documents - {ONTOLOGY} == derived
    for name in derived:
        assert (name, PROV.wasDerivedFrom, None) not in ds.graph(name)
        assert any((name, PROV.wasDerivedFrom, None) in ds.graph(doc) for doc in documents)


def test_same_input_same_graph_same_iris(tmp_path, examples_graph):
    out = tmp_path / "again.ttl"
    assert main(["build", str(ARTICLES), "-o", str(out), "-q", "-j", "1"]) == 0
    again = Graph().parse(out)
    assert isomorphic(again, examples_graph)
    assert set(again.subjects()) == set(examples_graph.subjects())  # no blank nodes, the IRIs themselves agree


def test_graph_conforms_to_the_shapes(examples_build):
    assert main(["validate", str(examples_build)]) == 0


def test_shapes_catch_a_broken_graph(tmp_path, examples_graph):
    from rdflib.namespace import RDF, RDFS, SDO

    from kg.graph.validate import validate

    broken = Graph()
    for triple in examples_graph:
        broken.add(triple)
    person = next(examples_graph.subjects(RDF.type, SDO.Person))
    broken.remove((person, RDFS.label, None))
    assert not validate(broken).conforms


def test_build_writes_a_summary(tmp_path):
    result = kg("build", str(ARTICLES), "-o", str(tmp_path / "g.ttl"), "-j", "1")
    assert result.returncode == 0, result.stderr
    for word in ("documents  3", "entities", "events", "triples", "seconds"):
        assert word in result.stderr


def test_query_formats(examples_build):
    query = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    as_json = json.loads(kg("query", str(examples_build), query, "--format", "json").stdout)
    names = [b["name"]["value"] for b in as_json["results"]["bindings"]]
    assert "Boris Johnson" in names and as_json["head"]["vars"] == ["name"]
    as_csv = kg("query", str(examples_build), query, "--format", "csv").stdout.splitlines()
    assert as_csv[0] == "name" and "Boris Johnson" in as_csv
    as_tsv = kg("query", str(examples_build), query, "--format", "tsv").stdout.splitlines()
    assert as_tsv[0] == "?name" and '"Boris Johnson"' in as_tsv


def test_query_from_a_file(examples_build):
    result = kg("query", str(examples_build), str(EXAMPLES / "queries" / "posts.rq"), "--format", "csv")
    assert result.returncode == 0 and "Foreign Secretary" in result.stdout


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".jsonld"])
def test_query_of_a_file_with_graphs_sees_every_document(tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    assert main(["build", str(ARTICLES), "-o", str(out), "-q", "-j", "1"]) == 0
    result = kg("query", str(out), str(EXAMPLES / "queries" / "convoy-strike.rq"), "--format", "csv")
    # "The attack near Aleppo left 20 aid workers and one civilian dead": the strike is in one
    # document's graph, and the query names no graph
    assert result.returncode == 0 and "Aleppo" in result.stdout and ",21," in result.stdout
    count = kg("query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv").stdout.split()
    assert int(count[1]) == len(union(read_graph(out)))  # each fact once, however many documents state it


def test_query_syntax_error_is_one_line_with_position(examples_build):
    result = kg("query", str(examples_build), "SELECT ?x WHERE { ?x ?y }")
    assert result.returncode == 2
    # the message on one line, then the query's line with a caret under the place
    message, shown, caret = result.stderr.splitlines()
    assert "line 1, column 25" in message and "Traceback" not in result.stderr
    assert (shown, caret) == ("  SELECT ?x WHERE { ?x ?y }", "  " + " " * 24 + "^")


def test_missing_input_is_named_and_nothing_is_written(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("# the previous graph\n")
    result = kg("build", str(tmp_path / "nowhere"), "-o", str(out), "-j", "1")
    assert result.returncode != 0
    assert str(tmp_path / "nowhere") in result.stderr and "no such file" in result.stderr
    assert out.read_text() == "# the previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temporary file left behind


def test_a_bad_file_among_good_ones(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Boris Johnson met Sergey Lavrov in Moscow on Monday.")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "graph.ttl"
    result = kg("build", str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr
    assert "Sergey Lavrov" in out.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "in"]  # its store is gone


def test_a_file_build_removes_the_store_a_killed_one_left_and_not_one_in_use(tmp_path):
    """A build of a file goes through a store beside the file (``kg.pipeline.store.build_file``);
    one killed outright (SIGKILL) leaves it there, and the next build of a file there removes it,
    unless its build still runs (holds its owner's lock, as this test does for one of them)."""
    from kg.store.lock import DirLock, owner_of

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Boris Johnson met Sergey Lavrov in Moscow on Monday.")
    out = tmp_path / "graph [day 1].ttl"  # a name that is a pattern to glob
    killed, running = (tmp_path / f".{out.name}.{pid}.kg-build" for pid in (4_000_001, 4_000_002))
    for folder in (killed, running):
        (folder / "store").mkdir(parents=True)
        (folder / "store" / "half-written").write_text("x")
    owner_of(killed).write_text("")  # its process died with the lock released
    with DirLock(owner_of(running), name=str(running), shared=False, timeout=0):
        assert main(["build", str(tmp_path / "in"), "-o", str(out), "-q", "-j", "1"]) == 0
        assert not killed.exists() and not owner_of(killed).exists()
        assert (running / "store" / "half-written").exists()
    assert "Sergey Lavrov" in out.read_text()


@pytest.mark.parametrize("command", ["build", "query", "viz", "validate"])
def test_help_says_what_and_gives_an_example(command):
    result = kg(command, "--help")
    assert result.returncode == 0 and "example" in result.stdout


def test_the_model_named_in_the_help_is_the_default():
    from kg.commands.build import MODEL_HELP
    from kg.nlp.pipeline import DEFAULT_MODEL

    assert f"(default: {DEFAULT_MODEL})" in MODEL_HELP


@pytest.mark.parametrize("scheduler", [None, "tcp://127.0.0.1:8786"])
def test_build_hands_the_scheduler_to_the_parse_only_when_given(monkeypatch, tmp_path, scheduler):
    """--scheduler reaches kg.pipeline.incremental.parse, for a store and for -o FILE (which is built
    through a store of its own)."""
    from kg.pipeline import incremental

    seen: list[dict] = []

    def parse(paths, **options):
        seen.append(options)
        return incremental.Parsed(skipped=["known"])  # as if the store held every article already

    monkeypatch.setattr(incremental, "parse", parse)
    extra = ["--scheduler", scheduler] if scheduler else []
    assert main(["build", str(ARTICLES), "--store", "memory", "-q", *extra]) == 0
    assert main(["build", str(ARTICLES), "-o", str(tmp_path / "g.ttl"), "-q", *extra]) == 0
    assert len(seen) == 2
    for options in seen:
        assert options.get("scheduler", None) == scheduler and ("scheduler" in options) == bool(scheduler)

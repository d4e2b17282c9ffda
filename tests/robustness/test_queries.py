"""Bad queries, slow queries, missing and broken graphs: a clear line, exit code 2, no traceback
unless --debug."""

from __future__ import annotations

import threading
import time

import pytest
from rdflib import Graph

from kg.errors import QueryError, QueryTimeout
from kg.query.sparql import run

from .conftest import TRACEBACK, error_lines, kg

# every triple with every triple with every triple: billions of rows from a graph of a thousand
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }"


def assert_one_clear_line(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert TRACEBACK not in result.stderr
    (line,) = error_lines(result.stderr)
    assert result.stderr.strip() == line
    for word in words:
        assert word in line


def assert_one_clear_line_and_the_place(result, *words: str) -> None:
    """A query that does not parse: one clear line, then the query's line and a caret under the place."""
    assert result.returncode == 2, result.stderr
    assert TRACEBACK not in result.stderr
    (line,) = error_lines(result.stderr)
    message, shown, caret = result.stderr.strip("\n").split("\n")
    assert message == line and shown.startswith("  ") and caret.strip() == "^" and len(caret) <= len(shown) + 1
    for word in words:
        assert word in line


@pytest.mark.parametrize("query, words", [
    ("SELECT ?x WHERE { ?x ?y }", ["SPARQL syntax error", "line 1"]),
    ("SELECT ?x WHERE {\n  ?x a schema:Person .\n  ?x rdfs:label ?name\n", ["SPARQL syntax error"]),
    ("SELECT ?x WHERE { ?x a nowhere:Person }", ["SPARQL syntax error"]),
    ("DELETE WHERE { ?s ?p ?o }", ["SPARQL syntax error"]),
    ("\u202e\ufeff SELECT \U0001f600", ["SPARQL syntax error"]),
], ids=["unclosed", "unclosed over lines", "unknown prefix", "an update", "garbage"])
def test_a_malformed_query_is_one_line_and_exit_2(examples_build, query, words):
    assert_one_clear_line_and_the_place(kg("query", examples_build, query), *words)


def test_debug_shows_the_traceback(examples_build):
    result = kg("--debug", "query", examples_build, "SELECT ?x WHERE { ?x ?y }")
    assert result.returncode != 0 and TRACEBACK in result.stderr


def test_a_query_that_fails_while_it_runs_is_one_line(examples_build):
    # SERVICE makes rdflib call a SPARQL endpoint; nothing listens on the discard port
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert_one_clear_line(kg("query", examples_build, query))


def test_a_missing_graph_file(tmp_path):
    assert_one_clear_line(kg("query", tmp_path / "nowhere.ttl", PEOPLE), str(tmp_path / "nowhere.ttl"))


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"<https://w3id.org/kg/id/a> <broken",
    "half",
], ids=["binary", "garbage", "cut in half"])
def test_a_broken_graph_file_is_named(tmp_path, examples_build, content):
    path = tmp_path / "graph.ttl"
    data = examples_build.read_bytes()
    path.write_bytes(data[: len(data) // 2] if content == "half" else content)
    assert_one_clear_line(kg("query", path, PEOPLE), str(path))


def test_a_missing_query_file(examples_build, tmp_path):
    assert_one_clear_line(kg("query", examples_build, tmp_path / "nowhere.rq"), str(tmp_path / "nowhere.rq"))


def test_a_missing_store(tmp_path):
    assert_one_clear_line(kg("query", "--store", tmp_path / "nowhere", PEOPLE), str(tmp_path / "nowhere"), "store")


def test_a_folder_that_is_no_store(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    assert_one_clear_line(kg("query", "--store", folder, PEOPLE), str(folder))
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]  # nothing made in it


# --- time limits -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph(examples_build) -> Graph:
    return Graph().parse(examples_build)


def test_a_query_over_its_time_is_stopped(graph):
    threads = threading.active_count()
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        run(graph, ENDLESS, timeout=1)
    assert time.monotonic() - started < 5
    assert isinstance(caught.value, QueryError) and caught.value.exit_code == 2
    # stopped, not abandoned: no thread goes on counting in the background
    cpu = time.process_time()
    time.sleep(1)
    assert time.process_time() - cpu < 0.2
    assert threading.active_count() == threads


def test_a_query_within_its_time_gives_its_answer(graph):
    assert run(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30).rows == [[str(len(graph))]]


def test_a_time_limit_from_another_thread(graph):
    """kg serve runs queries in worker threads: the limit holds there too."""
    caught: list[BaseException] = []

    def work() -> None:
        try:
            run(graph, ENDLESS, timeout=1)
        except BaseException as exc:  # noqa: B036 - the test wants whatever was raised
            caught.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and [type(e) for e in caught] == [QueryTimeout]


def test_kg_query_timeout_on_a_graph_file(examples_build):
    started = time.monotonic()
    result = kg("query", examples_build, ENDLESS, "--timeout", "1")
    assert time.monotonic() - started < 30
    assert_one_clear_line(result, "time limit")


def test_kg_query_timeout_on_a_store(examples_build, tmp_path):
    store = tmp_path / "store"
    assert kg("load", examples_build, "--store", store, "-q").returncode == 0
    started = time.monotonic()
    result = kg("query", "--store", store, ENDLESS, "--timeout", "1")
    assert time.monotonic() - started < 30
    assert_one_clear_line(result, "time limit")

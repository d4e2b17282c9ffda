"""kg serve: the SPARQL 1.1 Protocol as a real client (SPARQLWrapper) speaks it, on a real server
on a free loopback port, over a real Oxigraph store; and its query page in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.graph.vocab import KG, SDO, resource
from kg.serve.http import Options, make_server
from kg.store import open_store
from kg.store.catalog import Catalog

DOCS = {
    str(resource("doc:a")): [(resource("person:boris-johnson"), RDF.type, SDO.Person),
                             (resource("person:boris-johnson"), RDFS.label, Literal("Boris Johnson")),
                             (resource("event:visit"), KG.source, resource("person:boris-johnson"))],
    str(resource("doc:b")): [(resource("person:boris-johnson"), RDF.type, SDO.Person),
                             (resource("person:boris-johnson"), RDFS.label, Literal("Boris Johnson")),
                             (resource("person:sergey-lavrov"), RDF.type, SDO.Person),
                             (resource("person:sergey-lavrov"), RDFS.label, Literal("Sergey Lavrov"))],
}
PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"


def make_store_dir(folder: Path, graphs=DOCS) -> Path:
    with open_store(folder / "store", writable=True, create=True) as store:
        store.replace_graphs(graphs)
    return folder / "store"


@pytest.fixture
def serve(tmp_path):
    """Start kg serve on a free loopback port: ``serve(store_dir, **options) -> base URL``."""
    servers = []

    def start(store_dir: Path, **options) -> str:
        page = store_dir.parent / "graph.html"
        server = make_server(str(store_dir), port=0, options=Options(graph_page=page, **options))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server.url

    start.servers = servers
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def client(url: str, query: str, fmt=JSON, method=POST) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def names(result: dict) -> list[str]:
    return [b["name"]["value"] for b in result["results"]["bindings"]]


def test_it_listens_on_loopback_by_default(tmp_path, serve):
    assert serve(make_store_dir(tmp_path)).startswith("http://127.0.0.1:")


@pytest.mark.parametrize("method", [GET, POST])
def test_select_as_json_each_fact_once(tmp_path, serve, method):
    url = serve(make_store_dir(tmp_path))
    result = client(url, PEOPLE, method=method).queryAndConvert()
    assert names(result) == ["Boris Johnson", "Sergey Lavrov"]  # Johnson is in both graphs, listed once


def test_select_as_xml_csv_and_tsv(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    xml = client(url, PEOPLE, XML).queryAndConvert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == ["Boris Johnson", "Sergey Lavrov"]
    rows = list(csv.reader(io.StringIO(client(url, PEOPLE, CSV).queryAndConvert().decode())))
    assert rows == [["name"], ["Boris Johnson"], ["Sergey Lavrov"]]
    tsv = client(url, PEOPLE, TSV).queryAndConvert().decode().splitlines()
    assert tsv == ["?name", '"Boris Johnson"', '"Sergey Lavrov"']


def test_a_query_posted_directly(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    sparql = client(url, PEOPLE)
    sparql.setRequestMethod(POSTDIRECTLY)  # Content-Type: application/sparql-query
    assert names(sparql.queryAndConvert()) == ["Boris Johnson", "Sergey Lavrov"]


def test_ask_and_construct(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    assert client(url, "ASK { ?p rdfs:label 'Sergey Lavrov' }").queryAndConvert()["boolean"] is True
    built = client(url, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p rdfs:label ?n }", TURTLE).queryAndConvert()
    expected = Graph()
    for s, p, o in DOCS[str(resource("doc:b"))]:
        if p == RDFS.label:
            expected.add((s, p, o))
    assert isomorphic(Graph().parse(data=built, format="turtle"), expected)


def test_a_bad_query_is_400_with_the_reason(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    with pytest.raises(QueryBadFormed, match="syntax error"):
        client(url, "SELECT ?x WHERE { ?x ?y }").queryAndConvert()


def test_updates_are_refused_unless_allowed(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    person = resource("person:x")
    sparql = client(url, f"INSERT DATA {{ GRAPH <{resource('doc:c')}> {{ <{person}> a schema:Person }} }}")
    with pytest.raises(urllib.error.HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403 and b"--allow-update" in refused.value.read()
    assert client(url, f"ASK {{ <{person}> ?p ?o }}").queryAndConvert()["boolean"] is False


def test_an_allowed_update_changes_the_store_and_the_catalog_stops_vouching(tmp_path, serve):
    store_dir = make_store_dir(tmp_path)
    catalog = Catalog(store_dir / "catalog")
    catalog.graph_hashes = {g: "0" * 40 for g in DOCS}
    catalog.save()
    url = serve(store_dir, allow_update=True)
    update = client(url, f"INSERT DATA {{ GRAPH <{resource('doc:c')}> "
                         f"{{ <{resource('person:x')}> a schema:Person ; rdfs:label 'Theresa May' }} }}")
    update.query()
    assert names(client(url, PEOPLE).queryAndConvert()) == ["Boris Johnson", "Sergey Lavrov", "Theresa May"]
    assert set(Catalog(store_dir / "catalog").graph_hashes.values()) == {None}  # the next build rewrites


def test_a_result_over_the_limit_is_refused(tmp_path, serve):
    url = serve(make_store_dir(tmp_path), max_rows=2)
    assert len(names(client(url, PEOPLE).queryAndConvert())) == 2
    with pytest.raises(QueryBadFormed, match="more than 2 rows"):
        client(url, "SELECT * WHERE { ?s ?p ?o }").queryAndConvert()


def test_a_query_over_the_time_limit_is_503_and_stopped(tmp_path, serve):
    many = {str(resource("doc:big")): [(resource(f"event:e{i}"), RDFS.label, Literal(f"e{i}")) for i in range(3000)]}
    url = serve(make_store_dir(tmp_path, many), timeout=0.5, workers=1)
    server = serve.servers[-1]
    (worker,) = server.workers.all
    with pytest.raises(urllib.error.HTTPError) as slow:
        client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }").query()
    assert slow.value.code == 503 and b"stopped" in slow.value.read()
    assert not worker.process.is_alive()  # the query went with its process
    # a fresh worker takes its place
    assert client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()["results"]["bindings"]


def test_service_is_refused(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    with pytest.raises(QueryBadFormed, match="SERVICE"):
        client(url, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").queryAndConvert()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_query_page_asks_for_nothing_outside_and_links_the_graph_page(tmp_path, serve):
    store_dir = make_store_dir(tmp_path)
    url = serve(store_dir)
    status, page = get(url)
    assert status == 200 and "<textarea" in page
    # no resource from elsewhere: no src/href/url()/@import to another host
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", page)
    assert 'href="/graph.html"' not in page  # no graph page beside the store yet
    (tmp_path / "graph.html").write_text("<!doctype html><title>kg graph</title>")
    assert 'href="/graph.html"' in get(url)[1]
    assert get(url + "graph.html") == (200, "<!doctype html><title>kg graph</title>")
    assert get(url + "nothing-here")[0] == 404


@pytest.mark.slow
def test_the_query_page_runs_a_query_offline_in_chromium(tmp_path, serve, browser):
    url = serve(make_store_dir(tmp_path))
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        page.fill("#query", PEOPLE)
        page.click("#run")
        page.wait_for_selector("#results table")
        cells = page.locator("#results td").all_text_contents()
        page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
        page.click("#run")
        page.wait_for_function("document.getElementById('error').textContent.length > 0")
        error_text = page.locator("#error").text_content()
    finally:
        context.close()
    assert cells == ["Boris Johnson", "Sergey Lavrov"]
    assert "syntax error" in error_text
    assert requests and all(r.startswith(url) for r in requests), requests
    assert [e for e in errors if "400" not in e] == []  # the bad query's 400 is the only console error


def test_results_negotiated_by_accept(tmp_path, serve):
    url = serve(make_store_dir(tmp_path))
    request = urllib.request.Request(url + "sparql", data=f"query={PEOPLE}".encode(),
                                     headers={"Accept": "text/csv;q=0.5, application/sparql-results+json"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        assert names(json.loads(response.read())) == ["Boris Johnson", "Sergey Lavrov"]
    request = urllib.request.Request(url + "sparql?query=ASK%7B%7D", headers={"Accept": "image/png"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 406


def test_kg_serve_on_the_command_line(tmp_path):
    store_dir = make_store_dir(tmp_path)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_dir), "--port", "0"],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    try:
        line = proc.stderr.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line).group(1)
        assert "read-only" in line
        assert names(client(url, PEOPLE).queryAndConvert()) == ["Boris Johnson", "Sergey Lavrov"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)

"""Queries in the standard vocabularies alone (schema.org, SEM, ORG, PROV, SKOS, Dublin Core; see
../shared/VOCABULARY.md) get the answers of the same questions asked in kg's own terms: on a file
and on every store kind, with no reasoner.

The questions are those of examples/queries; tests/graph/standard_queries holds each one rewritten
in standard terms. Where no standard term says what kg's does (how many were killed, a sentence's
offset), the rewritten query leaves that column out, and the rows are compared on the columns both
have."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph.vocab import ROOTS
from kg.query.sparql import Rows, read_query

from .conftest import ARTICLES, KINDS, ROOT

QUERIES = ROOT / "examples" / "queries"
STANDARD = ROOT / "tests" / "graph" / "standard_queries"
NAMES = sorted(p.name for p in QUERIES.glob("*.rq"))
KG_TERMS = ("kg:", "cameo:", "kgr:", "kgp:")


@pytest.fixture(scope="module")
def example_facts():
    from kg.nlp.pipeline import DEFAULT_MODEL
    from kg.pipeline.incremental import parse

    return parse([ARTICLES], model=DEFAULT_MODEL, jobs=1).facts


@pytest.fixture(scope="module")
def example_files(example_facts, tmp_path_factory) -> dict[str, Path]:
    """The examples' graph written as kg build -o writes it: as the union (.ttl) and with graphs (.trig)."""
    from kg.files import write_atomic
    from kg.graph.rdf import GraphWriter, serialize
    from kg.resolve.entities import resolve

    ds = GraphWriter().write(resolve(list(example_facts))).dataset()
    folder = tmp_path_factory.mktemp("standard")
    paths = {}
    for suffix in (".ttl", ".trig"):
        paths[suffix] = folder / f"examples{suffix}"
        write_atomic(paths[suffix], serialize(ds, paths[suffix]))
    return paths


@pytest.fixture(params=[".ttl", ".trig", *KINDS])
def ask(request, example_facts, example_files, make_store):
    """Run a query on the examples' graph: in a file (as kg query FILE does), or in a store of each
    kind that a build wrote."""
    if request.param.startswith("."):
        from kg.commands.query import query_file

        return lambda sparql: query_file(str(example_files[request.param]), sparql)
    from kg.pipeline.incremental import update
    from kg.store.catalog import Catalog

    store = make_store(request.param)
    update(store, Catalog(None), add=list(example_facts))
    return store.query


def rows_on(rows: Rows, columns: list[str]) -> set[tuple]:
    """The distinct rows on ``columns`` (Virtuoso repeats some rows that a property path reaches)."""
    index = [rows.variables.index(c) for c in columns]
    return {tuple(row[i] for i in index) for row in rows.rows}


def test_the_rewritten_queries_use_standard_terms_only():
    import re

    assert sorted(p.name for p in STANDARD.glob("*.rq")) == NAMES
    for name in NAMES:
        body = re.sub(r"#[^\n]*|\"[^\"]*\"", "", read_query(str(STANDARD / name)))
        assert not [t for t in KG_TERMS if t in body], name


@pytest.mark.parametrize("name", NAMES)
def test_a_question_in_standard_terms_gets_the_answer_in_kg_terms(ask, name):
    own = ask(read_query(str(QUERIES / name)))
    standard = ask(read_query(str(STANDARD / name)))
    assert standard.rows, name  # a question the examples answer
    assert set(standard.variables) <= set(own.variables)
    assert rows_on(standard, standard.variables) == rows_on(own, standard.variables)


def test_events_are_sem_events(ask):
    # every event has a CAMEO (or kg's own) type, in kg's terms; each is a sem:Event
    events = {row[0] for row in ask("SELECT DISTINCT ?e WHERE { ?e sem:eventType ?type }").rows}
    assert events
    assert {row[0] for row in ask("SELECT * WHERE { ?e a sem:Event }").rows} == events


def test_the_ontology_answers_for_its_terms(ask):
    links = {str(link) for _, link in ROOTS.values()}
    rows = ask("SELECT * WHERE { ?p rdfs:subPropertyOf+ kg:interactedWith }").rows
    assert {row[0] for row in rows} == links
    # an actor-to-actor link is a kg:interactedWith too: "Mr Johnson accused Russia of committing war crimes"
    asked = ask("""SELECT ?who WHERE { ?a rdfs:label "Boris Johnson" ; kg:interactedWith ?b .
                                       ?b rdfs:label ?who }""")
    assert ("Russia",) in {tuple(row) for row in asked.rows}


def test_events_group_by_root_and_quad_class(ask):
    """The codebook is in the ontology's graph, once, and an event's code reaches its root and
    QuadClass from there in a file and in every store: "Russia was behind the airstrike on an aid
    convoy" is violence (CAMEO roots 18-20), a material conflict."""
    rows = ask("""SELECT DISTINCT ?code ?root ?quad WHERE {
        ?e kg:participant/rdfs:label ?convoy ; sem:eventType ?type . FILTER(CONTAINS(LCASE(?convoy), "convoy"))
        ?type skos:notation ?code ; skos:broader* ?top ; kg:quadClass/skos:prefLabel ?quad .
        ?top skos:topConceptOf cameo:scheme ; skos:notation ?root }""").rows
    assert rows and all(code.startswith(root) for code, root, _ in rows)
    assert {(root in ("18", "19", "20"), quad) for _, root, quad in rows} == {(True, "Material conflict")}

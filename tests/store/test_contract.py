"""The store contract: what every store kind does the same way (rdflib in memory, Oxigraph in a
directory, Virtuoso over the SPARQL protocols with and without the Graph Store Protocol)."""

from __future__ import annotations

import pytest
from query.test_syntax_errors import MALFORMED, assert_placed, place
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import QueryError
from kg.graph.vocab import KG, SDO, SEM, resource
from kg.store import open_store
from kg.store.base import ResultLimitError

G1, G2, G3 = (str(resource(f"doc:test{i}")) for i in (1, 2, 3))
JOHNSON, LAVROV, RUSSIA = resource("person:boris-johnson"), resource("person:sergey-lavrov"), resource("country:RU")
VISIT = resource("event:visit")

SHARED = [(JOHNSON, RDF.type, SDO.Person), (JOHNSON, RDFS.label, Literal("Boris Johnson"))]
ONLY_1 = [(VISIT, RDF.type, KG.Consultation), (VISIT, KG.source, JOHNSON), (VISIT, KG.target, RUSSIA),
          (VISIT, SEM.hasTimeStamp, Literal("2017-03", datatype=XSD.gYearMonth))]
ONLY_2 = [(LAVROV, RDF.type, SDO.Person), (LAVROV, RDFS.label, Literal("Sergey Lavrov"))]


def union_rows(store, sparql="SELECT ?s ?p ?o WHERE { ?s ?p ?o }") -> list[tuple]:
    return sorted(tuple(row) for row in store.query(sparql).rows)


def as_dataset(graphs: dict[str, list]) -> Dataset:
    ds = Dataset()
    for name, triples in graphs.items():
        for t in triples:
            ds.graph(URIRef(name)).add(t)
    return ds


def same_graphs(store, graphs: dict[str, list]) -> bool:
    """The store's named graphs are exactly ``graphs`` (graph by graph, isomorphic)."""
    got = store.dataset()
    names = {str(g.identifier) for g in got.graphs() if len(g)}
    if names != set(graphs):
        return False
    return all(isomorphic(got.graph(URIRef(n)), as_dataset(graphs).graph(URIRef(n))) for n in graphs)


def test_a_stream_of_graphs_is_written_a_few_at_a_time_and_the_dropped_go(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    written = store.write_graphs(iter([(G1, ONLY_1), (G3, SHARED)]), drop=[G2], per_write=1)
    assert written == 2
    assert same_graphs(store, {G1: ONLY_1, G3: SHARED})
    assert {str(row[0]) for row in store.query("SELECT ?n WHERE { ?s rdfs:label ?n }").rows} == {"Boris Johnson"}


def test_a_new_store_is_empty(store):
    assert store.count() == 0
    assert store.graphs() == set()
    assert store.query("ASK { ?s ?p ?o }").boolean is False


def test_graphs_written_are_read_back(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    assert store.graphs() == {G1, G2}
    assert store.count() == 2 * len(SHARED) + len(ONLY_1) + len(ONLY_2)
    assert same_graphs(store, {G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})


def test_the_default_graph_is_the_union_with_each_fact_once(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    # Boris Johnson's label is in both documents' graphs, and counts once, as in a file
    assert union_rows(store, "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }") == [
        ("Boris Johnson",), ("Sergey Lavrov",)]
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert count == [[str(len(SHARED) + len(ONLY_1) + len(ONLY_2))]]


def test_replacing_a_graph_replaces_its_facts_and_keeps_the_others(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    store.replace_graphs({G1: ONLY_1})  # the first document no longer names Johnson as a person
    assert same_graphs(store, {G1: ONLY_1, G2: SHARED + ONLY_2})
    assert ("Boris Johnson",) in union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }")
    store.replace_graphs({G2: ONLY_2})
    assert union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }") == [("Sergey Lavrov",)]


def test_dropping_a_graph_keeps_facts_other_graphs_state(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    store.replace_graphs({}, drop=[G1])
    assert store.graphs() == {G2}
    assert same_graphs(store, {G2: SHARED + ONLY_2})
    assert union_rows(store, "SELECT ?e WHERE { ?e a kg:Consultation }") == []
    assert union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }") == [("Boris Johnson",), ("Sergey Lavrov",)]
    store.replace_graphs({}, drop=[G2, G3])  # a graph that is not there is no error
    assert store.count() == 0
    assert store.query("ASK { ?s ?p ?o }").boolean is False


def test_writing_the_same_graphs_again_changes_nothing(store):
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    before = store.count()
    store.replace_graphs({G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})
    assert store.count() == before
    assert same_graphs(store, {G1: SHARED + ONLY_1, G2: SHARED + ONLY_2})


@pytest.mark.parametrize("literal", [
    Literal("2016-09-21", datatype=XSD.date),
    Literal("2016-09", datatype=XSD.gYearMonth),
    Literal("2016", datatype=XSD.gYear),
    Literal(20),
    Literal("Aleppo \u2013 \u201cwar crimes\u201d"),
    Literal('line one\nline two, with "quotes" and a \\ backslash'),
    Literal("Moscou", lang="fr"),
    Literal("https://www.example.com/a?b=c", datatype=XSD.anyURI),
])
def test_literals_come_back_as_they_went_in(store, literal):
    triple = (VISIT, RDFS.comment, literal)
    store.replace_graphs({G1: [triple]})
    assert same_graphs(store, {G1: [triple]})
    (found,), = store.query("SELECT ?o WHERE { ?s rdfs:comment ?o }").terms
    assert found == literal


@pytest.mark.parametrize("literal", [
    Literal("Use conventional military force", lang="en"),
    Literal("Moscou", lang="fr"),
    Literal("2016-09-21", datatype=XSD.date),
    Literal("-9.0", datatype=XSD.decimal),
    Literal("Aleppo \u2013 \u201cwar crimes\u201d"),
])
def test_a_literal_no_graph_states_any_more_leaves_the_union(store, literal):
    """A concept's label that only one document's graph carried goes from the default graph when that
    graph is rewritten without it, whatever the literal's language or datatype."""
    triple = (VISIT, RDFS.comment, literal)
    store.replace_graphs({G1: SHARED + [triple], G2: ONLY_2})
    store.replace_graphs({G1: SHARED})
    assert store.query("ASK { ?s rdfs:comment ?o }").boolean is False
    store.replace_graphs({G1: SHARED + [triple]})
    store.replace_graphs({}, drop=[G1])
    assert store.query("ASK { ?s rdfs:comment ?o }").boolean is False


@pytest.mark.parametrize("literal", [Literal("-5.0", datatype=XSD.decimal), Literal("1.50", datatype=XSD.decimal)])
def test_numbers_come_back_with_their_value(store, literal):
    """A store may write a number in its canonical form ("-5.0" as "-5"): the value is kept."""
    store.replace_graphs({G1: [(VISIT, RDFS.comment, literal)]})
    (found,), = store.query("SELECT ?o WHERE { ?s rdfs:comment ?o }").terms
    assert found.eq(literal) and found.datatype == literal.datatype
    assert store.query(f"ASK {{ ?s rdfs:comment ?o FILTER(?o = {literal.n3()}) }}").boolean is True


def test_query_forms(store):
    store.replace_graphs({G1: SHARED + ONLY_1})
    assert store.query("ASK { ?p rdfs:label 'Boris Johnson' }").boolean is True
    rows = store.query("SELECT ?e ?when WHERE { ?e sem:hasTimeStamp ?when }")
    assert rows.variables == ["e", "when"] and rows.rows == [[str(VISIT), "2017-03"]]
    built = store.query("CONSTRUCT { ?e kg:source ?s } WHERE { ?e kg:source ?s }").graph
    assert isomorphic(built, Graph().add((VISIT, KG.source, JOHNSON)))
    rows = store.query("SELECT ?e ?missing WHERE { ?e a kg:Consultation OPTIONAL { ?e kg:killed ?missing } }")
    assert rows.rows == [[str(VISIT), None]]


def test_a_bad_query_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.query("SELECT ?x WHERE { ?x ?y }")


@pytest.mark.parametrize("marked, words", MALFORMED)
def test_a_malformed_query_says_where(store, marked, words):
    with pytest.raises(QueryError) as caught:
        store.query(place(marked)[0])
    assert_placed(caught.value, marked, words)


@pytest.mark.parametrize("marked, line, column", [
    ("INSERT DATA { GRAPH kgr:g { kgr:a rdfs:label \u2038} }", 1, 46),
    ("DELETE WHERE {\n  ?s ?p ?o\u2038\n", 2, 11),
])
def test_a_malformed_update_says_where(store, marked, line, column):
    assert place(marked)[1:] == (line, column)  # the table's own arithmetic, once by hand
    with pytest.raises(QueryError) as caught:
        store.update(place(marked)[0])
    assert_placed(caught.value, marked, "expected")


def test_a_result_over_the_row_limit_is_refused(store):
    store.replace_graphs({G1: SHARED + ONLY_1})
    assert len(store.query("SELECT * WHERE { ?s ?p ?o }", max_rows=100).rows) == len(SHARED + ONLY_1)
    with pytest.raises(ResultLimitError):
        store.query("SELECT * WHERE { ?s ?p ?o }", max_rows=2)


def test_an_update_on_a_named_graph_shows_in_the_union(store):
    store.replace_graphs({G1: SHARED})
    store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <{LAVROV}> rdfs:label 'Sergey Lavrov' }} }}")
    assert store.graphs() == {G1, G2}
    assert ("Sergey Lavrov",) in union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }")
    store.update(f"DROP SILENT GRAPH <{G2}>")
    assert union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }") == [("Boris Johnson",)]


def test_dump_and_load_round_trip(store, tmp_path):
    graphs = {G1: SHARED + ONLY_1, G2: SHARED + ONLY_2}
    store.replace_graphs(graphs)
    for name in ("dump.nq", "dump.trig"):
        assert store.dump(tmp_path / name) == store.count()
        other = open_store("memory")
        other.load(tmp_path / name)
        assert same_graphs(other, graphs)
    store.dump(tmp_path / "union.ttl")
    union = Graph().parse(tmp_path / "union.ttl")
    assert isomorphic(union, Graph().parse(data=Graph().serialize(format="nt"), format="nt") +
                      _graph(SHARED + ONLY_1 + ONLY_2))


def _graph(triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def test_load_keeps_named_graphs_and_names_a_graph_for_triples(store, tmp_path):
    as_dataset({G1: SHARED + ONLY_1}).serialize(tmp_path / "docs.trig", format="trig")
    _graph(ONLY_2).serialize(tmp_path / "extra.ttl", format="turtle")
    assert store.load(tmp_path / "docs.trig") == len(SHARED + ONLY_1)
    assert store.load(tmp_path / "extra.ttl") == len(ONLY_2)
    assert store.load(tmp_path / "extra.ttl", graph=G3) == len(ONLY_2)
    file_graph = (tmp_path / "extra.ttl").resolve().as_uri()
    assert same_graphs(store, {G1: SHARED + ONLY_1, file_graph: ONLY_2, G3: ONLY_2})
    assert union_rows(store, "SELECT ?n WHERE { ?p rdfs:label ?n }") == [("Boris Johnson",), ("Sergey Lavrov",)]

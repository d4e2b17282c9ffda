"""Worker processes change how fast a graph is built, never which graph."""

from __future__ import annotations

import pytest
from conftest import ARTICLES
from rdflib.compare import isomorphic

pytestmark = pytest.mark.slow


def test_two_jobs_build_the_graph_of_one():
    from kg.graph import rdf
    from kg.pipeline.build import build

    one, stats_one = build([ARTICLES], jobs=1)
    # one article a batch, so that both workers parse some of the three
    two, stats_two = build([ARTICLES], jobs=2, batch_size=1)

    assert stats_two.documents == stats_one.documents == len(list(ARTICLES.glob("*.txt")))
    assert stats_two.triples == stats_one.triples
    assert isomorphic(rdf.union(one), rdf.union(two))
    graphs_one = {g.identifier: g for g in one.graphs() if len(g)}
    graphs_two = {g.identifier: g for g in two.graphs() if len(g)}
    assert graphs_one.keys() == graphs_two.keys()  # the same documents' graphs, under the same IRIs
    for iri, graph in graphs_one.items():
        assert isomorphic(graph, graphs_two[iri]), iri

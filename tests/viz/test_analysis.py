"""kg.viz.analysis on small graphs built by hand: the story graph, the actor network, centrality,
Louvain communities, counts, kg stats and kg export."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.cli import main
from kg.graph.vocab import resource
from kg.model import Corpus
from kg.viz import analysis

from .conftest import graph_of, interactions_corpus, talks_corpus

JOHNSON, LAVROV = str(resource("person:boris-johnson")), str(resource("person:sergey-lavrov"))
RUSSIA, UK = str(resource("country:RU")), str(resource("country:GB"))
MOSCOW, ALEPPO = str(resource("place:524901")), str(resource("place:170063"))


@pytest.fixture
def story(talks_graph):
    return analysis.story_graph(talks_graph)


def test_story_graph_has_every_entity_and_event_with_its_kind(story):
    kinds = {data["label"]: data["kind"] for _, data in story.nodes(data=True) if data["kind"] != "Event"}
    assert kinds == {"Boris Johnson": "Person", "Sergey Lavrov": "Person", "Russia": "Country",
                     "United Kingdom": "Country", "Moscow": "Place", "Aleppo": "Place",
                     "United Nations": "Organization"}
    assert sum(1 for _, d in story.nodes(data=True) if d["kind"] == "Event") == 4


def test_entities_keep_aliases_posts_subtypes_and_sentences(story):
    johnson = story.nodes[JOHNSON]
    assert johnson["aliases"] == ["Boris", "Johnson"]
    assert johnson["posts"] == [{"title": "Foreign Secretary", "in": UK}]
    assert story.nodes[MOSCOW]["subtype"] == "City"
    assert story.nodes[RUSSIA]["same_as"] == ["http://www.wikidata.org/entity/Q159"]
    assert "Johnson accused Russia of war crimes in Syria." in [e["text"] for e in johnson["evidence"]]


def test_events_carry_their_cameo_name_quadclass_date_and_numbers(story):
    struck = story.nodes[str(resource("event:struck"))]
    # CAMEO 1.1b3: 195 "Employ aerial weapons", root 19 "Fight", QuadClass 4 (material conflict)
    assert (struck["code"], struck["name"], struck["root"], struck["quad"]) == \
        ("195", "Employ aerial weapons", "19", "MaterialConflict")
    assert (struck["date"], struck["killed"]) == ("2016-09-19", 20)
    assert struck["casualties"] == [{"count": 20, "what": "aid workers"}]
    assert story.nodes[str(resource("event:talks"))]["status"] == "planned"
    docs = story.graph["documents"]
    assert [docs[e["doc"]]["title"] for e in struck["evidence"]] == ["Strike on Aleppo convoy"]


def test_roles_point_from_the_source_and_to_the_target_and_place(story):
    met = str(resource("event:met"))
    assert analysis.roles(story, met) == {"source": [JOHNSON], "target": [LAVROV], "place": [MOSCOW],
                                          "claimed by": []}
    assert {(a, b, d["role"]) for a, b, d in story.edges(data=True) if met in (a, b)} == {
        (JOHNSON, met, "source"), (met, LAVROV, "target"), (met, MOSCOW, "place")}
    assert (JOHNSON, UK, "post in") in {(a, b, d["role"]) for a, b, d in story.edges(data=True)}


@pytest.mark.parametrize("code, verb", [
    ("112", "accused"),  # the examples: "accused", "met", "struck"
    ("040", "met"),
    ("190", "struck"),
    ("195", "struck"),
    ("042", "visited"),
    ("111", "criticised"),
    ("1823", "assaulted"),
    ("Election", "interacted with"),
])
def test_verbs_of_actor_edges(code, verb):
    assert analysis.verb(code) == verb


def test_interactions_collapse_events_with_a_source_and_a_target(story):
    found = {(story.nodes[i.source]["label"], i.verb, story.nodes[i.target]["label"]) for i in
             analysis.interactions(story)}
    # the airstrike has no target: it is no actor-to-actor edge
    assert found == {("Boris Johnson", "met", "Sergey Lavrov"), ("Boris Johnson", "accused", "Russia"),
                     ("Sergey Lavrov", "offered to cooperate with", "Boris Johnson")}


def test_repeated_events_make_one_edge_that_counts_them():
    story = analysis.story_graph(graph_of(interactions_corpus([("112", "a", "b"), ("111", "a", "b"),
                                                              ("112", "a", "b")])))
    edges = [(i.verb, len(i.events)) for i in analysis.interactions(story)]
    assert sorted(edges) == [("accused", 2), ("criticised", 1)]


def test_actor_network_weights_count_events_and_ties(story):
    actors = analysis.actor_network(story)
    assert len(actors) == 7  # every entity, the isolated ones too
    assert actors.edges[JOHNSON, LAVROV]["weight"] == 2  # the meeting and the planned talks
    assert actors.edges[JOHNSON, RUSSIA]["weight"] == 1
    assert actors.edges[JOHNSON, UK]["ties"] == ["post in"]
    assert not actors.has_edge(RUSSIA, ALEPPO)  # a place is where, not whom


def test_centrality_is_the_share_of_other_actors_dealt_with(story):
    score = analysis.centrality(analysis.actor_network(story))
    # Johnson deals with Lavrov, Russia and (by his post) the United Kingdom: 3 of the 6 others
    assert score[JOHNSON] == pytest.approx(3 / 6)
    assert score[LAVROV] == pytest.approx(1 / 6)
    assert score[ALEPPO] == 0


def test_activity_counts_events_as_source_target_or_claimant(story):
    acts = analysis.activity(story)
    assert (acts[JOHNSON], acts[LAVROV], acts[RUSSIA], acts[ALEPPO]) == (3, 2, 2, 0)


def test_louvain_finds_two_triangles_joined_by_a_bridge():
    pairs = [("112", "a", "b"), ("112", "b", "c"), ("112", "c", "a"),
             ("040", "d", "e"), ("040", "e", "f"), ("040", "f", "d"), ("010", "c", "d")]
    story = analysis.story_graph(graph_of(interactions_corpus(pairs)))
    groups = analysis.communities(analysis.actor_network(story), seed=7)
    assert {frozenset(story.nodes[n]["label"] for n in g) for g in groups} == {
        frozenset("ABC"), frozenset("DEF")}
    assert groups == analysis.communities(analysis.actor_network(story), seed=7)  # repeatable


def test_events_take_the_community_of_their_source():
    pairs = [("112", "a", "b"), ("112", "b", "a")]
    story = analysis.story_graph(graph_of(interactions_corpus(pairs)))
    groups = analysis.communities(analysis.actor_network(story))
    community = analysis.community_of(story, groups)
    assert community[str(resource("event:0"))] == community[str(resource("person:a"))] == 0


TRIANGLES = [("112", "a", "b"), ("112", "b", "c"), ("112", "c", "a"),
             ("040", "d", "e"), ("040", "e", "f"), ("040", "f", "d"), ("010", "c", "d")]


@pytest.mark.parametrize("budget", [2, 4, 7])
def test_overview_keeps_to_its_budget_and_shows_every_community(budget):
    story = analysis.story_graph(graph_of(interactions_corpus(TRIANGLES)))
    chosen = analysis.overview(story, budget)
    assert len(chosen) <= budget and len(set(chosen)) == len(chosen)
    labels = {story.nodes[n]["label"] for n in chosen if story.nodes[n]["kind"] != "Event"}
    assert labels & set("ABC") and labels & set("DEF")  # the top actor of each triangle first
    for node in chosen:  # an event comes with its source and its target
        if story.nodes[node]["kind"] == "Event":
            r = analysis.roles(story, node)
            assert set(r["source"] + r["target"]) <= set(chosen)


def test_overview_of_a_small_graph_is_all_of_it():
    story = analysis.story_graph(graph_of(interactions_corpus(TRIANGLES)))
    assert set(analysis.overview(story, 100)) == set(story)  # six persons and seven events


def test_no_interactions_no_communities():
    story = analysis.story_graph(graph_of(Corpus()))
    assert analysis.communities(analysis.actor_network(story)) == []


def test_counts_by_root_and_quadclass(story):
    by_root, by_quad = analysis.counts(story)
    assert by_root == {"04": 1, "11": 1, "19": 1, "03": 1}
    # GDELT's QuadClass by root: 01-05 verbal cooperation, 09-13 verbal conflict, 14-20 material conflict
    assert by_quad == {"VerbalCooperation": 2, "VerbalConflict": 1, "MaterialConflict": 1}


def test_summary_ranks_the_most_central_actor_first(story):
    summary = analysis.summarize(story, top=3)
    assert [r.label for r in summary.central][0] == "Boris Johnson"
    assert len(summary.central) == 3
    assert summary.by_root[0] == ("03", "Express intent to cooperate", 1)
    assert ("MaterialConflict", "Material conflict", 1) in summary.by_quad
    assert summary.documents == 2 and summary.events == 4


def test_kg_stats_prints_actors_communities_and_counts(tmp_path, capsys):
    path = tmp_path / "g.ttl"
    graph_of(talks_corpus()).serialize(path, format="turtle")
    assert main(["stats", str(path), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "Most central actors" in out and "Boris Johnson" in out
    assert "Communities (Louvain, seed 42)" in out
    assert "Fight" in out and "Material conflict" in out
    assert main(["stats", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["central"][0]["label"] == "Boris Johnson"
    assert {q["quad"]: q["events"] for q in data["by_quad"]}["VerbalCooperation"] == 2


@pytest.mark.parametrize("suffix, read", [
    (".graphml", nx.read_graphml),
    (".gexf", nx.read_gexf),
    (".json", lambda p: nx.node_link_graph(json.loads(p.read_text()), edges="edges")),
])
@pytest.mark.parametrize("actors", [False, True])
def test_kg_export_writes_files_networkx_reads_back(tmp_path, suffix, read, actors):
    path = tmp_path / "g.ttl"
    graph_of(talks_corpus()).serialize(path, format="turtle")
    out = tmp_path / ("out" + suffix)
    assert main(["export", str(path), "-o", str(out)] + (["--actors"] if actors else [])) == 0
    graph = read(out)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Boris Johnson", "Russia"} <= labels
    if actors:
        assert len(graph) == 7
        assert graph.nodes[JOHNSON]["centrality"] == pytest.approx(0.5)
    else:
        assert "Employ aerial weapons" in labels
        assert graph.nodes[str(resource("event:struck"))]["killed"] == 20


def test_kg_export_refuses_an_unknown_format(tmp_path, capsys):
    path = tmp_path / "g.ttl"
    graph_of(talks_corpus()).serialize(path, format="turtle")
    assert main(["export", str(path), "-o", str(tmp_path / "out.csv")]) == 2
    assert "unknown export format" in capsys.readouterr().err

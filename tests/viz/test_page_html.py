"""The page as a file, without a browser: escaping, no outside references, the layout."""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.viz import page as viz

from .conftest import graph_of, talks_corpus


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "</SCRIPT >",
    "a & b > c",
    "line\u2028separator\u2029",
    "<img src=x onerror=alert(1)>",
])
def test_script_json_cannot_end_its_script_element(text):
    out = str(viz.script_json({"name": text}))
    assert "<" not in out and ">" not in out
    assert json.loads(out) == {"name": text}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def page() -> str:
    return viz.render(graph_of(talks_corpus()))


def test_page_refers_to_nothing_outside_itself(page):
    parser = Tags()
    parser.feed(page)
    refs = [a.get(k) for _, a in parser.tags for k in ("src", "href") if a.get(k)]
    assert all(ref.startswith("data:") for ref in refs), refs
    assert [t for t, _ in parser.tags].count("script") == 6  # four JSON blocks, vis-network, the page's


def test_page_forbids_requests_and_unknown_scripts(page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#39;none&#39;" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_page_data_are_pyvis_nodes_with_kg_fields(page):
    nodes = json.loads(re.search(r'id="kg-nodes">(.*?)</script>', page, re.S).group(1))
    by_name = {n["name"]: n for n in nodes}
    assert by_name["Boris Johnson"]["kind"] == "Person"
    assert by_name["Boris Johnson"]["posts"] == [{"title": "Foreign Secretary", "in": "United Kingdom"}]
    struck = by_name["Employ aerial weapons"]
    assert (struck["quad"], struck["root"], struck["date"], struck["killed"]) == \
        ("MaterialConflict", "19", "2016-09-19", 20)
    assert struck["label"] == "Employ aerial weapons\n2016-09-19"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)


def test_title_is_escaped(tmp_path):
    path = tmp_path / "p.html"
    viz.write_page(graph_of(talks_corpus()), path, title="<b>Syria</b> & co")
    text = path.read_text()
    assert "<title>&lt;b&gt;Syria&lt;/b&gt; &amp; co</title>" in text


# --- layout --------------------------------------------------------------------------------------


def overlaps(pos, boxes) -> list:
    nodes = list(pos)
    out = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            (ax, ay), (bx, by) = pos[a], pos[b]
            (aw, ah), (bw, bh) = boxes[a], boxes[b]
            if abs(ax - bx) < (aw + bw) / 2 - 1 and abs(ay - by) < (ah + bh) / 2 - 1:
                out.append((a, b))
    return out


def test_layout_places_every_node_without_overlaps_and_repeatably():
    graph = nx.disjoint_union_all([nx.star_graph(12), nx.path_graph(5), nx.empty_graph(8)])
    boxes = {n: (90.0, 30.0) for n in graph}
    pos = viz.layout(graph, boxes, seed=3)
    assert set(pos) == set(graph)
    assert overlaps(pos, boxes) == []
    assert pos == viz.layout(graph, boxes, seed=3)


def test_large_components_are_laid_out_community_by_community():
    # 12 cliques of 30 in a ring: above the size laid out in one piece
    graph = nx.ring_of_cliques(12, 30)
    assert len(graph) > viz.SMALL
    pos = viz.layout(graph, {n: (20.0, 20.0) for n in graph}, seed=1)
    assert set(pos) == set(graph)
    # each clique is drawn as a group: its nodes are nearer its own centre than any other clique's
    centres = []
    for k in range(12):
        members = range(k * 30, k * 30 + 30)
        centres.append((sum(pos[n][0] for n in members) / 30, sum(pos[n][1] for n in members) / 30))
    for n in graph:
        own = n // 30
        nearest = min(range(12), key=lambda k: math.dist(pos[n], centres[k]))
        assert nearest == own


@pytest.mark.slow
def test_kg_build_html_writes_the_page_of_what_it_built(tmp_path):
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from kg.cli import main

    (tmp_path / "a.txt").write_text("Boris Johnson met Sergey Lavrov in Moscow on Monday.\n")
    page = tmp_path / "graph.html"
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.ttl"), "--html", str(page),
                 "-q", "-j", "1"]) == 0
    text = page.read_text()
    nodes = json.loads(re.search(r'id="kg-nodes">(.*?)</script>', text, re.S).group(1))
    built = Graph().parse(tmp_path / "g.ttl")
    assert "Sergey Lavrov" in {n["name"] for n in nodes}
    assert {n["name"] for n in nodes if n["kind"] != "Event"} <= {str(o) for o in built.objects(None, RDFS.label)}
    assert "Content-Security-Policy" in text


def test_kg_viz_budget_opens_a_bigger_graph_on_an_overview(tmp_path):
    from kg.cli import main

    graph_of(talks_corpus()).serialize(tmp_path / "g.ttl", format="turtle")
    pages = {}
    for budget in ("4", "300"):
        out = tmp_path / f"p{budget}.html"
        assert main(["viz", str(tmp_path / "g.ttl"), "-o", str(out), "--budget", budget]) == 0
        text = out.read_text()
        nodes = json.loads(re.search(r'id="kg-nodes">(.*?)</script>', text, re.S).group(1))
        tables = json.loads(re.search(r'id="kg-tables">(.*?)</script>', text, re.S).group(1))
        pages[budget] = (tables["overview"], sum(1 for n in nodes if n.get("core")))
    # the two made-up articles have eleven entities and events, some in no event: more than 4
    assert pages["4"][0] is True and 0 < pages["4"][1] <= 4
    assert pages["300"] == (False, 0)

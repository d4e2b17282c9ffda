"""The page of examples/ in real headless Chromium: what it draws, offline, and how search, filters,
views, hover and click change what it shows. Expected names come from the articles' text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.graph.vocab import SEM

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

pytestmark = pytest.mark.slow

COUNT_NODES = """
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  { ?s a schema:Person } UNION { ?s a schema:Organization } UNION { ?s a schema:Country }
  UNION { ?s a schema:Place } UNION { ?s sem:eventType ?type }
}"""


@pytest.fixture
def opened(open_page, examples_page):
    page = open_page(examples_page)
    yield page
    # whatever a test did, the page asked nothing of the network and logged no error
    assert page.outside == []
    assert page.console_errors == []


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')).strip()


def article_text() -> str:
    return " ".join(normal(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.iterdir()))


def test_page_draws_every_entity_and_event_offline(opened, examples_graph):
    shown = opened.shown()
    total = int(next(iter(examples_graph.query(COUNT_NODES)))[0])
    listed = opened.page.locator("#unlinked li").count()  # mentioned in no event: listed, not drawn
    assert len(shown) + listed == total
    names = {n["name"] for n in shown}
    assert {"Boris Johnson", "Russia", "Sergey Lavrov", "Syria", "Aleppo"} <= names
    assert {n["kind"] for n in shown} == {"Person", "Organization", "Country", "Place", "Event"}
    # and the canvas has them on it: far more than a few stray pixels are painted
    painted = opened.page.evaluate("""() => {
        const c = document.querySelector("#network canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n; }""")
    assert painted > 5000


def test_edges_carry_roles_from_actor_to_event_to_actor(opened):
    edges = opened.shown_edges()
    # "Mr Johnson accused Russia of committing war crimes in Syria": Johnson -source-> event -target-> Russia
    sources = {e["toId"] for e in edges if e["from"] == "Boris Johnson" and e["role"] == "source"}
    targets = {e["fromId"] for e in edges if e["to"] == "Russia" and e["role"] == "target"}
    assert sources & targets
    assert {e["label"] for e in edges} >= {"source", "target", "place"}


def test_actor_view_collapses_events_into_who_did_what_to_whom(opened):
    opened.page.check("input[name=view][value=actors]")
    opened.settle()
    assert all(n["kind"] != "Event" for n in opened.shown())
    said = {(e["from"], line.split(" ×")[0], e["to"]) for e in opened.shown_edges() if e["role"] == "actor"
            for line in e["label"].split("\n")}
    assert ("Boris Johnson", "accused", "Russia") in said  # "Mr Johnson accused Russia of committing war crimes"
    assert ("Boris Johnson", "met", "Sergey Lavrov") in said  # "Johnson met Russian Foreign Minister Lavrov"
    opened.page.check("input[name=view][value=events]")
    opened.settle()
    assert any(n["kind"] == "Event" for n in opened.shown())


def test_search_shows_the_matches_and_their_neighbours(opened):
    everything = len(opened.shown())
    opened.page.fill("#search", "lavrov")
    opened.page.press("#search", "Enter")  # at once, not after the typing pause
    shown = opened.shown_names()
    assert "Sergey Lavrov" in shown
    assert len(shown) < everything
    lavrov = {e["toId"] for e in opened.shown_edges() if e["from"] == "Sergey Lavrov"} | \
        {e["fromId"] for e in opened.shown_edges() if e["to"] == "Sergey Lavrov"}
    others = {n["id"] for n in opened.shown() if n["name"] != "Sergey Lavrov"}
    assert others <= lavrov  # nothing but Lavrov and what he is linked to
    opened.page.fill("#search", "")
    opened.page.press("#search", "Enter")
    assert len(opened.shown()) == everything


def test_type_and_category_filters_hide_what_they_uncheck(opened):
    everything = opened.shown()
    opened.page.uncheck("#kinds input[data-kind=Event]")
    opened.settle()
    assert [n for n in opened.shown() if n["kind"] == "Event"] == []
    assert len(opened.shown()) == sum(1 for n in everything if n["kind"] != "Event")
    opened.page.check("#kinds input[data-kind=Event]")
    opened.page.check("input[name=view][value=actors]")
    opened.page.uncheck("#roots input[data-root='11']")  # CAMEO 11: Disapprove
    opened.settle()
    lines = [line for e in opened.shown_edges() if e["role"] == "actor" for line in e["label"].split("\n")]
    assert lines and not [line for line in lines if line.startswith("accused")]


def test_date_filter_keeps_events_of_the_range(opened, examples_graph):
    in_2016 = {str(e) for e, t in examples_graph.subject_objects(SEM.hasTimeStamp) if str(t).startswith("2016")}
    assert in_2016, "the debate dates the strikes on Aleppo in September 2016"
    for field, value in (("#date-from", "2016-01-01"), ("#date-to", "2016-12-31")):
        opened.page.fill(field, value)
        opened.page.dispatch_event(field, "change")
    opened.settle()
    events = [opened.page.evaluate("(id) => kg.node(id)", n["id"]) for n in opened.shown() if n["kind"] == "Event"]
    assert {e["iri"] for e in events} == in_2016  # undated events are hidden while a range is set
    assert all(e["date"].startswith("2016") for e in events)


def test_document_filter_hides_what_only_that_document_says(opened, examples_graph):
    titles = {str(t) for t in examples_graph.objects(None, DCTERMS.title)}
    boxes = opened.page.locator("#docs label")
    assert {boxes.nth(i).inner_text().split(" (")[0] for i in range(boxes.count())} == titles
    everything = len(opened.shown())
    hansard = opened.page.locator("#docs label", has_text="Aleppo Bombings").locator("input")
    hansard.uncheck()
    opened.settle()
    assert len(opened.shown()) < everything
    assert "Boris Johnson" in opened.shown_names()  # in the other documents too


def test_hover_summarises_and_click_details_with_evidence(opened, examples_graph):
    page = opened.page
    x, y = opened.point_of("Boris Johnson")
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)
    tooltip = page.locator("#tooltip")
    tooltip.wait_for(state="visible")
    assert "Boris Johnson" in tooltip.inner_text()
    assert "Foreign Secretary" in tooltip.inner_text()  # "the first foreign secretary to visit Russia"
    page.mouse.click(x, y)
    details = page.locator("#details")
    assert details.locator("h2.name").inner_text() == "Boris Johnson"
    assert "Foreign Secretary" in details.inner_text()
    # an event he takes part in: its date, roles and the sentences it comes from, with their documents
    details.locator("a.node-link").first.click()
    quotes = details.locator("blockquote")
    assert quotes.count() >= 1
    text = article_text()
    titles = {str(t) for t in examples_graph.objects(None, DCTERMS.title)}
    for i in range(quotes.count()):
        assert normal(quotes.nth(i).locator("p").inner_text()) in text
        cite = quotes.nth(i).locator("cite").inner_text()
        assert any(cite.startswith(title) for title in titles), cite
    assert "Boris Johnson" in details.inner_text()


def test_an_empty_graph_opens_too(open_page, tmp_path):
    from rdflib import Graph

    Graph().serialize(tmp_path / "empty.ttl", format="turtle")
    path = tmp_path / "empty.html"
    assert main(["viz", str(tmp_path / "empty.ttl"), "-o", str(path)]) == 0
    opened = open_page(path)
    assert opened.shown() == []
    assert "0 of 0 nodes" in opened.page.locator("#shown").inner_text()
    assert opened.outside == [] and opened.console_errors == []

"""The example questions of examples/queries, answered from the graph of the example articles.

Expected answers come from the articles' text."""

from __future__ import annotations

import pytest
from conftest import QUERIES

from kg.query.sparql import read_query, run


def answer(graph, name: str) -> list[dict[str, str | None]]:
    rows = run(graph, read_query(str(QUERIES / name)))
    return [dict(zip(rows.variables, row, strict=True)) for row in rows.rows]


def test_every_example_query_runs(examples_graph):
    for path in sorted(QUERIES.glob("*.rq")):
        assert answer(examples_graph, path.name), path.name


def test_posts(examples_graph):
    held = {(r["person"], r["post"]) for r in answer(examples_graph, "posts.rq")}
    # "Foreign Secretary Boris Johnson", "Russian Foreign Minister Lavrov", "John Woodcock, MP for Barrow and Furness"
    assert {("Boris Johnson", "Foreign Secretary"), ("Sergey Lavrov", "Foreign Minister"),
            ("John Woodcock", "MP for Barrow and Furness"), ("Theresa May", "Prime Minister")} <= held


def test_who_accused_russia(examples_graph):
    rows = answer(examples_graph, "who-accused-russia.rq")
    accusers = {r["accuser"] for r in rows}
    # "Mr Johnson accused Russia of committing war crimes"; "the European Council yesterday found that
    # Russia's use of chemical weapons ... are war crimes"
    assert {"Boris Johnson", "European Council"} <= accusers
    council = [r for r in rows if r["accuser"] == "European Council"]
    assert any(r["when"] == "2016-10-17" for r in council)  # "yesterday" in a debate of 18 October 2016


def test_convoy_strike(examples_graph):
    rows = answer(examples_graph, "convoy-strike.rq")
    assert len({r["event"] for r in rows}) == 1  # one strike, however many sentences tell of it
    strike = rows[0]
    # "the airstrike on an aid convoy in Syria in September", "The attack near Aleppo left 20 aid workers
    # and one civilian dead", "21 September, which was two days after the bombing of the aid convoy"
    assert strike["where"] == "Aleppo"
    assert strike["when"] == "2016-09-19"
    assert strike["killed"] == "21"
    assert strike["by"] == "Russia"


def test_foreign_secretary_meetings(examples_graph):
    rows = answer(examples_graph, "foreign-secretary-meetings-2016-09.rq")
    # "I met Russian Foreign Minister Lavrov in New York on 21 September", said by the Foreign Secretary
    assert [(r["secretary"], r["whom"], r["when"]) for r in rows] == [("Boris Johnson", "Sergey Lavrov", "2016-09-21")]
    assert rows[0]["where"].startswith("New York")


def test_russia_events_by_article(examples_graph):
    rows = answer(examples_graph, "russia-events-by-article.rq")
    articles = {r["article"] for r in rows}
    assert len(articles) == 3  # every example article reports something Russia did or suffered
    dated = [r["when"] for r in rows if r["when"]]
    for article in articles:
        whens = [r["when"] for r in rows if r["article"] == article and r["when"]]
        assert whens == sorted(whens)
    assert dated


def test_sentences_about_russia(examples_graph):
    rows = answer(examples_graph, "sentences-about-russia.rq")
    sentences = [r["sentence"] for r in rows]
    assert any("Russian Foreign Minister Lavrov" in s for s in sentences)  # a demonym is its country
    assert all("Russia" in s or "Russian" in s or "Kremlin" in s for s in sentences)


@pytest.mark.parametrize("name", ["organisations-and-countries.rq"])
def test_organisations_and_countries(examples_graph, name):
    pairs = {(r["organisation"], r["country"]) for r in answer(examples_graph, name)}
    # "the UK has been in the lead in the UN Security Council in bringing pressure to bear on Russia"
    assert ("United Nations Security Council", "Russia") in pairs

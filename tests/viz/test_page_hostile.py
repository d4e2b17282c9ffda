"""Text from articles is data, never markup: hostile names, sentences and titles show as text and run
nothing, even with the page's Content-Security-Policy switched off (the escaping alone must hold)."""

from __future__ import annotations

import pytest

from kg.model import Corpus, Entity, Event, Kind
from kg.viz.page import write_page

from .conftest import doc, graph_of, said

pytestmark = pytest.mark.slow

NAME = '<img src=x onerror="window.__pwned = 1">Mallory'
ALIAS = "<script>window.__pwned = 2</script>"
SENTENCE = "Mallory said </script><script>window.__pwned = 3</script> and <b>left</b> <!-- quietly."
TITLE = '<svg onload="window.__pwned = 4">Report'
BYSTANDER = '<img src=y onerror="window.__pwned = 5">Bystanders Ltd'  # in no event: listed apart


def hostile_corpus() -> Corpus:
    ev = said("h", SENTENCE)
    return Corpus(
        documents=[doc("h", TITLE, "2020-05-01")],
        entities=[Entity("person:mallory", Kind.PERSON, NAME, aliases=(ALIAS,), evidence=(ev,)),
                  Entity("country:RU", Kind.COUNTRY, "Russia", evidence=(ev,)),
                  Entity("org:bystanders", Kind.ORGANIZATION, BYSTANDER, evidence=(ev,))],
        events=[Event("event:x", "112", "<i>accused</i>", (ev,), source="person:mallory", target="country:RU")],
    )


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "page.html"
    write_page(graph_of(hostile_corpus()), path)
    return path


@pytest.mark.parametrize("bypass_csp", [True, False], ids=["escaping alone", "with CSP"])
def test_hostile_text_shows_as_text_and_runs_nothing(open_page, hostile_page, bypass_csp):
    opened = open_page(hostile_page, bypass_csp=bypass_csp)
    page = opened.page
    assert NAME in opened.shown_names()

    x, y = opened.point_of(NAME)
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)
    page.locator("#tooltip").wait_for(state="visible")
    assert NAME in page.locator("#tooltip").inner_text()
    page.mouse.click(x, y)
    details = page.locator("#details")
    assert details.locator("h2.name").inner_text() == NAME
    assert ALIAS in details.inner_text()
    assert SENTENCE in details.locator("blockquote p").first.inner_text()
    assert TITLE in details.locator("blockquote cite").first.inner_text()

    page.fill("#search", "<script>")  # matches the alias: search text is no markup either
    page.press("#search", "Enter")
    assert NAME in opened.shown_names()
    page.check("input[name=view][value=actors]")
    opened.settle()

    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg, b, i').length") == 0
    assert TITLE in page.locator("#docs").inner_text()
    assert BYSTANDER in page.locator("#unlinked").inner_text()
    page.locator("#unlinked li").first.click()
    assert page.locator("#details h2.name").inner_text() == BYSTANDER
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "kg: " + TITLE
    assert opened.outside == []  # no image "x" was fetched
    assert opened.console_errors == []


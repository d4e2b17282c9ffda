"""Fixtures of the graph page's tests: graphs built by hand through kg.model and kg.graph.rdf, and a real
headless Chromium (Debian's, driven by Playwright) that records every request and console error."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.model import Corpus, Document, Entity, Event, Evidence, Kind, Post, Status, TimeValue

# --- graphs built by hand ------------------------------------------------------------------------


def doc(doc_id: str, title: str, date: str) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", title=title, date=date, url=None,
                    sha1=hashlib.sha1(doc_id.encode()).hexdigest())


def said(doc_id: str, text: str, start: int = 0) -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=start + len(text), text=text)


def graph_of(corpus: Corpus):
    """The union graph of a corpus, as ``kg build`` hands it to the page."""
    from kg.graph.rdf import to_dataset, union

    return union(to_dataset(corpus))


def talks_corpus() -> Corpus:
    """Two short made-up articles: a meeting and an accusation in one, an airstrike in the other."""
    a, b = "talks", "strike"
    met = said(a, "Boris Johnson met Sergey Lavrov in Moscow on Sunday.", 0)
    accused = said(a, "Johnson accused Russia of war crimes in Syria.", 60)
    struck = said(b, "Russian jets struck an aid convoy near Aleppo, killing 20 aid workers.", 0)
    people = [
        Entity("person:boris-johnson", Kind.PERSON, "Boris Johnson", aliases=("Boris", "Johnson"),
               evidence=(met, accused)),
        Entity("person:sergey-lavrov", Kind.PERSON, "Sergey Lavrov", aliases=("Lavrov",), evidence=(met,)),
        Entity("country:RU", Kind.COUNTRY, "Russia", aliases=("Russian",),
               same_as=("http://www.wikidata.org/entity/Q159",), evidence=(accused, struck)),
        Entity("country:GB", Kind.COUNTRY, "United Kingdom", evidence=(accused,)),
        Entity("place:524901", Kind.PLACE, "Moscow", subtype="City", evidence=(met,)),
        Entity("place:170063", Kind.PLACE, "Aleppo", subtype="City", evidence=(struck,)),
        Entity("org:un", Kind.ORGANIZATION, "United Nations", evidence=(struck,)),
    ]
    return Corpus(
        documents=[doc(a, "Johnson in Moscow", "2017-03-05"), doc(b, "Strike on Aleppo convoy", "2016-09-20")],
        entities=people,
        posts=[Post("post:boris-johnson-foreign-secretary", "person:boris-johnson", "Foreign Secretary",
                    "country:GB", (met,))],
        events=[
            Event("event:met", "040", "met", (met,), source="person:boris-johnson", target="person:sergey-lavrov",
                  place="place:524901", time=TimeValue("2017-03-05")),
            Event("event:accused", "112", "accused", (accused,), source="person:boris-johnson", target="country:RU",
                  time=TimeValue("2016-10")),
            Event("event:struck", "195", "struck", (struck,), source="country:RU", place="place:170063",
                  time=TimeValue("2016-09-19"), killed=20, killed_parts=((20, "aid workers"),)),
            Event("event:talks", "036", "will meet", (met,), source="person:sergey-lavrov",
                  target="person:boris-johnson", status=Status.PLANNED),
        ],
    )


@pytest.fixture
def talks_graph():
    return graph_of(talks_corpus())


def interactions_corpus(pairs: list[tuple[str, str, str]], *, doc_id: str = "d") -> Corpus:
    """Persons named by letters and events between them: [("112", "a", "b"), ...] means a accused b."""
    names = sorted({n for _, s, t in pairs for n in (s, t)})
    ev = said(doc_id, "A sentence.")
    return Corpus(
        documents=[doc(doc_id, "Made up", "2020-01-01")],
        entities=[Entity(f"person:{n}", Kind.PERSON, n.upper(), evidence=(ev,)) for n in names],
        events=[Event(f"event:{i}", code, code, (said(doc_id, f"Sentence {i}.", 20 * i),),
                      source=f"person:{s}", target=f"person:{t}") for i, (code, s, t) in enumerate(pairs)],
    )


# --- the browser ---------------------------------------------------------------------------------


@dataclass
class OpenPage:
    page: object
    console_errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # requests for anything but the page's own file

    def shown(self) -> list[dict]:
        return self.page.evaluate("kg.shownNodes()")

    def shown_names(self) -> set[str]:
        return {n["name"] for n in self.shown()}

    def shown_edges(self) -> list[dict]:
        return self.page.evaluate("kg.shownEdges()")

    def settle(self) -> None:
        """Give the page a moment to draw a change (the change itself applies at once)."""
        self.page.wait_for_timeout(100)

    def point_of(self, name: str) -> tuple[float, float]:
        """Where on the screen the node named ``name`` is drawn."""
        return tuple(self.page.evaluate(
            """(name) => {
                const node = kg.shownNodes().find(n => n.name === name);
                const at = kg.network.canvasToDOM(kg.network.getPositions([node.id])[node.id]);
                const box = document.getElementById("network").getBoundingClientRect();
                return [box.left + at.x, box.top + at.y];
            }""", name))


@pytest.fixture
def open_page(browser):
    """Open a page from file:// and wait until it says it is ready; record requests and errors."""
    contexts = []

    def run(path: Path, *, bypass_csp: bool = False) -> OpenPage:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        opened = OpenPage(page)
        own = Path(path).resolve().as_uri()

        def route(r) -> None:
            if r.request.url.split("#")[0] == own:
                r.continue_()
            else:
                opened.outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.console_errors.append(f"page error: {e}"))
        page.goto(own)
        # a selector, not wait_for_function: the page's CSP forbids the eval that the latter needs
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=30_000)
        return opened

    yield run
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def examples_page(examples_build, tmp_path_factory):
    """``kg viz`` of the graph of examples/articles."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("page") / "graph.html"
    assert main(["viz", str(examples_build), "-o", str(out)]) == 0
    return out


# --- a generated corpus of 300 articles ----------------------------------------------------------

CORPUS_ARTICLES = 300


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """``kg build`` of 300 generated articles (tests/benchmarks/corpus.py), once per session: a minute."""
    import importlib.util

    from kg.cli import main

    spec = importlib.util.spec_from_file_location("corpus", Path(__file__).parents[1] / "benchmarks" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    root = tmp_path_factory.mktemp("corpus")
    corpus.make_corpus(root / "articles", CORPUS_ARTICLES, seed=0)
    out = root / "graph.ttl"
    assert main(["build", str(root / "articles"), "-o", str(out), "-q", "-j", "1"]) == 0
    return out


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    from rdflib import Graph

    return Graph().parse(corpus_build, format="turtle")


@pytest.fixture(scope="session")
def corpus_page(corpus_build, tmp_path_factory):
    from kg.cli import main

    out = tmp_path_factory.mktemp("corpus-page") / "graph.html"
    assert main(["viz", str(corpus_build), "-o", str(out)]) == 0
    return out


# What the first view shows, measured with vis-network's own numbers: the zoom, the size of every
# drawn label on screen, and the boxes vis-network measured for the labels it drew (an event's label
# is drawn in a box: that box). Nodes whose
# centre is on screen are the first view's; then the view moves over the whole drawing at the same
# zoom, so that every drawn node's label is measured where it is, and comes back.
FIRST_VIEW = """async () => {
  const net = kg.network, body = net.body, scale = net.getScale();
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const start = net.getViewPosition();
  const ids = body.nodeIndices.slice();
  const seen = new Map();
  const grab = () => {
    const view = net.canvas.frame.canvas.getBoundingClientRect();
    const a = net.DOMtoCanvas({x: 0, y: 0}), b = net.DOMtoCanvas({x: view.width, y: view.height});
    for (const id of ids) {
      const n = body.nodes[id], s = n.options.shape === "box" ? n.shape : n.labelModule.size;
      if (n.x < a.x || n.x > b.x || n.y < a.y || n.y > b.y) continue;
      seen.set(id, {id, name: kg.node(id).name, left: s.left, top: s.top, right: s.left + s.width,
                    bottom: s.top + s.height, px: n.labelModule.fontOptions.size * net.getScale()});
    }
    return [a, b];
  };
  const [a, b] = grab();
  const first = Array.from(seen.values());
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const id of ids) {
    const n = body.nodes[id];
    x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
  }
  const w = b.x - a.x, h = b.y - a.y;
  for (let x = x0 - 2 + w / 2; x < x1 + w / 2; x += w * 0.9)
    for (let y = y0 - 2 + h / 2; y < y1 + h / 2; y += h * 0.9) {
      net.moveTo({position: {x, y}, scale, animation: false});
      await frame();
      grab();
    }
  net.moveTo({position: start, scale, animation: false});
  await frame();
  const view = net.canvas.frame.canvas.getBoundingClientRect();
  return {scale, drawn: ids.length, first, all: Array.from(seen.values()), width: view.width, height: view.height};
}"""


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of label boxes that overlap by more than half a pixel each way."""
    out = []
    for i, p in enumerate(labels):
        for q in labels[i + 1:]:
            if min(p["right"], q["right"]) - max(p["left"], q["left"]) > 0.5 and \
                    min(p["bottom"], q["bottom"]) - max(p["top"], q["top"]) > 0.5:
                out.append((p["name"], q["name"]))
    return out

"""Shared fixtures: the real spaCy pipeline, the seed articles, and one build of examples/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLES = EXAMPLES / "articles"
QUERIES = EXAMPLES / "queries"
SHARED = ROOT.parent / "shared"


def example_texts() -> list[str]:
    """The example articles' texts as kg parses them: read, and their page furniture blanked."""
    from kg.ingest import clean, load

    return [clean.blank_noise(a.text) for a in load.read_articles(load.find_files([ARTICLES]))]


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text as kg does (cleaning, then the pipeline) and return (doc, article)."""
    from kg.ingest import clean
    from kg.ingest.load import article_from_text

    def run(text: str, *, date: str | None = None):
        article = article_from_text(text, "test.txt", date=date)
        return nlp(clean.blank_noise(article.text)), article

    return run


@pytest.fixture(scope="session")
def facts_of(parse):
    """Extraction of one text: DocFacts."""
    from kg.extract import extract

    def run(text: str, *, date: str | None = None):
        doc, article = parse(text, date=date)
        return extract(doc, article)

    return run


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """kg build examples/articles -o graph.ttl through the command line, once per session."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("examples") / "graph.ttl"
    assert main(["build", str(ARTICLES), "-o", str(out), "-q", "-j", "1"]) == 0
    return out


@pytest.fixture(scope="session")
def examples_graph(examples_build):
    from rdflib import Graph

    g = Graph()
    g.parse(examples_build, format="turtle")
    return g


def gold_files():
    return sorted((SHARED / "eval" / "gold").glob("*.json"))


def gold(name: str) -> dict:
    return json.loads((SHARED / "eval" / "gold" / name).read_text())


CHROMIUM = "/usr/bin/chromium"  # Debian's chromium, driven by Playwright (no browser download)
# headless as root, nothing fetched in the background
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session: Playwright's sync API runs one instance per thread."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()

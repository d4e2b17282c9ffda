"""Fixtures of the store tests: every store kind behind the one interface (Virtuoso included, started
here and stopped after the session), and small documents' facts written by hand."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.model import Article, DocFacts, EventMention, Evidence, Kind, LocalEntity, Ref
from kg.store import open_store
from kg.store.base import Store

from . import virtuoso as vt

KINDS = ["memory", "oxigraph", "virtuoso", "virtuoso-update"]
ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[vt.Virtuoso]:
    """A Virtuoso Open Source server of its own on loopback ports, for the whole session.

    Where Virtuoso is not installed the tests that need it skip, except under CI (the CI
    environment variable set), where they fail: CI installs it."""
    if not vt.available():
        message = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message + ", and CI must run the Virtuoso tests")
        pytest.skip(message)
    server = vt.Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


def clear_remote(store: Store) -> None:
    """Empty a remote store: every graph it counts as its own, and the union graph."""
    store.replace_graphs({}, drop=sorted(store.graphs()))
    store.update(f"DROP SILENT GRAPH <{store.union_graph}>")  # type: ignore[attr-defined]


@pytest.fixture
def make_store(request, tmp_path) -> Callable[[str], Store]:
    """Open a new, empty store of a kind (closed after the test)."""
    opened: list[Store] = []

    def make(kind: str, **options) -> Store:
        if kind == "memory":
            store = open_store("memory")
        elif kind == "oxigraph":
            store = open_store(tmp_path / f"store{len(opened)}", writable=True, create=True, **options)
        elif kind.startswith("virtuoso"):
            server = request.getfixturevalue("virtuoso")
            graph_store = server.graph_store if kind == "virtuoso" else None
            store = open_store(server.endpoint, graph_store=graph_store)
            clear_remote(store)
        else:
            raise ValueError(kind)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture(params=KINDS)
def store(request, make_store) -> Store:
    """Each store kind in turn: the contract suite runs against all of them."""
    return make_store(request.param)


# --- documents' facts written by hand --------------------------------------------------------------

def sentence_of(doc_id: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(doc_id, start, start + len(sentence), sentence)


@pytest.fixture
def facts() -> Callable[..., DocFacts]:
    """DocFacts of a one-sentence article: ``facts("Boris Johnson met Sergey Lavrov.",
    people=["Boris Johnson", "Sergey Lavrov"], event=("040", "met", 0, 1))``."""

    def make(text: str, *, people: list[str] = (), countries: dict[str, str] | None = None,
             event: tuple[str, str, int, int] | None = None, doc_id: str | None = None,
             date: str | None = "2017-03-05") -> DocFacts:
        from kg.ids import sha1

        doc_id = doc_id or sha1(text)
        article = Article(doc_id=doc_id, text=text, source=f"{doc_id[:8]}.txt", title=text[:30], date=date)
        ev = sentence_of(doc_id, text, text)
        entities = [LocalEntity(Kind.PERSON, name, evidence=(ev,)) for name in people]
        entities += [LocalEntity(Kind.COUNTRY, name, key=key, evidence=(ev,))
                     for key, name in (countries or {}).items()]
        events = ()
        if event is not None:
            code, trigger, source, target = event
            events = (EventMention(code, trigger, ev, source=Ref(source), target=Ref(target)),)
        return DocFacts(article, entities=tuple(entities), events=events, sentences=1, words=len(text.split()))

    return make


@pytest.fixture
def lavrov_docs(facts) -> tuple[DocFacts, DocFacts, DocFacts]:
    """Three documents: one names Sergey Lavrov in full, one only "Lavrov", one neither."""
    full = facts("Boris Johnson will meet Sergey Lavrov in Moscow.", people=["Boris Johnson", "Sergey Lavrov"],
                 countries={"country:RU": "Russia"}, event=("036", "will meet", 0, 1))
    surname = facts("Lavrov accused Britain of hypocrisy.", people=["Lavrov"],
                    countries={"country:GB": "Britain"}, event=("112", "accused", 0, 1), date="2017-03-06")
    other = facts("Theresa May spoke to Donald Trump.", people=["Theresa May", "Donald Trump"],
                  event=("010", "spoke to", 0, 1), date="2017-03-07")
    return full, surname, other


def stored_facts(catalog_root: Path) -> set[str]:
    """The doc ids whose facts, or the copies of them resolution reads, a catalog's database holds
    (kg.store.catalog)."""
    import sqlite3

    from kg.store.catalog import DATABASE

    db = sqlite3.connect(catalog_root / DATABASE)
    try:
        return {doc_id for (doc_id,) in db.execute("SELECT doc_id FROM facts UNION SELECT doc_id FROM lean")}
    finally:
        db.close()


def canonical(graph):
    """``graph`` with its literals as Oxigraph writes them back: numbers in their canonical form
    ("-5.0"^^xsd:decimal comes back as "-5"). Same values, other lexical forms: a file and a store
    are compared through this."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.store.terms import from_ox, to_ox

    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    out = Graph()
    for q in store:
        out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return out


def copy_articles(src: Path, dst: Path, names: list[str] | None = None) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.iterdir()):
        if names is None or path.name in names:
            shutil.copy(path, dst / path.name)
    return dst

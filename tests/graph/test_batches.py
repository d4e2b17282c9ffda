"""A corpus's graphs made a batch of documents at a time are the graphs one writer of the whole
corpus makes: a fact stated in documents of different batches is in each of their graphs."""

from __future__ import annotations

import dataclasses

import pytest

from kg.graph import batches
from kg.graph.rdf import GraphWriter
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


def test_graphs_made_in_batches_are_the_graphs_of_the_whole_corpus():
    corpus = resolve(docs())
    whole = GraphWriter().write(corpus)
    for size in (1, 2, 3):
        made = dict(batches.graphs(corpus, size))
        assert list(made) == [d.doc_id for d in corpus.documents]
        for doc_id, graph in made.items():
            assert set(graph) == set(whole.graph(doc_id)), (size, doc_id)
    # the surname alone in the third story is the minister the others name in full
    person = [e for e in corpus.entities if e.kind is Kind.PERSON]
    assert [e.key for e in person] == ["person:clara-pettigrew"]
    assert {ev.doc_id for ev in person[0].evidence} == {"trade-0", "trade-1", "trade-2"}


def graphs_and_signatures(facts: list[DocFacts]) -> tuple[dict[str, set], dict[str, str]]:
    corpus = resolve(facts)
    return {doc_id: set(g) for doc_id, g in batches.graphs(corpus, 2)}, batches.signatures(corpus, "v")


def test_a_signature_changes_when_and_only_when_its_documents_graph_changes():
    trade = docs()
    # a later story naming the minister in full settles who "Pettigrew" alone was: that graph changes
    before, signed_before = graphs_and_signatures([trade[2]])
    after, signed_after = graphs_and_signatures([trade[2], trade[1]])
    assert before["trade-2"] != after["trade-2"] and signed_before["trade-2"] != signed_after["trade-2"]
    # a story adding only the minister's post and a visit of its own leaves the others' graphs as they were
    before, signed_before = graphs_and_signatures(trade[1:])
    after, signed_after = graphs_and_signatures(trade)
    for doc_id in ("trade-1", "trade-2"):
        assert before[doc_id] == after[doc_id] and signed_before[doc_id] == signed_after[doc_id]
    # another version of the graph writing signs every graph otherwise
    assert set(batches.signatures(resolve(trade), "w").values()).isdisjoint(signed_after.values())


def test_a_claim_in_one_story_changes_only_that_storys_signature():
    """Who claims an event is in the graph of the story that says so, not in the others' graphs of
    the event: a new story claiming it leaves their signatures as they were (and so their graphs
    are not made again by an incremental build)."""
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
    assert before["claim-0"] == after["claim-0"] and signed_before["claim-0"] == signed_after["claim-0"]
    # the claim is signed for the story that makes it: without it, that story's signature differs
    unclaimed = [stories[0], dataclasses.replace(stories[1], events=(dataclasses.replace(stories[1].events[0],
                                                                                         claimed_by=None),))]
    assert graphs_and_signatures(unclaimed)[1]["claim-1"] != signed_after["claim-1"]


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

    expected = {doc_id: set(g) for doc_id, g in batches.graphs(full, 2)}
    assert {doc_id: set(g) for doc_id, g in batches.graphs(light, 2, texts=read)} == expected
    assert asked == [["trade-0", "trade-1"], ["trade-2"]]  # a batch's articles at a time
    # the sentence is in the graph: "Pettigrew visited Canada on Monday." as the mention's text
    assert any(str(o) == "Pettigrew visited Canada on Monday." for _, _, o in expected["trade-2"])


@pytest.mark.parametrize("doc_ids", [{"trade-1"}, {"trade-0", "trade-2"}, {"trade-2"}])
def test_the_part_of_some_documents_makes_their_graphs(doc_ids):
    corpus = resolve(docs())
    whole = GraphWriter().write(corpus)
    part = batches.part(corpus, doc_ids)
    assert [d.doc_id for d in part.documents] == sorted(doc_ids)
    # each record kept is one these documents state, with their evidence alone
    for kind in batches.KINDS:
        for record in getattr(part, kind):
            assert record.evidence and {ev.doc_id for ev in record.evidence} <= doc_ids, (kind, record)
    # Japan is named in the first two stories only
    assert any(e.key == "country:JP" for e in part.entities) == bool(doc_ids & {"trade-0", "trade-1"})
    made = dict(batches.graphs(part, 2))  # {"trade-0", "trade-2"}: a batch with a gap in doc order
    assert list(made) == sorted(doc_ids)
    for doc_id, graph in made.items():
        assert set(graph) == set(whole.graph(doc_id)), doc_id


def test_the_part_of_every_document_is_the_corpus():
    corpus = resolve(docs())
    assert batches.part(corpus, {"trade-0", "trade-1", "trade-2"}) is corpus


def test_evidence_out_of_document_order_is_refused():
    corpus = resolve(docs())
    person = next(e for e in corpus.entities if e.kind is Kind.PERSON)
    corpus.entities[corpus.entities.index(person)] = dataclasses.replace(person, evidence=person.evidence[::-1])
    with pytest.raises(ValueError, match="not in document order"):
        batches.index(corpus)

"""A corpus's graphs a batch at a time, so that the graphs of the whole corpus are never in memory
together (a build into a store writes each batch and lets it go).

A document's graph holds its node, the mentions of its sentences that are evidence of records, the
records' links to them and the claims it makes (``kg.graph.rdf``): an index from each document to
the records whose evidence it holds lets a batch's writer (a ``GraphWriter`` restricted to the
batch's documents, given their articles' texts) write only those. Each record's own graph comes
after, one record at a time: it needs no text. The graphs are the very graphs a writer of the
whole corpus makes.

A document's graph can be written before resolution, as the articles are parsed (``provisional``:
its node, a mention of each sentence its facts come from, and the links to them of the records
whose IRI its facts alone tell); then the batch gives what it loses and gains to be its graph (a
``Change``), not the graph again.
"""

from __future__ import annotations

import bisect
import dataclasses
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from rdflib import URIRef

from kg.graph.rdf import GraphWriter, NamedGraph, derived, doc_iri, record_iri
from kg.ids import sha1
from kg.model import Corpus, DocFacts, Document, Evidence

KINDS = ("entities", "posts", "members", "events")  # in the order GraphWriter.write takes them
# a record's field of (doc_id, ...) tuples that the graph of that document states, not the record's:
# an event's claims (``GraphWriter.event``)
PER_DOCUMENT = {"events": "claimed_by"}


SPAN = 0xFFFFFFFF  # a span is start << 32 | end


@dataclass(frozen=True, slots=True)
class Held:
    """A document's graph as the store holds it before resolution (``provisional``): the spans of its
    mentions, ``digest``, the sum of its lines' digests (``kg.pipeline.incremental.line_sum``), and
    its records' links, each ``i << 32 | j``: the record's IRI is ``iris[i]`` (a table the
    documents share), its mention's span ``spans[j]``."""

    spans: array
    digest: int
    links: array
    iris: Sequence[str]

    def linked(self, doc_id: str) -> Iterator[tuple[str, str, int, int]]:
        """Its links, each as (record IRI, doc_id, start, end)."""
        for link in self.links:
            span = self.spans[link & SPAN]
            yield self.iris[link >> 32], doc_id, span >> 32, span & SPAN


@dataclass(slots=True)
class Change:
    """What a document's graph written before resolution (``provisional``) loses and gains to become
    its graph: the mentions of sentences no record comes from; the records' links to the others,
    its claims, and a mention it lacks (none today: every record's evidence is a fact's).
    ``before`` is its ``Held.digest``."""

    lost: NamedGraph
    gained: NamedGraph
    before: int


def spans_of(facts: DocFacts) -> list[tuple[int, int]]:
    """Every sentence a fact of a document comes from, as (start, end), once each, in the order of the facts."""
    spans = [(ev.start, ev.end) for entity in facts.entities for ev in entity.evidence]
    spans += [(fact.evidence.start, fact.evidence.end) for fact in (*facts.roles, *facts.memberships, *facts.events)]
    return list(dict.fromkeys(spans))


def provisional(document: Document, facts: DocFacts, linked: Iterable[tuple[str, Sequence[Evidence]]] = (),
                ) -> tuple[NamedGraph, array, list[tuple[str, int]]]:
    """A document's graph as it can be made before resolution, from its facts alone (the article's
    text included): its node, the mention of every sentence a fact of it comes from, and the links
    ``linked`` gives, each a record's IRI and the evidence it has of this document (the records
    whose IRI the facts tell, a country's say); with the mentions' spans and the links, each as
    (IRI, the position of its mention's span). Resolution keeps the records of nearly all
    sentences (all but 1,923 of 539,250 in 20,000 generated articles): the document's graph is
    this one, less those, with the other records' links and its claims (a ``Change``)."""
    doc_id = document.doc_id
    writer = GraphWriter({doc_id}, {doc_id: facts.article.text}, records=False)
    writer.document(document)
    spans = array("q")
    position: dict[tuple[int, int], int] = {}
    for start, end in spans_of(facts):
        writer.mention(Evidence(doc_id, start, end, ""))  # its sentence from the text, as at the end
        position[start, end] = len(spans)
        spans.append(start << 32 | end)
    graph = writer.graph(doc_iri(doc_id))
    links: dict[tuple[str, int], None] = {}
    for iri, evidence in linked:  # a fact's evidence: its spans are among those of ``spans_of``
        graph.extend(derived(URIRef(iri), evidence))
        links.update(((iri, position[ev.start, ev.end]), None) for ev in evidence)
    return graph, spans, list(links)


def index(corpus: Corpus) -> dict[str, array]:
    """For each document, the records whose evidence it holds, in corpus order: each a number,
    ``kind << 32 | position`` (eight bytes a record, not a tuple and a list of its evidence: an
    index of a large corpus stays small). A record's evidence is in document order, as resolution
    gives it (ValueError if not)."""
    by_doc: dict[str, array] = {}
    for k, kind in enumerate(KINDS):
        for i, record in enumerate(getattr(corpus, kind)):
            ref = k << 32 | i
            last = None
            for ev in record.evidence:
                if ev.doc_id != last:
                    if last is not None and ev.doc_id < last:
                        raise ValueError(f"the evidence of {kind} {i} is not in document order")
                    last = ev.doc_id
                    refs = by_doc.get(last)
                    if refs is None:
                        refs = by_doc[last] = array("q")
                    if not refs or refs[-1] != ref:
                        refs.append(ref)
    return by_doc


def _given(evidence: tuple[Evidence, ...], first: str, last: str, batch: Collection[str]) -> tuple[Evidence, ...]:
    """A record's evidence from the documents of ``batch`` (whose ids lie from ``first`` to ``last``):
    the evidence is in document order, so the range is found by bisection, not by a look at all of
    it (a country's evidence is in every document)."""
    lo = bisect.bisect_left(evidence, first, key=_doc_id)
    hi = bisect.bisect_right(evidence, last, lo=lo, key=_doc_id)
    return tuple(ev for ev in evidence[lo:hi] if ev.doc_id in batch)


def _doc_id(ev: Evidence) -> str:
    return ev.doc_id


def signatures(corpus: Corpus, salt: str = "") -> dict[str, str]:
    """For each graph (by its IRI), a digest of everything it is made from: for a record's graph,
    the record's fields; for a document's graph, its ``Document``, the offsets of the evidence it
    holds with the records that come from each, and the claims it makes. Equal signatures, equal
    graphs (for one ``salt``: the version of the graph writing), so a build need not make again a
    graph whose signature has not changed."""
    links: dict[str, list[tuple[int, str]]] = defaultdict(list)  # a document -> (span, record), span start << 32 | end
    claims: dict[str, list[str]] = defaultdict(list)
    out: dict[str, str] = {}
    for kind in KINDS:
        records = getattr(corpus, kind)
        names = [f.name for f in dataclasses.fields(records[0])] if records else []
        per_doc = PER_DOCUMENT.get(kind)
        for record in records:
            if not record.evidence:
                continue  # in no graph (``GraphWriter``)
            iri = str(record_iri(record))
            own = repr(tuple(getattr(record, name) for name in names if name not in ("evidence", per_doc)))
            # two records of one IRI (two posts whose titles differ in case alone) share its graph
            out[iri] = sha1(f"{out.get(iri, '')}{salt}\n{kind}\n{own}")
            for ev in record.evidence:
                links[ev.doc_id].append((ev.start << 32 | ev.end, iri))
            if per_doc:
                for doc_id, *value in getattr(record, per_doc):
                    claims[doc_id].append(f"{iri} {value!r}")
    for doc in corpus.documents:
        held = sorted(set(links.get(doc.doc_id, ())))
        out[str(doc_iri(doc.doc_id))] = sha1(f"{salt}\n{doc!r}\n{held}\n{sorted(claims.get(doc.doc_id, ()))}")
    return out


def names(corpus: Corpus) -> list[str]:
    """The IRI of every graph of the corpus (those ``signatures`` gives), without their signatures."""
    return [str(iri) for iri in _records_by_graph(corpus)] + [str(doc_iri(doc.doc_id)) for doc in corpus.documents]


def _records_by_graph(corpus: Corpus) -> dict[URIRef, list]:
    """The records that have a graph (those with evidence), by its IRI: records of one IRI (two posts
    whose titles differ in case alone) share one graph."""
    by_iri: dict[URIRef, list] = {}
    for kind in KINDS:
        for record in getattr(corpus, kind):
            if record.evidence:
                by_iri.setdefault(record_iri(record), []).append(record)
    return by_iri


def part(corpus: Corpus, graphs: Collection[str]) -> Corpus:
    """What the graphs named ``graphs`` are made from: their documents, the records whose graphs
    they are, and the other records with evidence in those documents, with that evidence alone
    (for the documents' mentions and claims; ``graphs(part, only=graphs)`` then makes the graphs of
    the whole for those names). Much smaller than the corpus when the graphs are few: what an
    incremental build keeps of the resolved corpus to make the graphs that changed."""
    doc_ids = {doc.doc_id for doc in corpus.documents if str(doc_iri(doc.doc_id)) in graphs}
    whole = len(doc_ids) == len(corpus.documents)  # and so far every record as it is
    kept = {}
    for kind in KINDS:
        records = []
        for record in getattr(corpus, kind):
            if str(record_iri(record)) in graphs:
                records.append(record)
                continue
            whole = False
            evidence = tuple(ev for ev in record.evidence if ev.doc_id in doc_ids)
            if evidence:
                records.append(record if len(evidence) == len(record.evidence)
                               else dataclasses.replace(record, evidence=evidence))
        kept[kind] = records
    if whole:  # every graph: the corpus itself
        return corpus
    return Corpus(documents=[doc for doc in corpus.documents if doc.doc_id in doc_ids], **kept)


def graphs(corpus: Corpus, size: int = 500, texts: Callable[[list[str]], Mapping[str, str]] | None = None,
           only: Collection[str] | None = None, held: Mapping[str, Held] | None = None,
           ) -> Iterator[tuple[str, NamedGraph | Change]]:
    """(graph IRI, graph): the graph of every document of the corpus, in its order, written ``size``
    documents at a time, then the graph of each record (of those ``only`` names, when given: the
    other records of a ``part`` are there for the documents' graphs). For a document whose
    provisional graph the store holds (``held``, by doc_id), a ``Change`` to it instead.

    A batch's writer is given each record with the evidence of the batch's documents only: an
    entity named in every document (a country) would otherwise have all its evidence looked
    through once per batch. ``texts`` gives the articles' texts of a batch's documents, for a corpus
    resolved from facts read without their sentences (``Catalog.read_for_resolution``): of those
    held, only when a mention is to be written."""
    by_doc = index(corpus)
    records = [getattr(corpus, kind) for kind in KINDS]
    documents = corpus.documents
    held = held or {}
    for start in range(0, len(documents), size):
        batch = documents[start:start + size]
        ids = {doc.doc_id for doc in batch}
        first, last = min(ids), max(ids)
        given = _Texts(texts, [doc.doc_id for doc in batch if doc.doc_id not in held]) if texts is not None else None
        writer = GraphWriter(ids, given, records=False)
        for doc in batch:
            if doc.doc_id in held:
                holds = held[doc.doc_id]
                writer.held.update((doc.doc_id, span >> 32, span & SPAN) for span in holds.spans)
                writer.held_links.update(holds.linked(doc.doc_id))
            else:
                writer.document(doc)
        refs = sorted({ref for doc in batch for ref in by_doc.get(doc.doc_id, ())})
        for ref in refs:
            record = records[ref >> 32][ref & 0xFFFFFFFF]
            writer.record(record, _given(record.evidence, first, last, ids))
        for doc in batch:
            iri = doc_iri(doc.doc_id)
            if doc.doc_id in held:
                yield str(iri), _change(writer, doc.doc_id, held[doc.doc_id], given)
            else:
                yield str(iri), writer.graph(iri)
        del writer
    for iri, same in _records_by_graph(corpus).items():
        if only is None or str(iri) in only:
            writer = GraphWriter((), records=True)
            for record in same:
                writer.record(record)
            yield str(iri), writer.graph(iri)


def _change(writer: GraphWriter, doc_id: str, held: Held, texts: Mapping[str, str] | None) -> Change:
    """The ``Change`` of a held document's graph, once ``writer`` has written the batch's records: it
    gains what the writer wrote into it (the records' links it lacked, its claims, a mention it
    lacked) and loses the mentions that no record cited and the links no record has (a place's,
    say, that the corpus made an organisation's)."""
    iri = doc_iri(doc_id)
    gone = GraphWriter({doc_id}, texts, records=False)
    for span in held.spans:
        if (doc_id, span >> 32, span & SPAN) not in writer.mentions:
            gone.mention(Evidence(doc_id, span >> 32, span & SPAN, ""))
    for link in held.linked(doc_id):
        if link not in writer.met_links:
            record, _, start, end = link
            gone.graph(iri).extend(derived(URIRef(record), [Evidence(doc_id, start, end, "")]))
    return Change(gone.graph(iri), writer.graphs.pop(iri, None) or NamedGraph(), held.digest)


class _Texts(dict):
    """Articles' texts by doc_id: those of ``doc_ids`` read at once, any other when first asked for."""

    def __init__(self, read: Callable[[list[str]], Mapping[str, str]], doc_ids: list[str]) -> None:
        super().__init__(read(doc_ids) if doc_ids else {})
        self.read = read

    def __missing__(self, doc_id: str) -> str:
        text = self[doc_id] = self.read([doc_id])[doc_id]
        return text

"""A corpus's graphs a batch of documents at a time, so that the graphs of the whole corpus are
never in memory together (a build into a store writes each batch and lets it go).

A record (entity, post, membership, event) is written into the graph of each document its
evidence comes from (``kg.graph.rdf``): an index from each document to the records it supports
lets a batch's writer (a ``GraphWriter`` restricted to the batch) write only those, and the
graphs it makes are the very graphs a writer of the whole corpus makes for those documents.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping

from kg.graph.rdf import DocGraph, GraphWriter
from kg.ids import sha1
from kg.model import Corpus, Evidence

KINDS = ("entities", "posts", "members", "events")  # in the order GraphWriter.write takes them
# a record's field of (doc_id, ...) tuples that only the graph of that document states: an event's
# claims (``GraphWriter.event``), so that a claim made in one article changes no other's graph
PER_DOCUMENT = {"events": "claimed_by"}


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
    """For each document, a digest of everything its graph is made from: its ``Document``, and each
    record it supports with the evidence it gives (a record's evidence from other documents is not
    in this document's graph). Equal signatures, equal graphs (for one ``salt``: the version of
    the graph writing), so a build need not make again the graph of a document whose signature
    has not changed. Each record is written out once, whatever the number of its documents; its
    ``PER_DOCUMENT`` field is signed for each document with that document's part alone."""
    total: dict[str, int] = defaultdict(int)  # a sum of digests: the order of the records does not count
    for kind in KINDS:
        records = getattr(corpus, kind)
        names = [f.name for f in dataclasses.fields(records[0])] if records else []
        per_doc = PER_DOCUMENT.get(kind)
        for record in records:
            own = repr(tuple(getattr(record, name) for name in names if name not in ("evidence", per_doc)))
            by_doc: dict[str, list[tuple]] = defaultdict(list)  # what each document's graph states of it
            for ev in record.evidence:
                by_doc[ev.doc_id].append((ev.start, ev.end))  # its text is the article's, which doc!r signs
            if per_doc:
                for doc_id, *value in getattr(record, per_doc):
                    by_doc[doc_id].append(tuple(value))
            # the digest of f"{kind}\n{own}\n{parts!r}", with the record's own part hashed once
            head = hashlib.sha1(f"{kind}\n{own}\n".encode())
            for doc_id, parts in by_doc.items():
                one = head.copy()
                one.update(repr(parts).encode())
                total[doc_id] += int.from_bytes(one.digest(), "big")  # the hex digest as a number
    return {doc.doc_id: sha1(f"{salt}\n{doc!r}\n{total.get(doc.doc_id, 0) % (1 << 160):x}")
            for doc in corpus.documents}


def part(corpus: Corpus, doc_ids: Collection[str]) -> Corpus:
    """What the graphs of the documents ``doc_ids`` are made from: those documents, and the records
    whose evidence they hold, with that evidence alone (``graphs`` of the part are the graphs of
    the whole for those documents). Much smaller than the corpus, when the documents are few: what
    an incremental build keeps of the resolved corpus to make the graphs that changed."""
    documents = [doc for doc in corpus.documents if doc.doc_id in doc_ids]
    if len(documents) == len(corpus.documents):
        return corpus
    kept = {}
    for kind in KINDS:
        records = []
        for record in getattr(corpus, kind):
            evidence = tuple(ev for ev in record.evidence if ev.doc_id in doc_ids)
            if evidence:
                records.append(record if len(evidence) == len(record.evidence)
                               else dataclasses.replace(record, evidence=evidence))
        kept[kind] = records
    return Corpus(documents=documents, **kept)


def graphs(corpus: Corpus, size: int = 500,
           texts: Callable[[list[str]], Mapping[str, str]] | None = None) -> Iterator[tuple[str, DocGraph]]:
    """(doc_id, its graph) for every document of the corpus, in its order, written ``size``
    documents at a time (the graphs of some documents: ``graphs(part(corpus, doc_ids))``).

    A batch's writer is given each record with the evidence of the batch's documents only: an
    entity named in every document (a country) would otherwise have all its evidence looked
    through once per batch. ``texts`` gives the articles' texts of a batch's documents, for a corpus
    resolved from facts read without their sentences (``Catalog.read_for_resolution``)."""
    by_doc = index(corpus)
    records = [getattr(corpus, kind) for kind in KINDS]
    writes = [GraphWriter.entity, GraphWriter.post, GraphWriter.member, GraphWriter.event]
    documents = corpus.documents
    for start in range(0, len(documents), size):
        batch = documents[start:start + size]
        ids = {doc.doc_id for doc in batch}
        first, last = min(ids), max(ids)
        writer = GraphWriter(only=ids, texts=texts([doc.doc_id for doc in batch]) if texts is not None else None)
        for doc in batch:
            writer.document(doc)
        refs = sorted({ref for doc in batch for ref in by_doc.get(doc.doc_id, ())})
        for ref in refs:
            record = records[ref >> 32][ref & 0xFFFFFFFF]
            writes[ref >> 32](writer, dataclasses.replace(record, evidence=_given(record.evidence, first, last, ids)))
        for doc in batch:
            yield doc.doc_id, writer.graph(doc.doc_id)
        del writer

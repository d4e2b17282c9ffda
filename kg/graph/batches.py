"""A corpus's graphs a batch of documents at a time, so that the graphs of the whole corpus are
never in memory together (a build into a store writes each batch and lets it go).

A record (entity, post, membership, event) is written into the graph of each document its
evidence comes from (``kg.graph.rdf``): an index from each document to the records it supports
lets a batch's writer (a ``GraphWriter`` restricted to the batch) write only those, and the
graphs it makes are the very graphs a writer of the whole corpus makes for those documents.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Collection, Iterator

from kg.graph.rdf import DocGraph, GraphWriter
from kg.ids import sha1
from kg.model import Corpus

KINDS = ("entities", "posts", "members", "events")  # in the order GraphWriter.write takes them


def index(corpus: Corpus) -> dict[str, dict[tuple[int, int], list]]:
    """For each document, the records whose evidence it holds, (kind, position) in corpus order,
    each with the evidence it gives there."""
    by_doc: dict[str, dict[tuple[int, int], list]] = defaultdict(dict)
    for k, kind in enumerate(KINDS):
        for i, record in enumerate(getattr(corpus, kind)):
            for ev in record.evidence:
                by_doc[ev.doc_id].setdefault((k, i), []).append(ev)
    return by_doc


def signatures(corpus: Corpus, salt: str = "") -> dict[str, str]:
    """For each document, a digest of everything its graph is made from: its ``Document``, and each
    record it supports with the evidence it gives (a record's evidence from other documents is not
    in this document's graph). Equal signatures, equal graphs (for one ``salt``: the version of
    the graph writing), so a build need not make again the graph of a document whose signature
    has not changed. Each record is written out once, whatever the number of its documents."""
    total: dict[str, int] = defaultdict(int)  # a sum of digests: the order of the records does not count
    for kind in KINDS:
        records = getattr(corpus, kind)
        names = [f.name for f in dataclasses.fields(records[0])] if records else []
        for record in records:
            own = repr(tuple(getattr(record, name) for name in names if name != "evidence"))
            by_doc: dict[str, list] = defaultdict(list)
            for ev in record.evidence:
                by_doc[ev.doc_id].append(ev)
            for doc_id, evidence in by_doc.items():
                total[doc_id] += int(sha1(f"{kind}\n{own}\n{evidence!r}"), 16)
    return {doc.doc_id: sha1(f"{salt}\n{doc!r}\n{total.get(doc.doc_id, 0) % (1 << 160):x}")
            for doc in corpus.documents}


def graphs(corpus: Corpus, size: int = 500, only: Collection[str] | None = None) -> Iterator[tuple[str, DocGraph]]:
    """(doc_id, its graph) for every document of the corpus (of ``only``, when given), in its
    order, written ``size`` documents at a time.

    A batch's writer is given each record with the evidence of the batch's documents only: an
    entity named in every document (a country) would otherwise have all its evidence looked
    through once per batch."""
    by_doc = index(corpus)
    records = [getattr(corpus, kind) for kind in KINDS]
    writes = [GraphWriter.entity, GraphWriter.post, GraphWriter.member, GraphWriter.event]
    documents = corpus.documents if only is None else [doc for doc in corpus.documents if doc.doc_id in only]
    for start in range(0, len(documents), size):
        batch = documents[start:start + size]
        writer = GraphWriter(only={doc.doc_id for doc in batch})
        for doc in batch:
            writer.document(doc)
        evidence: dict[tuple[int, int], list] = defaultdict(list)
        for doc in batch:
            for ref, given in by_doc.get(doc.doc_id, {}).items():
                evidence[ref] += given
        for k, i in sorted(evidence):
            writes[k](writer, dataclasses.replace(records[k][i], evidence=tuple(evidence[k, i])))
        for doc in batch:
            yield doc.doc_id, writer.graph(doc.doc_id)
        del writer

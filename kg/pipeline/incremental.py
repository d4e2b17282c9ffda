"""Incremental, idempotent builds into a store: the one place that knows how a store follows its
documents.

Resolution is corpus-wide (a later article naming "Sergey Lavrov" decides who "Lavrov" was in an
earlier one), so adding or removing documents re-resolves every document the catalog holds and
rewrites each named graph whose content changed. Building a document again therefore replaces
its graph, and removing a document then building it again gives back the same graph.

    articles --(parse, no lock)--> DocFacts --(store locked)--> a forked child: resolve --plan-->
        catalog;  the child: graphs made again --lines--> changed graphs to the store

In a first build (an empty store), each document's graph is written as its article is parsed, as
far as it needs no other article (``Preloading``): the end of the build then changes it (a few
mentions fewer, the records' links and its claims) instead of making it again.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.model import Corpus, DocFacts, Document, document_of, without_text
from kg.pipeline.collector import without_cycle_collection
from kg.pipeline.forked import Boundary, forked_stream
from kg.store.base import Store
from kg.store.catalog import Catalog, Spool
from kg.store.terms import Delta, Rendered, Triple, lines_of, nt_lines, text_of

if TYPE_CHECKING:
    from kg.graph.batches import Held
    from kg.store.oxigraph import Preload


@dataclass
class Changes:
    """What an update did to a store."""

    added: list[str] = field(default_factory=list)  # doc ids new to the store
    replaced: list[str] = field(default_factory=list)  # doc ids built again
    removed: list[str] = field(default_factory=list)
    written: int = 0  # graphs written
    dropped: int = 0  # graphs removed
    unchanged: int = 0  # graphs left as they were
    documents: int = 0  # documents in the store afterwards
    preloaded: int = 0  # graphs written as their articles were parsed, then changed (``Preloading``)
    contents: Contents | None = None

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.replaced)} built again, {len(self.removed)} removed; "
                f"{self.written} graph(s) written, {self.dropped} dropped, {self.unchanged} unchanged; "
                f"{self.documents} document(s) in the store")


MASK = (1 << 128) - 1


def line_sum(lines: Iterable[str]) -> int:
    """The sum, modulo 2**128, of the digests of a graph's N-Triples lines (without their final
    " ."; each digest the first 16 bytes of the line's SHA-1): a hash of the graph that needs its
    lines in no order, and that a change to the graph updates without the rest of it (a graph
    written before resolution, then changed: ``kg.graph.batches.Change``). kg's graphs have no
    blank nodes, and no line twice."""
    total = 0
    for line in lines:
        total += int.from_bytes(hashlib.sha1(line.encode()).digest()[:16], "big")
    return total & MASK


def hexdigest(total: int) -> str:
    """A ``line_sum`` as the catalog records it (hashes an earlier kg recorded, of the sorted lines,
    differ: the graph is written again the next time it is made, once)."""
    return f"{total & MASK:032x}"


def graph_hash(triples: Iterable[Triple]) -> str:
    """The hash of a graph's content (``line_sum`` of its N-Triples lines)."""
    return hexdigest(line_sum(nt_lines(triples)))


# The version of what kg makes of the same facts (resolution and RDF). A store whose graphs an
# earlier version wrote has them written again at its next build, from the facts in its catalog:
# 2: a claim (kg:claimedBy) is in the graph of the article that makes it, not in every graph of the event.
# 3: each graph states the super-classes and super-properties the ontology entails; the ontology is a
#    graph of its own; events merge across documents more conservatively.
# 4: the CAMEO codebook is in the ontology's graph, not repeated in the graph of every document
#    with an event of that code.
# 5: each entity, post, membership and event is a graph of its own (what kg says of it, once, and its
#    links to its mentions); a document's graph holds its node, its mentions and its claims.
# 6: a record's links to its mentions are in the graphs of the mentions' documents, not in its own.
GRAPHS_VERSION = 6


def needs_repair(catalog: Catalog) -> bool:
    """Whether a graph's content is in doubt (an interrupted write, a load or a SPARQL update), or
    was written by an earlier version of kg's graph writing."""
    return any(h is None for h in catalog.graph_hashes.values()) or \
        (bool(catalog.entries) and catalog.graphs_version != GRAPHS_VERSION)


GRAPHS_PER_WRITE = 500  # graphs per write to a remote server, which writes graph by graph anyway
GRAPHS_PER_BATCH = 500  # documents whose graphs are made together, then written and let go


def _doc_ids(add: Sequence[DocFacts] | Spool) -> list[str]:
    if isinstance(add, Spool):
        return [entry.doc_id for entry in add.entries]  # without reading the facts back
    return [item.article.doc_id for item in add]


@without_cycle_collection
def update(store: Store, catalog: Catalog, *, add: Sequence[DocFacts] | Spool = (),
           remove: Iterable[str] = (), progress: bool = False, preload: Preloading | None = None) -> Changes:
    """Add documents' facts (replacing those of the same doc_id), remove documents, and bring every
    graph of the store (each document's and each record's, ``kg.graph.rdf``) up to date with the
    re-resolved corpus. The caller holds the store open for writing (and so its lock).

    The facts are read once, from the catalog and ``add`` (a ``Spool`` on disk), into resolution, as
    the copies of them kept for it (``kg.store.lean``: without the articles' texts and their
    sentences). Resolution runs in a child process (``kg.pipeline.forked.forked_stream``), whose
    memory goes back to the system when it is done: it sends back the graphs' signatures and which
    of them to make again (in an incremental build, the graphs of the new documents and of the
    records they changed; in a first build all of them, and their signatures after the graphs). The
    child then makes those graphs, the documents' ``GRAPHS_PER_BATCH`` at a time
    (``kg.graph.batches``, the sentences read back from ``add`` and the catalog), and hashes them,
    while this process streams the changed ones' lines to the store (``Store.write_graphs``: an
    embedded store takes them in one write, a remote server ``GRAPHS_PER_WRITE`` at a time): the
    resolved corpus stays in the child, the two processes work at once, and the graphs of the whole
    corpus are never in memory together. The ontology's own graph is written beside the others when
    it is new or changed. With ``progress``, a bar counts the graphs made (standard error).

    ``preload`` holds the provisional graphs of documents of ``add`` (``Preloading``, written while
    they were parsed): when the store and its catalog are empty, the graphs are written into it and
    it becomes the store's database, each held document's graph changed, not made again; else it
    is let go and every graph is made whole."""
    from kg.graph.rdf import ontology_graph
    from kg.pipeline.progress import bar

    if preload is not None and (catalog.entries or not store.is_empty()):
        preload.discard()  # the store holds something already: its graphs are written as they are
        preload = None
    held = preload.held if preload is not None else {}
    changes = Changes()
    adding = _doc_ids(add)
    last = {doc_id: position for position, doc_id in enumerate(adding)}  # a doc_id added twice: the last
    for doc_id in last:
        (changes.replaced if doc_id in catalog else changes.added).append(doc_id)
    removing = set(remove)
    changes.removed = [d for d in dict.fromkeys(remove) if d in catalog or d in last]

    copies: dict[str, bytes] = {}  # for resolution, of documents of an earlier kg's catalog that had none

    def every() -> Iterator[tuple[Document, DocFacts]]:  # run in the child
        yield from catalog.read_for_resolution([d for d in catalog.entries if d not in last and d not in removing],
                                               copies)
        added = (add.read_for_resolution() if isinstance(add, Spool)
                 else ((document_of(f), without_text(f)) for f in add))
        for position, (document, facts) in enumerate(added):
            if last[document.doc_id] == position and document.doc_id not in removing:
                yield document, facts

    ontology, axioms = ontology_graph()  # kg's terms, for queries about them
    hashes: dict[str, str] = {ontology: graph_hash(axioms)}
    known = catalog.signatures if catalog.graphs_version == GRAPHS_VERSION else {}
    previous = dict(catalog.graph_hashes)
    texts = _texts(catalog, add)

    salt = f"{GRAPHS_VERSION}\n{hashes[ontology]}"

    def plan_in_child() -> tuple[_Plan, Callable[[], Iterator[Made | Boundary | dict[str, str]]]]:
        plan, part = _plan(every(), previous, known, salt)
        plan.copies = copies  # filled as every() read the catalog

        def stream() -> Iterator[Made | Boundary | dict[str, str]]:
            yield from _graphs(part, set(plan.remake), previous, texts, held)
            yield Boundary()  # the graphs made: the store finishes its write while the child goes on
            if plan.signatures is None:
                from kg.graph.batches import signatures
                yield signatures(part, salt)
        return plan, stream

    # facts first, hashes forgotten before the store is written and recorded after it: a crash
    # anywhere leaves a catalog from which the next build repairs the store. Into an empty catalog
    # (which the child does not read) the facts go while the child resolves
    first = not catalog.entries

    with forked_stream(plan_in_child, "resolving the corpus", meanwhile=(lambda: catalog.put(add)) if first else None) \
            as (plan, made):
        remade = set(plan.remake)
        named = plan.signatures or {}  # (None in a first build: all is made)
        hashes.update((iri, previous[iri]) for iri in named if iri not in remade)  # graphs kept as they are
        dropped = sorted(iri for iri in previous if iri not in named and iri != ontology)
        if not first:
            catalog.put(add)
        catalog.keep_copies(plan.copies)
        catalog.delete(changes.removed)
        catalog.forget_hashes([*remade, *dropped, ontology])
        catalog.save()

        counted = bar(len(plan.remake), desc="writing graphs", unit="graph", enabled=progress)

        def changed() -> Iterator[tuple[str, Iterable[Triple] | Delta]]:
            for item in made:
                if isinstance(item, Boundary):
                    break
                iri, digest, text, lost = item  # type: ignore[misc]
                hashes[iri] = digest
                if counted is not None:
                    counted.update(1)
                if lost is not None:
                    changes.written += 1
                    changes.preloaded += 1
                    yield iri, Delta(lines_of(lost), Rendered.of_text(text))
                elif text is not None:
                    changes.written += 1
                    yield iri, Rendered.of_text(text)
            if previous.get(ontology) != hashes[ontology]:
                yield ontology, axioms

        try:
            store.write_graphs(changed(), drop=dropped, per_write=GRAPHS_PER_WRITE,
                               **({"onto": preload.target} if preload is not None else {}))
        finally:
            if counted is not None:
                counted.close()
        rest = list(made)  # the stream to its end: after the boundary, a first build's signatures
        if plan.signatures is None:
            plan.signatures = rest[0]  # type: ignore[assignment]
    for iri in dropped:
        del catalog.graph_hashes[iri]
    catalog.graph_hashes.update(hashes)
    catalog.signatures = plan.signatures
    catalog.graphs_version = GRAPHS_VERSION
    catalog.save()
    catalog.prune()

    changes.dropped = len(dropped)
    changes.documents = plan.documents
    changes.unchanged = len(plan.signatures) - changes.written
    changes.contents = plan.contents
    return changes


@dataclass
class Contents:
    """The records of the corpus a store holds (what ``kg build`` reports)."""

    entities: Counter = field(default_factory=Counter)  # by kind
    posts: int = 0
    memberships: int = 0
    events: int = 0


@dataclass
class _Plan:
    """What resolution decides for an update: which graphs to make again."""

    signatures: dict[str, str] | None  # the IRI of every graph -> what it is made from (None: after the graphs)
    remake: list[str]  # the IRIs of the graphs made again
    contents: Contents
    documents: int = 0
    copies: dict[str, bytes] = field(default_factory=dict)  # for ``Catalog.keep_copies``


# a graph's IRI; its hash; its lines as one text (``text_of``: one string through the pipe, not one
# per line), or None when it is as the store has it; and None, or for a graph the store holds
# provisionally, the lines it loses (the text: those it gains)
Made = tuple[str, str, str | None, str | None]


def _plan(read: Iterable[tuple[Document, DocFacts]], previous: dict[str, str | None], known: dict[str, str],
          salt: str) -> tuple[_Plan, Corpus]:
    """Resolve the documents ``read`` (``Catalog.read_for_resolution``) and compare each document's
    signature with the one its graph was made with (``known``; ``previous`` has the hashes of the
    graphs in the store). Run in the child (``forked_stream``): the facts and resolution's own
    memory stay there, with the part of the corpus the graphs are made again from
    (``batches.part``); only the plan comes back. Into an empty store (no ``previous``) every
    graph is made whatever its signature: the plan has none, and the child works them out after
    the graphs (``update``), while the store finishes writing them."""
    from kg.graph import batches
    from kg.resolve.entities import resolve_read

    corpus = resolve_read(read)
    contents = Contents(Counter(e.kind.value for e in corpus.entities), len(corpus.posts), len(corpus.members),
                        len(corpus.events))
    if not previous:  # an empty store: every graph is made, and its signature, for the next build, can wait
        return _Plan(None, batches.names(corpus), contents, len(corpus.documents)), corpus
    signatures = batches.signatures(corpus, salt)
    # a graph made from what it was made from last time is in the store still: only the others are
    # made again (an incremental build makes the graphs of the new documents and of the records
    # they changed, not the whole catalog's)
    remake = [iri for iri, sign in signatures.items() if previous.get(iri) is None or known.get(iri) != sign]
    return _Plan(signatures, remake, contents, len(corpus.documents)), batches.part(corpus, set(remake))


def _graphs(part: Corpus, remake: set[str], previous: dict[str, str | None],
            texts: Callable[[list[str]], Mapping[str, str]], held: Mapping[str, Held]) -> Iterator[Made]:
    """The graphs named ``remake``, made from ``part`` (``kg.graph.batches``: the documents'
    ``GRAPHS_PER_BATCH`` at a time) and hashed, in the child: each with its lines when its hash is
    not the one in the store (``previous``); for a document whose provisional graph the store
    holds (``held``), what that graph loses and gains."""
    from kg.graph import batches

    for iri, graph in batches.graphs(part, GRAPHS_PER_BATCH, texts=texts, only=remake, held=held):
        if isinstance(graph, batches.Change):
            lost, gained = graph.lost.lines(), graph.gained.lines()
            yield iri, hexdigest(graph.before - line_sum(lost) + line_sum(gained)), text_of(gained), text_of(lost)
            continue
        lines = graph.lines()  # its terms written once, for the hash and the store
        digest = hexdigest(line_sum(lines))
        yield iri, digest, text_of(lines) if previous.get(iri) != digest else None, None


def _texts(catalog: Catalog, add: Sequence[DocFacts] | Spool) -> Callable[[list[str]], dict[str, str]]:
    """The articles' texts of documents, for the mentions in their graphs: those of the documents
    being added from ``add`` (the last of a doc id), the others' from the catalog. In the child,
    which does not see what the parent puts into the catalog after the fork."""
    from kg.store import facts_json

    if isinstance(add, Spool):
        spooled = {entry.doc_id: entry for entry in add.entries}

        def text(doc_id: str) -> str:
            return facts_json.article_text(add.raw(spooled[doc_id]))
    else:
        given = {item.article.doc_id: item for item in add}
        spooled = given

        def text(doc_id: str) -> str:
            return given[doc_id].article.text

    def texts(doc_ids: list[str]) -> dict[str, str]:
        out = {doc_id: text(doc_id) for doc_id in doc_ids if doc_id in spooled}
        out.update(catalog.texts([doc_id for doc_id in doc_ids if doc_id not in spooled]))
        return out

    return texts


# --- a first build's documents' graphs, written as they are parsed ------------------------------

class Preloading:
    """The provisional graph of each document (``kg.graph.batches.provisional``: its node, the
    mentions of the sentences its facts come from and the links to them of the records whose keys
    its facts tell, ``kg.resolve.entities.foreseen_key``; all it holds but the other records' links,
    its claims, and less the few mentions resolution drops), made as the document's facts arrive from
    the parse and written into ``target``, a database a store fills beside the parse
    (``kg.store.oxigraph.Preload``). ``held`` says what each holds, for ``update`` to change it into
    the document's graph. A doc_id parsed twice (the same article in two files) is not held: its
    graph is made whole at the end."""

    def __init__(self, target: Preload) -> None:
        self.target = target
        self.held: dict[str, Held] = {}
        self.twice: set[str] = set()
        self.iris: list[str] = []  # the records' IRIs of the links held (``Held.iris``)
        self._iri_ids: dict[str, int] = {}

    def add(self, facts: DocFacts) -> None:
        from kg.graph.batches import Held, provisional
        from kg.graph.rdf import doc_iri
        from kg.graph.vocab import resource
        from kg.resolve.entities import foreseen_key

        doc_id = facts.article.doc_id
        if doc_id in self.held or doc_id in self.twice:
            self.held.pop(doc_id, None)
            self.twice.add(doc_id)
            return
        linked = [(str(resource(key)), entity.evidence) for entity in facts.entities
                  if (key := foreseen_key(entity)) is not None]
        graph, spans, links = provisional(document_of(facts), facts, linked)
        rendered = Rendered(graph)  # its lines, made once
        self.held[doc_id] = Held(spans, line_sum(rendered.lines), array("q", (
            self._iri_id(iri) << 32 | position for iri, position in links)), self.iris)
        self.target.add(str(doc_iri(doc_id)), rendered)

    def _iri_id(self, iri: str) -> int:
        found = self._iri_ids.get(iri)
        if found is None:
            found = self._iri_ids[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    def finish(self) -> None:
        """Wait for the last graphs to be written (before the store is locked and the child forked)."""
        self.target.finish()

    def discard(self) -> None:
        """Let the database go (nothing of it is used); done again, nothing."""
        self.held.clear()
        self.target.discard()


# --- reading and parsing articles ---------------------------------------------------------------

@dataclass
class Parsed:
    facts: list[DocFacts] | Spool = field(default_factory=list)  # a Spool from ``parse``: on disk
    skipped: list[str] = field(default_factory=list)  # doc ids the catalog already holds with this text
    errors: list[InputError] = field(default_factory=list)
    words: int = 0

    def doc_ids(self) -> list[str]:
        """The parsed documents' ids, without reading their facts back from disk."""
        if isinstance(self.facts, Spool):
            return [entry.doc_id for entry in self.facts.entries]
        return [f.article.doc_id for f in self.facts]


def parse(paths: Iterable[str | Path], *, model: str, jobs: int = 1, fail_fast: bool = False,
          known: Callable[[str, str], bool] | None = None, progress: bool = False,
          on_error: Callable[[InputError], None] | None = None, scheduler: str | None = None,
          preload: Preloading | None = None) -> Parsed:
    """Read and parse the articles under ``paths``, except those ``known(doc_id, text)`` says the
    store already holds unchanged. Their facts go to disk as they arrive (``parsed.facts`` is a
    ``Spool``, a sequence read back from there), and to ``preload`` when given. Bad inputs are
    reported to ``on_error`` and skipped (raised with ``fail_fast``). With ``scheduler``
    (``"tcp://HOST:8786"``, ``"local"``, ``"local:N"``) the parse runs on a dask.distributed cluster
    instead of ``jobs`` local processes."""
    from kg.pipeline.build import Reading, read_and_extract

    out = Parsed(facts=Spool())
    reading = Reading(errors=out.errors, skipped=out.skipped)
    for item in read_and_extract(paths, model=model, jobs=jobs, scheduler=scheduler, fail_fast=fail_fast,
                                 known=known, progress=progress, on_error=on_error, reading=reading):
        out.facts.append(item)
        out.words += item.words
        if preload is not None:
            preload.add(item)
    return out

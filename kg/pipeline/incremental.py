"""Incremental, idempotent builds into a store: the one place that knows how a store follows its
documents.

Resolution is corpus-wide (a later article naming "Sergey Lavrov" decides who "Lavrov" was in an
earlier one), so adding or removing documents re-resolves every document the catalog holds and
rewrites each named graph whose content changed. Building a document again therefore replaces
its graph, and removing a document then building it again gives back the same graph.

    articles --(parse, no lock)--> DocFacts --(store locked)--> a forked child: resolve --plan-->
        catalog;  the child: graphs made again --lines--> changed graphs to the store
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ids import sha1
from kg.model import Corpus, DocFacts, Document, document_of, without_text
from kg.pipeline.collector import without_cycle_collection
from kg.pipeline.forked import forked_stream
from kg.store.base import Store
from kg.store.catalog import Catalog, Spool
from kg.store.terms import Rendered, Triple, nt_lines


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
    contents: Contents | None = None

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.replaced)} built again, {len(self.removed)} removed; "
                f"{self.written} graph(s) written, {self.dropped} dropped, {self.unchanged} unchanged; "
                f"{self.documents} document(s) in the store")


def graph_hash(triples: Iterable[Triple]) -> str:
    """A hash of a graph's content: its N-Triples lines (each with its final " ."), sorted, one a
    line. kg's graphs have no blank nodes. The lines are sorted before " ." is added, which gives the
    same order: where a line is the start of another, the other goes on with a character after the
    space ("@" of a language, "^^" of a datatype), never with a control character."""
    return sha1(_sorted_text(nt_lines(triples)))


def _sorted_text(lines: list[str]) -> str:
    """What ``graph_hash`` hashes: the lines sorted, each with its final " ."."""
    return " .\n".join(sorted(lines)) + " ." if lines else ""


def _lines_of(text: str) -> list[str]:
    """The lines of a ``_sorted_text`` (an N-Triples line holds no line break: a literal's are escaped)."""
    return text[:-2].split(" .\n") if text else []


# The version of what kg makes of the same facts (resolution and RDF). A store whose graphs an
# earlier version wrote has them written again at its next build, from the facts in its catalog:
# 2: a claim (kg:claimedBy) is in the graph of the article that makes it, not in every graph of the event.
# 3: each graph states the super-classes and super-properties the ontology entails; the ontology is a
#    graph of its own; events merge across documents more conservatively.
# 4: the CAMEO codebook is in the ontology's graph, not repeated in the graph of every document
#    with an event of that code.
# 5: each entity, post, membership and event is a graph of its own (what kg says of it, once, and its
#    links to its mentions); a document's graph holds its node, its mentions and its claims.
GRAPHS_VERSION = 5


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
           remove: Iterable[str] = (), progress: bool = False) -> Changes:
    """Add documents' facts (replacing those of the same doc_id), remove documents, and bring every
    graph of the store (each document's and each record's, ``kg.graph.rdf``) up to date with the
    re-resolved corpus. The caller holds the store open for writing (and so its lock).

    The facts are read once, from the catalog and ``add`` (a ``Spool`` on disk), into resolution,
    as the copies of them kept for it (``kg.store.lean``: without the articles' texts and their
    sentences). Resolution runs in a child process (``kg.pipeline.forked.forked_stream``), whose
    memory goes back to the system when it is done: it sends back the graphs' signatures and which
    of them to make again (all of them in a first build; in an incremental one, the graphs of the
    new documents and of the records they changed). The child then makes those graphs, the
    documents' ``GRAPHS_PER_BATCH`` at a time (``kg.graph.batches``, the sentences read back from
    ``add`` and the catalog), and hashes them, while this process streams the changed ones' lines
    to the store (``Store.write_graphs``: an embedded store takes them in one write, a remote
    server ``GRAPHS_PER_WRITE`` at a time): the resolved corpus stays in the child, the two
    processes work at once, and the graphs of the whole corpus are never in memory together. The
    ontology's own graph is written beside the others when it is new or changed. With
    ``progress``, a bar counts the graphs made (standard error)."""
    from kg.graph.rdf import ontology_graph
    from kg.pipeline.progress import bar

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

    def plan_in_child() -> tuple[_Plan, Callable[[], Iterator[Made]]]:
        plan, part = _plan(every(), previous, known, f"{GRAPHS_VERSION}\n{hashes[ontology]}")
        plan.copies = copies  # filled as every() read the catalog
        return plan, lambda: _graphs(part, set(plan.remake), previous, texts)

    with forked_stream(plan_in_child, "resolving the corpus") as (plan, made):
        remade = set(plan.remake)
        hashes.update((iri, previous[iri]) for iri in plan.signatures if iri not in remade)  # graphs kept as they are
        dropped = sorted(iri for iri in previous if iri not in plan.signatures and iri != ontology)

        # facts first, hashes forgotten before the store is written and recorded after it: a crash
        # anywhere leaves a catalog from which the next build repairs the store
        catalog.put(add)
        catalog.keep_copies(plan.copies)
        catalog.delete(changes.removed)
        catalog.forget_hashes([*remade, *dropped, ontology])
        catalog.save()

        counted = bar(len(plan.remake), desc="writing graphs", unit="graph", enabled=progress)

        def changed() -> Iterator[tuple[str, Iterable[Triple]]]:
            for iri, digest, text in made:
                hashes[iri] = digest
                if counted is not None:
                    counted.update(1)
                if text is not None:
                    changes.written += 1
                    yield iri, Rendered.of_lines(_lines_of(text))
            if previous.get(ontology) != hashes[ontology]:
                yield ontology, axioms

        try:
            store.write_graphs(changed(), drop=dropped, per_write=GRAPHS_PER_WRITE)
        finally:
            if counted is not None:
                counted.close()
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

    signatures: dict[str, str]  # the IRI of every graph -> what it is made from
    remake: list[str]  # the IRIs of the graphs made again
    contents: Contents
    documents: int = 0
    copies: dict[str, bytes] = field(default_factory=dict)  # for ``Catalog.keep_copies``


# a graph's IRI, its hash, and its lines as one text (``_sorted_text``: one string through the pipe, not
# one per line) or None when it is as the store has it
Made = tuple[str, str, str | None]


def _plan(read: Iterable[tuple[Document, DocFacts]], previous: dict[str, str | None], known: dict[str, str],
          salt: str) -> tuple[_Plan, Corpus]:
    """Resolve the documents ``read`` (``Catalog.read_for_resolution``) and compare each document's
    signature with the one its graph was made with (``known``; ``previous`` has the hashes of the
    graphs in the store). Run in the child (``forked_stream``): the facts and resolution's own
    memory stay there, with the part of the corpus the graphs are made again from
    (``batches.part``); only the plan comes back."""
    from kg.graph import batches
    from kg.resolve.entities import resolve_read

    corpus = resolve_read(read)
    signatures = batches.signatures(corpus, salt)
    # a graph made from what it was made from last time is in the store still: only the others are
    # made again (an incremental build makes the graphs of the new documents and of the records
    # they changed, not the whole catalog's)
    remake = [iri for iri, sign in signatures.items() if previous.get(iri) is None or known.get(iri) != sign]
    contents = Contents(Counter(e.kind.value for e in corpus.entities), len(corpus.posts), len(corpus.members),
                        len(corpus.events))
    return _Plan(signatures, remake, contents, len(corpus.documents)), batches.part(corpus, set(remake))


def _graphs(part: Corpus, remake: set[str], previous: dict[str, str | None],
            texts: Callable[[list[str]], Mapping[str, str]]) -> Iterator[Made]:
    """The graphs named ``remake``, made from ``part`` (``kg.graph.batches``: the documents'
    ``GRAPHS_PER_BATCH`` at a time) and hashed, in the child: each with its lines when its hash is
    not the one in the store (``previous``)."""
    from kg.graph import batches

    for iri, graph in batches.graphs(part, GRAPHS_PER_BATCH, texts=texts, only=remake):
        text = _sorted_text(graph.lines())  # its terms written once, for the hash and the store
        digest = sha1(text)
        yield iri, digest, text if previous.get(iri) != digest else None


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
          on_error: Callable[[InputError], None] | None = None, scheduler: str | None = None) -> Parsed:
    """Read and parse the articles under ``paths``, except those ``known(doc_id, text)`` says the
    store already holds unchanged. Their facts go to disk as they arrive (``parsed.facts`` is a
    ``Spool``, a sequence read back from there). Bad inputs are reported to ``on_error`` and skipped (raised
    with ``fail_fast``). With ``scheduler`` (``"tcp://HOST:8786"``, ``"local"``, ``"local:N"``) the
    parse runs on a dask.distributed cluster instead of ``jobs`` local processes."""
    from kg.pipeline.build import Reading, read_and_extract

    out = Parsed(facts=Spool())
    reading = Reading(errors=out.errors, skipped=out.skipped)
    for item in read_and_extract(paths, model=model, jobs=jobs, scheduler=scheduler, fail_fast=fail_fast,
                                 known=known, progress=progress, on_error=on_error, reading=reading):
        out.facts.append(item)
        out.words += item.words
    return out

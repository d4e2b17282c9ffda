"""The work on a store that the command line and the Python API share: build articles into it (parse
what is new without holding the store, then lock it, update it and report), remove documents, load
and dump RDF files, read its union graph.

    inputs --(parse, no lock)--> DocFacts --(store locked)--> kg.pipeline.incremental.update --> report

A store is named by a ``StoreRef`` (a directory, a SPARQL endpoint URL or ``memory``, with the
options to open it), which opens it for each piece of work, so that readers and writers of other
processes take their turns; or it is a ``HeldStore``, a store the caller keeps open (the in-memory
graph of ``kg.build(texts)``).

An input is the path of a file or folder of articles, the text of an article, or a mapping with
the fields of a ``.jsonl`` line (``text``, and ``title``, ``date``, ``url`` when known):

    >>> paths, articles, errors = split_inputs(["examples/", "Boris Johnson met Sergey Lavrov in Moscow."])
    >>> paths, [a.source for a in articles], errors
    ([PosixPath('examples')], ['<text 1>'], [])
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Union

from kg.errors import InputError, KgError

if TYPE_CHECKING:
    from rdflib import Graph as RdfGraph

    from kg.model import Article
    from kg.pipeline.incremental import Changes, Parsed, Preloading
    from kg.store.base import Store
    from kg.store.catalog import Catalog

PAGE_LIMIT = 200_000  # quads: above this, a build into a store draws no graph page
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")  # kg.ingest.load.SUFFIXES, without importing it

Input = Union[str, "os.PathLike[str]", Mapping[str, str]]
OnError = Callable[[InputError], None]


# --- where the store is ---------------------------------------------------------------------------

class Place(Protocol):
    """A store to work on: opened for reading, or for writing with its catalog."""

    @property
    def name(self) -> str: ...

    def reading(self) -> AbstractContextManager[Store]: ...

    def writing(self, *, create: bool = True) -> AbstractContextManager[tuple[Store, Catalog]]: ...

    def known(self) -> Catalog: ...

    def preload(self) -> Preloading | None: ...

    def page_beside(self) -> Path | None: ...


@dataclass(frozen=True)
class StoreRef:
    """A store by its spec (a directory, a SPARQL endpoint URL, or ``memory``) and the options to open
    it; opened anew for each piece of work, and locked while it is open (shared by readers).

    >>> StoreRef("kg-out/store").page_beside()
    PosixPath('kg-out/graph.html')
    """

    spec: str
    lock_timeout: float = 60.0
    graph_store: str | None = None  # a remote store's Graph Store Protocol address
    update_endpoint: str | None = None  # a remote store's SPARQL Update address, when not the query endpoint
    catalog: str | None = None  # where a remote store's catalog lives (default: kg-out/catalogs/...)

    @property
    def name(self) -> str:
        return self.spec

    def open(self, *, writable: bool = False, create: bool = False) -> Store:
        from kg.store import open_store

        return open_store(self.spec, writable=writable, create=create, lock_timeout=self.lock_timeout,
                          update_endpoint=self.update_endpoint, graph_store=self.graph_store)

    def reading(self) -> AbstractContextManager[Store]:
        return self.open()

    @contextmanager
    def writing(self, *, create: bool = True) -> Iterator[tuple[Store, Catalog]]:
        """The store open for writing and its catalog, both locked for this process."""
        from kg.store import catalog_root, is_remote
        from kg.store.catalog import Catalog
        from kg.store.lock import DirLock

        root = catalog_root(self.spec, self.catalog)
        lock = None
        if root is not None and is_remote(self.spec):  # a directory store's own lock covers its catalog
            root.mkdir(parents=True, exist_ok=True)
            lock = DirLock(root / "lock", name=str(root), shared=False, timeout=self.lock_timeout)
            lock.acquire()
        try:
            with self.open(writable=True, create=create) as store:
                yield store, Catalog(root, name=f"{self.spec} (catalog {root})" if root is not None else self.spec)
        finally:
            if lock is not None:
                lock.release()

    def known(self) -> Catalog:
        """The catalog as it is now, read without the lock (its index is replaced atomically)."""
        from kg.store import catalog_root
        from kg.store.catalog import Catalog

        root = catalog_root(self.spec, self.catalog)
        return Catalog(root if root is not None and root.exists() else None)

    def preload(self) -> Preloading | None:
        """For a first build into a directory store (new, or with nothing in its catalog), a database
        that the documents' graphs are written into as they are parsed, without the store's lock."""
        from kg.pipeline.incremental import Preloading
        from kg.store import is_remote
        from kg.store.oxigraph import Preload, may_become_store

        if self.spec == "memory" or is_remote(self.spec) or self.known().entries:
            return None
        if not may_become_store(Path(self.spec)):
            return None  # not a store: opening it says so
        return Preloading(Preload(Path(self.spec)))

    def page_beside(self) -> Path | None:
        """The graph page kept beside a directory store: kg-out/graph.html for kg-out/store."""
        if self.spec == "memory" or self.spec.startswith(("http://", "https://")):
            return None
        return Path(self.spec).parent / "graph.html"


class HeldStore:
    """A store its owner keeps open, with a catalog in memory: the graph of ``kg.build`` without a store."""

    name = "memory"

    def __init__(self, store: Store | None = None, catalog: Catalog | None = None) -> None:
        from kg.store import open_store
        from kg.store.catalog import Catalog

        self.store = store if store is not None else open_store("memory")
        self.catalog = catalog if catalog is not None else Catalog(None)

    @contextmanager
    def reading(self) -> Iterator[Store]:
        yield self.store

    @contextmanager
    def writing(self, *, create: bool = True) -> Iterator[tuple[Store, Catalog]]:
        yield self.store, self.catalog

    def known(self) -> Catalog:
        return self.catalog

    def preload(self) -> Preloading | None:
        return None

    def page_beside(self) -> Path | None:
        return None


# --- inputs ---------------------------------------------------------------------------------------

def _is_text(item: str) -> bool:
    """Whether a string is an article's text rather than the name of a file or folder: it holds a line
    break, or it holds a space and names nothing that exists and does not look like a path."""
    if "\n" in item:
        return True
    if not any(c.isspace() for c in item.strip()):
        return False
    looks_like_a_path = item.lower().endswith((*ARTICLE_SUFFIXES, "/", os.sep))
    try:
        exists = os.path.lexists(item)
    except (OSError, ValueError):  # too long a name, a NUL: not a path
        exists = False
    return not exists and not looks_like_a_path


def split_inputs(items: Input | Iterable[Input]) -> tuple[list[Path], list[Article], list[InputError]]:
    """The paths among ``items``, the articles made of its texts, and what was wrong with any of them."""
    from kg.ingest.load import article_from_text

    if isinstance(items, (str, os.PathLike, Mapping)):
        items = [items]
    paths: list[Path] = []
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, os.PathLike) or (isinstance(item, str) and not _is_text(item)):
            paths.append(Path(item))
            continue
        source = f"<text {len(articles) + len(errors) + 1}>"
        record = item if isinstance(item, Mapping) else {"text": item}
        try:
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError(source, 'a mapping must have a "text"')
            meta = {k: record.get(k) for k in ("title", "date", "url") if isinstance(record.get(k), str)}
            articles.append(article_from_text(text, source, **meta))
        except InputError as exc:
            errors.append(exc)
    return paths, articles, errors


def _scheduler(scheduler: str | None) -> dict:
    """The ``scheduler`` keyword for the parse functions, only when one is given (Dask)."""
    return {"scheduler": scheduler} if scheduler else {}


def parse(inputs: Input | Iterable[Input], *, model: str | None = None, jobs: int | None = None,
          fail_fast: bool = False, known: Callable[[str, str], bool] | None = None, progress: bool = False,
          on_error: OnError | None = None, scheduler: str | None = None, preload: Preloading | None = None) -> Parsed:
    """Read and parse the articles of ``inputs``, except those ``known(doc_id, text)`` says the store
    holds unchanged. Bad inputs go to ``on_error`` and are skipped (raised with ``fail_fast``). Each
    document's facts go to ``preload`` too, when given."""
    from kg.nlp.pipeline import DEFAULT_MODEL
    from kg.pipeline import incremental
    from kg.pipeline.build import extract_articles
    from kg.pipeline.parse import default_jobs

    model = model or DEFAULT_MODEL
    jobs = jobs or default_jobs()
    paths, articles, errors = split_inputs(inputs)
    for exc in errors:
        if fail_fast:
            raise exc
        if on_error is not None:
            on_error(exc)
    if paths:  # the facts on disk as they arrive (a Spool), not in memory
        parsed = incremental.parse(paths, model=model, jobs=jobs, fail_fast=fail_fast, known=known,
                                   progress=progress, on_error=on_error, preload=preload, **_scheduler(scheduler))
    else:
        parsed = incremental.Parsed()
    parsed.errors[:0] = errors
    fresh = []
    for article in articles:
        if known is not None and known(article.doc_id, article.text):
            parsed.skipped.append(article.doc_id)
        else:
            fresh.append(article)
    for item in extract_articles(fresh, model=model, jobs=jobs) if fresh else ():
        parsed.facts.append(item)
        parsed.words += item.words
        if preload is not None:
            preload.add(item)
    return parsed


# --- building into a store ------------------------------------------------------------------------

@dataclass
class StoreBuild:
    """What a build into a store did."""

    store: str
    parsed: Parsed
    changes: Changes | None  # None: nothing to do
    triples: int | None = None  # in the union, when counted
    quads: int | None = None  # in the documents' graphs, when counted
    page: Path | None = None  # the graph page, once drawn (by the caller: kg.viz is a floor above)
    page_too_big: bool = False  # the store holds more than a page can draw
    union: RdfGraph | None = None  # the union of the store's graphs, read for the page to be drawn
    seconds: float = 0.0

    @property
    def errors(self) -> list[InputError]:
        return self.parsed.errors

    def __repr__(self) -> str:  # not the dataclass's: that would print every document's facts
        return f"<StoreBuild\n{self.summary()}>"

    def summary(self) -> str:
        """The lines ``kg build`` prints."""
        from kg.pipeline.build import BuildStats

        parsed = self.parsed
        lines = [f"documents  {len(parsed.facts)} parsed ({parsed.words} words), "
                 f"{len(parsed.skipped)} already in the store unchanged"]
        if self.changes is not None and self.changes.contents is not None:
            held = self.changes.contents
            stats = BuildStats(documents=len(parsed.facts), words=parsed.words, triples=self.triples or 0,
                               seconds=self.seconds, errors=parsed.errors, entities=held.entities,
                               posts=held.posts, memberships=held.memberships, events=held.events)
            lines += [line if not line.startswith("triples") else
                      f"triples    {self.triples} ({self.quads} in the documents' graphs)"
                      for line in stats.summary().splitlines()[1:]]  # the corpus now in the store
            lines.append(f"store      {self.store}: {self.changes.summary()}")
        else:
            lines.append(f"store      {self.store}: nothing to do ({self.triples} triples)")
        if self.page is not None:
            lines.append(f"wrote {self.page}")
        elif self.page_too_big:
            lines.append(f"no graph page: {self.quads} quads are more than it can draw ({PAGE_LIMIT}); "
                         "kg viz draws a file of a part of them")
        return "\n".join(lines)


def build_into(place: Place, inputs: Input | Iterable[Input], *, model: str | None = None, jobs: int | None = None,
               fail_fast: bool = False, reparse: bool = False, page: Path | None = None, count: bool = True,
               progress: bool = False, on_error: OnError | None = None,
               notify: Callable[[str], None] | None = None, scheduler: str | None = None) -> StoreBuild:
    """Add articles to a store: parse what is new (without holding the store), then update the store
    under its lock. With ``page``, when the store changed or the page is missing, the report holds
    the store's union graph (``union``, read under the lock) for the caller to draw there.

    ``count`` counts the store's triples and quads for the report (a count reads the whole store);
    ``notify`` hears what happens while the store is locked. NothingRead when no input could be read.

    A first build writes each document's graph, as far as it needs no other article, while the
    articles are parsed (``Place.preload``), so that less is left for the end."""
    from kg.pipeline.incremental import needs_repair, update

    started = time.perf_counter()
    known = None if reparse else place.known().holds
    preload = place.preload()
    try:
        parsed = parse(inputs, model=model, jobs=jobs, fail_fast=fail_fast, known=known, progress=progress,
                       on_error=on_error, scheduler=scheduler, preload=preload)
        if not parsed.facts and not parsed.skipped:
            raise NothingRead("no article could be read; nothing written")
        if preload is not None:
            preload.finish()
        report = StoreBuild(place.name, parsed, None)
        with place.writing() as (store, catalog):
            if parsed.facts or needs_repair(catalog):
                if notify is not None:
                    documents = set(catalog.entries) | set(parsed.doc_ids())
                    notify(f"resolving {len(documents)} documents and writing {place.name} ...")
                report.changes = update(store, catalog, add=parsed.facts, progress=progress, preload=preload)
            if count or page is not None:
                report.quads = store.count()
            if count:
                report.triples = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0])
            if page is not None and report.quads <= PAGE_LIMIT and (report.changes is not None or not page.exists()):
                report.union = union_of(store)  # read under the lock, drawn after it is released
            report.page_too_big = page is not None and report.quads > PAGE_LIMIT
    finally:
        if preload is not None:
            preload.discard()  # taken by the store when it was used
    report.seconds = time.perf_counter() - started
    return report


class NothingRead(KgError):
    """No input could be read, so nothing was written (exit code 1: the inputs are at fault, not the usage)."""


# --- building a file ------------------------------------------------------------------------------

@dataclass
class FileBuild:
    """What ``kg build -o FILE`` wrote."""

    output: Path
    page: Path | None  # where the page goes: the caller draws ``union`` there (kg.viz is a floor above)
    stats: object  # kg.pipeline.build.BuildStats
    union: RdfGraph | None = None
    page_too_big: bool = False  # the graph holds more than a page can draw

    @property
    def errors(self) -> list[InputError]:
        return self.stats.errors  # type: ignore[attr-defined]


SCRATCH = ".kg-build"  # OUT's folder/.OUT.PID.kg-build/: the store a build of a file fills, then writes out


def build_file(paths: Iterable[str | Path], output: str | Path, *, page: str | Path | None = None,
               model: str | None = None, jobs: int | None = None, fail_fast: bool = False, progress: bool = False,
               on_error: OnError | None = None, scheduler: str | None = None, count: bool = True,
               notify: Callable[[str], None] | None = None) -> FileBuild:
    """The graph of these articles alone, written to ``output`` (its extension picks the format);
    with ``page``, its union graph for the caller to draw there (unless it is more than a page can
    draw). NothingRead when no input could be read (nothing is written). ``count`` counts the
    triples of the union for the report (it reads the whole graph once more).

    The articles are built as into a store, so that memory does not grow with the corpus: into a
    store of their own in a folder beside ``output`` (on its disk, not in a temporary file system
    that may be memory), written out to ``output`` and removed. Such folders that a build killed
    outright left behind are removed by the next build of a file there."""
    from glob import escape

    from kg.graph import rdf
    from kg.pipeline.build import BuildStats
    from kg.pipeline.incremental import Contents
    from kg.store.lock import owned_folder, remove_abandoned

    output = Path(output)
    rdf.format_for(output)  # an unknown extension fails before any work
    output.parent.mkdir(parents=True, exist_ok=True)
    for left in output.parent.glob(f".{escape(output.name)}.*{SCRATCH}"):
        remove_abandoned(left)
    with owned_folder(output.with_name(f".{output.name}.{os.getpid()}{SCRATCH}")) as folder:
        place = StoreRef(str(folder / "store"))
        built = build_into(place, paths, model=model, jobs=jobs, fail_fast=fail_fast,
                           page=Path(page) if page is not None else None, count=count, progress=progress,
                           on_error=on_error, notify=notify, scheduler=scheduler)
        with place.reading() as store:
            store.dump(output)
    held = built.changes.contents if built.changes is not None and built.changes.contents is not None else Contents()
    stats = BuildStats(documents=len(built.parsed.facts), words=built.parsed.words, entities=held.entities,
                       posts=held.posts, memberships=held.memberships, events=held.events,
                       triples=built.triples or 0, seconds=built.seconds, errors=built.parsed.errors)
    return FileBuild(output, Path(page) if built.union is not None else None, stats, built.union,
                     built.page_too_big)


# --- removing documents ---------------------------------------------------------------------------

def matches(doc: str, catalog: Catalog) -> set[str]:
    """The doc ids of the catalog that ``doc`` names: a doc id, a document IRI, a source, or a file
    or folder (by its path, and by the articles it holds now)."""
    from kg.ingest import load

    if doc in catalog:
        return {doc}
    entries = catalog.entries.values()
    found = {e.doc_id for e in entries if e.graph == doc or e.source == doc or e.source.startswith(doc + ":")}
    path = Path(doc)
    try:
        exists = path.exists()
    except (OSError, ValueError):  # a name too long for a path, a NUL
        exists = False
    if exists:
        resolved = path.resolve()
        found |= {e.doc_id for e in entries
                  if e.path is not None and (Path(e.path) == resolved or resolved in Path(e.path).parents)}
        found |= {a.doc_id for a in load.read_articles([path], on_error=lambda exc: None)} & set(catalog.entries)
    return found


@dataclass
class Removal:
    """What removing documents did."""

    store: str
    changes: Changes | None = None
    orphans: list[str] = field(default_factory=list)  # graphs dropped that no build of the catalog wrote
    missing: list[str] = field(default_factory=list)  # what named no document of the store

    def __repr__(self) -> str:  # not the dataclass's: that would print the whole corpus
        return f"<Removal {self.summary() or 'nothing removed'}>"

    def summary(self) -> str:
        lines = []
        if self.orphans:
            lines.append(f"dropped {len(self.orphans)} graph(s) that were loaded, not built")
        if self.changes is not None:
            lines.append(f"store      {self.store}: {self.changes.summary()}")
        return "\n".join(lines)


def remove(place: Place, docs: Iterable[str]) -> Removal:
    """Retract documents (each a doc id, document IRI, source file or folder); re-resolve the rest."""
    from kg.pipeline.incremental import update

    out = Removal(place.name)
    with place.writing(create=False) as (store, catalog):
        doc_ids: set[str] = set()
        for doc in docs:
            found = matches(doc, catalog)
            if not found and doc.startswith(("http://", "https://")) and doc in store.graphs() \
                    and doc not in catalog.graph_hashes:  # not a graph kg built (a record's, say)
                out.orphans.append(doc)  # a graph kg load brought in
            elif not found:
                out.missing.append(doc)
            doc_ids |= found
        if out.orphans:
            store.replace_graphs({}, drop=out.orphans)
        if doc_ids:
            out.changes = update(store, catalog, remove=sorted(doc_ids))
    return out


# --- RDF files in and out -------------------------------------------------------------------------

@dataclass
class Loaded:
    store: str
    files: int
    added: int  # quads new to the store
    total: int  # quads in the store afterwards
    seconds: float

    def summary(self) -> str:
        return (f"loaded {self.added} new quads from {self.files} file(s) into {self.store} "
                f"({self.total} quads in all) in {self.seconds:.1f} s")


def load(place: Place, files: Iterable[str | Path], *, graph: str | None = None) -> Loaded:
    """Bulk-load RDF files into a store (created when missing); ``graph`` takes the triples of files
    without graphs. StoreError for a file of unknown format, before anything is loaded."""
    from kg.store.files import ox_format

    files = list(files)
    for path in files:
        ox_format(path)
    started = time.perf_counter()
    with place.writing() as (store, catalog):
        # loaded quads may land in graphs that builds wrote: those are no longer vouched for
        catalog.forget_hashes()
        catalog.save()
        added = sum(store.load(path, graph=graph) for path in files)
        total = store.count()
    return Loaded(place.name, len(files), added, total, time.perf_counter() - started)


@dataclass
class Dumped:
    store: str
    path: Path
    count: int
    unit: str  # "quads" (a format with graphs) or "triples" (the union)

    def summary(self) -> str:
        return f"wrote {self.path}: {self.count} {self.unit} from {self.store}"


def dump(place: Place, path: str | Path) -> Dumped:
    """Write a store to an RDF file: its named graphs (.nq, .trig, .jsonld), else their union (.ttl, .nt)."""
    from kg.store.files import has_graphs, ox_format

    fmt = ox_format(path)  # an unknown extension fails before any work
    with place.reading() as store:
        n = store.dump(path)
    return Dumped(place.name, Path(path), n, "quads" if has_graphs(fmt) else "triples")


def union_of(store: Store) -> RdfGraph:
    """The union of a store's graphs as one rdflib Graph (for the page, the analysis, SHACL)."""
    from rdflib import Graph

    from kg.graph.vocab import PREFIXES

    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in store.quads():
        g.add((s, p, o))
    return g


def union_graph(place: Place) -> RdfGraph:
    """The union of the graphs of the store at ``place``, read under its shared lock."""
    with place.reading() as store:
        return union_of(store)

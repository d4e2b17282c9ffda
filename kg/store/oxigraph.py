"""The default store: an embedded, persistent Oxigraph database in a directory.

    DIR/kg-store.json   marks the directory as a kg store
    DIR/lock            shared by readers, exclusive for a writer (kg.store.lock)
    DIR/oxigraph/       the Oxigraph (RocksDB) database
    DIR/edited          the quads written in place since the database was last compacted
    DIR/catalog/        what the documents said, for incremental builds (kg.store.catalog)

The documents' graphs are named graphs; the default graph holds their union (each triple once, as
in a file from ``kg build -o``), kept up to date by every write, so that queries need no GRAPH
clause and count each fact once however many documents state it. (Oxigraph's own union default
graph, ``use_default_graph_as_union``, repeats a triple once per graph that states it in
pyoxigraph 0.5; keeping the union costs about half of a bulk load.)

A write that changes few quads for the size of the database (an incremental build into a large
store, ``OxigraphStore.in_place_limit``) is one SPARQL Update of what each graph gains and loses,
which Oxigraph applies as one transaction; the database is compacted once such writes add up
(``DIR/edited``). Larger writes (a first build of thousands of articles, ``kg load`` of a dump) go
through Oxigraph's bulk loader into a copy of the database (``backup`` makes it from hard links),
which is compacted and then replaces the database by two renames: readers, and a process that
crashes half-way, see the old database or the new one, never half of a write.

A first build fills a database of its own while its articles are parsed (``Preload``, in
DIR/parse.PID/), without the store's lock; at the end, under the lock, if the store is still
empty, the rest of the graphs are written into it and it takes the database's place the same way.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import contextmanager, suppress
from itertools import chain, islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.files import sync_folder, write_atomic
from kg.query.sparql import Rows, syntax_error
from kg.store.base import ResultLimitError, Store
from kg.store.files import PREFIX_MAP, has_graphs, ox_format
from kg.store.lock import DirLock, owner_of, remove_abandoned
from kg.store.terms import (
    Delta,
    Quad,
    Rendered,
    Triple,
    from_ox,
    has_blank_node,
    rdflib_quad,
    text_of,
)

MARKER = "kg-store.json"
DATA, STAGING, RETIRED = "oxigraph", "oxigraph.new", "oxigraph.old"
EDITED = "edited"  # how many quads were written in place since the database was last compacted
BULK_THRESHOLD = 50_000  # quads: a write changing more goes through the bulk loader (in a small database)
DATABASE_BYTES_PER_EDIT = 4_000  # in a larger one, a write may change a quad in place per this many bytes of it
BULK_CHUNK = 50_000  # quads the bulk loader takes at a time (see bulk_write)
DEFAULT_LOCK_TIMEOUT = 60.0
PRELOAD = "parse."  # DIR/parse.PID/: the database a first build fills while it parses (``Preload``)


def is_store_dir(path: Path) -> bool:
    return (path / MARKER).is_file()


def may_become_store(path: Path) -> bool:
    """Whether ``path`` is a store directory, or could be made one: missing, or a directory that
    holds nothing (but what a first build writes there while it parses, ``Preload``)."""
    if is_store_dir(path) or not path.exists():
        return True
    return path.is_dir() and all(entry.name.startswith(PRELOAD) for entry in path.iterdir())


def prepare_dir(path: Path, *, create: bool) -> None:
    """Check that ``path`` is a kg store directory, or make one there when ``create`` is set."""
    if is_store_dir(path):
        return
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no such store (kg build or kg load creates one)")
        path.mkdir(parents=True)
    elif not path.is_dir():
        raise StoreError(f"{path}: not a directory, so not a store")
    elif not may_become_store(path):
        raise StoreError(f"{path}: not a kg store (no {MARKER}) and not empty; give a new or empty directory")
    elif not create:
        raise StoreError(f"{path}: an empty directory, not a store (kg build or kg load creates one)")
    (path / MARKER).write_text(json.dumps({"format": 1, "kind": "oxigraph"}) + "\n")


def solutions_to_rows(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, max_rows: int | None) -> Rows:
    """A pyoxigraph query result as kg.query.sparql.Rows (rdflib terms), stopping past ``max_rows``."""
    def limited(items: Iterable) -> Iterator:
        for n, item in enumerate(items):
            if max_rows is not None and n >= max_rows:
                raise ResultLimitError(f"the result has more than {max_rows} rows; add a LIMIT")
            yield item

    if isinstance(result, ox.QueryBoolean):
        answer = bool(result)
        return Rows(["ask"], [[str(answer).lower()]], [[answer]], boolean=answer)
    if isinstance(result, ox.QueryTriples):
        from rdflib import Graph

        g = Graph()
        triples = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in limited(result)]
        for t in triples:
            g.add(t)
        return Rows(["subject", "predicate", "object"], [[str(x) for x in t] for t in triples],
                    [list(t) for t in triples], graph=g)
    variables = [v.value for v in result.variables]
    terms = [[from_ox(solution[v]) for v in variables] for solution in limited(result)]
    return Rows(variables, [[None if t is None else str(t) for t in row] for row in terms], terms)


class OxigraphStore(Store):
    kind = "oxigraph"

    def __init__(self, path: str | Path, *, writable: bool = False, create: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT, bulk_threshold: int | None = None) -> None:
        self.path = Path(path)
        self.name = str(path)
        self.writable = writable
        self.bulk_threshold = bulk_threshold
        prepare_dir(self.path, create=create and writable)
        self._lock = DirLock(self.path / "lock", name=self.name, shared=not writable, timeout=lock_timeout)
        self._lock.acquire()
        try:
            self._store = self._open()
        except BaseException:
            self._lock.release()
            raise

    # --- opening, and finishing a swap that a crash interrupted
    def _open(self) -> ox.Store:
        data, staging, retired = self.path / DATA, self.path / STAGING, self.path / RETIRED
        if not data.exists() and staging.exists():
            # the copy was complete (it is renamed only then) but the crash came before it took its place
            if not self.writable:
                return self._open_db(staging)
            staging.rename(data)
        if self.writable:
            for leftover in (staging, retired):
                if leftover.exists():
                    shutil.rmtree(leftover)
            for folder in self.path.glob(PRELOAD + "*"):
                if folder.is_dir():
                    remove_abandoned(folder)
        elif not data.exists():
            return ox.Store()  # a store that nobody has written to yet
        return self._open_db(data)

    def _open_db(self, folder: Path) -> ox.Store:
        try:
            return ox.Store(str(folder)) if self.writable else ox.Store.read_only(str(folder))
        except OSError as exc:
            raise StoreError(f"{self.name}: cannot open the Oxigraph database: {exc}") from None

    def _writing(self) -> ox.Store:
        if not self.writable:
            raise StoreError(f"{self.name}: the store is open read-only")
        return self._store

    # --- reading: the default graph is the union of the named graphs, kept by every write
    def query(self, sparql: str, *, max_rows: int | None = None) -> Rows:
        try:
            return solutions_to_rows(self._store.query(sparql, prefixes=PREFIX_MAP), max_rows)
        except SyntaxError as exc:
            raise syntax_error(sparql, engine=str(exc)) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def graphs(self) -> set[str]:
        result = self._store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {solution["g"].value for solution in result if isinstance(solution["g"], ox.NamedNode)}

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        names = [ox.NamedNode(graph)] if graph is not None else list(self._store.named_graphs())
        for name in names:
            for quad in self._store.quads_for_pattern(None, None, None, name):
                yield rdflib_quad(quad)

    def is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def count(self) -> int:
        union = next(iter(self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"]
        return len(self._store) - int(union.value)

    # --- writing
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update on the named graphs, then rebuild the union, in one transaction.

        The rebuild reads the whole store: kg's own writes keep the union incrementally instead."""
        store = self._writing()
        try:
            store.update(sparql.rstrip().rstrip(";") + "\n;\n" + REBUILD_UNION, prefixes=PREFIX_MAP)
        except SyntaxError as exc:
            raise syntax_error(sparql, update=True, engine=str(exc)) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"update failed: {exc}") from None
        store.flush()

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]], *, drop: Iterable[str] = ()) -> None:
        self.write_graphs(iter(graphs.items()), drop=drop)

    def _write_in_place(self, update: str, *, quads: int) -> None:
        """Run kg's own SPARQL Update on the database, one transaction that changes ``quads`` quads.

        What is written in place goes to new small tables, which queries must all look through
        (one incremental build's made them 1.3 times slower here): once the quads written in place
        since the database was last compacted are more than ``in_place_limit()``, it is compacted
        (as a bulk write would have been), so that their cost is spread over the writes."""
        if not update:
            return
        try:
            self._store.update(update)
            self._store.flush()
            edited = self._edited() + quads
            if edited > self.in_place_limit():
                self._store.optimize()
                edited = 0
            write_atomic(self.path / EDITED, f"{edited}\n")
        except OSError as exc:
            raise StoreError(f"{self.name}: cannot write: {exc}") from None

    def _edited(self) -> int:
        """The quads written in place since the database was last compacted (0 when unknown)."""
        try:
            return int((self.path / EDITED).read_text())
        except (OSError, ValueError):
            return 0

    def write_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple] | Delta]], *, drop: Iterable[str] = (),
                     per_write: int = 500, onto: Preload | None = None) -> int:
        """``replace_graphs`` for a stream of graphs, all or nothing. What each graph gains and loses
        is worked out against the database as the stream comes: while that stays within
        ``in_place_limit()`` quads, the write is one SPARQL Update of those changes, in place; beyond
        it, the bulk loader takes the graphs into a copy of the database as the stream gives them,
        so that they are never all in memory (those read already are their old content and their
        changes), and the copy is compacted, a cost that grows with the database (``_rewrite``). So
        a few graphs changed in a large store are written in place, and a first build in bulk.
        A graph may come as a ``Delta``, what it loses and gains. ``per_write`` is not used.

        ``onto``, for an empty store, is a database filled beside the parse (``Preload``): the
        graphs go into it, which then takes the database's place."""
        store = self._writing()
        graphs = iter(graphs)
        drop = list(dict.fromkeys(drop))
        limit = self.in_place_limit()
        edits = _Edits(store)
        for name in drop:
            edits.drop(name)
        edited: list[str] = []  # the graphs whose changes ``edits`` holds (not the graphs themselves)
        rest: Iterator[tuple[str, Iterable[Triple] | Delta]] = graphs
        if onto is not None:
            if not self.is_empty():
                raise StoreError(f"{self.name}: the graphs written beside the parse are for an empty store")
        else:
            for name, triples in graphs:
                if not isinstance(triples, Delta):
                    triples = triples if isinstance(triples, Rendered) else Rendered(list(triples))
                if edits.size > limit or not edits.replace(name, triples):
                    rest = chain([(name, triples)], graphs)
                    break
                edited.append(name)
            else:
                if edits.size <= limit:
                    self._write_in_place(edits.sparql(), quads=int(edits.size))
                    return len(edited)
        edits.store = None
        del store  # the database is closed before the copy takes its place (``_rewrite``)
        written = 0

        def write(copy: ox.Store) -> None:
            nonlocal written
            # a first build: no graph to read first (a look-up per graph in a database the loader is
            # filling costs more the more files it has made: 7 s of 128 for 115,077 graphs), but
            # those written beside the parse
            fresh = onto is not None or next(iter(copy.named_graphs()), None) is None
            held = onto.names if onto is not None else set()
            orphans: list[ox.Triple] = []  # triples that lost a graph, and may have lost the last one
            for name in drop:
                node = ox.NamedNode(name)
                orphans += [q.triple for q in copy.quads_for_pattern(None, None, None, node)]
                copy.remove_graph(node)
            # what the graphs a Delta changes lose, taken out in one transaction, and before the bulk
            # loader fills the database with files (a write waits while the database merges those:
            # 13 s, one triple at a time, after the 20,000 generated articles' records were loaded)
            losing = _Edits(None)

            def take_out() -> None:
                if losing.lost:
                    copy.update(losing.sparql())
                    losing.lost.clear()

            with _Loader(copy) as loader:
                lines = _Lines(loader)
                for name, triples in chain(((name, None) for name in edited), rest):
                    node = ox.NamedNode(name)
                    written += 1
                    if isinstance(triples, Delta):
                        if triples.lost:
                            losing.lost[name] = triples.lost
                        lines.put(node, triples.gained)
                        continue
                    take_out()
                    old = {} if fresh and name not in held else {
                        f"{q.subject} {q.predicate} {q.object}": q.triple
                        for q in copy.quads_for_pattern(None, None, None, node)}
                    if triples is None:  # the old graph with the changes worked out for it
                        gone = set(edits.lost.pop(name))
                        new = Rendered.of_text(text_of([line for line in old if line not in gone]
                                                       + edits.gained.pop(name)))
                    else:
                        new = triples if isinstance(triples, Rendered) else Rendered(triples)
                    if old:
                        orphans += [old[key] for key in old.keys() - set(new.lines)]
                        copy.remove_graph(node)
                    lines.put(node, new)
                lines.flush()
            take_out()
            _drop_from_union(copy, orphans)

        self._rewrite(write, onto)
        return written

    def in_place_limit(self) -> int:
        """The most quads a write changes in place, in one transaction (about 40 microseconds a quad
        here); a larger one goes through the bulk loader into a copy that is then compacted (about
        9 nanoseconds a byte of the database). ``bulk_threshold``, when given, instead."""
        if self.bulk_threshold is not None:
            return self.bulk_threshold
        return max(BULK_THRESHOLD, _table_bytes(self.path / DATA) // DATABASE_BYTES_PER_EDIT)

    def load(self, path: str | Path, *, graph: str | None = None) -> int:
        """Add a file's quads; the triples of a file without graphs go to ``graph``, else to a graph
        named by the file's URI. All or nothing: the load goes into a copy of the database."""
        self._writing()
        from kg.store.files import read_quads

        target = graph if graph is not None else Path(path).resolve().as_uri()
        before = self.count()
        self._rewrite(lambda copy: bulk_write(copy, read_quads(path, graph=target)))
        return self.count() - before

    def dump(self, path: str | Path) -> int:
        """Write the named graphs (.nq, .trig, .jsonld) or their union (.ttl, .nt) to ``path``; returns
        the number of quads or triples written. Written as read, graph by graph: memory does not
        grow with the store."""
        fmt = ox_format(path)
        with _atomic_file(Path(path)) as tmp:
            if has_graphs(fmt):
                quads = (q for name in self._store.named_graphs()
                         for q in self._store.quads_for_pattern(None, None, None, name))
                ox.serialize(quads, output=str(tmp), format=fmt,
                             prefixes=PREFIX_MAP if fmt is ox.RdfFormat.TRIG else None)
            else:
                self._store.dump(str(tmp), fmt, from_graph=ox.DefaultGraph(),
                                 prefixes=PREFIX_MAP if fmt is ox.RdfFormat.TURTLE else None)
        if has_graphs(fmt):
            return self.count()
        return len(self._store) - self.count()  # the default graph: the union, each triple once

    def _rewrite(self, write: Callable[[ox.Store], None], onto: Preload | None = None) -> None:
        """Write into a copy of the database (or into ``onto``, a database filled beside the parse
        of a first build), which replaces the database when ``write`` returns.

        ``write`` must keep no reference to the copy: it is closed (dropped) before it moves."""
        data, staging, retired = self.path / DATA, self.path / STAGING, self.path / RETIRED
        for leftover in (staging, retired):
            if leftover.exists():
                shutil.rmtree(leftover)
        if onto is not None:
            copy = onto.take()
        else:
            self._store.flush()
            try:
                self._store.backup(str(staging))
                copy = ox.Store(str(staging))
            except OSError as exc:
                shutil.rmtree(staging, ignore_errors=True)
                raise StoreError(f"{self.name}: cannot make a working copy of the database: {exc}") from None
        try:
            write(copy)
            copy.flush()
            copy.optimize()  # merges the bulk loader's many small files: queries run 3-4x faster after
        except BaseException:
            del copy
            shutil.rmtree(staging, ignore_errors=True)  # ``onto``: its owner lets it go
            raise
        del copy  # closes the copy: pyoxigraph has no close()
        if onto is not None:
            onto.move(staging)
        self._store = ox.Store()  # closes the database before it moves
        data.rename(retired)
        staging.rename(data)
        sync_folder(self.path)
        self._store = self._open_db(data)
        shutil.rmtree(retired, ignore_errors=True)
        (self.path / EDITED).unlink(missing_ok=True)  # the copy was compacted
        if onto is not None:
            onto.discard()  # its folder, now empty

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            if self.writable:
                self._store.flush()
            self._store = None
        self._lock.release()


class Preload:
    """A database that a first build fills while its articles are parsed, with the graphs that need
    no other article (each document's provisional graph, ``kg.pipeline.incremental.Preloading``),
    by one thread of the bulk loader beside the parse. At the end of the build, under the store's
    lock, if the store is still empty the rest is written into it and it takes the database's place
    (``OxigraphStore.write_graphs(onto=)``); else it is let go (``discard``).

    It lives in DIR/parse.PID/, with a lock that its process holds (DIR/parse.PID.owner): a writer
    that opens the store removes those whose process has gone. ``root`` is made when missing (a new
    store), and removed again when it is let go and nothing else was put there."""

    def __init__(self, root: Path) -> None:
        self.made_root = not root.exists()
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.folder = root / f"{PRELOAD}{os.getpid()}"
        self._owner = DirLock(owner_of(self.folder), name=str(self.folder), shared=False, timeout=0)
        self._owner.acquire()  # before the folder is made: a writer that opens the store leaves it
        self.db: ox.Store | None = None
        self._loader: _Loader | None = None
        self._lines: _Lines | None = None
        self.names: set[str] = set()  # the graphs it holds
        try:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir()
            self.db = ox.Store(str(self.folder / DATA))
        except OSError as exc:
            self.discard()
            raise StoreError(f"{root}: cannot make a database to write into while parsing: {exc}") from None
        self._loader = _Loader(self.db, workers=1)
        self._lines = _Lines(self._loader)

    def add(self, name: str, graph: Rendered) -> None:
        """A graph, to the loader."""
        if self._lines is None:
            raise StoreError(f"{self.folder}: written after it was finished")
        self.names.add(name)
        self._lines.put(ox.NamedNode(name), graph)

    def finish(self) -> None:
        """Wait until every graph added is in the database."""
        if self._lines is not None:
            self._lines.flush()
            self._loader.close()
            self._lines = self._loader = None

    def take(self) -> ox.Store:
        """The database, to be written and moved (``move``); this object no longer holds it."""
        self.finish()
        db, self.db = self.db, None
        if db is None:
            raise StoreError(f"{self.folder}: the database was taken already")
        return db

    def move(self, where: Path) -> None:
        """Move the database (closed: taken and let go) to ``where``."""
        (self.folder / DATA).rename(where)

    def discard(self) -> None:
        """Remove the database and the folder (done again, nothing)."""
        if self._loader is not None:
            self._loader.close(cancel=True)
        self._lines = self._loader = self.db = None
        shutil.rmtree(self.folder, ignore_errors=True)
        owner_of(self.folder).unlink(missing_ok=True)
        self._owner.release()
        if self.made_root:
            with suppress(OSError):
                self.root.rmdir()  # a new store that nothing else was written to


REBUILD_UNION = "DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class _Edits:
    """A write in place, worked out graph by graph against the database: the triples each graph loses
    and gains, as one SPARQL Update (``sparql``, run as one transaction). The union gains what a graph
    gains, and loses what a graph lost once no graph states it. ``size`` is the number of quads
    changed, unbounded when a graph has blank nodes (an update cannot name them: the bulk loader
    must write it)."""

    def __init__(self, store: ox.Store) -> None:
        self.store: ox.Store | None = store
        self.dropped: list[str] = []
        self.lost: dict[str, list[str]] = {}  # graph -> the lines of the triples it loses
        self.gained: dict[str, list[str]] = {}
        self.size: float = 0

    def _lines(self, name: str) -> list[str]:
        return [f"{q.subject} {q.predicate} {q.object}"
                for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(name))]

    def drop(self, name: str) -> None:
        old = self._lines(name)
        self.dropped.append(name)
        self.lost[name] = old  # for the union only: the graph goes whole
        self.size += len(old) if not has_blank_node(old) else float("inf")

    def replace(self, name: str, graph: Rendered | Delta) -> bool:
        """Record what graph ``name`` loses and gains to become ``graph``, or by a ``Delta``; False
        when it cannot be written in place."""
        if isinstance(graph, Delta):
            self.lost[name], self.gained[name] = list(graph.lost), list(graph.gained.lines)
            self.size += len(graph.lost) + len(graph.gained)
            return True
        lines = graph.lines
        old = self._lines(name)
        if has_blank_node(old) or has_blank_node(lines):
            self.size = float("inf")
            return False
        new, before = dict.fromkeys(lines), set(old)
        self.lost[name] = [line for line in old if line not in new]
        self.gained[name] = [line for line in new if line not in before]
        self.size += len(self.lost[name]) + len(self.gained[name])
        return True

    def sparql(self) -> str:
        """The update that makes these changes (empty when there are none)."""
        dropped = set(self.dropped)
        lost = {name: lines for name, lines in self.lost.items() if lines and name not in dropped}
        gained = {name: lines for name, lines in self.gained.items() if lines}
        parts = [f"DROP SILENT GRAPH {ox.NamedNode(name)} ;\n" for name in self.dropped]
        for verb, graphs in (("DELETE", lost), ("INSERT", gained)):
            if not graphs:
                continue
            parts.append(f"{verb} DATA {{\n")
            for name, lines in graphs.items():
                parts.append(f"GRAPH {ox.NamedNode(name)} {{\n")
                parts.extend(f"{line} .\n" for line in lines)
                parts.append("}\n")
            if verb == "INSERT":  # and into the union
                union = dict.fromkeys(line for lines in graphs.values() for line in lines)
                parts.extend(f"{line} .\n" for line in union)
            parts.append("} ;\n")
        orphans = dict.fromkeys(line for lines in self.lost.values() for line in lines)  # of the union, perhaps
        if orphans:
            parts.append("DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) {\n")
            parts.extend(f"({line})\n" for line in orphans)
            parts.append("} FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }\n")
        return "".join(parts)


class _Loader:
    """Oxigraph's bulk loader on every core.

    One call of the bulk loader keeps one core busy, and it lets go of the GIL: so the input is
    cut into chunks (N-Quads, and N-Triples for the union), loaded by as many threads as there are
    cores while the caller prepares the next chunk. At most two chunks per thread wait, so memory
    stays flat however big the input. The bulk loader gives each call's blank nodes fresh names:
    quads with a blank node go in as terms instead (slower, but they keep their identity).
    """

    def __init__(self, store: ox.Store, workers: int | None = None) -> None:
        self.store = store
        self.workers = workers or len(os.sched_getaffinity(0))
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="kg-bulk")
        self.pending: list[Future] = []

    def text(self, data: str | bytes, fmt: ox.RdfFormat) -> None:
        if data:  # written by Oxigraph, or by kg from terms Oxigraph wrote: no need to check them again
            self._submit(self.store.bulk_load, data, fmt, lenient=True)

    def terms(self, quads: list[ox.Quad]) -> None:
        if quads:
            self._submit(self.store.bulk_extend, quads)

    def _submit(self, *call, **options) -> None:
        self.pending.append(self.pool.submit(*call, **options))
        self._wait(2 * self.workers)

    def _wait(self, limit: int) -> None:
        while len(self.pending) > limit:
            done, _ = futures_wait(self.pending, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()  # raises what the loader raised
                self.pending.remove(future)

    def __enter__(self) -> _Loader:
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        self.close(cancel=exc_type is not None)

    def close(self, *, cancel: bool = False) -> None:
        """Wait for every chunk to be loaded (raising what the loader raised), or with ``cancel`` for
        those being loaded alone."""
        try:
            if not cancel:
                self._wait(0)
            else:
                for future in self.pending:
                    future.cancel()
        finally:
            self.pool.shutdown(wait=True)


def bulk_write(store: ox.Store, quads: Iterable[ox.Quad], *, union: bool = True, workers: int | None = None) -> None:
    """Add ``quads`` to ``store``, and (with ``union``) the triple of each to the default graph."""
    default = ox.DefaultGraph()
    with _Loader(store, workers) as loader:
        quads = iter(quads)
        while chunk := list(islice(quads, BULK_CHUNK)):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_QUADS)
            if b"_:" in data:  # a blank node, or only a literal that looks like one
                blank = [q for q in chunk if _has_blank_node(q)]
                loader.terms(blank + [ox.Quad(q.subject, q.predicate, q.object, default) for q in blank]
                             if union else blank)
                chunk = [q for q in chunk if not _has_blank_node(q)]
                data = ox.serialize(chunk, format=ox.RdfFormat.N_QUADS)
            loader.text(data, ox.RdfFormat.N_QUADS)
            if union:
                loader.text(ox.serialize([q.triple for q in chunk], format=ox.RdfFormat.N_TRIPLES),
                            ox.RdfFormat.N_TRIPLES)


class _Lines:
    """Graphs as N-Quads lines (and their union as N-Triples lines), to the bulk loader
    ``BULK_CHUNK`` quads at a time (the loader takes a triple that several graphs state once)."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.named: list[str] = []  # the N-Quads text of each graph
        self.union: list[str] = []  # its N-Triples text
        self.quads = 0

    def put(self, node: ox.NamedNode, graph: Rendered) -> None:
        """A graph, as the text it came as (``Rendered.of_text``) or its lines joined. One with a blank
        node goes in as terms, which keeps the blank nodes' names (the loader would give them fresh ones)."""
        text = graph.text if graph.text is not None else text_of(graph.lines)
        if not has_blank_node(text):
            self.add_text(str(node), text)
            return
        quads = list(ox.parse("".join(f"{line} {node} .\n" for line in graph.lines), format=ox.RdfFormat.N_QUADS))
        self.loader.terms(quads + [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads])

    def add_text(self, graph: str, text: str) -> None:
        """A graph by its N-Triples text (``Rendered.of_text``: no line break after the last line)."""
        if not text:
            return
        end = f" {graph} .\n"
        self.named.append(text[:-2].replace(" .\n", end) + end)
        self.union.append(text + "\n")
        self.quads += text.count("\n") + 1
        if self.quads >= BULK_CHUNK:
            self.flush()

    def flush(self) -> None:
        self.loader.text("".join(self.named), ox.RdfFormat.N_QUADS)
        self.loader.text("".join(self.union), ox.RdfFormat.N_TRIPLES)
        self.named, self.union, self.quads = [], [], 0


def _has_blank_node(quad: ox.Quad) -> bool:
    return (isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)
            or isinstance(quad.graph_name, ox.BlankNode))


def _table_bytes(folder: Path) -> int:
    """The size of a database's tables (not its logs); a table that compaction removes meanwhile counts 0."""
    size = 0
    for table in folder.glob("*.sst"):
        with suppress(FileNotFoundError):
            size += table.stat().st_size
    return size


def _drop_from_union(store: ox.Store, triples: Iterable[ox.Triple]) -> None:
    """Take out of the union the triples that no named graph states any more."""
    default = ox.DefaultGraph()
    for t in triples:
        if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, default))


@contextmanager
def _atomic_file(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)

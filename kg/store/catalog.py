"""The catalog of a store: what each document said (its DocFacts), and which graphs kg wrote.

Resolution is corpus-wide, so an incremental build re-resolves old and new documents together:
the catalog keeps each document's extraction as JSON (``kg.store.facts_json``), so that no article is
parsed twice. It also keeps, for each graph kg wrote, a hash of its content: a build rewrites
only the graphs whose content changed. A hash is forgotten (``None``) before its graph is
written and recorded after, so a crash in between makes the next build rewrite that graph.

    CATALOG/index.json      {"documents": {doc_id: {...}}, "graphs": {iri: hash or null},
                             "graphs_version": the version of kg's graph writing that made them,
                             "signatures": {iri: a digest of what its graph was made from}}
    CATALOG/facts.sqlite    table facts (doc_id TEXT PRIMARY KEY, json BLOB): each document's
                            DocFacts; table lean (doc_id TEXT PRIMARY KEY, lean BLOB): the copy of
                            them resolution reads (kg.store.lean); user_version 2

The index is written atomically (``kg.files.write_atomic``); ``root=None`` keeps the catalog in memory.
The facts are in one SQLite database rather than a file each, because a file written atomically
costs two fsyncs and a build of thousands of documents wrote thousands, and a build into a large
store opened one file per document to read them back. A ``put`` is one transaction, so one commit,
however many documents it adds. The database keeps SQLite's default rollback journal (not WAL:
WAL needs shared memory, which a catalog on a network disk, ``--catalog``, does not have, and only
the writer, under the store's lock, reads the facts) with ``synchronous=EXTRA``: a commit is the
deletion of the journal, and EXTRA makes that deletion durable (it syncs the folder, as
``write_atomic`` does after its rename), so the facts are on disk before ``save`` writes the index
that names them. An interrupted ``put`` leaves nothing of itself (the next process to open the
database rolls the journal back); facts the index does not name are harmless and go at ``prune``.

Readers that only ask what the catalog holds (``holds``, without the store's lock, while a build
writes) read the index alone, never the database. The database is not expected to be locked:
kg's writers take the store's lock first. If another program holds it, SQLite waits 5 s, then
kg fails with a StoreError that says so; a damaged database is a StoreError naming it.

Catalogs of kg before this kept each document's facts in a file, ``CATALOG/facts/<sha1 of
doc_id>.json`` (the index's format is the same). They are read as they are; the first ``put``
copies the files of the documents in the index into the database, in its transaction, and
``prune``, after the index is saved, deletes the folder.

While a build parses (without the store's lock), each document's facts go to a ``Spool`` as they
arrive: JSON in an unnamed temporary file, so that the build holds no facts until it resolves, and
``Catalog.put`` copies their JSON into the catalog without writing it again. Beside the JSON of each
document goes the copy of its facts that resolution reads (``kg.store.lean``,
``read_for_resolution``), six times faster to read than the JSON, in a table of its own (a put
writes them after all its JSON, so that they lie together in the file): every build reads every
document's copy, and a copy kept behind its document's JSON in one row (as the release before kept
it, in a column ``lean`` of ``facts``) is read from disk with the whole row (the 20,000 generated
articles' database is 870 MB, their copies 90 MB). A catalog of that release has its copies read
from that column until its first write moves them (``user_version`` then 2; the column is left as it
is, emptied as its documents are put again). The documents of a catalog written before the copies
were kept have none: resolution reads their JSON instead, and the build that does stores their
copies (``keep_copies``).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.files import sync_folder, write_atomic
from kg.ids import sha1
from kg.model import DocFacts, Document, document_of, without_text
from kg.store import facts_json, lean

FORMAT = 1
DATABASE = "facts.sqlite"
OLD_FACTS = "facts"  # the folder of a file per document, before the database
LAYOUT = 2  # the database's user_version: the copies resolution reads in a table of their own
SCAN_SHARE = 4  # copies read in one pass over their table when a quarter of it or more is asked for
SCAN_ROWS = 256  # rows a statement of that pass reads: the database is not held between them
BUSY_TIMEOUT = 5.0  # seconds to wait for a database another program holds (kg's writers hold the store's lock)


@dataclass(frozen=True)
class Entry:
    """A document in the catalog: where it came from and its graph."""

    doc_id: str
    source: str
    path: str | None  # the absolute path of the source file, when there was one
    graph: str
    sha1: str  # of the article's text: a document whose text is unchanged need not be parsed again

    def to_json(self) -> dict:
        return {"source": self.source, "path": self.path, "graph": self.graph, "sha1": self.sha1}


def facts_name(doc_id: str) -> str:
    """The name of a document's file in ``OLD_FACTS``."""
    return sha1(doc_id) + ".json"


@dataclass(frozen=True)
class Spooled:
    """Where a document's facts are in a Spool, with what the catalog's index needs of its article."""

    doc_id: str
    source: str
    sha1: str  # of the article's text
    words: int
    offset: int
    size: int  # of its JSON, at offset
    lean_offset: int  # of the copy resolution reads (``kg.store.lean``), in the spool's file of copies
    lean_size: int


class Spool:
    """Documents' facts on disk, in the order they were added: a sequence of DocFacts that holds
    only a line of index per document in memory (its JSON is in an unnamed temporary file, gone
    when the spool is closed or the process ends, and the copy resolution reads in another, so that
    reading the copies reads none of the JSON from disk).

    >>> from kg.model import Article, DocFacts
    >>> spool = Spool()
    >>> spool.append(DocFacts(Article(doc_id="d1", text="Boris Johnson met Sergey Lavrov.", source="a.txt")))
    >>> len(spool), spool[0].article.text, [e.doc_id for e in spool.entries]
    (1, 'Boris Johnson met Sergey Lavrov.', ['d1'])
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix="kg-facts-")  # noqa: SIM115 - closed by close()
        self._lean = tempfile.TemporaryFile(dir=folder, prefix="kg-lean-")  # noqa: SIM115 - closed by close()
        self.entries: list[Spooled] = []
        self._end = self._lean_end = 0

    def append(self, item: DocFacts) -> None:
        data, kept = facts_json.dumps(item).encode("utf-8"), lean.dumps(item)
        for file, at, written in ((self._file, self._end, data), (self._lean, self._lean_end, kept)):
            file.seek(at)
            file.write(written)
            file.flush()  # on disk before it is read: ``raw`` reads the file, not this object's buffer
        a = item.article
        self.entries.append(Spooled(a.doc_id, a.source, sha1(a.text), item.words, self._end, len(data),
                                    self._lean_end, len(kept)))
        self._end += len(data)
        self._lean_end += len(kept)

    def raw(self, entry: Spooled) -> bytes:
        """A document's facts as the JSON ``facts_json.dumps`` wrote. Read at its offset without
        moving the file's position, which a forked process shares (``kg.pipeline.forked``)."""
        return os.pread(self._file.fileno(), entry.size, entry.offset)

    def raw_lean(self, entry: Spooled) -> bytes:
        """A document's facts as ``kg.store.lean.dumps`` wrote them."""
        return os.pread(self._lean.fileno(), entry.lean_size, entry.lean_offset)

    def __getitem__(self, index: int) -> DocFacts:
        return facts_json.loads(self.raw(self.entries[index]))

    def __iter__(self) -> Iterator[DocFacts]:
        for entry in self.entries:
            yield facts_json.loads(self.raw(entry))

    def read_for_resolution(self) -> Iterator[tuple[Document, DocFacts]]:
        """Every document as resolution reads it (``kg.store.lean``), in order."""
        for entry in self.entries:
            yield lean.loads(self.raw_lean(entry)) or lean.from_json(self.raw(entry))

    def __len__(self) -> int:
        return len(self.entries)

    def close(self) -> None:
        self._file.close()
        self._lean.close()


class Catalog:
    def __init__(self, root: Path | None, *, name: str | None = None) -> None:
        self.root = root
        self.name = name or (str(root) if root is not None else "memory")
        self.entries: dict[str, Entry] = {}
        self.graph_hashes: dict[str, str | None] = {}
        self.graphs_version: int | None = None  # None: written before kg recorded it
        self.signatures: dict[str, str] = {}  # graph -> what it was made from (kg.graph.batches.signatures)
        self._memory: dict[str, DocFacts] = {}
        self._moved = False  # the old layout's files are in the database (see _writing)
        if root is not None and (root / "index.json").exists():
            self._read_index()

    # --- the index
    def _read_index(self) -> None:
        assert self.root is not None
        try:
            data = json.loads((self.root / "index.json").read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
            self.entries = {doc_id: Entry(doc_id, e["source"], e.get("path"), e["graph"], e["sha1"])
                            for doc_id, e in data["documents"].items()}
            self.graph_hashes = dict(data["graphs"])
            self.graphs_version = data.get("graphs_version")
            self.signatures = dict(data.get("signatures", {}))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.name}: the catalog index cannot be read: {exc}") from None

    def save(self) -> None:
        """Write the index (atomically): the documents and the graph hashes as they are now."""
        if self.root is None:
            return
        data = {"format": FORMAT,
                "documents": {d: e.to_json() for d, e in sorted(self.entries.items())},
                "graphs": dict(sorted(self.graph_hashes.items())), "graphs_version": self.graphs_version,
                "signatures": dict(sorted(self.signatures.items()))}
        write_atomic(self.root / "index.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    # --- documents
    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def holds(self, doc_id: str, text: str) -> bool:
        """Whether the catalog has this document with this very text."""

        entry = self.entries.get(doc_id)
        return entry is not None and entry.sha1 == sha1(text)

    def facts(self) -> dict[str, DocFacts]:
        """Every document's DocFacts, by doc_id."""
        doc_ids = list(self.entries)
        return dict(zip(doc_ids, self.read_many(doc_ids), strict=True))

    def read(self, doc_id: str) -> DocFacts:
        """One document's DocFacts (from disk: none is kept in memory)."""
        with closing(self.read_many([doc_id])) as reading:  # closing its connection at once
            return next(reading)

    def read_many(self, doc_ids: Iterable[str]) -> Iterator[DocFacts]:
        """Documents' DocFacts in the order of ``doc_ids``, read one at a time through one connection."""
        if self.root is None:
            yield from (self._memory[doc_id] for doc_id in doc_ids)
            return
        for doc_id, data, where in self._rows(doc_ids):
            try:
                yield facts_json.loads(data)
            except ValueError as exc:
                raise self._unreadable(doc_id, where, exc) from None

    def read_for_resolution(self, doc_ids: Iterable[str], copies: dict[str, bytes] | None = None,
                            ) -> Iterator[tuple[Document, DocFacts]]:
        """Documents as resolution reads them (``kg.store.lean``), in no set order: each its
        ``Document`` and its facts without the article's text and the sentences of their evidence
        (in a catalog in memory, with them). A document without a copy it can read (one put by an
        earlier kg) is read from its JSON, after the others; ``copies`` then gets the copy made of
        it, for ``keep_copies``."""
        if self.root is None:
            yield from ((document_of(f), without_text(f)) for f in (self._memory[doc_id] for doc_id in doc_ids))
            return
        from_json = []
        for doc_id, data in self._lean_rows(doc_ids):
            read = lean.loads(data)
            if read is None:
                from_json.append(doc_id)
            else:
                yield read
        for doc_id, data, where in self._rows(from_json):
            try:
                read = lean.from_json(data)
            except ValueError as exc:
                raise self._unreadable(doc_id, where, exc) from None
            if copies is not None:
                copies[doc_id] = lean.dumps_read(*read)
            yield read

    def texts(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(doc_id, its article's text) in the order of ``doc_ids``, without reading the facts."""
        if self.root is None:
            yield from ((doc_id, self._memory[doc_id].article.text) for doc_id in doc_ids)
            return
        for doc_id, data, where in self._rows(doc_ids):
            try:
                yield doc_id, facts_json.article_text(data)
            except ValueError as exc:
                raise self._unreadable(doc_id, where, exc) from None

    def _unreadable(self, doc_id: str, where: Path, exc: Exception) -> StoreError:
        return StoreError(f"{self.name}: the facts of {doc_id} ({where}) cannot be read: {exc}; "
                          f"kg remove it and build it again")

    def _lean_rows(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
        """(doc_id, the copy of its facts resolution reads, None where there is none) for each of
        ``doc_ids``, in no set order, through one connection (none for no doc_id: a build may be
        writing the database).

        When they are most of the catalog (as every build's resolution asks), they are read in one
        pass over their table, as they lie in the file (``put`` writes them after the JSON, one run
        of pages), instead of one lookup each in the order of the catalog's index, from all over it.
        The 20,200 copies of a 20,000-article store, this machine's cache dropped: 581 reads in one
        pass over a run of pages; 33,806 reads of a page when each copy lay between two documents'
        JSON, and looked up, the first time after the store was built (a disk cache that did not
        hold them either), 61.3 s, 54.9 s of it waiting on the disk: what made an incremental build
        of 200 articles into that store 3.5x the 200 alone."""
        wanted = set(doc_ids)
        if wanted and (self.root / DATABASE).exists():  # else a catalog of the old layout: JSON files alone
            db = self._connect()
            try:
                where = _copies(db)
                if where is not None:
                    most = len(wanted) * SCAN_SHARE >= db.execute(f"SELECT count(*) FROM {where}").fetchone()[0]
                    yield from (_scanned if most else _looked_up)(db, where, wanted)
            except sqlite3.Error as exc:
                raise self._unusable(exc) from None
            finally:
                db.close()
        yield from ((doc_id, None) for doc_id in wanted)  # none stored: the caller reads their JSON

    def _rows(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, bytes | str, Path]]:
        """(doc_id, the JSON of its facts, where it is) in the order of ``doc_ids``, through one
        connection (none for no doc_id)."""
        doc_ids = list(doc_ids)
        if not doc_ids:
            return
        db = self._connect() if (self.root / DATABASE).exists() else None
        old = self.root / OLD_FACTS if (self.root / OLD_FACTS).is_dir() else None  # a catalog of the old layout
        try:
            for doc_id in doc_ids:
                row = None
                if db is not None:
                    try:
                        row = db.execute("SELECT json FROM facts WHERE doc_id = ?", (doc_id,)).fetchone()
                    except sqlite3.Error as exc:
                        raise self._unusable(exc) from None
                where = self.root / DATABASE if row is not None or old is None else old / facts_name(doc_id)
                try:
                    if row is not None:
                        data = row[0]
                    elif old is not None:
                        data = where.read_bytes()
                    else:
                        raise ValueError("not there")
                except (OSError, ValueError) as exc:
                    raise self._unreadable(doc_id, where, exc) from None
                yield doc_id, data, where
        finally:
            if db is not None:
                db.close()

    def put(self, facts: Iterable[DocFacts] | Spool) -> None:
        """Add (or replace) documents' facts, in one transaction: all of them or, if it fails, none.
        The index changes only at ``save``."""
        from kg.graph.rdf import doc_iri

        if self.root is None:
            for item in facts:
                a = item.article
                self._memory[a.doc_id] = item
                self.entries[a.doc_id] = Entry(a.doc_id, a.source, _own_file(a.source), str(doc_iri(a.doc_id)),
                                               sha1(a.text))
            return

        entries: list[Entry] = []  # into the index once their transaction is committed
        copies: list[tuple[str, bytes]] = []  # of facts not in a spool, until theirs are in

        def rows() -> Iterator[tuple[str, bytes]]:
            if isinstance(facts, Spool):  # as the spool has them
                for e in facts.entries:
                    entries.append(Entry(e.doc_id, e.source, _own_file(e.source), str(doc_iri(e.doc_id)), e.sha1))
                    yield e.doc_id, facts.raw(e)
                return
            for item in facts:
                a = item.article
                entries.append(Entry(a.doc_id, a.source, _own_file(a.source), str(doc_iri(a.doc_id)), sha1(a.text)))
                copies.append((a.doc_id, lean.dumps(item)))
                yield a.doc_id, facts_json.dumps(item).encode("utf-8")

        def kept() -> Iterator[tuple[str, bytes]]:
            if isinstance(facts, Spool):
                yield from ((e.doc_id, facts.raw_lean(e)) for e in facts.entries)
            else:
                yield from copies

        # the copies after all the JSON, not each beside its document's: their pages, which every
        # build reads in full, then follow one another in the file (``_lean_rows``)
        with self._writing() as db:
            db.executemany("INSERT OR REPLACE INTO facts (doc_id, json) VALUES (?, ?)", rows())
            db.executemany("INSERT OR REPLACE INTO lean (doc_id, lean) VALUES (?, ?)", kept())
        self.entries.update((e.doc_id, e) for e in entries)

    def keep_copies(self, copies: dict[str, bytes]) -> None:
        """Store the copies resolution reads (``read_for_resolution``) of documents that had none, in
        one transaction; those of documents the catalog no longer holds are left out."""
        if self.root is None or not copies:
            return
        with self._writing() as db:
            db.executemany("INSERT OR REPLACE INTO lean (doc_id, lean) VALUES (?, ?)",
                           ((doc_id, kept) for doc_id, kept in copies.items() if doc_id in self.entries))

    def delete(self, doc_ids: Iterable[str]) -> None:
        """Forget documents (the index changes at ``save``; their facts go at ``prune``)."""
        for doc_id in doc_ids:
            self.entries.pop(doc_id, None)
            self._memory.pop(doc_id, None)

    def prune(self) -> None:
        """Delete the facts of documents no longer in the index, and the files of the old layout
        once they are in the database (after a save)."""
        if self.root is None:
            return
        if (self.root / DATABASE).exists():
            with self._writing() as db:
                stored = "SELECT doc_id FROM facts UNION SELECT doc_id FROM lean"
                gone = [(d,) for (d,) in db.execute(stored) if d not in self.entries]
                db.executemany("DELETE FROM facts WHERE doc_id = ?", gone)
                db.executemany("DELETE FROM lean WHERE doc_id = ?", gone)
        if self._moved:
            shutil.rmtree(self.root / OLD_FACTS, ignore_errors=True)

    # --- the database of facts
    def _connect(self, *, create: bool = False) -> sqlite3.Connection:
        """The facts database, with its table; without ``create``, only if it exists."""
        assert self.root is not None
        path = (self.root / DATABASE).resolve()
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode={'rwc' if create else 'rw'}", uri=True, timeout=BUSY_TIMEOUT,
                                 isolation_level=None)  # no implicit transactions: _writing opens them
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        try:
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA synchronous = EXTRA")
            db.execute("CREATE TABLE IF NOT EXISTS facts (doc_id TEXT PRIMARY KEY, json BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS lean (doc_id TEXT PRIMARY KEY, lean BLOB NOT NULL)")
        except sqlite3.Error as exc:
            db.close()
            raise self._unusable(exc) from None
        return db

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the facts database (created when missing), committed when the block
        ends and rolled back if it fails. The first one moves the facts files of the old layout in."""
        assert self.root is not None
        self.root.mkdir(parents=True, exist_ok=True)
        new = not (self.root / DATABASE).exists()
        db = self._connect(create=True)
        moving = not self._moved and (self.root / OLD_FACTS).is_dir()
        try:
            db.execute("BEGIN IMMEDIATE")
            if _layout(db) < LAYOUT:
                if _has_column(db):  # the release before's copies, each behind its document's JSON
                    db.execute("INSERT OR IGNORE INTO lean (doc_id, lean) SELECT doc_id, lean FROM facts "
                               "WHERE lean IS NOT NULL")
                db.execute(f"PRAGMA user_version = {LAYOUT}")
            if moving:  # rows already in the database are newer than the files
                db.executemany("INSERT OR IGNORE INTO facts (doc_id, json) VALUES (?, ?)", self._old_files())
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        finally:
            db.close()  # rolls back what was not committed
        if new:
            sync_folder(self.root)  # the database's own name, as write_atomic syncs a rename
        self._moved = self._moved or moving

    def _old_files(self) -> Iterator[tuple[str, bytes]]:
        """The facts files of the old layout of the documents in the index."""
        assert self.root is not None
        for doc_id in self.entries:
            path = self.root / OLD_FACTS / facts_name(doc_id)
            try:
                yield doc_id, path.read_bytes()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise StoreError(f"{self.name}: the facts of {doc_id} ({path}) cannot be read: {exc}") from None

    def _unusable(self, exc: sqlite3.Error) -> StoreError:
        """The error to report: a lock another program holds, a failure of the disk (a full one, a
        file that cannot be opened: what was being written was rolled back), or a damaged database."""
        path = self.root / DATABASE if self.root is not None else DATABASE
        if "locked" in str(exc):
            return StoreError(f"{self.name}: the facts database {path} is locked by another program (kg's own "
                              f"writers take the store's lock first): close it and try again")
        if isinstance(exc, sqlite3.OperationalError):
            return StoreError(f"{self.name}: the facts database {path} cannot be used: {exc}")
        return StoreError(f"{self.name}: the facts database {path} cannot be used: {exc}; restore it from a "
                          f"backup, or build the store's articles again into a new store")

    def forget_hashes(self, graphs: Iterable[str] | None = None) -> None:
        """Stop vouching for the content of some graphs (all when None): the next build rewrites them."""
        for g in list(self.graph_hashes) if graphs is None else graphs:
            self.graph_hashes[g] = None


def _layout(db: sqlite3.Connection) -> int:
    """The database's layout: ``LAYOUT``, or 0 for an earlier kg's."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def _has_column(db: sqlite3.Connection) -> bool:
    """Whether the facts table has the column where the release before kept the copies resolution reads."""
    return any(column[1] == "lean" for column in db.execute("PRAGMA table_info(facts)"))


def _copies(db: sqlite3.Connection) -> str | None:
    """The table that holds the copies resolution reads: their own, or the facts of the release before
    until its first write moves them; None for a catalog of a kg before that."""
    if _layout(db) >= LAYOUT:
        return "lean"
    return "facts" if _has_column(db) else None


def _looked_up(db: sqlite3.Connection, table: str, wanted: set[str]) -> Iterator[tuple[str, bytes | None]]:
    """The rows of ``table`` whose doc_id is ``wanted`` (each taken out of it), one lookup each."""
    for doc_id in list(wanted):
        row = db.execute(f"SELECT lean FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is not None:
            wanted.discard(doc_id)
            yield doc_id, row[0]


def _scanned(db: sqlite3.Connection, table: str, wanted: set[str]) -> Iterator[tuple[str, bytes | None]]:
    """The rows of ``table`` whose doc_id is ``wanted`` (each taken out of it) in the order of the
    table, ``SCAN_ROWS`` at a time: each statement ends before its rows are handed on, so that no
    read holds the database while its reader works (a build puts facts into it meanwhile, and its
    commit waits for every reader)."""
    last = 0
    while True:
        rows = db.execute(f"SELECT rowid, doc_id, lean FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",
                          (last, SCAN_ROWS)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        for _, doc_id, data in rows:
            if doc_id in wanted:
                wanted.discard(doc_id)
                yield doc_id, data


def _own_file(source: str) -> str | None:
    """The absolute path of the file a source names: "a.txt", or "feed.jsonl" for "feed.jsonl:12"."""
    for candidate in (source, source.rsplit(":", 1)[0]):
        path = Path(candidate)
        if path.is_file():
            return str(path.resolve())
    return None


def forget_graph_hashes(spec: str) -> None:
    """Before a SPARQL update: the catalog of a directory store stops vouching for its graphs
    (see kg.store.catalog), so that the next build rewrites them."""
    root = Path(spec) / "catalog"
    if (root / "index.json").exists():
        catalog = Catalog(root)
        catalog.forget_hashes()
        catalog.save()

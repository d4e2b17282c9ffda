"""The catalog of a store: what each document said (its DocFacts), and which graphs kg wrote.

Resolution is corpus-wide, so an incremental build re-resolves old and new documents together:
the catalog keeps each document's extraction as JSON (``kg.store.facts_json``), so that no article is
parsed twice. It also keeps, for each graph kg wrote, a hash of its content: a build rewrites
only the graphs whose content changed. A hash is forgotten (``None``) before its graph is
written and recorded after, so a crash in between makes the next build rewrite that graph.

    CATALOG/index.json          {"documents": {doc_id: {...}}, "graphs": {iri: hash or null},
                                 "graphs_version": the version of kg's graph writing that made them,
                                 "signatures": {iri: a digest of what its graph was made from}}
    CATALOG/facts/<sha1>.json   one document's DocFacts

Every file is written atomically. ``root=None`` keeps the catalog in memory.

While a build parses (without the store's lock), each document's facts go to a ``Spool`` as they
arrive: JSON in an unnamed temporary file, so that the build holds no facts until it resolves, and
``Catalog.put`` copies their JSON into the catalog without writing it again.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.files import write_atomic
from kg.ids import sha1
from kg.model import DocFacts
from kg.store import facts_json

FORMAT = 1


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
    return sha1(doc_id) + ".json"


@dataclass(frozen=True)
class Spooled:
    """Where a document's facts are in a Spool, with what the catalog's index needs of its article."""

    doc_id: str
    source: str
    sha1: str  # of the article's text
    words: int
    offset: int
    size: int


class Spool:
    """Documents' facts on disk, in the order they were added: a sequence of DocFacts that holds
    only a line of index per document in memory (its JSON is in an unnamed temporary file, gone
    when the spool is closed or the process ends).

    >>> from kg.model import Article, DocFacts
    >>> spool = Spool()
    >>> spool.append(DocFacts(Article(doc_id="d1", text="Boris Johnson met Sergey Lavrov.", source="a.txt")))
    >>> len(spool), spool[0].article.text, [e.doc_id for e in spool.entries]
    (1, 'Boris Johnson met Sergey Lavrov.', ['d1'])
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix="kg-facts-")  # noqa: SIM115 - closed by close()
        self.entries: list[Spooled] = []
        self._end = 0

    def append(self, item: DocFacts) -> None:
        data = facts_json.dumps(item).encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        a = item.article
        self.entries.append(Spooled(a.doc_id, a.source, sha1(a.text), item.words, self._end, len(data)))
        self._end += len(data)

    def raw(self, entry: Spooled) -> bytes:
        """A document's facts as the JSON ``facts_json.dumps`` wrote."""
        self._file.seek(entry.offset)
        return self._file.read(entry.size)

    def __getitem__(self, index: int) -> DocFacts:
        return facts_json.loads(self.raw(self.entries[index]))

    def __iter__(self) -> Iterator[DocFacts]:
        for entry in self.entries:
            yield facts_json.loads(self.raw(entry))

    def __len__(self) -> int:
        return len(self.entries)

    def close(self) -> None:
        self._file.close()


class Catalog:
    def __init__(self, root: Path | None, *, name: str | None = None) -> None:
        self.root = root
        self.name = name or (str(root) if root is not None else "memory")
        self.entries: dict[str, Entry] = {}
        self.graph_hashes: dict[str, str | None] = {}
        self.graphs_version: int | None = None  # None: written before kg recorded it
        self.signatures: dict[str, str] = {}  # graph -> what it was made from (kg.graph.batches.signatures)
        self._memory: dict[str, DocFacts] = {}
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
        if self.root is None:
            return dict(self._memory)
        return {doc_id: self.read(doc_id) for doc_id in self.entries}

    def read(self, doc_id: str) -> DocFacts:
        """One document's DocFacts (from disk: none is kept in memory)."""
        if self.root is None:
            return self._memory[doc_id]
        path = self.root / "facts" / facts_name(doc_id)
        try:
            return facts_json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.name}: the facts of {doc_id} ({path}) cannot be read: {exc}; "
                             f"kg remove it and build it again") from None

    def put(self, facts: Iterable[DocFacts] | Spool) -> None:
        """Add (or replace) documents' facts. The index changes only at ``save``."""
        from kg.graph.rdf import doc_iri

        if isinstance(facts, Spool) and self.root is not None:  # their JSON as it is
            for e in facts.entries:
                write_atomic(self.root / "facts" / facts_name(e.doc_id), facts.raw(e))
                self.entries[e.doc_id] = Entry(e.doc_id, e.source, _own_file(e.source), str(doc_iri(e.doc_id)),
                                               e.sha1)
            return
        for item in facts:
            a = item.article
            doc_id = a.doc_id
            if self.root is not None:
                write_atomic(self.root / "facts" / facts_name(doc_id), facts_json.dumps(item))
            else:
                self._memory[doc_id] = item
            self.entries[doc_id] = Entry(doc_id, a.source, _own_file(a.source), str(doc_iri(doc_id)),
                                        sha1(a.text))

    def delete(self, doc_ids: Iterable[str]) -> None:
        """Forget documents (the index changes at ``save``; their files go at ``prune``)."""
        for doc_id in doc_ids:
            self.entries.pop(doc_id, None)
            self._memory.pop(doc_id, None)

    def prune(self) -> None:
        """Delete the facts files of documents no longer in the index (after a save)."""
        if self.root is None or not (self.root / "facts").is_dir():
            return
        keep = {facts_name(d) for d in self.entries}
        for path in (self.root / "facts").glob("*.json"):
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def forget_hashes(self, graphs: Iterable[str] | None = None) -> None:
        """Stop vouching for the content of some graphs (all when None): the next build rewrites them."""
        for g in list(self.graph_hashes) if graphs is None else graphs:
            self.graph_hashes[g] = None


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

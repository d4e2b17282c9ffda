"""The one small interface every store kind implements.

A store holds quads: one named graph per document (see ``kg.graph.rdf``), and whatever ``kg load``
brought in. Queries see the union of all graphs as their default graph, as in a file built by
``kg build -o``; kg's usual prefixes are declared for them.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import QueryError
from kg.query.sparql import Rows
from kg.store.terms import Quad, Triple

QUERY_FORM = re.compile(r"(?<![:\w])(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![:\w])", re.IGNORECASE)  # "ask:" is a prefix
_COMMENT = re.compile(r"#[^\n]*")
_IRI_OR_STRING = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


class ResultLimitError(QueryError):
    """A query whose result has more rows than the caller allows."""


def keywords(sparql: str) -> str:
    """The query text without its IRIs, strings and comments: what is left to find keywords in."""
    return _COMMENT.sub(" ", _IRI_OR_STRING.sub(" ", sparql))


def query_form(sparql: str) -> str:
    r"""SELECT, CONSTRUCT, DESCRIBE or ASK: the form of a query, from its first keyword after the prologue.

    >>> query_form("PREFIX ask: <http://x/select#> # ask me\nCONSTRUCT WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    match = QUERY_FORM.search(keywords(sparql))
    return match.group(1).upper() if match else "SELECT"


class Store(ABC):
    """A quad store. ``name`` says which one in messages: a directory, a URL or ``memory``."""

    kind: str = "store"
    name: str = ""

    # --- reading
    @abstractmethod
    def query(self, sparql: str, *, max_rows: int | None = None) -> Rows:
        """Run a SPARQL query over the union of all graphs (kg's prefixes declared). QueryError for a
        bad query or, with ``max_rows``, a result longer than that (ResultLimitError)."""

    @abstractmethod
    def graphs(self) -> set[str]:
        """The names of the named graphs that hold at least one triple."""

    @abstractmethod
    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """Every quad (rdflib terms; graph None for the default graph), or only those of one named graph."""

    def is_empty(self) -> bool:
        """Whether the store holds no graph at all."""
        return not self.graphs()

    @abstractmethod
    def count(self) -> int:
        """The number of quads in all graphs, the default graph included."""

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset: for tests and small stores."""
        ds = Dataset()
        for s, p, o, g in self.quads():
            ds.graph(URIRef(g) if g is not None else DATASET_DEFAULT_GRAPH_ID).add((s, p, o))
        return ds

    # --- writing
    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (kg's prefixes declared). QueryError for a bad one."""

    @abstractmethod
    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]], *, drop: Iterable[str] = ()) -> None:
        """Make each named graph of ``graphs`` hold exactly its triples, and remove the graphs of ``drop``.

        All or nothing where the store allows it (Oxigraph, memory); a remote server writes graph
        by graph.
        """

    def write_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple]]], *, drop: Iterable[str] = (),
                     per_write: int = 500) -> int:
        """``replace_graphs`` for a stream of (name, triples), which need not all be in memory at
        once: ``per_write`` graphs at a time here (a store that can do better overrides it), the
        graphs of ``drop`` removed with the last of them. Returns the number of graphs written."""
        drop = list(drop)
        written = 0
        part: dict[str, Iterable[Triple]] = {}
        for name, triples in graphs:
            part[name] = triples
            if len(part) >= per_write:
                self.replace_graphs(part)
                written += len(part)
                part = {}
        if part or drop:
            self.replace_graphs(part, drop=drop)
        return written + len(part)

    @abstractmethod
    def load(self, path: str | Path, *, graph: str | None = None) -> int:
        """Add the quads of an RDF file (format by extension). Triples go to ``graph``, else to the
        default graph. Returns the number of quads read."""

    def dump(self, path: str | Path) -> int:
        """Write every quad to ``path`` (format by extension; the union of the graphs for formats
        without graphs). Returns the number of statements written: quads, or triples for a format
        without graphs."""
        from kg.store.files import write_quads

        return write_quads(self.quads(), path)

    @abstractmethod
    def close(self) -> None:
        """Release the store (and its lock). A closed store is not used again."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"

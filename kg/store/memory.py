"""rdflib's in-memory Dataset behind the store interface: for tiny jobs and tests.

Nothing outlives the process. Queries run on rdflib's SPARQL engine, as ``kg query FILE`` does;
rdflib's union of the graphs (``default_union``) already counts each triple once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import QueryError
from kg.graph.vocab import PREFIXES
from kg.query import sparql as kgquery
from kg.query.sparql import Rows
from kg.store.base import ResultLimitError, Store
from kg.store.files import read_quads
from kg.store.terms import Quad, Triple, rdflib_quad


class MemoryStore(Store):
    kind = "memory"
    name = "memory"

    def __init__(self) -> None:
        self.ds = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)

    def query(self, sparql: str, *, max_rows: int | None = None) -> Rows:
        rows = kgquery.run(self.ds, sparql)
        if max_rows is not None and len(rows.rows) > max_rows:
            raise ResultLimitError(f"the result has more than {max_rows} rows; add a LIMIT")
        return rows

    def graphs(self) -> set[str]:
        return {str(g.identifier) for g in self.ds.graphs()
                if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g) > 0}

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        if graph is not None:
            for s, p, o in self.ds.graph(URIRef(graph)):
                yield s, p, o, URIRef(graph)
            return
        yield from self.ds.quads((None, None, None, None))

    def count(self) -> int:
        return sum(1 for _ in self.ds.quads((None, None, None, None)))

    def update(self, sparql: str) -> None:
        try:
            self.ds.update(kgquery.with_prefixes(sparql))
        except Exception as exc:  # pyparsing's ParseException and rdflib's own errors
            error = kgquery.syntax_error(sparql, update=True)
            if isinstance(error, kgquery.QuerySyntaxError):
                raise error from None
            raise QueryError(f"update failed: {exc}") from None

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]], *, drop: Iterable[str] = ()) -> None:
        new = {g: list(triples) for g, triples in graphs.items()}  # all of it read before anything changes
        for g in (*new, *drop):
            self.ds.remove_graph(URIRef(g))
        for g, triples in new.items():
            target = self.ds.graph(URIRef(g))
            for triple in triples:
                target.add(triple)

    def load(self, path: str | Path, *, graph: str | None = None) -> int:
        target = graph if graph is not None else Path(path).resolve().as_uri()
        quads = [rdflib_quad(q) for q in read_quads(path, graph=target)]
        before = self.count()
        for s, p, o, g in quads:
            self.ds.graph(URIRef(g) if g is not None else DATASET_DEFAULT_GRAPH_ID).add((s, p, o))
        return self.count() - before

    def close(self) -> None:
        """Nothing to release: the data goes with the object."""

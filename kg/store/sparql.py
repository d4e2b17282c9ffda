"""A remote SPARQL 1.1 server as a store: Query and Update protocols, and the Graph Store HTTP
Protocol when its address is given (faster and simpler for whole graphs).

Servers disagree about the default graph (Virtuoso has no writable one; its queries range over
all graphs and count a triple once per graph that holds it), so this store keeps the union of
the documents' graphs in a graph of its own, ``union_graph``, and names it as the default graph
of every query (``default-graph-uri``): each fact counts once, as in the other stores. Graphs
the server keeps for itself (Virtuoso's ``virtrdf#`` and friends) and the union graph are left
out of ``graphs()``, ``count()`` and dumps.

A remote server writes graph by graph: a build that fails half-way leaves some graphs new and
some old, and the next build (which re-writes every graph whose content it cannot vouch for)
completes it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.graph.vocab import resource
from kg.query.sparql import QuerySyntaxError, Rows, syntax_error, with_prefixes
from kg.store.base import ResultLimitError, Store, query_form
from kg.store.files import read_quads
from kg.store.terms import Quad, Triple, from_ox, ntriples, parse_ntriples, to_ox

SYSTEM_GRAPHS = (  # graphs a server keeps for itself, by prefix
    "http://www.openlinksw.com/",
    "http://www.w3.org/ns/ldp#",
    "http://localhost:8890/",
)
RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"
BATCH = 1000  # triples per SPARQL Update without a Graph Store (Virtuoso: "more than 10000 lines of SQL" at 2000)
UNION_GRAPH = str(resource("graph:union"))


def _term(binding: dict) -> object:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    if binding.get("datatype") and not binding["datatype"].endswith("#string"):
        return Literal(value, datatype=URIRef(binding["datatype"]))
    return Literal(value)


def rows_from_json(data: dict, max_rows: int | None) -> Rows:
    """SPARQL 1.1 Query Results JSON as kg.query.sparql.Rows."""
    if "boolean" in data:
        answer = bool(data["boolean"])
        return Rows(["ask"], [[str(answer).lower()]], [[answer]], boolean=answer)
    variables = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    if max_rows is not None and len(bindings) > max_rows:
        raise ResultLimitError(f"the result has more than {max_rows} rows; add a LIMIT")
    terms = [[_term(b[v]) if v in b else None for v in variables] for b in bindings]
    return Rows(variables, [[None if t is None else str(t) for t in row] for row in terms], terms)


class SparqlStore(Store):
    kind = "sparql"

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, graph_store: str | None = None,
                 timeout: float = 300.0, system_graphs: tuple[str, ...] = SYSTEM_GRAPHS,
                 union_graph: str = UNION_GRAPH) -> None:
        self.endpoint = endpoint
        self.union_graph = union_graph
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store
        self.timeout = timeout
        self.system_graphs = system_graphs
        self.name = endpoint

    # --- HTTP
    def _request(self, method: str, url: str, *, body: bytes | None = None, content_type: str | None = None,
                 accept: str | None = None, ok_missing: bool = False) -> bytes:
        headers = {"User-Agent": "kg"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            if ok_missing and exc.code == 404:
                return b""
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            error = QueryError if exc.code == 400 else StoreError
            raise error(f"{self.name}: {method} {url.split('?')[0]} failed with HTTP {exc.code}"
                        + (f": {detail}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{self.name}: cannot reach the SPARQL server: {reason}") from None

    def _graph_url(self, graph: str) -> str:
        assert self.graph_store is not None
        sep = "&" if "?" in self.graph_store else "?"
        return f"{self.graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"

    def _select(self, sparql: str) -> Rows:
        """A query over the server's own dataset (all graphs), for bookkeeping."""
        body = urllib.parse.urlencode({"query": sparql}).encode()
        return rows_from_json(json.loads(self._request("POST", self.endpoint, body=body, content_type=FORM,
                                                       accept=RESULTS_JSON)), None)

    def _refused(self, sparql: str, exc: QueryError, *, update: bool = False) -> QueryError:
        """The error for a query or update the server refused (HTTP 400): where it does not parse, if
        it does not (servers report the place in their own words, if at all); else the server's."""
        error = syntax_error(sparql, update=update)
        return error if isinstance(error, QuerySyntaxError) else exc

    # --- reading
    def query(self, sparql: str, *, max_rows: int | None = None) -> Rows:
        try:
            return self._query(sparql, max_rows)
        except ResultLimitError:
            raise
        except QueryError as exc:
            raise self._refused(sparql, exc) from None

    def _query(self, sparql: str, max_rows: int | None) -> Rows:
        full = with_prefixes(sparql)
        body = urllib.parse.urlencode({"query": full, "default-graph-uri": self.union_graph}).encode()
        if query_form(full) in ("CONSTRUCT", "DESCRIBE"):
            data = self._request("POST", self.endpoint, body=body, content_type=FORM, accept=NTRIPLES)
            try:
                triples = parse_ntriples(data)
            except SyntaxError as exc:
                raise StoreError(f"{self.name}: the server's answer is not N-Triples: {exc}") from None
            if max_rows is not None and len(triples) > max_rows:
                raise ResultLimitError(f"the result has more than {max_rows} rows; add a LIMIT")
            g = Graph()
            for t in triples:
                g.add(t)
            return Rows(["subject", "predicate", "object"], [[str(x) for x in t] for t in triples],
                        [list(t) for t in triples], graph=g)
        data = self._request("POST", self.endpoint, body=body, content_type=FORM, accept=RESULTS_JSON)
        try:
            return rows_from_json(json.loads(data), max_rows)
        except (ValueError, AttributeError) as exc:
            raise StoreError(f"{self.name}: the server's answer is not SPARQL JSON results: {exc}") from None

    def _ours(self, graph: str) -> bool:
        return graph != self.union_graph and not graph.startswith(self.system_graphs)

    def graphs(self) -> set[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {str(row[0]) for row in rows.terms if isinstance(row[0], URIRef) and self._ours(str(row[0]))}

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        for name in sorted(self.graphs()) if graph is None else [graph]:
            if self.graph_store:
                data = self._request("GET", self._graph_url(name), accept=NTRIPLES, ok_missing=True)
            else:
                sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ox.NamedNode(name)} {{ ?s ?p ?o }} }}"
                body = urllib.parse.urlencode({"query": sparql}).encode()
                data = self._request("POST", self.endpoint, body=body, content_type=FORM, accept=NTRIPLES)
            g = URIRef(name)
            for s, p, o in parse_ntriples(data):
                yield s, p, o, g

    def count(self) -> int:
        rows = self._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sum(int(n) for g, n in rows.terms if g is not None and self._ours(str(g)))

    def close(self) -> None:
        """Nothing to release: every request is a connection of its own."""

    # --- writing
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update on the named graphs, then rebuild the union graph (which reads them all)."""
        try:
            self._post_update(with_prefixes(sparql))
        except QueryError as exc:
            raise self._refused(sparql, exc, update=True) from None
        self._post_update(self._rebuild_union())

    def _rebuild_union(self) -> str:
        union = ox.NamedNode(self.union_graph)
        skip = " && ".join([f"?g != {union}", *(f'!STRSTARTS(STR(?g), "{p}")' for p in self.system_graphs)])
        return (f"DROP SILENT GRAPH {union} ;\n"
                f"INSERT {{ GRAPH {union} {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({skip}) }}")

    def _post_update(self, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode()
        self._request("POST", self.update_endpoint, body=body, content_type=FORM)

    def _put_graph(self, graph: str, triples: list[Triple], *, replace: bool) -> None:
        name = ox.NamedNode(graph)
        if self.graph_store:
            if triples:
                self._request("PUT" if replace else "POST", self._graph_url(graph),
                              body=ntriples(triples).encode("utf-8"), content_type=NTRIPLES)
            elif replace:
                self._request("DELETE", self._graph_url(graph), ok_missing=True)
            return
        if replace:
            self._post_update(f"DROP SILENT GRAPH {name}")
        for start in range(0, len(triples), BATCH):
            chunk = ntriples(triples[start:start + BATCH])
            self._post_update(f"INSERT DATA {{ GRAPH {name} {{\n{chunk}}} }}")

    def _drop_from_union(self, triples: list[Triple]) -> None:
        """Take out of the union graph the triples that no other graph states any more."""
        union = ox.NamedNode(self.union_graph)
        # Virtuoso matches no language-tagged literal given in VALUES: those are written in the
        # triple patterns themselves, an operation each, many operations to a request
        tagged = [t for t in triples if isinstance(t[2], Literal) and t[2].language]
        plain = [t for t in triples if not (isinstance(t[2], Literal) and t[2].language)]
        for start in range(0, len(plain), BATCH):
            chunk = plain[start:start + BATCH]
            values = "".join(f"({to_ox(s)} {to_ox(p)} {to_ox(o)})\n" for s, p, o in chunk)
            self._post_update(
                f"DELETE {{ GRAPH {union} {{ ?s ?p ?o }} }} WHERE {{ VALUES (?s ?p ?o) {{\n{values}}}\n"
                f"GRAPH {union} {{ ?s ?p ?o }}\n"
                f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {union}) }} }}")
        operations = []
        for s, p, o in tagged:
            pattern = f"{to_ox(s)} {to_ox(p)} {to_ox(o)}"
            operations.append(f"DELETE {{ GRAPH {union} {{ {pattern} }} }} WHERE {{ GRAPH {union} {{ {pattern} }}\n"
                              f"FILTER NOT EXISTS {{ GRAPH ?g {{ {pattern} }} FILTER(?g != {union}) }} }}")
        for start in range(0, len(operations), BATCH // 10):
            self._post_update(" ;\n".join(operations[start:start + BATCH // 10]))

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]], *, drop: Iterable[str] = ()) -> None:
        new = {g: list(dict.fromkeys(triples)) for g, triples in graphs.items()}
        affected = list(dict.fromkeys([*new, *drop]))
        old = {(s, p, o) for g in affected for s, p, o, _ in self.quads(g)}
        added = list(dict.fromkeys(t for triples in new.values() for t in triples))
        for graph, triples in new.items():
            self._put_graph(graph, triples, replace=True)
        for graph in drop:
            if graph not in new:
                self._put_graph(graph, [], replace=True)
        self._put_graph(self.union_graph, added, replace=False)
        self._drop_from_union(list(old - set(added)))

    def load(self, path: str | Path, *, graph: str | None = None) -> int:
        """Add a file's quads; the triples of a file without graphs go to ``graph``, else to a graph
        named by the file's URI."""
        target = graph if graph is not None else Path(path).resolve().as_uri()
        grouped: dict[str, list[Triple]] = defaultdict(list)
        for quad in read_quads(path, graph=target):
            grouped[quad.graph_name.value].append(
                (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        before = self.count()
        for name, triples in grouped.items():
            self._put_graph(name, triples, replace=False)
        self._put_graph(self.union_graph, list(dict.fromkeys(t for ts in grouped.values() for t in ts)),
                        replace=False)
        return self.count() - before

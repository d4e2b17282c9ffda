"""kg from Python: build a knowledge graph of news articles, query it, draw it.

``kg.build`` reads articles (paths of files and folders, or the texts themselves) into a graph kept
in memory, or in a store when one is named; ``kg.open`` opens a store that ``kg build`` filled. A
``Graph`` answers SPARQL, takes more articles, forgets documents, writes itself to an RDF file,
draws its page, and hands itself to rdflib and networkx. The command line calls the same
functions (``kg.pipeline.store``).

    >>> import kg
    >>> g = kg.build(["Boris Johnson met Sergey Lavrov in Moscow on 5 March 2017."], jobs=1)
    >>> g.query("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name").rows
    [['Boris Johnson'], ['Sergey Lavrov']]
    >>> g.query("SELECT ?where ?when WHERE { ?e sem:hasPlace/rdfs:label ?where ; sem:hasTimeStamp ?when }").rows
    [['Moscow', '2017-03-05']]
    >>> g.add({"text": "Lavrov accused Britain of hypocrisy.", "date": "2017-03-06"}).changes.summary()
    '1 added, 0 built again, 0 removed; 4 graph(s) written, 0 dropped, 4 unchanged; 2 document(s) in the store'
    >>> g.query("SELECT ?who ?whom WHERE { ?e kg:source/rdfs:label ?who ; kg:target/rdfs:label ?whom ; "
    ...         "sem:eventType/skos:notation ?code . FILTER STRSTARTS(?code, '11') }").rows
    [['Sergey Lavrov', 'United Kingdom']]
    >>> sorted(g.stats().entities.items())
    [('Country', 1), ('Person', 2), ('Place', 1)]
"""

from __future__ import annotations

import html
import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.pipeline.store import HeldStore, Input, Place, StoreRef

if TYPE_CHECKING:
    import networkx
    import pandas
    import rdflib

    from kg.errors import InputError
    from kg.pipeline.store import Dumped, Removal, StoreBuild
    from kg.query.sparql import Rows as QueryRows
    from kg.viz.analysis import Summary

__all__ = ["Graph", "Rows", "build", "open"]

FRAME_HEIGHT = 640  # pixels: the page inline in a notebook


class Rows:
    """The answer to a query: ``variables``, then one row of strings (``None`` where unbound) per
    solution; iterating gives each row as a tuple. ``to_dataframe`` makes a pandas DataFrame.

    >>> rows = open("memory").query("SELECT ?n WHERE { VALUES ?n { 1 2 } }")
    >>> rows.variables, list(rows), len(rows)
    (['n'], [('1',), ('2',)], 2)
    """

    def __init__(self, result: QueryRows) -> None:
        self.result = result

    @property
    def variables(self) -> list[str]:
        return self.result.variables

    @property
    def rows(self) -> list[list[str | None]]:
        return self.result.rows

    @property
    def terms(self) -> list[list[Any]]:
        """The rows as rdflib terms."""
        return self.result.terms

    @property
    def boolean(self) -> bool | None:
        """The answer to an ASK query (None for other queries)."""
        return self.result.boolean

    def __len__(self) -> int:
        return len(self.result.rows)

    def __iter__(self) -> Iterator[tuple[str | None, ...]]:
        return (tuple(row) for row in self.result.rows)

    def __getitem__(self, index: int) -> tuple[str | None, ...]:
        return tuple(self.result.rows[index])

    def __bool__(self) -> bool:
        return bool(self.result.boolean) if self.result.boolean is not None else bool(self.result.rows)

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame, a column per variable: IRIs and text as strings, numbers
        and booleans as Python values, dates as their ISO text (``2016-09-19``, ``2016-09``), None
        where a variable is unbound. ImportError where pandas is not installed (``pip install kg[notebook]``).

        >>> open("memory").query("SELECT ?n ?s WHERE { VALUES (?n ?s) { (21 'Aleppo') } }").to_dataframe()
            n       s
        0  21  Aleppo
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Rows.to_dataframe needs pandas: pip install pandas (or kg[notebook])") from None
        return pd.DataFrame([[_python_value(t) for t in row] for row in self.result.terms], columns=self.variables)

    def __repr__(self) -> str:
        from kg.query.sparql import to_table

        return to_table(self.result)


def _python_value(term: Any) -> Any:
    """A term as a DataFrame cell: numbers and booleans as Python values, everything else as its text."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double,
                                                       XSD.float, XSD.boolean, XSD.nonNegativeInteger):
        value = term.toPython()
        return value if isinstance(value, (int, float, bool)) else float(value)
    return str(term)


class Graph:
    """A knowledge graph kept in a store: in memory (``kg.build`` without a store), in an Oxigraph
    directory, or on a SPARQL server. Made by ``kg.build`` and ``kg.open``.

    A directory store is opened for each call and locked while it is (shared by readers), so other
    kg processes may use it in between. In a notebook, a Graph shows itself as its interactive page.
    """

    def __init__(self, place: Place) -> None:
        self.place = place

    @property
    def store(self) -> str:
        """The store: a directory, a SPARQL endpoint URL, or ``memory``."""
        return self.place.name

    def __repr__(self) -> str:
        return f"<kg.Graph {self.store}>"

    def __len__(self) -> int:
        """The number of triples in the union of the documents' graphs (each fact once)."""
        return int(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0] or 0)

    @property
    def documents(self) -> list[str]:
        """The doc ids of the documents built into the store (their URL, or the SHA-1 of their text)."""
        return sorted(self.place.known().entries)

    # --- reading
    def query(self, sparql: str | os.PathLike[str]) -> Rows:
        """Run a SPARQL query (its text, or the path of a ``.rq`` file) over the union of the documents'
        graphs, with kg's prefixes declared. QueryError for a query that does not parse or fails.

        >>> open("memory").query("ASK { ?s ?p ?o }").boolean
        False
        """
        from kg.query.sparql import read_query

        text = read_query(os.fspath(sparql))
        with self.place.reading() as store:
            return Rows(store.query(text))

    def to_rdflib(self) -> rdflib.Dataset:
        """The graph as an rdflib Dataset: a named graph per document and per record, queried as their union."""
        from kg.graph.vocab import PREFIXES

        with self.place.reading() as store:
            ds = store.dataset()
        ds.default_union = True
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        return ds

    def to_networkx(self) -> networkx.MultiDiGraph:
        """The actors and events as a networkx MultiDiGraph (the graph behind ``stats`` and the page):
        a node per entity and event with its label, kind and sentences; an edge per role (source,
        target, place, claimed by) and per membership and post."""
        from kg.pipeline.store import union_graph
        from kg.viz.analysis import story_graph

        return story_graph(union_graph(self.place))

    def stats(self, *, top: int = 10, seed: int | None = None) -> Summary:
        """What ``kg stats`` prints: the ``top`` most central actors, the communities (Louvain, with
        ``seed``), the events by CAMEO root category and by QuadClass, the counts of entities.

        >>> open("memory").stats().events
        0
        """
        from kg.viz import analysis

        return analysis.summarize(self.to_networkx(), top=top, seed=analysis.DEFAULT_SEED if seed is None else seed)

    # --- writing
    def add(self, paths_or_texts: Input | Iterable[Input], *, jobs: int | None = None, model: str | None = None,
            fail_fast: bool = False, reparse: bool = False, progress: bool = False,
            scheduler: str | None = None) -> StoreBuild:
        """Add articles: paths of files and folders (.txt, .html, .jsonl), texts, or mappings with a
        ``text`` and its ``title``, ``date``, ``url``. A str is a text when it names no file or folder and
        holds a space or a line break (give a ``pathlib.Path`` to be sure). Articles the store holds
        with the same text are not parsed again (unless ``reparse``); the whole corpus is resolved
        again, so a new article can settle who a name in an old one was.

        ``jobs`` worker processes parse (default: every core); ``scheduler`` is the address of a
        Dask scheduler to parse on instead. An input that cannot be read is named in a warning and
        skipped (raised with ``fail_fast``); when none can be read, nothing is written (KgError).
        Returns what the build did (``.summary()`` says it as ``kg build`` does).
        """
        from kg.pipeline.store import build_into

        return build_into(self.place, paths_or_texts, model=model, jobs=jobs, fail_fast=fail_fast, reparse=reparse,
                          count=True, progress=progress, on_error=_warn, scheduler=scheduler)

    def remove(self, doc: str, *more: str) -> Removal:
        """Retract documents, each named by its doc id (URL, or SHA-1 of its text), its text, a source
        file or folder, or its document IRI; the rest is resolved again, so entities and events that
        other documents mention stay. A name that matches no document is named in a warning."""
        from kg.ids import sha1
        from kg.pipeline.store import _is_text, remove

        names = [sha1(d) if isinstance(d, str) and _is_text(d) else str(d) for d in (doc, *more)]
        removal = remove(self.place, names)
        for name in removal.missing:
            warnings.warn(f"{name}: no such document in {self.store}", stacklevel=2)
        return removal

    def write(self, path: str | os.PathLike[str]) -> Dumped:
        """Write the graph to an RDF file; its extension picks the format: .nq, .trig, .jsonld (a
        named graph per document and per record), .ttl, .nt (their union). Returns what was written (``.count``
        quads or triples, ``.unit``).

        >>> import tempfile
        >>> open("memory").write(Path(tempfile.mkdtemp()) / "graph.ttl").unit
        'triples'
        """
        from kg.pipeline.store import dump

        return dump(self.place, path)

    def html(self, *, title: str | None = None) -> str:
        """The interactive page of the graph: one HTML document that works offline."""
        from kg.pipeline.store import union_graph
        from kg.viz.page import render

        return render(union_graph(self.place), title=title)

    def page(self, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
        """Write the interactive page of the graph to ``path`` (open it from disk, offline)."""
        from kg.files import write_atomic

        write_atomic(path, self.html(title=title))
        return Path(path)

    def _repr_html_(self) -> str:
        """The page inline in a notebook: the same offline page, in a sandboxed iframe (its scripts
        run, without the notebook's origin)."""
        from kg.pipeline.store import PAGE_LIMIT

        with self.place.reading() as store:
            quads = store.count()
        if quads > PAGE_LIMIT:
            return (f"<p>{html.escape(repr(self))}: {quads} quads, more than the page draws ({PAGE_LIMIT}); "
                    "<code>kg viz</code> draws a file of a part of them.</p>")
        return (f'<iframe srcdoc="{html.escape(self.html(), quote=True)}" sandbox="allow-scripts" '
                f'title="{html.escape(repr(self))}" '
                f'style="width: 100%; height: {FRAME_HEIGHT}px; border: 1px solid #ccc"></iframe>')


def _warn(exc: InputError) -> None:
    warnings.warn(str(exc), stacklevel=4)


def build(paths_or_texts: Input | Iterable[Input], store: str | os.PathLike[str] | None = None, *,
          jobs: int | None = None, model: str | None = None, fail_fast: bool = False, reparse: bool = False,
          progress: bool = False, scheduler: str | None = None, lock_timeout: float = 60.0,
          graph_store: str | None = None, update_endpoint: str | None = None, catalog: str | None = None) -> Graph:
    """Build the knowledge graph of articles (see ``Graph.add`` for what they may be and for the
    options): in memory when ``store`` is None, else into that store (a directory, created when
    missing, or a SPARQL endpoint URL with ``graph_store``, ``update_endpoint`` and ``catalog`` as
    for ``kg build``), which keeps what it held: building a document again replaces its graph.
    """
    graph = Graph(HeldStore() if store is None else StoreRef(
        str(store), lock_timeout=lock_timeout, graph_store=graph_store, update_endpoint=update_endpoint,
        catalog=catalog))
    graph.add(paths_or_texts, jobs=jobs, model=model, fail_fast=fail_fast, reparse=reparse, progress=progress,
              scheduler=scheduler)
    return graph


def open(store: str | os.PathLike[str], *, lock_timeout: float = 60.0, graph_store: str | None = None,
         update_endpoint: str | None = None, catalog: str | None = None) -> Graph:  # noqa: A001 (kg.open)
    """The graph in a store: a directory that ``kg build`` or ``kg.build`` filled, a SPARQL 1.1
    endpoint URL (``graph_store``, ``update_endpoint`` and ``catalog`` as for ``kg build``), or
    ``memory`` for a new empty graph. StoreError when a directory is not a kg store.

    >>> open("memory")
    <kg.Graph memory>
    """
    spec = str(store)
    if spec == "memory":
        return Graph(HeldStore())
    ref = StoreRef(spec, lock_timeout=lock_timeout, graph_store=graph_store, update_endpoint=update_endpoint,
                   catalog=catalog)
    if not spec.startswith(("http://", "https://")):
        ref.open().close()  # a missing or foreign directory fails here, not at the first query
    return Graph(ref)

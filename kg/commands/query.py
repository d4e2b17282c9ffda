"""kg query: SPARQL over a graph file or a store."""

from __future__ import annotations

import argparse
import sys

from kg.commands._store import add_store_options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "query", help="run a SPARQL query over a graph file or a store",
        description="Run a SPARQL query (text or a .rq file) over a graph file, or over a store: the one "
                    "--store names, else kg-out/store when no file is given. The default graph is the union "
                    "of the documents' graphs. kg's prefixes (kg, kgr, cameo, schema, sem, org, prov, skos, "
                    "dcterms, rdfs, xsd) are declared for you.",
        epilog='examples:\n  kg query graph.ttl examples/queries/posts.rq\n'
               '  kg query --store kg-out/store "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"\n'
               '  kg query --store http://localhost:8890/sparql examples/queries/posts.rq --format json\n'
               '  kg query graph.ttl "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name }" '
               '--format csv',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("args", nargs="+", metavar="[GRAPH] QUERY",
                   help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld), then SPARQL text or a .rq file")
    p.add_argument("--format", choices=["table", "csv", "json", "tsv"], default=None,
                   help="output format (default: table on a terminal, csv otherwise)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="stop the query after this many seconds (exit code 2)")
    add_store_options(p, writes=False)
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.errors import QueryError
    from kg.query import sparql as query

    if len(args.args) > 2 or (len(args.args) == 2 and args.store is not None):
        raise QueryError("give a graph file and a query, or --store and a query")
    if len(args.args) == 1 and args.args[0].lower().endswith((".ttl", ".nt", ".nq", ".trig", ".jsonld")):
        raise QueryError(f"{args.args[0]}: a graph file, but no query after it")
    text = query.read_query(args.args[-1])
    if args.timeout is not None and args.timeout <= 0:
        raise QueryError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    if len(args.args) == 2:
        rows = query_file(args.args[0], text, timeout=args.timeout)
    else:
        from kg.commands._store import store_ref

        with store_ref(args).reading() as store:
            rows = store.query(text) if args.timeout is None else _bounded(lambda: store.query(text), args.timeout)
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    out = query.FORMATTERS[fmt](rows)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def _bounded(work, timeout: float):
    """``work()`` with a time limit, for stores whose query engine cannot be interrupted from Python
    (Oxigraph runs in native code): the query runs in a daemon thread, and when the time is up the
    command reports it; the process then exits and the query with it."""
    import threading

    from kg.errors import QueryTimeout

    result: dict = {}

    def target() -> None:
        try:
            result["rows"] = work()
        except BaseException as exc:  # handed to the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryTimeout(f"the query ran over its time limit of {timeout:g} s and was stopped")
    if "error" in result:
        raise result["error"]
    return result["rows"]


def query_file(path: str, text: str, *, timeout: float | None = None):
    from kg.errors import QueryError
    from kg.graph.rdf import read_graph
    from kg.query import sparql as query

    query.check(text)
    try:
        graph = read_graph(path)
    except FileNotFoundError:
        raise QueryError(f"{path}: no such graph file") from None
    except ValueError as exc:  # names the file and what is wrong with it
        raise QueryError(str(exc)) from None
    return query.run(graph, text, timeout=timeout)

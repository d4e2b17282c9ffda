"""kg query: SPARQL over a graph."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "query", help="run a SPARQL query over a graph",
        description="Run a SPARQL query (text or a .rq file) over a graph file. kg's prefixes (kg, kgr, "
                    "cameo, schema, sem, org, prov, skos, dcterms, rdfs, xsd) are declared for you.",
        epilog='examples:\n  kg query graph.ttl examples/queries/posts.rq\n'
               '  kg query graph.ttl "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name }" '
               '--format csv',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("graph", metavar="GRAPH", help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld)")
    p.add_argument("query", metavar="QUERY", help="SPARQL text or a .rq file")
    p.add_argument("--format", choices=["table", "csv", "json", "tsv"], default=None,
                   help="output format (default: table on a terminal, csv otherwise)")
    p.set_defaults(run=run)


def run(args) -> int:
    from kg import query
    from kg.errors import QueryError
    from kg.rdf import read_graph

    text = query.read_query(args.query)
    query.check(text)
    try:
        graph = read_graph(args.graph)
    except FileNotFoundError:
        raise QueryError(f"{args.graph}: no such graph file") from None
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"{args.graph}: cannot read the graph: {exc}") from None
    rows = query.run(graph, text)
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    out = query.FORMATTERS[fmt](rows)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0

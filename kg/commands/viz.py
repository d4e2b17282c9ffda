"""kg viz: the interactive graph page."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser(
        "viz",
        help="draw a graph as an interactive HTML page that works offline",
        description="Write an interactive page of a graph's actors and events: one HTML file that opens from "
        "disk in a browser and makes no request. Two views (actors and events; who did what to "
        "whom), search, filters by type, CAMEO category, date and document, and the sentences "
        "behind every node.",
        epilog="example:\n  kg viz graph.ttl -o graph.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("graph", metavar="GRAPH", help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld)")
    p.add_argument(
        "-o", "--output", default="graph.html", metavar="HTML", help="the page to write (default: graph.html)"
    )
    p.add_argument("--title", help="the page's title (default: from the documents)")
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.graph.rdf import read_graph, union
    from kg.viz.page import write_page

    write_page(union(read_graph(args.graph)), args.output, title=args.title)
    print(f"wrote {args.output}")
    return 0

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
    p.add_argument(
        "--budget",
        type=int,
        default=None,
        metavar="N",
        help="above N linked nodes, open on an overview of N nodes: the most central actors and their "
        "events (default: 300)",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.rdf import read_graph, union
    from kg.viz import BUDGET, write_page

    budget = BUDGET if args.budget is None else args.budget
    write_page(union(read_graph(args.graph)), args.output, title=args.title, budget=budget)
    print(f"wrote {args.output}")
    return 0

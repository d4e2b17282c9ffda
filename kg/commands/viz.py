"""kg viz: the interactive graph page."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser(
        "viz", help="draw a graph as an interactive HTML page that works offline",
        description="Write an interactive, self-contained HTML page of a graph's actors and events.",
        epilog="example:\n  kg viz graph.ttl -o graph.html", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("-o", "--output", default="graph.html", metavar="HTML")
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.rdf import read_graph, union
    from kg.viz import write_page

    write_page(union(read_graph(args.graph)), args.output)
    print(f"wrote {args.output}")
    return 0

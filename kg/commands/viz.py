"""kg viz: the interactive graph page."""

from __future__ import annotations

import argparse

from kg.commands._store import add_graph_or_store


def add_parser(sub) -> None:
    p = sub.add_parser(
        "viz",
        help="draw a graph as an interactive HTML page that works offline",
        description="Write an interactive page of a graph's actors and events: one HTML file that opens from "
        "disk in a browser and makes no request. Two views (actors and events; who did what to "
        "whom), search, filters by type, CAMEO category, date and document, and the sentences "
        "behind every node.",
        epilog="examples:\n  kg viz graph.ttl -o graph.html\n  kg viz --store /data/news-store -o news.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_graph_or_store(p)
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
    from kg.commands._store import read_union
    from kg.viz.page import BUDGET, write_page

    graph, _ = read_union(args)
    budget = BUDGET if args.budget is None else args.budget
    write_page(graph, args.output, title=args.title, budget=budget)
    print(f"wrote {args.output}")
    return 0

"""kg stats: who matters in a graph, which groups form, what kinds of event it holds."""

from __future__ import annotations

import argparse
import json
import sys

from kg.commands._store import add_graph_or_store


def add_parser(sub) -> None:
    p = sub.add_parser(
        "stats",
        help="print the most central actors, the communities and counts of events by CAMEO category",
        description="Analyse a graph with networkx: the actors most central in the actor network (degree "
        "centrality; actors are linked when one acted on the other in an event, or belongs to "
        "the other), its communities (Louvain, with a fixed seed), and the events by CAMEO root "
        "category and by QuadClass.",
        epilog="examples:\n  kg stats                                  the store kg-out/store\n"
               "  kg stats graph.ttl --top 20 --format json\n  kg stats --store /data/news-store",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_graph_or_store(p)
    p.add_argument(
        "--top", type=int, default=10, metavar="N", help="how many central actors to list (default: 10)"
    )
    p.add_argument(
        "--seed", type=int, default=None, metavar="N", help="seed of the Louvain method (default: 42)"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def _table(rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def format_text(summary, name: str) -> str:
    kinds = ", ".join(f"{n} {k.lower()}" for k, n in sorted(summary.entities.items()))
    out = [
        f"{name}: {summary.documents} documents, {sum(summary.entities.values())} entities "
        f"({kinds or 'none'}), {summary.events} events",
        "",
    ]
    out.append("Most central actors (degree centrality in the actor network)")
    if summary.central:
        rows = [["#", "actor", "kind", "centrality", "partners", "events"]]
        rows += [
            [str(i), r.label, r.kind, f"{r.centrality:.3f}", str(r.partners), str(r.events)]
            for i, r in enumerate(summary.central, 1)
        ]
        out += _table(rows, right={0, 3, 4, 5})
    else:
        out.append("  none: no actor takes part in an event or deals with another")
    out += ["", f"Communities (Louvain, seed {summary.seed})"]
    if summary.communities:
        for i, members in enumerate(summary.communities, 1):
            out.append(f"  {i:>2}. ({len(members)}) " + ", ".join(label for _, label in members))
    else:
        out.append("  none")
    out += ["", "Events by CAMEO root category"]
    out += (
        _table([["code", "category", "events"]] + [[c, n, str(k)] for c, n, k in summary.by_root], right={2})
        if summary.by_root
        else ["  none"]
    )
    out += ["", "Events by QuadClass"]
    out += (
        _table([["QuadClass", "events"]] + [[n, str(k)] for _, n, k in summary.by_quad], right={1})
        if summary.by_quad
        else ["  none"]
    )
    return "\n".join(out) + "\n"


def run(args) -> int:
    from kg.commands._store import read_union
    from kg.viz import analysis

    if args.top < 0:
        raise ValueError("--top must not be negative")
    graph, name = read_union(args)
    seed = analysis.DEFAULT_SEED if args.seed is None else args.seed
    summary = analysis.summarize(analysis.story_graph(graph), top=args.top, seed=seed)
    if args.format == "json":
        sys.stdout.write(json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(summary, name))
    return 0

"""kg validate: check a graph against kg's SHACL shapes."""

from __future__ import annotations

import argparse
import sys

from kg.commands._store import add_graph_or_store


def add_parser(sub) -> None:
    p = sub.add_parser(
        "validate", help="check a graph against the SHACL shapes of ontology/shapes.ttl",
        description="Validate a graph with pyshacl against kg's shapes (with RDFS inference over the ontology). "
                    "Exit code 0 when it conforms, 1 when it does not.",
        epilog="examples:\n  kg validate graph.ttl\n  kg validate                               the store kg-out/store",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_graph_or_store(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.commands._store import read_union
    from kg.graph.validate import validate

    graph, name = read_union(args)
    report = validate(graph)
    if report.conforms:
        print(f"{name}: conforms to kg's shapes")
        return 0
    sys.stdout.write(report.text)
    return 1

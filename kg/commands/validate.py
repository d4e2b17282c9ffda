"""kg validate: check a graph against kg's SHACL shapes."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "validate", help="check a graph against the SHACL shapes of ontology/shapes.ttl",
        description="Validate a graph with pyshacl against kg's shapes (with RDFS inference over the ontology). "
                    "Exit code 0 when it conforms, 1 when it does not.",
        epilog="example:\n  kg validate graph.ttl", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("graph", metavar="GRAPH")
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.graph.rdf import read_graph, union
    from kg.graph.validate import validate

    report = validate(union(read_graph(args.graph)))
    if report.conforms:
        print(f"{args.graph}: conforms to kg's shapes")
        return 0
    sys.stdout.write(report.text)
    return 1

"""kg load: bulk-load an RDF dump into a store."""

from __future__ import annotations

import argparse
import sys

from kg.commands._store import add_store_options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "load", help="bulk-load RDF files (a dump) into a store",
        description="Add the quads of RDF files to a store (created when missing): .nq, .trig and .jsonld keep "
                    "their named graphs; the triples of .ttl and .nt go to the default graph, or to --graph. "
                    "Into an Oxigraph store, a load is all or nothing.",
        epilog="examples:\n  kg load dump.nq --store kg-out/store\n"
               "  kg load graph.ttl --graph https://w3id.org/kg/id/import/2017 --store http://localhost:8890/sparql "
               "--graph-store http://localhost:8890/sparql-graph-crud",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="RDF files (.nq, .trig, .ttl, .nt, .jsonld)")
    p.add_argument("--graph", metavar="IRI", default=None, help="the named graph for files of triples")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    add_store_options(p, writes=True)
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.commands._store import store_ref
    from kg.pipeline.store import load

    loaded = load(store_ref(args), args.files, graph=args.graph)
    if not args.quiet:
        print(loaded.summary(), file=sys.stderr)
    return 0

"""kg load: bulk-load an RDF dump into a store."""

from __future__ import annotations

import argparse
import sys
import time

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
    from kg.commands._store import store_spec, writing
    from kg.store.files import ox_format

    for path in args.files:
        ox_format(path)  # an unknown extension fails before any work
    started = time.perf_counter()
    with writing(args) as (store, catalog):
        # loaded quads may land in graphs that builds wrote: those are no longer vouched for
        catalog.forget_hashes()
        catalog.save()
        added = sum(store.load(path, graph=args.graph) for path in args.files)
        total = store.count()
    if not args.quiet:
        print(f"loaded {added} new quads from {len(args.files)} file(s) into {store_spec(args)} "
              f"({total} quads in all) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0

"""kg dump: a store to an RDF file."""

from __future__ import annotations

import argparse
import sys

from kg.commands._store import add_store_options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "dump", help="write a store to an RDF file",
        description="Write every quad of a store to a file; the extension picks the format: .nq, .trig and "
                    ".jsonld keep the named graph of each document (kg load reads them back as they were); "
                    ".ttl and .nt hold the union of the graphs, each triple once. Says how many quads or "
                    "triples it wrote.",
        epilog="examples:\n  kg dump -o backup.nq\n  kg dump --store http://localhost:8890/sparql "
               "--graph-store http://localhost:8890/sparql-graph-crud -o all.trig",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    add_store_options(p, writes=False)
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.commands._store import store_ref
    from kg.pipeline.store import dump

    dumped = dump(store_ref(args), args.output)
    if not args.quiet:
        print(dumped.summary(), file=sys.stderr)
    return 0

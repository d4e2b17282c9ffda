"""kg build: articles to a knowledge graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.nlp import DEFAULT_MODEL

DEFAULT_DIR = Path("kg-out")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build", help="read articles and write their knowledge graph",
        description="Read news articles (.txt, .html, .jsonl with text/title/date/url) from files or folders "
                    "and write their knowledge graph. The extension of OUT picks the format: .ttl, .nt, "
                    ".nq/.trig (one named graph per document), .jsonld. Without -o, writes graph.ttl and "
                    "graph.html into ./kg-out/.",
        epilog="example:\n  kg build examples/ -o graph.ttl --html graph.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-o", "--output", metavar="OUT", help="the RDF file to write (default: kg-out/graph.ttl)")
    p.add_argument("--html", metavar="HTML", help="also write the interactive graph page here")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model to use (default: {DEFAULT_MODEL})")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first input that cannot be read")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(run=run)


def run(args) -> int:
    from kg import rdf
    from kg.files import write_atomic
    from kg.pipeline import build

    output = Path(args.output) if args.output else DEFAULT_DIR / "graph.ttl"
    html = Path(args.html) if args.html else (DEFAULT_DIR / "graph.html" if not args.output else None)
    rdf.format_for(output)  # an unknown extension fails before any work

    def report(exc) -> None:
        print(f"kg: error: {exc}", file=sys.stderr)

    ds, stats = build(args.paths, model=args.model, fail_fast=args.fail_fast,
                      progress=not args.quiet and sys.stderr.isatty(), on_error=report)
    if stats.documents == 0:
        print("kg: error: no article could be read; nothing written", file=sys.stderr)
        return 1
    write_atomic(output, rdf.serialize(ds, output))
    if html is not None:
        from kg.viz import write_page

        write_page(rdf.union(ds), html)
    if not args.quiet:
        print(stats.summary(), file=sys.stderr)
        print(f"wrote {output}" + (f" and {html}" if html else ""), file=sys.stderr)
    return 1 if stats.errors else 0

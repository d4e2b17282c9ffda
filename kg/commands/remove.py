"""kg remove: retract documents from a store (corrections and takedowns)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands._store import add_store_options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "remove", help="retract documents' facts from a store",
        description="Remove documents from a store: each DOC is a doc id (the URL, or the SHA-1 of the text), "
                    "a source file or folder (every article read from it), or a document IRI. The rest of the "
                    "corpus is resolved again, so entities and events that other documents mention stay, with "
                    "the mentions that remain.",
        epilog="examples:\n  kg remove examples/articles/johnson-to-visit-russia-2017-03-05.txt\n"
               "  kg remove https://www.example.com/news/2017/03/05/johnson --store /data/news-store",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("docs", nargs="+", metavar="DOC", help="doc id, source file or folder, or document IRI")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    add_store_options(p, writes=True)
    p.set_defaults(run=run)


def matches(doc: str, catalog) -> set[str]:
    """The doc ids of the catalog that ``doc`` names: a doc id, a document IRI, a source, or a file
    or folder (by its path, and by the articles it holds now)."""
    from kg.ingest import load

    if doc in catalog:
        return {doc}
    entries = catalog.entries.values()
    found = {e.doc_id for e in entries if e.graph == doc or e.source == doc or e.source.startswith(doc + ":")}
    path = Path(doc)
    if path.exists():
        resolved = path.resolve()
        found |= {e.doc_id for e in entries
                  if e.path is not None and (Path(e.path) == resolved or resolved in Path(e.path).parents)}
        found |= {a.doc_id for a in load.read_articles([path], on_error=lambda exc: None)} & set(catalog.entries)
    return found


def run(args) -> int:
    from kg.commands._store import store_spec, writing
    from kg.pipeline.incremental import update

    spec = store_spec(args)
    missing: list[str] = []
    with writing(args, create=False) as (store, catalog):
        doc_ids: set[str] = set()
        orphans: list[str] = []  # graphs in the store that no build of this catalog wrote (kg load)
        for doc in args.docs:
            found = matches(doc, catalog)
            if not found and doc.startswith(("http://", "https://")) and doc in store.graphs():
                orphans.append(doc)
            elif not found:
                missing.append(doc)
            doc_ids |= found
        if orphans:
            store.replace_graphs({}, drop=orphans)
        changes = update(store, catalog, remove=sorted(doc_ids)) if doc_ids else None
    for doc in missing:
        print(f"kg: error: {doc}: no such document in {spec}", file=sys.stderr)
    if not args.quiet and (changes is not None or orphans):
        if orphans:
            print(f"dropped {len(orphans)} graph(s) that were loaded, not built", file=sys.stderr)
        if changes is not None:
            print(f"store      {spec}: {changes.summary()}", file=sys.stderr)
    return 1 if missing else 0

"""kg remove: retract documents from a store (corrections and takedowns)."""

from __future__ import annotations

import argparse
import sys

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


def run(args) -> int:
    from kg.commands._store import store_ref
    from kg.pipeline.store import remove

    removal = remove(store_ref(args), args.docs)
    for doc in removal.missing:
        print(f"kg: error: {doc}: no such document in {removal.store}", file=sys.stderr)
    if not args.quiet and removal.summary():
        print(removal.summary(), file=sys.stderr)
    return 1 if removal.missing else 0

"""The --store option and its companions, shared by the commands that use a store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STORE_HELP = ("DIR (an Oxigraph store; default: kg-out/store), a SPARQL endpoint URL, or 'memory'")


def add_store_options(p: argparse.ArgumentParser, *, writes: bool) -> None:
    from kg.store import DEFAULT_DIR

    p.add_argument("--store", metavar="DIR|URL|memory", default=None,
                   help=STORE_HELP.replace("default: kg-out/store", f"default: {DEFAULT_DIR}"))
    p.add_argument("--lock-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="how long to wait for another kg process using the store (default: 60)")
    remote = p.add_argument_group("remote stores (a SPARQL 1.1 server)")
    remote.add_argument("--graph-store", metavar="URL", default=None,
                        help="its Graph Store HTTP Protocol address (Virtuoso: http://HOST:8890/sparql-graph-crud)")
    if writes:
        remote.add_argument("--update-endpoint", metavar="URL", default=None,
                            help="its SPARQL Update address, when not the query endpoint's")
        remote.add_argument("--catalog", metavar="DIR", default=None,
                            help="where kg keeps what each document said, for incremental builds "
                                 "(default: kg-out/catalogs/HOST-PORT-PATH)")


def store_spec(args: argparse.Namespace) -> str:
    from kg.store import DEFAULT_DIR

    return args.store if args.store is not None else str(DEFAULT_DIR)


def open_from_args(args: argparse.Namespace, *, writable: bool = False, create: bool = False):
    from kg.store import open_store

    return open_store(store_spec(args), writable=writable, create=create, lock_timeout=args.lock_timeout,
                      update_endpoint=getattr(args, "update_endpoint", None), graph_store=args.graph_store)


@contextmanager
def writing(args: argparse.Namespace, *, create: bool = True) -> Iterator[tuple]:
    """The store open for writing and its catalog, both locked for this process."""
    from kg.store import catalog_root, is_remote
    from kg.store.catalog import Catalog
    from kg.store.lock import DirLock

    spec = store_spec(args)
    root = catalog_root(spec, getattr(args, "catalog", None))
    lock = None
    if root is not None and is_remote(spec):  # a directory store's own lock covers its catalog
        root.mkdir(parents=True, exist_ok=True)
        lock = DirLock(root / "lock", name=str(root), shared=False, timeout=args.lock_timeout)
        lock.acquire()
    try:
        with open_from_args(args, writable=True, create=create) as store:
            yield store, Catalog(root, name=f"{spec} (catalog {root})" if root is not None else spec)
    finally:
        if lock is not None:
            lock.release()


def known_documents(args: argparse.Namespace):
    """The catalog as it is now, read without the lock (its index is replaced atomically)."""
    from kg.store import catalog_root
    from kg.store.catalog import Catalog

    root = catalog_root(store_spec(args), getattr(args, "catalog", None))
    return Catalog(root if root is not None and root.exists() else None)


def page_beside(spec: str) -> Path | None:
    """The graph page kept beside a directory store: kg-out/graph.html for kg-out/store."""
    from kg.store import is_remote

    if spec == "memory" or is_remote(spec):
        return None
    return Path(spec).parent / "graph.html"

"""The --store option and its companions, shared by the commands that use a store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.pipeline.store import StoreRef

# kg.store.DEFAULT_DIR, spelt out so that building the parser imports no store code (kg --help)
STORE_HELP = "DIR (an Oxigraph store; default: kg-out/store), a SPARQL endpoint URL, or 'memory'"


def add_store_options(p: argparse.ArgumentParser, *, writes: bool) -> None:
    p.add_argument("--store", metavar="DIR|URL|memory", default=None, help=STORE_HELP)
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


def store_ref(args: argparse.Namespace) -> StoreRef:
    """The store the arguments name (kg-out/store unless --store), with the options to open it."""
    from kg.pipeline.store import StoreRef

    return StoreRef(store_spec(args), lock_timeout=args.lock_timeout, graph_store=args.graph_store,
                    update_endpoint=getattr(args, "update_endpoint", None), catalog=getattr(args, "catalog", None))


def add_graph_or_store(p: argparse.ArgumentParser) -> None:
    """A graph file, or --store (kg-out/store when neither is given): for the commands that read a graph."""
    p.add_argument("graph", metavar="GRAPH", nargs="?", default=None,
                   help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) or a store directory; "
                        "without it, the store of --store")
    add_store_options(p, writes=False)


def read_union(args: argparse.Namespace):
    """The union graph of the file or the store the arguments name (an rdflib Graph), and its name."""
    from kg.errors import StoreError

    if args.graph is not None and args.store is not None:
        raise StoreError("give either a graph file or --store, not both")
    if args.graph is not None and Path(args.graph).is_dir():  # kg stats kg-out/store: a store, not a file
        args.store, args.graph = args.graph, None
    if args.graph is not None:
        from kg.graph.rdf import read_graph, union

        return union(read_graph(args.graph)), args.graph
    from kg.pipeline.store import union_graph

    ref = store_ref(args)
    return union_graph(ref), ref.name

"""Stores behind one small interface (``kg.store.base.Store``), chosen by a spec string:

    DIR                      an embedded, persistent Oxigraph store in a directory (the default)
    memory                   rdflib's in-memory Dataset: for tiny jobs and tests
    http(s)://HOST/sparql    a remote SPARQL 1.1 server (Query, Update, Graph Store HTTP Protocol)

    >>> with open_store("memory") as store:
    ...     store.update("INSERT DATA { GRAPH kgr:g { kgr:a rdfs:label 'a' } }")
    ...     store.query("SELECT ?x WHERE { ?x rdfs:label 'a' }").rows
    [['https://w3id.org/kg/id/a']]
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.store.base import ResultLimitError, Store

DEFAULT_DIR = Path("kg-out") / "store"
MEMORY = "memory"

__all__ = ["DEFAULT_DIR", "MEMORY", "ResultLimitError", "Store", "catalog_root", "is_remote", "open_store"]


def is_remote(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def open_store(spec: str | Path, *, writable: bool = False, create: bool = False, lock_timeout: float = 60.0,
               update_endpoint: str | None = None, graph_store: str | None = None,
               timeout: float = 300.0) -> Store:
    """Open the store ``spec`` names. A directory store is locked while open: shared for readers,
    exclusive for a writer (waiting up to ``lock_timeout`` seconds). ``create`` makes a new
    directory store. StoreError when it cannot be opened."""
    text = str(spec)
    if text == MEMORY:
        from kg.store.memory import MemoryStore

        return MemoryStore()
    if is_remote(text):
        from kg.store.sparql import SparqlStore

        return SparqlStore(text, update_endpoint=update_endpoint, graph_store=graph_store, timeout=timeout)
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(Path(text), writable=writable, create=create, lock_timeout=lock_timeout)


def catalog_root(spec: str | Path, catalog: str | Path | None = None) -> Path | None:
    """Where the catalog of the store ``spec`` lives: inside a directory store; for a remote store,
    ``catalog`` or ``kg-out/catalogs/<host-port-path>``; nowhere (in memory) for the memory store."""
    text = str(spec)
    if catalog is not None:
        return Path(catalog)
    if text == MEMORY:
        return None
    if is_remote(text):
        slug = re.sub(r"[^A-Za-z0-9.]+", "-", text.split("://", 1)[1]).strip("-")
        return Path("kg-out") / "catalogs" / slug
    return Path(text) / "catalog"

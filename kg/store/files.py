"""RDF files in and out of stores, parsed and written by pyoxigraph (much faster than rdflib).

The extension names the format, as for ``kg build -o``: .nq, .trig, .jsonld (one named graph
per document), .ttl, .nt (the union of the graphs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.files import write_atomic
from kg.graph.vocab import PREFIXES
from kg.store.terms import Quad, to_ox

# kg.graph.rdf.FORMATS' names of formats, as pyoxigraph's
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}
PREFIX_MAP = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def ox_format(path: str | Path) -> ox.RdfFormat:
    """The RDF format of ``path`` by its extension, as for ``kg build -o``; StoreError for one kg does not know."""
    from kg.graph.rdf import format_for

    try:
        return OX_FORMATS[format_for(path)]
    except ValueError as exc:
        raise StoreError(str(exc)) from None


def has_graphs(fmt: ox.RdfFormat) -> bool:
    return fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD)


def read_quads(path: str | Path, *, graph: str | None = None) -> Iterator[ox.Quad]:
    """The quads of an RDF file; the triples of a file without graphs go to ``graph`` (else the default graph).

    Blank nodes get fresh names, so that loading two files never merges their blank nodes.
    StoreError for a file that cannot be read or parsed.
    """
    fmt = ox_format(path)
    target = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
    try:
        for item in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True):
            if isinstance(item, ox.Triple) or graph is not None and isinstance(item.graph_name, ox.DefaultGraph):
                yield ox.Quad(item.subject, item.predicate, item.object, target)
            else:
                yield item
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from None


def serialize_quads(quads: Iterable[ox.Quad], fmt: ox.RdfFormat) -> bytes:
    """Quads in ``fmt``; for a format without graphs, the union of the graphs (each triple once)."""
    if has_graphs(fmt):
        data = ox.serialize(quads, format=fmt, prefixes=PREFIX_MAP if fmt is ox.RdfFormat.TRIG else None)
    else:
        triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        data = ox.serialize(triples, format=fmt, prefixes=PREFIX_MAP if fmt is ox.RdfFormat.TURTLE else None)
    return data or b""


def write_quads(quads: Iterable[Quad], path: str | Path) -> int:
    """Write rdflib quads to ``path`` atomically. Returns how many statements it holds: quads, or
    for a format without graphs the triples of their union."""
    converted = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g) if g is not None else ox.DefaultGraph())
                 for s, p, o, g in quads]
    fmt = ox_format(path)
    write_atomic(path, serialize_quads(converted, fmt))
    return len(converted) if has_graphs(fmt) else len({(q.subject, q.predicate, q.object) for q in converted})

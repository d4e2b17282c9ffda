"""RDF terms between rdflib (what kg.graph.rdf writes and kg.query.sparql returns) and pyoxigraph (what the
Oxigraph store holds), and N-Triples text for the SPARQL protocols.

    >>> from rdflib import Literal
    >>> from_ox(to_ox(Literal("Aleppo"))) == Literal("Aleppo")
    True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

XSD_STRING = str(XSD.string)
LANG_STRING = str(RDF.langString)

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef | None]  # None: the default graph


@functools.lru_cache(maxsize=1 << 18)  # a graph names the same entities, predicates and classes over and over
def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"not an RDF term: {term!r}")


@functools.lru_cache(maxsize=1 << 18)
def nt(term: Node) -> str:
    """A term in N-Triples syntax (which SPARQL takes too): ``<https://...>``, ``"21"^^<...#integer>``."""
    return str(to_ox(term))


class Rendered:
    """A graph's triples with their terms in N-Triples syntax, made once: for its hash and for a store
    that writes N-Triples text (Oxigraph). Iterated, it gives the triples themselves (rdflib terms)."""

    __slots__ = ("triples", "lines")

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.triples = triples
        self.lines = [(nt(s), nt(p), nt(o)) for s, p, o in triples]

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.lines)


def nt_lines(triples: Iterable[Triple]) -> list[tuple[str, str, str]]:
    """The triples' terms in N-Triples syntax (those of a ``Rendered`` graph as they were made)."""
    if isinstance(triples, Rendered):
        return triples.lines
    return [(nt(s), nt(p), nt(o)) for s, p, o in triples]


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph | None) -> Node | None:
    """An rdflib term; None for the default graph. Plain literals lose their implicit xsd:string."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (XSD_STRING, LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise ValueError(f"RDF-star triple terms are not supported: {term!r}")


def rdflib_quad(quad: ox.Quad) -> Quad:
    return from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), from_ox(quad.graph_name)


def ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples text (also valid inside SPARQL ``INSERT DATA``)."""
    return "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples)

"""RDF terms as N-Triples text, written once each: what kg's graphs are hashed by and what the
Oxigraph store's bulk loader reads. The text is pyoxigraph's own (``str`` of its term), so that
it is the same whether kg or Oxigraph writes it.

    >>> from rdflib import Literal, URIRef
    >>> line((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(21)))
    '<https://example.org/a> <https://example.org/p> "21"^^<http://www.w3.org/2001/XMLSchema#integer>'
"""

from __future__ import annotations

import functools

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node


@functools.lru_cache(maxsize=1 << 15)  # a graph names the same entities, predicates and classes over and over
def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
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


@functools.lru_cache(maxsize=1 << 15)
def nt(term: Node) -> str:
    """A term in N-Triples syntax (which SPARQL takes too): ``<https://...>``, ``"21"^^<...#integer>``."""
    return str(to_ox(term))


def nt_once(term: Node) -> str:
    """``nt`` of a term written once or a few times (a sentence, a mention's IRI), left out of the
    cache, which such terms would only crowd."""
    return str(to_ox.__wrapped__(term))


def line(triple: tuple[Node, Node, Node]) -> str:
    """A triple as an N-Triples line without its final ``" ."``."""
    s, p, o = triple
    return f"{nt(s)} {nt(p)} {nt(o)}"

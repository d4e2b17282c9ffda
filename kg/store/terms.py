"""RDF terms between rdflib (what kg.graph.rdf writes and kg.query.sparql returns) and pyoxigraph (what the
Oxigraph store holds), and N-Triples text for the SPARQL protocols.

    >>> from rdflib import Literal
    >>> from_ox(to_ox(Literal("Aleppo"))) == Literal("Aleppo")
    True
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.graph.ntriples import line
from kg.graph.ntriples import to_ox as to_ox  # kg.store's way to pyoxigraph terms too

XSD_STRING = str(XSD.string)
LANG_STRING = str(RDF.langString)

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef | None]  # None: the default graph


class Rendered:
    """A graph's triples with their terms in N-Triples syntax, made once: for its hash and for a store
    that writes N-Triples text (Oxigraph). ``lines`` are ``"<s> <p> <o>"``, without the final
    ``" ."``. Iterated, it gives the triples themselves (rdflib terms)."""

    __slots__ = ("triples", "_lines", "text")

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.triples: Iterable[Triple] | None = triples
        lines = getattr(triples, "lines", None)  # a kg.graph.rdf.NamedGraph has its lines made already
        self._lines: list[str] | None = lines() if lines is not None else [line(t) for t in triples]
        self.text: str | None = None

    @classmethod
    def of_text(cls, text: str) -> Rendered:
        """A graph given as N-Triples text (made in another process): each line with its final
        ``" ."``, the lines joined by line breaks, none after the last. Its lines are split from it,
        and its triples parsed, only for a store that asks for them (Oxigraph's bulk loader takes
        the text)."""
        graph = cls.__new__(cls)
        graph.text = text
        graph._lines = None
        graph.triples = None  # parsed from the text when iterated
        return graph

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = lines_of(self.text)
        return self._lines

    def __iter__(self):
        # nothing the graph holds refers back to it: a build runs without cycle collection
        # (``kg.pipeline.collector``), and a graph in a reference cycle would stay until its end
        if self.triples is None:
            return iter(parse_ntriples(f"{self.text}\n".encode() if self.text else b""))
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.lines)


class Delta:
    """A change to a graph the store holds: the N-Triples lines (without the final ``" ."``) it
    loses, and the triples it gains. Only a store that wrote the graph itself takes one (see
    ``OxigraphStore.write_graphs``)."""

    __slots__ = ("lost", "gained")

    def __init__(self, lost: list[str], gained: Rendered) -> None:
        self.lost = lost
        self.gained = gained


def nt_lines(triples: Iterable[Triple]) -> list[str]:
    """The triples as N-Triples lines without the final ``" ."`` (those of a ``Rendered`` graph as
    they were made)."""
    if isinstance(triples, Rendered):
        return triples.lines
    return [line(t) for t in triples]


def text_of(lines: list[str]) -> str:
    """A graph's N-Triples lines (without their final ``" ."``) as one text: each with its final
    ``" ."``, joined by line breaks, none after the last (what ``Rendered.of_text`` takes)."""
    return " .\n".join(lines) + " ." if lines else ""


def lines_of(text: str | None) -> list[str]:
    """The lines of a ``text_of`` (an N-Triples line holds no line break: a literal's are escaped)."""
    return text[:-2].split(" .\n") if text else []


def has_blank_node(lines: Iterable[str] | str) -> bool:
    """Whether N-Triples lines (or a ``text_of`` them) may name a blank node (a subject ``_:b``, or
    an object; a literal holding " _:" counts too, which costs a slower write, never a wrong one)."""
    text = lines if isinstance(lines, str) else "\n".join(lines)  # a line starts the text, or follows a break
    return text.startswith("_:") or "\n_:" in text or " _:" in text


def parse_ntriples(body: bytes) -> list[Triple]:
    """The triples of N-Triples text, as rdflib terms."""
    return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
            for t in ox.parse(input=body, format=ox.RdfFormat.N_TRIPLES)]


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
    return "".join(f"{line(t)} .\n" for t in triples)

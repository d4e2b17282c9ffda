"""kg's ontology as the graph uses it: its axioms, and the super-classes and super-properties they
entail, worked out once per process.

Each document's graph states, besides kg's own terms, the standard terms they are aligned to
(``kg:MilitaryAttack`` is also ``kg:Event`` and ``sem:Event``; ``kg:source`` is also
``schema:agent`` and ``sem:hasActor``), so that a query in the standard vocabularies needs no
reasoner. The axioms themselves (``ontology/kg.ttl`` and ``ontology/participants.ttl``) are a
named graph of their own, ``kg.graph.vocab.ONTOLOGY``, in every store and every file kg writes,
with the CAMEO codebook (``kg.graph.rdf.ontology_graph``).

    >>> from kg.graph.vocab import KG, SEM, SDO
    >>> up = hierarchy()
    >>> SEM.Event in up.classes[KG.MilitaryAttack], SDO.agent in up.properties[KG.source]
    (True, True)
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDFS

from kg.resources import ontology_dir

FILES = ("kg.ttl", "participants.ttl")  # the classes, properties and alignments (cameo.ttl is the codebook)


@functools.cache
def axioms() -> tuple[tuple[URIRef, URIRef, object], ...]:
    """The triples of the ontology's graph, in a fixed order."""
    g = Graph()
    for name in FILES:
        g.parse(ontology_dir() / name, format="turtle")
    return tuple(sorted(g))


def closure(pairs: Iterable[tuple[URIRef, URIRef]]) -> dict[URIRef, tuple[URIRef, ...]]:
    """Each term's strict supers under a sub -> super relation, transitively, in a fixed order.

    >>> closure([("a", "b"), ("b", "c"), ("c", "a")])["a"]
    ('b', 'c')
    """
    up: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in pairs:
        if sub != sup:
            up[sub].add(sup)
    result = {}
    for term in up:
        seen, todo = set(), list(up[term])
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo.extend(up.get(t, ()))
        seen.discard(term)
        result[term] = tuple(sorted(seen))
    return result


@dataclass(frozen=True)
class Hierarchy:
    """Term -> its strict super-classes (``classes``) or super-properties (``properties``)."""

    classes: Mapping[URIRef, tuple[URIRef, ...]]
    properties: Mapping[URIRef, tuple[URIRef, ...]]


@functools.cache
def hierarchy() -> Hierarchy:
    """The closure of rdfs:subClassOf and rdfs:subPropertyOf over the ontology (an
    owl:equivalentClass or owl:equivalentProperty counts both ways), computed once per process."""
    def pairs(sub: URIRef, same: URIRef) -> list[tuple[URIRef, URIRef]]:
        found = [(s, o) for s, p, o in axioms() if p == sub]
        equal = [(s, o) for s, p, o in axioms() if p == same]
        return [(s, o) for s, o in found + equal + [(o, s) for s, o in equal]
                if isinstance(s, URIRef) and isinstance(o, URIRef)]

    return Hierarchy(closure(pairs(RDFS.subClassOf, OWL.equivalentClass)),
                     closure(pairs(RDFS.subPropertyOf, OWL.equivalentProperty)))


def most_specific(classes: Iterable[URIRef]) -> list[URIRef]:
    """The classes of ``classes`` that no other of them is a subclass of, sorted: the types a graph
    states for a node before its super-classes were added."""
    given = set(classes)
    up = hierarchy().classes
    implied = {sup for c in given for sup in up.get(c, ())}
    return sorted(given - implied)

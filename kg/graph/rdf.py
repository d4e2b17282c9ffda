"""Resolved records to RDF: named graphs whose union is the knowledge graph.

- A document's graph holds what is its own: its node, the mentions (sentences) of it that are
  evidence of something, the ``prov:wasDerivedFrom`` links of the records that come from them, and
  the claims it makes (``kg:claimedBy``: who says an event happened, in the graph of the article
  that says so).
- Each record (entity, post, membership, event) has a graph of its own, named by its IRI: what kg
  says of it, said once however many documents support it.

So an article a build adds writes its own graph and the graphs of the records whose fields it
changes, not the graphs of every earlier article that names the same country, nor the country's
(a new sentence about it is linked to it in the new article's graph); the union (what queries read
without ``GRAPH``) is the same as if every document's graph held all it supports.

Each graph also states the super-classes and super-properties that ontology/kg.ttl entails for what
it says (a ``kg:MilitaryAttack`` is a ``sem:Event``; ``kg:source`` is ``schema:agent``), so that
queries in the standard vocabularies need no reasoner. The ontology itself, with the CAMEO codebook
that events are typed with, is a graph of its own beside the others (``ontology_graph``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.graph.ntriples import line, nt, nt_once
from kg.graph.ontology import axioms, hierarchy
from kg.graph.vocab import (
    KG,
    KIND_CLASS,
    ONTOLOGY,
    ORG,
    PARTICIPANT,
    PREFIXES,
    ROOTS,
    SDO,
    SEM,
    STATUS,
    SUBTYPE_CLASS,
    Terms,
    cameo,
    one_off_resource,
    resource,
)
from kg.ids import digest, sha1
from kg.model import Corpus, Document, Entity, Event, Evidence, Member, Post
from kg.resources import ontology_dir
from kg.resources.names import slug

# looked up once each, not at every triple (see kg.graph.vocab.Terms)
DCTERMS, KG, OWL, PROV, RDF, RDFS, SKOS, XSD, ORG, SDO, SEM = (
    Terms(ns) for ns in (DCTERMS, KG, OWL, PROV, RDF, RDFS, SKOS, XSD, ORG, SDO, SEM))

FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
QUAD_FORMATS = {"nquads", "trig", "json-ld"}
_TYPE, _DERIVED = RDF.type, PROV.wasDerivedFrom
Record = Entity | Post | Member | Event  # what has a graph of its own


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown RDF format {suffix!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


@functools.cache
def codebook() -> Graph:
    """The CAMEO concept scheme (ontology/cameo.ttl), read once."""
    g = Graph()
    g.parse(ontology_dir() / "cameo.ttl", format="turtle")
    return g


@functools.cache
def ontology_graph() -> tuple[str, tuple[tuple, ...]]:
    """The name and triples of the graph that holds kg's terms: its ontology (ontology/kg.ttl and
    participants.ttl) and the CAMEO codebook that events are typed with (cameo.ttl: each code's
    notation, labels, definition, broader code, QuadClass and Goldstein score). It is beside the
    documents' graphs in every store and file, so that a query can ask about kg's terms
    (``?p rdfs:subPropertyOf+ kg:interactedWith``) or group events by root or QuadClass
    (``?e sem:eventType/skos:broader* ?root``). The codebook is said once here, not in every
    document's graph with an event of that code: it is what the codes mean, not what an article says."""
    triples = dict.fromkeys(axioms())
    triples.update((triple, None) for triple, _ in entailed(sorted(codebook())))
    return str(ONTOLOGY), tuple(triples)


DOCUMENTS = str(one_off_resource("doc:"))  # the start of every document's IRI


def doc_iri(doc_id: str) -> URIRef:
    return resource("doc:" + sha1(doc_id)[:16])


def is_doc_iri(iri: str) -> bool:
    """Whether ``iri`` names a document (and its graph), not a record or kg's terms."""
    return iri.startswith(DOCUMENTS)


def record_iri(record: Record) -> URIRef:
    """A record's IRI, which names its graph too."""
    if isinstance(record, Member):  # an org:Membership node, so that it can carry its provenance
        return resource("membership:" + digest(record.member, record.organization))
    return resource(record.key)


MENTIONS = str(one_off_resource("mention:"))  # the start of every mention's IRI


def mention_iri(ev: Evidence) -> URIRef:
    return mention_terms(ev)[0]


def mention_terms(ev: Evidence) -> tuple[URIRef, str]:
    """A mention's IRI and its N-Triples form, made as text: the IRI is a hex digest after a fixed
    start, which needs no escaping (a sentence is evidence of several records: these are made
    millions of times in a large build)."""
    iri = MENTIONS + digest(ev.doc_id, str(ev.start), str(ev.end))
    return URIRef(iri), f"<{iri}>"


@functools.lru_cache(maxsize=1 << 16)
def _integer(value: int) -> Literal:
    return Literal(value)


def _date_literal(value: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


def entailed(triples: Iterable[tuple]) -> list[tuple[tuple, str]]:
    """Triples, each followed by the super-properties and super-classes the ontology entails for it
    (``kg.graph.ontology``), each with its N-Triples line: made once for a record that many
    documents' graphs hold."""
    up = hierarchy()  # computed once per process
    out = []
    for triple in triples:
        out.append((triple, line(triple)))
        s, p, o = triple
        for sup in up.properties.get(p, ()):
            out.append(((s, sup, o), line((s, sup, o))))
        if p == _TYPE:
            for sup in up.classes.get(o, ()):
                out.append(((s, _TYPE, sup), line((s, _TYPE, sup))))
    return out


def entailed_once(s: URIRef, pairs: Iterable[tuple[Node, Node]], fresh: Node | None = None,
                  subject: str | None = None) -> list[tuple[tuple, str]]:
    """``entailed`` of the triples of a subject made once (a mention), given as (predicate,
    object) pairs: the subject (or its N-Triples form, ``subject``), and the object ``fresh`` (its
    sentence), written by ``nt_once``."""
    up = hierarchy()
    subject = subject if subject is not None else nt_once(s)
    out = []
    for p, o in pairs:
        predicate, obj = nt(p), nt_once(o) if o is fresh else nt(o)
        out.append(((s, p, o), f"{subject} {predicate} {obj}"))
        for sup in up.properties.get(p, ()):
            out.append(((s, sup, o), f"{subject} {nt(sup)} {obj}"))
        if p == _TYPE:
            for sup in up.classes.get(o, ()):
                out.append(((s, _TYPE, sup), f"{subject} {predicate} {nt(sup)}"))
    return out


def derived(node: URIRef, evidence: Iterable[Evidence]) -> list[tuple[tuple, str]]:
    """``entailed`` of ``node prov:wasDerivedFrom`` the mention of each of ``evidence``: a record's
    links to where it comes from, the mentions' IRIs written by ``nt_once``."""
    if hierarchy().properties.get(_DERIVED):  # nothing is entailed of a link today; if ever, the slow way
        return entailed([(node, _DERIVED, mention_iri(ev)) for ev in evidence])
    head = f"{nt(node)} {nt(_DERIVED)} "
    out = []
    for ev in evidence:
        m, written = mention_terms(ev)
        out.append(((node, _DERIVED, m), head + written))
    return out


class NamedGraph:
    """The triples of one named graph (a document's or a record's): each once, in the order
    written, each followed by the super-classes and super-properties the ontology entails for it
    (``entailed``), so that queries in the standard vocabularies find kg's own terms without a
    reasoner. Each triple keeps its N-Triples line (``lines``), for its hash and the store."""

    __slots__ = ("triples",)

    def __init__(self) -> None:
        self.triples: dict[tuple, str] = {}

    def add(self, triple: tuple) -> None:
        if triple not in self.triples:
            self.extend(entailed([triple]))

    def extend(self, made: Iterable[tuple[tuple, str]]) -> None:
        """Add triples made by ``entailed`` (with their entailments already)."""
        self.triples.update(made)

    def lines(self) -> list[str]:
        return list(self.triples.values())

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


class GraphWriter:
    """Writes a Corpus as named graphs of triples: one per document, one per record (plain Python:
    an rdflib Dataset is made only when asked for, by ``dataset``).

    ``docs`` restricts the documents' graphs written to those documents (None: all), ``records``
    whether the records' own graphs are written: ``kg.graph.batches`` writes the documents' graphs a
    batch at a time (with their articles' texts, ``texts``), then the records'. A mention in
    ``held``, or a record's link in ``held_links``, is one a document's graph holds already: it is
    not written again (the links met so are in ``met_links``)."""

    def __init__(self, docs: Collection[str] | None = None, texts: Mapping[str, str] | None = None, *,
                 records: bool = True) -> None:
        self.graphs: dict[URIRef, NamedGraph] = {}
        # mentions written, as (doc_id, start, end): a sentence is evidence of many facts
        self.mentions: set[tuple[str, int, int]] = set()
        self.held: set[tuple[str, int, int]] = set()  # mentions a document's graph in the store holds already
        # records' links a document's graph in the store holds already, as (record IRI, doc_id, start, end)
        self.held_links: set[tuple[str, str, int, int]] = set()
        self.met_links: set[tuple[str, str, int, int]] = set()
        self.docs = docs
        self.records = records
        # articles' texts by doc_id: for the sentences of evidence read without them
        self.texts = texts if texts is not None else {}

    def graph(self, name: URIRef) -> NamedGraph:
        g = self.graphs.get(name)
        if g is None:
            g = self.graphs[name] = NamedGraph()
        return g

    def union_size(self) -> int:
        """The number of distinct triples over all the graphs."""
        return len(set().union(*(g.triples for g in self.graphs.values())))

    def dataset(self) -> Dataset:
        """The graphs, and the ontology's (``ontology_graph``)."""
        ds = Dataset()
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        for name, g in self.graphs.items():
            context = ds.graph(name)
            ds.addN((s, p, o, context) for s, p, o in g)
        name, triples = ontology_graph()
        context = ds.graph(URIRef(name))
        ds.addN((s, p, o, context) for s, p, o in triples)
        return ds

    def _by_doc(self, evidence: Iterable[Evidence]) -> dict[str, list[Evidence]]:
        out: dict[str, list[Evidence]] = defaultdict(list)
        docs = self.docs
        for ev in evidence:
            if docs is None or ev.doc_id in docs:
                out[ev.doc_id].append(ev)
        return out

    def mention(self, ev: Evidence) -> None:
        """The mention of ``ev`` (its sentence), in its document's graph."""
        self._mention(self.graph(doc_iri(ev.doc_id)), ev)

    def _mention(self, g: NamedGraph, ev: Evidence) -> None:
        key = (ev.doc_id, ev.start, ev.end)
        if key in self.mentions:  # in g already: an Evidence's graph is its document's
            return
        self.mentions.add(key)
        if key in self.held:
            return
        m, written = mention_terms(ev)
        text = Literal(ev.text or self.texts[ev.doc_id][ev.start:ev.end])
        g.extend(entailed_once(m, [(RDF.type, KG.Mention), (PROV.value, text), (KG.start, _integer(ev.start)),
                                   (KG.end, _integer(ev.end)), (DCTERMS.isPartOf, doc_iri(ev.doc_id))], text,
                               written))

    def document(self, doc: Document) -> None:
        d = doc_iri(doc.doc_id)
        g = self.graph(d)
        g.add((d, RDF.type, KG.Document))
        g.add((d, DCTERMS.identifier, Literal(doc.doc_id)))
        g.add((d, KG.sha1, Literal(doc.sha1)))
        g.add((d, KG.sourceFile, Literal(doc.source)))
        if doc.title:
            g.add((d, DCTERMS.title, Literal(doc.title)))
        if doc.date:
            g.add((d, DCTERMS.date, _date_literal(doc.date)))
        if doc.url:
            g.add((d, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))

    def record(self, record: Record, evidence: Sequence[Evidence] | None = None) -> None:
        """An entity, post, membership or event: in its own graph (when the writer writes records'),
        what kg says of it; in the graph of each document of ``evidence`` (its evidence, or the part
        of it given), those mentions, its links to them, and who that document says claims an event
        (``kg:claimedBy``). A record without evidence is in no graph."""
        if not record.evidence:
            return
        node = record_iri(record)
        if self.records:
            self.graph(node).extend(entailed(_TRIPLES[type(record)](node, record)))
        if self.docs is not None and not self.docs:  # no document's graph to write
            return
        claims: dict[str, list[tuple]] = defaultdict(list)
        for said_in, claimant in record.claimed_by if isinstance(record, Event) else ():
            claims[said_in].append((node, KG.claimedBy, resource(claimant)))
        for doc_id, evs in self._by_doc(record.evidence if evidence is None else evidence).items():
            g = self.graph(doc_iri(doc_id))
            for ev in evs:
                self._mention(g, ev)
            if self.held_links:
                evs = self._not_held(str(node), doc_id, evs)
            g.extend(derived(node, evs))
            if doc_id in claims:
                g.extend(entailed(claims[doc_id]))

    def _not_held(self, iri: str, doc_id: str, evidence: list[Evidence]) -> list[Evidence]:
        """Of a record's evidence in one document, that to which the document's graph holds no link."""
        out = []
        for ev in evidence:
            link = (iri, doc_id, ev.start, ev.end)
            if link in self.held_links:
                self.met_links.add(link)
            else:
                out.append(ev)
        return out

    def write(self, corpus: Corpus) -> GraphWriter:
        for doc in corpus.documents:
            self.document(doc)
        for records in (corpus.entities, corpus.posts, corpus.members, corpus.events):
            for record in records:
                self.record(record)
        return self


def _entity_triples(node: URIRef, e: Entity) -> list[tuple]:
    triples = [(node, RDF.type, KIND_CLASS[e.kind.value])]
    if e.subtype in SUBTYPE_CLASS:
        triples.append((node, RDF.type, SUBTYPE_CLASS[e.subtype]))
    triples.append((node, RDFS.label, Literal(e.label)))
    triples += [(node, SKOS.altLabel, Literal(alias)) for alias in e.aliases]
    triples += [(node, OWL.sameAs, URIRef(iri)) for iri in e.same_as]
    return triples


def _post_triples(node: URIRef, p: Post) -> list[tuple]:
    holder, title = resource(p.holder), Literal(p.title)
    triples = [(holder, ORG.holds, node), (node, RDF.type, KG.Post), (node, RDFS.label, title),
               (holder, SDO.jobTitle, title)]
    if p.post_in:
        triples.append((node, ORG.postIn, resource(p.post_in)))
    return triples


def _member_triples(node: URIRef, m: Member) -> list[tuple]:
    member, org = resource(m.member), resource(m.organization)
    return [(member, ORG.memberOf, org), (node, RDF.type, ORG.Membership), (node, ORG.member, member),
            (node, ORG.organization, org)]


def _event_triples(node: URIRef, e: Event) -> list[tuple]:
    root = e.code[:2] if e.code.isdigit() else None
    cls, link = ROOTS.get(root, (KG.OtherEvent, None))
    triples = [(node, RDF.type, cls), (node, RDFS.label, Literal(e.label)), (node, SEM.eventType, cameo(e.code))]
    if e.source:
        triples.append((node, KG.source, resource(e.source)))
    if e.target:
        triples.append((node, KG.target, resource(e.target)))
    if e.source and e.target and link is not None and e.source != e.target:
        triples.append((resource(e.source), link, resource(e.target)))
    if e.place:
        triples.append((node, SEM.hasPlace, resource(e.place)))
    for part in e.participants:
        p = resource(f"participant:{part.cls.lower()}-{sha1(part.label)[:8]}")
        triples += [(node, KG.participant, p), (p, RDF.type, KG.Participant), (p, RDF.type, PARTICIPANT[part.cls]),
                    (p, RDFS.label, Literal(part.label))]
    if e.time:
        triples.append((node, SEM.hasTimeStamp, _date_literal(e.time.value)))
        if e.time.approximate:
            triples.append((node, KG.approximate, Literal(True)))
    if e.killed is not None:
        triples.append((node, KG.killed, _integer(e.killed)))
    if e.injured is not None:
        triples.append((node, KG.injured, _integer(e.injured)))
    for count, what in e.killed_parts:
        part = resource(f"casualties:{e.key.split(':', 1)[1]}-{count}-{slug(what)}")
        triples += [(node, KG.casualties, part), (part, RDF.type, KG.Casualties), (part, KG.count, _integer(count)),
                    (part, RDFS.label, Literal(what))]
    triples.append((node, KG.status, STATUS[e.status.value]))
    return triples



_TRIPLES = {Entity: _entity_triples, Post: _post_triples, Member: _member_triples, Event: _event_triples}

def to_dataset(corpus: Corpus) -> Dataset:
    return GraphWriter().write(corpus).dataset()


def union(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, path: str | Path) -> bytes:
    """The dataset in the format ``path``'s extension names; quads where the format has graphs."""
    fmt = format_for(path)
    data = ds.serialize(format=fmt) if fmt in QUAD_FORMATS else union(ds).serialize(format=fmt)
    return data.encode("utf-8") if isinstance(data, str) else data


def read_graph(path: str | Path) -> Dataset:
    """Read an RDF file of any supported format into a Dataset (triples into the default graph)."""
    fmt = format_for(path)
    try:
        return _parse(path, fmt)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except Exception as exc:  # rdflib's parsers raise anything from SyntaxError to AssertionError
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ValueError(f"{path}: not a readable {fmt} graph ({detail[:200]})") from None


def _parse(path: str | Path, fmt: str) -> Dataset:
    ds = Dataset(default_union=True)  # a query sees every document's graph, as it does in a store
    if fmt in QUAD_FORMATS:
        ds.parse(str(path), format=fmt)
    else:
        ds.default_graph.parse(str(path), format=fmt)
    return ds

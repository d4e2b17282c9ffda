"""The records that flow between the stages of kg.

Every type that crosses a stage boundary lives here, as a frozen dataclass. This module imports
neither spaCy nor rdflib: a spaCy ``Doc`` never leaves ``kg.nlp.pipeline``/``kg.extract`` and rdflib terms
appear only from ``kg.graph.rdf`` on.

    load -> clean -> nlp -> extract -> resolve -> rdf -> store -> query / viz
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from kg.ids import sha1


class Kind(str, Enum):
    """The kinds of named entity the graph knows."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PLACE = "Place"


class Status(str, Enum):
    """How the text presents an event."""

    ASSERTED = "asserted"
    REPORTED = "reported"  # someone in the text claims it
    PLANNED = "planned"  # "will visit", "is to become"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"  # "could", "if", "must"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk, before any language processing.

    ``text`` is the article as decoded (only a byte-order mark is dropped), so that character
    offsets into it point at the source. ``doc_id`` is stable: the URL when one is given, else
    the SHA-1 of the text.
    """

    doc_id: str
    text: str
    source: str  # the file, and for jsonl the line: "feed.jsonl:12"
    title: str | None = None
    date: str | None = None  # ISO 8601, as precise as known: "2017-03-05", "2017-03", "2017"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of an article: the provenance of a fact. ``text`` is ``article.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entity inside one document's extraction: an index into ``DocFacts.entities``."""

    index: int


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """An entity as one document sees it, after coreference inside that document.

    ``key`` is the gazetteer key when the entity is in one (``country:RU``, ``org:united-nations``,
    ``place:170063``); persons and unknown places are keyed later from their names. ``title`` is set
    for a person known only by a title ("the Foreign Secretary"), resolved by ``kg.resolve.entities``.
    """

    kind: Kind
    name: str
    key: str | None = None
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()  # gazetteer IRIs (GeoNames, Wikidata)
    subtype: str | None = None  # "City", "PoliticalParty", "Constituency", ...
    title: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """``holder`` holds a post titled ``title`` (in ``post_in`` where the text says)."""

    holder: Ref
    title: str
    post_in: Ref | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Membership:
    member: Ref
    organization: Ref
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Participant:
    """A participant of an event that is not a named entity: an aid convoy, civilians, a hospital."""

    cls: str  # CamelCase class name: "Convoy", "Civilian"
    label: str  # as the text says it: "aid convoy"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A point in time as precise as the text allows: "2016-09-21", "2016-09" or "2016"."""

    value: str
    approximate: bool = False

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}[len(self.value)]


@dataclass(frozen=True, slots=True)
class EventMention:
    """One mention of an event in one sentence."""

    code: str  # CAMEO code ("195") or a kg concept name ("Election")
    trigger: str  # the words that name it: "airstrike", "called for demonstrations"
    evidence: Evidence
    source: Ref | None = None
    target: Ref | None = None
    place: Ref | None = None
    participants: tuple[Participant, ...] = ()
    time: TimeValue | None = None
    killed: int | None = None
    injured: int | None = None
    killed_parts: tuple[tuple[int, str], ...] = ()  # (20, "aid workers"), (1, "civilian")
    status: Status = Status.ASSERTED
    claimed_by: Ref | None = None
    anchor: str | None = None  # a time relation: "days:-2" from the dated event of the same sentence
    about: int | None = None  # index (in DocFacts.events) of the event this one is about: "condemned the attack"
    tensed: bool = True  # False for a bare noun ("the trip"): its status is unknown, not asserted


@dataclass(frozen=True, slots=True)
class DocFacts:
    """What extraction found in one article."""

    article: Article
    entities: tuple[LocalEntity, ...] = ()
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()
    events: tuple[EventMention, ...] = ()
    sentences: int = 0
    words: int = 0


# --- resolved, corpus-wide records -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity across the corpus. ``key`` makes its IRI: ``person/boris-johnson``."""

    key: str
    kind: Kind
    label: str
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    subtype: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Post:
    key: str
    holder: str  # entity key
    title: str
    post_in: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Member:
    member: str
    organization: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event across the corpus, with every mention as evidence."""

    key: str
    code: str
    label: str
    evidence: tuple[Evidence, ...]
    source: str | None = None
    target: str | None = None
    place: str | None = None
    participants: tuple[Participant, ...] = ()
    time: TimeValue | None = None
    killed: int | None = None
    injured: int | None = None
    killed_parts: tuple[tuple[int, str], ...] = ()
    status: Status = Status.ASSERTED
    claimed_by: tuple[tuple[str, str], ...] = ()  # (doc_id, claimant): a claim is what one text says


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    source: str
    title: str | None
    date: str | None
    url: str | None
    sha1: str


def document_of(facts: DocFacts) -> Document:
    """What the graph says of the article of ``facts`` itself."""
    a = facts.article
    return Document(doc_id=a.doc_id, source=a.source, title=a.title, date=a.date, url=a.url, sha1=sha1(a.text))


def without_text(facts: DocFacts) -> DocFacts:
    """A document's facts without its article's text, which resolution does not need (its
    ``Document`` is made first): most of a document's weight, not held for the whole corpus."""
    return replace(facts, article=replace(facts.article, text=""))


@dataclass
class Corpus:
    """The resolved graph content, ready to be written as RDF. Each record's evidence is in
    document order (doc_id, then offsets), as resolution makes it."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

"""The only module that spells IRIs: kg's ontology terms, the resource namespace, and the standard
vocabularies the graph speaks (schema.org, SEM, ORG, PROV, SKOS, Dublin Core).

Every term of ``KG`` is declared in ``ontology/kg.ttl``; a typo fails loudly (``_fail = True``).
"""

from __future__ import annotations

import functools

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kg/"
KGR = Namespace(BASE + "id/")  # resources: people, places, events, mentions, documents
CAMEO = Namespace(BASE + "cameo/")
PARTICIPANT = Namespace(BASE + "participant#")  # classes of participants: ontology/participants.ttl
SDO = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
ONTOLOGY = URIRef(BASE + "ontology")  # the ontology's IRI (ontology/kg.ttl), and the name of its graph


class KG(DefinedNamespace):
    """kg's own ontology: classes and properties aligned to the standard vocabularies."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Event: URIRef  # any event; rdfs:subClassOf sem:Event
    Mention: URIRef  # a sentence of a document that states a fact; rdfs:subClassOf prov:Entity
    Document: URIRef  # a news article; schema:NewsArticle, prov:Entity
    Post: URIRef  # org:Post
    Participant: URIRef  # a participant of an event that is no named entity (an aid convoy)
    Casualties: URIRef  # a part of a casualty count: "20 aid workers"
    Constituency: URIRef  # an electoral district; schema:AdministrativeArea
    Embassy: URIRef  # schema:GovernmentOrganization
    EventStatus: URIRef  # asserted, reported, planned, denied, hypothetical
    # event classes, one per CAMEO root category
    Statement: URIRef
    Appeal: URIRef
    IntentToCooperate: URIRef
    Consultation: URIRef
    DiplomaticCooperation: URIRef
    MaterialCooperationEvent: URIRef
    Aid: URIRef
    Yielding: URIRef
    Investigation: URIRef
    Demand: URIRef
    Disapproval: URIRef
    Rejection: URIRef
    Threat: URIRef
    Protest: URIRef
    ForcePosture: URIRef
    ReductionOfRelations: URIRef
    Coercion: URIRef
    Assault: URIRef
    MilitaryAttack: URIRef
    MassViolence: URIRef
    OtherEvent: URIRef

    # properties of events
    source: URIRef  # rdfs:subPropertyOf schema:agent, sem:hasActor
    target: URIRef  # rdfs:subPropertyOf schema:object, sem:hasActor
    participant: URIRef  # rdfs:subPropertyOf sem:hasActor
    killed: URIRef
    injured: URIRef
    casualties: URIRef  # an event -> kg:Casualties
    count: URIRef
    status: URIRef
    claimedBy: URIRef
    approximate: URIRef
    trigger: URIRef
    # properties of mentions and documents
    start: URIRef
    end: URIRef
    sha1: URIRef
    sourceFile: URIRef
    # actor-to-actor links, one per CAMEO root: derived from events
    interactedWith: URIRef
    madeStatementTo: URIRef
    appealedTo: URIRef
    intendsToCooperateWith: URIRef
    consulted: URIRef
    cooperatedWith: URIRef
    cooperatedMateriallyWith: URIRef
    aided: URIRef
    yieldedTo: URIRef
    investigated: URIRef
    demanded: URIRef
    accused: URIRef
    rejected: URIRef
    threatened: URIRef
    protestedAgainst: URIRef
    postured: URIRef
    reducedRelationsWith: URIRef
    coerced: URIRef
    assaulted: URIRef
    attacked: URIRef
    committedMassViolenceAgainst: URIRef
    # statuses (individuals of kg:EventStatus)
    Asserted: URIRef
    Reported: URIRef
    Planned: URIRef
    Denied: URIRef
    Hypothetical: URIRef
    # CAMEO concept scheme extras (declared in ontology/cameo.ttl)
    quadClass: URIRef
    goldstein: URIRef
    otherEvents: URIRef
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef
    Election: URIRef
    Death: URIRef
    Appointment: URIRef
    Resignation: URIRef
    NaturalDisaster: URIRef
    Accident: URIRef


# root code -> (event class, actor-to-actor link)
ROOTS: dict[str, tuple[URIRef, URIRef]] = {
    "01": (KG.Statement, KG.madeStatementTo),
    "02": (KG.Appeal, KG.appealedTo),
    "03": (KG.IntentToCooperate, KG.intendsToCooperateWith),
    "04": (KG.Consultation, KG.consulted),
    "05": (KG.DiplomaticCooperation, KG.cooperatedWith),
    "06": (KG.MaterialCooperationEvent, KG.cooperatedMateriallyWith),
    "07": (KG.Aid, KG.aided),
    "08": (KG.Yielding, KG.yieldedTo),
    "09": (KG.Investigation, KG.investigated),
    "10": (KG.Demand, KG.demanded),
    "11": (KG.Disapproval, KG.accused),
    "12": (KG.Rejection, KG.rejected),
    "13": (KG.Threat, KG.threatened),
    "14": (KG.Protest, KG.protestedAgainst),
    "15": (KG.ForcePosture, KG.postured),
    "16": (KG.ReductionOfRelations, KG.reducedRelationsWith),
    "17": (KG.Coercion, KG.coerced),
    "18": (KG.Assault, KG.assaulted),
    "19": (KG.MilitaryAttack, KG.attacked),
    "20": (KG.MassViolence, KG.committedMassViolenceAgainst),
}

STATUS = {
    "asserted": KG.Asserted,
    "reported": KG.Reported,
    "planned": KG.Planned,
    "denied": KG.Denied,
    "hypothetical": KG.Hypothetical,
}

KIND_CLASS = {
    "Person": SDO.Person,
    "Organization": SDO.Organization,
    "Country": SDO.Country,
    "Place": SDO.Place,
}
SUBTYPE_CLASS = {
    "City": SDO.City,
    "State": SDO.State,
    "AdministrativeArea": SDO.AdministrativeArea,
    "Region": SDO.AdministrativeArea,
    "Continent": SDO.Continent,
    "Constituency": KG.Constituency,
    "Embassy": KG.Embassy,
    "GovernmentOrganization": SDO.GovernmentOrganization,
    "IntergovernmentalOrganization": SDO.Organization,
    "PoliticalParty": SDO.PoliticalParty,
    "NGO": SDO.NGO,
    "NewsMediaOrganization": SDO.NewsMediaOrganization,
    "MilitaryOrganization": SDO.Organization,
    "Court": SDO.GovernmentOrganization,
}


def cameo(code: str) -> URIRef:
    """The SKOS concept of a CAMEO code ("195") or of one of kg's own event types ("Election")."""
    if code.isdigit():
        return CAMEO[code]
    return getattr(KG, code)


class Terms:
    """A namespace whose terms are plain attributes once asked for: rdflib makes a new URIRef (and
    a DefinedNamespace checks the name) at every ``NS.term``, which adds up over the millions of
    triples a large build writes. ``Terms(KG).Mention is KG.Mention``'s equal, found once."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


def one_off_resource(key: str) -> URIRef:
    """A resource IRI from a record key: "country:RU" -> <.../id/country/RU>. Uncached: for the keys
    made once each (a sentence's mention), which would push the others out of ``resource``'s cache."""
    return KGR[key.replace(":", "/")]


@functools.lru_cache(maxsize=1 << 16)  # the same entities and codes, article after article
def resource(key: str) -> URIRef:
    """A resource IRI from a record key: "country:RU" -> <.../id/country/RU>."""
    return one_off_resource(key)


PREFIXES = {
    "kg": KG._NS,
    "kgp": PARTICIPANT,
    "kgr": KGR,
    "cameo": CAMEO,
    "schema": SDO,
    "sem": SEM,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

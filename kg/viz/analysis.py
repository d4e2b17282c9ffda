"""The analysis behind the graph page and ``kg stats``, done with networkx.

A graph written by ``kg.graph.rdf`` is read back into a *story graph*: a ``networkx.MultiDiGraph`` whose
nodes are the entities and events (keyed by IRI) and whose edges are the roles that tie them
(``source``, ``target``, ``place``, ``claimed by``) and the affiliations between entities
(``member of``, a post held in an organisation or country). From it come:

- the *actor network*: entities joined when one acted on the other (an event's source and target)
  or belongs to the other; weights count the events and ties;
- centrality (degree centrality in the actor network) and activity (events taken part in);
- communities: networkx's Louvain method on the actor network, with a fixed seed;
- counts of events by CAMEO root category and by QuadClass.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.graph.ontology import most_specific
from kg.graph.vocab import CAMEO, KG, KIND_CLASS, ORG, SEM, SUBTYPE_CLASS

ENTITY_KINDS = ("Person", "Organization", "Country", "Place")
EVENT = "Event"
ROLES = ("source", "target", "place", "claimed by")
AFFILIATIONS = ("member of", "post in")
DEFAULT_SEED = 42

QUAD_ORDER = ("VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict")
OTHER_QUAD = "Other"

# What a source did to a target, by CAMEO code: the label of an edge of the actor network.
# Codes not listed take their root's verb.
VERBS = {
    "01": "made a statement on",
    "02": "appealed to",
    "03": "offered to cooperate with",
    "04": "met",
    "041": "phoned",
    "042": "visited",
    "043": "hosted",
    "045": "mediated with",
    "046": "negotiated with",
    "05": "cooperated with",
    "06": "worked with",
    "07": "aided",
    "08": "yielded to",
    "09": "investigated",
    "10": "demanded of",
    "11": "accused",
    "111": "criticised",
    "12": "rejected",
    "13": "threatened",
    "14": "protested against",
    "15": "mobilised against",
    "16": "cut ties with",
    "17": "coerced",
    "18": "assaulted",
    "19": "struck",
    "20": "massacred",
}


@dataclass(frozen=True)
class Concept:
    """A CAMEO code (or one of kg's own event types) as ``ontology/cameo.ttl`` describes it."""

    code: str
    name: str
    quad: str  # a QUAD_ORDER name or OTHER_QUAD
    root: str | None  # "19" for "195"; None for kg's own types ("Election")


@functools.lru_cache(maxsize=1)
def cameo_scheme() -> dict[str, Concept]:
    """Every concept of ``ontology/cameo.ttl`` by IRI, plus the QuadClass concepts by local name."""
    from kg.graph.rdf import codebook

    g = codebook()
    quads = {str(c): str(c).rsplit("#", 1)[-1] for c in g.objects(None, KG.quadClass)}
    out: dict[str, Concept] = {}
    for concept in g.subjects(RDF.type, SKOS.Concept):
        iri = str(concept)
        if iri.startswith(str(CAMEO)):
            code = iri[len(str(CAMEO)) :]
            root = code[:2] if code.isdigit() else None
        else:
            code, root = iri.rsplit("#", 1)[-1], None
        quad = g.value(concept, KG.quadClass)
        out[iri] = Concept(
            code=code,
            name=_first(g.objects(concept, SKOS.prefLabel)) or code,
            quad=quads.get(str(quad), OTHER_QUAD),
            root=root,
        )
    return out


def concept(code: str) -> Concept:
    """The concept of a CAMEO code ("195") or of one of kg's event types ("Election")."""
    from kg.graph.vocab import cameo

    scheme = cameo_scheme()
    found = scheme.get(str(cameo(code)))
    if found is not None:
        return found
    root = code[:2] if code.isdigit() else None
    parent = scheme.get(str(CAMEO[root])) if root else None
    return Concept(
        code=code, name=parent.name if parent else code, quad=parent.quad if parent else OTHER_QUAD, root=root
    )


def quad_names() -> dict[str, str]:
    """QuadClass local name -> its English name, in GDELT's order, then "Other"."""
    scheme = cameo_scheme()
    names = {q: scheme[str(getattr(KG, q))].name if str(getattr(KG, q)) in scheme else q for q in QUAD_ORDER}
    return {**names, OTHER_QUAD: "Other events"}


def root_names() -> dict[str, str]:
    """CAMEO root code -> its name: "19" -> "Fight"."""
    return {c.code: c.name for c in cameo_scheme().values() if c.root and c.code == c.root}


def verb(code: str) -> str:
    """How an actor-to-actor edge reads for an event of this code: "112" -> "accused"."""
    if code in VERBS:
        return VERBS[code]
    if code.isdigit() and code[:2] in VERBS:
        return VERBS[code[:2]]
    return "interacted with"


# --- reading the story graph from RDF ------------------------------------------------------------


def _first(values: Iterable) -> str | None:
    """The smallest of some RDF values as a string: a stable choice where a node has several."""
    found = sorted(str(v) for v in values)
    return found[0] if found else None


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _evidence(g: Graph, node: URIRef) -> list[dict]:
    out = []
    for m in g.objects(node, PROV.wasDerivedFrom):
        text = g.value(m, PROV.value)
        if text is None:
            continue
        doc = g.value(m, DCTERMS.isPartOf)
        start = g.value(m, KG.start)
        out.append(
            {
                "text": str(text),
                "doc": str(doc) if doc is not None else None,
                "start": int(start.toPython()) if start is not None else 0,
            }
        )
    out.sort(key=lambda e: (e["doc"] or "", e["start"], e["text"]))
    return out


def _int(g: Graph, node: URIRef, prop: URIRef) -> int | None:
    value = g.value(node, prop)
    try:
        return int(value.toPython()) if value is not None else None
    except (TypeError, ValueError):
        return None


def story_graph(g: Graph) -> nx.MultiDiGraph:
    """Entities and events of a kg graph as a networkx MultiDiGraph keyed by IRI.

    Node attributes: ``kind`` (Person, Organization, Country, Place or Event), ``label``, ``evidence``
    (sentences with their document); entities also ``aliases``, ``subtype``, ``same_as``, ``posts``;
    events also ``code``, ``name`` (the CAMEO name), ``root``, ``quad``, ``trigger`` (the words of the
    text), ``date``, ``status``, ``killed``, ``injured``, ``casualties``, ``participants``. Edge
    attribute ``role``: source and claimed-by edges point at the event, target and place edges away
    from it, affiliations from the member or holder. ``graph["documents"]`` maps document IRIs to
    their title, date and source file.
    """
    story = nx.MultiDiGraph()
    story.graph["documents"] = {
        str(d): {
            "title": _first(g.objects(d, DCTERMS.title)),
            "date": _first(g.objects(d, DCTERMS.date)),
            "source": _first(g.objects(d, KG.sourceFile)),
        }
        for d in sorted(set(g.subjects(RDF.type, KG.Document)))
    }
    kinds = {cls: kind for kind, cls in KIND_CLASS.items()}
    subtypes: dict[URIRef, str] = {}
    for cls in SUBTYPE_CLASS.values():
        if cls not in kinds:
            subtypes.setdefault(cls, _local(cls))
    events = sorted({s for s in g.subjects(SEM.eventType, None) if isinstance(s, URIRef)})
    event_set = set(events)

    typed: dict[URIRef, set[str]] = defaultdict(set)
    for cls, kind in kinds.items():
        for s in g.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and s not in event_set:
                typed[s].add(kind)
    for node in sorted(typed):
        kind = next(k for k in ENTITY_KINDS if k in typed[node])
        classes = most_specific(g.objects(node, RDF.type))  # not the super-classes a graph states too
        story.add_node(
            str(node),
            kind=kind,
            label=_first(g.objects(node, RDFS.label)) or _local(node),
            aliases=sorted({str(a) for a in g.objects(node, SKOS.altLabel)}),
            subtype=_first(subtypes[c] for c in classes if c in subtypes),
            same_as=sorted(str(o) for o in g.objects(node, OWL.sameAs)),
            posts=[],
            evidence=_evidence(g, node),
        )

    for holder, post in sorted(g.subject_objects(ORG.holds)):
        if str(holder) not in story:
            continue
        title = _first(g.objects(post, RDFS.label)) or _local(post)
        post_in = g.value(post, ORG.postIn)
        where = str(post_in) if post_in is not None and str(post_in) in story else None
        story.nodes[str(holder)]["posts"].append({"title": title, "in": where})
        if where and where != str(holder):
            story.add_edge(str(holder), where, role="post in", label=title)
    for member, org in sorted(g.subject_objects(ORG.memberOf)):
        if str(member) in story and str(org) in story and member != org:
            story.add_edge(str(member), str(org), role="member of", label="member of")

    for node in events:
        code_iri = _first(g.objects(node, SEM.eventType))
        c = cameo_scheme().get(code_iri) if code_iri else None
        if c is None:
            c = concept(_local(URIRef(code_iri))) if code_iri else Concept("", "Event", OTHER_QUAD, None)
        status = g.value(node, KG.status)
        casualties = sorted(
            (
                (_int(g, part, KG.count) or 0, _first(g.objects(part, RDFS.label)) or "")
                for part in g.objects(node, KG.casualties)
            ),
            key=lambda cw: (-cw[0], cw[1]),
        )
        story.add_node(
            str(node),
            kind=EVENT,
            label=c.name,
            name=c.name,
            code=c.code,
            root=c.root,
            quad=c.quad,
            trigger=_first(g.objects(node, RDFS.label)),
            date=_first(g.objects(node, SEM.hasTimeStamp)),
            approximate=bool(g.value(node, KG.approximate)),
            status=_local(status).lower() if status is not None else "asserted",
            killed=_int(g, node, KG.killed),
            injured=_int(g, node, KG.injured),
            casualties=[{"count": n, "what": w} for n, w in casualties],
            participants=sorted(
                {_first(g.objects(p, RDFS.label)) or _local(p) for p in g.objects(node, KG.participant)}
            ),
            evidence=_evidence(g, node),
        )
        for prop, role, outward in (
            (KG.source, "source", False),
            (KG.target, "target", True),
            (SEM.hasPlace, "place", True),
            (KG.claimedBy, "claimed by", False),
        ):
            for other in sorted(g.objects(node, prop)):
                if str(other) in story and story.nodes[str(other)]["kind"] != EVENT:
                    a, b = (str(node), str(other)) if outward else (str(other), str(node))
                    story.add_edge(a, b, role=role, label=role)
    return story


# --- what networkx computes ----------------------------------------------------------------------


def is_event(story: nx.MultiDiGraph, node: str) -> bool:
    return story.nodes[node]["kind"] == EVENT


def roles(story: nx.MultiDiGraph, event: str) -> dict[str, list[str]]:
    """The entities of an event by role: {"source": [...], "target": [...], ...}."""
    out: dict[str, list[str]] = {role: [] for role in ROLES}
    for a, _, data in story.in_edges(event, data=True):
        out[data["role"]].append(a)
    for _, b, data in story.out_edges(event, data=True):
        out[data["role"]].append(b)
    return {role: sorted(nodes) for role, nodes in out.items()}


@dataclass(frozen=True)
class Interaction:
    """What ``source`` did to ``target``, in one or more events of one kind: an actor-to-actor edge."""

    source: str
    target: str
    verb: str
    root: str | None
    events: tuple[str, ...]


def interactions(story: nx.MultiDiGraph) -> list[Interaction]:
    """Events collapsed into actor-to-actor edges, one per (source, target, verb)."""
    grouped: dict[tuple[str, str, str, str | None], list[str]] = defaultdict(list)
    for node, data in story.nodes(data=True):
        if data["kind"] != EVENT:
            continue
        r = roles(story, node)
        for s in r["source"]:
            for t in r["target"]:
                if s != t:
                    grouped[(s, t, verb(data["code"]), data["root"])].append(node)
    return [
        Interaction(s, t, v, root, tuple(sorted(evs)))
        for (s, t, v, root), evs in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))
    ]


def actor_network(story: nx.MultiDiGraph) -> nx.Graph:
    """Entities joined where one acted on the other in an event, or is a member or post holder of the other.

    Edge attributes: ``weight`` (events plus ties), ``events`` (event IRIs), ``ties`` (affiliations).
    Every entity is a node, so those that never interact are isolates.
    """
    actors = nx.Graph()
    for node, data in story.nodes(data=True):
        if data["kind"] != EVENT:
            actors.add_node(node, kind=data["kind"], label=data["label"])

    def link(a: str, b: str) -> dict:
        if not actors.has_edge(a, b):
            actors.add_edge(a, b, weight=0, events=[], ties=[])
        return actors.edges[a, b]

    for item in interactions(story):
        edge = link(item.source, item.target)
        edge["events"].extend(e for e in item.events if e not in edge["events"])
    for a, b, data in story.edges(data=True):
        if data["role"] in AFFILIATIONS:
            link(a, b)["ties"].append(data["role"])
    for _, _, data in actors.edges(data=True):
        data["events"].sort()
        data["weight"] = len(data["events"]) + len(data["ties"])
    return actors


def centrality(actors: nx.Graph) -> dict[str, float]:
    """Degree centrality: the share of the other actors each actor dealt with."""
    return nx.degree_centrality(actors) if len(actors) else {}


def activity(story: nx.MultiDiGraph) -> dict[str, int]:
    """How many events each entity takes part in as source, target or claimant."""
    counts = {node: 0 for node, data in story.nodes(data=True) if data["kind"] != EVENT}
    for a, b, data in story.edges(data=True):
        if data["role"] in ("source", "claimed by"):
            counts[a] += 1
        elif data["role"] == "target":
            counts[b] += 1
    return counts


def communities(actors: nx.Graph, *, seed: int = DEFAULT_SEED) -> list[list[str]]:
    """Louvain communities of the actor network with at least two members, largest first.

    Members are sorted by centrality (then name); Louvain is randomised, so ``seed`` makes it
    repeatable.
    """
    if actors.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(actors, weight="weight", seed=seed)
    score = centrality(actors)

    def order(node: str) -> tuple[float, str]:
        return (-score[node], actors.nodes[node]["label"])

    groups = [sorted(c, key=order) for c in found if len(c) > 1]
    return sorted(groups, key=lambda members: (-len(members), order(members[0])))


def community_of(story: nx.MultiDiGraph, groups: list[list[str]]) -> dict[str, int]:
    """Community index of every node that has one; an event takes its source's (else target's, ...)."""
    member = {node: i for i, group in enumerate(groups) for node in group}
    out = dict(member)
    for node, data in story.nodes(data=True):
        if data["kind"] == EVENT:
            r = roles(story, node)
            for role in ROLES:
                found = [member[n] for n in r[role] if n in member]
                if found:
                    out[node] = min(found)
                    break
    return out


def linked(story: nx.MultiDiGraph) -> set[str]:
    """The nodes that take part in something: an event, a role, a membership or a post."""
    return {node for node in story if story.degree(node) > 0}


def overview(
    story: nx.MultiDiGraph,
    budget: int,
    *,
    score: dict[str, float] | None = None,
    groups: list[list[str]] | None = None,
    per_actor: int = 6,
) -> list[str]:
    """At most ``budget`` nodes to open a large graph on: the most central actors and their events.

    Actors are taken in turn: first the most central member of each community (largest first, so
    that every large part of the corpus shows), then the rest by centrality. Each actor brings the
    events (at most ``per_actor``) whose sources, targets and claimants are all taken, most
    connected first, and their places while the budget allows. Returns the nodes in that order.
    """
    if budget <= 0:
        return []
    if score is None or groups is None:
        actors = actor_network(story)
        score = centrality(actors) if score is None else score
        groups = communities(actors) if groups is None else groups
    acts = activity(story)
    entities = [n for n, d in story.nodes(data=True) if d["kind"] != EVENT and story.degree(n) > 0]
    by_rank = sorted(entities, key=lambda n: (-score.get(n, 0.0), -acts.get(n, 0), story.nodes[n]["label"], n))
    firsts = [g[0] for g in groups if story.degree(g[0]) > 0][: max(1, budget // 10)]
    order = list(dict.fromkeys(firsts + by_rank))

    players: dict[str, list[str]] = {}  # event -> its sources, targets and claimants
    places: dict[str, list[str]] = {}
    events_of: dict[str, list[str]] = defaultdict(list)
    for node, data in story.nodes(data=True):
        if data["kind"] == EVENT:
            r = roles(story, node)
            players[node] = sorted(set(r["source"] + r["target"] + r["claimed by"]))
            places[node] = r["place"]
            for actor in players[node]:
                events_of[actor].append(node)

    chosen: dict[str, None] = {}  # insertion-ordered set
    for actor in order:
        if len(chosen) >= budget:
            break
        if actor in chosen:
            continue
        chosen[actor] = None
        ready = [e for e in events_of.get(actor, ()) if e not in chosen and all(p in chosen for p in players[e])]
        ready.sort(key=lambda e: (-len(players[e]), -len(story.nodes[e]["evidence"]), e))
        for event in ready[:per_actor]:
            if len(chosen) >= budget:
                break
            chosen[event] = None
            for place in places[event]:
                if place not in chosen and len(chosen) < budget:
                    chosen[place] = None
    return list(chosen)


# --- kg stats ------------------------------------------------------------------------------------


@dataclass
class Ranked:
    iri: str
    label: str
    kind: str
    centrality: float
    partners: int  # distinct actors dealt with
    events: int  # events taken part in


@dataclass
class Summary:
    documents: int
    entities: Counter
    events: int
    central: list[Ranked]
    communities: list[list[tuple[str, str]]]  # (iri, label) per member
    by_root: list[tuple[str, str, int]]  # (code, name, count), by code
    by_quad: list[tuple[str, str, int]]  # (QuadClass, name, count), in GDELT's order
    seed: int = DEFAULT_SEED

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "entities": dict(self.entities),
            "events": self.events,
            "central": [vars(r) for r in self.central],
            "communities": [[{"iri": i, "label": label} for i, label in c] for c in self.communities],
            "by_root": [{"code": c, "name": n, "events": k} for c, n, k in self.by_root],
            "by_quad": [{"quad": q, "name": n, "events": k} for q, n, k in self.by_quad],
            "seed": self.seed,
        }


def counts(story: nx.MultiDiGraph) -> tuple[Counter, Counter]:
    """Events by CAMEO root code (None for kg's own types) and by QuadClass."""
    by_root: Counter = Counter()
    by_quad: Counter = Counter()
    for _, data in story.nodes(data=True):
        if data["kind"] == EVENT:
            by_root[data["root"]] += 1
            by_quad[data["quad"]] += 1
    return by_root, by_quad


def summarize(story: nx.MultiDiGraph, *, top: int = 10, seed: int = DEFAULT_SEED) -> Summary:
    """What ``kg stats`` prints: the most central actors, the communities, counts by CAMEO category."""
    actors = actor_network(story)
    score = centrality(actors)
    acts = activity(story)
    ranked = [
        Ranked(
            n,
            actors.nodes[n]["label"],
            actors.nodes[n]["kind"],
            round(score[n], 4),
            actors.degree(n),
            acts[n],
        )
        for n in actors
    ]
    ranked.sort(key=lambda r: (-r.centrality, -r.events, r.label))
    ranked = [r for r in ranked if r.partners or r.events][:top]
    by_root, by_quad = counts(story)
    names = root_names()
    quads = quad_names()
    return Summary(
        documents=len(story.graph.get("documents", {})),
        entities=Counter(d["kind"] for _, d in story.nodes(data=True) if d["kind"] != EVENT),
        events=sum(by_root.values()),
        central=ranked,
        communities=[[(n, actors.nodes[n]["label"]) for n in c] for c in communities(actors, seed=seed)],
        by_root=[
            (code or "-", names.get(code, "kg's own event types") if code else "kg's own event types", n)
            for code, n in sorted(by_root.items(), key=lambda kv: kv[0] or "99")
        ],
        by_quad=[(q, quads[q], by_quad[q]) for q in quads if by_quad[q]],
        seed=seed,
    )


# --- kg export -----------------------------------------------------------------------------------

EXPORT_FORMATS = (".graphml", ".gexf", ".json")


def _flat(value: object) -> str | int | float | bool | None:
    """An attribute value GraphML and GEXF can hold: lists joined, dicts written out, None dropped."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    return "; ".join(str(_flat(v)) for v in value)


def export_graph(story: nx.MultiDiGraph, *, actors: bool = False, seed: int = DEFAULT_SEED) -> nx.Graph:
    """The story graph (or with ``actors`` the actor network) with analysis results as plain attributes.

    Every node gets ``label``, ``kind``, ``community`` (-1 for none) and, for entities, ``centrality``
    and ``events``; event nodes keep their CAMEO code, name, root, QuadClass, date, numbers and
    evidence sentences. Values are strings, numbers or booleans so that GraphML and GEXF can hold them.
    """
    network = actor_network(story)
    score = centrality(network)
    acts = activity(story)
    community = community_of(story, communities(network, seed=seed))
    documents = story.graph.get("documents", {})

    def node_attrs(node: str) -> dict:
        data = story.nodes[node]
        attrs = {"label": data["label"], "kind": data["kind"], "community": community.get(node, -1)}
        if data["kind"] == EVENT:
            for key in ("code", "name", "root", "quad", "trigger", "date", "status", "killed", "injured"):
                attrs[key] = data[key]
            attrs["casualties"] = [f"{c['count']} {c['what']}" for c in data["casualties"]]
            attrs["participants"] = data["participants"]
        else:
            attrs.update(
                centrality=round(score.get(node, 0.0), 4),
                events=acts.get(node, 0),
                aliases=data["aliases"],
                subtype=data["subtype"],
                posts=[p["title"] for p in data["posts"]],
            )
        attrs["evidence"] = " | ".join(e["text"] for e in data["evidence"])
        attrs["documents"] = [
            (documents.get(e["doc"]) or {}).get("title") or e["doc"] or "" for e in data["evidence"]
        ]
        return {k: _flat(v) for k, v in attrs.items() if _flat(v) not in (None, "")}

    if actors:
        out = nx.Graph()
        for node in network:
            out.add_node(node, **node_attrs(node))
        verbs = {(i.source, i.target): i.verb for i in interactions(story)}
        for a, b, data in network.edges(data=True):
            said = sorted({verbs[p] for p in ((a, b), (b, a)) if p in verbs})
            out.add_edge(
                a, b, weight=data["weight"], events=len(data["events"]), label=", ".join(said + data["ties"])
            )
        return out
    out = nx.MultiDiGraph()
    for node in story:
        out.add_node(node, **node_attrs(node))
    for a, b, data in story.edges(data=True):
        out.add_edge(a, b, role=data["role"], label=data["label"])
    return out


def write_export(graph: nx.Graph, path) -> None:
    """Write a graph as GraphML, GEXF or networkx's node-link JSON, as ``path``'s extension says."""
    import json
    from pathlib import Path

    from kg.files import write_atomic

    suffix = Path(path).suffix.lower()
    if suffix == ".graphml":
        write_atomic(path, "\n".join(nx.generate_graphml(graph)) + "\n")
    elif suffix == ".gexf":
        write_atomic(path, "\n".join(nx.generate_gexf(graph)) + "\n")
    elif suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        raise ValueError(f"{path}: unknown export format {suffix!r}; use one of {', '.join(EXPORT_FORMATS)}")

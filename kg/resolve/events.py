"""Event coreference: the mentions of one real event, in one or many documents, become one node.

Sameness is decided from the event's type, participants, place and time, never from its wording:
two mentions are one event when their CAMEO families agree (the violent roots 18-20 form one
family), their sources and targets do not differ, their places and times are compatible (equal,
one unknown, or one inside the other), and, when neither names an actor, they share something
concrete: a participant, a place or a casualty count.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from kg.ids import digest
from kg.model import Corpus, Event, EventMention, Evidence, Participant, Status, TimeValue
from kg.resources.gazetteer import Gazetteer, read_table

VIOLENT = {"18", "19", "20"}
STATUS_ORDER = [Status.ASSERTED, Status.REPORTED, Status.PLANNED, Status.HYPOTHETICAL, Status.DENIED]


@functools.cache
def thing_classes() -> frozenset[str]:
    """Participant classes that are things (a convoy, a hospital), not people (data/participants.tsv)."""
    return frozenset(row["class"] for row in read_table("participants.tsv") if row.get("kind") == "thing")


def family(code: str) -> str:
    root = code[:2] if code[:2].isdigit() else code
    return "violence" if root in VIOLENT else root


NONE: frozenset = frozenset()


@dataclass(slots=True)
class Cluster:
    """The mentions of one event so far, with what ``_fits`` compares. Its sets start as one shared
    empty set, replaced by a set of its own at the first value and grown in place after that: most
    clusters hold one mention, and a corpus makes tens of thousands of them, while a few hold the
    mentions of thousands of documents (copying their sets at each mention grows with the square)."""

    family: str
    mentions: list[tuple[EventMention, dict]] = field(default_factory=list)
    source: str | None = None
    target: str | None = None
    places: AbstractSet[str] = NONE
    times: AbstractSet[str] = NONE
    killed: AbstractSet[int] = NONE
    participants: AbstractSet[str] = NONE
    planned: bool = False
    tensed: bool = False  # whether any mention says when it happens relative to now
    documents: AbstractSet[str] = NONE

    def add(self, m: EventMention, keys: dict) -> None:
        self.mentions.append((m, keys))
        self.documents = _with(self.documents, m.evidence.doc_id)
        self.source = self.source or keys["source"]
        self.target = self.target or keys["target"]
        if keys["place"]:
            self.places = _with(self.places, keys["place"])
        if m.time:
            self.times = _with(self.times, m.time.value)
        if m.killed is not None:
            self.killed = _with(self.killed, m.killed)
        for p in m.participants:
            self.participants = _with(self.participants, p.cls)
        if m.tensed:
            self.planned = self.planned or m.status is Status.PLANNED
            self.tensed = True


def _with(values: AbstractSet, value) -> AbstractSet:
    """``values`` with ``value``: the shared empty set is never changed, a cluster's own set is grown."""
    if value in values:
        return values
    if values is NONE:
        return {value}
    values.add(value)  # type: ignore[attr-defined]
    return values


class EventResolver:
    def __init__(self, gaz: Gazetteer | None = None, sides: dict[str, set[str]] | None = None,
                 dates: Mapping[str, str | None] | None = None) -> None:
        self.gaz = gaz or Gazetteer.default()
        self.sides = sides or {}  # an actor -> the countries it acts for (an official's, an embassy's)
        self.dates = dates or {}  # a document's date, by doc_id (``first_report``)

    def first_report(self, m: EventMention) -> tuple:
        """The order in which an event's mentions name it: the earliest-dated article first (undated
        ones last), then by doc_id and place in the text. An event's IRI and label come from its
        first report, so that a later article joining an event does not rename it: in a store that
        grows by the day, the events of earlier days keep their IRIs (and the graphs that hold them
        are not written again). By doc_id alone, a new article would come first with a chance of one
        in the number of articles of the event."""
        date = self.dates.get(m.evidence.doc_id)
        return (date is None, date or "", m.evidence.doc_id, m.evidence.start, m.code)

    def _country_of(self, key: str) -> str | None:
        if key.startswith("country:"):
            return key
        entry = self.gaz.by_key.get(key)
        return f"country:{entry.country}" if entry is not None and entry.country else None

    def _places_fit(self, a: set[str], b: set[str]) -> bool:
        if not a or not b:
            return True
        for x in a:
            for y in b:
                if x == y or self._country_of(x) == y or self._country_of(y) == x:
                    continue
                return False
        return True

    @staticmethod
    def _country_set(key: str | None) -> set[str]:
        return {key} if key is not None and key.startswith("country:") else set()

    @staticmethod
    def _times_fit(a: set[str], b: set[str]) -> bool:
        return all(x.startswith(y) or y.startswith(x) for x in a for y in b)

    def _sides(self, key: str) -> set[str]:
        """The countries an actor speaks for: an embassy's, an official's (from the posts the corpus knows)."""
        found = set(self.sides.get(key, ()))
        if key.startswith("org:embassy-"):
            found.add("country:" + key.rsplit("-", 1)[1].upper())
        return found

    def _same_actor(self, a: str | None, b: str | None, *, officials: bool = False) -> bool:
        """One side of an event: the same actor, or a country and its embassy (and, for the side an
        event is done to, its officials: visiting Russia's foreign minister in Moscow is visiting Russia)."""
        if a == b:
            return True
        if a is None or b is None:
            return False
        if officials:
            return b in self._sides(a) or a in self._sides(b)
        embassy = {k for k in (a, b) if k.startswith("org:embassy-")}
        return any(other in self._sides(e) for e in embassy for other in (a, b) if other != e)

    def _fits_across(self, c: Cluster, m: EventMention, keys: dict) -> bool:
        """Whether a mention may join a cluster of other documents (of its family, see ``_fits``): with a
        date on both sides, compatible actors and place and one of them shared; with a date missing on
        either side, only with the same source, target and place. Different stories about one country
        (a car bomb in one town, an air strike in another) stay apart."""
        place = {keys["place"]} if keys["place"] else set()
        things = {p.cls for p in m.participants} & thing_classes()
        if things and c.participants & thing_classes() and not things & c.participants:
            return False  # a market bombed and a camp attacked are two events
        if not c.times or m.time is None:
            known = sum(x is not None for x in (c.source, c.target)) + bool(place)
            if known >= 2 and c.source == keys["source"] and c.target == keys["target"] and c.places == place:
                return True
            # the same kind of thing hit ("the aid convoy"), placed by one and not contradicted by the other;
            # not the same kind of people ("civilians" are in every war story)
            shared = c.participants & {p.cls for p in m.participants} & thing_classes()
            return bool(shared) and bool(c.places | place) and self._places_fit(c.places, place)
        same_source = c.source is not None and self._same_actor(c.source, keys["source"])
        same_target = c.target is not None and self._same_actor(c.target, keys["target"], officials=c.family == "04")
        return same_source or same_target or bool(c.places & place)

    def _fits(self, c: Cluster, m: EventMention, keys: dict) -> bool:
        if family(m.code) != c.family:
            return False
        if m.evidence.doc_id not in c.documents and not self._fits_across(c, m, keys):
            return False
        if c.source and keys["source"] and not self._same_actor(c.source, keys["source"]):
            return False
        officials = c.family == "04"  # a visit to Moscow to meet Russia's foreign minister is a visit to Russia
        if c.target and keys["target"] and not self._same_actor(c.target, keys["target"], officials=officials):
            return False
        place = {keys["place"]} if keys["place"] else set()
        time = {m.time.value} if m.time else set()
        if not self._places_fit(c.places, place) or not self._times_fit(c.times, time):
            return False
        if c.family == "violence" and not self._places_fit(c.places | self._country_set(c.target),
                                                            place | self._country_set(keys["target"])):
            return False  # war crimes in Syria and an intervention against Ukraine are two wars
        if m.tensed and c.tensed and c.planned != (m.status is Status.PLANNED):
            return False  # what is announced is not what was done ("the trip" may be either)
        if c.killed and m.killed is not None and m.killed not in c.killed:
            return False
        same_actors = c.source is not None and self._same_actor(c.source, keys["source"]) and \
            (self._same_actor(c.target, keys["target"], officials=officials) or not c.target or not keys["target"])
        if same_actors:
            return True
        if c.family != "violence" and not keys["source"] and keys["target"] and \
                self._same_actor(c.target, keys["target"]) and m.evidence.doc_id in c.documents:
            return True  # "Demonstrate outside Russian embassy": the headline of the call the article reports
        shared = bool(c.participants & {p.cls for p in m.participants}) or bool(c.places & place) or \
            (m.killed is not None and m.killed in c.killed) or \
            bool(place and any(self._country_of(p) in place or self._country_of(next(iter(place))) == p
                               for p in c.places))
        anonymous = not keys["source"] or not c.source
        return c.family == "violence" and anonymous and shared

    def resolve(self, items: list[tuple[EventMention, dict]], clustered: Sequence[Cluster] = ()) -> list[Event]:
        """The events of ``items``, with the clusters of families already ``clustered`` from the same
        mentions (a family's clusters depend on its own mentions alone)."""
        return sorted((self._event(c) for c in (*clustered, *self.cluster(items))), key=lambda e: e.key)

    def cluster(self, items: list[tuple[EventMention, dict]]) -> list[Cluster]:
        """Each mention joins the first cluster (in the order they were made) it fits, or starts one.

        Only the clusters a mention could fit are tried (see ``_Candidates``): trying them all
        grows with the square of the corpus."""
        clusters: list[Cluster] = []
        candidates: dict[str, _Candidates] = {}
        # the most informative mentions first, so that clusters form around them
        def weight(item):
            m, keys = item
            known = sum(bool(x) for x in (keys["source"], keys["target"], keys["place"], m.time, m.killed))
            return (-known, m.evidence.doc_id, m.evidence.start, m.code, m.trigger)

        for m, keys in sorted(items, key=weight):
            fam = family(m.code)
            found = candidates.setdefault(fam, _Candidates(self, fam))
            home = next((c for c in found.for_mention(m, keys) if self._fits(c, m, keys)), None)
            if home is None:
                home = Cluster(fam)
                clusters.append(home)
            home.add(m, keys)
            found.file(home, m, keys)
        return clusters

    def _event(self, c: Cluster) -> Event:
        mentions = sorted(c.mentions, key=lambda mk: (mk[0].evidence.doc_id, mk[0].evidence.start, mk[0].code))
        # the kind of event is what the texts assert before what someone in them claims
        best = next(s for s in STATUS_ORDER if any(m.status is s for m, _ in mentions))
        codes = Counter(m.code for m, _ in mentions if m.status is best)
        code = sorted(codes, key=lambda k: (-codes[k], -len(k), k))[0]
        first = min((m for m, _ in mentions), key=self.first_report)
        evidence = tuple(sorted({m.evidence for m, _ in mentions}, key=lambda e: (e.doc_id, e.start, e.end)))
        times = sorted({m.time for m, _ in mentions if m.time}, key=lambda t: (-len(t.value), t.approximate, t.value))
        time: TimeValue | None = times[0] if times else None
        places = sorted(c.places, key=lambda p: (p.startswith("country:"), p))
        killed = Counter(m.killed for m, _ in mentions if m.killed is not None)
        parts = next((m.killed_parts for m, _ in mentions if m.killed_parts), ())
        injured = max((m.injured for m, _ in mentions if m.injured is not None), default=None)
        statuses = {m.status for m, _ in mentions}
        status = next(s for s in STATUS_ORDER if s in statuses)
        claimed = tuple(sorted({(m.evidence.doc_id, k["claimed_by"]) for m, k in mentions
                                if k["claimed_by"] and k["claimed_by"] != c.source}))
        participants: dict[str, Participant] = {}
        for m, _ in mentions:
            for p in m.participants:
                participants.setdefault(p.cls, p)
        key = "event:" + digest(c.family, c.source or "", c.target or "", first.evidence.doc_id,
                                str(first.evidence.start), first.code)
        return Event(
            key=key, code=code, label=first.trigger, evidence=evidence, source=c.source, target=c.target,
            place=places[0] if places else None, participants=tuple(participants[k] for k in sorted(participants)),
            time=time, killed=sorted(killed, key=lambda k: (-killed[k], -k))[0] if killed else None,
            injured=injured, killed_parts=parts, status=status, claimed_by=claimed,
        )


def _periods(value: str) -> list[str]:
    """A time and the times it lies in: "2016-09-19" -> "2016", "2016-09", "2016-09-19". A time
    that begins another (``TimeValue``: a year, a month or a day) ends where the other has a
    separator, so it is one of these."""
    return [value[:i] for i, ch in enumerate(value) if not ch.isdigit()] + [value]


class _Candidates:
    """The clusters of one family, filed by what ``EventResolver._fits`` needs to admit a mention,
    so that a mention is tried only against clusters it could fit, in the order they were made.

    Why every cluster ``_fits`` would accept is among those ``for_mention`` returns: ``_fits``
    says yes in one of three ways, whatever else it checks,
    (a) the cluster has a source, and the mention's is the same actor;
    (b) not violence: the mention has no source, its target is the cluster's, and the cluster
        holds a mention of its document;
    (c) violence: the mention or the cluster has no source, and they share something;
    and a cluster of other documents must pass ``_fits_across`` too: with a time on both sides,
    the same source, the same target or a shared place; with a time missing on either side, the
    same source, target and places ("signature", two of them known at least) or a kind of thing
    in common. So a mention may join
    - any cluster holding a mention of its document ("document"), unless, outside violence, it
      has neither source nor target: then none;
    - by (a), a cluster of another document whose source is one actor with the mention's: with a
      time on both sides any such ("source"), else one with its signature or a thing in common
      ("signature", "thing" with the source). Outside violence, that is all: (b) wants the same
      document and (c) violence, so a target alone (the officials of a visited country, "04")
      never brings a cluster of another document;
    - by (c), a violent cluster of another document, with no source if the mention has one: with
      a time on both sides one with its target or a place of its own ("target", "place"; a source
      in common is impossible there), else one with its signature (no source on either side) or a
      thing in common ("thing" with no source, or with any if the mention has none).
    Actors are filed and looked up by their faces (``_faces``), which meet whenever ``_same_actor``
    holds. ``_fits`` also wants each time of the cluster to begin the mention's or be begun by it:
    the keys for a time on both sides are filed with each time of the cluster ("at") and each
    period it lies in ("in"), and looked up with the periods the mention's time lies in ("at")
    and that time itself ("in"), so that a year does not fetch every cluster of every day.
    A cluster is filed again, under all it holds, each time a mention joins it. What it holds
    only grows, but it may get a source or a time later and its signature changes: keys that no
    longer hold stay filed, a superset still, and ``_fits`` rejects them (the "untimed" keys, for
    a mention with a time, of a cluster that has one since are skipped here).
    """

    def __init__(self, resolver: EventResolver, fam: str) -> None:
        self.resolver = resolver
        self.violence = fam == "violence"
        self.rank: dict[int, int] = {}  # id(cluster) -> the order it was made in
        self.index: dict[tuple, dict[int, Cluster]] = {}  # (what, value...) -> clusters

    def _faces(self, actor: str | None) -> list[str | None]:
        """The keys an actor is filed and looked up under: itself, and for an embassy the countries
        it speaks for (``_same_actor`` takes one for the other; two embassies of one country meet
        here though they are not one actor: ``_fits`` decides)."""
        if actor is not None and actor.startswith("org:embassy-"):
            return [actor, *self.resolver._sides(actor)]
        return [actor]

    def file(self, c: Cluster, m: EventMention, keys: dict) -> None:
        """File a cluster under all it holds once ``m`` has joined it."""
        self.rank.setdefault(id(c), len(self.rank))
        sources = self._faces(c.source)
        filed: list[tuple] = [("document", m.evidence.doc_id)]
        # a mention of another document, with a time on both sides: (a) its source, (c) target or place
        timed = [("source", face) for face in sources if face is not None]
        if self.violence:
            timed += [("target", face) for face in self._faces(c.target) if face is not None]
            timed += [("place", place) for place in c.places]
        for time in c.times:
            filed += [(*key, "at", time) for key in timed]
            filed += [(*key, "in", period) for key in timed for period in _periods(time)]
        # with a time missing on either side: the signature, a thing in common (face None: no source)
        untimed: list[tuple] = []
        if (c.source is not None) + (c.target is not None) + bool(c.places) >= 2:
            untimed.append(("signature", c.source, c.target, frozenset(c.places)))
        for cls in c.participants & thing_classes():
            untimed += [("thing", cls, face) for face in sources]
            if self.violence:
                untimed.append(("thing", cls))
        filed += untimed
        if not c.times:  # for a mention with a time, only a cluster without one will do
            filed += [("untimed", *key) for key in untimed]
        for key in filed:
            self.index.setdefault(key, {})[id(c)] = c

    def for_mention(self, m: EventMention, keys: dict) -> list[Cluster]:
        """The clusters ``m`` could fit (see the class), in the order they were made."""
        source, target, place = keys["source"], keys["target"], keys["place"]
        time = m.time.value if m.time else None
        found: dict[int, Cluster] = {}

        def take(wanted: list[tuple], keep=lambda c: True) -> None:
            for key in wanted:
                for k, c in self.index.get(key, {}).items():
                    if k not in found and keep(c):
                        found[k] = c

        def agrees(c: Cluster) -> bool:  # ``_times_fit`` of the cluster's times and the mention's
            return time is None or all(x.startswith(time) or time.startswith(x) for x in c.times)

        if source is not None or target is not None or self.violence:
            take([("document", m.evidence.doc_id)], agrees)
        if source is not None or self.violence:  # other documents: (a), (c)
            faces = self._faces(source) if source is not None else []
            things = {p.cls for p in m.participants} & thing_classes()
            untimed = [("signature", source, target, frozenset([place] if place else []))]
            untimed += [("thing", cls, face) for cls in things for face in faces]
            if self.violence:
                untimed += [("thing", cls) if source is None else ("thing", cls, None) for cls in things]
            if time is None:
                take(untimed)
            else:
                take([("untimed", *key) for key in untimed], lambda c: not c.times)
                periods = [("at", period) for period in _periods(time)] + [("in", time)]
                take([("source", face, *when) for face in faces for when in periods], agrees)
                if self.violence:
                    shared = [("target", face) for face in self._faces(target) if face is not None]
                    shared += [("place", place)] if place else []
                    take([(*key, *when) for key in shared for when in periods],
                         lambda c: (source is None or c.source is None) and agrees(c))
        return sorted(found.values(), key=lambda c: self.rank[id(c)])


def resolve_events(resolver, corpus: Corpus) -> list[Event]:
    """Every event mention of the corpus, with its actors resolved, clustered into events."""
    known = {e.key for e in corpus.entities}

    def key(d: int, ref) -> str | None:
        k = resolver.entity_key(d, ref)
        return k if k in known else None

    items = []
    about: list[tuple[int, dict, tuple[int, int]]] = []
    for d, facts in enumerate(resolver.facts):
        for index, m in enumerate(facts.events):
            keys = {"source": key(d, m.source), "target": key(d, m.target), "place": key(d, m.place),
                    "claimed_by": key(d, m.claimed_by), "mention": (d, index)}
            if keys["source"] and keys["source"] == keys["target"]:
                keys["target"] = None
            if m.code.isdigit() and m.code[:2] not in VIOLENT | {"14", "15", "16", "17"} and not keys["source"]:
                # a statement, appeal or meeting by nobody we know is no fact worth keeping (extraction has given
                # "we" and "I" their speaker or author already; who reports an act is not who does it). kg's own
                # events (an earthquake, an election, a death) have no doer: their place, time or dead tell them
                continue
            if not any(keys[k] for k in ("source", "target", "place", "claimed_by")) and m.killed is None \
                    and not m.participants:
                continue
            if m.about is not None and not keys["target"]:
                about.append((len(items), keys, (d, m.about)))
            items.append((m, keys))
    sides: dict[str, set[str]] = {}
    for post in corpus.posts:
        if post.post_in and post.post_in.startswith("country:"):
            sides.setdefault(post.holder, set()).add(post.post_in)
    resolver_ = EventResolver(sides=sides, dates={doc.doc_id: doc.date for doc in corpus.documents})
    kept: list[Cluster] = []
    if about:
        # "condemned the attack": the target is whoever the corpus says did the attack. Families
        # cluster apart (``_fits``), so the families of the acts referred to are all it takes
        referred = {family(resolver.facts[d].events[i].code) for _, _, (d, i) in about}
        clusters = resolver_.cluster([(m, k) for m, k in items if family(m.code) in referred])
        source_of = {mk[1]["mention"]: c.source for c in clusters for mk in c.mentions}
        for _, keys, ref in about:
            target = source_of.get(ref)
            if target and target != keys["source"]:
                keys["target"] = target
        # a referred family with no mention about another event has the same mentions again: its
        # clusters are kept; the families of the mentions given a target (or dropped) are made again
        changed = {family(m.code) for m, _ in items if m.about is not None}
        kept = [c for c in clusters if c.family not in changed]
        del clusters, source_of
        done = referred - changed
        items = [(m, k) for m, k in items if (m.about is None or k["target"]) and family(m.code) not in done]
    return resolver_.resolve(items, kept)


__all__ = ["resolve_events", "EventResolver", "family", "Evidence"]

"""Event coreference tries a mention only against the clusters it could fit; it must find the same
clusters as trying every one of them, whatever the mentions."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import EventMention, Evidence, Participant, Status, TimeValue
from kg.resolve.events import Cluster, EventResolver, family, thing_classes

ACTORS = [None, "country:RU", "country:SY", "country:GB", "org:embassy-london-ru", "org:embassy-moscow-gb",
          "person:lavrov", "person:johnson"]
PLACES = [None, "country:SY", "country:RU", "place:170063", "place:524901"]  # Aleppo, Moscow (GeoNames)
CODES = ["190", "193", "195", "183", "112", "111", "040", "042", "043", "141", "173", "051"]
TIMES = [None, "2016", "2016-09", "2016-09-19", "2016-09-20", "2016-10"]
PARTICIPANTS = [Participant("Convoy", "aid convoy"), Participant("Civilian", "civilians"),
                Participant("Hospital", "hospital")]


@st.composite
def mentions(draw):
    doc = draw(st.sampled_from(["d1", "d2", "d3"]))
    start = draw(st.integers(0, 50)) * 10
    m = EventMention(
        code=draw(st.sampled_from(CODES)), trigger="t", evidence=Evidence(doc, start, start + 5, "words"),
        participants=tuple(draw(st.sets(st.sampled_from(PARTICIPANTS), max_size=2))),
        time=(TimeValue(t) if (t := draw(st.sampled_from(TIMES))) else None),
        killed=draw(st.sampled_from([None, None, 3, 21])),
        status=draw(st.sampled_from([Status.ASSERTED, Status.PLANNED])), tensed=draw(st.booleans()),
    )
    keys = {"source": draw(st.sampled_from(ACTORS)), "target": draw(st.sampled_from(ACTORS)),
            "place": draw(st.sampled_from(PLACES)), "claimed_by": None}
    return m, keys


def every_cluster(resolver: EventResolver, items, joined: list | None = None) -> list[Cluster]:
    """The plain rule: each mention, most informative first, joins the first cluster it fits
    (``joined`` gets the cluster, as it was, and the mention, each time one joins)."""
    clusters: list[Cluster] = []

    def weight(item):
        m, keys = item
        known = sum(bool(x) for x in (keys["source"], keys["target"], keys["place"], m.time, m.killed))
        return (-known, m.evidence.doc_id, m.evidence.start, m.code, m.trigger)

    for m, keys in sorted(items, key=weight):
        home = next((c for c in clusters if resolver._fits(c, m, keys)), None)
        if home is None:
            home = Cluster(family(m.code))
            clusters.append(home)
        elif joined is not None:
            joined.append(ways(resolver, home, m, keys))
        home.add(m, keys)
    return clusters


def shape(clusters: list[Cluster]) -> list[list[tuple]]:
    return [[(m.evidence, m.code, tuple(sorted(k.items(), key=str))) for m, k in c.mentions] for c in clusters]


@settings(max_examples=1500, deadline=None)
@given(st.lists(mentions(), max_size=40))
def test_clusters_tried_by_what_they_hold_are_those_of_trying_them_all(items):
    resolver = EventResolver(sides={"person:lavrov": {"country:RU"}, "person:johnson": {"country:GB"}})
    assert shape(resolver.cluster(items)) == shape(every_cluster(resolver, items))


def test_an_embassy_and_its_country_make_one_side_of_one_event():
    resolver = EventResolver()
    said = Evidence("d1", 0, 10, "words")
    items = [(EventMention("112", "accused", said, time=TimeValue("2016-09-19")),
              {"source": "country:RU", "target": "country:GB", "place": None, "claimed_by": None}),
             (EventMention("112", "accused", Evidence("d2", 0, 10, "words"), time=TimeValue("2016-09")),
              {"source": "org:embassy-london-ru", "target": "country:GB", "place": None, "claimed_by": None})]
    clusters = resolver.cluster(items)
    assert len(clusters) == 1 and len(clusters[0].mentions) == 2


def ways(resolver: EventResolver, c: Cluster, m: EventMention, keys: dict) -> set[str]:
    """What a mention joining a cluster has in common with it, by the ways ``_fits`` may admit it."""
    found = set()
    if m.evidence.doc_id in c.documents:
        found.add("same document")
    else:
        found.add("other document, " + ("timed" if m.time and c.times else "untimed"))
        if c.participants & {p.cls for p in m.participants} & thing_classes():
            found.add("a thing in common")
        if c.family == "violence" and not keys["source"]:
            found.add("violence without source, other document")
    if c.source and keys["source"] and c.source != keys["source"]:
        found.add("an embassy and its country")
    if c.family == "04" and c.target and keys["target"] and c.target != keys["target"]:
        found.add("a visit to an official and to the country")
    if len(m.time.value if m.time else "") == 4 or any(len(t) == 4 for t in c.times):
        found.add("a year only")
    return found


# a made-up world: two places in France, one in Norway (gazetteer keys), France's embassy in Oslo,
# a German minister, a Norwegian envoy; times of a year, a month and days
WORLD = {
    "actors": [None, None, "country:FR", "country:DE", "country:NO", "org:embassy-oslo-fr",
               "org:embassy-paris-de", "person:minister-ulla", "person:envoy-sven", "org:brigade-nord"],
    "places": [None, None, "country:FR", "country:NO", "place:brittany", "place:normandy", "place:3161732"],
    "times": [None, None, None, "2019", "2019-03", "2019-03-04", "2019-03-05", "2019-04", "2020-01-02"],
    "codes": ["190", "193", "183", "180", "112", "111", "040", "042", "043", "036", "173", "141"],
    "participants": [Participant("Civilian", "villagers"), Participant("Bridge", "the bridge"),
                     Participant("Convoy", "a food convoy"), Participant("School", "a school")],
}


def made_up(seed: int, n: int, documents: int) -> list[tuple[EventMention, dict]]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        doc = f"story-{rng.randrange(documents)}"
        time = rng.choice(WORLD["times"])
        m = EventMention(
            code=rng.choice(WORLD["codes"]), trigger=f"t{i}", evidence=Evidence(doc, i * 10, i * 10 + 5, "words"),
            participants=tuple(rng.sample(WORLD["participants"], rng.choice([0, 0, 1, 2]))),
            time=TimeValue(time) if time else None, killed=rng.choice([None, None, None, 4, 9]),
            status=rng.choice([Status.ASSERTED, Status.ASSERTED, Status.PLANNED]), tensed=rng.random() < 0.7)
        keys = {"source": rng.choice(WORLD["actors"]), "target": rng.choice(WORLD["actors"]),
                "place": rng.choice(WORLD["places"]), "claimed_by": None}
        items.append((m, keys))
    return items


def known_before_a_time() -> list[tuple[EventMention, dict]]:
    """Two clusters that learn their place or source before their time: a report of another
    document, with a time, meets each by the place or the source (which the index must have filed
    again with the time that came later)."""
    civilians = (Participant("Civilian", "villagers"),)

    def mention(code, doc, start, source=None, target=None, time=None, place=None, killed=None):
        m = EventMention(code, "t", Evidence(doc, start, start + 5, "words"), participants=civilians,
                         time=TimeValue(time) if time else None, killed=killed, tensed=False)
        return m, {"source": source, "target": target, "place": place, "claimed_by": None}

    return [mention("190", "story-a", 0, place="place:brittany", killed=4),
            mention("190", "story-a", 10, time="2019-03-04", killed=4),  # joins it by the dead
            mention("190", "story-b", 0, time="2019-03-04", place="place:brittany"),
            mention("042", "story-c", 0, source="country:FR", target="country:NO", place="place:3161732"),
            mention("042", "story-c", 10, target="country:NO", time="2019-03-04"),  # the visit of the headline
            mention("042", "story-d", 0, source="country:FR", time="2019-03")]


def test_the_index_finds_the_clusters_of_trying_every_cluster_on_a_made_up_corpus():
    """Hundreds of mentions of a few actors, places and times in a dozen documents: the index
    (``_Candidates``) gives the clusters of trying every cluster in order, and the corpus takes
    every way ``_fits`` admits a mention (the same document; another, with a time on both sides
    or not; an embassy for its country; a minister for hers; a thing hit; violence by nobody
    named; a year only)."""
    resolver = EventResolver(sides={"person:minister-ulla": {"country:DE"}, "person:envoy-sven": {"country:NO"}})
    taken: set[str] = set()
    for items in [*(made_up(seed, 400, 12) for seed in range(6)), known_before_a_time()]:
        joined: list[set[str]] = []
        assert shape(resolver.cluster(items)) == shape(every_cluster(resolver, items, joined))
        taken.update(*joined)
    assert len(resolver.cluster(known_before_a_time())) == 2
    assert taken >= {"same document", "other document, timed", "other document, untimed", "a thing in common",
                     "violence without source, other document", "an embassy and its country",
                     "a visit to an official and to the country", "a year only"}, taken


def test_clusters_grow_sets_of_their_own_and_leave_the_shared_empty_one_empty():
    from kg.resolve.events import NONE

    resolver = EventResolver()
    clusters = resolver.cluster(made_up(1, 400, 12))
    assert isinstance(NONE, frozenset) and not NONE
    fields = ("places", "times", "killed", "participants", "documents")
    owned = [id(getattr(c, f)) for c in clusters for f in fields if getattr(c, f) is not NONE]
    assert len(owned) == len(set(owned))  # no two clusters (nor two fields) share a set that grows
    assert any(len(c.documents) > 1 for c in clusters)

"""Event coreference tries a mention only against the clusters it could fit; it must find the same
clusters as trying every one of them, whatever the mentions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import EventMention, Evidence, Participant, Status, TimeValue
from kg.resolve.events import Cluster, EventResolver, family

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


def every_cluster(resolver: EventResolver, items) -> list[Cluster]:
    """The plain rule: each mention, most informative first, joins the first cluster it fits."""
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

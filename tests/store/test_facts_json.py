"""kg.store.facts_json: every kg.model record survives JSON and back, and bad JSON is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import (
    Article,
    DocFacts,
    EventMention,
    Evidence,
    Kind,
    LocalEntity,
    Participant,
    Ref,
    Role,
    Status,
    TimeValue,
)
from kg.store import facts_json

from .conftest import ARTICLES, sentence_of


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(DocFacts))
def test_any_docfacts_round_trips(facts):
    assert facts_json.loads(facts_json.dumps(facts)) == facts


def test_every_kind_of_field_round_trips():
    text = "Russian jets bombed an aid convoy near Aleppo on 19 September, killing 20 aid workers."
    ev = sentence_of("d1", text, text)
    facts = DocFacts(
        Article(doc_id="d1", text=text, source="feed.jsonl:3", title="Convoy", date="2016-09", url=None),
        entities=(LocalEntity(Kind.COUNTRY, "Russia", key="country:RU", aliases=("Russian",),
                              same_as=("http://www.wikidata.org/entity/Q159",), evidence=(ev,)),
                  LocalEntity(Kind.PLACE, "Aleppo", key="place:170063", subtype="City", evidence=(ev,)),
                  LocalEntity(Kind.PERSON, "the Foreign Secretary", title="Foreign Secretary|country:GB")),
        roles=(Role(Ref(2), "Foreign Secretary", None, ev),),
        events=(EventMention("195", "bombed", ev, source=Ref(0), place=Ref(1),
                             participants=(Participant("Convoy", "aid convoy"),),
                             time=TimeValue("2016-09-19", approximate=True), killed=20,
                             killed_parts=((20, "aid workers"),), status=Status.REPORTED, claimed_by=Ref(0),
                             anchor="after:meeting"),),
        sentences=1, words=15)
    text_json = facts_json.dumps(facts)
    back = facts_json.loads(text_json)
    assert back == facts
    assert back.events[0].status is Status.REPORTED and back.entities[0].kind is Kind.COUNTRY
    assert json.loads(text_json)["facts"]["events"][0]["killed_parts"] == [[20, "aid workers"]]


@pytest.mark.parametrize("text", [
    "not json",
    '{"facts": {}}',  # no format
    '{"format": 999, "facts": {}}',  # a format from another kg
    '{"format": 1, "facts": {"article": {"doc_id": "d"}}}',  # fields missing
    '{"format": 1, "facts": {"article": {"doc_id": 1, "text": "t", "source": "s"}}}',  # wrong type
    # every field there, one of the wrong type
    '{"format": 1, "facts": {"article": {"doc_id": 1, "text": "t", "source": "s", "title": null, "date": null, '
    '"url": null}}}',
    '{"format": 1, "facts": {"article": {"doc_id": "d", "text": "t", "source": "s", "title": 7, "date": null, '
    '"url": null}}}',
    '{"format": 1, "facts": {"article": {"doc_id": "d", "text": "t", "source": "s"}, "sentences": "3"}}',
    '{"format": 1, "facts": {"article": {"doc_id": "d", "text": "t", "source": "s"}, "events": [{"code": "1"}]}}',
])
def test_bad_json_is_a_value_error(text):
    with pytest.raises(ValueError):
        facts_json.loads(text)


@pytest.mark.slow
def test_a_real_extraction_round_trips(facts_of):
    text = (ARTICLES / "johnson-to-visit-russia-2017-03-05.txt").read_text(encoding="utf-8")
    facts = facts_of(text)
    assert facts.entities and facts.events  # the article names people and events: something to carry
    assert facts_json.loads(facts_json.dumps(facts)) == facts


SENTENCE = "Boris Johnson will visit Moscow, Russia said."


def _johnson(doc_id: str) -> DocFacts:
    ev = Evidence(doc_id, 0, len(SENTENCE), SENTENCE)
    return DocFacts(Article(doc_id, SENTENCE, f"{doc_id}.txt"),
                    entities=(LocalEntity(Kind.PERSON, "Boris Johnson", evidence=(ev,)),
                              LocalEntity(Kind.COUNTRY, "Russia", key="country:RU", evidence=(ev,))),
                    events=(EventMention("042", "visit", ev, source=Ref(0), target=Ref(1)),))


JOHNSON, JOHNSON_AGAIN = _johnson("a-1"), _johnson("a-2")

def test_documents_read_one_by_one_share_their_short_strings():
    """Keys, names and codes repeat across a corpus: read with their sentences left out (as
    resolution reads a catalog), two documents' facts hold one string for each, and a document's
    sentences and id once however many facts they support."""
    one, two = (facts_json.loads(facts_json.dumps(f), sentences=False) for f in (JOHNSON, JOHNSON_AGAIN))
    assert one.entities[1].key is two.entities[1].key  # "country:RU", twice
    assert one.events[0].target is two.events[0].target  # Ref(1)
    assert one.entities[0].evidence is one.entities[1].evidence  # (the sentence,), for both
    assert one.entities[0].evidence[0].doc_id is one.events[0].evidence.doc_id
    assert one.entities[0].evidence[0].text == ""
    assert facts_json.loads(facts_json.dumps(JOHNSON)).events[0].evidence.text == SENTENCE
    assert facts_json.article_text(facts_json.dumps(JOHNSON)) == SENTENCE


def test_the_article_text_of_anything_else_is_a_value_error():
    with pytest.raises(ValueError):
        facts_json.article_text('{"format": 1, "facts": {"article": {}}}')

"""Sources and targets of events from the clause (issue 13, causes 2, 3 and the place acted on), on the
real model. Sentences from trade, elections, courts, protests, sport diplomacy and disaster stories."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events_of(facts_of, text: str):
    facts = facts_of(text)

    def label(ref):
        if ref is None:
            return None
        entity = facts.entities[ref.index]
        return entity.name or entity.title

    return [(e.code, label(e.source), label(e.target)) for e in facts.events]


def has(events, root: str, source: str, target: str) -> bool:
    return any(code.startswith(root) and source in (s or "") and target in (t or "") for code, s, t in events)


@pytest.mark.parametrize("text, root, source, target", [
    # a territory an act is done in, or moved to or from, when nobody is acted on
    ("Kenyan authorities imposed a curfew in the town of Garissa after the election.", "17", "Kenya", "Garissa"),
    ("Peruvian authorities imposed a curfew in the city of Arequipa after the vote.", "17", "Peru", "Arequipa"),
    # the actors' own country is no target: the act is done in a town of it
    ("Nigerian police imposed a curfew in the city of Jos in central Nigeria.", "17", "Nigeria", "Jos"),
])
def test_place_an_act_is_done_to(facts_of, text, root, source, target):
    events = events_of(facts_of, text)
    assert has(events, root, source, target), events


@pytest.mark.parametrize("text, root, source, target", [
    # a joint act's "with" phrase names the other party
    ("Bolivia offered to negotiate with Chile over access to the sea.", "03", "Bolivia", "Chile"),
    ("The Malian junta agreed to negotiate with Algeria on the border.", "03", "Mali", "Algeria"),
])
def test_joint_act_with_the_other_party(facts_of, text, root, source, target):
    events = events_of(facts_of, text)
    assert has(events, root, source, target), events


@pytest.mark.parametrize("text, root, source, target", [
    # an act that answers another's: the other is whose act it is
    ("The Sudanese army agreed to Kenyan mediation in the border dispute.", "03", "Sudan", "Kenya"),
    ("Ecuador agreed to Brazilian mediation in its trade quarrel with Peru.", "03", "Ecuador", "Brazil"),
])
def test_an_act_answering_anothers(facts_of, text, root, source, target):
    events = events_of(facts_of, text)
    assert has(events, root, source, target), events


@pytest.mark.parametrize("text, source", [
    ("Kagame offered to meet with the president of Uganda at the border.", "Kagame"),
    ("William Ruto offered to negotiate with the president of Tanzania over the tariffs.", "William Ruto"),
])
def test_a_title_governed_by_a_persons_act_is_another_person(facts_of, text, source):
    events = events_of(facts_of, text)
    assert any(code.startswith("03") and s == source and t and t != source for code, s, t in events), events

"""People linked to their country where the text says so (issue 13, cause 8), on the real model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, person, title, country", [
    ("President of Russia Vladimir Putin met Erdogan in Sochi.", "Vladimir Putin", "President", "Russia"),
    ("Russian President Vladimir Putin met Erdogan in Sochi.", "Vladimir Putin", "President", "Russia"),
    ("Chilean President Gabriel Boric opened the trade fair.", "Gabriel Boric", "President", "Chile"),
    ("Gabriel Boric, Chile's president, signed the decree.", "Gabriel Boric", "President", "Chile"),
])
def test_people_hold_posts_in_their_country(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles


@pytest.mark.parametrize("text, person, title, country", [
    ("King Mswati of Eswatini opened the trade fair in Manzini.", "Mswati", "King", "Eswatini"),
    ("President Ruto of Kenya signed the trade pact with Ethiopia.", "Ruto", "President", "Kenya"),
])
def test_title_name_of_country(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles


@pytest.mark.parametrize("text, person, title, country", [
    ("The prime minister of Thailand, Srettha Thavisin, visited Laos.", "Srettha Thavisin", "Prime Minister",
     "Thailand"),
    ("The foreign minister of Peru, Javier Gonzalez-Olaechea, met his Bolivian counterpart.",
     "Javier Gonzalez-Olaechea", "Foreign Minister", "Peru"),
])
def test_title_of_country_then_name(facts_of, text, person, title, country):
    facts = facts_of(text)
    name = {i: e.name for i, e in enumerate(facts.entities)}
    roles = {(name[r.holder.index], r.title, name[r.post_in.index] if r.post_in else None) for r in facts.roles}
    assert (person, title, country) in roles, roles

"""An event's label (the words that name it) is words of its sentence: no line break of the page, no
word it stops short on. The sentences are written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, word", [
    ("Ghanaian court jails former mayor for fraud\n\nACCRA (Wire) - A Ghanaian court on Monday sentenced the "
     "former mayor to ten years in prison.", "jails"),
    ("Chilean police arrest union leader over riots\n\nSANTIAGO (Wire) - Chilean police on Friday arrested the "
     "leader of the dockers' union.", "arrest"),
])
def test_a_headline_event_label_has_no_line_break(facts_of, text, word):
    labels = [e.trigger for e in facts_of(text, date="2022-05-02").events]
    assert any(label.startswith(word) for label in labels), labels
    assert all(label == label.strip() and "\n" not in label for label in labels), labels


@pytest.mark.parametrize("text", [
    "Ghana's president will host talks between both governments in Accra next month, his office said.",
    "Peru's president will host talks between the miners and the government in Cusco on Friday, officials said.",
])
def test_a_label_does_not_end_on_a_function_word(facts_of, text):
    labels = [e.trigger for e in facts_of(text, date="2022-05-02").events]
    assert labels
    assert all(label.split()[-1].lower() not in ("in", "on", "the", "of", "with", "and", "to") for label in labels), \
        labels

"""The gazetteer's names are found where spaCy's PhraseMatcher finds them (abbreviations with periods
as they are written: in capitals)."""

from __future__ import annotations

from conftest import ARTICLES
from spacy.matcher import PhraseMatcher

from kg.ingest import clean, load
from kg.nlp.name_matcher import NameMatcher
from kg.resources.gazetteer import Gazetteer


def test_names_of_plain_words_are_tokenized_as_the_tokenizer_does(nlp):
    special = set(nlp.tokenizer.rules)
    plain = [n for n in Gazetteer.default().names if all(w.isalpha() and w not in special for w in n.split(" "))]
    assert len(plain) > 10_000
    for name in plain:
        assert [t.lower_ for t in nlp.tokenizer(name)] == [w.lower() for w in name.split(" ")], name


def test_the_matcher_finds_what_the_phrase_matcher_finds(nlp):
    names = [n for n in Gazetteer.default().names if len(n) > 1]
    ours = NameMatcher(nlp.tokenizer, names)
    theirs = PhraseMatcher(nlp.vocab, attr="LOWER")
    # names with periods as written too: the tokenizer keeps "U.S." whole, not "u.s."
    written = [form for n in names for form in ({n, n.upper(), n.title()} if "." in n else {n})]
    theirs.add("GAZ", list(nlp.tokenizer.pipe(written)))
    texts = [clean.blank_noise(a.text) for a in load.read_articles(load.find_files([ARTICLES]))]
    texts.append("The U.S. and the United Nations Security Council met in St. Petersburg and new york, NEW YORK.")
    found = 0
    for doc in nlp.tokenizer.pipe(texts):
        expected = sorted((start, end) for _, start, end in theirs(doc))
        assert sorted(ours(doc)) == expected
        found += len(expected)
    assert found > 100


def test_nested_and_overlapping_names_are_all_found(nlp):
    matcher = NameMatcher(nlp.tokenizer, ["united nations", "united nations security council", "new york",
                                          "york", "guinea-bissau"])  # the last one through the tokenizer
    doc = nlp.make_doc("The United Nations Security Council met in New York, then in Guinea-Bissau.")
    assert {doc[s:e].text for s, e in matcher(doc)} == {
        "United Nations", "United Nations Security Council", "New York", "York", "Guinea-Bissau"}
    assert matcher(nlp.make_doc("")) == []


def test_abbreviations_with_periods_are_found_as_written(nlp):
    """The gazetteer keeps names lower case; "U.N." and "St." are tokenized whole only in capitals."""
    matcher = NameMatcher(nlp.tokenizer, ["u.n.", "u.k.", "st. petersburg"])
    doc = nlp.make_doc("The U.N. met in St. Petersburg, and the U.K. agreed.")
    assert {doc[a:b].text for a, b in matcher(doc)} == {"U.N.", "St. Petersburg", "U.K."}

"""Different stories about one country stay different events; one story told twice is one event."""

from __future__ import annotations

import pytest

NIGERIA = [  # stories about one country, no dates: none is another
    "A car bomb exploded at a market in Maiduguri, killing 15 people, police said.",
    "Nigerian air force jets bombed a camp in Zamfara, killing 30 bandits.",
    "Thousands of Nigerian students protested in Lagos against higher fees.",
    "Nigerian troops clashed with militants near Kano.",
    "Gunmen attacked a village in Plateau State, killing 12 residents.",
    # one doer, one state, two different things hit
    "Nigerian troops attacked a camp in Borno State.",
    "Nigerian troops shelled a market in Borno State.",
]


@pytest.fixture(scope="module")
def corpus_of(nlp):
    from kg.extract import extract
    from kg.ingest import clean
    from kg.ingest.load import article_from_text
    from kg.resolve.entities import resolve

    def run(texts: list[str], date: str = "2021-06-01", dates: list[str] | None = None):
        facts = []
        for i, text in enumerate(texts):
            article = article_from_text(text, f"story-{i}.txt", date=dates[i] if dates else date)
            facts.append(extract(nlp(clean.blank_noise(article.text)), article))
        return resolve(facts)

    return run


def test_different_stories_about_one_country_do_not_merge(corpus_of):
    corpus = corpus_of(NIGERIA)
    for event in corpus.events:
        assert len({ev.doc_id for ev in event.evidence}) == 1, event
    violent = [e for e in corpus.events if e.code[:2] in ("18", "19", "20")]
    assert len({ev.doc_id for e in violent for ev in e.evidence}) >= 5
    assert {e.killed for e in violent} >= {15, 30, 12}  # each story keeps its own dead


def test_one_story_in_two_reports_is_one_event(corpus_of):
    corpus = corpus_of(["Chile and Peru signed a fisheries agreement in Lima on 3 May 2021.",
                        "On 3 May 2021 Chile and Peru signed a fisheries agreement, officials said."])
    signed = [e for e in corpus.events if e.code.startswith("057") and e.source == "country:CL"]
    assert len(signed) == 1 and len({ev.doc_id for ev in signed[0].evidence}) == 2, corpus.events


def test_a_later_report_joining_an_event_does_not_rename_it(corpus_of):
    """An event's IRI and label come from its earliest-dated report: an article of a later day that
    tells the same story joins the event under the IRI it had, whatever its doc_id (the SHA-1 of its
    text: here each later report's sorts before those of the days before)."""
    from kg.ids import sha1

    reports = ["Chile and Peru signed a fisheries agreement in Lima on 3 May 2021.",
               "On 3 May 2021 Chile and Peru signed a fisheries agreement, officials said.",
               "Chile and Peru signed a fisheries agreement on 3 May 2021, the ministers said."]
    days = ["2021-05-03", "2021-05-04", "2021-05-06"]
    assert sha1(reports[2]) < sha1(reports[1]) < sha1(reports[0])

    def signed(n: int):
        corpus = corpus_of(reports[:n], dates=days[:n])
        found = [e for e in corpus.events if e.code.startswith("057") and e.source == "country:CL"]
        assert len(found) == 1 and len({ev.doc_id for ev in found[0].evidence}) == n, corpus.events
        return found[0]

    first = signed(1)
    assert signed(2).key == first.key and signed(3).key == first.key


def test_the_candidate_index_makes_the_clusters_trying_every_cluster_makes(nlp, monkeypatch):
    """Clustering tries a mention only against the clusters the index files under what it could fit
    (``_Candidates``); trying every cluster of its family, in the order they were made, gives the
    same clusters: on the example articles, stories generated from them with other names and dates,
    and the stories above."""
    import sys
    from pathlib import Path

    from kg.extract import extract
    from kg.ingest import clean
    from kg.ingest.load import article_from_text, read_articles
    from kg.resolve import events as resolve_events
    from kg.resolve.entities import resolve

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "tests" / "benchmarks"))
    try:
        from corpus import make_corpus
    finally:
        sys.path.pop(0)
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        paths = sorted((root / "examples" / "articles").glob("*.txt")) + make_corpus(Path(folder), 6, seed=11)
        articles = list(read_articles(paths))
    articles += [article_from_text(text, f"story-{i}.txt", date="2021-06-01") for i, text in enumerate(NIGERIA)]
    facts = [extract(nlp(clean.blank_noise(a.text)), a) for a in articles]

    indexed = resolve(facts).events

    def every_cluster(self, m, keys):
        return sorted(self.all.values(), key=lambda c: self.rank[id(c)])

    filed = resolve_events._Candidates.file

    def file_all(self, c, m, keys):
        filed(self, c, m, keys)
        self.all = getattr(self, "all", {})
        self.all[id(c)] = c

    monkeypatch.setattr(resolve_events._Candidates, "file", file_all)
    monkeypatch.setattr(resolve_events._Candidates, "for_mention",
                        lambda self, m, keys: every_cluster(self, m, keys) if hasattr(self, "all") else [])
    assert resolve(facts).events == indexed
    assert any(len({ev.doc_id for ev in e.evidence}) > 1 for e in indexed)  # events told in two articles


@pytest.mark.parametrize("text, code", [
    ("A powerful earthquake struck eastern Turkey on Monday, killing 120 people.", "NaturalDisaster"),
    ("Floods swept through villages in northern Bangladesh on Sunday, killing 14 people.", "NaturalDisaster"),
])
def test_an_event_with_no_doer_outside_cameo_is_kept(corpus_of, text, code):
    corpus = corpus_of([text], date="2023-02-08")
    assert any(e.code == code for e in corpus.events), [e.code for e in corpus.events]


def test_a_cameo_act_by_nobody_known_is_dropped(nlp):
    # the talks' doer taken away: a meeting by nobody known is no fact, while the same facts with it are
    from dataclasses import replace

    from kg.extract import extract
    from kg.ingest import clean
    from kg.ingest.load import article_from_text
    from kg.resolve.entities import resolve

    article = article_from_text("Kenya held talks with Uganda in Geneva on Monday.", "talks.txt", date="2021-06-01")
    facts = extract(nlp(clean.blank_noise(article.text)), article)
    assert any(e.code.startswith("04") for e in resolve([facts]).events)
    nobody = replace(facts, events=tuple(replace(e, source=None) for e in facts.events))
    assert not any(e.code.startswith("04") for e in resolve([nobody]).events)

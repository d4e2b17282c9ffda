"""A document's graph states what that document says: one event reported by two articles is one
node, and each article's graph holds the claim that article makes, not the other's."""

from __future__ import annotations

from rdflib import URIRef

from kg.graph.vocab import KG, KGR
from kg.pipeline.build import build

STRIKE = "American aircraft bombed an aid convoy near Aleppo on 19 September 2016, killing 20 aid workers."


def test_each_graph_holds_the_claim_its_own_article_makes(tmp_path):
    (tmp_path / "damascus.txt").write_text(f"Convoy bombed\n\nThe Syrian government said that {STRIKE}\n")
    (tmp_path / "moscow.txt").write_text(f"Strike on a convoy\n\nRussia said that {STRIKE}\n")
    ds, _ = build([tmp_path], jobs=1)

    def claims(name: str) -> dict[URIRef, set[URIRef]]:
        g = next(g for g in ds.graphs() if any(str(f).endswith(name) for f in g.objects(None, KG.sourceFile)))
        out: dict[URIRef, set[URIRef]] = {}
        for event, claimant in g.subject_objects(KG.claimedBy):
            out.setdefault(event, set()).add(claimant)
        return out

    damascus, moscow = claims("damascus.txt"), claims("moscow.txt")
    assert damascus.keys() == moscow.keys() and len(damascus) == 1  # one strike, in both graphs
    event = next(iter(damascus))
    assert damascus[event] == {KGR["country/SY"]}
    assert moscow[event] == {KGR["country/RU"]}
    union = {o for _, _, o, _ in ds.quads((event, KG.claimedBy, None, None))}
    assert union == {KGR["country/SY"], KGR["country/RU"]}

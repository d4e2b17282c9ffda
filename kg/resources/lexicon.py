"""The event lexicon: lemmas and dependency patterns to CAMEO codes, read from kg/data.

    >>> lex = Lexicon.default()
    >>> lex.verb("accuse", set()).code[:2]
    '11'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.resources import DATA
from kg.resources.entity_types import WEAPON_NOUNS
from kg.resources.gazetteer import read_table, split


@functools.cache
def person_participants() -> frozenset[str]:
    """The participant nouns that name people ("police", "troop", "lawmaker", "guard"), lower case,
    from data/participants.tsv."""
    return frozenset(row["lemma"].lower() for row in read_table("participants.tsv") if row.get("kind") == "person")


# Kinds of object the codebook tells its codes apart by: what is given, sent, withdrawn, lifted or freed.
# A lexicon complement "dobj:@troops" matches an object of any of these lemmas.
OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "troops": frozenset({"troop", "force", "soldier", "army", "unit", "battalion", "brigade", "division",
                         "regiment", "contingent", "reservist", "reserve", "marine", "paratrooper", "warship",
                         "tank", "jet", "warplane", "aircraft", "helicopter", "military", "personnel"}),
    "aid": frozenset({"aid", "assistance", "relief", "food", "medicine", "supply", "supplies", "grain", "rice",
                      "wheat", "flour", "goods", "equipment", "material", "fund", "funding", "money", "grant",
                      "loan", "donation", "tent", "blanket", "vaccine", "water"}),
    # what is given to another's forces as military aid ("delivered Leopard tanks to Ukraine"): the weapons of
    # entity_types, not any vehicle or system
    "weapons": WEAPON_NOUNS - {"vehicle", "system", "aircraft"} | {"weapon", "arm", "ammunition"},
    "captives": frozenset({"prisoner", "detainee", "hostage", "captive", "activist", "journalist", "dissident",
                           "soldier", "sailor", "crew", "fisherman", "national", "citizen", "refugee"}),
    "sanctions": frozenset({"sanction", "embargo", "tariff", "boycott", "freeze", "quota", "duty"}),
    "restrictions": frozenset({"ban", "restriction", "curfew", "limit", "lockdown", "measure", "control",
                               "regulation", "requirement"}),
    # what is shared between intelligence services or governments, not what is published or told in court
    "information": frozenset({"information", "intelligence", "data", "datum", "evidence", "secret", "expertise",
                              "know-how"}),
    "passage": frozenset({"road", "street", "highway", "bridge", "railway", "rail", "route", "traffic", "transport",
                          "entrance", "access", "crossing", "motorway", "junction", "intersection", "square",
                          "gate", "checkpoint", "track", "line", "runway", "airport"}),
}


@dataclass(frozen=True)
class Trigger:
    code: str
    pos: str  # VERB or NOUN
    lemma: str
    complement: tuple[str, str] | None  # ("prep", "for"), ("dobj", "sanction"), ("mod", "air") ...
    target_preps: tuple[str, ...]
    note: str


class Lexicon:
    def __init__(self, triggers: list[Trigger], light_verbs: set[str], speech_verbs: set[str],
                 participants: dict[str, tuple[str, str]]) -> None:
        self.by_key: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self.by_key.setdefault((t.pos, t.lemma), []).append(t)
        for entries in self.by_key.values():
            # specific entries first; an object of a kind ("handed over food") before a particle ("hand over")
            entries.sort(key=lambda t: (t.complement is None, not (t.complement and t.complement[1][:1] == "@")))
        self.nouns = {lemma for pos, lemma in self.by_key if pos == "NOUN"}
        self.light_verbs = light_verbs
        self.speech_verbs = speech_verbs
        self.participants = participants

    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        triggers = []
        for row in read_table("cameo_lexicon.tsv"):
            comp = row.get("complement") or ""
            complement = tuple(comp.split(":", 1)) if ":" in comp else None
            triggers.append(Trigger(row["code"], row["pos"].upper(), row["lemma"].lower(), complement,
                                    tuple(split(row.get("target") or "")), row.get("note", "")))
        light = set()
        for line in (DATA / "light_verbs.txt").read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line:
                light.add(line.lower())
        speech = {line.split("#")[0].strip().lower()
                  for line in (DATA / "speech_verbs.txt").read_text(encoding="utf-8").splitlines()
                  if line.split("#")[0].strip()}
        participants = {row["lemma"].lower(): (row["class"], row["label"]) for row in read_table("participants.tsv")}
        return cls(triggers, light, speech, participants)

    @staticmethod
    def object_is(word: str, lemma: str) -> bool:
        """Whether an object with ``lemma`` is what a complement word names ("aid", or a class "@aid")."""
        if word.startswith("@"):
            return lemma in OBJECT_CLASSES.get(word[1:], ())
        return lemma == word

    @staticmethod
    def object_classes(lemma: str) -> list[str]:
        return ["@" + name for name, words in OBJECT_CLASSES.items() if lemma in words]

    def entries(self, pos: str, lemma: str) -> list[Trigger]:
        return self.by_key.get((pos, lemma.lower()), [])

    def match(self, pos: str, lemma: str, features: set[tuple[str, str]]) -> Trigger | None:
        """The most specific entry whose complement the token's features satisfy."""
        for t in self.entries(pos, lemma):
            if t.complement is None or t.complement in features:
                return t
        return None

    def verb(self, lemma: str, features: set[tuple[str, str]]) -> Trigger | None:
        return self.match("VERB", lemma, features)

    def noun(self, lemma: str, features: set[tuple[str, str]]) -> Trigger | None:
        return self.match("NOUN", lemma, features)

    def roots(self) -> set[str]:
        return {t.code[:2] for entries in self.by_key.values() for t in entries}

"""From what each document says to one graph: entities, posts, memberships and events resolved
across the corpus.

- Gazetteer entities are one node by their key (country:RU, place:170063, org:united-nations).
- People are one node by first and last name; a surname or first name alone joins the one person
  of the corpus it fits, when exactly one fits.
- A title standing for a person ("the Foreign Secretary" in a document that names nobody as such)
  is the one person of the corpus who holds that post.
- Events: see ``kg.resolve.events``.

Nothing here depends on the order of the documents: every choice is made on sorted keys.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.model import Corpus, DocFacts, Document, Entity, Evidence, Kind, Member, Post, Ref, document_of, without_text
from kg.resources.names import best_name, name_words, slug

if TYPE_CHECKING:
    from kg.model import LocalEntity


def _best_label(names: Iterable[str]) -> str:
    return best_name(names)


class Resolver:
    """Corpus-wide resolution. ``entity_key(doc_index, ref)`` is the global key of a local entity."""

    def __init__(self, facts: list[DocFacts]) -> None:
        self.facts = sorted(facts, key=lambda f: f.article.doc_id)
        self.keys: list[list[str | None]] = [[None] * len(f.entities) for f in self.facts]  # [d][i]: a global key
        self.entities: dict[str, dict] = {}
        self._kinds = self._kinds_by_name()
        self._resolve_entities()

    # --- entities
    def _resolve_entities(self) -> None:
        people_full: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        people_single: list[tuple[int, int, str]] = []
        titled: list[tuple[int, int, str]] = []
        for d, facts in enumerate(self.facts):
            for i, ent in enumerate(facts.entities):
                if ent.kind is Kind.PERSON:
                    if ent.title is not None:
                        titled.append((d, i, ent.title))
                        continue
                    words = name_words(ent.name)
                    if len(words) >= 2:
                        people_full[(words[0], words[-1])].append((d, i))
                    elif words:
                        people_single.append((d, i, words[0]))
                elif self._model_only(ent) and len(name_words(ent.name)) == 1:
                    people_single.append((d, i, name_words(ent.name)[0]))  # "Lavrov" tagged ORG: settled below
                else:
                    self._assign(d, i, ent.key or f"{ent.kind.value.lower()}:{slug(ent.name)}")
        full_key: dict[tuple[str, str], str] = {}
        by_last: dict[str, set[str]] = defaultdict(set)  # a last name -> the keys of the people it ends
        by_first: dict[str, set[str]] = defaultdict(set)
        for ident, members in sorted(people_full.items()):
            names = [n for d, i in members for n in (self.facts[d].entities[i].name,
                                                     *self.facts[d].entities[i].aliases)]
            key = f"person:{slug(_best_label(names))}"
            full_key[ident] = key
            by_first[ident[0]].add(key)
            by_last[ident[1]].add(key)
            for d, i in members:
                self._assign(d, i, key)
        for d, i, word in people_single:
            ent = self.facts[d].entities[i]
            fits = sorted(by_last.get(word, ()))
            if ent.kind is Kind.PERSON:
                fits = fits or sorted(by_first.get(word, ()))
            if len(fits) == 1:
                self._assign(d, i, fits[0], kind=Kind.PERSON)
            elif ent.kind is Kind.PERSON:
                self._assign(d, i, f"person:{slug(word)}")
            else:
                self._assign(d, i, ent.key or f"{ent.kind.value.lower()}:{slug(ent.name)}")
        self._titled = titled

    def _kinds_by_name(self) -> dict[str, tuple[str, Kind]]:
        """Names the model typed an organisation in some documents and a place in others, with no
        gazetteer entry: the key and type of most of their mentions."""
        votes: dict[str, dict[Kind, int]] = defaultdict(lambda: defaultdict(int))
        for facts in self.facts:
            for ent in facts.entities:
                if ent.kind in (Kind.ORGANIZATION, Kind.PLACE) and ent.key and ent.key.startswith(_MODEL_KEYS):
                    votes[ent.key.split(":", 1)[1]][ent.kind] += len(ent.evidence) or 1
        chosen = {}
        for name, counts in votes.items():
            if len(counts) > 1:
                kind = max(sorted(counts, key=lambda k: k.value), key=lambda k: counts[k])
                chosen[name] = (f"{kind.value.lower()}:{name}", kind)
        return chosen

    @staticmethod
    def _model_only(ent) -> bool:
        """An organisation or place only the statistical model vouches for (no gazetteer entry)."""
        from kg.resources.gazetteer import Gazetteer

        return ent.kind in (Kind.ORGANIZATION, Kind.PLACE) and ent.subtype is None and \
            (ent.key is None or ent.key not in Gazetteer.default().by_key)

    def _assign(self, d: int, i: int, key: str, kind: Kind | None = None) -> None:
        ent = self.facts[d].entities[i]
        if key.startswith(_MODEL_KEYS) and key.split(":", 1)[1] in self._kinds:
            key, kind = self._kinds[key.split(":", 1)[1]]
        self.keys[d][i] = key
        cur = self.entities.setdefault(key, {"kind": kind or ent.kind, "names": set(), "same_as": set(),
                                             "subtype": ent.subtype, "evidence": set(), "canonical": set()})
        cur["names"] |= {ent.name, *ent.aliases}
        cur["same_as"] |= set(ent.same_as)
        cur["evidence"] |= set(ent.evidence)
        if ent.key:
            cur["canonical"].add(ent.name)
        cur["subtype"] = cur["subtype"] or ent.subtype

    def resolve_titles(self, posts: list[Post]) -> None:
        """Titles standing for people: the one holder of that post in the corpus."""
        by_title: dict[str, list[Post]] = defaultdict(list)
        for p in posts:
            by_title[p.title.casefold()].append(p)
        @functools.cache  # once per title: "the president" stands for someone in many documents
        def holders_of(label: str, post_in_key: str) -> list[str]:
            return sorted({p.holder for p in by_title.get(label, ())
                           if not post_in_key or p.post_in in (None, post_in_key)})

        for d, i, title in self._titled:
            label, _, post_in_key = title.partition("|")
            holders = holders_of(label.casefold(), post_in_key)
            if len(holders) == 1:
                self.keys[d][i] = holders[0]
                self.entities[holders[0]]["evidence"] |= set(self.facts[d].entities[i].evidence)

    def entity_key(self, d: int, ref: Ref | None) -> str | None:
        if ref is None:
            return None
        keys = self.keys[d]
        return keys[ref.index] if 0 <= ref.index < len(keys) else None

    # --- records
    def build_entities(self) -> list[Entity]:
        result = []
        for key, cur in sorted(self.entities.items()):
            if key.startswith("title:"):
                continue
            label = sorted(cur["canonical"])[0] if cur["canonical"] and cur["kind"] is not Kind.PERSON \
                else _best_label(cur["names"])
            result.append(Entity(key=key, kind=cur["kind"], label=label,
                                 aliases=tuple(sorted(cur["names"] - {label})),
                                 same_as=tuple(sorted(cur["same_as"])), subtype=cur["subtype"],
                                 evidence=tuple(sorted(cur["evidence"], key=_ev_order))))
        return result

    def build_posts(self) -> list[Post]:
        grouped: dict[tuple[str, str, str | None], set[Evidence]] = defaultdict(set)
        for d, facts in enumerate(self.facts):
            for role in facts.roles:
                holder = self.entity_key(d, role.holder)
                if holder is None or not holder.startswith("person:"):
                    continue
                grouped[(holder, role.title, self.entity_key(d, role.post_in))].add(role.evidence)
        # one post per holder and title: where one mention names the country and another not, join them
        placed = {(h, t) for h, t, p in grouped if p}
        posts = []
        for (holder, title, post_in), evidence in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1],
                                                                                            kv[0][2] or "")):
            if post_in is None and (holder, title) in placed:
                continue
            ev = set(evidence)
            if post_in is not None:
                ev |= grouped.get((holder, title, None), set())
            key = f"post:{holder.split(':', 1)[1]}-{slug(title)}" + (f"-{slug(post_in)}" if post_in else "")
            posts.append(Post(key=key, holder=holder, title=title, post_in=post_in,
                              evidence=tuple(sorted(ev, key=_ev_order))))
        return posts

    def build_members(self) -> list[Member]:
        grouped: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
        for d, facts in enumerate(self.facts):
            for m in facts.memberships:
                member, org = self.entity_key(d, m.member), self.entity_key(d, m.organization)
                if member and org:
                    grouped[(member, org)].add(m.evidence)
        return [Member(member, org, tuple(sorted(ev, key=_ev_order))) for (member, org), ev in sorted(grouped.items())]


_MODEL_KEYS = ("organization:", "place:")  # the keys of names only the model vouches for


def foreseen_key(ent: LocalEntity) -> str | None:
    """The key resolution gives a document's entity when the entity alone tells it, whatever the
    other documents say: a country's, or a gazetteer organisation's or place's (``_assign``); None
    for people (keyed by the names of the whole corpus) and for names only the model vouches for.
    It can be wrong, rarely: a gazetteer place whose key is also a name that the corpus types an
    organisation more often (``_kinds_by_name``) takes that name's key. Who relies on it corrects
    it after resolution (``kg.graph.batches.Change``)."""
    if ent.kind is Kind.PERSON or ent.key is None or (ent.subtype is None and ent.kind is not Kind.COUNTRY):
        return None
    return ent.key


def _ev_order(ev: Evidence) -> tuple:
    return (ev.doc_id, ev.start, ev.end)


def resolve(facts: Iterable[DocFacts]) -> Corpus:
    """Every document's facts, resolved into one corpus. ``facts`` is read once, as it comes (from
    disk, say): what is kept of each document is its ``Document`` and its facts without the text,
    and once its entities are resolved, its event mentions alone."""
    return resolve_read((document_of(f), without_text(f)) for f in facts)


def resolve_read(read: Iterable[tuple[Document, DocFacts]]) -> Corpus:
    """``resolve`` for documents read as resolution keeps them: each its ``Document`` and its facts
    without the article's text (``without_text``), as a store's catalog gives them
    (``Catalog.read_for_resolution``)."""
    from kg.resolve.events import resolve_events

    read = sorted(read, key=lambda pair: pair[0].doc_id)
    documents = [document for document, _ in read]
    resolver = Resolver([light for _, light in read])
    del read
    posts = resolver.build_posts()
    resolver.resolve_titles(posts)
    posts = resolver.build_posts()
    members = resolver.build_members()
    # what is left to resolve is the events: the documents' entities, roles and memberships are let go
    resolver.facts = [replace(f, entities=(), roles=(), memberships=()) for f in resolver.facts]
    corpus = Corpus(
        documents=documents,
        entities=resolver.build_entities(),
        posts=posts,
        members=members,
    )
    corpus.events = resolve_events(resolver, corpus)
    return corpus

"""Posts and party memberships, from titles of office around names.

    "Foreign Secretary Boris Johnson"          Johnson holds Foreign Secretary (of the UK)
    "Russian Foreign Minister Lavrov"          Lavrov holds Foreign Minister, post in Russia
    "John Woodcock, the MP for Barrow and ..." Woodcock holds MP for Barrow and Furness
    "Labour's Ann Clwyd"                       Clwyd is a member of the Labour Party
    "... since he became Foreign Secretary"    the subject holds Foreign Secretary
    "the Foreign Secretary", "The Cynon Valley MP"
                                               a title standing for a person: the holder the
                                               document names, else the person just mentioned
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.entities import DocEntities, evidence_of
from kg.extract.sentences import sentence_of, sentences, token_columns
from kg.model import Kind, Membership, Ref, Role
from kg.nlp.pipeline import POSSESSIVE
from kg.resources.gazetteer import Gazetteer

BECOME = {"become", "became", "becoming", "appointed", "named", "elected", "made", "installed", "sworn"}
PARTY_TYPES = {"PoliticalParty"}
LOOKBACK_SENTENCES = 1
AMBIGUOUS_LOWER = {"general", "minister", "leader", "speaker", "king", "queen", "prince", "chief", "head",
                   "director", "governor", "judge", "justice", "commander", "colonel", "captain", "chairman"}


@dataclass(frozen=True)
class TitleSpan:
    span: Span
    title: str  # canonical, "Foreign Secretary"
    country: str | None  # ISO2 the title implies by itself


def find_titles(doc: Doc, gaz: Gazetteer) -> list[TitleSpan]:
    """Non-overlapping titles of office (up to six tokens, within a line), longest first."""
    texts, spaces, blank, skip = token_columns(doc)
    found: list[TitleSpan] = []
    i, n = 0, len(doc)
    while i < n:
        match = None
        # (a word the next token does not run on from is a title's whole first word, or none)
        longest = 0 if skip[i] else gaz.longest_title(texts[i], whole=bool(spaces[i]) or i + 1 == n)
        if longest:
            candidates = []  # (end, text) of the spans from i, within a line and no longer than a title
            text = ""
            for end in range(i + 1, min(i + 6, n) + 1):
                if "\n" in texts[end - 1] or len(text) + len(texts[end - 1]) > longest:
                    break
                candidates.append((end, text + texts[end - 1]))
                text += texts[end - 1] + spaces[end - 1]
            for end, text in reversed(candidates):
                title = None if blank[end - 1] else gaz.title(text)
                if title and doc[end - 1].is_lower and doc[end - 1].pos_ == "ADJ":
                    title = None  # "the private Wagner Group", "a major bank": the word, not the rank
                if title:
                    match = TitleSpan(doc[i:end], title.title, title.country)
                    break
        if match:
            found.append(match)
            i = match.span.end
        else:
            i += 1
    return found


class RoleFinder:
    def __init__(self, doc: Doc, ents: DocEntities) -> None:
        self.doc = doc
        self.ents = ents
        self.gaz = ents.gaz
        self.roles: list[Role] = []
        self.members: list[Membership] = []
        self.person_at = {}
        self.doc_ents = doc.ents  # a new tuple of Spans at every doc.ents
        for ent in self.doc_ents:
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    self.person_at[i] = ent
        self.titles = find_titles(doc, self.gaz)
        self.title_at = {t.span.start: t for t in self.titles}
        self.title_ending = {t.span.end: t for t in self.titles}

    # --- helpers
    def _ref(self, i: int) -> Ref | None:
        return self.ents.ref_at(i)

    def _qualifier_before(self, start: int) -> tuple[Ref | None, int]:
        """A country or organisation right before a title: "Russian", "Russia's", "UN", "Labour"."""
        j = start
        if j > 0 and self.doc[j - 1].text in POSSESSIVE:
            j -= 1
        if j > 0 and not self.doc[j - 1].is_space and sentence_of(self.doc[j - 1]) == sentence_of(self.doc[start]) and \
                self.doc[j - 1].ent_type_ in ("COUNTRY", "NORP", "ORG", "PLACE"):
            ent = next(e for e in self.doc_ents if e.start <= j - 1 < e.end)
            return self._ref(ent.start), ent.start
        return None, start

    def _complement_after(self, end: int) -> tuple[Span | None, int]:
        """"for Barrow and Furness", "of Russia": the entity a title is of or for."""
        if end + 1 < len(self.doc) and self.doc[end].lower_ in ("for", "of"):
            ent = next((e for e in self.doc_ents if e.start == end + 1 and
                        e.label_ in ("PLACE", "COUNTRY", "ORG", "NORP")), None)
            if ent is None and end + 2 < len(self.doc) and self.doc[end + 1].lower_ == "the":
                ent = next((e for e in self.doc_ents if e.start == end + 2 and
                            e.label_ in ("PLACE", "COUNTRY", "ORG")), None)
            if ent is not None:
                return ent, ent.end
        return None, end

    def _label(self, title: TitleSpan, complement: Span | None, modifier: Span | None) -> str:
        """The post's label: "MP for Barrow and Furness" for members of parliament, else the title."""
        place = complement if complement is not None and complement.label_ == "PLACE" else None
        if place is None and modifier is not None and modifier.label_ == "PLACE":
            place = modifier
        if place is not None and title.title.upper() in ("MP", "MSP", "MEP", "AM", "MEMBER OF PARLIAMENT"):
            from kg.extract.entities import surface_of

            return f"{title.title} for {surface_of(place)}"
        return title.title

    def _post_in(self, title: TitleSpan, qualifier: Ref | None, complement: Span | None) -> Ref | None:
        for cand in (qualifier, self._ref(complement.start) if complement is not None else None):
            if cand is not None and self.ents.kind(cand) in (Kind.COUNTRY, Kind.ORGANIZATION):
                return cand
        if title.country:
            entry = self.gaz.country(title.country)
            if entry is not None:
                return self._country_ref(entry.key)
        return None

    def _country_ref(self, key: str) -> Ref | None:
        index = self.ents.by_key.get(key)
        return Ref(index) if index is not None else None

    def _add_role(self, holder: Ref, title: TitleSpan, qualifier: Ref | None, complement: Span | None,
                  modifier: Span | None, where: Span) -> None:
        if self.ents.kind(holder) is not Kind.PERSON:
            return
        label = self._label(title, complement, modifier)
        post_in = self._post_in(title, qualifier, complement)
        if post_in is not None and self.ents.kind(post_in) is Kind.ORGANIZATION and \
                self.ents.clusters[post_in.index].subtype in PARTY_TYPES:
            self._add_member(holder, post_in, where)
            post_in = None
        role = Role(holder, label, post_in, evidence_of(where, self.ents.article))
        if role not in self.roles:
            self.roles.append(role)

    def _add_member(self, member: Ref, org: Ref, where: Span) -> None:
        m = Membership(member, org, evidence_of(where, self.ents.article))
        if m not in self.members:
            self.members.append(m)

    def _is_party(self, ref: Ref | None) -> bool:
        return ref is not None and self.ents.kind(ref) is Kind.ORGANIZATION and \
            self.ents.clusters[ref.index].subtype in PARTY_TYPES

    # --- patterns
    def run(self) -> tuple[list[Role], list[Membership]]:
        used_titles: set[int] = set()
        people = [e for e in self.doc_ents if e.label_ == "PERSON"]
        for person in people:
            holder = self._ref(person.start)
            if holder is None:
                continue
            # "Foreign Secretary Boris Johnson", "Russian President Vladimir Putin",
            # "the UN Secretary-General, Antonio Guterres,"
            title = self.title_ending.get(person.start)
            if title is None and person.start > 1 and self.doc[person.start - 1].text == "," and \
                    person.end < len(self.doc) and self.doc[person.end].text in (",", ".", ")"):
                title = self.title_ending.get(person.start - 1)
            if title is not None and (title.span[0].text[:1].isupper() or len(title.span) > 1 or
                                      title.span.text.lower() not in AMBIGUOUS_LOWER):
                qualifier, qstart = self._qualifier_before(title.span.start)
                modifier = self.doc[qstart:title.span.start] if qualifier is not None else None
                modifier = next((e for e in self.doc_ents if modifier is not None and e.start == qstart), None)
                # "Queen Margrethe of Denmark", "Sultan Haitham of Oman": the country after the name
                complement = self._complement_after(person.end)[0] if qualifier is None else None
                self._add_role(holder, title, qualifier, complement, modifier, person)
                used_titles.add(title.span.start)
            # "President of Russia Vladimir Putin", "Prime Minister of India Narendra Modi"
            before = next((e for e in self.doc_ents if e.end == person.start and
                           e.label_ in ("COUNTRY", "ORG", "PLACE")), None)
            if title is None and before is not None and before.start >= 2 and self.doc[before.start - 1].lower_ == "of":
                of_title = self.title_ending.get(before.start - 1)
                if of_title is not None and of_title.span[0].text[:1].isupper():
                    self._add_role(holder, of_title, None, before, None, person)
                    used_titles.add(of_title.span.start)
            # "Labour's Ann Clwyd"
            if person.start >= 2 and self.doc[person.start - 1].text in POSSESSIVE:
                org = self._ref(person.start - 2)
                if self._is_party(org):
                    self._add_member(holder, org, person)
            # "John Woodcock, the MP for Barrow and Furness", "Lavrov, Russia's foreign minister,"
            j = person.end
            if j < len(self.doc) and self.doc[j].text == ",":
                j += 1
                if j < len(self.doc) and self.doc[j].lower_ in ("the", "a", "an", "former"):
                    j += 1
                qualifier, modifier = None, None
                ent = next((e for e in self.doc_ents if e.start == j and e.label_ in ("COUNTRY", "NORP", "ORG",
                                                                                    "PLACE")), None)
                if ent is not None:
                    qualifier, modifier = self._ref(ent.start), ent
                    j = ent.end + (1 if ent.end < len(self.doc) and self.doc[ent.end].text in POSSESSIVE
                                   else 0)
                title = self.title_at.get(j)
                if title is not None:
                    complement, _ = self._complement_after(title.span.end)
                    self._add_role(holder, title, qualifier, complement, modifier, person)
                    used_titles.add(title.span.start)
        # "... became Foreign Secretary": the subject holds the post
        for title in self.titles:
            head = title.span.root.head
            verb = head if head.lemma_ in BECOME or head.lower_ in BECOME else None
            if verb is None or title.span.start in used_titles:
                continue
            subject = self._subject_person(verb)
            if subject is not None:
                complement, _ = self._complement_after(title.span.end)
                self._add_role(subject, title, None, complement, None, title.span)
                used_titles.add(title.span.start)
        self._title_references(used_titles)
        return self.roles, self.members

    def _subject_person(self, verb) -> Ref | None:
        for tok in [verb, *verb.ancestors]:
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    ref = self._ref(child.i)
                    if ref is not None and self.ents.kind(ref) is Kind.PERSON:
                        return ref
        sent = sentence_of(verb)
        for tok in sent:
            ref = self._ref(tok.i)
            if ref is not None and self.ents.kind(ref) is Kind.PERSON and tok.dep_ in ("nsubj", "nsubjpass"):
                return ref
        return None

    # --- "the Foreign Secretary" standing for a person
    def _title_references(self, used: set[int]) -> None:
        for title in self.titles:
            span = title.span
            if span.start in used or span.end in self.person_at or self._ref(span.start) is not None:
                continue
            start = span.start
            former = False
            qualifier, qstart = self._qualifier_before(start)
            modifier = next((e for e in self.doc_ents if qualifier is not None and e.start == qstart), None)
            k = qstart - 1
            if k >= 0 and self.doc[k].lower_ == "former":
                former = True
                k -= 1
            if k < 0 or self.doc[k].lower_ != "the":
                continue
            if len(span) == 1 and span[0].text.islower() and span.text in AMBIGUOUS_LOWER:
                continue
            complement, cend = self._complement_after(span.end)
            label = self._label(title, complement, modifier)
            post_in = self._post_in(title, qualifier, complement)
            whole = self.doc[k:cend]
            # "the prime minister of Thailand, Srettha Thavisin,": the name set off right after the title
            named = cend + 1 < len(self.doc) and self.doc[cend].text == "," and cend + 1 in self.person_at
            holder = self._ref(cend + 1) if named else self._holder_in_document(label, post_in)
            if holder is None and (modifier is not None or complement is not None):
                # a specific title ("The US President", "The Cynon Valley MP") can stand for the person
                # the text just made the subject; a bare one ("the Prime Minister") is left to the corpus
                holder = self._recent_person(whole, label, post_in)
            if holder is not None:
                self.ents.alias(holder, whole)
                if not former:
                    self._add_role(holder, title, qualifier, complement, modifier, whole)
            elif not former and not label.startswith(("MP", "MSP", "MEP")):
                key = self.ents.key(post_in) if post_in is not None else None
                key = key or (f"country:{title.country}" if title.country else "")
                self.ents.add_title_reference(whole, f"{label}|{key}")

    def _holder_in_document(self, label: str, post_in: Ref | None) -> Ref | None:
        holders = {r.holder for r in self.roles if r.title.casefold() == label.casefold()
                   and (post_in is None or r.post_in == post_in)}
        return next(iter(holders)) if len(holders) == 1 else None

    def _conflicts(self, person: Ref, label: str, post_in: Ref | None) -> bool:
        """True when the person holds the same kind of post elsewhere: another seat, another country."""
        base = label.split(" for ")[0].casefold()
        for r in self.roles:
            if r.holder != person:
                continue
            other = r.title.split(" for ")[0].casefold()
            if other == base and (r.title.casefold() != label.casefold() or
                                  (post_in is not None and r.post_in is not None and r.post_in != post_in)):
                return True
        return False

    def _recent_person(self, where: Span, label: str, post_in: Ref | None) -> Ref | None:
        """The person the text just spoke of: subjects first, nearest sentence first."""
        sents = sentences(self.doc)
        here = next(i for i, s in enumerate(sents) if s.start <= where.start < s.end)
        # "Ramaphosa congratulated the president of Botswana": whoever does the act the title's
        # phrase is governed by is another person than the one it names
        own_clause = {self._ref(c.i) for a in where.root.ancestors for c in a.children
                      if c.dep_ in ("nsubj", "nsubjpass") and c.i not in range(where.start, where.end)}
        for back in range(0, LOOKBACK_SENTENCES + 1):
            if here - back < 0:
                break
            sent = sents[here - back]
            tokens = [t for t in sent if (back > 0 or t.i < where.start)]
            found: list[tuple[int, Ref]] = []
            for tok in tokens:
                ref = self._ref(tok.i)
                if ref is None or self.ents.kind(ref) is not Kind.PERSON or \
                        self.ents.clusters[ref.index].title is not None:
                    continue
                if self._conflicts(ref, label, post_in) or (back == 0 and ref in own_clause):
                    continue
                if tok.dep_ in ("nsubj", "nsubjpass") or (tok.head.dep_ in ("nsubj", "nsubjpass")
                                                          and tok.dep_ in ("compound", "appos")):
                    found.append((-tok.i, ref))
            if found:
                return sorted(found, key=lambda f: f[0])[0][1]
        return None


def extract_roles(doc: Doc, ents: DocEntities) -> tuple[list[Role], list[Membership]]:
    return RoleFinder(doc, ents).run()

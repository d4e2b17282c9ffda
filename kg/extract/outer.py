"""The outer act: what a clause does with the act it names.

    "Iran threatened to shell the border towns"     a threat (13), not shelling
    "Norway said it would send equipment"           an intent to cooperate (03)
    "the ministry is willing to lift the ban"       an intent to yield (035)
    "the union refused to call off the strike"      a rejection (12)
    "the court will not release the detainees"      a rejection (12), said of the future
    "Washington wants Moscow to halt the strikes"   an appeal to Moscow (02), no halt and no strike

CAMEO builds its intent (03), reject (12) and threaten (13) codes in parallel with the acts they are
about: 0331 is the intent of 071 (economic aid), 1243 the refusal of 084 (release), 1323 the threat of
1723 (curfew). ``compose`` follows those correspondences of the codebook, so the embedded act's code
says which intent, refusal or threat it is.
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Token


class Outer(str, Enum):
    INTENT = "intent"
    THREAT = "threat"
    REJECT = "reject"
    APPEAL = "appeal"  # "urged Kenya to release the activists": an appeal to Kenya, no release
    DEMAND = "demand"  # "demanded that Israel ease the restrictions": a demand of Israel (1051), no easing


THREAT_VERBS = {"threaten", "warn"}
# a promise of harm is a threat, a promise of help an intent
COMMIT_VERBS = {"vow", "swear", "pledge", "promise"}
INTENT_VERBS = {"agree", "offer", "plan", "intend", "commit", "prepare", "propose", "undertake",
                "consent", "volunteer", "resolve", "aim", "seek", "poise"}
# a goal sought is an intent ("is seeking to impose sanctions"); in the simple past, an attempt made
ATTEMPT_VERBS = {"seek"}
WILLING = {"willing", "ready", "prepared", "determined", "committed", "eager", "keen", "poised"}
REFUSE_VERBS = {"refuse", "decline"}
# verbs whose object is asked to do the act of their complement
APPEAL_VERBS = {"urge", "ask", "call", "tell", "press", "pressure", "push", "persuade", "encourage", "invite",
                "want", "implore", "beg", "exhort", "request", "appeal"}
# verbs and nouns whose clause says what the addressee must do: "demanded that X ...", "its demand that X ..."
DEMAND_VERBS = {"demand", "insist", "ultimatum"}
# verbs whose object is told to do the act of their complement: "ordered the mayor to resign" (a demand)
ORDER_VERBS = {"order", "instruct", "command", "direct", "demand", "require"}
# nouns whose to-clause is the act they commit to, threaten or refuse: "reached a deal to cut tariffs",
# "its threat to expel the envoys", "the union's refusal to end the strike"
# outer verbs whose to-clause the parser may attach as a clause of purpose (not "called a meeting to discuss")
PURPOSE_READ = THREAT_VERBS | COMMIT_VERBS | INTENT_VERBS | REFUSE_VERBS | ORDER_VERBS | {
    "urge", "press", "pressure", "persuade", "encourage", "implore", "beg", "exhort"}
INTENT_NOUNS = {"agreement", "consensus", "deal", "accord", "decision", "pledge", "promise", "commitment", "offer",
                "plan", "readiness", "willingness", "intention", "vow", "undertaking", "resolve", "proposal"}
THREAT_NOUNS = {"threat", "ultimatum", "warning"}
REFUSE_NOUNS = {"refusal"}
OPPOSE_WORDS = {"oppose", "opposed", "opposition"}  # "opposed the talks", "is opposed to", "its opposition to"
# nouns of CAMEO's demands (10) and appeals (02) whose clause is what is asked, not done: "Bolivia's demand to
# cede a corridor", "a call for the troops to be withdrawn", "the request that its navy release the boats"
DEMAND_NOUNS = {"demand", "insistence"}
APPEAL_NOUNS = {"call", "appeal", "request", "plea", "petition"}
# "promised to continue the aid": the aspect verb is transparent
ASPECT_VERBS = {"continue", "resume", "begin", "start", "keep"}
FUTURE = {"will", "would", "'ll", "shall", "wo"}
POSSIBLE = {"may", "might", "could"}  # an act that may be done, on a condition: announced as a threat or an offer
SAYING = {"announce", "say", "confirm", "state", "declare", "tell", "add", "report", "indicate", "signal"}
CONDITION_AGAINST = {"unless"}  # "will withdraw unless ...": a condition imposed, a threat

# codebook correspondences: the act's code (longest prefix first) -> the code of its intent/refusal/threat
INTENT_OF = {
    "04": "036", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
    "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356", "03": "03",
}
REJECT_OF = {
    "03": "120", "04": "125", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "08": "124", "081": "1241",
    "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243",
    "085": "1244", "086": "1245", "087": "1246",
}
APPEAL_OF = {
    "04": "026", "05": "022", "057": "027", "06": "021", "061": "0211", "062": "0212", "063": "0213",
    "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "08": "025",
    "081": "0251", "082": "0252", "083": "024", "0831": "0241", "0832": "0242", "0833": "0243", "0834": "0244",
    "084": "0253", "085": "0254", "086": "0255", "087": "0256",
}
# CAMEO builds its demands (10) in parallel with its appeals (02): 1053 is to 0253 as a demand is to a request
DEMAND_OF = {act: "10" + appeal[2:] for act, appeal in APPEAL_OF.items()}
THREAT_OF = {
    "08": "136", "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
    "164": "134", "165": "135", "166": "136", "17": "130", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "173": "137", "174": "137", "175": "137", "18": "1383", "19": "1384",
    "191": "1381", "192": "1382", "20": "1385",
}
COOPERATIVE = {"03", "04", "05", "06", "07", "08"}
CONFLICTUAL = {"14", "15", "16", "17", "18", "19", "20"}


def _lookup(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def compose(outer: Outer, code: str) -> str | None:
    """The code of an intent, refusal or threat about an act with ``code``; None where the codebook
    has none (a refusal to attack is no CAMEO act; "will demand" is the demand itself).

    >>> compose(Outer.THREAT, "1723"), compose(Outer.INTENT, "071"), compose(Outer.REJECT, "0841")
    ('1323', '0331', '1243')
    >>> compose(Outer.INTENT, "190")  # an intent to fight is a threat
    '1384'
    >>> compose(Outer.APPEAL, "0841")  # urged them to release prisoners
    '0253'
    >>> compose(Outer.DEMAND, "085")  # demanded that they lift the embargo
    '1054'
    """
    root = code[:2]
    if outer is Outer.APPEAL:
        return _lookup(APPEAL_OF, code) or "020"
    if outer is Outer.DEMAND:
        return _lookup(DEMAND_OF, code) or "100"
    if outer is Outer.THREAT:
        return _lookup(THREAT_OF, code) or "130"
    if outer is Outer.REJECT:
        return (_lookup(REJECT_OF, code) or "120") if root in COOPERATIVE else None
    if root in CONFLICTUAL:
        return _lookup(THREAT_OF, code) or "130"
    return _lookup(INTENT_OF, code) if root in COOPERATIVE else None


def _has(tok: Token, dep: str, words: set[str]) -> bool:
    return any(c.dep_ == dep and c.lower_ in words for c in tok.children)


def _reported(verb: Token, speech_verbs: set[str]) -> bool:
    """A clause someone says or announces: "X said [it would ...]", "[X will ...], officials said"."""
    saying = speech_verbs | SAYING
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in saying:
        return True
    # "[X will ...], officials said", also where the parser joins the saying as a conjunct with no clause of its own
    return any((c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "conj" and not any(
        g.dep_ in ("ccomp", "dobj", "obj", "xcomp") for g in c.children))) and c.lemma_.lower() in saying and
        c.i > verb.i for c in verb.children)


def clause_verb(tok: Token, light: Token | None) -> Token | None:
    """The verb whose clause states the act: the trigger, its light verb, or the verb of its object noun."""
    if light is not None:
        return light
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB":
        return tok.head
    return None


def appealed_to(verb: Token) -> Token | None:
    """Who is asked: the object of "urged X to", the ``on`` object of "called on X to"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    for c in verb.children:  # "wants Russia to halt": the parser's clause with its own subject
        if c.dep_ == "ccomp" and _has(c, "aux", {"to"}):
            return next((g for g in c.children if g.dep_ == "nsubj"), None)
    return None


def _outer_noun(noun: Token) -> tuple[Outer, Token | None] | None:
    """"reached a consensus to share data", "announced its decision to lift the ban", "the threat to expel":
    the noun commits to, threatens or refuses the act of its to-clause."""
    lemma = noun.lemma_.lower()
    if lemma in THREAT_NOUNS:
        return Outer.THREAT, noun
    if lemma in REFUSE_NOUNS:
        return Outer.REJECT, noun
    if lemma in INTENT_NOUNS:
        return Outer.INTENT, noun
    if lemma in DEMAND_NOUNS:
        return Outer.DEMAND, noun
    if lemma in APPEAL_NOUNS:
        return Outer.APPEAL, noun
    return None


def opposed(tok: Token) -> Token | None:
    """What an opposition is to: the object of "opposed the deal", the ``to`` object of "is opposed to the
    deal", "its opposition to the deal" and "voiced opposition to the deal". CAMEO tells objections (11) from
    rejections (12) by what is opposed: opposing a cooperative act proposed (talks, mediation, aid) rejects it."""
    heads = [tok]
    if tok.lemma_.lower() not in OPPOSE_WORDS:  # "voiced opposition to": the noun of the verb, or the verb
        noun = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in OPPOSE_WORDS), None)
        if noun is None:
            return None
        heads = [noun, tok]
    for head in heads:
        for c in head.children:
            if c.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and head is tok and len(heads) == 1 and not any(
                    g.dep_ in ("auxpass", "nsubjpass") for g in head.children):
                return c
            if c.dep_ == "prep" and c.lower_ == "to":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _asked_noun(node: Token) -> Token | None:
    """The demand or appeal noun whose clause ``node`` heads: "the demand that troops withdraw", "a call for
    its troops to be deployed" (the parser hangs the clause on the noun after "for")."""
    if node.dep_ not in ("acl", "relcl", "advcl", "ccomp"):
        return None
    to = _has(node, "aux", {"to"})
    head = node.head
    if head.dep_ == "pobj" and head.head.lower_ == "for" and to:
        head = head.head.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in DEMAND_NOUNS | APPEAL_NOUNS:
        return None
    said = to or _has(node, "mark", {"that"}) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in node.children)
    return head if said else None


def outer_act(verb: Token, speech_verbs: set[str]) -> tuple[Outer, Token | None] | None:
    """What the clause of ``verb`` does with its act, and the verb that says so (None for a plain
    future in a reported clause: "said it would send")."""
    node = verb
    # "threatened to close the strait and seize tankers": a bare conjunct shares its first conjunct's outer act
    while node.dep_ == "conj" and node.tag_ == "VB" and node.head.pos_ == "VERB" and node.head.dep_ != "ROOT" and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children):
        node = node.head
    while node.dep_ == "xcomp" and node.head.lemma_.lower() in ASPECT_VERBS:
        node = node.head
    negated = _has(node, "neg", {"not", "n't", "never"})
    unless = any(c.dep_ == "advcl" and _has(c, "mark", CONDITION_AGAINST) for c in node.children)
    asked = _asked_noun(node)
    if asked is not None:
        return _outer_noun(asked)
    if node.dep_ == "acl" and node.head.pos_ == "NOUN" and _has(node, "aux", {"to"}):
        return _outer_noun(node.head)
    if node.dep_ == "xcomp" or (node.dep_ == "advcl" and _has(node, "aux", {"to"}) and not _has(node, "mark", {
            "in", "so"}) and node.head.lemma_.lower() in PURPOSE_READ):
        # the parser also reads "vowed to fight" and "demanded the parties to allow" as a clause of purpose
        outer = node.head
        lemma = outer.lemma_.lower()
        outer_negated = _has(outer, "neg", {"not", "n't", "never"})
        if lemma in REFUSE_VERBS:
            return Outer.REJECT, outer
        if lemma in ORDER_VERBS and appealed_to(outer) is not None:
            return Outer.DEMAND, outer
        if lemma in APPEAL_VERBS and appealed_to(outer) is not None:
            return Outer.APPEAL, outer
        if lemma in THREAT_VERBS:
            return Outer.THREAT, outer
        if lemma in ATTEMPT_VERBS and outer.tag_ == "VBD":
            return None  # "police sought to disperse the crowd": an attempt made, as "tried to" is
        if lemma in COMMIT_VERBS | INTENT_VERBS or (outer.pos_ == "ADJ" and lemma in WILLING):
            if outer_negated or negated:
                return Outer.REJECT, outer
            unless = unless or any(c.dep_ == "advcl" and _has(c, "mark", CONDITION_AGAINST) for c in outer.children)
            return (Outer.THREAT if unless else Outer.INTENT), outer
        return None
    if node.dep_ in ("ccomp", "acl") and node.head.lemma_.lower() in DEMAND_VERBS and \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return Outer.DEMAND, node.head
    if node.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        # "reiterated its demand that Israel ease ...": the parser hangs the demand's clause on the verb
        noun = next((c for c in node.head.children if c.dep_ in ("dobj", "obj") and c.i < node.i and
                     c.lemma_.lower() in DEMAND_VERBS), None)
        if noun is not None:
            return Outer.DEMAND, noun
    if node.dep_ == "ccomp" and _has(node, "aux", {"to"}) and node.head.lemma_.lower() in APPEAL_VERBS and \
            appealed_to(node.head) is not None:
        return Outer.APPEAL, node.head
    # "said it would send", "said it may impose sanctions if ...": a possible act said of oneself is announced
    possible = _has(node, "aux", POSSIBLE) and (unless or any(
        c.dep_ == "advcl" and _has(c, "mark", {"if"}) for c in node.children))
    if (_has(node, "aux", FUTURE) or possible) and _reported(node, speech_verbs):
        if negated:
            return Outer.REJECT, None
        return (Outer.THREAT if unless else Outer.INTENT), None
    return None

"""The type a name's own words give it: the head noun of an organisation or a place ("Oregon State
University", "Dundas Road", "the Ottawa Sun"), pure string functions, no spaCy; and the words
before a name that say it is a place ("fled towards X").

    >>> kind_by_head(["University", "of", "Nebraska"]), kind_by_head(["Dundas", "Road"])
    ('ORG', 'PLACE')
    >>> kind_by_head(["Stuart", "Hall"]) is None  # a surname that is also a head noun needs more
    True
"""

from __future__ import annotations

# heads that name an organisation whatever comes before them
ORG_HEADS = frozenset("""
university universities college institute institution academy school polytechnic party council ministry force forces
department agency commission committee court tribunal navy army police corps legion brigade battalion
regiment association society foundation federation league union club company corporation corp inc ltd plc llc
group bank press news gazette magazine journal tribune telegraph network service services board bureau
authority administration coalition alliance front movement organization organisation fund trust
parliament congress senate assembly cabinet government
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# two last words that name an organisation though the last alone names a place
ORG_PAIRS = frozenset({"school district", "water district", "fire district", "health district",
                       "police station", "fire station", "radio station", "television station", "tv station"})
# heads that name a place whatever comes before them
PLACE_HEADS = frozenset("""
road street avenue boulevard highway motorway square plaza bridge station airport airfield airbase base
port harbour harbor tower towers stadium river lake mountain mountains valley island islands bay sea ocean
county province district village town pad plains desert coast peninsula strait canal crossing
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# heads that are also common surnames or given names ("Stuart Hall", "Charlotte Church"): they type a
# name only after a place ("the Ottawa Sun", "Dallas Star")
WEAK_HEADS = {"hall": "PLACE", "church": "ORG", "post": "ORG", "star": "ORG", "sun": "ORG", "times": "ORG",
              "mail": "ORG", "express": "ORG", "park": "PLACE", "hill": "PLACE", "lane": "PLACE"}
# heads of institutions that are also sites: an organisation where the sentence has them act, a
# place elsewhere (issue 14, cause 12)
SITE_HEADS = frozenset("""
museum museums gallery galleries centre center planetarium hospital hotel library zoo theatre theater
cathedral mosque temple aquarium observatory
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# nouns of a body: a name right after one is an organisation's ("the charity Green Hands", "the
# broadcaster Radio Meridian", "Korean team Red Hawks"), whatever the model typed it
ORG_NOUNS = frozenset("""
group party band team club company firm charity organisation organization broadcaster newspaper
website outlet airline bank union agency militia coalition startup retailer carrier manufacturer label
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# the words of a minister's portfolio, which the model takes for a body: "Minister of Education",
# "the Foreign Affairs minister", "Shadow Transport Secretary" (a title's words, not an organisation)
PORTFOLIO_WORDS = frozenset("""
education health defence defense home foreign affairs interior justice finance finances treasury trade industry
labour labor energy environment agriculture transport transportation culture tourism communications housing
employment welfare security immigration development economy economic commerce science technology sport sports
youth women children family planning information public works social local government budget revenue customs
relations international cooperation legal digital media arts heritage homeland veterans fisheries forestry
mines water resources natural national regional rural urban shadow and &
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# faiths, their rites and holy days: what people believe and keep, not actors, whatever the model
# typed them ("the Hajj", "Islam", "Wicca", "Diwali"); words ending "-ism" or "-phobia" are beliefs
# and attitudes too ("Buddhism", "Islamophobia")
FAITHS = frozenset("""
islam christianity judaism hinduism buddhism sikhism jainism shinto taoism confucianism zoroastrianism
bahai wicca paganism atheism agnosticism catholicism protestantism mormonism orthodoxy
hajj umrah ramadan eid diwali holi passover hanukkah easter christmas lent advent pentecost purim
navratri vesak sabbath shabbat
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
BELIEF_SUFFIXES = ("ism", "phobia")
# heads of the names of events and agreements, which are not actors (issue 14, causes 6 and 11):
# "the Nairobi Marathon", "the Kyoto Protocol", "Comic Expo Brazil" (a place may follow the head)
EVENT_HEADS = frozenset("""
cup championship championships tournament olympics olympiad paralympics expo festival marathon regatta
treaty accord protocol summit
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# nouns of works and products: a name right after one is the work's, not an actor's ("the 1984 film
# Night Ferry", "her novel, Salt Orchard", "the browser Lynx"); not "app": an app's name is its maker's
# too ("the app Streamly said it would sue")
WORK_NOUNS = frozenset("""
film films movie novel album song documentary opera musical painting sculpture poem sitcom browser
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# what armed forces fire, drive and fly, and systems of any kind: a name that modifies one is the thing's,
# not an actor's ("Patriot missiles", "Leopard tanks", "the ICI tax system"), unless it names a known body
# ("Hamas rockets")
WEAPON_NOUNS = frozenset("""
missile rocket tank drone jet warplane bomber helicopter gunship howitzer launcher rifle gun artillery
interceptor torpedo munition shell bomb warship frigate destroyer submarine aircraft vehicle system
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# words before "of" that make the name after it a place: "the town of Krynky"
PLACE_OF = frozenset({"plains", "town", "city", "village", "province", "region", "district", "county", "island",
                      "port", "suburb", "neighbourhood", "neighborhood", "capital",
                      # the people and the streets of a place: "residents of Kherson"
                      "residents", "inhabitants", "citizens", "people", "outskirts", "suburbs", "streets",
                      # where from or where: "pulled out of Kherson", "20 km north of Kyiv"
                      "out", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# the divisions of a country, which a name before them in lower case names: "the Kherson region", "Zamfara state"
DIVISION_NOUNS = frozenset({"region", "province", "district", "county", "oblast", "governorate", "prefecture",
                            "canton", "municipality", "state"})
CONNECTORS = frozenset({"of", "for", "on", "at", "in", "and", "&"})


# heads of bodies in Romance and other languages whose names open with them ("Instituto Cervantes",
# "Banco Santander", "Partido Popular", "Universidad de Chile", "Comune di Milano")
FIRST_ORG_HEADS = frozenset("""
instituto istituto institut universidad università universita universidade université universite universität
universitat ministerio ministère ministero ministério partido partito parti banco banca banque fundación fundacion
fondazione fundação fondation stiftung comune municipio municipalidad prefeitura colegio collegio liceo lycée
sociedad società societa société compañía compania compagnie empresa
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings


def head_word(words: list[str]) -> str:
    """The head of a name, lower case: the word before its first "of"/"for"/"on" ("University of
    Nebraska" -> "university"), else its last word."""
    lowered = [w.casefold() for w in words]
    for i, w in enumerate(lowered):
        if i and w in ("of", "for", "on"):
            return lowered[i - 1]
    return lowered[-1] if lowered else ""


def kind_by_head(words: list[str], *, after_place: bool = False) -> str | None:
    """"ORG" or "PLACE" by the head noun of a name of two words or more, "SITE" for an institution
    that is also a place (a museum, a hospital); None when the head says nothing. ``after_place``:
    the name begins with a place ("Ottawa Sun"), so weak heads count."""
    if len(words) < 2:
        return None
    if words[0].casefold() in FIRST_ORG_HEADS and words[0][:1].isupper():
        return "ORG"
    head = head_word(words)
    if " ".join(w.casefold() for w in words[-2:]) in ORG_PAIRS:
        return "ORG"
    if head in ORG_HEADS:
        return "ORG"
    if head in PLACE_HEADS:
        return "PLACE"
    if head in SITE_HEADS:
        lowered = [w.casefold() for w in words]
        after = lowered.index(head) + 1
        # "Centre for Disease Control", "Center for Policy Studies": a body named for what it does
        return "ORG" if after < len(lowered) and lowered[after] == "for" else "SITE"
    if after_place:
        return WEAK_HEADS.get(head)
    return None


# words of a member's party before "MP" ("the Conservative MP", "a Leeds Labour MP"), not of
# a constituency; "green" names constituencies too ("the Bethnal Green MP"), so it counts only alone
PARTY_WORDS = frozenset("""
conservative tory labour labor liberal democrat democratic republican socialist nationalist unionist independent
progressive reform new social
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# words of a business's name that no person's name holds ("Greenleaf Capital", "Orbis Media"); a
# plural proper noun is one too ("Brightwater Holdings", "Delta Airlines")
COMPANY_WORDS = frozenset("""
capital international global media energy insurance logistics pharma technology software entertainment
consulting security finance financial realty equity properties investment mining oil gas motor digital
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
# nouns of people by their work or family: a name right after one is a person's ("fashion designer
# Lagerfeld", "their daughter, Rosa", "goalkeeper Manuel Neuer"), whatever the model typed it
PERSON_NOUNS = frozenset("""
designer artist illustrator cartoonist painter photographer sculptor architect writer author poet novelist
journalist reporter
editor columnist actor actress singer musician guitarist drummer rapper composer director producer dancer
athlete player goalkeeper striker midfielder defender captain coach manager footballer cricketer boxer
tennis golfer swimmer runner cyclist driver jockey scientist researcher professor lecturer student teacher
doctor surgeon nurse lawyer attorney judge engineer inventor entrepreneur founder businessman businesswoman
farmer priest pastor imam rabbi monk nun bishop activist campaigner blogger cosplayer comedian model
spokesman spokeswoman spokesperson
son daughter wife husband mother father brother sister child baby boy girl widow widower grandson
granddaughter nephew niece cousin uncle aunt
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings
PLURAL_PERSON_NOUNS = frozenset(w + "s" for w in PERSON_NOUNS) | {"children", "athletes", "people"}
# nouns of people by who they are, which name a person in an apposition ("Rosa Kemp, an Australian
# woman, said"), with those of their work or family
PEOPLE_NOUNS = PERSON_NOUNS | frozenset("""
woman man resident citizen teenager pensioner veteran survivor victim grandmother grandfather widow
""".split())  # noqa: SIM905 - a block of words reads better than a list of strings


# --- the words before a place's name

# words after which a name is a place rather than a person: "in X", "visited X"
LOCATIVE = frozenset({"in", "near", "outside", "from", "to", "at", "across", "around", "towards", "toward", "into",
                      "inside", "between", "through", "of", "visit", "visited", "visiting", "visits"})
# prepositions after which a town's name is the town, whatever the model thought of it: "fled towards X",
# "fighting in X" (not "to X", "from X", "of X", "at X": people are written to, quoted from, sons of)
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "towards", "toward", "into", "inside", "across",
                                "through", "throughout", "within"})
# prepositions after which a name is where something is or goes
TOWARDS_A_PLACE = frozenset({"in", "at", "to", "from", "into", "inside", "near", "outside", "towards", "toward"})
# prepositions after which a name is a place and never a body ("in" is not one: "a role in the party")
IN_A_PLACE = frozenset({"near", "outside", "across", "around", "throughout"})
# what one holds "in" a company, not in a town: "shares in Toyota", "a stake in Mazda"
STAKE_NOUNS = frozenset({"share", "stake", "holding", "investment", "shareholding", "equity"})
# prepositions of where an act happens: "fighting in X", "a protest outside X"
WHERE_PREPOSITIONS = frozenset({"in", "near", "at", "across", "inside", "outside", "around", "throughout", "within"})

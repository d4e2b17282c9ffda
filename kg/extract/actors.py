"""What the argument rules of events read off a clause besides names: where an act is done to.

    ACTED_PLACE_ROOTS   CAMEO roots whose act lands on the place it is done in when nobody is acted on: aid,
                        yielding and withdrawal, force, coercion, assault and fighting ("imposed a curfew in
                        the port town", "cut the power supply in the province"); a meeting, a signing or
                        cooperation is only held at its venue ("held talks in Geneva")
    ACTED_INTENTS       intents to act on a place the way aid (033) or yielding (035) does ("will evacuate the
                        settlements in the valley")
    ACTED_PLACE_PREPS   the prepositions of the place such an act is done in, or whither it moves
    MOTION_PREPS        "at" and "from" name the place acted on only after a verb of motion ("pulled its
                        troops from the valley", "fired shells at the town")
    MOTION_WORDS        verbs and nouns that move people or things to or from a place: whither is acted on
                        whatever the act ("vowed to hand the islands to Japan"), and a purpose clause's act
                        is done where they were sent ("sent monitors to the region to investigate")
    SERIES_NOUNS        "a series of attacks", "a round of talks": a noun that counts acts stands for them
    PERSON_PARTICIPANTS the participant nouns (data/participants.tsv) that name people, who keep their
                        country in their label ("Somali refugees")
    SPOKEN_ROOTS        CAMEO roots of what is said, asked, refused or threatened: their own place is
                        where it is said, and only their complement's place is acted on
"""

from __future__ import annotations

from kg.resources.lexicon import person_participants

ACTED_PLACE_ROOTS = frozenset({"07", "08", "15", "16", "17", "18", "19", "20"})
ACTED_INTENTS = frozenset({"033", "035"})
ACTED_PLACE_PREPS = frozenset({"in", "into", "inside", "to"})
DESTINATION_PREPS = frozenset({"to", "into"})
MOTION_PREPS = frozenset({"from", "at"})
MOTION_WORDS = frozenset({"send", "dispatch", "deploy", "move", "evacuate", "withdraw", "pull", "remove", "expel",
                          "deport", "fly", "airlift", "ship", "deliver", "bring", "transfer", "relocate", "return",
                          "retreat", "drive", "push", "fire", "launch", "march", "take", "carry", "rescue",
                          "flee", "smuggle", "divert", "recall", "evacuation", "withdrawal", "pullout",
                          "deportation", "expulsion", "delivery", "deployment", "shipment"})
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13", "14"})
SERIES_NOUNS = frozenset({"series", "wave", "round", "spate", "string", "number", "campaign", "day", "week",
                          "month", "year", "hour", "night"})
PERSON_PARTICIPANTS = person_participants()

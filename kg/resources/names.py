"""Names as kg compares them and as they appear in IRIs: pure string functions, no spaCy, no rdflib.

    >>> normalize("the Russians' "), slug("Barrow and Furness")
    ("russians'", 'barrow-and-furness')
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.ids import sha1
from kg.resources import DATA

# The functions of names are pure, and a corpus names the same people and places again and again:
# each keeps its last CACHED answers (a bounded cache, so that memory stays flat on any corpus).
CACHED = 1 << 14


@functools.lru_cache(maxsize=CACHED)
def normalize(text: str) -> str:
    """The form names are compared in: NFKC, straight quotes, no leading "the", one space, casefolded."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _DIRECTION_MARKS.sub("", text)
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.casefold()


_DIRECTION_MARKS = re.compile(r"[\u200e\u200f\u202a-\u202e]")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"'s$")


def fold_accents(text: str) -> str:
    """Letters without their diacritics: "Rafaḩ" -> "Rafah"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=CACHED)
def slug(text: str) -> str:
    """A lower-case ASCII slug for IRIs: "Barrow and Furness" -> "barrow-and-furness".

    Accents go ("Zoë" -> "zoe"). A name with letters or digits that have no ASCII form (Cyrillic,
    Arabic, Chinese) keeps what it has and gains a short hash of the whole name, and a name with
    nothing of ASCII (emoji alone) is the hash: two such names never share an IRI.

    >>> slug("Zoë O'Brien-Smith"), slug("Владимир Путин") != slug("Дмитрий Медведев")
    ('zoe-o-brien-smith', True)
    """
    name = normalize(text)
    folded = fold_accents(name.translate(_LETTERS_WITHOUT_ACCENTS)).lower()
    base = _NOT_ASCII_WORD.sub("-", folded).strip("-")
    lost = any(c.isalnum() for c in _ASCII_WORD.sub("", folded))
    if base and not lost:
        return base
    tag = sha1(name)[:8]
    return f"{base}-{tag}" if base else tag


_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
# Latin letters that are not a base letter with accents, so that NFKD does not take them apart
_LETTERS_WITHOUT_ACCENTS = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                                          "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "ng"})


# lower-case words inside people's names: "Mohammed bin Salman", "Erik ten Hag", "Lula da Silva"
PARTICLES = {"al", "el", "bin", "bint", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "der", "den", "abu",
             "ten", "ter", "del", "dos", "das"}


@functools.cache
def honorifics() -> frozenset[str]:
    """Honorifics and ranks that stand before a name ("Mr", "Dr", "General"), from ``data/honorifics.txt``."""
    lines = (DATA / "honorifics.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=CACHED)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a person's name, casefolded, particles and hyphens folded: "al-Assad" -> ("assad",)."""
    text = _POSSESSIVE.sub("", text.replace("\u2019", "'"))
    words = [w for w in _NAME_WORD_BREAK.split(text) if w and w[0].isalpha()]
    while words and words[0].rstrip(".") in honorifics():  # "Mr Trump" is Trump
        words = words[1:]
    return tuple(w.casefold().rstrip(".") for w in words if w.casefold() not in PARTICLES)


_NAME_WORD_BREAK = re.compile(r"[\s\-]+")


def best_name(names) -> str:
    """The fullest form of a name: most name words, then without an honorific ("Trump", not "Mr Trump")."""
    return sorted(names, key=lambda n: (-len(name_words(n)), len(n.split()) - len(name_words(n)), -len(n), n))[0]


def one_letter_off(a: str, b: str, *, shortest: int = 5) -> bool:
    """Two different words of ``shortest`` letters or more, one letter added, dropped, changed, or two
    neighbours swapped: a name misspelt once in an article ("Schmidt"/"Schmit", "Katrin"/"Katrina").

    >>> one_letter_off("schmidt", "schmit"), one_letter_off("carlos", "carols"), one_letter_off("mann", "man")
    (True, True, False)
    """
    if a == b or min(len(a), len(b)) < shortest or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))

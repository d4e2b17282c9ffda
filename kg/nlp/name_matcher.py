"""The gazetteer's names in a Doc: what spaCy's ``PhraseMatcher(attr="LOWER")`` finds, without its
cost at start.

A PhraseMatcher wants a Doc of each pattern, and making 46,000 Docs takes seconds in every process
that loads the pipeline. Here a name is kept as the lower-case forms of its tokens, as hashes. A
name of plain words (letters only, none of them a special case of the tokenizer) is tokenized as
its words, which is what the tokenizer does with such a text; only the other names go through the
tokenizer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class NameMatcher:
    """``matcher(doc)`` -> [(start, end)]: every span of ``doc`` whose tokens' lower-case forms are
    those of a name (nested and overlapping spans included), in order."""

    def __init__(self, tokenizer: Tokenizer, names: Iterable[str]) -> None:
        special = set(tokenizer.rules or ())
        self.patterns: set[tuple[int, ...]] = set()
        lengths: dict[int, set[int]] = defaultdict(set)  # a first token -> the lengths of names it starts
        for name in names:
            words = name.split(" ")
            if all(w.isalpha() and w not in special for w in words):
                forms = [[w.lower() for w in words]]
            else:
                # the names come lower case; the tokenizer's exceptions for abbreviations with periods
                # are written as in text ("U.N.", "St."), so those are tokenized in capitals too
                texts = {name, name.upper(), name.title()} if "." in name else {name}
                forms = [[t.lower_ for t in tokenizer(text)] for text in sorted(texts)]
            for lowers in forms:
                if not lowers:
                    continue
                pattern = tuple(hash_string(w) for w in lowers)
                self.patterns.add(pattern)
                lengths[pattern[0]].add(len(pattern))
        self.lengths = {first: sorted(n) for first, n in lengths.items()}
        self.firsts = numpy.sort(numpy.fromiter(self.lengths, dtype=numpy.uint64, count=len(self.lengths)))

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        if not len(doc):
            return []
        lowers = doc.to_array(LOWER)
        at = numpy.minimum(numpy.searchsorted(self.firsts, lowers), len(self.firsts) - 1)
        found = []
        for start in numpy.flatnonzero(self.firsts[at] == lowers).tolist():
            for n in self.lengths[int(lowers[start])]:
                # a length of 1 is there only for the one-word name
                if n == 1 or (start + n <= len(doc) and tuple(lowers[start:start + n].tolist()) in self.patterns):
                    found.append((start, start + n))
        return found

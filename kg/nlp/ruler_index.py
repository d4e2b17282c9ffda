"""The model's attribute ruler, matched through an index.

spaCy's ``AttributeRuler`` maps tags to parts of speech and morphology, and fixes exceptions, with
Matcher patterns (179 in en_core_web_sm). The Matcher tries every pattern at every token, which
makes the ruler about a tenth of the whole parse. Nearly all of the patterns test a token's
attributes for equality or membership (``{"TAG": "NN"}``, ``{"TAG": "DT", "LOWER": "an"}``,
``{"LOWER": {"IN": [...]}}``), which a dictionary keyed by the first token's values finds at once;
the tokens after it, if any, are then checked one by one. ``IndexedMatch`` answers those patterns
and leaves the others (operators, regular expressions) to a Matcher of their own. It returns the
matches of ``AttributeRuler.match`` in the same order, one per pattern key and span as the Matcher
does, so the ruler sets the same attributes.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# attributes whose values are string hashes (or flags) in Doc.to_array, as in the patterns (POS is not: a symbol)
INDEXABLE = {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH"}


class _Token:
    """The tests of one token of a pattern: values to look up, and values to exclude."""

    def __init__(self, vocab: Vocab, pattern: dict) -> None:
        self.equal: dict[str, list[int]] = {}  # name -> accepted values
        self.unequal: dict[str, set[int]] = {}  # name -> excluded values
        for name, test in pattern.items():
            name = name.upper()
            if name not in INDEXABLE:
                raise ValueError(name)
            if isinstance(test, dict):
                if set(test) == {"IN"}:
                    self.equal[name] = [_value(vocab, v) for v in test["IN"]]
                elif set(test) == {"NOT_IN"}:
                    self.unequal[name] = {_value(vocab, v) for v in test["NOT_IN"]}
                else:
                    raise ValueError(test)
            else:
                self.equal[name] = [_value(vocab, test)]

    def accepts(self, values: list[list[int]], column: dict[str, int], i: int) -> bool:
        return all(values[column[n]][i] in accepted for n, accepted in self.equal.items()) and \
            self.excludes_none(values, column, i)

    def excludes_none(self, values: list[list[int]], column: dict[str, int], i: int) -> bool:
        return all(values[column[n]][i] not in excluded for n, excluded in self.unequal.items())

    @staticmethod
    def parse(vocab: Vocab, pattern: list) -> list[_Token] | None:
        """The pattern's tokens, or None when the index cannot answer it (operators, regular
        expressions, attributes it does not read)."""
        try:
            return [_Token(vocab, token) for token in pattern]
        except (ValueError, TypeError):
            return None


def _value(vocab: Vocab, value) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return vocab.strings.add(value)
    raise TypeError(value)


class IndexedMatch:
    """A drop-in for ``AttributeRuler.match``: ``ruler.match = IndexedMatch(ruler)``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.vocab = vocab
        self.rest = Matcher(vocab)
        indexed: list[tuple[int, list[_Token]]] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            patterns = ruler.matcher.get(key)[1]
            parsed = [_Token.parse(vocab, p) for p in patterns]
            if any(not tokens for tokens in parsed):
                self.rest.add(key, patterns)
            else:
                indexed.extend((attr_id, tokens) for tokens in parsed)
        self.columns = sorted({n for _, tokens in indexed for t in tokens for n in (*t.equal, *t.unequal)})
        self.column = {n: i for i, n in enumerate(self.columns)}
        # names the first token tests for equality -> {their values: [(pattern id, tokens)]}
        groups: dict[tuple[str, ...], dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
        for attr_id, tokens in indexed:
            names = tuple(sorted(tokens[0].equal))
            for values in itertools.product(*(tokens[0].equal[n] for n in names)):
                groups[names][values].append((attr_id, tokens))
        self.groups = [(tuple(self.column[n] for n in names), dict(table)) for names, table in groups.items()]
        self.match_ids = [vocab.strings[str(i)] for i in range(len(ruler.attrs))]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches = [(int(self.vocab.strings[m_id]), m_id, s, e)
                   for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)]
        if self.columns and len(doc):
            n, column = len(doc), self.column
            values = doc.to_array([IDS[name] for name in self.columns]).reshape(n, len(self.columns)).T.tolist()
            found = set()  # the Matcher gives one match per pattern key and span
            for cols, table in self.groups:
                keys = zip(*[values[c] for c in cols], strict=True) if cols else itertools.repeat((), n)
                for i, hits in enumerate(map(table.get, keys)):
                    if hits is None:
                        continue
                    for attr_id, tokens in hits:
                        end = i + len(tokens)
                        if end <= n and tokens[0].excludes_none(values, column, i) and \
                                all(t.accepts(values, column, i + k) for k, t in enumerate(tokens[1:], 1)):
                            found.add((attr_id, i, end))
            matches.extend((a, self.match_ids[a], s, e) for a, s, e in found)
        matches.sort()
        return matches


def index(ruler: AttributeRuler) -> None:
    """Make ``ruler`` match through an index (same matches, same attributes)."""
    ruler.match = IndexedMatch(ruler)

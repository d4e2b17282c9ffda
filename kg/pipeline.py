"""The one place that knows the order of the stages:

    load -> clean -> nlp -> extract -> resolve -> rdf
"""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg import clean, load, rdf
from kg.errors import InputError
from kg.model import Article, Corpus, DocFacts
from kg.nlp import DEFAULT_MODEL
from kg.resolve import resolve

log = logging.getLogger(__name__)
BATCH_SIZE = 32


@dataclass
class BuildStats:
    documents: int = 0
    words: int = 0
    entities: Counter = field(default_factory=Counter)
    posts: int = 0
    memberships: int = 0
    events: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(self.entities.items()))
        lines = [
            f"documents  {self.documents} ({self.words} words)",
            f"entities   {sum(self.entities.values())} ({kinds or 'none'})",
            f"posts      {self.posts}, memberships {self.memberships}",
            f"events     {self.events}",
            f"triples    {self.triples}",
            f"seconds    {self.seconds:.1f}",
        ]
        if self.errors:
            lines.append(f"errors     {len(self.errors)} input(s) skipped")
        return "\n".join(lines)


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="reading", file=sys.stderr, leave=False)


def extract_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                     batch_size: int = BATCH_SIZE) -> Iterator[DocFacts]:
    """Parse and extract, streaming: articles go through ``nlp.pipe`` in batches."""
    from kg import nlp as nlp_module
    from kg.extract import extract

    nlp = nlp_module.load(model)
    pairs = ((clean.blank_noise(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, article)


def build_corpus(paths: Iterable[str | Path], *, model: str = DEFAULT_MODEL, fail_fast: bool = False,
                 progress: bool = False, on_error: Callable[[InputError], None] | None = None,
                 stats: BuildStats | None = None) -> Corpus:
    """Read every article under ``paths`` and resolve what they say into one corpus."""
    stats = stats if stats is not None else BuildStats()
    started = time.perf_counter()

    def record(exc: InputError) -> None:
        stats.errors.append(exc)
        if on_error is not None:
            on_error(exc)

    paths = list(paths)
    files = []
    for p in paths:
        try:
            files.extend(load.find_files([p]))
        except InputError as exc:
            if fail_fast:
                raise
            record(exc)
    bar = _progress(len(files), progress)
    articles = load.read_articles(files, on_error=None if fail_fast else record)
    facts = []
    for item in extract_articles(articles, model=model):
        facts.append(item)
        stats.documents += 1
        stats.words += item.words
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    corpus = resolve(facts)
    stats.entities = Counter(e.kind.value for e in corpus.entities)
    stats.posts = len(corpus.posts)
    stats.memberships = len(corpus.members)
    stats.events = len(corpus.events)
    stats.seconds = time.perf_counter() - started
    return corpus


def build(paths: Iterable[str | Path], **options) -> tuple[Dataset, BuildStats]:
    """Articles to an RDF dataset (one named graph per document)."""
    stats = options.pop("stats", None) or BuildStats()
    started = time.perf_counter()
    corpus = build_corpus(paths, stats=stats, **options)
    ds = rdf.to_dataset(corpus)
    stats.triples = len(rdf.union(ds))
    stats.seconds = time.perf_counter() - started
    return ds, stats

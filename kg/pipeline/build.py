"""The one place that knows the order of the stages:

    load -> clean -> nlp -> extract -> resolve -> rdf
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.graph import rdf
from kg.ingest import load
from kg.model import Article, Corpus, DocFacts
from kg.nlp.pipeline import DEFAULT_MODEL
from kg.pipeline.collector import paused
from kg.pipeline.parse import batches, extract_batch, parse_and_extract, start_worker
from kg.pipeline.progress import bar as progress_bar
from kg.resolve.entities import resolve

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
        plural = {"Country": "countries", "Person": "people"}
        kinds = ", ".join(f"{n} {plural.get(k, k.lower() + 's') if n != 1 else k.lower()}"
                          for k, n in sorted(self.entities.items()))
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


def extract_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, jobs: int = 1,
                     batch_size: int = BATCH_SIZE, in_flight: int = 2,
                     scheduler: str | None = None) -> Iterator[DocFacts]:
    """Parse and extract, streaming, in the order of ``articles``.

    Articles go through ``nlp.pipe`` in batches of ``batch_size``. With ``jobs`` > 1, each batch
    goes to one of ``jobs`` worker processes (forkserver) that load the model once each; at most
    ``in_flight`` batches per worker are read ahead, so memory does not grow with the corpus. A
    batch in a worker is a batch of the single-process ``nlp.pipe`` too, so the results do not
    depend on ``jobs``. With ``scheduler`` (``"tcp://HOST:8786"``, ``"local"`` or ``"local:N"``),
    the batches go to the workers of a dask.distributed cluster instead (``kg.pipeline.dask``)
    and ``jobs`` is not used.
    """
    if scheduler is not None:
        from kg.pipeline.dask import extract_on_cluster

        warm = warm_up()
        try:
            yield from extract_on_cluster(articles, scheduler=scheduler, model=model, batch_size=batch_size)
        finally:
            warm.join()
        return
    if jobs <= 1:
        yield from parse_and_extract(articles, model, batch_size)
        return
    work = batches(articles, batch_size)
    first, second = next(work, None), next(work, None)
    if second is None:  # one batch: not worth starting workers
        yield from parse_and_extract(first or [], model, batch_size)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["kg.pipeline.parse", "kg.nlp.pipeline", "kg.extract"])  # imported once, forked
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=start_worker,
                               initargs=(model,))
    warm = warm_up()
    pending: deque[Future] = deque()
    try:
        for batch in chain([first, second], work):
            pending.append(pool.submit(extract_batch, batch, model, batch_size))
            while len(pending) >= in_flight * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        warm.join()


def warm_up() -> threading.Thread:
    """Load what resolution and the RDF read (the gazetteer, the CAMEO codebook) in this process,
    in a thread, while workers parse: this process mostly waits on them, and the end of the build
    then starts with both in memory. Join it before resolving (the loaders are cached, not locked)."""
    def load() -> None:
        from kg.resources.gazetteer import Gazetteer

        Gazetteer.default()
        rdf.codebook()

    thread = threading.Thread(target=load, name="kg-warm-up", daemon=True)
    thread.start()
    return thread


@dataclass
class Reading:
    """What reading the inputs set aside: the inputs that could not be read, and the documents that
    ``known`` said need no parse."""

    errors: list[InputError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_and_extract(paths: Iterable[str | Path], *, model: str = DEFAULT_MODEL, jobs: int = 1,
                     scheduler: str | None = None, batch_size: int = BATCH_SIZE, fail_fast: bool = False,
                     known: Callable[[str, str], bool] | None = None, progress: bool = False,
                     on_error: Callable[[InputError], None] | None = None,
                     reading: Reading | None = None) -> Iterator[DocFacts]:
    """The read -> parse loop: every article under ``paths``, except those ``known(doc_id, text)``
    says need no parse, parsed and extracted (``extract_articles``), streaming, in a stable order.

    Bad inputs are recorded in ``reading.errors``, reported to ``on_error`` and skipped (raised
    with ``fail_fast``); documents ``known`` skips go to ``reading.skipped``."""
    reading = reading if reading is not None else Reading()

    def record(exc: InputError) -> None:
        reading.errors.append(exc)
        if on_error is not None:
            on_error(exc)

    files = []
    for p in paths:
        try:
            files.extend(load.find_files([p]))
        except InputError as exc:
            if fail_fast:
                raise
            record(exc)

    def fresh() -> Iterator[Article]:
        for article in load.read_articles(files, on_error=None if fail_fast else record):
            if known is not None and known(article.doc_id, article.text):
                reading.skipped.append(article.doc_id)
                continue
            yield article

    bar = progress_bar(len(files), desc="reading", unit="doc", enabled=progress)
    try:
        for item in extract_articles(fresh(), model=model, jobs=jobs, batch_size=batch_size, scheduler=scheduler):
            if bar is not None:
                bar.update(1)
            yield item
    finally:
        if bar is not None:
            bar.close()


def build_corpus(paths: Iterable[str | Path], *, model: str = DEFAULT_MODEL, jobs: int = 1, fail_fast: bool = False,
                 progress: bool = False, on_error: Callable[[InputError], None] | None = None,
                 stats: BuildStats | None = None, batch_size: int = BATCH_SIZE,
                 scheduler: str | None = None) -> Corpus:
    """Read every article under ``paths`` and resolve what they say into one corpus.

    Articles stream from disk through the parse (in worker processes with ``jobs`` > 1, on a
    dask.distributed cluster with ``scheduler``); what stays in memory is each article's facts
    (``DocFacts``), which resolution needs all together."""
    stats = stats if stats is not None else BuildStats()
    started = time.perf_counter()
    facts = []
    for item in read_and_extract(paths, model=model, jobs=jobs, scheduler=scheduler, batch_size=batch_size,
                                 fail_fast=fail_fast, progress=progress, on_error=on_error,
                                 reading=Reading(errors=stats.errors)):
        facts.append(item)
        stats.documents += 1
        stats.words += item.words
    with paused():
        corpus = resolve(facts)
    stats.entities = Counter(e.kind.value for e in corpus.entities)
    stats.posts = len(corpus.posts)
    stats.memberships = len(corpus.members)
    stats.events = len(corpus.events)
    stats.seconds = time.perf_counter() - started
    return corpus


def build(paths: Iterable[str | Path], **options) -> tuple[Dataset, BuildStats]:
    """Articles to an RDF dataset (a named graph per document and per record, ``kg.graph.rdf``). The
    options are ``build_corpus``'s: ``scheduler="tcp://HOST:8786"`` (or ``"local:N"``) parses on a
    dask.distributed cluster."""
    stats = options.pop("stats", None) or BuildStats()
    started = time.perf_counter()
    corpus = build_corpus(paths, stats=stats, **options)
    with paused():
        writer = rdf.GraphWriter().write(corpus)
        stats.triples = writer.union_size()
        ds = writer.dataset()
    stats.seconds = time.perf_counter() - started
    return ds, stats

"""The one place that knows the order of the stages:

    load -> clean -> nlp -> extract -> resolve -> rdf
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.graph import rdf
from kg.ingest import clean, load
from kg.model import Article, Corpus, DocFacts
from kg.nlp.pipeline import DEFAULT_MODEL
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


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="reading", file=sys.stderr, leave=False)


def _parse_and_extract(articles: Iterable[Article], model: str, batch_size: int) -> Iterator[DocFacts]:
    """Parse and extract in this process, streaming: the model is loaded once per process, and
    ``nlp.pipe`` holds one batch of Docs at a time; a Doc is dropped as soon as its facts are out."""
    from kg.extract import extract
    from kg.nlp import pipeline as nlp_module

    nlp = nlp_module.load(model)
    pairs = ((clean.blank_noise(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, article)


def _extract_batch(batch: list[Article], model: str, batch_size: int) -> list[DocFacts]:
    """One batch in a worker process."""
    return list(_parse_and_extract(batch, model, batch_size))


def _start_worker(model: str) -> None:
    """Set up a worker process: it loads the model at once, while the parent reads the first
    articles; it leaves Ctrl-C to the parent (which stops the pool and says so once); and it ends
    when the parent ends, however that happens (``kill -9`` too), instead of finishing its batch
    for nobody."""
    import multiprocessing
    import signal
    import threading

    from kg.nlp import pipeline as nlp_module

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="kg-parent-watch", daemon=True).start()
    nlp_module.load(model)


def _exit_with(parent) -> None:
    parent.join()
    os._exit(1)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


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

        yield from extract_on_cluster(articles, scheduler=scheduler, model=model, batch_size=batch_size)
        return
    if jobs <= 1:
        yield from _parse_and_extract(articles, model, batch_size)
        return
    batches = _batches(articles, batch_size)
    first, second = next(batches, None), next(batches, None)
    if second is None:  # one batch: not worth starting workers
        yield from _parse_and_extract(first or [], model, batch_size)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["kg.pipeline.build", "kg.nlp.pipeline", "kg.extract"])  # imported once, forked
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                               initargs=(model,))
    pending: deque[Future] = deque()
    try:
        for batch in chain([first, second], batches):
            pending.append(pool.submit(_extract_batch, batch, model, batch_size))
            while len(pending) >= in_flight * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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

    bar = _progress(len(files), progress)
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
    corpus = resolve(facts)
    stats.entities = Counter(e.kind.value for e in corpus.entities)
    stats.posts = len(corpus.posts)
    stats.memberships = len(corpus.members)
    stats.events = len(corpus.events)
    stats.seconds = time.perf_counter() - started
    return corpus


def build(paths: Iterable[str | Path], **options) -> tuple[Dataset, BuildStats]:
    """Articles to an RDF dataset (one named graph per document). The options are ``build_corpus``'s:
    ``scheduler="tcp://HOST:8786"`` (or ``"local:N"``) parses on a dask.distributed cluster."""
    stats = options.pop("stats", None) or BuildStats()
    started = time.perf_counter()
    corpus = build_corpus(paths, stats=stats, **options)
    writer = rdf.GraphWriter().write(corpus)
    stats.triples = writer.union_size()
    ds = writer.dataset()
    stats.seconds = time.perf_counter() - started
    return ds, stats

"""Parsing and extraction of batches of articles, in this process or in a worker (a process of the
pool, or a worker of a Dask cluster): the model is loaded once per process."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator

from kg.ingest import clean
from kg.model import Article, DocFacts
from kg.pipeline.collector import paused


def parse_and_extract(articles: Iterable[Article], model: str, batch_size: int) -> Iterator[DocFacts]:
    """Parse and extract in this process, streaming: the model is loaded once per process, and
    ``nlp.pipe`` holds one batch of Docs at a time; a Doc is dropped as soon as its facts are out.

    The cycle collector is paused while a document is parsed and its facts taken (not while the
    caller has them): a parse makes hundreds of thousands of short-lived objects and no reference
    cycles once extraction has let go of the Doc, yet the collector's passes over them took up to
    4% of a parse (measured on 200 generated articles)."""
    from kg.extract import extract

    nlp = loaded(model)
    pairs = ((clean.blank_noise(a.text), a) for a in articles)
    docs = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
    while True:
        with paused():
            item = next(docs, None)
            if item is None:
                return
            facts = extract(*item)
            del item  # the Doc goes here, by reference counting
        yield facts


_FROZEN: set[str] = set()


def loaded(model: str):
    """The model, loaded once per process. The first time, what the process holds then (the model,
    mostly) is frozen out of the cycle collector's passes (``gc.freeze``): it lives as long as the
    process, and walking it at every full pass costs about 1% of a parse; and NumPy stops asking
    for huge pages (``small_pages``)."""
    from kg.nlp import pipeline as nlp_module

    nlp = nlp_module.load(model)
    if model not in _FROZEN:
        small_pages()
        _FROZEN.add(model)
        gc.collect()  # nothing already garbage is frozen with it
        gc.freeze()
    return nlp


def small_pages() -> None:
    """Have NumPy's large arrays on the system's ordinary pages, unless ``NUMPY_MADVISE_HUGEPAGE`` says
    otherwise. On Linux NumPy advises the kernel to back every array of 4 MB or more with
    transparent huge pages; the model's arrays of a batch are that large, and are made and freed at
    every batch, so that each batch faults in new huge pages, each zeroed by the kernel. Measured
    on a 2-core virtual machine (transparent huge pages on "madvise"): 1 to 4 s of system time per
    100 articles, varying with the state of the host's memory, against under 0.5 s on ordinary
    pages, for the same user time."""
    if "NUMPY_MADVISE_HUGEPAGE" in os.environ:
        return
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # NumPy 1
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            return
    _set_madvise_hugepage(False)


def extract_batch(batch: list[Article], model: str, batch_size: int) -> list[DocFacts]:
    """One batch in a worker process."""
    return list(parse_and_extract(batch, model, batch_size))


def start_worker(model: str) -> None:
    """Set up a worker process: it loads the model at once, while the parent reads the first
    articles; it leaves Ctrl-C to the parent (which stops the pool and says so once); and it ends
    when the parent ends, however that happens (``kill -9`` too), instead of finishing its batch
    for nobody."""
    import multiprocessing
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=exit_with, args=(parent,), name="kg-parent-watch", daemon=True).start()
    loaded(model)


def exit_with(parent) -> None:
    parent.join()
    os._exit(1)


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
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

"""Parse and extraction on the workers of a dask.distributed cluster.

``scheduler`` names the cluster: ``"tcp://HOST:8786"`` connects to a running one (``dask scheduler``
on one host, ``dask worker tcp://HOST:8786`` on the others, each with kg and its model installed);
``"local"`` or ``"local:N"`` starts a ``LocalCluster`` of N worker processes (one thread each) on
this machine for the length of the build.

Each worker loads the model once, when it joins (``ModelPlugin``), and keeps it: a batch is a task
that runs ``nlp.pipe`` over its articles and returns their facts (``DocFacts``), never a Doc. The
facts come back as batches complete and are handed on in the order of the articles, so the build
resolves the same facts in the same order as ``-j 1``, and makes the same graph. A worker that dies
has its batches run again on another (the scheduler does this); each result is keyed by its batch,
and a batch's facts are handed on once, whatever the cluster sends.

    articles --batches--> cluster (nlp.pipe + extract) --as completed--> facts, in order
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from distributed.diagnostics.plugin import WorkerPlugin

from kg.errors import KgError
from kg.model import Article, DocFacts

log = logging.getLogger(__name__)
LOCAL = "local"
CONNECT_TIMEOUT = 30  # seconds to reach a remote scheduler
IN_FLIGHT = 4  # batches per worker sent ahead: enough to keep a worker busy while results travel


class SchedulerError(KgError, ValueError):
    """A scheduler that cannot be used: a bad ``local:N``, or an address nobody answers at."""


def local_workers(scheduler: str) -> int | None:
    """The number of worker processes ``"local"`` or ``"local:N"`` asks for (all cores for
    ``"local"``); None for the address of a running scheduler. ValueError for a bad N.

    >>> local_workers("local:2"), local_workers("tcp://127.0.0.1:8786")
    (2, None)
    """
    if scheduler != LOCAL and not scheduler.startswith(LOCAL + ":"):
        return None
    if scheduler == LOCAL:
        from kg.pipeline.parse import default_jobs

        return default_jobs()
    count = scheduler.split(":", 1)[1]
    if not count.isdigit() or int(count) < 1:
        raise SchedulerError(f"--scheduler {scheduler}: expected local:N with N a number of workers, 1 or more")
    return int(count)


class ModelPlugin(WorkerPlugin):
    """Loads the model in a worker when it starts (or joins later, or is restarted after a crash),
    so that no batch waits for it; ``kg.nlp.pipeline.load`` keeps it for the worker's life. And
    makes the worker parse as fast as a process of kg's own pool (``for_parsing``)."""

    name = "kg-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker) -> None:
        from kg.nlp import pipeline

        for_parsing(worker)
        pipeline.load(self.model)


PROFILER = ("profile", "profile-cycle")  # the worker's periodic callbacks of its sampling profiler
MMAP_THRESHOLD = 32 * 2**20  # glibc's own ceiling for the threshold it adjusts by itself (64-bit)
CLIENT_MMAP_THRESHOLD = 2**20  # in the build's own process, a cluster's client: a batch's facts are larger
CLIENT_TRIM_THRESHOLD = 128 * 2**10  # glibc's default, which a fixed mmap threshold also fixes
CLIENT_ARENAS = 1  # one heap for all the client's threads, so that what one frees the others reuse


def for_parsing(worker) -> None:
    """Two settings of a dask worker that made it parse about 15% slower than a process of kg's own
    pool, measured on 1,000 articles on 2 cores (local:2 parsed in 94-100 s where kg's own processes
    took 80-87 s; 82 s without them):

    - The nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536``, which also fixes glibc's
      mmap threshold at 128 KB: every array of the model's batch is then a fresh mapping, its pages
      faulted in and zeroed by the kernel, and unmapped when freed (15-16 s of system time per worker
      against 2-4 s). The heap is given glibc's usual behaviour back: arrays under 32 MB reuse freed
      memory, and the top of the heap is returned to the system beyond twice that.
    - The worker samples its task's stack every 10 ms for its dashboard's profile: a few seconds of
      a worker's CPU per 1,000 articles. Its periodic callbacks are stopped.

    Memory, not the results, is what changes: the same facts either way."""
    for name in PROFILER:
        callback = worker.periodic_callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
    _glibc_thresholds(mmap=MMAP_THRESHOLD, trim=2 * MMAP_THRESHOLD)


def _glibc_thresholds(*, mmap: int, trim: int, arenas: int | None = None) -> None:
    """``mallopt`` of glibc's M_MMAP_THRESHOLD and M_TRIM_THRESHOLD, and with ``arenas`` its
    M_ARENA_MAX (which holds only until the process has made more than 8 heaps: glibc fixes its
    limit then); nothing elsewhere."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # no C library to be found, or one without mallopt
        return
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8
    mallopt(M_MMAP_THRESHOLD, mmap)
    mallopt(M_TRIM_THRESHOLD, trim)
    if arenas is not None:
        mallopt(M_ARENA_MAX, arenas)


@contextmanager
def connect(scheduler: str) -> Iterator:
    """A dask.distributed Client of the cluster ``scheduler`` names, closed on leaving (with the
    LocalCluster it started, if any).

    The facts of a batch (32 articles, about 40 KB each) arrive in a buffer of a megabyte or more,
    read on the client's own threads, and glibc raises its mmap threshold to the size of the last
    such buffer freed, so that the next ones come from its heaps, which keep the memory freed in
    them. A fixed threshold maps each such buffer and gives it back when it is freed: on 2,000
    articles with ``local:2`` the process held 259-307 MB through the parse instead of 286-430 MB;
    on 20,000 its peak was 925 MB against 1,083-1,148 MB before. It still grew through a long parse
    (by about 18 KB an article on 20,000, as before): each of the client's threads had a heap of its
    own, and memory freed in one was not reused by the others. With a single heap the process held
    285-299 MB from 60 s to the end of the parse of 2,000 articles, against 283-329 MB."""
    from distributed import Client, LocalCluster

    workers = local_workers(scheduler)
    _glibc_thresholds(mmap=CLIENT_MMAP_THRESHOLD, trim=CLIENT_TRIM_THRESHOLD, arenas=CLIENT_ARENAS)
    cluster = None
    if workers is not None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerError(f"--scheduler {scheduler}: cannot reach a dask scheduler there: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on_cluster(articles: Iterable[Article], *, scheduler: str, model: str, batch_size: int,
                       in_flight: int = IN_FLIGHT, client=None) -> Iterator[DocFacts]:
    """Parse and extract ``articles`` on a cluster, streaming: their facts, in their order.

    At most ``in_flight`` batches per worker are out at a time (sent, running, or done and waiting
    for an earlier one), so memory does not grow with the corpus. ``client`` uses a Client the
    caller holds instead of connecting to ``scheduler``."""
    if client is None:
        with connect(scheduler) as own:
            yield from extract_on_cluster(articles, scheduler=scheduler, model=model, batch_size=batch_size,
                                          in_flight=in_flight, client=own)
        return
    from distributed import as_completed

    from kg.pipeline.parse import batches, extract_batch

    client.register_plugin(ModelPlugin(model))
    workers = max(1, len(client.scheduler_info()["workers"]))
    window = max(2, in_flight * workers)
    run = uuid.uuid4().hex[:12]  # keys of this build's batches, unique on a shared cluster
    numbered = enumerate(batches(articles, batch_size))
    index: dict[str, int] = {}  # a batch's key -> its place, while it is out
    out: dict[str, object] = {}  # a batch's key -> its future, while it is out
    done: dict[int, list[DocFacts]] = {}  # batches back before an earlier one
    sent = handed = 0  # batches sent, batches handed on
    pending = as_completed()

    def send() -> bool:
        nonlocal sent
        item = next(numbered, None)
        if item is None:
            return False
        i, batch = item
        future = client.submit(extract_batch, batch, model, batch_size, key=f"kg-batch-{run}-{i}", pure=False)
        index[future.key] = i
        out[future.key] = future
        pending.add(future)
        sent += 1
        return True

    try:
        more = True
        while more and sent < window:
            more = send()
        for future in pending:
            i = index.pop(future.key, None)
            out.pop(future.key, None)
            if i is None or i < handed or i in done:  # a result already handed on: never twice
                continue
            done[i] = future.result()
            future.release()
            while handed in done:
                yield from done.pop(handed)
                handed += 1
            while more and sent - handed < window:
                more = send()
        if handed != sent:  # pragma: no cover - as_completed ends only when every future has
            raise RuntimeError(f"the cluster returned {handed} of {sent} batches")
    finally:  # stopped early (an error, Ctrl-C, a consumer that stopped): the cluster need not go on
        if out:
            client.cancel(list(out.values()))

"""kg serve's queries in worker processes, so that a query past its time limit is stopped.

Oxigraph cannot interrupt a query that runs in a thread; a process can be killed. Each worker
opens the directory store for one request at a time (under the store's lock, as any reader or
writer does), runs it and sends back the answer, already in the media type asked for. A worker
still busy at the time limit is killed (its lock goes with it) and replaced by a fresh one.
Updates are never killed: they run to their end, whatever the time limit.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection

READY = "ready"


@dataclass(frozen=True)
class Job:
    sparql: str
    media: str | None  # the media type of the answer; None for an update
    max_rows: int


@dataclass(frozen=True)
class Answer:
    kind: str  # "ok", or the error: "limit", "query", "store", "failed"
    body: bytes = b""
    message: str = ""


def serve_jobs(conn: Connection, spec: str, lock_timeout: float) -> None:
    """The loop of a worker process: a Job in, an Answer out, until the pipe closes."""
    from kg.errors import KgError, QueryError
    from kg.query.formats import render
    from kg.store import open_store
    from kg.store.base import ResultLimitError
    from kg.store.catalog import forget_graph_hashes

    conn.send(READY)
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            with open_store(spec, writable=job.media is None, lock_timeout=lock_timeout) as store:
                if job.media is None:
                    forget_graph_hashes(spec)  # before the update: a crash leaves nothing vouched for wrongly
                    store.update(job.sparql)
                    answer = Answer("ok")
                else:
                    answer = Answer("ok", render(store.query(job.sparql, max_rows=job.max_rows), job.media))
        except ResultLimitError as exc:
            answer = Answer("limit", message=str(exc))
        except QueryError as exc:
            answer = Answer("query", message=str(exc))
        except KgError as exc:
            answer = Answer("store", message=str(exc))
        except Exception as exc:  # reported to the client as a 500, the worker goes on
            answer = Answer("failed", message=f"{type(exc).__name__}: {exc}")
        conn.send(answer)


class Worker:
    def __init__(self, context, spec: str, lock_timeout: float) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve_jobs, args=(child, spec, lock_timeout), daemon=True,
                                       name="kg-serve-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        try:
            return self.conn.poll(timeout) and self.conn.recv() == READY
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        self.process.kill()
        self.process.join(10)
        self.conn.close()


class Workers:
    """A pool of worker processes for one directory store."""

    def __init__(self, spec: str, *, count: int, lock_timeout: float) -> None:
        self.spec = spec
        self.lock_timeout = lock_timeout
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["kg.serve.workers", "kg.store.oxigraph"])
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: set[Worker] = set()
        self._lock = threading.Lock()
        self.closed = False
        starting = [self._start() for _ in range(count)]
        for worker in starting:
            self._ready(worker)

    def _start(self) -> Worker:
        worker = Worker(self.context, self.spec, self.lock_timeout)
        with self._lock:
            self.all.add(worker)
        return worker

    def _ready(self, worker: Worker) -> None:
        if worker.wait_ready(60) and not self.closed:
            self.idle.put(worker)
        else:
            self._retire(worker)

    def _retire(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self.all.discard(worker)

    def _replace(self, worker: Worker) -> None:
        """Kill a worker, and start another in the background."""
        self._retire(worker)
        if not self.closed:
            threading.Thread(target=lambda: self._ready(self._start()), daemon=True).start()

    def run(self, job: Job, *, timeout: float, wait: float) -> Answer | None:
        """The worker's answer, or None when the job ran over ``timeout`` (the worker is then killed;
        an update is waited for). queue.Empty when no worker is free within ``wait`` seconds."""
        worker = self.idle.get(timeout=wait)
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout if job.media is not None else None):
                answer = worker.conn.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError):  # the worker died under the job
            self._replace(worker)
            return Answer("failed", message="the worker process died")
        self._replace(worker)
        return None

    def close(self) -> None:
        self.closed = True
        with self._lock:
            workers = list(self.all)
        for worker in workers:
            worker.kill()

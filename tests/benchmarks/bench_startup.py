"""How long kg takes to answer: ``kg --help``, ``kg query --store`` and ``kg stats --store`` on the store of
the example articles, each a fresh process timed from start to exit; the median of 5 runs of each, in
wall-clock seconds and in CPU seconds (with the load average: other work on the machine slows the first).

    python tests/benchmarks/bench_startup.py [--store DIR] [--runs 5]

Without --store, the examples are built into a temporary store first (not timed). Targets: ``kg --help``
and ``kg query --store`` under 0.5 s each.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TARGET = 0.5  # seconds


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds of a run, and the CPU seconds (user and system) it used: on a busy machine
    the second says more."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=None, help="a store of the examples (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kg = [sys.executable, "-m", "kg"]
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([*kg, "build", str(EXAMPLES / "articles"), "--store", str(store), "-q"], check=True)
        commands = {
            "kg --help": [*kg, "--help"],
            "kg query --store (convoy-strike.rq)": [*kg, "query", "--store", str(store),
                                                   str(EXAMPLES / "queries" / "convoy-strike.rq")],
            "kg stats --store": [*kg, "stats", "--store", str(store)],
        }
        timed([sys.executable, "-c", "pass"], Path(tmp))  # warm the file cache
        load = os.getloadavg()[0]
        print(f"{'command':40} {'median':>8} {'min':>8} {'max':>8} {'CPU':>8}   ({args.runs} runs; load {load:.1f})")
        for name, command in commands.items():
            timed(command, Path(tmp))  # one untimed run first: the OS caches the files
            runs = [timed(command, Path(tmp)) for _ in range(args.runs)]
            walls = [w for w, _ in runs]
            median, cpu = statistics.median(walls), statistics.median(c for _, c in runs)
            mark = "" if "stats" in name else ("  ok" if median < TARGET else f"  over {TARGET} s")
            print(f"{name:40} {median:7.3f}s {min(walls):7.3f}s {max(walls):7.3f}s {cpu:7.3f}s{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers of the robustness tests: kg run as a user runs it, real hostile files, strict re-parsing.

Every input here is a real file made in ``tmp_path``; every build is a real ``kg`` process or a
real call of the library. Nothing is mocked.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"
FORMATS = (".ttl", ".nt", ".nq", ".trig", ".jsonld")
TRACEBACK = "Traceback (most recent call last)"


def kg(*args: str | Path, timeout: float = 600, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a process of its own, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kg: error: ")]


def paragraphs() -> list[str]:
    """The paragraphs of the example articles (real news text), in a fixed order."""
    out: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return out


def write_paragraph_articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct short articles made from the examples' paragraphs, one a file."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = paragraphs()
    paths = []
    for i in range(count):
        path = folder / f"p{i:04d}.txt"
        # a numbered line makes each text, and so each document, distinct when paragraphs repeat
        path.write_text(f"Dispatch {i}\n\n{texts[i % len(texts)]}\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- reading outputs back, with two independent parsers --------------------------------------------

RDFLIB_FORMAT = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


def parse_strictly(path: Path):
    """The quads of an RDF file, read by rdflib and by Oxigraph (which rejects invalid IRIs that
    rdflib lets through); both must read it and agree on the number of quads. Returns rdflib's."""
    import pyoxigraph as ox
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(path, format=RDFLIB_FORMAT[path.suffix])
    ox_format = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                 ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD}[path.suffix]
    strict = set(ox.parse(path=path, format=ox_format))
    assert len(strict) == len(set(ds.quads((None, None, None, None)))), path
    return ds


def union_of(ds):
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@dataclass(frozen=True)
class Quote:
    doc_id: str
    text: str
    start: int
    end: int


def quotes(graph) -> list[Quote]:
    """Every provenance quote of a graph: the sentence (prov:value), its offsets and its document."""
    rows = graph.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?text ?start ?end WHERE {
            ?m a kg:Mention ; prov:value ?text ; kg:start ?start ; kg:end ?end ; dcterms:isPartOf ?d .
            ?d dcterms:identifier ?id .
        }""")
    return [Quote(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]


def labels(graph) -> set[str]:
    from rdflib.namespace import RDFS

    return {str(o) for o in graph.objects(None, RDFS.label)}


# --- things in a folder that cannot be read --------------------------------------------------------

def can_read(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.read(1)
        return True
    except OSError:
        return False


def make_unreadable(folder: Path) -> dict[str, str]:
    """Entries of ``folder`` with an article's name that cannot be read as one, and how each is
    named in kg's error. A file with mode 000 cannot be read by a normal user; root (as in CI)
    reads it all the same, so there the unreadable things are those that stop root too."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}
    locked = folder / "locked.txt"
    locked.write_text("Boris Johnson met Sergey Lavrov in Moscow.\n")
    locked.chmod(0)
    if can_read(locked):  # root: mode bits do not stop it, so this file is an ordinary article
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
        locked.unlink()
    else:
        made["locked.txt"] = "cannot read: Permission denied"
        sub = folder / "locked-folder"
        sub.mkdir()
        (sub / "inside.txt").write_text("Russia spoke.\n")
        sub.chmod(0)
        made["locked-folder"] = "cannot read the folder: Permission denied"
    (folder / "dangling.txt").symlink_to(folder / "deleted-long-ago.txt")
    made["dangling.txt"] = "a broken symbolic link"
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    made["loop.txt"] = "a broken symbolic link"
    os.mkfifo(folder / "pipe.txt")
    made["pipe.txt"] = "not a regular file"
    return made


def restore_modes(folder: Path) -> None:
    """Make what make_unreadable locked removable again (pytest deletes tmp_path later)."""
    for path in folder.rglob("*") if folder.exists() else ():
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.fixture
def unreadable(tmp_path):
    folder = tmp_path / "unreadable"
    made = make_unreadable(folder)
    yield folder, made
    restore_modes(folder)


# --- interrupting a real kg process ----------------------------------------------------------------

@dataclass
class Interrupted:
    returncode: int
    stderr: str
    seconds_to_stop: float
    leftovers: list[int]  # processes of its group still alive after it stopped


def parsed_at_least(count: int) -> Callable[[bytes], bool]:
    """True once kg's progress bar on the terminal says ``count`` documents are parsed."""
    def ready(terminal: bytes) -> bool:
        done = [int(n) for n in re.findall(rb"\| *(\d+)/\d+ \[", terminal)]
        return bool(done) and max(done) >= count

    return ready


def run_and_interrupt(args: list[str], sig: signal.Signals, *, ready: Callable[[bytes], bool], group: bool = False,
                      timeout: float = 300) -> Interrupted:
    """Start ``kg ARGS`` with its standard error on a terminal (so that it draws its progress bar),
    poll until ``ready(what it wrote to the terminal)`` says it is mid-run, then send ``sig`` to it,
    or to its whole process group as a terminal's Ctrl-C does (``group``)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a bar needs a width
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, start_new_session=True)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + timeout
    try:
        while True:
            assert time.monotonic() < deadline, f"no progress after {timeout} s: {seen[-500:]!r}"
            assert proc.poll() is None, f"kg ended before it could be interrupted: {seen[-2000:]!r}"
            seen += _read_some(master, wait=0.01)
            if ready(seen):
                break
        sent = time.monotonic()
        if group:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
        returncode = proc.wait(timeout=120)
        stopped = time.monotonic() - sent
        leftovers = _group_members(proc.pid)
        settled = time.monotonic() + 5
        while leftovers and time.monotonic() < settled:  # helpers (a fork server) see their parent go
            seen += _read_some(master, wait=0.1)
            leftovers = _group_members(proc.pid)
        while chunk := _read_some(master, wait=0.1):  # what it and its workers wrote as they stopped
            seen += chunk
        return Interrupted(returncode, seen.decode("utf-8", "replace"), stopped, leftovers)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in _group_members(proc.pid):  # workers of this very kg, started by this test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _read_some(fd: int, wait: float = 0.5) -> bytes:
    import select

    if not select.select([fd], [], [], wait)[0]:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:  # the other side is closed: the process has ended
        return b""


def _group_members(pgid: int) -> list[int]:
    """Live processes of the process group ``pgid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state != "Z":
            members.append(int(entry.name))
    return members


def temporary_files(folder: Path) -> list[str]:
    """Files that kg's atomic writes leave only when they are cut short: .NAME.XXXX.tmp."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))

"""A lock on a store directory, shared by readers and exclusive for writers (``fcntl.flock``).

Oxigraph's files must not be read by one process while another writes them, and a build reads
the catalog, resolves and writes in one piece: so every process that opens a store directory
holds this lock for as long as it has the store open. A writer that finds the store busy waits
up to ``timeout`` seconds, then fails with a message that says who holds it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError

POLL = 0.1


class DirLock:
    def __init__(self, path: Path, *, name: str, shared: bool, timeout: float) -> None:
        self.path = path
        self.name = name
        self.shared = shared
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(f"{self.name}: the store is in use by another kg process{self._holder()}; "
                                     f"gave up after waiting {self.timeout:g} s (see --lock-timeout)") from None
                time.sleep(POLL)
        if not self.shared:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": " ".join(["kg", *sys.argv[1:3]]),
                                      "since": time.strftime("%Y-%m-%d %H:%M:%S")}).encode(), 0)
        self._fd = fd

    def _holder(self) -> str:
        """Who last took the lock for writing, if that process still runs."""
        try:
            info = json.loads(self.path.read_text() or "{}")
            os.kill(int(info["pid"]), 0)
        except (OSError, ValueError, KeyError, TypeError):
            return ""
        return f" ({info.get('command', 'kg')}, pid {info['pid']}, since {info.get('since', '?')})"

    def release(self) -> None:
        if self._fd is not None:
            if not self.shared:
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# --- folders a process owns ------------------------------------------------------------------------

def owner_of(folder: Path) -> Path:
    """The lock file beside ``folder`` that its process holds while the folder is in use."""
    return folder.with_name(folder.name + ".owner")


@contextmanager
def owned_folder(folder: Path) -> Iterator[Path]:
    """``folder``, made afresh for this process and removed on leaving; its owner's lock is held
    meanwhile, so that a folder left by a process killed outright can be told from one in use
    (``remove_abandoned``)."""
    owner = DirLock(owner_of(folder), name=str(folder), shared=False, timeout=0)
    owner.acquire()
    try:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        owner_of(folder).unlink(missing_ok=True)
        owner.release()


def remove_abandoned(folder: Path) -> None:
    """Remove an owned folder whose process has gone (its owner's lock is free)."""
    owner = DirLock(owner_of(folder), name=str(folder), shared=False, timeout=0)
    try:
        owner.acquire()
    except StoreError:
        return  # its process runs still
    try:
        shutil.rmtree(folder, ignore_errors=True)
        owner_of(folder).unlink(missing_ok=True)
    finally:
        owner.release()

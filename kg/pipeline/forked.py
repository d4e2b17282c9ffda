"""Work whose memory is given back to the system when it is done: it runs in a forked process of its
own, which sends its result back and ends.

Resolution reads every document's facts and makes millions of small objects, and most of them are
dropped once the corpus is resolved. In one process, Python's allocator cannot give that memory
back: what is kept (the resolved records, the names' caches) is spread across nearly every block
the facts were read into. Measured on 20,000 articles: the process grew by 515 MB while resolving,
of which 170 MB was still in use. In a child, the parent receives the result alone (135 MB
there), laid out compactly, and the child's memory goes back when it ends.

A forked child starts at once with what the parent has loaded (the gazetteer, the catalog's
index): only the result is copied, pickled through a pipe. The child can be kept for a second part
of the work, made from what it holds and streamed to the parent (the graphs of the resolved
corpus, which then never comes over whole). Off Linux (no ``fork``, or a ``fork`` that
macOS's system libraries do not support in a process with threads) the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TypeVar

from kg.errors import KgError

T = TypeVar("T")
U = TypeVar("U")


class ChildDied(KgError, RuntimeError):
    """The child ended before its work was done (killed by a signal: out of memory, say)."""


class Boundary:
    """An item of a ``forked_stream`` that the child sends at once, with the items before it, instead
    of waiting to fill a message: a stream yields one where the parent is to stop reading while the
    child goes on to long work."""


@contextmanager
def forked_stream(work: Callable[[], tuple[T, Callable[[], Iterable[U]]]], what: str = "work",
                  per_message: int = 16, ahead: int = 16,
                  meanwhile: Callable[[], object] | None = None) -> Iterator[tuple[T, Iterator[U]]]:
    """Work in two parts, in a forked child: ``work()`` gives a result, sent back at once, and a
    function whose items the child makes only when the parent starts iterating them, from what it
    still holds (the parent may do other work in between). They come ``per_message`` at a time (or
    fewer, up to a ``Boundary``), read by a thread of the parent up to ``ahead`` messages before
    they are used, so that the child goes on while the parent works; then the child waits: the
    parent holds a few of them, never all. An error of either part, or the child's death
    (``ChildDied``, named by ``what``), is raised in the parent where it reads it. The child lives
    as long as the block; leaving it before the last item ends the child. ``meanwhile`` is done by
    the parent while the child works out the result (it must not change what ``work`` reads)."""
    if not sys.platform.startswith("linux"):
        result, stream = work()
        if meanwhile is not None:
            meanwhile()
        yield result, iter(stream())
        return
    context = multiprocessing.get_context("fork")
    here, there = context.Pipe(duplex=True)

    def child() -> None:
        here.close()
        try:
            try:
                result, stream = work()
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                there.send(("error", _sendable(exc)))
                return
            there.send(("result", result))
            del result
            if there.recv() != "go":
                return
            try:
                batch: list[U] = []
                for item in stream():
                    batch.append(item)
                    if len(batch) >= per_message or isinstance(item, Boundary):
                        there.send(("items", batch))
                        batch = []
                there.send(("items", batch))
                there.send(("end", None))
            except (BrokenPipeError, EOFError):
                raise
            except BaseException as exc:  # noqa: BLE001
                there.send(("error", _sendable(exc)))
        except (BrokenPipeError, EOFError):  # the parent left the block: nothing to send to
            return
        finally:
            there.close()

    process = context.Process(target=child, name=f"kg {what}", daemon=True)
    process.start()
    there.close()
    finished = False

    stop = threading.Event()
    reader: threading.Thread | None = None

    def items() -> Iterator[U]:
        nonlocal finished, reader
        here.send("go")
        inbox: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=ahead)

        def read() -> None:  # while the parent works on what it has, the child goes on making
            while True:
                try:
                    message = _receive(here, process, what)
                except BaseException as exc:  # noqa: BLE001 - raised where the items are read
                    message = ("error", exc)
                while not stop.is_set():
                    try:
                        inbox.put(message, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set() or message[0] != "items":
                    return

        reader = threading.Thread(target=read, name=f"kg {what}: receiving", daemon=True)
        reader.start()
        while True:
            kind, value = inbox.get()
            if kind == "error":
                raise value
            if kind == "end":
                finished = True
                return
            yield from value

    try:
        if meanwhile is not None:
            meanwhile()
        kind, value = _receive(here, process, what)
        if kind == "error":
            raise value
        yield value, items()
    finally:
        stop.set()
        if not finished and process.is_alive():
            process.kill()
        process.join()
        if reader is not None:
            reader.join()
        here.close()


def _receive(conn: Connection, process: BaseProcess, what: str) -> tuple[str, object]:
    """The next message from a child; ChildDied, saying how it ended, when there is none."""
    try:
        return conn.recv()
    except EOFError:
        process.join()
        code = process.exitcode
        reason = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        raise ChildDied(f"the process {what} ended before its work was done ({reason}; out of memory?)") from None


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` with the child's traceback as a note, if it pickles both ways; else a RuntimeError
    that says what it was."""
    import pickle
    import traceback

    if hasattr(exc, "add_note"):  # Python 3.11
        exc.add_note("in the child process:\n" + "".join(traceback.format_exception(exc)).rstrip())
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception as why:  # noqa: BLE001 - an exception class that does not pickle
        return RuntimeError(f"{type(exc).__name__}: {exc} (not sent back as it was: {why})")
    return exc

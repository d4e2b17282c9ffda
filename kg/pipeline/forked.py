"""Work whose memory is given back to the system when it is done: it runs in a forked process of its
own, which sends its result back and ends.

Resolution reads every document's facts and makes millions of small objects, and most of them are
dropped once the corpus is resolved. In one process, Python's allocator cannot give that memory
back: what is kept (the resolved records, the names' caches) is spread across nearly every block
the facts were read into. Measured on 20,000 articles: the process grew by 515 MB while resolving,
of which 170 MB was still in use. In a child, the parent receives the result alone (135 MB
there), laid out compactly, and the child's memory goes back when it ends.

A forked child starts at once with what the parent has loaded (the gazetteer, the catalog's
index): only the result is copied, pickled through a pipe. Off Linux (no ``fork``, or a ``fork``
that macOS's system libraries do not support in a process with threads) the work runs in this
process.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable
from typing import TypeVar

from kg.errors import KgError

T = TypeVar("T")


class ChildDied(KgError, RuntimeError):
    """The child ended without sending a result (killed by a signal: out of memory, say)."""


def forked(work: Callable[[], T], what: str = "work") -> T:
    """``work()``'s result, or the exception it raised, computed in a forked child. ``what`` names
    the work in the error of a child that ends without an answer."""
    if not sys.platform.startswith("linux"):
        return work()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        receive.close()
        try:
            outcome = ("result", work())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            outcome = ("error", _sendable(exc))
        with send:
            send.send(outcome)

    process = context.Process(target=child, name=f"kg {what}", daemon=True)
    process.start()
    send.close()
    try:
        try:
            kind, value = receive.recv()
        except EOFError:
            process.join()
            code = process.exitcode
            reason = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
            raise ChildDied(f"the process {what} ended without a result ({reason}; out of memory?)") from None
        process.join()
    finally:
        receive.close()
        if process.is_alive():  # the parent was interrupted: the child is of no use any more
            process.kill()
            process.join()
    if kind == "error":
        raise value
    return value


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

"""The errors kg reports to its users: each names the input and says what is wrong with it, on one line.

    >>> str(InputError("feed\\n.jsonl", "malformed JSON", line=3))
    'feed\\\\n.jsonl:3: malformed JSON'
"""

from __future__ import annotations

from pathlib import Path


def one_line(text: str) -> str:
    """``text`` fit for a one-line message: line breaks, other control characters and invisible
    format characters (right-to-left marks and overrides) written as escapes, so that a file name or
    a parser's message can neither break the line nor turn it around."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class KgError(Exception):
    """Base of the errors that the command line reports as one line, without a traceback."""

    exit_code = 1


class InputError(KgError):
    """An input file that cannot be read as articles."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = one_line(self.path) + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {one_line(problem)}")


class QueryError(KgError):
    """A SPARQL query that cannot be parsed or run."""

    exit_code = 2


class QueryTimeout(QueryError):
    """A query still running when its time was up; it was stopped."""


class StoreError(KgError):
    """A store that cannot be opened, read or written."""

    exit_code = 2

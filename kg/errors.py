"""The errors kg reports to its users: each names the input and says what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base of the errors that the command line reports as one line, without a traceback."""

    exit_code = 1


class InputError(KgError):
    """An input file that cannot be read as articles."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class QueryError(KgError):
    """A SPARQL query that cannot be parsed or run."""

    exit_code = 2


class StoreError(KgError):
    """A store that cannot be opened, read or written."""

    exit_code = 2

"""SPARQL over a graph file: query text in, rows out, in the SPARQL 1.1 results formats.

    >>> from rdflib import Graph
    >>> rows = run(Graph(), "SELECT (1 AS ?one) WHERE {}")
    >>> rows.variables, rows.rows
    (['one'], [['1']])
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError, QueryTimeout, one_line
from kg.graph.vocab import PREFIXES, SPARQL_PREFIXES


@dataclass
class Rows:
    variables: list[str]
    rows: list[list[str | None]]
    terms: list[list[object]]
    boolean: bool | None = None
    graph: Graph | None = None


def read_query(text_or_path: str) -> str:
    """A query given as text or as the path of a .rq file."""
    path = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")) or (len(text_or_path) < 4096 and "\n" not in text_or_path
                                                     and path.suffix and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{text_or_path}: cannot read the query file: {exc.strerror or exc}") from None
    return text_or_path


def with_prefixes(query: str) -> str:
    """Declare kg's usual prefixes unless the query declares them itself."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    missing = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return missing + query if missing else query


def check(query: str) -> None:
    """Raise QueryError with the position for a query that does not parse."""
    try:
        prepareQuery(with_prefixes(query))
    except Exception as exc:  # pyparsing raises its own ParseException; rdflib others
        raise QueryError(f"SPARQL syntax error: {_position(exc, query)}") from None


def _position(exc: Exception, query: str) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    added = with_prefixes(query).count("\n") - query.count("\n")
    msg = getattr(exc, "msg", None) or str(exc).splitlines()[0]
    if line is not None:
        return f"line {max(1, line - added)}, column {col}: {msg}"
    return msg


def text(term: object) -> str | None:
    if term is None:
        return None
    return str(term)


def run(graph: Graph, query: str, *, timeout: float | None = None) -> Rows:
    """Run a SPARQL query on an rdflib graph (or dataset); stop it after ``timeout`` seconds.

    QueryError for a query that does not parse or fails; QueryTimeout (a QueryError) for one
    stopped at its time limit.
    """
    full = with_prefixes(query)
    try:
        prepared = prepareQuery(full)
    except Exception as exc:
        raise QueryError(f"SPARQL syntax error: {_position(exc, query)}") from None
    if timeout is None:
        return _evaluate(graph, prepared)
    if timeout <= 0:
        raise ValueError(f"the time limit must be positive, not {timeout:g}")
    return within(timeout, lambda: _evaluate(graph, prepared))


def _evaluate(graph: Graph, prepared) -> Rows:
    # rdflib evaluates lazily: errors come while the rows are read, so reading them is inside the try
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return Rows(["ask"], [[str(bool(result.askAnswer)).lower()]], [[result.askAnswer]],
                        boolean=result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            g = result.graph
            rows = [[str(s), str(p), str(o)] for s, p, o in g]
            return Rows(["subject", "predicate", "object"], rows, [list(t) for t in g], graph=g)
        variables = [str(v) for v in result.vars]
        terms = [[row[v] if v in row.labels else None for v in variables] for row in result]
    except Exception as exc:  # rdflib's evaluation raises what its functions raise
        raise QueryError(f"query failed: {type(exc).__name__}: {exc}") from None
    return Rows(variables, [[text(t) for t in row] for row in terms], terms)


# --- stopping a query at its time limit ----------------------------------------------------------

class _Deadline(BaseException):
    """Raised inside the thread that runs a query when its time is up (a BaseException, so that no
    ``except Exception`` in rdflib swallows it)."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make ``exc`` be raised in the thread ``thread_id`` at its next Python instruction (None
    takes back one not yet raised)."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc is not None else None)


def within(timeout: float, work):
    """``work()`` in this thread, stopped if it runs longer than ``timeout`` seconds: QueryTimeout.

    rdflib evaluates SPARQL in Python, in the calling thread; a thread cannot be killed, and a
    process would have to copy the graph. So a timer raises an exception inside this thread, which
    stops the evaluation at its next Python instruction (work in C code finishes that call first).
    """
    import threading

    caller = threading.get_ident()
    guard = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with guard:
            if not state["done"]:
                state["fired"] = True
                _raise_in(caller, _Deadline)

    timer = threading.Timer(timeout, fire)
    timer.daemon = True
    try:
        try:
            timer.start()
            return work()
        finally:
            timer.cancel()
            with guard:
                state["done"] = True
                if state["fired"]:
                    _raise_in(caller, None)  # finished just as the time was up: take the exception back
    except _Deadline:
        raise QueryTimeout(f"the query ran over its time limit of {timeout:g} s and was stopped") from None


# --- output formats -------------------------------------------------------------------------------

def _json_term(term: object) -> dict | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def to_json(rows: Rows) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if rows.boolean is not None:
        return json.dumps({"head": {}, "boolean": rows.boolean})
    bindings = [{v: _json_term(t) for v, t in zip(rows.variables, row, strict=True) if t is not None}
                for row in rows.terms]
    return json.dumps({"head": {"vars": rows.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_csv(rows: Rows) -> str:
    """SPARQL 1.1 Query Results CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows.rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def _tsv_term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, BNode, Literal)):
        return term.n3()
    return str(term)


def to_tsv(rows: Rows) -> str:
    """SPARQL 1.1 Query Results TSV."""
    lines = ["\t".join("?" + v for v in rows.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in rows.terms]
    return "\n".join(lines) + "\n"


def to_table(rows: Rows, *, width: int = 60) -> str:
    """A plain text table for a terminal, IRIs shortened with kg's prefixes, control and format
    characters shown as escapes."""
    def short(value: str | None) -> str:
        if value is None:
            return ""
        for prefix, ns in PREFIXES.items():
            if value.startswith(str(ns)):
                value = f"{prefix}:{value[len(str(ns)):]}"
                break
        # a terminal must show what the graph says, not obey it: escapes, bells and RTL overrides escaped
        value = one_line(" ".join(value.split()))
        return value if len(value) <= width else value[: width - 1] + "\u2026"

    cells = [[short(v) for v in row] for row in rows.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(rows.variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(rows.variables, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


FORMATTERS = {"table": to_table, "json": to_json, "csv": to_csv, "tsv": to_tsv}
__all__ = ["Rows", "run", "check", "read_query", "FORMATTERS", "SPARQL_PREFIXES"]

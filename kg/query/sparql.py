"""SPARQL over a graph file: query text in, rows out, in the SPARQL 1.1 results formats.

    >>> from rdflib import Graph
    >>> rows = run(Graph(), "SELECT (1 AS ?one) WHERE {}")
    >>> rows.variables, rows.rows
    (['one'], [['1']])
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

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
    r"""Raise QuerySyntaxError, which says where and what was expected, for a query that does not parse.

    >>> try:
    ...     check("SELECT ?x WHERE { ?x a }")
    ... except QueryError as exc:
    ...     print(str(exc)[:77], *exc.context, sep="\n")
    SPARQL syntax error at line 1, column 24: expected a term (an IRI, a variable
      SELECT ?x WHERE { ?x a }
                             ^
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepareQuery(with_prefixes(query))
    except Exception:  # pyparsing raises its own ParseException; rdflib others
        raise syntax_error(query) from None


def text(term: object) -> str | None:
    if term is None:
        return None
    return str(term)


def run(graph: Graph, query: str, *, timeout: float | None = None) -> Rows:
    """Run a SPARQL query on an rdflib graph (or dataset); stop it after ``timeout`` seconds.

    QueryError for a query that does not parse or fails; QueryTimeout (a QueryError) for one
    stopped at its time limit.
    """
    from rdflib.plugins.sparql import prepareQuery

    full = with_prefixes(query)
    try:
        prepared = prepareQuery(full)
    except Exception:
        raise syntax_error(query) from None
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


# --- where a query does not parse ----------------------------------------------------------------

class QuerySyntaxError(QueryError):
    """A query that does not parse. The message says where (line and column, from 1) and what was
    expected there, in words; ``context`` is the line of the query with a caret under the column."""

    def __init__(self, message: str, *, line: int, column: int, context: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.line, self.column, self.context = line, column, context


def syntax_error(query: str, *, update: bool = False, engine: str | None = None) -> QueryError:
    """The error for ``query`` (kg's prefixes declared, as everywhere) that a SPARQL engine refused.

    rdflib's grammar finds the place: the farthest point any alternative of the grammar reached,
    and the tokens it expected there. Oxigraph and Virtuoso report a place that is often the end of
    the query, so a store asks here. Where rdflib reads the query but ``engine`` (that engine's
    message) refused it, the engine's message is the error; a place in it ("error at 3:14") is shown.
    """
    from rdflib.plugins.sparql import parser
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate

    full = with_prefixes(query)
    added = len(full) - len(query)
    try:
        parsed = _farthest(full, parser.UpdateUnit if update else parser.Query)
    except _Failure as failure:
        at = max(0, failure.loc - added)
        if query[at:].strip():
            return _placed(query, at, f"expected {_in_words(failure.expected)}")
        # at the end: just after the last word, not on an empty line after it
        expected = [t for t in failure.expected if t is not _END]
        return _placed(query, len(query.rstrip()), f"expected {_in_words(expected)}", end=True)
    try:
        translateUpdate(parsed) if update else translateQuery(parsed)
    except Exception as exc:  # an unknown prefix: rdflib says so when it resolves the names
        found = re.match(r"Unknown namespace prefix : (.*)", str(exc))
        if found:
            use = re.search(rf"(?<![\w:.-]){re.escape(found.group(1))}:", _masked(query))
            problem = f"the prefix {found.group(1)}: is not declared"
            if use is not None:
                return _placed(query, use.start(), problem)
            return QueryError(f"SPARQL syntax error: {problem}")
        if engine is None:
            return QueryError(f"SPARQL syntax error: {one_line(str(exc))}")
    if engine is not None:
        place = re.search(r"error at (\d+):(\d+): ", engine)
        if place:
            line, column = int(place.group(1)), int(place.group(2))
            lines = query.split("\n")
            if 1 <= line <= len(lines):
                at = sum(len(t) + 1 for t in lines[:line - 1]) + min(column - 1, len(lines[line - 1]))
                return _placed(query, at, one_line(engine[place.end():]).strip())
        return QueryError(f"SPARQL syntax error: {one_line(engine)}")
    return QueryError("SPARQL syntax error")


def _placed(query: str, at: int, problem: str, *, end: bool = False) -> QuerySyntaxError:
    """The error at character ``at`` of ``query``: its line and column, and the line with a caret."""
    line = query.count("\n", 0, at) + 1
    start = query.rfind("\n", 0, at) + 1
    stop = query.find("\n", at)
    text_line = query[start:] if stop < 0 else query[start:stop]
    column = at - start + 1
    shown_before, shown = one_line(text_line[:column - 1]), one_line(text_line)  # escapes, so the caret lines up
    if len(shown) > 100:  # a long line: the 100 characters around the place
        cut = max(0, min(len(shown_before) - 50, len(shown) - 100))
        shown_before = ("\u2026" if cut else "") + shown_before[cut:]
        shown = ("\u2026" if cut else "") + shown[cut:cut + 100] + ("\u2026" if cut + 100 < len(shown) else "")
    context = ("  " + shown, "  " + " " * len(shown_before) + "^")
    where = f"line {line}, column {column}" + (" (the end of the query)" if end else "")
    return QuerySyntaxError(f"SPARQL syntax error at {where}: {problem}",
                            line=line, column=column, context=context)


_STRING_OR_IRI_OR_COMMENT = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")


def _masked(query: str) -> str:
    """``query`` with its IRIs, strings and comments blanked out, every character in its place."""
    return _STRING_OR_IRI_OR_COMMENT.sub(lambda m: " " * len(m.group()), query)


class _Failure(Exception):
    def __init__(self, loc: int, expected: list) -> None:
        self.loc, self.expected = loc, expected


_tracking = threading.local()
_tracking_lock = threading.Lock()


def _farthest(text: str, grammar):
    """Parse ``text`` with ``grammar`` (rdflib's pyparsing grammar of SPARQL); _Failure with the
    farthest place that a token of the grammar was tried at and failed, and those tokens.

    The grammar is rdflib's, shared by every thread: a fail action on each token records the
    failures of this thread only, and is taken off again."""
    import pyparsing as pp

    tokens = _tokens()
    farthest: dict = {"loc": -1, "expected": []}

    def failed(_text: str, loc: int, token, _exc: Exception) -> None:
        if getattr(_tracking, "on", False):
            if loc > farthest["loc"]:
                farthest["loc"], farthest["expected"] = loc, [token]
            elif loc == farthest["loc"]:
                farthest["expected"].append(token)

    with _tracking_lock:
        for token in tokens:
            token.set_fail_action(failed)
        keeps_tabs, grammar.keepTabs = grammar.keepTabs, True  # pyparsing counts a tab as 8 columns otherwise
        _tracking.on = True
        try:
            return grammar.parse_string(text, parse_all=True)
        except pp.ParseBaseException as exc:
            if exc.loc > farthest["loc"]:  # only what parse_all adds: the end of the text
                raise _Failure(exc.loc, [_END]) from None
            if exc.loc == farthest["loc"] and "end of text" in str(exc):
                farthest["expected"].append(_END)
            raise _Failure(max(farthest["loc"], 0), farthest["expected"]) from None
        finally:
            _tracking.on = False
            grammar.keepTabs = keeps_tabs
            for token in tokens:
                token.set_fail_action(None)


_END = object()  # the end of the query, as an expected token


@functools.cache
def _tokens() -> tuple:
    """Every token (keyword, punctuation, regular expression) of rdflib's SPARQL grammars."""
    import pyparsing as pp
    from rdflib.plugins.sparql import parser

    seen, found = set(), []

    def walk(element) -> None:
        if id(element) in seen:
            return
        seen.add(id(element))
        if isinstance(element, pp.Token):
            found.append(element)
        for child in getattr(element, "exprs", None) or ():
            walk(child)
        if getattr(element, "expr", None) is not None:
            walk(element.expr)

    walk(parser.Query)
    walk(parser.UpdateUnit)
    return tuple(found)


# what a token of the grammar is, in words: the rdflib grammar's names of the terminals it belongs to
_KINDS = (
    ("an integer", ("INTEGER",)),
    ("an IRI", ("IRIREF", "PNAME_NS", "PNAME_LN")),
    ("a variable", ("VAR1", "VAR2")),
    ("a literal", ("String", "NumericLiteral", "BooleanLiteral")),
    ("a blank node", ("BLANK_NODE_LABEL", "ANON")),
)
_TERM = ("an IRI", "a variable", "a literal", "a blank node")


@functools.cache
def _kinds() -> dict[int, str]:
    """id of a token -> what it starts, in words; the first word of each function is "a function"."""
    import pyparsing as pp
    from rdflib.plugins.sparql import parser

    kinds: dict[int, str] = {}

    def walk(element, kind: str, seen: set) -> None:
        if id(element) in seen:
            return
        seen.add(id(element))
        if isinstance(element, pp.Token):
            kinds.setdefault(id(element), kind)
        for child in getattr(element, "exprs", None) or ():
            walk(child, kind, seen)
        if getattr(element, "expr", None) is not None:
            walk(element.expr, kind, seen)

    for kind, names in _KINDS:
        for name in names:
            walk(getattr(parser, name), kind, set())
    for calls in (parser.BuiltInCall, parser.Aggregate):
        for call in calls.exprs:
            first = call
            while not isinstance(first, pp.Token):
                inner = getattr(first, "exprs", None)
                first = inner[0] if inner else first.expr
            kinds.setdefault(id(first), "a function call")
    return kinds


def _in_words(expected: list) -> str:
    """Tokens of the grammar as a reader says them: 'a term (an IRI, a variable or a literal), "{" or FILTER'."""
    kinds = _kinds()
    said = {kinds[id(t)] for t in expected if id(t) in kinds}
    words: list[str] = []
    terms = [k for k in _TERM if k in said]
    if {"an IRI", "a variable", "a literal"} <= said:
        words.append(f"a term ({_or(terms)})")
    else:
        words += terms
    if "an integer" in said and "a literal" not in said:
        words.append("an integer")
    if "a function call" in said:
        words.append("a function call")
    keywords, marks = set(), set()
    for t in expected:
        if t is _END or id(t) in kinds:
            continue
        match = getattr(t, "match", None)
        if isinstance(match, str) and match[:1].isalpha():
            keywords.add(match.upper() if match.isalpha() and len(match) > 1 else match)
        elif isinstance(match, str):
            marks.add(f'"{match}"')
        else:
            marks.add(str(t))
    words += sorted(keywords) + sorted(marks)
    if any(t is _END for t in expected):
        words.append("the end of the query")
    return _or(words) if words else "something else"


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


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
__all__ = ["Rows", "run", "check", "syntax_error", "QuerySyntaxError", "read_query", "FORMATTERS", "SPARQL_PREFIXES"]

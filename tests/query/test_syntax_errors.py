"""A malformed query is reported with its place: the line and column, the line itself with a caret
under the column, and what SPARQL's grammar expects there, in words.

Each case marks the place of the error with "‸" (taken out before the query runs); the expected
line and column are counted from the query text, and the expected words come from the SPARQL 1.1
grammar (what may follow at that place)."""

from __future__ import annotations

import pytest

from kg.errors import one_line
from kg.query.sparql import QuerySyntaxError, check, syntax_error

MARK = "\u2038"
MALFORMED = [
    # an object is missing: a term comes after a predicate
    ("SELECT ?x WHERE { ?x a \u2038}", "a term (an IRI, a variable"),
    # an operand is missing: an expression starts with a term, a function or a bracket
    ("SELECT ?x\nWHERE {\n  ?x a ?y .\n  FILTER(?x = \u2038)\n}", "a function call"),
    ("\u2038SELEC ?x WHERE { ?x a ?y }", "SELECT"),
    ("SELECT ?x WHERE { ?x ?y ?z } ORDER \u2038?x", "BY"),
    ("SELECT ?x WHERE { ?x ?y ?z } LIMIT \u2038ten", "an integer"),
    ("SELECT ?x WHERE { ?x ?y ?z . }\u2038}", "the end of the query"),
    # the group is not closed: the place is the end of the query, not the empty line after it
    ("SELECT ?x WHERE { ?x a ?y\u2038\n", '"}"'),
    # the query's own prefixes: its lines are counted as written
    ("PREFIX ex: <http://example.org/>\nSELECT * WHERE {\n  ?s ex:p \u2038. }", "a term"),
    # FILTER takes a bracketed expression or a function call
    ("# who met whom\nSELECT ?a ?b WHERE {\n  ?e kg:source ?a ; kg:target ?b\n  FILTER \u2038?a != ?b\n}", '"("'),
    # a tab is one column
    ("SELECT ?x WHERE {\t?x a \u2038}", "a term"),
    ("SELECT ?x WHERE { ?x \u2038foo:bar ?y }", "the prefix foo: is not declared"),
]


def place(marked: str) -> tuple[str, int, int]:
    """The query without its mark, and the line and column (from 1) of the mark."""
    at = marked.index(MARK)
    query = marked.replace(MARK, "")
    line = query.count("\n", 0, at) + 1
    column = at - (query.rfind("\n", 0, at) + 1) + 1
    return query, line, column


def assert_placed(error: BaseException, marked: str, words: str) -> None:
    query, line, column = place(marked)
    assert isinstance(error, QuerySyntaxError), error
    assert (error.line, error.column) == (line, column)
    assert f"line {line}, column {column}" in str(error) and words in str(error)
    shown, caret = error.context
    text = query.split("\n")[line - 1]
    assert shown == "  " + one_line(text)
    assert caret == "  " + " " * len(one_line(text[:column - 1])) + "^"


@pytest.mark.parametrize("marked, words", MALFORMED)
def test_a_malformed_query_says_where(marked, words):
    with pytest.raises(QuerySyntaxError) as caught:
        check(place(marked)[0])
    assert_placed(caught.value, marked, words)


def test_kg_query_shows_the_line_and_a_caret(examples_build, capsys):
    from kg.cli import main

    assert main(["query", str(examples_build), "SELECT ?x WHERE { ?x a }"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("kg: error: SPARQL syntax error at line 1, column 24: expected a term")
    assert lines[1:] == ["  SELECT ?x WHERE { ?x a }", "                         ^"]


def test_a_place_only_the_engine_knows_is_shown():
    # rdflib reads the query; a store's engine refused it and said where
    error = syntax_error("SELECT *\nWHERE { ?s ?p ?o }", engine="error at 2:7: expected something else")
    assert (error.line, error.column) == (2, 7) and "expected something else" in str(error)
    assert error.context == ("  WHERE { ?s ?p ?o }", "        ^")


def test_a_long_line_is_cut_around_the_place():
    query = "SELECT ?x WHERE { " + " ".join(f"?x <http://example.org/p{i}> ?y{i} ." for i in range(20)) + " ?x a }"
    with pytest.raises(QuerySyntaxError) as caught:
        check(query)
    shown, caret = caught.value.context
    assert len(shown) < 110 and shown.startswith("  \u2026")
    assert shown[caret.index("^")] == "}"

"""Property-based tests: random Unicode, random HTML and random JSON lines through the loader and
the extractors. Whatever comes in, the build finishes, every output format re-parses to the same
graph, the graph conforms to the SHACL shapes, and every provenance quote stands verbatim in its
source. Example counts are modest: each example is a real parse by the spaCy model."""

from __future__ import annotations

import hashlib
import html
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.graph.rdf import serialize
from kg.graph.validate import validate
from kg.ingest.load import read_articles, read_file
from kg.pipeline.build import build

from .conftest import FORMATS, paragraphs, parse_strictly, quotes, union_of

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
LOADER = settings(FUZZ, max_examples=150)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

SENTENCES = [s for p in paragraphs() for s in re.split(r"(?<=[.!?])\s+", p) if 20 < len(s) < 300]
HOSTILE = ['"', "'", "\u201c", "\u2019", "<", ">", "&amp;", "</script>", "<!--", "\\", "\u202e", "\u200f",
           "\ufeff", "\u2028", "\x85", "\U0001f600", "\U0001f1fa\U0001f1e6", "\x1b[31m", "\x07", "\t", "\r",
           "\r\n", "\n\n", "{", "}", "|", "^", "`", "%20", "#", "?", "@en", "^^", "\"\"\"", "\u0645\u062d\u0645\u062f",
           "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440", "\u674e\u660e", "Zo\u00eb", "Mr O'Brien-Smith"]

# every code point a UTF-8 file can hold but NUL, which makes a file binary (as for git and grep; test_inputs)
any_char = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
fragments = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE), st.text(any_char, max_size=30))
separators = st.sampled_from([" ", "\n", "\r\n", "\n\n", "\r", " \u2028 ", "\t"])


@st.composite
def articles(draw) -> str:
    """Real news sentences, hostile characters and random Unicode, in any order and any line breaks."""
    parts = draw(st.lists(st.tuples(fragments, separators), min_size=1, max_size=14))
    text = draw(st.sampled_from(SENTENCES)) + "".join(sep + frag for frag, sep in parts)
    assume(len(CONTROLS.findall(text)) * 100 <= len(text))  # more control characters make a binary file
    return text


def encoded(text: str, encoding: str) -> tuple[bytes, str]:
    """The file's bytes in ``encoding`` and the text kg must read from them."""
    if encoding == "cp1252":
        try:
            data = text.encode("cp1252")
        except UnicodeEncodeError:
            encoding = "utf-8"
        else:
            # two bytes above 0x7f in a row can be UTF-8, which kg tries first: keep to unambiguous text
            if not re.search(rb"[\x80-\xff]{2}", data):
                return data, text
            encoding = "utf-8"
    data = text.encode(encoding)
    return data, text


@dataclass
class Built:
    """A build's dataset, with the texts the test knows its documents have."""

    ds: object
    sources: dict[str, str] = field(default_factory=dict)  # doc id -> source text


def build_in(folder: Path) -> tuple[object, list[InputError]]:
    errors: list[InputError] = []
    ds, _ = build([folder], jobs=1, on_error=errors.append)
    return ds, errors


def assert_sound(ds, sources: dict[str, str], folder: Path) -> None:
    """Every format re-parses to the same graph; SHACL conforms; quotes are verbatim in the sources."""
    union = union_of(ds)
    for suffix in FORMATS:
        path = folder / f"graph{suffix}"
        path.write_bytes(serialize(ds, path))
        assert isomorphic(union_of(parse_strictly(path)), union), suffix
    report = validate(union)
    assert report.conforms, report.text
    for quote in quotes(union):
        assert quote.doc_id in sources
        assert sources[quote.doc_id][quote.start:quote.end] == quote.text


# --- random Unicode -----------------------------------------------------------------------------

@FUZZ
@given(text=articles(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_random_unicode_articles(nlp, text, encoding):
    data, expected = encoded(text, encoding)
    assume(expected.strip())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        (folder / "in" / "article.txt").write_bytes(data)
        (article,) = read_file(folder / "in" / "article.txt")
        assert article.text == expected
        ds, errors = build_in(folder / "in")
        assert errors == []
        assert_sound(ds, {article.doc_id: expected}, folder)


# --- random HTML --------------------------------------------------------------------------------

# elements that the HTML parser never closes or moves when they are well nested (no p, li, form, button)
DROPPED = ["script", "style", "nav", "aside", "footer", "header", "template", "noscript", "iframe"]
KEPT = ["div", "section", "span", "b", "i", "em", "blockquote", "main"]
RAW_TEXT = {"script", "style", "iframe"}  # their content is not markup


@dataclass
class Node:
    tag: str | None  # None: a text leaf
    children: list[Node] = field(default_factory=list)
    text: str = ""
    marker: str = ""
    hidden: bool = False


@st.composite
def html_trees(draw, depth: int = 0) -> Node:
    if depth >= 4 or draw(st.booleans()):
        words = draw(st.one_of(st.sampled_from(SENTENCES), st.text(any_char, max_size=20),
                               st.sampled_from(HOSTILE)))
        return Node(None, text=words)
    tag = draw(st.sampled_from(DROPPED + KEPT + ["article"] * 2))
    if tag in RAW_TEXT:
        return Node(tag, text=draw(st.sampled_from(SENTENCES)))
    children = draw(st.lists(html_trees(depth + 1), min_size=1, max_size=4))
    return Node(tag, children, hidden=draw(st.integers(0, 9)) == 0)


def render(node: Node, counter: list[int], markers: dict[str, bool], dropped: bool = False) -> str:
    """HTML of ``node``; each text gets a unique marker word, recorded as dropped or shown."""
    counter[0] += 1
    marker = f"mk{counter[0]}q"
    if node.tag is None:
        markers[marker] = not dropped
        return f" {marker} {html.escape(node.text)} "
    if node.tag in RAW_TEXT:
        markers[marker] = False
        return f"<{node.tag}> /* {marker} {node.text.replace('<', ' ')} */ </{node.tag}>"
    gone = dropped or node.tag in DROPPED or node.hidden
    inner = "".join(render(child, counter, markers, gone) for child in node.children)
    return f"<{node.tag}{' hidden' if node.hidden else ''}>{inner}</{node.tag}>"


@FUZZ
@given(tree=st.lists(html_trees(), min_size=1, max_size=5), title=st.text(any_char, max_size=40))
def test_random_html_pages(nlp, tree, title):
    markers: dict[str, bool] = {}
    counter = [0]
    body = "".join(render(node, counter, markers) for node in tree)
    page = (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head>"
            f"<body><article><p>{SENTENCES[0]}</p>{body}</article></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        (folder / "in" / "page.html").write_text(page, encoding="utf-8")
        (article,) = read_file(folder / "in" / "page.html")
        words = set(article.text.split())
        for marker, shown in markers.items():
            assert (marker in words) == shown, marker  # what a reader sees, and nothing else
        ds, errors = build_in(folder / "in")
        assert errors == []
        assert_sound(ds, {article.doc_id: article.text}, folder)
        said = " ".join(str(o) for o in union_of(ds).objects())
        assert not [m for m, shown in markers.items() if not shown and m in said]


# --- random JSON lines --------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    data: bytes  # the line as it stands in the file
    text: str | None  # the article text kg must read from it; None for a line it must report
    doc_id: str | None = None  # the article's id: its URL, else the SHA-1 of its text


@st.composite
def jsonl_lines(draw) -> Line:
    kind = draw(st.sampled_from(["article", "article", "article", "cut", "array", "no text", "empty text",
                                 "number text", "not json", "blank", "cp1252"]))
    text = draw(articles())
    record: dict = {"text": text}
    for key in ("title", "date", "url"):
        if draw(st.booleans()):
            record[key] = draw(st.one_of(st.text(any_char, max_size=30), st.integers(), st.none(),
                                         st.sampled_from(["2017-03-05", "5 March 2017", "https://example.org/a b"])))
    url = record.get("url")
    doc_id = url if isinstance(url, str) and url else hashlib.sha1(text.encode()).hexdigest()
    line = json.dumps(record, ensure_ascii=draw(st.booleans())).encode()
    if kind == "cp1252":
        try:
            data = json.dumps(record, ensure_ascii=False).encode("cp1252")
        except UnicodeEncodeError:
            data = line
        line = line if re.search(rb"[\x80-\xff]{2}", data) else data
    if kind in ("article", "cp1252"):
        return Line(line, text, doc_id)
    if kind == "cut":
        return Line(line[: draw(st.integers(1, len(line) - 1))].decode("utf-8", "ignore").encode(), None)
    if kind == "array":
        return Line(json.dumps([record]).encode(), None)
    if kind == "no text":
        return Line(json.dumps({"title": text}).encode(), None)
    if kind == "empty text":
        return Line(json.dumps({"text": draw(st.sampled_from(["", " ", "\n\t"]))}).encode(), None)
    if kind == "number text":
        return Line(json.dumps({"text": 42}).encode(), None)
    if kind == "not json":
        return Line(re.sub(r"[\r\n]+", " ", html.escape(text)).encode(), None)  # prose on one line
    return Line(b"   ", None)


def expected_reading(lines: list[Line]) -> tuple[list[tuple[int, str]], list[int]]:
    """The (line, text) of each article kg must read and the lines it must report: lines that are
    no article, and an article under the id of an earlier one with another text."""
    read, bad, first = [], [], {}
    for number, line in enumerate(lines, start=1):
        if line.text is None:
            if line.data.strip():
                bad.append(number)
        elif first.setdefault(line.doc_id, line.text) != line.text:
            bad.append(number)
        else:
            read.append((number, line.text))
    return read, bad


@LOADER
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=12), newline=st.sampled_from([b"\n", b"\r\n"]))
def test_random_jsonl_each_line_read_or_named(lines, newline):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_bytes(newline.join(line.data for line in lines))
        errors: list[InputError] = []
        read = list(read_articles([path], on_error=errors.append))
    expected, bad = expected_reading(lines)
    assert [(a.source, a.text) for a in read] == [(f"{path}:{n}", text) for n, text in expected]
    if not expected and not bad:
        assert [e.problem for e in errors] == ["empty file"]
    else:
        assert [e.line for e in errors] == bad and all(e.path == str(path) for e in errors)


@FUZZ
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=5))
def test_random_jsonl_builds(nlp, lines):
    expected, _ = expected_reading(lines)
    assume(expected)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        (folder / "in" / "feed.jsonl").write_bytes(b"\n".join(line.data for line in lines))
        read = list(read_articles([folder / "in"], on_error=lambda exc: None))
        assert [a.text for a in read] == [text for _, text in expected]
        ds, _ = build_in(folder / "in")
        assert_sound(ds, {a.doc_id: a.text for a in read}, folder)

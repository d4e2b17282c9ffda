"""Whatever a scraper, a feed or a copy-paste hands kg, each input gives a correct graph or one clear
line naming the file (and line), and the rest of the batch is built."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.errors import InputError, one_line
from kg.graph.vocab import KG
from kg.ingest.clean import blank_noise
from kg.ingest.load import decode, find_files, read_articles, read_file

from .conftest import (
    ARTICLES,
    TRACEBACK,
    error_lines,
    kg,
    make_unreadable,
    parse_strictly,
    quotes,
    restore_modes,
    union_of,
)

ARTICLE = (ARTICLES / "johnson-to-visit-russia-2017-03-05.txt").read_text(encoding="utf-8")
SDO = "https://schema.org/"
SEM_EVENT_TYPE = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/eventType")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def png() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


# --- decoding: a table of what arrives and what kg reads ------------------------------------------

@pytest.mark.parametrize("data, text", [
    ("\ufeffRussia spoke.".encode(), "Russia spoke."),
    ("The minister\u2019s \u201cwar crime\u201d claim.".encode("cp1252"),
     "The minister\u2019s \u201cwar crime\u201d claim."),
    ("M\u00e9decins Sans Fronti\u00e8res in Gen\u00e8ve.".encode("latin-1"),
     "M\u00e9decins Sans Fronti\u00e8res in Gen\u00e8ve."),
    # UTF-8 with a smart quote pasted from a Windows program: the UTF-8 stays UTF-8
    ("Zo\u00eb met Fran\u00e7ois Hollande. Russia".encode() + b"\x92s envoy left.",
     "Zo\u00eb met Fran\u00e7ois Hollande. Russia\u2019s envoy left."),
    ("\u0420\u043e\u0441\u0441\u0438\u044f spoke.".encode("utf-16"), "\u0420\u043e\u0441\u0441\u0438\u044f spoke."),
    ("Syria replied.".encode("utf-16-be").join([b"\xfe\xff", b""]), "Syria replied."),
    ("Syria replied.".encode("utf-32"), "Syria replied."),
    (b"Headline\r\nRussia spoke.\rSyria replied.\n", "Headline\r\nRussia spoke.\rSyria replied.\n"),
], ids=["bom", "cp1252", "latin-1", "utf-8 with cp1252 pasted", "utf-16 le", "utf-16 be", "utf-32", "newlines"])
def test_text_is_decoded_as_written(data, text):
    assert decode(data, "a.txt") == text


@pytest.mark.parametrize("data, problem, line", [
    (b"", "empty file", None),
    (b" \r\n\t\n", "empty file", None),
    (png(), "binary", None),
    (gzip.compress(ARTICLE.encode(), mtime=0), "binary", None),
    (b"Russia spoke.\nSyria replied.\nThe \x81 envoy left.\n", "byte 0x81", 3),
    (bytes(range(1, 32)) * 20, "binary", None),
], ids=["empty", "blank", "png", "gzip", "undefined byte", "control characters"])
def test_what_is_not_text_is_named_with_its_line(data, problem, line):
    with pytest.raises(InputError) as caught:
        decode(data, "in/a.txt")
    assert caught.value.path == "in/a.txt" and problem in caught.value.problem and caught.value.line == line


def test_a_program_is_not_an_article(tmp_path):
    path = tmp_path / "program.txt"
    path.write_bytes(Path(sys.executable).resolve().read_bytes()[:65536])  # the Python interpreter itself
    with pytest.raises(InputError, match="binary"):
        list(read_file(path))


# --- cleaning: line breaks of every kind --------------------------------------------------------

PAGE_TEXT = ("Skip to main content\n\nRussia Bombs Aleppo\n\nLorem ipsum dolor sit amet, consectetur adipiscing "
             "elit, sed do eiusmod tempor.\n\nBoris Johnson said Russia was to blame. Credit: ITV News\n\n"
             "Share this article\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"], ids=["windows", "old mac", "line separator"])
def test_furniture_and_filler_are_blanked_whatever_the_line_breaks(newline):
    text = PAGE_TEXT.replace("\n", newline)
    cleaned = blank_noise(text)
    assert len(cleaned) == len(text)
    assert cleaned.split() == ["Russia", "Bombs", "Aleppo", "Boris", "Johnson", "said", "Russia", "was", "to", "blame."]


# --- files and folders ------------------------------------------------------------------------------

def test_unreadable_entries_of_a_folder_are_named_not_skipped(unreadable):
    folder, made = unreadable
    (folder / "good.txt").write_text("Boris Johnson met Sergey Lavrov in Moscow.\n")
    errors: list[InputError] = []
    articles = list(read_articles([folder], on_error=errors.append))
    assert [a.source for a in articles] == [str(folder / "good.txt")]
    assert sorted(Path(e.path).name for e in errors) == sorted(made)
    for error in errors:
        assert made[Path(error.path).name] in error.problem


def test_a_fifo_given_by_name_is_refused_without_waiting_for_a_writer(unreadable):
    folder, _ = unreadable
    with pytest.raises(InputError, match="not a regular file"):
        list(read_file(folder / "pipe.txt"))


def test_jsonl_lines_are_read_each_on_its_own(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "Russia spoke.", "title": "One"}).encode(),
        b'{"text": "Syria replied.',  # cut off: the scraper died
        json.dumps({"text": "Boris Johnson\u2028met Sergey Lavrov.", "title": "Two"}, ensure_ascii=False).encode(),
        json.dumps(["an", "array"]).encode(),
        '{"text": "Fran\u00e7ois Hollande spoke.", "title": "Three"}'.encode("cp1252"),
        b'{"text": ""}',
        b"",
        '{"text": "Angela Merkel replied.", "title": "Four \u2014 Zo\u00eb"}'.encode(),
        b'{"text": "Emmanuel Macron',
    ]
    path.write_bytes(b"\n".join(lines))
    errors: list[InputError] = []
    articles = list(read_articles([path], on_error=errors.append))
    assert [(a.title, a.text) for a in articles] == [
        ("One", "Russia spoke."),
        ("Two", "Boris Johnson\u2028met Sergey Lavrov."),
        ("Three", "Fran\u00e7ois Hollande spoke."),
        ("Four \u2014 Zo\u00eb", "Angela Merkel replied."),
    ]
    assert [(e.path, e.line) for e in errors] == [(str(path), n) for n in (2, 4, 6, 9)]
    assert all(str(e).startswith(f"{path}:{e.line}: ") for e in errors)


def test_fail_fast_reading_stops_at_the_first_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Russia spoke."}\n{"text": \n{"text": "Syria replied."}\n')
    read = []
    with pytest.raises(InputError) as caught:
        for article in read_articles([path]):
            read.append(article.text)
    assert caught.value.line == 2 and read == ["Russia spoke."]


def test_deeply_nested_html_is_read(tmp_path):
    path = tmp_path / "deep.html"
    depth = 20_000  # twenty times Python's recursion limit (lexbor itself takes quadratic time in the depth)
    path.write_text("<html><body>" + "<div>" * depth + "<p>Boris Johnson met Sergey Lavrov in Moscow.</p>"
                    + "</div>" * depth + "</body></html>")
    (article,) = read_file(path)
    assert article.text.strip() == "Boris Johnson met Sergey Lavrov in Moscow."


def test_file_names_cannot_break_or_turn_an_error_line():
    error = InputError("in/evil\n\u202etxt.exe", "empty file")
    assert str(error) == "in/evil\\n\\u202etxt.exe: empty file"
    assert one_line("Zo\u00eb \U0001f600 \u0645\u062d\u0645\u062f") == "Zo\u00eb \U0001f600 \u0645\u062d\u0645\u062f"


def test_folders_list_each_article_once_in_a_stable_order(tmp_path):
    for name in ("b.txt", "a.TXT", "sub/c.html", "sub/deeper/d.jsonl", "notes.md", ".hidden/e.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Russia spoke.")
    names = [str(p.relative_to(tmp_path)) for p in find_files([tmp_path])]
    assert names == sorted(names) and set(names) == {"b.txt", "a.TXT", "sub/c.html", "sub/deeper/d.jsonl",
                                                     ".hidden/e.txt"}


# --- one batch of everything, through the command line --------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Ignored when og:title is there</title>
<meta property="og:title" content="Johnson &amp; Lavrov meet">
<meta property="article:published_time" content="2017-03-05T09:00:00Z">
<script>var story = "Vladimir Putin met Donald Trump in Helsinki"; document.write("<p>" + story + "</p>");</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Xi Jinping visits Berlin"}</script>
<style>body::before { content: "Emmanuel Macron"; }</style>
</head><body onload="alert('Angela Merkel')">
<nav role="navigation"><a href="/">Home</a> <a href="/world">Angela Merkel in Paris</a></nav>
<div role="dialog" class="cookie-banner">We value your privacy. Accept all cookies from Recep Erdogan?</div>
<header><h1>World news</h1></header>
<!-- Narendra Modi said nothing -->
<article>
<h1>Johnson &amp; Lavrov meet</h1>
<p>Boris Johnson met Sergey Lavrov in Moscow on Monday.</p>
<script>window.location = "https://example.org/?q=Kim+Jong-un";</script>
<noscript>Justin Trudeau needs JavaScript</noscript>
<template><p>Jacinda Ardern in Wellington</p></template>
<div hidden>Shinzo Abe in Tokyo</div>
<p>They discussed the war in Syria &lt;and sanctions&gt;.</p>
<iframe srcdoc="<p>Benjamin Netanyahu</p>"></iframe>
</article>
<aside>Related: Emmanuel Macron visits Berlin</aside>
<footer>&copy; 2017 Moon Jae-in Media</footer>
</body></html>
"""
NOT_IN_THE_ARTICLE = ["Putin", "Trump", "Helsinki", "Xi Jinping", "Berlin", "Macron", "Merkel", "Erdogan", "Modi",
                      "Kim Jong", "Trudeau", "Ardern", "Abe", "Netanyahu", "Moon Jae", "cookies", "window.", "alert"]
CP1252_TEXT = ("Tuesday, 18 October 2016\r\n\r\nBoris Johnson called the bombing of the \u201caid convoy\u201d a war "
               "crime.\r\nHe said Russia\u2019s actions in Aleppo were \u201cbeyond the pale\u201d.\r\n")
LATIN1_TEXT = "M\u00e9decins Sans Fronti\u00e8res said Jos\u00e9 Manuel Barroso met Fran\u00e7ois Hollande in Paris.\n"
PASTED = ("Zo\u00eb Williams met Fran\u00e7ois Hollande in Paris. Russia\u2019s envoy left.\n",
          "Zo\u00eb Williams met Fran\u00e7ois Hollande in Paris. Russia".encode() + b"\x92s envoy left.\n")
EVIL_NAME = "evil\n\u202etxt.exe.txt"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A folder of every kind of hostile input beside good ones, built by ``kg build`` in one run."""
    root = tmp_path_factory.mktemp("batch")
    folder = root / "in"
    good: dict[str, str] = {}  # file name -> the text kg must read from it
    bad: dict[str, str] = {}  # file name (and :line) -> what the error must say
    folder.mkdir()

    def put(name: str, data: bytes, text: str | None = None, problem: str | None = None) -> None:
        (folder / name).write_bytes(data)
        if text is not None:
            good[name] = text
        if problem is not None:
            bad[name] = problem

    put("cp1252.txt", CP1252_TEXT.encode("cp1252"), text=CP1252_TEXT)
    put("latin1.txt", LATIN1_TEXT.encode("latin-1"), text=LATIN1_TEXT)
    put("pasted.txt", PASTED[1], text=PASTED[0])
    put("bom.txt", ("\ufeff" + ARTICLE).encode(), text=ARTICLE)
    put("notepad.txt", ("Angela Merkel met Emmanuel Macron in Berlin.\r\n").encode("utf-16"),
        text="Angela Merkel met Emmanuel Macron in Berlin.\r\n")
    put("lf.txt", ARTICLE.encode(), text=ARTICLE)  # the same article as bom.txt: one document
    for name, newline in (("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        put(name, ARTICLE.replace("\n", newline).encode(), text=ARTICLE.replace("\n", newline))
    mixed = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(ARTICLE.split("\n")))[:-1]
    put("mixed-newlines.txt", mixed.encode(), text=mixed)
    put("page.html", HTML_PAGE.encode())
    put("empty.txt", b"", problem="empty file")
    put("blank.txt", b" \n\n\t \n", problem="empty file")
    put("image.txt", png(), problem="binary")
    put("archive.txt", gzip.compress(ARTICLE.encode(), mtime=0), problem="binary")
    put("program.txt", Path(sys.executable).resolve().read_bytes()[:65536], problem="binary")
    put("undefined.txt", b"Russia spoke.\nSyria replied.\nThe \x81 envoy left.\n")
    bad["undefined.txt:3"] = "byte 0x81"
    put("scripts-only.html", b"<html><head><script>var a = 'Boris Johnson';</script></head><body><nav>Home</nav>"
                             b"</body></html>", problem="no article text")
    put(EVIL_NAME, b"", problem="empty file")
    feed = [json.dumps({"text": "Boris Johnson met Sergey Lavrov in Moscow.", "title": "Feed one"}),
            '{"text": "Syria replied.',
            json.dumps({"text": "Ban Ki-moon condemned the attack on the convoy.", "title": "Feed three"})]
    put("feed.jsonl", "\n".join(feed).encode())
    bad["feed.jsonl:2"] = "malformed JSON"
    for name, problem in make_unreadable(folder / "locked").items():
        bad[f"locked/{name}"] = problem
    out = root / "graph.trig"
    result = kg("build", folder, "-o", out, "-j", "1", timeout=300)
    yield result, out, folder, good, bad
    restore_modes(folder / "locked")


@pytest.fixture(scope="module")
def batch_graph(batch):
    result, out, *_ = batch
    assert out.exists(), result.stderr
    return parse_strictly(out)


def test_the_batch_ends_with_the_code_for_failed_inputs(batch):
    result, *_ = batch
    assert result.returncode == 1
    assert TRACEBACK not in result.stderr


def test_each_bad_input_is_one_line_that_names_it(batch):
    result, _, folder, _, bad = batch
    lines = error_lines(result.stderr)
    assert len(lines) == len(bad)
    for where, problem in bad.items():
        name = one_line(str(folder / where.split(":")[0])) + (f":{where.split(':')[1]}" if ":" in where else "")
        (line,) = [line for line in lines if line.startswith(f"kg: error: {name}: ")]
        assert problem in line


def test_every_good_input_is_in_the_graph_as_written(batch, batch_graph):
    _, _, folder, good, _ = batch
    ids = {str(o) for o in union_of(batch_graph).objects(None, DCTERMS.identifier)}
    assert {sha1(text) for text in good.values()} <= ids  # the text kg read is the text that was written


def test_the_rest_of_the_jsonl_file_is_built(batch_graph):
    titles = {str(o) for o in union_of(batch_graph).objects(None, DCTERMS.title)}
    assert {"Feed one", "Feed three"} <= titles


def test_decoded_names_have_their_accents(batch_graph):
    names = {str(o) for o in union_of(batch_graph).objects(None, RDFS.label)}
    assert {"M\u00e9decins Sans Fronti\u00e8res", "Fran\u00e7ois Hollande", "Boris Johnson"} <= names
    assert not [n for n in names if "\u00c3" in n or "\ufffd" in n]  # no mojibake, no replacement characters


def test_provenance_quotes_are_verbatim_in_the_files(batch, batch_graph):
    _, _, _, good, _ = batch
    texts = {sha1(text): text for text in good.values()}
    found = [q for q in quotes(union_of(batch_graph)) if q.doc_id in texts]
    assert {q.doc_id for q in found} == set(texts)  # every good file says something
    for q in found:
        assert texts[q.doc_id][q.start:q.end] == q.text
    assert any("\u201caid convoy\u201d" in q.text for q in found)


def document_graph(ds, text: str):
    (graph,) = [g for g in ds.graphs() if (None, DCTERMS.identifier, Literal(sha1(text))) in g]
    return graph


def said_in(ds, graph) -> set:
    """The records a document's graph is the evidence of: those derived from its mentions."""
    mentions = set(graph.subjects(RDF.type, KG.Mention))
    return {s for s, _, m, _ in ds.quads((None, PROV.wasDerivedFrom, None, None)) if m in mentions}


def facts_of_document(ds, text: str) -> tuple[set, set, str | None]:
    """What the document of ``text`` says: its entities, its events' types, its title."""
    g = document_graph(ds, text)
    said = said_in(ds, g)
    entities = {s for s, _, o, _ in ds.quads((None, RDF.type, None, None)) if s in said and str(o).startswith(SDO)}
    events = {o for s, _, o, _ in ds.quads((None, SEM_EVENT_TYPE, None, None)) if s in said}
    title = next((str(o) for o in g.objects(None, DCTERMS.title)), None)
    return entities, events, title


@pytest.mark.parametrize("name", ["crlf.txt", "cr.txt", "mixed-newlines.txt"])
def test_line_breaks_change_nothing_that_is_read(batch, batch_graph, name):
    _, _, _, good, _ = batch
    assert facts_of_document(batch_graph, good[name]) == facts_of_document(batch_graph, ARTICLE)


def test_a_bom_changes_neither_the_document_nor_its_title(batch_graph):
    ids = [str(o) for _, _, o, _ in batch_graph.quads((None, DCTERMS.identifier, None, None))]
    assert ids.count(sha1(ARTICLE)) == 1  # bom.txt and lf.txt: the same article, one document
    _, _, title = facts_of_document(batch_graph, ARTICLE)
    assert title == ARTICLE.splitlines()[2] and not title.startswith("\ufeff")


def test_the_html_page_gives_its_article_and_nothing_else(batch_graph):
    (page,) = [g for g in batch_graph.graphs() if (None, DCTERMS.title, Literal("Johnson & Lavrov meet")) in g]
    said = " ".join(q.text for q in quotes(page))
    assert "Boris Johnson met Sergey Lavrov in Moscow on Monday." in said
    assert "They discussed the war in Syria <and sanctions>." in said  # markup in the text is text
    said = said_in(batch_graph, page)
    names = {str(o) for s, _, o, _ in batch_graph.quads((None, RDFS.label, None, None)) if s in said}
    assert {"Boris Johnson", "Sergey Lavrov", "Moscow"} <= names
    for word in NOT_IN_THE_ARTICLE:
        assert word not in said
        assert not [n for n in names if word in n], word


def test_fail_fast_stops_at_the_first_bad_input_and_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", "Boris Johnson met Sergey Lavrov."), ("b.txt", ""),
                       ("c.txt", "Russia spoke."), ("d.txt", "")):
        (folder / name).write_text(text)
    out = tmp_path / "graph.ttl"
    out.write_text("# the previous graph\n")
    result = kg("build", folder, "-o", out, "-j", "1", "--fail-fast")
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    assert error_lines(result.stderr) == [f"kg: error: {folder / 'b.txt'}: empty file"]
    assert out.read_text() == "# the previous graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "in"]


def test_a_folder_of_nothing_readable_writes_nothing(tmp_path, unreadable):
    folder, made = unreadable
    out = tmp_path / "graph.ttl"
    out.write_text("# the previous graph\n")
    result = kg("build", folder, "-o", out, "-j", "1", timeout=300)
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    assert len(error_lines(result.stderr)) == len(made) + 1  # each entry, then "no article could be read"
    assert out.read_text() == "# the previous graph\n"



def test_two_texts_under_one_url_are_not_made_one_document(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Boris Johnson met Sergey Lavrov in Moscow on Monday.", "url": "https://example.org/a"},
        {"text": "Syria replied.", "url": "https://example.org/b"},
        {"text": "Angela Merkel met Emmanuel Macron in Berlin on Friday.", "url": "https://example.org/a"},
        {"text": "Boris Johnson met Sergey Lavrov in Moscow on Monday.", "url": "https://example.org/a"},
    ]) + "\n")
    errors: list[InputError] = []
    read = list(read_articles([feed], on_error=errors.append))
    assert [a.source for a in read] == [f"{feed}:1", f"{feed}:2", f"{feed}:4"]  # line 4 repeats line 1: no harm
    (error,) = errors
    assert error.line == 3 and f"{feed}:1" in error.problem


TESTS = Path(__file__).resolve().parents[1]
MODE_000_SCRIPT = """
import json, sys
from pathlib import Path
from robustness.conftest import make_unreadable, restore_modes
from kg.ingest.load import read_articles
folder = Path(sys.argv[1])
made = make_unreadable(folder)
(folder / "good.txt").write_text("Russia spoke.")
errors = []
read = [a.source for a in read_articles([folder], on_error=errors.append)]
restore_modes(folder)
assert read == [str(folder / "good.txt")], read
print(json.dumps([made, [[Path(e.path).name, e.problem] for e in errors]]))
"""


def test_mode_000_is_named_even_where_tests_run_as_root(tmp_path):
    """Root reads files of mode 000; without the capabilities that let it (as setpriv drops them),
    root meets permissions as any user does, so CI tests what a user's locked files do."""
    command = [sys.executable, "-c", MODE_000_SCRIPT, str(tmp_path / "in")]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root, and no setpriv (util-linux) to drop the capabilities that bypass permissions")
        command = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
                   "--bounding-set=-dac_override,-dac_read_search", *command]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(TESTS)})
    assert result.returncode == 0, result.stderr
    made, errors = json.loads(result.stdout)
    assert {"locked.txt", "locked-folder"} <= set(made)  # permissions did stop this process
    assert sorted(name for name, _ in errors) == sorted(made)
    for name, problem in errors:
        assert made[name] in problem

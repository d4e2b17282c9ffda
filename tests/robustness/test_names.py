"""Text never becomes code or structure: names and sentences with quotes, angle brackets, line breaks,
right-to-left marks, emoji, terminal escapes and IRI-breaking characters give valid IRIs, every output
format re-parses to the same graph, and the graph page carries them as data."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS

from kg.graph.rdf import serialize, to_dataset
from kg.model import Corpus, Document, Entity, Event, Evidence, Kind, Post
from kg.query.sparql import run, to_table
from kg.resources.names import slug

from .conftest import FORMATS, kg, parse_strictly, union_of

HOSTILE_NAMES = [
    'Zo\u00eb "The Hammer" O\'Brien',
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">Mallory',
    "Line\nBreak\r\nAgain",
    "\u202eRTL override\u202c Abdullah",
    "\u0645\u062d\u0645\u062f \u0627\u0644\u0639\u0644\u064a\u200f",
    "\U0001f600 \U0001f1fa\U0001f1e6",
    "Back\\slash {curly} |pipe| ^caret^ `tick` #hash %41 ?q=1 /slash: <a>",
    '"""triple""" quotes \'\'\' and ; . , @en ^^xsd:string',
    "Tab\there",
    "\x1b]0;pwned\x07\x1b[2JTerminal",
    "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d",
    "\u0414\u043c\u0438\u0442\u0440\u0438\u0439 \u041c\u0435\u0434\u0432\u0435\u0434\u0435\u0432",
    "\u674e\u660e",
    "\u738b\u4f1f",
]
SENTENCE = ('He said "</script><script>window.__pwned = 3</script>" and <b>left</b> <!-- quietly \\ \x1b[31m '
            '\u202e\U0001f4a3 """ \x00.')
IRI = re.compile(r"https://w3id\.org/kg/id/[a-z]+/[a-z0-9-]+")


# --- slugs: the part of an IRI made from a name -------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Barrow and Furness", "barrow-and-furness"),
    ("Zo\u00eb O'Brien-Smith", "zoe-o-brien-smith"),
    ("\u0141\u00f3d\u017a", "lodz"),
    ("\u00c6sop", "aesop"),
    ("Stra\u00dfe", "strasse"),
    ("The Kremlin", "kremlin"),
])
def test_latin_names_keep_their_readable_slug(name, expected):
    assert slug(name) == expected


def test_names_without_ascii_letters_get_iris_of_their_own():
    slugs = [slug(name) for name in HOSTILE_NAMES]
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs)
    assert len(set(slugs)) == len(HOSTILE_NAMES)  # no two people share an IRI
    assert [slug(name) for name in HOSTILE_NAMES] == slugs  # and each always gets the same one


# --- a corpus of hostile records, written in every format --------------------------------------

def hostile_corpus() -> Corpus:
    doc_id = 'https://example.org/news?id=1&q="<x>"#top \u202e'
    said = Evidence(doc_id, 10, 10 + len(SENTENCE), SENTENCE)
    people = [Entity(f"person:{slug(name)}", Kind.PERSON, name, aliases=(name.upper(), f"Mr {name}"),
                     evidence=(said,)) for name in HOSTILE_NAMES]
    place = Entity(f"place:{slug(HOSTILE_NAMES[7])}", Kind.PLACE, HOSTILE_NAMES[7], evidence=(said,))
    return Corpus(
        documents=[Document(doc_id, 'in/evil\n"name".txt', HOSTILE_NAMES[2], "2017-03-05", doc_id,
                            hashlib.sha1(SENTENCE.encode()).hexdigest())],
        entities=[*people, place],
        posts=[Post(f"post:{slug(HOSTILE_NAMES[0])}-{slug(HOSTILE_NAMES[1])}", people[0].key, HOSTILE_NAMES[1],
                    None, (said,))],
        events=[Event("event:0123456789abcdef", "190", HOSTILE_NAMES[3], (said,), source=people[0].key,
                      target=people[1].key, place=place.key, killed=3,
                      killed_parts=((3, HOSTILE_NAMES[5]),))],
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-formats")
    ds = to_dataset(hostile_corpus())
    paths = {}
    for suffix in FORMATS:
        paths[suffix] = folder / f"graph{suffix}"
        paths[suffix].write_bytes(serialize(ds, paths[suffix]))
    return paths


@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_reparses_to_the_same_graph(written, suffix):
    again = union_of(parse_strictly(written[suffix]))  # rdflib and Oxigraph both read it
    assert isomorphic(again, union_of(to_dataset(hostile_corpus())))


@pytest.mark.parametrize("suffix", FORMATS)
def test_names_and_sentences_come_back_verbatim(written, suffix):
    g = union_of(parse_strictly(written[suffix]))
    assert set(HOSTILE_NAMES) <= {str(o) for o in g.objects(None, RDFS.label)}
    assert {f"Mr {n}" for n in HOSTILE_NAMES} <= {str(o) for o in g.objects(None, SKOS.altLabel)}
    assert SENTENCE in {str(o) for o in g.objects(None, PROV.value)}
    assert HOSTILE_NAMES[2] in {str(o) for o in g.objects(None, DCTERMS.title)}


def test_every_iri_is_made_of_safe_characters(written):
    g = union_of(parse_strictly(written[".nt"]))
    ours = {str(t) for triple in g for t in triple if str(t).startswith("https://w3id.org/kg/id/")}
    assert ours and all(IRI.fullmatch(iri) for iri in ours)


def test_the_hostile_graph_conforms_to_the_shapes(written):
    from kg.graph.validate import validate

    report = validate(union_of(parse_strictly(written[".ttl"])))
    assert report.conforms, report.text


def test_sparql_sees_names_as_strings(written):
    g = union_of(parse_strictly(written[".ttl"]))
    for name in HOSTILE_NAMES:
        # the name as a SPARQL string: JSON's escapes are SPARQL's (rdflib misreads a raw tab inside a string)
        literal = json.dumps(name, ensure_ascii=False)
        rows = run(g, f"SELECT ?p WHERE {{ ?p a schema:Person ; rdfs:label {literal} }}").rows
        assert rows == [[f"https://w3id.org/kg/id/person/{slug(name)}"]]


def test_a_terminal_table_shows_escapes_and_does_not_run_them(written):
    g = union_of(parse_strictly(written[".ttl"]))
    table = to_table(run(g, "SELECT ?name WHERE { ?p rdfs:label ?name }"))
    assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    assert "Terminal" in table and "Abdullah" in table


# --- the graph page ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[Path, Path]:
    """The graph page of the hostile corpus and of a tame one, written by kg viz from a graph file."""
    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / "hostile.ttl"
    hostile.write_bytes(serialize(to_dataset(hostile_corpus()), hostile))
    tame_corpus = hostile_corpus()
    tame_corpus.entities = [Entity(e.key, e.kind, f"Name {i}", evidence=e.evidence)
                            for i, e in enumerate(tame_corpus.entities)]
    tame = folder / "tame.ttl"
    tame.write_bytes(serialize(to_dataset(tame_corpus), tame))
    for name in ("hostile", "tame"):
        result = kg("viz", folder / f"{name}.ttl", "-o", folder / f"{name}.html")
        assert result.returncode == 0, result.stderr
    return folder / "hostile.html", folder / "tame.html"


def test_the_page_carries_hostile_text_as_data_only(pages):
    from selectolax.lexbor import LexborHTMLParser

    hostile, tame = pages
    html = hostile.read_text(encoding="utf-8")
    for markup in ("<script>window.__pwned", "<img src=x", "</script><script>", "<!-- quietly", "<b>left"):
        assert markup not in html  # not one of them stands in the page as markup
    tree, tame_tree = LexborHTMLParser(html), LexborHTMLParser(tame.read_text(encoding="utf-8"))
    assert len(tree.css("script")) == len(tame_tree.css("script"))
    assert not tree.css("img, svg, iframe, [onerror], [onload]")
    data = " ".join(json.dumps(json.loads(s.text()), ensure_ascii=False)
                    for s in tree.css('script[type="application/json"]'))
    for name in HOSTILE_NAMES[:3]:
        assert json.dumps(name, ensure_ascii=False)[1:-1] in data  # the names are in the page, as data


def test_the_page_shows_hostile_names_as_text_in_a_browser(pages, browser):
    hostile, _ = pages
    # the page's Content-Security-Policy switched off: the escaping alone must hold
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(hostile.resolve().as_uri())
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=30_000)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        if page.locator("#show-unlinked").is_visible():
            page.check("#show-unlinked")  # names in no event are listed apart until drawn back
        shown = set(page.evaluate("kg.shownNodes().map(n => n.name)"))
        assert set(HOSTILE_NAMES[:3]) <= shown
        assert errors == []
    finally:
        context.close()


def test_a_hostile_article_built_end_to_end(tmp_path):
    title = '<img src=x onerror="window.__pwned = 2"> Report \u202e\U0001f4a3'
    said = 'Boris Johnson said "</script><script>window.__pwned = 1</script>" was <b>not</b> acceptable.'
    article = tmp_path / "hostile.txt"
    article.write_text(f"Monday, 3 April 2017\n\n{title}\n\n{said}\nVladimir Putin met him in Moscow. "
                       "\x1b[31mRed\x1b[0m\n", encoding="utf-8")
    out, page = tmp_path / "graph.ttl", tmp_path / "graph.html"
    result = kg("build", article, "-o", out, "--html", page, "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    g = union_of(parse_strictly(out))
    assert said in {str(o) for o in g.objects(None, PROV.value)}
    assert {str(o) for o in g.objects(None, DCTERMS.title)} == {title}
    assert {"Boris Johnson", "Vladimir Putin", "Moscow"} <= {str(o) for o in g.objects(None, RDFS.label)}
    html = page.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html and "\x1b" not in html

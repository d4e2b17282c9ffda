"""Reading articles: formats, metadata, and clear errors that name the file."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.ingest.load import find_files, read_articles, read_file


def test_text_article_reads_title_and_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Sunday, 5 March 2017\n\nJohnson To Visit Moscow\n\nBoris Johnson will visit Moscow.\n")
    article = next(read_file(path))
    assert (article.title, article.date) == ("Johnson To Visit Moscow", "2017-03-05")
    assert article.text == path.read_text()


def test_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffRussia spoke.".encode())
    assert next(read_file(path)).text == "Russia spoke."


def test_html_page_is_stripped_by_a_parser(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("""<html><head><title>Talks in Moscow</title>
      <meta property="article:published_time" content="2017-03-05T09:00:00Z">
      <script>var nav = "Skip to main content";</script><style>p { color: red }</style></head>
      <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
      <article><h1>Talks in Moscow</h1><p>Boris Johnson met Sergey Lavrov in Moscow.</p>
      <p>They discussed <b>Syria</b>.</p></article><footer>Copyright</footer></body></html>""")
    article = next(read_file(path))
    assert "Boris Johnson met Sergey Lavrov in Moscow." in article.text
    assert "They discussed Syria." in article.text
    for noise in ("var nav", "color: red", "Home", "Copyright"):
        assert noise not in article.text
    assert (article.title, article.date) == ("Talks in Moscow", "2017-03-05")


def test_jsonl_articles_with_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "Russia spoke.", "title": "One", "date": "2016-10-18", "url": "https://example.org/1"},
             {"text": "Syria replied.", "title": "Two"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    articles = list(read_file(path))
    assert [(a.title, a.date, a.url) for a in articles] == [("One", "2016-10-18", "https://example.org/1"),
                                                            ("Two", None, None)]
    assert articles[0].doc_id == "https://example.org/1"
    assert articles[1].source == f"{path}:2"


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 20, "binary"),
    ("control.txt", bytes(range(1, 32)) * 20 + b"\xff", "not UTF-8"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(read_file(path))
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("The minister\u2019s \u201cwar crime\u201d claim.".encode("cp1252"))
    assert "\u201cwar crime\u201d" in next(read_file(path)).text


def test_malformed_jsonl_line_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Russia spoke."}\n{"text": broken\n{"title": "no text"}\n{"text": "Syria replied."}\n')
    errors = []
    articles = list(read_articles([path], on_error=errors.append))
    assert [a.text for a in articles] == ["Russia spoke.", "Syria replied."]
    assert [(e.line, e.path) for e in errors] == [(2, str(path)), (3, str(path))]
    assert "malformed JSON" in str(errors[0]) and f"{path}:2" in str(errors[0])


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        find_files([tmp_path / "nowhere"])


def test_folders_are_read_in_a_stable_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.html", "notes.md"):
        (tmp_path / name).write_text("<p>Russia spoke.</p>" if name.endswith("html") else "Russia spoke.")
    assert [p.name for p in find_files([tmp_path])] == ["a.txt", "b.txt", "c.html"]

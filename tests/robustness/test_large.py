"""Large input: nothing truncated, nothing lost, and an article too long to parse is named, not fatal.

A 50 MB article is read and cleaned here in full, but not parsed: spaCy refuses texts over
1,000,000 characters (its parser needs about 1 GB per 100,000), and at the model's pace of some
5,000 characters a second a 50 MB parse would take hours. kg names such an article and builds the
rest; the long article that is parsed (tens of thousands of characters) shows that the parse
reaches its last sentence.
"""

from __future__ import annotations

import hashlib
import json
import time

import pytest
from rdflib.namespace import RDFS

from kg.errors import InputError
from kg.ingest.clean import blank_noise
from kg.ingest.load import MAX_CHARS, decode, read_articles

from .conftest import TRACEBACK, error_lines, kg, paragraphs, parse_strictly, quotes, union_of

MB = 1 << 20
LAST = "In the end, Angela Merkel met Emmanuel Macron in Berlin on Friday."


def repeated(size: int) -> tuple[str, str, int]:
    """Real news paragraphs repeated to at least ``size`` characters: (text, block, repeats)."""
    block = "\n\n".join(paragraphs()) + "\n\n"
    repeats = size // len(block) + 1
    return block * repeats, block, repeats


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory):
    text, block, repeats = repeated(50 * MB)
    path = tmp_path_factory.mktemp("large") / "in" / "huge.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path, text, block, repeats


def test_a_50_mb_article_is_decoded_whole(fifty_mb):
    path, text, _, _ = fifty_mb
    decoded = decode(path.read_bytes(), path)
    assert len(decoded) == len(text) > 50 * MB
    assert hashlib.sha1(decoded.encode()).digest() == hashlib.sha1(text.encode()).digest()


def test_a_50_mb_article_is_cleaned_whole(fifty_mb):
    _, text, block, repeats = fifty_mb
    started = time.monotonic()
    cleaned = blank_noise(text)
    assert time.monotonic() - started < 60
    assert len(cleaned) == len(text)  # every offset still points at the source
    # cleaning is local to lines and paragraphs: the whole is the cleaned block, as often as it was written
    assert cleaned == blank_noise(block) * repeats
    first = paragraphs()[0]
    assert cleaned.count(first) == repeats and cleaned.rstrip().endswith(paragraphs()[-1])


def test_kg_build_names_the_50_mb_article_and_builds_the_rest(fifty_mb):
    path, _, _, _ = fifty_mb
    (path.parent / "small.txt").write_text("Boris Johnson met Sergey Lavrov in Moscow on Monday.\n")
    out = path.parent.parent / "graph.ttl"
    started = time.monotonic()
    result = kg("build", path.parent, "-o", out, "-j", "1")
    assert time.monotonic() - started < 120  # it did not try to parse 50 MB
    assert result.returncode == 1 and TRACEBACK not in result.stderr
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"kg: error: {path}: {path.stat().st_size:,} bytes, longer than kg parses")
    names = {str(o) for o in union_of(parse_strictly(out)).objects(None, RDFS.label)}
    assert {"Boris Johnson", "Sergey Lavrov"} <= names


def test_an_overlong_jsonl_line_is_named_and_the_others_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    text, _, _ = repeated(MAX_CHARS)
    path.write_text("\n".join(json.dumps({"text": t}) for t in ("Russia spoke.", text, "Syria replied.")) + "\n")
    errors: list[InputError] = []
    assert [a.text for a in read_articles([path], on_error=errors.append)] == ["Russia spoke.", "Syria replied."]
    (error,) = errors
    assert error.line == 2 and f"{len(text):,} characters" in error.problem


@pytest.mark.slow
def test_a_long_article_is_parsed_to_its_last_sentence(tmp_path):
    text, _, _ = repeated(40_000)
    text = text + LAST + "\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = kg("build", path, "-o", out, "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    g = union_of(parse_strictly(out))
    assert {"Angela Merkel", "Emmanuel Macron"} <= {str(o) for o in g.objects(None, RDFS.label)}
    last = [q for q in quotes(g) if q.text == LAST]
    assert last and all(text[q.start:q.end] == LAST and q.start == len(text) - len(LAST) - 1 for q in last)

"""Read articles from files and folders: plain text, HTML pages and JSON lines.

    >>> from kg.load import article_from_text
    >>> article_from_text("Sunday, 5 March 2017\\n\\nBoris Johnson met Sergey Lavrov.", "a.txt").date
    '2017-03-05'
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg import clean, timex
from kg.errors import InputError
from kg.model import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the article files they hold, sorted so that runs are reproducible."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(path, "not a regular file")
        else:
            raise InputError(path, "no such file or folder")
    return found


def decode(data: bytes, path: str | Path) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), else Windows-1252 for text that plainly is text."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(path, f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
        if controls > len(text) / 100:
            raise InputError(path, f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
        log.warning("%s: not UTF-8; read as Windows-1252", path)
        return text


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def article_from_text(text: str, source: str, *, title: str | None = None, date: str | None = None,
                      url: str | None = None) -> Article:
    """An Article from its text; title and date are read from the text when not given."""
    if not text.strip():
        raise InputError(source, "empty article text")
    return Article(
        doc_id=url or sha1(text),
        text=text,
        source=source,
        title=title or clean.guess_title(text),
        date=timex.normalize_date(date) if date else timex.find_document_date(text),
        url=url,
    )


def read_file(path: Path) -> Iterator[Article]:
    """The articles in one file. Raises InputError naming the file (and line) on bad input."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(data, path)
        return
    text = decode(data, path)
    if suffix in (".html", ".htm"):
        from kg.html import html_to_article_text

        page = html_to_article_text(text)
        if not page.text.strip():
            raise InputError(path, "no article text in the HTML page")
        yield article_from_text(page.text, str(path), title=page.title, date=page.date, url=page.url)
    else:
        yield article_from_text(text, str(path))


def read_jsonl(data: bytes, path: Path) -> Iterator[Article]:
    """One article a line: {"text": ..., "title": ..., "date": ..., "url": ...}.

    A broken line raises InputError for that line; the caller decides whether to go on.
    """
    text = decode(data, path)
    errors: list[InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(path, f"malformed JSON ({exc.msg}, column {exc.colno})", line=number))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            errors.append(InputError(path, 'each line must be an object with a non-empty "text"', line=number))
            continue
        meta = {k: record.get(k) if isinstance(record.get(k), str) else None for k in ("title", "date", "url")}
        try:
            yield article_from_text(record["text"], f"{path}:{number}", **meta)
        except InputError as exc:
            errors.append(InputError(path, exc.problem, line=number))
    if errors:
        raise BatchErrors(errors)


class BatchErrors(InputError):
    """Several bad lines in one file; the good ones were already yielded."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.problem, first.line)
        self.args = ("; ".join(str(e) for e in errors),)


def read_articles(paths: Iterable[str | Path], on_error=None) -> Iterator[Article]:
    """Every article under ``paths``, in a stable order.

    ``on_error(InputError)`` is called for each bad file or line and the rest goes on; without
    it, the first error is raised.
    """
    for raw in paths:
        try:
            files = find_files([raw])
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        yield from _read_each(files, on_error)


def _read_each(files: list[Path], on_error) -> Iterator[Article]:
    for path in files:
        try:
            yield from read_file(path)
        except BatchErrors as many:
            for exc in many.errors:
                if on_error is None:
                    raise exc from None
                on_error(exc)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)

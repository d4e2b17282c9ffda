"""Read articles from files and folders: plain text, HTML pages and JSON lines.

    >>> from kg.ingest.load import article_from_text
    >>> article_from_text("Sunday, 5 March 2017\\n\\nBoris Johnson met Sergey Lavrov.", "a.txt").date
    '2017-03-05'
"""

from __future__ import annotations

import codecs
import itertools
import json
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, one_line
from kg.ids import sha1
from kg.ingest import clean, timex
from kg.model import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# spaCy's Language.max_length: the model refuses longer texts (its parser needs ~1 GB per 100,000
# characters), so a longer article is reported here, by name, instead of failing a whole batch later
MAX_CHARS = 1_000_000
MAX_BYTES = 4 * MAX_CHARS + 4  # no encoding takes more than 4 bytes a character: a larger text is too long
MAX_HTML_BYTES = 64 * MAX_BYTES  # markup, scripts and inline images may outweigh a page's text many times
# byte-order marks of the encodings a text editor may save in; UTF-32 before UTF-16, whose mark it starts with
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

OnError = Callable[[InputError], None]


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the article files they hold, sorted so that runs are reproducible.

    Inside a folder, every entry with an article suffix is listed, also those that cannot be read
    (a dangling link, a FIFO), and so is a subfolder that cannot be listed: ``read_file`` then
    reports each by name instead of leaving it out in silence.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        elif os.path.lexists(path):
            found.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return found


def _walk(folder: Path) -> list[Path]:
    try:
        os.scandir(folder).close()
    except OSError as exc:
        raise InputError(folder, f"cannot read the folder: {exc.strerror or exc}") from None
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        found.append(Path(exc.filename))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        found.extend(Path(root, n) for n in names if Path(n).suffix.lower() in SUFFIXES)
    return sorted(found)


def decode(data: bytes, path: str | Path, *, first_line: int = 1) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), UTF-16 or UTF-32 with a BOM, and Windows-1252 for
    the bytes of a text that are not UTF-8 (a whole file in Windows-1252 or Latin-1, or a smart quote
    pasted into UTF-8 text), as long as the result plainly is text. Errors name the line, counted
    from ``first_line``."""
    def line_of(offset: int) -> int:
        return first_line + data[:offset].count(b"\n")

    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not {encoding.upper()} text (undecodable bytes at offset {exc.start})",
                             line=line_of(exc.start)) from None
        if not text.strip():
            raise InputError(path, "empty file")
        return text
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not text")
    # control characters tell binary data from text: a few are noise in valid UTF-8 (a scraper's
    # stray \x0e), but bytes that needed Windows-1252 to read must be plainly text to be believed
    share = 10
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first, share = exc.start, 100
        try:
            text = data.decode("utf-8-sig", errors=_windows_1252_handler())
        except UnicodeDecodeError as bad:
            raise InputError(path, f"not UTF-8 text: byte 0x{data[bad.start]:02x} at offset {bad.start} is "
                                   "neither UTF-8 nor Windows-1252", line=line_of(bad.start)) from None
        log.warning("%s:%d: not UTF-8; the bytes that are not UTF-8 read as Windows-1252", one_line(str(path)),
                    line_of(first))
    controls = len(clean.CONTROLS.findall(text))
    if controls * share > len(text):
        raise InputError(path, f"not UTF-8 text but binary: {controls:,} control characters in {len(text):,}")
    return text


_HANDLER = "kg-windows-1252"


def _windows_1252_handler() -> str:
    """A codec error handler that reads each byte that is not UTF-8 as Windows-1252."""
    try:
        codecs.lookup_error(_HANDLER)
    except LookupError:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeDecodeError):
                raise exc
            try:
                return exc.object[exc.start:exc.end].decode("cp1252"), exc.end
            except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90 and 0x9d mean nothing in Windows-1252 either
                raise exc from None

        codecs.register_error(_HANDLER, handler)
    return _HANDLER


def article_from_text(text: str, source: str, *, title: str | None = None, date: str | None = None,
                      url: str | None = None) -> Article:
    """An Article from its text; title and date are read from the text when not given."""
    if not text.strip():
        raise InputError(source, "empty article text")
    if len(text) > MAX_CHARS:
        raise InputError(source, f"{len(text):,} characters, longer than kg parses in one article "
                                 f"({MAX_CHARS:,}); split it into articles (one a line in a .jsonl file)")
    return Article(
        doc_id=url or sha1(text),
        text=text,
        source=source,
        title=title or clean.guess_title(text),
        date=timex.normalize_date(date) if date else timex.find_document_date(text),
        url=url,
    )


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """A regular file opened for reading; InputError naming what else it is (a folder, a FIFO, a broken link)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if path.is_symlink() and not path.exists():
            raise InputError(path, f"a broken symbolic link (to {os.readlink(path)})") from None
        what = " the folder" if path.is_dir() else ""
        raise InputError(path, f"cannot read{what}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(path, "a folder where a file was expected")
        if not stat.S_ISREG(mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device)")
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        try:
            yield handle
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def read_file(path: Path, on_error: OnError | None = None) -> Iterator[Article]:
    """The articles in one file. Raises InputError naming the file (and line) on bad input; for a
    .jsonl file, ``on_error`` takes each bad line instead and the other lines are read."""
    path = Path(path)
    suffix = path.suffix.lower()
    with open_regular(path) as handle:
        if suffix == ".jsonl":
            yield from read_jsonl(handle, path, on_error)
            return
        size = os.fstat(handle.fileno()).st_size
        if size > (MAX_HTML_BYTES if suffix in (".html", ".htm") else MAX_BYTES):
            raise InputError(path, f"{size:,} bytes, longer than kg parses in one article ({MAX_CHARS:,} "
                                   "characters); split it into articles (one a line in a .jsonl file)")
        data = handle.read()
    text = decode(data, path)
    if suffix in (".html", ".htm"):
        from kg.ingest.html import html_to_article_text

        page = html_to_article_text(text)
        if not page.text.strip():
            raise InputError(path, "no article text in the HTML page")
        yield article_from_text(page.text, str(path), title=page.title, date=page.date, url=page.url)
    else:
        yield article_from_text(text, str(path))


def read_jsonl(lines: Iterable[bytes], path: Path, on_error: OnError | None = None) -> Iterator[Article]:
    """One article a line: {"text": ..., "title": ..., "date": ..., "url": ...}.

    Lines are read one at a time and decoded each on its own, so that a line in another encoding
    spoils no other. A bad line goes to ``on_error`` and the rest is read; without ``on_error`` it
    is raised. Lines end at "\\n" only: U+2028 and the like may stand unescaped inside JSON strings.
    """
    lines = iter(lines)
    first = next(lines, b"")
    if any(first.startswith(bom) for bom, _ in BOMS):  # UTF-16 or UTF-32: decode the whole file first
        text = decode(first + b"".join(lines), path)
        lines = iter([line.encode("utf-8") for line in text.split("\n")])
    else:
        lines = itertools.chain([first.removeprefix(codecs.BOM_UTF8)], lines)
    empty = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        empty = False
        try:
            line = decode(raw.rstrip(b"\r\n"), path, first_line=number)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                what = exc.msg.removesuffix(" at")  # "Unterminated string starting at"
                raise InputError(path, f"malformed JSON ({what} at column {exc.colno})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
                raise InputError(path, 'each line must be an object with a non-empty "text"')
            meta = {k: record.get(k) if isinstance(record.get(k), str) else None for k in ("title", "date", "url")}
            article = article_from_text(record["text"], f"{path}:{number}", **meta)
        except InputError as exc:
            error = InputError(path, exc.problem, line=number)
            if on_error is None:
                raise error from None
            on_error(error)
            continue
        yield article
    if empty:
        raise InputError(path, "empty file")


def read_articles(paths: Iterable[str | Path], on_error: OnError | None = None) -> Iterator[Article]:
    """Every article under ``paths``, in a stable order.

    ``on_error(InputError)`` is called for each bad file or line and the rest goes on; without
    it, the first error is raised. Two articles with one id (a feed that has an updated article
    under the same URL) but different texts would make one document of two texts: the first is
    read and the other reported.
    """
    first: dict[str, tuple[str, str]] = {}  # doc id -> (sha1 of its text, where it was read)

    def report(exc: InputError) -> None:
        if on_error is None:
            raise exc
        on_error(exc)

    for raw in paths:
        try:
            files = find_files([raw])
        except InputError as exc:
            report(exc)
            continue
        for path in files:
            try:
                for article in read_file(path, on_error):
                    digest = sha1(article.text)
                    known = first.setdefault(article.doc_id, (digest, article.source))
                    if known[0] != digest:
                        line = int(article.source.rsplit(":", 1)[1]) if article.source != str(path) else None
                        report(InputError(path, f"the same id ({article.doc_id}) as {known[1]} but another text; "
                                                "only the first is read", line=line))
                        continue
                    yield article
            except InputError as exc:
                report(exc)

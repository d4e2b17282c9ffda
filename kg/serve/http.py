"""kg serve: the SPARQL 1.1 Protocol over HTTP for a store, with a query page that works offline.

    GET  /                      the query page (no request leaves the machine)
    GET  /graph.html            the graph page, when one is beside the store
    GET  /sparql?query=...      a query; POST with application/sparql-query or a form (query=...)
    POST /sparql                an update (application/sparql-update, or a form with update=...),
                                only with ``allow_update``; else 403

Results as SPARQL JSON, XML, CSV or TSV (SELECT, ASK), Turtle, N-Triples, RDF/XML or JSON-LD
(CONSTRUCT, DESCRIBE), by the Accept header or a ``format``/``output`` parameter. A query that
runs longer than ``timeout`` seconds is answered 503 and stopped (at most ``workers`` queries run
at once); a result longer than ``max_rows`` is refused with 400 rather than cut short silently.
SERVICE (federated queries) is refused: the server must not fetch URLs for its clients.

A directory store is opened for each request, under its lock, and closed after it: builds and
loads into the same directory wait for requests in flight, not for the server to stop. Its
queries run in worker processes (``kg.serve.workers``): one past its time limit is killed.
"""

from __future__ import annotations

import html
import logging
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.query import sparql as kgquery
from kg.query.formats import GRAPH_TYPES, RESULT_TYPES, SHORT_NAMES, render
from kg.serve.page import PAGE
from kg.store.base import ResultLimitError, Store

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024 * 1024


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Options:
    allow_update: bool = False
    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 4
    graph_page: Path | None = None


# --- opening the store for each request ---------------------------------------------------------

StoreOpener = Callable[[bool], AbstractContextManager[Store]]


def shared_store(spec: str, *, graph_store: str | None = None, update_endpoint: str | None = None) -> StoreOpener:
    """One store for all requests: the memory and remote kinds (a remote server has time limits of its own)."""
    from kg.store import open_store

    shared = open_store(spec, graph_store=graph_store, update_endpoint=update_endpoint)
    writing = threading.Lock()

    @contextmanager
    def same(writable: bool) -> Iterator[Store]:
        if writable:
            with writing:
                yield shared
        else:
            yield shared

    return same


def negotiate(accept: str, graph: bool) -> str:
    """The media type to answer with, from an Accept header (q-values and wildcards honoured).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
    'application/sparql-results+xml'
    """
    offers = list(GRAPH_TYPES if graph else RESULT_TYPES)
    if not accept.strip():
        return offers[0]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *rest = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in rest:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in offers:
            return media
        if media.endswith("/*"):
            fitting = [o for o in offers if media == "*/*" or o.startswith(media[:-1])]
            if fitting:
                return fitting[0]
    raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: {', '.join(offers)}")


# --- the server ---------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        log.info("%s %s", self.address_string(), format % args)

    # --- plumbing
    def _send(self, status: HTTPStatus, body: bytes, content_type: str, *, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length else b""

    # --- verbs
    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        try:
            if url.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, self.server.page(), "text/html; charset=utf-8", head=head)
            elif url.path == "/graph.html" and self.server.options.graph_page is not None \
                    and self.server.options.graph_page.is_file():
                self._send(HTTPStatus.OK, self.server.options.graph_page.read_bytes(), "text/html; charset=utf-8",
                           head=head)
            elif url.path == "/sparql":
                if "update" in params:
                    raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED, "an update must be sent with POST")
                if "query" not in params:
                    self._send(HTTPStatus.OK, self.server.page(), "text/html; charset=utf-8", head=head)
                    return
                self._query(_one(params, "query"), params)
            else:
                raise HttpError(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")
        except HttpError as exc:
            self._error(exc.status, str(exc))

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        try:
            if url.path != "/sparql":
                raise HttpError(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}")
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if content_type == "application/sparql-query":
                self._query(body.decode("utf-8"), params)
            elif content_type == "application/sparql-update":
                self._update(body.decode("utf-8"), params)
            elif content_type == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
                merged = {**params, **form}
                if "update" in form:
                    self._update(_one(form, "update"), merged)
                elif "query" in form:
                    self._query(_one(form, "query"), merged)
                else:
                    raise HttpError(HTTPStatus.BAD_REQUEST, "the form has neither query= nor update=")
            else:
                raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                "send application/sparql-query, application/sparql-update or a form")
        except HttpError as exc:
            self._error(exc.status, str(exc))
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, "the request is not UTF-8")

    # --- SPARQL
    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        _check_dataset_params(params)
        if _has_service(text):
            raise HttpError(HTTPStatus.BAD_REQUEST, "SERVICE (federated query) is not allowed by kg serve")
        from kg.store.base import query_form

        graph = query_form(kgquery.with_prefixes(text)) in ("CONSTRUCT", "DESCRIBE")
        accept = self.headers.get("Accept") or ""
        for key in ("format", "output"):
            for value in params.get(key, []):
                media = SHORT_NAMES.get(value.lower(), value.lower())
                if media in (GRAPH_TYPES if graph else RESULT_TYPES):
                    accept = media
                    break
        media = negotiate(accept, graph)
        self._send(HTTPStatus.OK, self.server.answer(text, media), f"{media}; charset=utf-8")

    def _update(self, text: str, params: dict[str, list[str]]) -> None:
        if not self.server.options.allow_update:
            raise HttpError(HTTPStatus.FORBIDDEN, "updates are disabled: start kg serve with --allow-update")
        if "using-graph-uri" in params or "using-named-graph-uri" in params:
            raise HttpError(HTTPStatus.BAD_REQUEST, "using-graph-uri and using-named-graph-uri are not supported")
        if _has_service(text):
            raise HttpError(HTTPStatus.BAD_REQUEST, "SERVICE (federated query) is not allowed by kg serve")
        self.server.answer(text, None)
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")


def _one(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key, [])
    if len(values) != 1:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"give exactly one {key}")
    return values[0]


def _check_dataset_params(params: dict[str, list[str]]) -> None:
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise HttpError(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: "
                                                "use FROM or GRAPH in the query")


def _has_service(text: str) -> bool:
    from kg.store.base import keywords

    return re.search(r"\bSERVICE\b", keywords(text), re.IGNORECASE) is not None


class KgServer(ThreadingHTTPServer):
    """The HTTP server. A directory store is served by worker processes (``kg.serve.workers``), so
    that a query past its time limit is stopped; the memory and remote kinds by threads."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], spec: str, options: Options, *, lock_timeout: float = 30.0,
                 graph_store: str | None = None) -> None:
        from kg.store import MEMORY, is_remote

        super().__init__(address, Handler)
        self.options = options
        self.store_name = spec
        self.workers = None
        self.open_store: StoreOpener | None = None
        try:
            if spec == MEMORY or is_remote(spec):
                self.open_store = shared_store(spec, graph_store=graph_store)
            else:
                from kg.serve.workers import Workers

                self.workers = Workers(spec, count=options.workers, lock_timeout=lock_timeout)
        except BaseException:
            super().server_close()
            raise
        self._slots = threading.BoundedSemaphore(options.workers)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host if ':' not in str(host) else f'[{host}]'}:{port}/"

    def page(self) -> bytes:
        link = ('<a href="/graph.html">graph page</a>' if self.options.graph_page is not None
                and self.options.graph_page.is_file() else "")
        mode = "read-write" if self.options.allow_update else "read-only"
        return (PAGE.replace("{{store}}", html.escape(self.store_name)).replace("{{mode}}", mode)
                .replace("{{graph_link}}", link)).encode("utf-8")

    def answer(self, sparql: str, media: str | None) -> bytes:
        """A query's answer in ``media``, or (``media`` None) an update applied. HttpError otherwise."""
        if self.workers is not None:
            return self._by_worker(sparql, media)
        return self._by_thread(sparql, media)

    def _by_worker(self, sparql: str, media: str | None) -> bytes:
        import queue

        from kg.serve.workers import Job

        try:
            answer = self.workers.run(Job(sparql, media, self.options.max_rows), timeout=self.options.timeout,
                                      wait=max(self.options.timeout, 10.0))
        except queue.Empty:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"busy: {self.options.workers} queries are running (--workers)") from None
        if answer is None:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"the query ran over the time limit of {self.options.timeout:g} s and was stopped "
                            "(--timeout)")
        if answer.kind == "ok":
            return answer.body
        status = {"limit": HTTPStatus.BAD_REQUEST, "query": HTTPStatus.BAD_REQUEST}.get(
            answer.kind, HTTPStatus.INTERNAL_SERVER_ERROR)
        suffix = " (this server's limit, --max-rows)" if answer.kind == "limit" else ""
        raise HttpError(status, answer.message + suffix)

    def _by_thread(self, sparql: str, media: str | None) -> bytes:
        """Run the request in a daemon thread, within the time limit. A thread past its time is left
        to finish (rdflib and remote servers are not stopped from here)."""
        if not self._slots.acquire(blocking=False):
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"busy: {self.options.workers} queries are running (--workers)")
        outcome: dict[str, object] = {}
        done = threading.Event()

        def job() -> None:
            try:
                with self.open_store(media is None) as store:
                    if media is None:
                        store.update(sparql)
                        outcome["value"] = b""
                    else:
                        outcome["value"] = render(store.query(sparql, max_rows=self.options.max_rows), media)
            except ResultLimitError as exc:
                outcome["error"] = HttpError(HTTPStatus.BAD_REQUEST, f"{exc} (this server's limit, --max-rows)")
            except QueryError as exc:
                outcome["error"] = HttpError(HTTPStatus.BAD_REQUEST, str(exc))
            except KgError as exc:
                outcome["error"] = HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
            except Exception as exc:
                log.exception("kg serve: the query failed")
                outcome["error"] = HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {exc}")
            finally:
                self._slots.release()
                done.set()

        threading.Thread(target=job, name="kg-query", daemon=True).start()
        if not done.wait(self.options.timeout if media is not None else None):
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"the query ran over the time limit of {self.options.timeout:g} s (--timeout)")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["value"]  # type: ignore[return-value]

    def server_close(self) -> None:
        super().server_close()
        if self.workers is not None:
            self.workers.close()


def make_server(spec: str, *, host: str = "127.0.0.1", port: int = 8000, options: Options | None = None,
                lock_timeout: float = 30.0, graph_store: str | None = None) -> KgServer:
    """A server for the store ``spec`` (not yet serving: call ``serve_forever``). Port 0 picks a free one."""
    from kg.store import MEMORY, is_remote, open_store

    if spec != MEMORY and not is_remote(spec):
        open_store(spec, lock_timeout=lock_timeout).close()  # a missing or foreign store fails now, not per request
    return KgServer((host, port), spec, options or Options(), lock_timeout=lock_timeout, graph_store=graph_store)

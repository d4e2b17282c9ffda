"""kg serve: the SPARQL 1.1 Protocol over HTTP for a store, with a query page."""

from __future__ import annotations

import argparse
import sys

from kg.commands._store import add_store_options


def add_parser(sub) -> None:
    p = sub.add_parser(
        "serve", help="serve a store over the SPARQL 1.1 Protocol, with a query page",
        description="Serve a store over HTTP: the SPARQL 1.1 Protocol at /sparql (results as JSON, XML, CSV or "
                    "TSV by the Accept header), a query page at / that works offline, and the graph page at "
                    "/graph.html when one is beside the store. Read-only unless --allow-update; on loopback "
                    "(127.0.0.1) unless --host says otherwise.",
        epilog="examples:\n  kg serve                                  kg-out/store on http://127.0.0.1:8000/\n"
               "  kg serve --store /data/news-store --port 3030 --timeout 60",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0 picks a free one)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL Update requests")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="answer 503 to a query still running after this long (default: 30)")
    p.add_argument("--max-rows", type=int, default=100_000, metavar="N",
                   help="refuse results of more rows than this (default: 100000)")
    p.add_argument("--workers", type=int, default=4, metavar="N", help="queries run at once (default: 4)")
    add_store_options(p, writes=False)
    p.set_defaults(run=run)


def run(args) -> int:
    from kg.commands._store import store_ref
    from kg.serve.http import Options, make_server

    ref = store_ref(args)
    spec = ref.spec
    options = Options(allow_update=args.allow_update, timeout=args.timeout, max_rows=args.max_rows,
                      workers=args.workers, graph_page=ref.page_beside())
    server = make_server(spec, host=args.host, port=args.port, options=options, lock_timeout=args.lock_timeout,
                         graph_store=args.graph_store)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"kg: warning: listening on {args.host}: other machines can reach this server"
              + (" and change the store" if args.allow_update else ""), file=sys.stderr)
    mode = "read-write" if args.allow_update else "read-only"
    print(f"serving {spec} ({mode}) at {server.url}  (SPARQL endpoint {server.url}sparql); Ctrl-C stops",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0

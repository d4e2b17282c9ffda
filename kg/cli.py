"""The kg command line: thin, it parses arguments, calls the library and maps errors to exit codes.

Each subcommand lives in ``kg/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args)``.

Exit codes: 0 success; 1 some input could not be read (the rest was built); 2 bad usage, a bad
query or store; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM). Interrupted or terminated,
kg unwinds as from an error: temporary files are removed and stores closed.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import signal
import sys
import threading

from kg.errors import KgError, one_line

EPILOG = """examples:
  kg build examples/                       articles into the store kg-out/store, the page kg-out/graph.html
  kg query examples/queries/posts.rq       a question to kg-out/store (--store DIR|URL for another)
  kg stats                                 who matters, which groups, which events (kg viz, export, validate too)
  kg build examples/ -o graph.ttl          the graph of these articles as one RDF file
  kg query graph.ttl examples/queries/posts.rq

from Python:  import kg; g = kg.build(["examples/"]); g.query("examples/queries/posts.rq").to_dataframe()
"""


def parser() -> argparse.ArgumentParser:
    import kg.commands

    top = argparse.ArgumentParser(
        prog="kg",
        description="Turn English news articles into a knowledge graph of actors, places and CAMEO-coded "
                    "events, in RDF you can query with SPARQL and explore in your browser.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kg.commands.{info.name}")
        if hasattr(module, "add_parser"):
            module.add_parser(sub)
    return top


class Terminated(BaseException):
    """SIGTERM (``kill``), raised in the main thread so that what is half-written is cleaned up."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="kg: %(levelname)s: %(message)s")
    if not getattr(args, "run", None):
        parser().print_help()
        return 2
    in_main = threading.current_thread() is threading.main_thread()  # only it may set signal handlers
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main else None
    try:
        return int(args.run(args) or 0)
    except KgError as exc:
        if args.debug:
            raise
        print(f"kg: error: {one_line(str(exc))}", file=sys.stderr)
        for line in getattr(exc, "context", ()):  # where in a query: its line, and a caret under the column
            print(one_line(line), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("kg: terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except (OSError, ValueError) as exc:
        if args.debug:
            raise
        print(f"kg: error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())

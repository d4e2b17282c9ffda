"""The kg command line: thin, it parses arguments, calls the library and maps errors to exit codes.

Each subcommand lives in ``kg/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args)``.

Exit codes: 0 success; 1 some input could not be read (the rest was built); 2 bad usage, a bad
query or store; 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from kg.errors import KgError

EPILOG = """examples:
  kg build examples/ -o graph.ttl          articles to RDF (and graph.html beside it without -o)
  kg query graph.ttl examples/queries/posts.rq
  kg viz graph.ttl -o graph.html
  kg validate graph.ttl
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


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="kg: %(levelname)s: %(message)s")
    if not getattr(args, "run", None):
        parser().print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KgError as exc:
        if args.debug:
            raise
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except (OSError, ValueError) as exc:
        if args.debug:
            raise
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

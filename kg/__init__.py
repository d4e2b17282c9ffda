"""kg: English news to a knowledge graph of actors, places and CAMEO-coded events, in RDF.

    import kg
    g = kg.build(["examples/articles"])          # or kg.open("kg-out/store")
    g.query("examples/queries/convoy-strike.rq").to_dataframe()
    g.page("graph.html")

The API (``build``, ``open``, ``Graph``, ``Rows``) lives in ``kg.api`` and is imported when first
used: ``import kg`` stays light (no spaCy, rdflib, networkx or pyshacl).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Graph", "Rows", "__version__", "build", "open"]
_API = frozenset({"Graph", "Rows", "build", "open"})

if TYPE_CHECKING:
    from kg.api import Graph, Rows, build, open


def __getattr__(name: str):
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})

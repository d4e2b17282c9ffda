"""What kg reads besides the text: the gazetteer, the CAMEO lexicon, name rules, and the ontology.

The tables are in ``kg/resources/data/``; the ontology (``kg.ttl``, ``cameo.ttl``, ``shapes.ttl``) is the
project's top-level ``ontology/`` folder, shipped inside the package as ``kg/resources/ontology``.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ONTOLOGY = Path(__file__).resolve().parent / "ontology"


def ontology_dir() -> Path:
    """The folder of kg's ontology files; ``FileNotFoundError`` when the install lacks them."""
    if not (ONTOLOGY / "kg.ttl").exists():
        raise FileNotFoundError(f"the kg ontology ({ONTOLOGY}/kg.ttl) is not installed")
    return ONTOLOGY

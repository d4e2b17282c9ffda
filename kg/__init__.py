"""kg: English news to a knowledge graph of actors, places and CAMEO-coded events, in RDF."""

__version__ = "0.1.0"

"""SPARQL in, rows out, and the SPARQL 1.1 result formats."""

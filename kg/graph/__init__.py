"""RDF: the vocabulary (the one place that spells IRIs), records to triples, SHACL validation."""

"""SPARQL results as the media types of the SPARQL 1.1 Protocol: JSON, XML, CSV, TSV, and RDF for graphs."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _escape

from rdflib import BNode, Literal, URIRef

from kg.query.sparql import Rows, to_csv, to_json, to_tsv

RESULT_TYPES = {  # SELECT and ASK
    "application/sparql-results+json": ("json", to_json),
    "application/json": ("json", to_json),
    "application/sparql-results+xml": ("xml", None),
    "application/xml": ("xml", None),
    "text/csv": ("csv", to_csv),
    "text/tab-separated-values": ("tsv", to_tsv),
}
GRAPH_TYPES = {  # CONSTRUCT and DESCRIBE: media type -> rdflib format
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
               "json-ld": "application/ld+json"}


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Text as XML 1.0 character data: markup escaped, and characters XML cannot hold at all (C0
    controls other than tab and line breaks, a terminal escape in a quoted sentence) as U+FFFD."""
    return _escape(_NOT_XML.sub("\ufffd", text))


def to_xml(rows: Rows) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if rows.boolean is not None:
        out.append(f"</head>\n<boolean>{str(rows.boolean).lower()}</boolean>\n</sparql>\n")
        return "\n".join(out)
    out += [f'<variable name="{escape(v)}"/>' for v in rows.variables]
    out.append("</head>\n<results>")
    for row in rows.terms:
        out.append("<result>")
        for name, term in zip(rows.variables, row, strict=True):
            if term is not None:
                out.append(f'<binding name="{escape(name)}">{_xml_term(term)}</binding>')
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out)


def _xml_term(term: object) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    if isinstance(term, Literal) and term.language:
        return f'<literal xml:lang="{escape(term.language)}">{escape(str(term))}</literal>'
    if isinstance(term, Literal) and term.datatype:
        return f'<literal datatype="{escape(str(term.datatype))}">{escape(str(term))}</literal>'
    return f"<literal>{escape(str(term))}</literal>"


def render(rows: Rows, media: str) -> bytes:
    if rows.graph is not None:
        data = rows.graph.serialize(format=GRAPH_TYPES[media])
        return data.encode("utf-8") if isinstance(data, str) else data
    name, fn = RESULT_TYPES[media]
    return (to_xml(rows) if name == "xml" else fn(rows)).encode("utf-8")

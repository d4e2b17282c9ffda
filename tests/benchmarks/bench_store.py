"""Benchmark: kg's Oxigraph store against rdflib's in-memory graph, on a synthetic news graph.

Run by hand (pytest does not collect tests/benchmarks):

    .venv/bin/python tests/benchmarks/bench_store.py                 # 1,000,000 triples
    .venv/bin/python tests/benchmarks/bench_store.py --triples 200000 --repeat 3

It writes one N-Quads dump shaped like ``kg build`` output (one named graph per document; actors,
places and widely reported events shared by many documents; events typed by CAMEO root with
sem:eventType, kg:source, kg:target, sem:hasPlace, sem:hasTimeStamp; mentions with provenance),
then, side by side in one run:

- bulk load: ``kg load`` into a new Oxigraph store directory (the store keeps the union of the
  documents' graphs as its default graph), and rdflib's ``Dataset.parse`` in memory; for
  reference, Oxigraph's bulk loader on the same quads without the union (in one call, and in
  chunks on every core as ``kg load`` writes), and both engines on the union alone as one plain
  graph of triples;
- a fixed mix of analyst queries (counts by CAMEO root and country, who-accused-whom joins,
  date-range filters, 2-hop neighbourhoods), each run ``--repeat`` times (fewer when its runs
  have taken two minutes), median kept, on both.

Both engines must give the same answers: the script checks the row counts before it reports.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.graph.vocab import KG, ROOTS, SDO, SEM, STATUS, cameo, resource

# --- the synthetic news graph -------------------------------------------------------------------

COUNTRIES = ["RU", "UA", "GB", "US", "SY", "TR", "IR", "IQ", "FR", "DE", "CN", "IL", "SA", "EG", "PL",
             "BY", "GE", "AZ", "AM", "KZ", "IN", "PK", "AF", "LY", "YE", "LB", "JO", "QA", "AE", "NG"]
ROOT_WEIGHTS = {"01": 9, "02": 4, "03": 4, "04": 10, "05": 4, "06": 2, "07": 3, "08": 1, "09": 1, "10": 3,
                "11": 8, "12": 3, "13": 2, "14": 3, "15": 2, "16": 2, "17": 3, "18": 4, "19": 6, "20": 1}
START = date(2016, 1, 1)
DAYS = 3 * 365


def nt(term: object) -> str:
    return f"<{term}>"


def lit(value: str, datatype: object | None = None) -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'


class Generator:
    """Writes N-Quads, one named graph per document, as kg.graph.rdf.GraphWriter would."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.people = [(resource(f"person:p{i}"), f"Person {i} Surname{i % 997}") for i in range(6000)]
        self.orgs = [(resource(f"org:o{i}"), f"Organisation {i}") for i in range(1200)]
        self.countries = [(resource(f"country:{c}"), f"Country {c}") for c in COUNTRIES]
        self.places = [(resource(f"place:{100000 + i}"), f"Town {i}") for i in range(2500)]
        self.roots = list(ROOT_WEIGHTS)
        self.root_weights = list(ROOT_WEIGHTS.values())
        self.shared_events: list[tuple] = []  # widely reported events, mentioned again by later documents

    def actor(self):
        r = self.rng.random()
        pool, cls = ((self.countries, SDO.Country) if r < 0.35 else (self.people, SDO.Person) if r < 0.75
                     else (self.orgs, SDO.Organization))
        # popularity: a few actors are in most stories
        node, label = pool[min(int(self.rng.paretovariate(1.2)) - 1, len(pool) - 1) if self.rng.random() < 0.6
                           else self.rng.randrange(len(pool))]
        return node, label, cls

    def place(self):
        if self.rng.random() < 0.4:
            node, label = self.rng.choice(self.countries)
            return node, label, SDO.Country
        node, label = self.places[min(int(self.rng.paretovariate(1.1)) - 1, len(self.places) - 1)]
        return node, label, SDO.City

    def document(self, d: int) -> list[str]:
        g = f"<{resource(f'doc:{d:08d}')}>"
        doc = resource(f"doc:{d:08d}")
        day = START + timedelta(days=self.rng.randrange(DAYS))
        out: list[str] = []

        def add(s: str, p: object, o: str) -> None:
            out.append(f"{s} {nt(p)} {o} {g} .\n")

        def mention(n: int) -> str:
            m = nt(resource(f"mention:{d:08d}-{n}"))
            add(m, RDF.type, nt(KG.Mention))
            add(m, PROV.value, lit(f"Sentence {n} of document {d}, which says what happened and who said so."))
            add(m, KG.start, lit(str(n * 120), XSD.integer))
            add(m, KG.end, lit(str(n * 120 + 110), XSD.integer))
            add(m, DCTERMS.isPartOf, nt(doc))
            return m

        add(nt(doc), RDF.type, nt(KG.Document))
        add(nt(doc), DCTERMS.identifier, lit(f"https://news.example/{d}"))
        add(nt(doc), DCTERMS.title, lit(f"Report number {d}"))
        add(nt(doc), DCTERMS.date, lit(day.isoformat(), XSD.date))
        add(nt(doc), KG.sha1, lit(f"{self.rng.getrandbits(160):040x}"))
        n = 0
        seen: set[str] = set()

        def entity(node, label, cls) -> None:
            nonlocal n
            add(nt(node), RDF.type, nt(cls))
            add(nt(node), RDFS.label, lit(label))
            if cls == SDO.Person and str(node) not in seen:
                add(nt(node), SKOS.altLabel, lit(label.split()[-1]))
            seen.add(str(node))
            add(nt(node), PROV.wasDerivedFrom, mention(n))
            n += 1

        for e in range(self.rng.randint(9, 15)):
            if self.shared_events and self.rng.random() < 0.15:
                node, root, code, src, tgt, plc, when = self.rng.choice(self.shared_events)
            else:
                root = self.rng.choices(self.roots, self.root_weights)[0]
                code = root + (str(self.rng.randint(0, 9)) if self.rng.random() < 0.6 else "")
                node = resource(f"event:{d:08d}-{e}")
                src, tgt, plc = self.actor(), self.actor(), self.place()
                when = day - timedelta(days=self.rng.randrange(4))
                if self.rng.random() < 0.05:
                    self.shared_events.append((node, root, code, src, tgt, plc, when))
            cls, link = ROOTS[root]
            add(nt(node), RDF.type, nt(cls))
            add(nt(node), RDFS.label, lit(f"event {code} at {plc[1]}"))
            add(nt(node), SEM.eventType, nt(cameo(code)))
            add(nt(node), KG.source, nt(src[0]))
            add(nt(node), KG.target, nt(tgt[0]))
            if src[0] != tgt[0]:
                add(nt(src[0]), link, nt(tgt[0]))
            add(nt(node), SEM.hasPlace, nt(plc[0]))
            add(nt(node), SEM.hasTimeStamp, lit(when.isoformat(), XSD.date))
            add(nt(node), KG.status, nt(STATUS["asserted" if self.rng.random() < 0.8 else "reported"]))
            add(nt(node), PROV.wasDerivedFrom, mention(n))
            n += 1
            for actor in (src, tgt, plc):
                entity(*actor)
        return out

    def write(self, path: Path, triples: int) -> tuple[int, int]:
        """Write documents until at least ``triples`` quads. Returns (quads, documents)."""
        quads = docs = 0
        with open(path, "w", encoding="utf-8") as handle:
            while quads < triples:
                lines = self.document(docs)
                handle.writelines(lines)
                quads += len(lines)
                docs += 1
        return quads, docs


# --- the query mix --------------------------------------------------------------------------------

SYRIA, PERSON = resource("country:SY"), resource("person:p7")  # a central country, a person of middling fame
LINK_PATH = "|".join(f"<{link}>" for _, link in ROOTS.values())  # kg:accused|kg:attacked|...

MIX = {
    "events by CAMEO root and country": """
SELECT ?class ?country (COUNT(DISTINCT ?event) AS ?events)
WHERE { ?event a ?class ; sem:eventType ?code ; sem:hasPlace ?country . ?country a schema:Country . }
GROUP BY ?class ?country ORDER BY DESC(?events) ?class ?country""",
    "events by CAMEO root and month": """
SELECT ?class ?month (COUNT(DISTINCT ?event) AS ?events)
WHERE { ?event a ?class ; sem:eventType ?code ; sem:hasTimeStamp ?date . BIND(SUBSTR(STR(?date), 1, 7) AS ?month) }
GROUP BY ?class ?month ORDER BY ?class ?month""",
    "who accused whom (countries)": """
SELECT ?accuser ?accused
WHERE { ?a kg:accused ?b . ?a a schema:Country ; rdfs:label ?accuser .
        ?b a schema:Country ; rdfs:label ?accused . }
ORDER BY ?accuser ?accused""",
    "who accused whom, through events": """
SELECT ?accuser ?accused (COUNT(DISTINCT ?event) AS ?n)
WHERE { ?event a kg:Disapproval ; kg:source ?a ; kg:target ?b . ?a rdfs:label ?accuser . ?b rdfs:label ?accused . }
GROUP BY ?accuser ?accused ORDER BY DESC(?n) ?accuser ?accused LIMIT 50""",
    "date range: events of March 2017, with place": """
SELECT ?event ?date ?place
WHERE { ?event sem:hasTimeStamp ?date ; sem:hasPlace ?p . ?p rdfs:label ?place .
        FILTER(?date >= "2017-03-01"^^xsd:date && ?date < "2017-04-01"^^xsd:date) }
ORDER BY ?date ?event ?place""",
    "date range: documents of one week": """
SELECT ?doc ?title
WHERE { ?doc a kg:Document ; dcterms:date ?d ; dcterms:title ?title .
        FILTER(?d >= "2016-06-01"^^xsd:date && ?d <= "2016-06-07"^^xsd:date) }
ORDER BY ?doc""",
    # the first hop made DISTINCT before the second: how one keeps a breadth-first search small in SPARQL
    "2-hop neighbourhood of a person, through events": f"""
SELECT DISTINCT ?n2
WHERE {{ {{ SELECT DISTINCT ?n1 WHERE {{ ?e1 kg:source|kg:target <{PERSON}> ; kg:source|kg:target ?n1 . }} }}
        ?e2 kg:source|kg:target ?n1 ; kg:source|kg:target ?n2 . }}
ORDER BY ?n2""",
    "2-hop neighbourhood of Syria, actor to actor": f"""
SELECT DISTINCT ?n2 ?label
WHERE {{ <{SYRIA}> ({LINK_PATH})/({LINK_PATH}) ?n2 . ?n2 rdfs:label ?label . }}
ORDER BY ?n2 ?label""",
}


def run_mix(engine: str, query, repeat: int, budget: float = 120.0) -> dict[str, tuple[float, int]]:
    """name -> (median seconds, rows). A query is run ``repeat`` times, or fewer (at least once)
    when its runs have taken ``budget`` seconds already."""
    out = {}
    for name, sparql in MIX.items():
        times, rows = [], 0
        while len(times) < repeat and (not times or sum(times) < budget):
            started = time.perf_counter()
            rows = query(sparql)
            times.append(time.perf_counter() - started)
        out[name] = (statistics.median(times), rows)
        print(f"{engine}: {name}: {out[name][0]:.3f} s, {rows} rows", file=sys.stderr, flush=True)
    return out


# --- main -----------------------------------------------------------------------------------------

def time_oxigraph(folder: Path, load) -> float:
    """Seconds to ``load`` a new Oxigraph database in ``folder`` and flush it to disk."""
    import pyoxigraph

    started = time.perf_counter()
    store = pyoxigraph.Store(str(folder))
    load(store)
    store.flush()
    return time.perf_counter() - started

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query (the median is kept)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to write the dump and the store")
    args = ap.parse_args(argv)

    import pyoxigraph
    from rdflib import Dataset, Graph

    from kg.query.sparql import run as rdflib_query
    from kg.store.oxigraph import OxigraphStore, bulk_write

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    dump = work / "news.nq"
    started = time.perf_counter()
    quads, docs = Generator().write(dump, args.triples)
    print(f"generated {quads:,} quads in {docs:,} document graphs ({dump.stat().st_size / 1e6:.0f} MB) "
          f"in {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    store = OxigraphStore(work / "store", writable=True, create=True)
    store.load(dump)
    ox_load = time.perf_counter() - started
    print(f"oxigraph: loaded in {ox_load:.2f} s ({store.count():,} quads; their union is the default graph)",
          flush=True)

    def one_call(store):
        store.bulk_load(path=str(dump), format=pyoxigraph.RdfFormat.N_QUADS)

    def in_chunks(store):
        bulk_write(store, pyoxigraph.parse(path=str(dump), format=pyoxigraph.RdfFormat.N_QUADS), union=False)
        store.optimize()

    bare_load = time_oxigraph(work / "bare", one_call)
    print(f"oxigraph: the same quads alone, without the union, one call of the bulk loader: {bare_load:.2f} s",
          flush=True)
    bare_chunks = time_oxigraph(work / "bare-chunks", in_chunks)
    print(f"oxigraph: the same quads alone, in chunks on every core, as kg load writes: {bare_chunks:.2f} s",
          flush=True)

    started = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(dump), format="nquads")
    rdflib_load = time.perf_counter() - started
    print(f"rdflib:   loaded in {rdflib_load:.2f} s", flush=True)

    ox_mix = run_mix("oxigraph", lambda q: len(store.query(q).rows), args.repeat)
    rdflib_mix = run_mix("rdflib", lambda q: len(rdflib_query(ds, q).rows), args.repeat)
    ds = None  # frees rdflib's memory before the next loads

    # for reference: the union alone as one plain graph of triples, no named graphs, in both
    union = work / "union.nt"
    store.dump(union)
    store.close()
    with open(union, encoding="utf-8") as lines:
        triples = sum(1 for _ in lines)
    plain_ox = time_oxigraph(work / "plain",
                             lambda store: store.bulk_load(path=str(union), format=pyoxigraph.RdfFormat.N_TRIPLES))
    started = time.perf_counter()
    Graph().parse(str(union), format="nt")
    plain_rdflib = time.perf_counter() - started

    mismatched = [n for n in MIX if ox_mix[n][1] != rdflib_mix[n][1]]
    notes = {"one": "  (named graphs only, no union: one bulk load)",
             "chunks": "  (named graphs only, no union: chunks on every core)",
             "plain": f"  (the union alone, {triples:,} triples, one graph)"}
    width = max(len(n) for n in [*MIX, *notes.values()])
    print(f"\n{'':{width}}  {'oxigraph':>10}  {'rdflib':>10}  {'ratio':>7}  rows")
    print(f"{'bulk load':{width}}  {ox_load:>9.2f}s  {rdflib_load:>9.2f}s  {rdflib_load / ox_load:>6.1f}x")
    print(f"{notes['one']:{width}}  {bare_load:>9.2f}s  {'':>10}  "
          f"{rdflib_load / bare_load:>6.1f}x")
    print(f"{notes['chunks']:{width}}  {bare_chunks:>9.2f}s  {'':>10}  "
          f"{rdflib_load / bare_chunks:>6.1f}x")
    print(f"{notes['plain']:{width}}  {plain_ox:>9.2f}s  "
          f"{plain_rdflib:>9.2f}s  {plain_rdflib / plain_ox:>6.1f}x")
    for name in MIX:
        (o, rows), (r, _) = ox_mix[name], rdflib_mix[name]
        print(f"{name:{width}}  {o:>9.3f}s  {r:>9.3f}s  {r / o:>6.1f}x  {rows}")
    ox_total = sum(t for t, _ in ox_mix.values())
    rdflib_total = sum(t for t, _ in rdflib_mix.values())
    print(f"{'query mix (sum of medians)':{width}}  {ox_total:>9.3f}s  {rdflib_total:>9.3f}s  "
          f"{rdflib_total / ox_total:>6.1f}x")
    geomean = statistics.geometric_mean([rdflib_mix[n][0] / ox_mix[n][0] for n in MIX])
    print(f"{'geometric mean of the query ratios':{width}}  {'':>10}  {'':>10}  {geomean:>6.1f}x")
    print(f"\nratios: load {rdflib_load / ox_load:.1f}x (target 5x), query mix {rdflib_total / ox_total:.1f}x "
          f"(target 10x); {quads:,} quads, {docs:,} documents, median of {args.repeat} runs")
    if mismatched:
        print(f"ANSWERS DIFFER for: {', '.join(mismatched)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

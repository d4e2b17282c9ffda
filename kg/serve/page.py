"""The query page of kg serve: one self-contained HTML file, no request leaves the machine."""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kg: SPARQL</title>
<link rel="icon" href="data:,">
<style>
 body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
 header { display: flex; gap: 1em; align-items: baseline; flex-wrap: wrap; }
 h1 { font-size: 1.3em; margin: 0; }
 .muted { color: #666; }
 textarea { width: 100%; height: 14em; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
 table { border-collapse: collapse; margin-top: 1em; }
 th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
 th { background: #f3f3f3; }
 pre { background: #f7f7f7; padding: 0.5em; overflow: auto; }
 #error { color: #a00; white-space: pre-wrap; }
 button { font-size: 1em; padding: 0.3em 1em; }
</style>
</head>
<body>
<header>
 <h1>kg: SPARQL</h1>
 <span class="muted">{{store}} ({{mode}})</span>
 {{graph_link}}
</header>
<p class="muted">The default graph is the union of the documents' graphs; kg's prefixes (kg, kgr, cameo,
schema, sem, org, prov, skos, dcterms, rdfs, xsd) are declared for you. The endpoint is <code>/sparql</code>.</p>
<p>
 <label for="examples">Examples:</label>
 <select id="examples"></select>
</p>
<textarea id="query" spellcheck="false"></textarea>
<p><button id="run">Run</button> <span class="muted">Ctrl+Enter</span> <span id="status" class="muted"></span></p>
<div id="error"></div>
<div id="results"></div>
<script>
"use strict";
const EXAMPLES = {
 "Events by CAMEO root class": `SELECT ?class (COUNT(DISTINCT ?event) AS ?events)
WHERE { ?event sem:eventType ?code ; a ?class . FILTER(STRSTARTS(STR(?class), STR(kg:))) }
GROUP BY ?class ORDER BY DESC(?events)`,
 "Who accused whom": `SELECT ?accuser ?accused
WHERE { ?a kg:accused ?b . ?a rdfs:label ?accuser . ?b rdfs:label ?accused }
ORDER BY ?accuser`,
 "People and their posts": `SELECT ?name ?title
WHERE { ?person a schema:Person ; rdfs:label ?name . OPTIONAL { ?person schema:jobTitle ?title } }
ORDER BY ?name`,
 "Events with a date": `SELECT ?date ?label ?code
WHERE { ?event sem:hasTimeStamp ?date ; rdfs:label ?label ; sem:eventType ?code }
ORDER BY ?date LIMIT 100`,
 "Documents": `SELECT ?doc ?title ?date
WHERE { ?doc a kg:Document . OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:date ?date } }
ORDER BY DESC(?date)`,
};
const PREFIXES = {
 "https://w3id.org/kg/ontology#": "kg:", "https://w3id.org/kg/id/": "kgr:", "https://w3id.org/kg/cameo/": "cameo:",
 "https://schema.org/": "schema:", "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:",
 "http://www.w3.org/ns/org#": "org:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
 "http://www.w3.org/2001/XMLSchema#": "xsd:",
};
const $ = (id) => document.getElementById(id);
function short(value) {
 for (const [ns, p] of Object.entries(PREFIXES)) if (value.startsWith(ns)) return p + value.slice(ns.length);
 return value;
}
function cell(term) {
 const td = document.createElement("td");
 if (term) td.textContent = term.type === "uri" ? short(term.value) : term.value;
 if (term && term.type === "uri") td.title = term.value;
 return td;
}
function table(data) {
 const t = document.createElement("table");
 const head = t.insertRow();
 if ("boolean" in data) { head.appendChild(cell({type: "literal", value: String(data.boolean)})); return t; }
 for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
 for (const b of data.results.bindings) {
  const tr = t.insertRow();
  for (const v of data.head.vars) tr.appendChild(cell(b[v]));
 }
 return t;
}
async function run() {
 $("error").textContent = ""; $("results").textContent = ""; $("status").textContent = "running\\u2026";
 const started = performance.now();
 try {
  const response = await fetch("/sparql", {
   method: "POST",
   headers: {"Content-Type": "application/x-www-form-urlencoded",
             "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
   body: new URLSearchParams({query: $("query").value}),
  });
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  if (!response.ok) {
   $("error").textContent = text; $("status").textContent = `HTTP ${response.status}, ${ms} ms`; return;
  }
  if ((response.headers.get("Content-Type") || "").includes("json")) {
   const data = JSON.parse(text);
   $("results").appendChild(table(data));
   const n = "boolean" in data ? 1 : data.results.bindings.length;
   $("status").textContent = `${n} row${n === 1 ? "" : "s"}, ${ms} ms`;
  } else {
   const pre = document.createElement("pre"); pre.textContent = text; $("results").appendChild(pre);
   $("status").textContent = `${ms} ms`;
  }
 } catch (e) { $("error").textContent = String(e); $("status").textContent = ""; }
}
for (const name of Object.keys(EXAMPLES)) {
 const o = document.createElement("option"); o.textContent = name; $("examples").appendChild(o);
}
$("examples").addEventListener("change", () => { $("query").value = EXAMPLES[$("examples").value]; });
$("query").value = EXAMPLES[Object.keys(EXAMPLES)[0]];
$("run").addEventListener("click", run);
$("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body>
</html>
"""

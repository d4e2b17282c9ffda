"""kg's modules import one way: no import circles, no stage reaching up a floor, every module importable on
its own; and the light entry points (``import kg``, ``kg --help``, ``kg query``, ``kg stats``) do not
import spaCy, networkx or pyshacl unless the command needs them."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"

# the floors, lowest first: a module may import from its own floor and those below it
FLOORS = [
    ["kg.model", "kg.errors", "kg.files", "kg.ids"],
    ["kg.ingest"], ["kg.resources"], ["kg.nlp"], ["kg.extract"], ["kg.resolve"], ["kg.graph"], ["kg.query"],
    ["kg.store"], ["kg.pipeline"], ["kg.viz"], ["kg.serve"], ["kg.commands"], ["kg.cli", "kg.__main__"],
    ["kg.api", "kg"],
]
HEAVY = ("spacy", "networkx", "pyshacl")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def floor(module: str) -> int:
    for level, names in enumerate(FLOORS):
        if any(module == n or module.startswith(n + ".") for n in names if n != "kg") or module in names:
            return level
    raise AssertionError(f"{module}: on no floor of FLOORS; add its folder there")


def imports(module: str) -> set[str]:
    """The kg modules ``module`` imports anywhere in its code (in functions too), by its syntax tree."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:  # "kg.graph.rdf.format_for" -> "kg.graph.rdf"
                target = target.rpartition(".")[0]
            if target.startswith("kg") and target != module:
                found.add(target)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_the_walk_sees_every_floor():
    assert {floor(m) for m in MODULES} == set(range(len(FLOORS)))
    assert GRAPH["kg.cli"] >= {"kg.errors"} and "kg.pipeline.store" in GRAPH["kg.api"]


def test_no_module_imports_from_a_floor_above_it():
    upward = sorted(f"{m} (floor {floor(m)}) imports {t} (floor {floor(t)})"
                    for m, targets in GRAPH.items() for t in targets if floor(t) > floor(m))
    assert upward == []


def test_no_import_circles():
    """Tarjan's strongly connected components of the import graph: every one a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert circles == []


def test_every_module_imports_on_its_own():
    """Each module imported first in an interpreter that has imported no other kg module (a child
    forked from one that imported only the third-party libraries, so that the check is quick)."""
    names = sorted(m for m in MODULES if m not in ("kg", "kg.__main__"))
    script = textwrap.dedent("""
        import importlib, json, os, sys, traceback
        import networkx, pyoxigraph, pyshacl, rdflib, rdflib.plugins.sparql, spacy  # third parties, once
        assert not [m for m in sys.modules if m == "kg" or m.startswith("kg.")]
        failed = {}
        for name in json.loads(sys.argv[1]):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                try:
                    importlib.import_module(name)
                    code = 0
                except BaseException:
                    os.write(write, traceback.format_exc().encode())
                    code = 1
                os._exit(code)
            os.close(write)
            with os.fdopen(read, "rb") as pipe:
                message = pipe.read().decode()
            if os.waitpid(pid, 0)[1] != 0:
                failed[name] = message or "exited abnormally"
        print(json.dumps(failed))
    """)
    result = subprocess.run([sys.executable, "-c", script, json.dumps(names)], capture_output=True, text=True,
                            cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {}


# --- what the light entry points import ----------------------------------------------------------

def modules_after(code: str, cwd: Path = ROOT) -> set[str]:
    """The top-level packages in sys.modules after ``code`` runs in a fresh interpreter."""
    script = code + "\nimport sys\nprint('\\nMODULES ' + ' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.rsplit("MODULES ", 1)[1].split())


def run_cli(*args: str) -> str:
    return (f"from kg.cli import main\ntry:\n    code = main({list(args)!r})\nexcept SystemExit as exc:\n"
            "    code = exc.code\nassert code in (0, None), code\n")


def test_import_kg_imports_nothing_heavy():
    loaded = modules_after("import kg, kg.cli")
    assert not loaded & {*HEAVY, "rdflib", "pyoxigraph"}


def test_kg_help_imports_nothing_heavy():
    assert not modules_after(run_cli("--help")) & {*HEAVY, "rdflib", "pyoxigraph"}
    assert not modules_after(run_cli("build", "--help")) & set(HEAVY)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    """A store loaded from a few quads written by hand: no model needed."""
    folder = tmp_path_factory.mktemp("small")
    (folder / "g.nq").write_text(
        '<https://w3id.org/kg/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "Boris Johnson" '
        '<https://w3id.org/kg/id/doc/1> .\n'
        '<https://w3id.org/kg/id/person/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        '<https://schema.org/Person> <https://w3id.org/kg/id/doc/1> .\n')
    subprocess.run([sys.executable, "-m", "kg", "load", str(folder / "g.nq"), "--store", str(folder / "store"), "-q"],
                   check=True, cwd=ROOT, timeout=120)
    return folder / "store"


def test_query_and_stats_on_a_store_import_only_what_they_need(small_store):
    query = modules_after(run_cli("query", "--store", str(small_store), "SELECT ?n WHERE { ?p rdfs:label ?n }"))
    assert "pyoxigraph" in query and not query & set(HEAVY)
    stats = modules_after(run_cli("stats", "--store", str(small_store)))
    assert "networkx" in stats and not stats & {"spacy", "pyshacl"}

"""A wheel of kg works where the checkout is not: built with pip, installed into a new virtual environment
outside the checkout, it builds examples/ into a store, queries it, validates it and draws the page,
run from a temporary working directory.

To save time and network, the new environment reaches kg's dependencies through a .pth file naming
this environment's site-packages (added after kg is installed, and read as a plain path: the
editable install of this checkout, itself a .pth, is not activated there); kg comes from the wheel
alone, which the test checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ARTICLES, QUERIES, ROOT

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """``pip wheel --no-deps`` of a copy of the checkout's sources (so that the build leaves nothing in it)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "ontology", src / "ontology")
    shutil.copytree(ROOT / "kg", src / "kg", symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", dist, src, cwd=src)
    (found,) = dist.glob("kg-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with the wheel installed, outside the checkout."""
    home = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", "--without-pip", home, cwd=home.parent)
    run(sys.executable, "-m", "pip", "--python", home / "bin" / "python", "install", "--no-deps", "--no-index",
        wheel, cwd=home.parent)
    purelib = run(home / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                  cwd=home.parent).stdout.strip()
    (Path(purelib) / "kg-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return home


@pytest.fixture
def env() -> dict:
    out = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    out["PATH"] = os.pathsep.join(p for p in out.get("PATH", "").split(os.pathsep) if not p.startswith(str(ROOT)))
    return out


def test_the_wheel_carries_the_ontology_and_the_page_assets(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/py.typed", "kg/resources/ontology/kg.ttl", "kg/resources/ontology/cameo.ttl",
                   "kg/resources/ontology/shapes.ttl", "kg/viz/assets/page.js", "kg/api.py"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("tests/", "examples/"))]


def test_kg_from_the_wheel_builds_queries_and_draws(venv, tmp_path, env):
    work = tmp_path / "work"
    shutil.copytree(ARTICLES, work / "articles")
    shutil.copytree(QUERIES, work / "queries")
    python, kg = venv / "bin" / "python", venv / "bin" / "kg"

    where = run(python, "-c", "import kg, kg.resources; print(kg.__file__); print(kg.resources.ontology_dir())",
                cwd=work, env=env).stdout.split()
    assert all(Path(p).resolve().is_relative_to(venv.resolve()) for p in where), where
    assert not any(Path(p).resolve().is_relative_to(ROOT) for p in where)

    run(kg, "build", "articles", "-j", "1", "-q", cwd=work, env=env)
    assert (work / "kg-out" / "store").is_dir() and (work / "kg-out" / "graph.html").is_file()
    rows = run(kg, "query", "queries/convoy-strike.rq", "--format", "csv", cwd=work, env=env).stdout.splitlines()
    # "near Aleppo in September"; "two days after the bombing" of 21 September; "20 aid workers and one civilian"
    assert [line.split(",")[2:5] for line in rows[1:]] == [["Aleppo", "2016-09-19", "21"]]
    assert "conforms" in run(kg, "validate", cwd=work, env=env).stdout
    run(kg, "viz", "-o", "page.html", cwd=work, env=env)
    page = (work / "page.html").read_text(encoding="utf-8")
    assert "Aleppo" in page and "Content-Security-Policy" in page

    api = ("import kg\ng = kg.open('kg-out/store')\n"
           "print(sorted(set(r[0] for r in g.query('SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n }'))))")
    assert "Sergey Lavrov" in run(python, "-c", api, cwd=work, env=env).stdout

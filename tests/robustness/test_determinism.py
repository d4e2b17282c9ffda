"""The same articles give the same graph with the same IRIs, whatever the files are called, the order
they are given in, and the number of jobs."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import DCTERMS

from kg.graph.vocab import KG

from .conftest import ARTICLES, kg, parse_strictly, union_of, write_paragraph_articles

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    """The example articles and 70 shorter ones from their paragraphs: more than two batches of 32,
    so that two jobs really share the work."""
    folder = tmp_path_factory.mktemp("sources")
    paths = write_paragraph_articles(folder / "paragraphs", 70)
    return paths + sorted(ARTICLES.glob("*.txt"))


def copy_shuffled(sources: list[Path], folder: Path, seed: int) -> Path:
    """The sources under names that sort them in another order (a random permutation)."""
    folder.mkdir(parents=True)
    order = list(range(len(sources)))
    random.Random(seed).shuffle(order)
    for rank, source in zip(order, sources, strict=True):
        shutil.copyfile(source, folder / f"{rank:03d}-{random.Random(seed + rank).randrange(10**6):06d}.txt")
    return folder


def build(tmp_path: Path, name: str, *args: str | Path) -> Graph:
    out = tmp_path / f"{name}.nt"
    result = kg("build", *args, "-o", out, "-q", timeout=900)
    assert result.returncode == 0, result.stderr
    return union_of(parse_strictly(out))


def without_file_names(g: Graph) -> Graph:
    """The graph less kg:sourceFile and its super-property dcterms:source, the statements that carry
    the name of a file."""
    out = Graph()
    for triple in g:
        if triple[1] not in (KG.sourceFile, DCTERMS.source):
            out.add(triple)
    return out


def iris(g: Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef)}


def assert_same(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        raise AssertionError(f"{len(only_a)} triples only in the first, {len(only_b)} only in the second, e.g. "
                             f"{sorted(only_a)[:3]} / {sorted(only_b)[:3]}")
    assert set(a.subjects()) == set(b.subjects())  # no blank nodes: the IRIs themselves agree
    assert iris(a) == iris(b)


@pytest.fixture(scope="module")
def first(sources, tmp_path_factory) -> tuple[Path, Graph]:
    tmp = tmp_path_factory.mktemp("first")
    folder = copy_shuffled(sources, tmp / "a", seed=1)
    return folder, build(tmp, "a", folder, "-j", "1")


def test_other_names_and_another_order_and_two_jobs_give_the_same_graph(sources, first, tmp_path):
    folder_a, graph_a = first
    folder_b = copy_shuffled(sources, tmp_path / "b", seed=2)
    assert sorted(p.read_bytes() for p in folder_a.iterdir()) == sorted(p.read_bytes() for p in folder_b.iterdir())
    assert [p.read_bytes() for p in sorted(folder_a.iterdir())] != [p.read_bytes() for p in sorted(folder_b.iterdir())]
    graph_b = build(tmp_path, "b", folder_b, "-j", "2")
    assert len(graph_a) > 1000
    assert_same(without_file_names(graph_a), without_file_names(graph_b))


def test_files_given_in_another_order_give_the_very_same_graph(first, tmp_path):
    folder_a, graph_a = first
    files = sorted(folder_a.iterdir())
    random.Random(3).shuffle(files)
    assert_same(graph_a, build(tmp_path, "again", *files, "-j", "2"))

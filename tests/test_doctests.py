"""The examples in the docstrings run as written: every module of kg that has one, found by walking the
package (a new module's examples are tested without being listed here)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg


def modules_with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    names = []
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name.endswith("__main__"):  # runs the command line when imported
            continue
        module = importlib.import_module(info.name)
        if any(test.examples for test in finder.find(module)):
            names.append(info.name)
    return sorted(names)


MODULES = modules_with_examples()


def test_the_walk_finds_the_documented_modules():
    assert {"kg.ids", "kg.resources.names", "kg.ingest.timex"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, name

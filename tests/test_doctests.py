"""The examples in the docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.names", "kg.timex", "kg.clean", "kg.load", "kg.gazetteer", "kg.lexicon", "kg.query"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0, name

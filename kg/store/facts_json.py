"""kg.model records to JSON and back, so that a store can keep each document's extraction.

The mapping follows the dataclasses themselves (field names, type hints), so a field added to
``kg.model`` is carried without a change here. Enums are stored by value, tuples as lists.

    >>> from kg.model import Article, DocFacts
    >>> facts = DocFacts(Article(doc_id="d1", text="Boris Johnson met Sergey Lavrov.", source="a.txt"))
    >>> loads(dumps(facts)) == facts
    True
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from kg.model import DocFacts, Evidence

FORMAT = 1  # bump when the JSON shape changes incompatibly


def to_jsonable(value: Any) -> Any:
    """A record (or anything inside one) as JSON-ready lists, dicts and scalars."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot write {cls.__name__} as JSON")


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(hint: Any, data: Any, shared: dict | None = None) -> Any:
    """The value of type ``hint`` that ``to_jsonable`` turned into ``data``. ValueError on a mismatch.

    With ``shared`` (a dict), equal sentences (``Evidence``: one sentence is the evidence of many
    facts) are made once and shared: a document's facts take a third of the memory."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return from_jsonable(option, data, shared)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise ValueError("; ".join(errors) or f"unexpected {data!r}")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {data!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], v, shared) for v in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items, got {len(data)}")
        return tuple(from_jsonable(a, v, shared) for a, v in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {hint.__name__}, got {data!r}")
        if shared is not None and hint is Evidence:
            key = tuple(data.values())
            found = shared.get(key)
            if found is None:
                found = shared[key] = from_jsonable(hint, data)
            return found
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: from_jsonable(hints[k], v, shared) for k, v in data.items() if k in names})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if hint in (str, int, bool) and type(data) is hint:
        return data
    if hint is Any:
        return data
    raise ValueError(f"expected {getattr(hint, '__name__', hint)}, got {data!r}")


def dumps(facts: DocFacts) -> str:
    """One document's extraction as a JSON text (with the format version)."""
    return json.dumps({"format": FORMAT, "facts": to_jsonable(facts)}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> DocFacts:
    """The inverse of ``dumps``. ValueError for text that is not a document's extraction of this format."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT or "facts" not in data:
        raise ValueError(f"not kg facts of format {FORMAT}")
    try:
        return from_jsonable(DocFacts, data["facts"], {})
    except TypeError as exc:  # a required field missing
        raise ValueError(str(exc)) from None

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
import re
import sys
import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from kg.model import DocFacts, Evidence, Ref

FORMAT = 1  # bump when the JSON shape changes incompatibly
SHORT = 40  # characters: strings up to this long are interned when read with ``shared``


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


class Shared:
    """What the records read from one document share: equal sentences (``Evidence``: one sentence is
    the evidence of many facts), strings and tuples are made once. Short strings (keys, names,
    codes) are interned, and references (``Ref``) shared, so that a corpus read document by document
    holds each of them once. With ``sentences=False``, each Evidence is read without its text."""

    __slots__ = ("evidence", "strings", "tuples", "sentences")

    def __init__(self, *, sentences: bool = True) -> None:
        self.evidence: dict[tuple, Evidence] = {}
        self.strings: dict[str, str] = {}
        self.tuples: dict[tuple, tuple] = {}
        self.sentences = sentences


def from_jsonable(hint: Any, data: Any, shared: Shared | None = None) -> Any:
    """The value of type ``hint`` that ``to_jsonable`` turned into ``data``. ValueError on a mismatch.
    With ``shared``, equal values are made once (``Shared``): a document's facts take a third of
    the memory."""
    return _decoder(hint)(data, shared)


Decoder = typing.Callable[[Any, "Shared | None"], Any]


@cache
def _decoder(hint: Any) -> Decoder:
    """The function that reads ``hint``'s values, worked out once per type from its hints."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        nullable = type(None) in typing.get_args(hint)
        options = [_decoder(option) for option in typing.get_args(hint) if option is not type(None)]
        if nullable and len(options) == 1:  # X | None: no other type to try
            only = options[0]

            def optional(data: Any, shared: Shared | None) -> Any:
                return None if data is None else only(data, shared)
            return optional

        def union(data: Any, shared: Shared | None) -> Any:
            if data is None and nullable:
                return None
            errors = []
            for option in options:
                try:
                    return option(data, shared)
                except (TypeError, ValueError) as exc:
                    errors.append(str(exc))
            raise ValueError("; ".join(errors) or f"unexpected {data!r}")
        return union
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def sequence(data: Any, shared: Shared | None) -> tuple:
                if not isinstance(data, list):
                    raise ValueError(f"expected a list, got {data!r}")
                made = tuple([item(v, shared) for v in data])
                if shared is None or not made:
                    return made
                return shared.tuples.setdefault(made, made)  # the same sentence as evidence of many entities
            return sequence
        items = [_decoder(a) for a in args]

        def fixed(data: Any, shared: Shared | None) -> tuple:
            if not isinstance(data, list):
                raise ValueError(f"expected a list, got {data!r}")
            if len(items) != len(data):
                raise ValueError(f"expected {len(items)} items, got {len(data)}")
            return tuple(f(v, shared) for f, v in zip(items, data, strict=True))
        return fixed
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda data, shared: hint(data)
    if hint is float:
        def number(data: Any, shared: Shared | None) -> float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                return float(data)
            raise ValueError(f"expected float, got {data!r}")
        return number
    if hint is str:
        def text(data: Any, shared: Shared | None) -> str:
            if type(data) is not str:
                raise ValueError(f"expected str, got {data!r}")
            if shared is None:
                return data
            if len(data) <= SHORT:  # a key, a name, a code: the same few strings across the corpus
                return sys.intern(data)
            return shared.strings.setdefault(data, data)  # a document's id and sentences, once per document
        return text
    if hint in (int, bool):
        def scalar(data: Any, shared: Shared | None) -> Any:
            if type(data) is hint:
                return data
            raise ValueError(f"expected {hint.__name__}, got {data!r}")
        return scalar
    if hint is Any:
        return lambda data, shared: data
    return lambda data, shared: _mismatch(hint, data)


def _record_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    fields = {f.name: None for f in dataclasses.fields(cls)}
    decoders: dict[str, Decoder] = {}
    fast: list[Decoder] = []

    def generic(data: Any, shared: Shared | None) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {cls.__name__}, got {data!r}")
        if not decoders:  # filled at the first call: a record's hints may name the record itself
            decoders.update({name: _decoder(hints[name]) for name in fields})
        return cls(**{k: decoders[k](v, shared) for k, v in data.items() if k in fields})

    def record(data: Any, shared: Shared | None) -> Any:
        if not fast:
            fast.append(_shared_record_decoder(cls, hints, generic))
        return fast[0](data, shared)

    if cls is Ref:
        def ref(data: Any, shared: Shared | None) -> Any:
            index = data.get("index") if isinstance(data, dict) and len(data) == 1 else None
            if shared is None or type(index) is not int or not 0 <= index < len(_REFS):
                return record(data, shared)
            return _REFS[index]
        return ref
    if cls is not Evidence:
        return record

    def evidence(data: Any, shared: Shared | None) -> Any:
        if shared is None or not isinstance(data, dict):
            return record(data, shared)
        key = tuple(data.values())
        found = shared.evidence.get(key)
        if found is None:
            if not shared.sentences and "text" in data:
                data = {**data, "text": ""}
            found = shared.evidence[key] = record(data, shared)
        return found
    return evidence


def _shared_record_decoder(cls: type, hints: dict[str, Any], generic: Decoder) -> Decoder:
    """A decoder made for one record class, for what ``dumps`` writes and a reader with ``Shared``
    reads: every field there, its strings, numbers and optional strings read inline (a document's
    facts are hundreds of thousands of fields, and a call for each costs as much as the rest). Any
    other input (a field missing or unknown, no ``Shared``) goes to ``generic``, which checks it."""
    names = _field_names(cls)
    scope: dict[str, Any] = {"cls": cls, "generic": generic, "intern": sys.intern, "SHORT": SHORT}
    text = "intern({v}) if len({v}) <= SHORT else strings.setdefault({v}, {v})"  # as ``_decoder(str)`` does
    reads, checks, values = [], [], []
    for n, name in enumerate(names):
        hint, v = hints[name], f"v{n}"
        reads.append(f"{v} = data[{name!r}]")
        if hint is str:
            checks.append(f"type({v}) is str")
            values.append(f"{name}=" + text.format(v=v))
        elif hint == (str | None):
            checks.append(f"({v} is None or type({v}) is str)")
            values.append(f"{name}=None if {v} is None else " + text.format(v=v))
        elif hint in (int, bool):
            checks.append(f"type({v}) is {hint.__name__}")
            values.append(f"{name}={v}")
        else:
            scope[f"d{n}"] = _decoder(hint)
            values.append(f"{name}=d{n}({v}, shared)")
    source = "\n".join([
        "def record(data, shared):",
        f"    if shared is None or type(data) is not dict or len(data) != {len(names)}:",
        "        return generic(data, shared)",
        "    try:",
        *(f"        {line}" for line in reads),
        "    except KeyError:",
        "        return generic(data, shared)",
        *([f"    if not ({' and '.join(checks)}):", "        return generic(data, shared)"] if checks else []),
        "    strings = shared.strings",
        f"    return cls({', '.join(values)})",
    ])
    exec(compile(source, f"<kg.store.facts_json decoder of {cls.__name__}>", "exec"), scope)
    return scope["record"]


_DECODER = json.JSONDecoder()
_REFS = tuple(Ref(i) for i in range(1024))  # the references of a document's first entities, shared by all


def _mismatch(hint: Any, data: Any) -> typing.NoReturn:
    raise ValueError(f"expected {getattr(hint, '__name__', hint)}, got {data!r}")


_ARTICLE_TEXT = re.compile(r'\{"format":(\d+),"facts":\{"article":\{"doc_id":"(?:[^"\\]|\\.)*","text":')


def article_text(text: str | bytes) -> str:
    """The article's text in a document's extraction as ``dumps`` wrote it, without reading the rest
    (where ``dumps`` put it, at the start; else by reading the whole)."""
    try:
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        start = _ARTICLE_TEXT.match(text)
        if start is not None and int(start.group(1)) == FORMAT:
            article, _ = _DECODER.raw_decode(text, start.end())
        else:
            article = json.loads(text)["facts"]["article"]["text"]
    except (ValueError, KeyError, TypeError):
        raise ValueError(f"not kg facts of format {FORMAT}") from None
    if not isinstance(article, str):
        raise ValueError(f"not kg facts of format {FORMAT}")
    return article


def dumps(facts: DocFacts) -> str:
    """One document's extraction as a JSON text (with the format version)."""
    return json.dumps({"format": FORMAT, "facts": to_jsonable(facts)}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes, *, sentences: bool = True) -> DocFacts:
    """The inverse of ``dumps``. ValueError for text that is not a document's extraction of this format.

    ``sentences=False`` leaves out each ``Evidence``'s text (``""``; it is ``article.text[start:end]``),
    for a reader that keeps many documents' facts without their articles (resolution).

        >>> from kg.model import Article, DocFacts, Evidence, Role, Ref, LocalEntity, Kind
        >>> ev = Evidence("d1", 0, 13, "Boris Johnson")
        >>> facts = DocFacts(Article(doc_id="d1", text="Boris Johnson", source="a.txt"),
        ...                  entities=(LocalEntity(Kind.PERSON, "Boris Johnson", evidence=(ev,)),))
        >>> loads(dumps(facts), sentences=False).entities[0].evidence
        (Evidence(doc_id='d1', start=0, end=13, text=''),)
    """
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT or "facts" not in data:
        raise ValueError(f"not kg facts of format {FORMAT}")
    try:
        return from_jsonable(DocFacts, data["facts"], Shared(sentences=sentences))
    except TypeError as exc:  # a required field missing
        raise ValueError(str(exc)) from None

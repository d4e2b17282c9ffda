"""A document's facts as resolution keeps them, in a form that reads fast: the copy of them that a
store's catalog keeps beside their JSON, for builds that re-resolve its documents.

Resolution needs each document's ``Document`` and its facts without the article's text and
without the sentences of their evidence. Read back from their JSON (``kg.store.facts_json``),
20,000 documents took 17-24 s here, the largest part of an incremental build: the JSON holds the
article and every sentence (39 KB a document), and each record is rebuilt field by field in
Python. This copy is those records pickled, each as its class and its fields' values (4.5 KB a
document), which the C unpickler rebuilds with their constructors: 3.0 s for the 20,000.

The JSON stays what a document's facts are; this copy is derived from them. ``loads`` gives
None for a copy it should not trust, and the reader reads the JSON instead:

- the unpickler makes the records of ``kg.model``, builtin values and references to a record
  made before in the same copy, nothing else, so a damaged or foreign copy cannot run code (it
  fails to load);
- each copy starts with a digest of the records' layout (``LAYOUT``: their fields and types), so
  a copy written by a kg whose records differ is not read.

    >>> from kg.model import Article, DocFacts, Evidence, LocalEntity, Kind
    >>> text = "Boris Johnson met Sergey Lavrov."
    >>> facts = DocFacts(Article(doc_id="d1", text=text, source="a.txt"),
    ...                  entities=(LocalEntity(Kind.PERSON, "Boris Johnson", evidence=(Evidence("d1", 0, 32, text),)),))
    >>> document, kept = loads(dumps(facts))
    >>> document.doc_id, kept.article.text, kept.entities[0].evidence[0]
    ('d1', '', Evidence(doc_id='d1', start=0, end=32, text=''))
"""

from __future__ import annotations

import dataclasses
import enum
import io
import pickle

from kg import model
from kg.ids import sha1
from kg.model import DocFacts, Document, document_of, without_text
from kg.store import facts_json

FORMAT = 1  # of the copy itself: bump when what it holds changes

# the records a copy may hold: kg.model's classes, by name
_RECORDS = {name: value for name, value in vars(model).items()
            if isinstance(value, type) and value.__module__ == model.__name__}
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls))
           for cls in _RECORDS.values() if dataclasses.is_dataclass(cls)}
_BLANKED = {model.Article: "text", model.Evidence: "text"}  # the article's text, and each sentence cut from it


def _layout() -> bytes:
    """Eight bytes of a digest of what the records are: each dataclass's fields and their types,
    each enum's members."""
    parts = [f"format {FORMAT}"]
    for name, cls in sorted(_RECORDS.items()):
        if dataclasses.is_dataclass(cls):
            parts.append(f"{name}(" + ", ".join(f"{f.name}: {f.type}" for f in dataclasses.fields(cls)) + ")")
        elif issubclass(cls, enum.Enum):
            parts.append(f"{name}{{" + ", ".join(f"{m.name}={m.value!r}" for m in cls) + "}")
    return bytes.fromhex(sha1("\n".join(parts))[:16])


LAYOUT = _layout()


_SHARED = (model.Evidence, model.Ref)  # made once per document however many facts name them


def _same(record: object) -> object:
    """A record met before in the same copy (``_Pickler``): the one made then."""
    return record


class _Pickler(pickle.Pickler):
    """Each record as its class and its fields' values, in order (made again by its constructor: a
    record pickled by its state is set field by field, twice as slow to read), the texts blank.
    Equal sentences (``Evidence``) and references are one object in the copy, as in facts read from
    their JSON (``facts_json.Shared``): a sentence is the evidence of many facts, and what
    resolution keeps of them lives until the graphs are made from it."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.first: dict[tuple, object] = {}

    def reducer_override(self, obj):  # noqa: ANN001, ANN201 - pickle's hook
        cls = type(obj)
        names = _FIELDS.get(cls)
        if names is None:
            return NotImplemented
        blank = _BLANKED.get(cls)
        values = tuple("" if name == blank else getattr(obj, name) for name in names)
        if cls in _SHARED:
            first = self.first.setdefault((cls, values), obj)
            if first is not obj:
                return _same, (first,)  # pickled once: the copy refers to it again
        return cls, values


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if module == model.__name__ and name in _RECORDS:
            return _RECORDS[name]
        if module == __name__ and name == _same.__name__:
            return _same
        raise pickle.UnpicklingError(f"{module}.{name} is not a record of kg.model")


def dumps(facts: DocFacts) -> bytes:
    """A document's ``Document`` and its facts without the article's text and the sentences of
    their evidence (what ``loads`` gives back)."""
    return dumps_read(document_of(facts), facts)


def dumps_read(document: Document, facts: DocFacts) -> bytes:
    """``dumps`` of a document as resolution reads it (from ``from_json``, say)."""
    out = io.BytesIO()
    out.write(LAYOUT)
    _Pickler(out).dump((document, facts))
    return out.getvalue()


def loads(data: bytes | None) -> tuple[Document, DocFacts] | None:
    """What ``dumps`` made; None when there is nothing (``data`` None), or it was made for other
    records, or it cannot be read: the caller reads the facts' JSON instead (``from_json``)."""
    if data is None or data[:len(LAYOUT)] != LAYOUT:
        return None
    try:
        read = _Unpickler(io.BytesIO(memoryview(data)[len(LAYOUT):])).load()
    except Exception:  # noqa: BLE001 - a damaged copy, whatever the unpickler makes of it: the JSON is read
        return None
    if type(read) is not tuple or len(read) != 2 or type(read[0]) is not Document or type(read[1]) is not DocFacts:
        return None
    return read


def from_json(data: bytes | str) -> tuple[Document, DocFacts]:
    """What ``loads`` gives, from the facts' JSON (``facts_json.dumps``): the slow way.
    ValueError when ``data`` is not a document's facts."""
    facts = facts_json.loads(data, sentences=False)
    return document_of(facts), without_text(facts)

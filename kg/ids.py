"""Ids made from text: the one place kg hashes strings.

    >>> sha1("a")
    '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8'
    >>> digest("doc", "12", "40", size=8) == digest("doc", "12", "40", size=8) != digest("doc", "1", "240", size=8)
    True
"""

from __future__ import annotations

import hashlib

SEPARATOR = "\x1f"  # the unit separator: parts that hold no control characters never run together


def sha1(text: str) -> str:
    """The SHA-1 of ``text`` as UTF-8, in hex."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def digest(*parts: str, size: int = 16) -> str:
    """A short stable id of ``parts``: the first ``size`` hex digits of the SHA-1 of them, kept apart."""
    return sha1(SEPARATOR.join(parts))[:size]

"""The progress bars of long work (``kg build``'s parse and its writing of the graphs), on standard
error, gone when the work ends."""

from __future__ import annotations

import sys


def bar(total: int | None, *, desc: str, unit: str, enabled: bool = True):
    """A tqdm bar of ``total`` ``unit``s, or None when not ``enabled`` (callers then skip updating)."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, leave=False)

"""``gc_paused()``: no cyclic garbage collection while a large report is turned into a dict.

Writing a 20,000-step report allocates some 100,000 containers and frees none of them, so the
collector runs again and again over a heap that only grows, for nothing: it found no cycles
there, and took half of ``to_wsjf()``'s time. The pause is short (one call) and leaves the
collector as it found it: switched off by someone else, it stays off.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic collection for the block, if it was enabled."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

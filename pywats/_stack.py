"""Import the HTTP stack without the parts pywats never runs.

``import httpx`` also imports ``httpx._main`` (its ``httpx`` command: click, rich's console
and progress, pygments' lexers) whenever those happen to be installed, and they are beside
typer: about 50 ms and 8 MB for a script's first request. httpx treats that import failing
as "not installed" and keeps a stub ``httpx.main``; the ``httpx`` console script runs in a
process of its own, so it is unaffected. Likewise httpcore imports trio and tenacity imports
tornado whenever they are installed (the station service blocks those too: :func:`blocked`).
A block lasts only while the stack is imported: afterwards each name imports as before for
anyone who wants it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

__all__ = ["blocked", "import_httpx"]

_CLI = "httpx._main"


@contextlib.contextmanager
def blocked(*names: str) -> Iterator[None]:
    """Make ``import NAME`` raise ImportError, for each of ``names`` not yet imported, inside."""
    held = [name for name in names if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # its import raises ImportError
    try:
        yield
    finally:
        for name in held:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def import_httpx() -> None:
    """Import httpx (once per process) without ``httpx._main``."""
    if "httpx" in sys.modules:
        return
    with blocked(_CLI):
        import httpx  # noqa: F401

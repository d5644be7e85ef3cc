"""Import httpx without its command-line client, which pywats never runs.

``import httpx`` also imports ``httpx._main`` (its ``httpx`` command: click, rich's console
and progress, pygments' lexers) whenever those happen to be installed, and they are beside
typer: about 50 ms and 8 MB for a script's first request. httpx treats that import failing
as "not installed" and keeps a stub ``httpx.main``; the ``httpx`` console script runs in a
process of its own, so it is unaffected. The block lasts only while httpx is imported:
afterwards ``import httpx._main`` works as before for anyone who wants it.
"""

from __future__ import annotations

import sys

__all__ = ["import_httpx"]

_CLI = "httpx._main"


def import_httpx() -> None:
    """Import httpx (once per process) without ``httpx._main``."""
    if "httpx" in sys.modules:
        return
    blocked = _CLI not in sys.modules
    if blocked:
        sys.modules[_CLI] = None  # type: ignore[assignment]  # its import raises ImportError
    try:
        import httpx  # noqa: F401
    finally:
        if blocked and sys.modules.get(_CLI, False) is None:
            del sys.modules[_CLI]

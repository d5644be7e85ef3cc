"""What truly differs between the twins, written by hand as pairs (unasync maps the names).

``async_sleep`` / ``sleep`` and the ``AsyncSleep`` / ``Sleep`` types: the retry loop and the
rate limiter wait through these, and tests inject a recorder instead. ``AsyncExchange`` /
``Exchange`` and ``AsyncPageFetch`` / ``PageFetch`` type the callables ``_call()`` and the
pager receive.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

__all__ = [
    "AsyncExchange",
    "AsyncPageFetch",
    "AsyncSleep",
    "Exchange",
    "PageFetch",
    "Sleep",
    "async_sleep",
    "sleep",
]

T = TypeVar("T")

AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]

# One HTTP exchange, as `_call()` receives it.
AsyncExchange = Callable[[], Awaitable[T]]
Exchange = Callable[[], T]

# One page of a paged query: (skip, top) -> items.
AsyncPageFetch = Callable[[int, int], Awaitable[Sequence[T]]]
PageFetch = Callable[[int, int], Sequence[T]]


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop (asyncio or trio, through anyio)."""
    import anyio

    await anyio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Wait in the calling thread."""
    time.sleep(seconds)

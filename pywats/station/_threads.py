"""Running blocking work (converters) off the event loop, with a deadline that really holds."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["run_in_thread"]

T = TypeVar("T")


async def run_in_thread(fn: Callable[[], T], timeout: float, name: str) -> T:
    """Run ``fn`` in a daemon thread and wait at most ``timeout`` seconds for it.

    A daemon thread, not an executor: a converter that hangs for ever must neither block the
    service's exit (executor threads are joined at interpreter exit) nor starve a pool.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    def work() -> None:
        try:
            value: Any = fn()
            error: BaseException | None = None
        except BaseException as exc:
            value, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop closed while we were hung
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=work, name=name, daemon=True).start()
    return await asyncio.wait_for(future, timeout)

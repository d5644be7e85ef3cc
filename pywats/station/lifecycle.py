"""Process lifecycle helpers: the instance lock, signals, waiting on events, ending tasks.

One process per instance (a file lock). The first SIGTERM/SIGINT stops intake and lets
in-flight uploads finish within ``shutdown_timeout``; a second exits at once. Rows still
``uploading`` then are returned to ``pending`` at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from pywats._private import private_dir

__all__ = [
    "AlreadyRunningError",
    "finish",
    "hold_lock",
    "install_signal_handlers",
    "wait_any",
]


class AlreadyRunningError(RuntimeError):
    """Another process already runs this instance (its lock file is held)."""


@contextlib.contextmanager
def hold_lock(lock_path: Path, name: str) -> Iterator[None]:
    """Hold the instance's lock for the block.

    Raises:
        AlreadyRunningError: another process holds it.
    """
    from filelock import FileLock, Timeout

    private_dir(lock_path.parent)
    lock = FileLock(str(lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise AlreadyRunningError(
            f"instance {name!r} is already running (lock {lock_path})"
        ) from None
    try:
        yield
    finally:
        lock.release()


async def wait_any(*events: asyncio.Event, timeout: float) -> None:
    """Wait until one of ``events`` is set or ``timeout`` seconds pass."""
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=max(0.0, timeout), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


async def finish(task: asyncio.Task[None], force: asyncio.Event, timeout: float) -> None:
    """Let ``task`` end by itself within ``timeout``, unless ``force`` is set first."""
    forced = asyncio.ensure_future(force.wait())
    try:
        await asyncio.wait([task, forced], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        forced.cancel()
    if not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def install_signal_handlers(
    loop: asyncio.AbstractEventLoop, on_signal: Callable[[], None]
) -> list[int]:
    """Make SIGTERM/SIGINT call ``on_signal`` on the loop; return the signals to remove."""
    # Handlers only set events (request_stop); no logging, I/O or locks in them.
    installed: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        return installed
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, on_signal)
            installed.append(sig)
        except (NotImplementedError, RuntimeError):  # Windows: fall back to signal.signal
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(on_signal))
    return installed

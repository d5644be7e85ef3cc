"""Process lifecycle helpers: the instance lock, signals, waiting on events, ending tasks.

One process per instance (a file lock). The first SIGTERM/SIGINT stops intake and lets
in-flight uploads finish within ``shutdown_timeout``; a second exits at once. Rows still
``uploading`` then are returned to ``pending`` at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pywats.station.service import StationService

from pywats._private import private_dir

__all__ = [
    "AlreadyRunningError",
    "Events",
    "finish",
    "hold_lock",
    "install_signal_handlers",
    "run_in_foreground",
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
    loop: asyncio.AbstractEventLoop,
    on_signal: Callable[[], None],
    *,
    on_hangup: Callable[[], None] | None = None,
) -> list[int]:
    """Make SIGTERM/SIGINT call ``on_signal`` (and SIGHUP ``on_hangup``) on the loop.

    Returns the signals to remove afterwards.
    """
    # Handlers only set events or schedule tasks; no logging, I/O or locks in them.
    installed: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        return installed
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, on_signal)
            installed.append(sig)
        except (NotImplementedError, RuntimeError):  # Windows: fall back to signal.signal
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(on_signal))
    hangup = getattr(signal, "SIGHUP", None)  # not on Windows: `wats reload` does the same
    if on_hangup is not None and hangup is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(hangup, on_hangup)
            installed.append(hangup)
    return installed


class Events:
    """The events the service's loops wait on."""

    def __init__(self) -> None:
        self.stop = asyncio.Event()
        """Set to stop (graceful)."""
        self.force = asyncio.Event()
        """Set to stop at once (a second stop request)."""
        self.wake_intake = asyncio.Event()
        self.wake_upload = asyncio.Event()
        self.wake_heartbeat = asyncio.Event()


def run_in_foreground(service: StationService, dashboard: bool) -> None:
    """Hold the instance's lock and serve ``service``, again after each restart request.

    Raises:
        AlreadyRunningError: another process runs this instance.
    """
    from pywats.station.config import ConfigError
    from pywats.station.control import secret_path
    from pywats.station.status import remove_service_file

    log = logging.getLogger("pywats.station")
    config = service.config
    with hold_lock(config.lock_path, config.name):
        try:
            while True:
                service.serve_in_foreground(dashboard)
                if not service.restart_requested:
                    break
                fresh = service.config
                if service.config_file is not None:
                    try:
                        fresh = service.config_file.read()
                    except ConfigError as exc:
                        log.error("restart: %s; starting again with the running configuration", exc)
                log.info("restarting")
                following = type(service).from_config(fresh, config_path=service.config_path)
                if following.config_file is not None and service.config_file is not None:
                    following.config_file.server_url = service.config_file.server_url
                service = following
        finally:
            remove_service_file(config)
            with contextlib.suppress(OSError):
                secret_path(config).unlink()

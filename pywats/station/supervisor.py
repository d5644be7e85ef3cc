"""Task health: the service's loops are watched; a dead or stuck loop is restarted.

Each loop says when it will next report (``beat(name, within=seconds)``). The supervisor
looks once a second: a loop that ended (an escaped exception, a bug) or that is past its
word is restarted, at most ``max_restarts`` times in ``window`` seconds; after that the
service goes to state ``error`` with the reason, and ``/health`` answers 503 so whatever
supervises the process (systemd, a monitor) can act.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

__all__ = ["Supervisor"]

log = logging.getLogger("pywats.station")

LoopFactory = Callable[[], Coroutine[Any, Any, None]]


class Supervisor:
    """Starts named loops as tasks and keeps them alive.

    Args:
        on_error: called once with the reason when a loop cannot be kept alive.
        max_restarts: restarts of one loop allowed within ``window`` seconds.
        clock: monotonic seconds.
    """

    def __init__(
        self,
        on_error: Callable[[str], None],
        *,
        max_restarts: int = 3,
        window: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.on_error = on_error
        self.max_restarts = max_restarts
        self.window = window
        self.clock = clock
        self.tasks: dict[str, asyncio.Task[None]] = {}
        self._factories: dict[str, LoopFactory] = {}
        self._deadline: dict[str, float] = {}
        self._restarts: dict[str, collections.deque[float]] = {}
        self.failed = ""

    def start(self, name: str, factory: LoopFactory, *, within: float = 60.0) -> None:
        """Start loop ``name`` (``factory()`` makes a fresh coroutine for each (re)start)."""
        self._factories[name] = factory
        self._restarts.setdefault(name, collections.deque())
        self.beat(name, within=within)
        self.tasks[name] = asyncio.create_task(factory(), name=name)

    def beat(self, name: str, *, within: float) -> None:
        """Loop ``name`` is alive and will beat again within ``within`` seconds."""
        self._deadline[name] = self.clock() + within

    def due_in(self, name: str) -> float:
        """Seconds until loop ``name`` must beat again (negative: it is late)."""
        return self._deadline[name] - self.clock()

    def restarts(self, name: str) -> int:
        """Times loop ``name`` was restarted within the last ``window`` seconds."""
        return len(self._restarts.get(name, ()))

    def check(self) -> None:
        """Restart loops that ended or are stuck (call once a second from the loop)."""
        now = self.clock()
        for name, task in list(self.tasks.items()):
            if task.done():
                error = None if task.cancelled() else task.exception()
                why = f"ended: {type(error).__name__}: {error}" if error else "ended"
                if error is not None:
                    log.error("the %s loop %s", name, why, exc_info=error)
                self._restart(name, why)
            elif now > self._deadline.get(name, now):
                late = now - self._deadline[name]
                why = f"has not moved on for {late:.0f} s past its deadline"
                log.error("the %s loop %s: restarting it", name, why)
                task.cancel()
                self._restart(name, why)

    def _restart(self, name: str, why: str) -> None:
        now = self.clock()
        history = self._restarts[name]
        while history and now - history[0] > self.window:
            history.popleft()
        if len(history) >= self.max_restarts:
            del self.tasks[name]
            reason = (
                f"the {name} loop {why}, and was restarted {len(history)} time(s) in the last"
                f" {self.window / 60:.0f} min; see the log, then restart the service"
                " (`wats restart -i INSTANCE`)"
            )
            if not self.failed:
                self.failed = reason
                log.error("SERVICE IN ERROR: %s", reason)
                self.on_error(reason)
            return
        history.append(now)
        log.warning("restarting the %s loop", name)
        self.beat(name, within=60.0)
        self.tasks[name] = asyncio.create_task(self._factories[name](), name=name)

    async def run(self, stop: asyncio.Event) -> None:
        """Check once a second until ``stop`` is set."""
        while not stop.is_set():
            self.check()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)

    async def cancel_all(self) -> None:
        for task in self.tasks.values():
            task.cancel()
        for task in self.tasks.values():
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

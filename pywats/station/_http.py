"""uvicorn, fitted for a service's endpoint: no signal handling of its own, idle guard.

uvicorn's own keep-alive timer starts only after a response; a client that connects and
never finishes its request (slowloris) would keep its connection for ever. The guarded
protocol closes any connection that has no request in progress ``IDLE_SECONDS`` after it
was opened or after its last response, however slowly it trickles bytes in.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["GuardedH11Protocol", "QuietServer"]


class QuietServer(uvicorn.Server):
    """A uvicorn server that leaves signals to the service (it stops when told to)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class GuardedH11Protocol(H11Protocol):
    """h11 with a deadline on every request: idle or trickling connections are closed."""

    _guard: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._guard is not None:
            self._guard.cancel()
            self._guard = None
        super().connection_lost(exc)

    def _arm(self) -> None:
        from pywats.station.endpoint import IDLE_SECONDS

        if self._guard is not None:
            self._guard.cancel()
        self._guard = self.loop.call_later(IDLE_SECONDS, self._expire)

    def _expire(self) -> None:
        self._guard = None
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            self._arm()  # a request is being answered: its handler decides how long it takes
            return
        self.transport.close()

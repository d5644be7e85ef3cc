"""The server heartbeat: is the server there, which version, does it take our token?

Checked every ``heartbeat_seconds`` (default 5 min), sooner while the server is not online,
and whenever the uploader sees the breaker open or close; so ``/status`` and ``/health`` tell
``server: online | offline | unauthorized`` even when nothing is being uploaded. The check
goes through the upload client and its breaker: when the breaker waits for a probe, the
heartbeat's cheap version request may be that probe.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from pywats._exceptions import AuthenticationError, PermissionDeniedError

__all__ = ["Heartbeat"]

log = logging.getLogger("pywats.station")


class Heartbeat:
    """The last answer of the server to a version + token check.

    Args:
        check: asks the server its version (None: the client cannot; status stays unknown).
        server_url: for log lines.
        clock: Unix time.
    """

    def __init__(
        self,
        check: Callable[[], Awaitable[str]] | None,
        server_url: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.check = check
        self.server_url = server_url
        self.clock = clock
        self.status = "unknown"
        self.version = ""
        self.latency_ms: float | None = None
        self.checked_at: float | None = None
        self.error = ""
        self.failures = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "server": self.status,
            "server_url": self.server_url,
            "server_version": self.version,
            "server_latency_ms": self.latency_ms,
            "server_checked_at": self.checked_at,
            "server_error": self.error,
        }

    async def beat(self) -> str:
        """Check the server once; return its status (online, offline, unauthorized, unknown)."""
        if self.check is None:
            return self.status
        started = time.perf_counter()
        try:
            version = await self.check()
        except (AuthenticationError, PermissionDeniedError) as exc:
            self._record("unauthorized", str(exc), started)
        except Exception as exc:  # unreachable, 5xx, breaker open, timeout: all "offline"
            self._record("offline", str(exc) or type(exc).__name__, started)
        else:
            self.version = version
            self._record("online", "", started)
        return self.status

    def _record(self, status: str, error: str, started: float) -> None:
        before = self.status
        self.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        self.checked_at = self.clock()
        self.error = error
        self.status = status
        if status == "online":
            if before != "online":
                log.info(
                    "server %s online (version %s, %.0f ms)%s",
                    self.server_url,
                    self.version,
                    self.latency_ms,
                    f" after {self.failures} failed check(s)" if self.failures else "",
                )
            self.failures = 0
            return
        self.failures += 1
        if status == before:
            return
        if status == "unauthorized":
            log.error(
                "server %s refuses the station's token: %s (run `wats login` for this"
                " instance, then `wats reload`)",
                self.server_url,
                error,
            )
        else:
            log.warning("server %s not answering: %s", self.server_url, error)

    def next_in(self, every: float, breaker_wait: float) -> float:
        """Seconds until the next check: ``every`` while online, sooner otherwise."""
        if self.status == "online" or self.check is None:
            return every
        # Offline: look again as soon as the breaker lets a probe through (at least 1 s).
        return min(every, max(1.0, breaker_wait + 0.05))

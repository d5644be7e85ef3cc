"""A sliding-window rate limiter: at most N requests in any window of T seconds.

The limiter does no I/O and never sleeps. ``reserve()`` either takes a slot (returns 0) or
says how long until one frees up; the sync client sleeps that long in its thread, the async
client awaits it, so the event loop is never blocked. The lock is held only for the
bookkeeping, never across a wait.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable

from pywats._options import RateLimit

__all__ = ["SlidingWindowLimiter"]


class SlidingWindowLimiter:
    """Thread-safe sliding-window limiter shared by a client and its ``with_options`` copies.

    Args:
        limit: the window and the number of calls it allows.
        clock: monotonic seconds; injected so tests control time.
    """

    def __init__(self, limit: RateLimit, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._stamps: collections.deque[float] = collections.deque()

    def reserve(self) -> float:
        """Take a slot now and return 0, or return the seconds until one frees up."""
        with self._lock:
            now = self._clock()
            horizon = now - self.limit.period
            stamps = self._stamps
            while stamps and stamps[0] <= horizon:
                stamps.popleft()
            if len(stamps) < self.limit.max_calls:
                stamps.append(now)
                return 0.0
            return max(stamps[0] - horizon, 1e-3)

    @property
    def in_window(self) -> int:
        """Requests counted in the current window."""
        with self._lock:
            horizon = self._clock() - self.limit.period
            return sum(1 for stamp in self._stamps if stamp > horizon)

    def __repr__(self) -> str:
        return (
            f"SlidingWindowLimiter({self.limit.max_calls} per {self.limit.period:g} s, "
            f"{self.in_window} in window)"
        )

"""The circuit breaker: stop calling a server that keeps failing, then probe it.

::

              failure_threshold consecutive failures
    CLOSED ─────────────────────────────────────────► OPEN
      ▲                                                 │ reset_timeout passes
      │ probe succeeds                                  ▼
      └────────────────────────────────────────── HALF_OPEN ──► OPEN (probe fails)

A failure is a 5xx answer or a transport failure; a 4xx is the server working, so it counts
as a success. The breaker does no I/O and never sleeps: it takes an injected clock and answers
"go" or "refused, retry in N s"; the clients act on that answer.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable

from pywats._exceptions import ApiError, CircuitOpenError, WatsConnectionError
from pywats._options import BreakerConfig

__all__ = ["BreakerState", "CircuitBreaker", "counts_as_failure"]

logger = logging.getLogger("pywats.breaker")


class BreakerState(enum.Enum):
    """The breaker's state."""

    CLOSED = "closed"
    """Calls flow; consecutive failures are counted."""
    OPEN = "open"
    """Calls are refused with CircuitOpenError until ``reset_timeout`` has passed."""
    HALF_OPEN = "half_open"
    """One probe call is in flight; its outcome closes or re-opens the breaker."""


def counts_as_failure(exc: BaseException) -> bool:
    """Whether an error says the server is unwell (5xx, unreachable) rather than the call."""
    if isinstance(exc, WatsConnectionError):
        # Not a refused certificate: that is the client's configuration, not an unwell server.
        return exc.retryable
    return isinstance(exc, ApiError) and exc.status >= 500


class CircuitBreaker:
    """A thread-safe circuit breaker shared by a client and all its ``with_options`` copies.

    Args:
        config: thresholds and timing.
        clock: monotonic seconds; injected so tests control time.
    """

    def __init__(
        self, config: BreakerConfig | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.config = config or BreakerConfig()
        self._clock = clock
        self._lock = threading.Lock()
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._probe_in_flight = False

    @property
    def state(self) -> BreakerState:
        """The current state (OPEN turns into HALF_OPEN only when a call probes)."""
        with self._lock:
            return self._state

    @property
    def failures(self) -> int:
        """Consecutive failures counted while closed."""
        with self._lock:
            return self._failures

    @property
    def retry_in(self) -> float:
        """Seconds until an open breaker lets a probe through (0 when not open)."""
        with self._lock:
            return self._retry_in(self._clock())

    def _retry_in(self, now: float) -> float:
        if self._state is not BreakerState.OPEN:
            return 0.0
        return max(0.0, self._opened_at + self.config.reset_timeout - now)

    def before_call(self) -> bool:
        """Admit a call, or refuse it; return whether the call is the half-open probe.

        Pass that answer to :meth:`record` / :meth:`abandon`: only the probe's outcome decides
        a half-open breaker.

        Raises:
            CircuitOpenError: the breaker is open, or half-open with its probe in flight.
        """
        with self._lock:
            now = self._clock()
            if self._state is BreakerState.CLOSED:
                return False
            if self._state is BreakerState.OPEN:
                wait = self._retry_in(now)
                if wait > 0:
                    raise self._refusal(wait)
                self._transition(BreakerState.HALF_OPEN)
            if self._probe_in_flight:
                raise self._refusal(self.config.reset_timeout)
            self._probe_in_flight = True
            return True

    def record_success(self) -> None:
        """Record a call the server answered (2xx-4xx)."""
        with self._lock:
            self._failures = 0
            self._probe_in_flight = False
            if self._state is not BreakerState.CLOSED:
                self._transition(BreakerState.CLOSED)

    def record_failure(self, *, probe: bool = True) -> None:
        """Record a 5xx answer or a transport failure (``probe``: see :meth:`before_call`)."""
        with self._lock:
            if self._state is BreakerState.HALF_OPEN:
                if not probe:
                    # A call admitted before the breaker opened: old news, and the probe
                    # in flight must stay the only one.
                    return
                self._probe_in_flight = False
                self._open()
                return
            if probe:
                self._probe_in_flight = False
            self._failures += 1
            if self._state is BreakerState.CLOSED and (
                self._failures >= self.config.failure_threshold
            ):
                self._open()

    def record(self, exc: BaseException | None, *, probe: bool = True) -> None:
        """Record the outcome of one exchange: None for an answer, else the error raised.

        ``probe`` is what :meth:`before_call` returned for this call.
        """
        if exc is None or not counts_as_failure(exc):
            self.record_success()
        else:
            self.record_failure(probe=probe)

    def abandon(self, *, probe: bool = True) -> None:
        """Forget a call that ended without an answer or a failure (e.g. cancelled)."""
        with self._lock:
            if not probe:
                return  # not the probe: the probe in flight keeps its slot
            self._probe_in_flight = False
            if self._state is BreakerState.HALF_OPEN:
                # Nothing was learnt; let the next call probe again.
                self._opened_at = self._clock() - self.config.reset_timeout
                self._state = BreakerState.OPEN

    def reset(self) -> None:
        """Close the breaker and forget the failures (an operator's "try again now")."""
        with self._lock:
            self._failures = 0
            self._probe_in_flight = False
            if self._state is not BreakerState.CLOSED:
                self._transition(BreakerState.CLOSED)

    def _open(self) -> None:
        self._opened_at = self._clock()
        self._transition(BreakerState.OPEN)

    def _transition(self, new: BreakerState) -> None:
        logger.warning(
            "circuit breaker %s -> %s after %d consecutive failures",
            self._state.value,
            new.value,
            self._failures,
        )
        self._state = new

    def _refusal(self, wait: float) -> CircuitOpenError:
        return CircuitOpenError(
            f"the circuit breaker is open after repeated server failures; "
            f"calls resume with a probe in {wait:.1f} s",
            retry_in=wait,
        )

    def __repr__(self) -> str:
        return f"CircuitBreaker(state={self.state.value}, failures={self.failures})"

"""What a failed upload means: retried on the ladder (and when) or parked for an operator.

The table is in :mod:`pywats.station.uploader`'s docstring; :func:`classify` is the one
place that decides, from the SDK's typed errors, and :func:`backoff` the wait.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import attrs

from pywats._exceptions import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    CircuitOpenError,
    PermissionDeniedError,
    RateLimitError,
    ReportValidationError,
    WatsError,
)

__all__ = ["Outcome", "backoff", "classify"]


@attrs.frozen
class Outcome:
    """How one failed attempt is to be recorded."""

    park: bool
    """True: permanent (park for an operator); False: transient (retry on the ladder)."""
    message: str
    wait: float | None = None
    """A wait the server or breaker asked for, in seconds (Retry-After, breaker retry_in)."""


def classify(exc: BaseException) -> Outcome:
    """Decide whether a failed submission is retried or parked, and with what message."""
    if isinstance(exc, CircuitOpenError):
        return Outcome(False, str(exc), exc.retry_in or None)
    if isinstance(exc, RateLimitError):
        return Outcome(False, str(exc), exc.retry_after)
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return Outcome(False, str(exc))
    if isinstance(exc, ApiError) and 300 <= exc.status < 400:
        return Outcome(False, str(exc))  # a redirect: the server URL is wrong, not the report
    if isinstance(exc, BadRequestError):
        text = "\n".join(exc.lines) if exc.lines else exc.message
        return Outcome(True, f"{exc.status}: {text}")
    if isinstance(exc, ReportValidationError):
        return Outcome(True, "rejected by local validation:\n" + "\n".join(exc.lines))
    if isinstance(exc, WatsError):
        if exc.retryable:
            return Outcome(False, str(exc))
        if isinstance(exc, ApiError):
            return Outcome(True, str(exc))
        return Outcome(False, str(exc))
    if isinstance(exc, TimeoutError):
        return Outcome(False, "the server did not answer in time")
    # An unexpected exception is a bug somewhere, not the report's fault: keep retrying,
    # visibly (last_error), rather than parking good data.
    return Outcome(False, f"{type(exc).__name__}: {exc}")


def backoff(
    attempts: int,
    ladder: Sequence[float],
    *,
    wait: float | None = None,
    jitter: float = 0.1,
    rng: Callable[[], float] = random.random,
    max_wait: float = 3600.0,
) -> float:
    """Seconds before the next attempt after ``attempts`` failures (1 = the first failure).

    Steps through ``ladder`` and stays on its last value; ``wait`` (Retry-After, breaker)
    wins when longer, up to ``max_wait`` (a server saying ``Retry-After: 99999999`` must not
    park a report for years). Up to ``jitter`` (a fraction) is added so stations that failed
    together do not retry together.
    """
    step = ladder[min(max(attempts, 1), len(ladder)) - 1]
    step = step * (1 + jitter * rng())
    return max(step, min(wait or 0.0, max_wait))

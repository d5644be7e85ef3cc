"""What a queued report means before and after an upload: sent, retried, parked, quarantined.

The table is in :mod:`pywats.station.uploader`'s docstring; :func:`classify` is the one
place that decides, from the SDK's typed errors, and :func:`backoff` the wait.
:func:`check_payload` and :func:`invalid` judge a row before it is sent (unreadable: quarantine;
refused by the validator: park).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import orjson

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

__all__ = ["Outcome", "backoff", "check_payload", "classify", "invalid"]

_SMALL_PAYLOAD = 256 * 1024  # characters of JSON parsed whole to check it (fast, short-lived)


def _drop(_value: dict[str, Any]) -> None:
    return None


def check_payload(payload: str) -> None:
    """Raise ``ValueError`` unless ``payload`` is a JSON object, as ``QueueItem.report`` would.

    A small payload is parsed by orjson (about 10x the standard library; what it refuses, such
    as NaN or integers past 64 bits, is asked of the standard library). A large one is parsed
    without its tree: each object is dropped as soon as it is parsed (parsing a big report into
    dicts on every attempt left the service tens of MB larger for good).
    """
    if len(payload) <= _SMALL_PAYLOAD:
        try:
            value = orjson.loads(payload)
        except orjson.JSONDecodeError:
            pass
        else:
            if not isinstance(value, dict):
                raise ValueError("the stored payload is not a JSON object")
            return
    # An object parses to what _drop returns (None), as does "null": told apart by the text.
    if json.loads(payload, object_hook=_drop) is not None or not payload.lstrip().startswith("{"):
        raise ValueError("the stored payload is not a JSON object")


def invalid(report: dict[str, Any]) -> ReportValidationError | None:
    """The validator's objection to ``report`` (what the server would refuse), or None."""
    from pywats.reports import validate

    try:
        validate(report)
    except ReportValidationError as exc:
        return exc
    return None


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

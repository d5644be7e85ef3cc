"""The retry policy: which failures to try again, how long to wait, when to stop.

Read by the one retry loop in ``_call()`` (pywats/_async/_service.py); nothing else in pywats
retries. The decision is the error's own ``retryable`` flag (connection errors, timeouts, 408,
429, 5xx), so the SDK and the station queue agree on "try again" versus "give up":

1. a call that is not idempotent (a plain POST) is never retried;
2. a refusal by the circuit breaker is not retried, and a failure that opened the breaker is
   raised at once rather than slept on: the breaker's point is to fail fast;
3. a ``Retry-After`` longer than ``max_retry_after`` is not waited for: the error is raised;
4. otherwise wait ``Retry-After`` when the server sent one, else capped exponential backoff
   with jitter, until ``max_retries`` retries or ``max_elapsed`` seconds are used up.
"""

from __future__ import annotations

import logging
import random
from typing import TYPE_CHECKING, Any

from pywats._breaker import BreakerState, CircuitBreaker
from pywats._exceptions import CircuitOpenError, WatsError
from pywats._options import RetryConfig

if TYPE_CHECKING:
    from tenacity import RetryCallState

__all__ = ["retry_kwargs", "should_retry"]

logger = logging.getLogger("pywats.retry")


def should_retry(exc: BaseException, config: RetryConfig) -> bool:
    """Whether ``exc`` from an idempotent call is worth another attempt."""
    if not isinstance(exc, WatsError) or not exc.retryable:
        return False
    if isinstance(exc, CircuitOpenError):
        return False
    retry_after: float | None = getattr(exc, "retry_after", None)
    return retry_after is None or retry_after <= config.max_retry_after


class _Policy:
    """tenacity's retry/wait/stop/before_sleep callbacks for one RetryConfig."""

    def __init__(
        self, config: RetryConfig, breaker: CircuitBreaker | None, spent: float = 0.0
    ) -> None:
        self.config = config
        self.breaker = breaker
        self.spent = spent

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based), before jitter is added."""
        config = self.config
        return min(config.max_backoff, config.initial_backoff * 2.0 ** (attempt - 1))

    def retry(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None or not outcome.failed:
            return False
        exc = outcome.exception()
        if exc is None or not should_retry(exc, self.config):
            return False
        return self.breaker is None or self.breaker.state is not BreakerState.OPEN

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        retry_after: float | None = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return retry_after
        jitter = random.uniform(0, self.config.jitter) if self.config.jitter else 0.0
        return self.backoff(state.attempt_number) + jitter

    def stop(self, state: RetryCallState) -> bool:
        if state.attempt_number > self.config.max_retries:
            return True
        limit = self.config.max_elapsed
        if limit is None:
            return False
        # idle_for counts the waits even when a test's sleep does not really sleep.
        elapsed = max((state.seconds_since_start or 0.0) + self.spent, state.idle_for)
        return elapsed + (state.upcoming_sleep or 0.0) > limit

    def before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        logger.warning(
            "retrying in %.2f s (attempt %d of %d) after %s: %s",
            state.upcoming_sleep,
            state.attempt_number + 1,
            self.config.max_retries + 1,
            type(exc).__name__,
            exc,
        )


def retry_kwargs(
    config: RetryConfig, breaker: CircuitBreaker | None = None, *, spent: float = 0.0
) -> dict[str, Any]:
    """Keyword arguments for ``tenacity.Retrying`` / ``AsyncRetrying`` (without ``sleep``).

    ``spent`` is the seconds the call used before the loop started (its first attempt, made
    outside tenacity); ``max_elapsed`` counts them.
    """
    policy = _Policy(config, breaker, spent)
    return {
        "retry": policy.retry,
        "wait": policy.wait,
        "stop": policy.stop,
        "before_sleep": policy.before_sleep,
        "reraise": True,  # callers see ServerError, not tenacity.RetryError
    }

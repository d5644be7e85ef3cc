from __future__ import annotations

import pytest

from pywats import (
    AuthenticationError,
    CircuitOpenError,
    NotFoundError,
    RateLimitError,
    ServerError,
    WatsConnectionError,
    WatsTimeoutError,
)
from pywats._breaker import BreakerState, CircuitBreaker
from pywats._options import BreakerConfig


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(BreakerConfig(failure_threshold=3, reset_timeout=10), clock=clock)


def fail(breaker: CircuitBreaker, times: int = 1) -> None:
    for _ in range(times):
        breaker.before_call()
        breaker.record(ServerError(503, "down"))


def test_opens_after_consecutive_failures_and_refuses(breaker: CircuitBreaker) -> None:
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED
    assert breaker.failures == 2
    fail(breaker)
    assert breaker.state is BreakerState.OPEN
    with pytest.raises(CircuitOpenError) as info:
        breaker.before_call()
    assert info.value.retry_in == pytest.approx(10)
    assert info.value.retryable


def test_a_success_resets_the_count(breaker: CircuitBreaker) -> None:
    fail(breaker, 2)
    breaker.before_call()
    breaker.record(None)
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED


@pytest.mark.parametrize(
    "answer",
    [
        NotFoundError(404, "no"),
        AuthenticationError(401, "no"),
        RateLimitError(429, "slow down"),
    ],
)
def test_4xx_answers_do_not_count(breaker: CircuitBreaker, answer: Exception) -> None:
    fail(breaker, 2)
    breaker.before_call()
    breaker.record(answer)
    assert breaker.failures == 0
    assert breaker.state is BreakerState.CLOSED


@pytest.mark.parametrize(
    "failure", [WatsConnectionError("refused"), WatsTimeoutError("slow"), ServerError(500, "x")]
)
def test_transport_failures_and_5xx_count(breaker: CircuitBreaker, failure: Exception) -> None:
    for _ in range(3):
        breaker.before_call()
        breaker.record(failure)
    assert breaker.state is BreakerState.OPEN


def test_half_open_probe_closes_on_success(breaker: CircuitBreaker, clock: Clock) -> None:
    fail(breaker, 3)
    clock.now += 4
    assert breaker.retry_in == pytest.approx(6)
    clock.now += 6
    assert breaker.retry_in == 0
    breaker.before_call()  # the probe
    assert breaker.state is BreakerState.HALF_OPEN
    with pytest.raises(CircuitOpenError):
        breaker.before_call()  # only one probe at a time
    breaker.record(None)
    assert breaker.state is BreakerState.CLOSED
    breaker.before_call()


def test_half_open_probe_reopens_on_failure(breaker: CircuitBreaker, clock: Clock) -> None:
    fail(breaker, 3)
    clock.now += 10
    fail(breaker)  # the probe fails
    assert breaker.state is BreakerState.OPEN
    assert breaker.retry_in == pytest.approx(10)


def test_an_abandoned_probe_lets_the_next_call_probe(breaker: CircuitBreaker, clock: Clock) -> None:
    fail(breaker, 3)
    clock.now += 10
    breaker.before_call()
    breaker.abandon()
    assert breaker.state is BreakerState.OPEN
    breaker.before_call()
    assert breaker.state is BreakerState.HALF_OPEN


def test_reset_closes(breaker: CircuitBreaker) -> None:
    fail(breaker, 3)
    breaker.reset()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.failures == 0

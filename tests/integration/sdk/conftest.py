"""Fixtures for the SDK against the emulator: both twins, a sleep recorder, fault injection.

``async_api`` (used by the tests in ``_async/``) and ``api`` (their unasync'd twins in
``_sync/``) are clients on a fresh emulator state (``emulator``, ``fresh_emulator`` and
``faults`` come from tests/conftest.py), with every wait recorded in ``waits`` instead of
slept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from pywats._async._client import AsyncWATS
from pywats._options import BreakerConfig, RateLimit, RetryConfig
from pywats._sync._client import pyWATS
from pywats.testing import Emulator

# Fast, deterministic retries: the recorded waits are the backoff itself (no jitter).
RETRY = RetryConfig(max_retries=3, initial_backoff=0.25, max_backoff=2.0, jitter=0.0)


@pytest.fixture
def fresh(fresh_emulator: Emulator) -> Emulator:
    """The run's emulator (tests/conftest.py), reset to its seed data, faults cleared."""
    return fresh_emulator


@pytest.fixture
def waits() -> list[float]:
    """Every wait a client took (retry backoff, Retry-After, rate limit), in order."""
    return []


def client_kwargs(**overrides: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "retry": RETRY,
        "rate_limit": RateLimit(1000, 60),
        "circuit_breaker": BreakerConfig(failure_threshold=5, reset_timeout=30),
        "timeout": 10.0,
    }
    kwargs.update(overrides)
    return kwargs


@pytest.fixture
async def async_api(fresh: Emulator, waits: list[float]) -> AsyncIterator[AsyncWATS]:
    async def record(seconds: float) -> None:
        waits.append(seconds)

    async with AsyncWATS(fresh.url, fresh.token, sleep=record, **client_kwargs()) as client:
        yield client


@pytest.fixture
def api(fresh: Emulator, waits: list[float]) -> Iterator[pyWATS]:
    with pyWATS(fresh.url, fresh.token, sleep=waits.append, **client_kwargs()) as client:
        yield client


class FakeClock:
    """Monotonic time that moves only when a client sleeps (or a test says so)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()

"""Retry, Retry-After, rate limiting and the circuit breaker, through real faults.

Every test counts the requests the emulator saw, so "attempts never multiply" is checked
rather than assumed. (Async source; ``_sync/`` is generated from it.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pywats import (
    ApiError,
    BadRequestError,
    CircuitOpenError,
    NotFoundError,
    RateLimitError,
    ServerError,
    WatsConnectionError,
    WatsTimeoutError,
)
from pywats._async._client import AsyncWATS
from pywats._breaker import BreakerState
from pywats._options import BreakerConfig, RateLimit, RetryConfig
from pywats.testing import Emulator, Faults

from .test_report import make_report

if TYPE_CHECKING:
    from integration.sdk.conftest import FakeClock

PRODUCTS = "/api/Product/Query"
SUBMIT = "/api/Report/WSJF"
MAX_RETRIES = 3  # the retries of the async_api/api fixtures (conftest.RETRY)


@pytest.mark.anyio
async def test_5xx_is_retried_with_backoff(
    async_api: AsyncWATS, faults: Faults, waits: list[float]
) -> None:
    faults.add("GET", PRODUCTS, status=503, times=2)
    assert await async_api.product.query() == []
    assert faults.hits("GET", PRODUCTS) == 3
    assert waits == [0.25, 0.5]


@pytest.mark.anyio
async def test_retries_stop_and_the_last_error_is_raised(
    async_api: AsyncWATS, faults: Faults, waits: list[float]
) -> None:
    faults.add("GET", PRODUCTS, status=500, times=None)
    with pytest.raises(ServerError) as info:
        await async_api.product.query()
    assert info.value.status == 500
    assert faults.hits("GET", PRODUCTS) == MAX_RETRIES + 1
    assert waits == [0.25, 0.5, 1.0]


@pytest.mark.anyio
async def test_retry_after_is_honoured(
    async_api: AsyncWATS, faults: Faults, waits: list[float]
) -> None:
    faults.add("POST", SUBMIT, status=429, headers={"Retry-After": "2"}, times=1)
    await async_api.report.submit(make_report())
    assert faults.hits("POST", SUBMIT) == 2
    assert waits == [2.0]


@pytest.mark.anyio
async def test_a_retry_after_past_the_cap_is_raised_not_waited(
    fresh: Emulator, faults: Faults, waits: list[float]
) -> None:
    async def record(seconds: float) -> None:
        waits.append(seconds)

    retry = RetryConfig(max_retries=3, max_retry_after=5.0, jitter=0.0)
    async with AsyncWATS(fresh.url, fresh.token, retry=retry, sleep=record) as client:
        faults.add("GET", PRODUCTS, status=429, headers={"Retry-After": "3600"}, times=1)
        with pytest.raises(RateLimitError) as info:
            await client.product.query()
    assert info.value.retry_after == 3600.0
    assert info.value.retryable  # the station queue may still try again later
    assert faults.hits("GET", PRODUCTS) == 1
    assert waits == []


@pytest.mark.anyio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409])
async def test_4xx_is_never_retried(
    async_api: AsyncWATS, faults: Faults, waits: list[float], status: int
) -> None:
    faults.add("GET", PRODUCTS, status=status, times=None)
    with pytest.raises(ApiError) as info:
        await async_api.product.query()
    assert info.value.status == status
    assert not info.value.retryable
    assert faults.hits("GET", PRODUCTS) == 1
    assert waits == []


@pytest.mark.anyio
async def test_a_dropped_submission_is_reposted_and_stored_once(
    async_api: AsyncWATS, fresh: Emulator, faults: Faults
) -> None:
    # The server stores the report, then the connection dies before the answer arrives.
    faults.add("POST", SUBMIT, drop=True, after=True, times=1)
    report_id = await async_api.report.submit(make_report("SN-DROP"))
    assert faults.hits("POST", SUBMIT) == 2
    assert [r["id"] for r in fresh.reports()] == [str(report_id)]


@pytest.mark.anyio
async def test_a_non_idempotent_post_is_not_retried(
    async_api: AsyncWATS, faults: Faults, waits: list[float]
) -> None:
    faults.add("POST", "/api/Production/SerialNumbers/Take", status=503, times=1)
    with pytest.raises(ServerError):
        await async_api.production.take_serial_numbers("SerialNumber", 2)
    assert faults.hits("POST", "/api/Production/SerialNumbers/Take") == 1
    assert waits == []


@pytest.mark.anyio
async def test_max_retries_zero_makes_one_attempt(async_api: AsyncWATS, faults: Faults) -> None:
    faults.add("POST", SUBMIT, status=503, times=1)
    station_client = async_api.with_options(max_retries=0)
    with pytest.raises(ServerError) as info:
        await station_client.report.submit(make_report())
    assert info.value.retryable
    assert faults.hits("POST", SUBMIT) == 1
    # The copy shares the pool; the original still retries.
    faults.add("POST", SUBMIT, status=503, times=1)
    await async_api.report.submit(make_report())
    assert faults.hits("POST", SUBMIT) == 3


@pytest.mark.anyio
async def test_breaker_opens_refuses_probes_and_closes(
    fresh: Emulator, faults: Faults, clock: FakeClock
) -> None:
    breaker = BreakerConfig(failure_threshold=2, reset_timeout=30)
    async with AsyncWATS(
        fresh.url,
        fresh.token,
        retry=None,
        circuit_breaker=breaker,
        clock=clock,
        sleep=clock.async_sleep,
    ) as client:
        assert client.breaker is not None
        faults.add("GET", PRODUCTS, status=502, times=2)
        for _ in range(2):
            with pytest.raises(ServerError):
                await client.product.query()
        assert client.breaker.state is BreakerState.OPEN

        with pytest.raises(CircuitOpenError) as info:
            await client.product.query()
        assert info.value.retry_in == pytest.approx(30)
        assert faults.hits("GET", PRODUCTS) == 2  # refused without a request

        clock.advance(30)
        assert client.breaker.retry_in == 0
        assert await client.product.query() == []  # the probe succeeds
        assert client.breaker.state is BreakerState.CLOSED
        assert faults.hits("GET", PRODUCTS) == 3


@pytest.mark.anyio
async def test_a_failed_probe_reopens_the_breaker(
    fresh: Emulator, faults: Faults, clock: FakeClock
) -> None:
    breaker = BreakerConfig(failure_threshold=1, reset_timeout=10)
    async with AsyncWATS(
        fresh.url, fresh.token, retry=None, circuit_breaker=breaker, clock=clock
    ) as client:
        faults.add("GET", PRODUCTS, status=503, times=2)
        with pytest.raises(ServerError):
            await client.product.query()
        clock.advance(10)
        with pytest.raises(ServerError):
            await client.product.query()  # the probe
        assert client.breaker is not None
        assert client.breaker.state is BreakerState.OPEN
        assert client.breaker.retry_in == pytest.approx(10)


@pytest.mark.anyio
async def test_4xx_does_not_trip_the_breaker(
    fresh: Emulator, faults: Faults, clock: FakeClock
) -> None:
    breaker = BreakerConfig(failure_threshold=1, reset_timeout=10)
    async with AsyncWATS(
        fresh.url, fresh.token, retry=None, circuit_breaker=breaker, clock=clock
    ) as client:
        for _ in range(3):
            with pytest.raises(NotFoundError):
                await client.product.get("NOPE")
        faults.add("GET", PRODUCTS, status=400, times=1)
        with pytest.raises(BadRequestError):
            await client.product.query()
        assert client.breaker is not None
        assert client.breaker.state is BreakerState.CLOSED


@pytest.mark.anyio
async def test_retry_and_breaker_do_not_multiply_attempts(
    fresh: Emulator, faults: Faults, clock: FakeClock
) -> None:
    # Retries would allow 4 attempts; the breaker opens after 2, which ends the retrying.
    breaker = BreakerConfig(failure_threshold=2, reset_timeout=60)
    async with AsyncWATS(
        fresh.url,
        fresh.token,
        retry=RetryConfig(max_retries=3, jitter=0.0),
        circuit_breaker=breaker,
        clock=clock,
        sleep=clock.async_sleep,
    ) as client:
        faults.add("GET", PRODUCTS, status=503, times=None)
        with pytest.raises(ServerError):
            await client.product.query()
        assert client.breaker is not None
        assert client.breaker.state is BreakerState.OPEN
        with pytest.raises(CircuitOpenError):
            await client.product.query()
    assert faults.hits("GET", PRODUCTS) == 2
    assert clock.waits == [0.5]


@pytest.mark.anyio
async def test_rate_limit_waits_for_a_free_slot(
    fresh: Emulator, faults: Faults, clock: FakeClock
) -> None:
    async with AsyncWATS(
        fresh.url,
        fresh.token,
        rate_limit=RateLimit(3, 10),
        clock=clock,
        sleep=clock.async_sleep,
    ) as client:
        for _ in range(5):
            await client.product.query()
        assert client.rate_limiter is not None
    assert faults.hits("GET", PRODUCTS) == 5
    assert clock.waits == [10.0]


@pytest.mark.anyio
async def test_timeouts_and_refused_connections(fresh: Emulator, faults: Faults) -> None:
    async with AsyncWATS(fresh.url, fresh.token, retry=None) as client:
        faults.add("GET", PRODUCTS, delay=1.0, times=1)
        with pytest.raises(WatsTimeoutError) as info:
            await client.with_options(timeout=0.1).product.query()
        assert info.value.retryable
        assert client.options.timeout == 30.0  # the copy's timeout stays with the copy

    async with AsyncWATS("http://127.0.0.1:9", fresh.token, retry=None) as offline:
        with pytest.raises(WatsConnectionError, match="could not reach"):
            await offline.product.query()


@pytest.mark.anyio
async def test_max_elapsed_counts_the_first_attempt(
    fresh: Emulator, faults: Faults, waits: list[float]
) -> None:
    # The first attempt runs before the retry loop starts (the fast path of _call): its
    # time still counts towards max_elapsed, so a slow failure is not retried past it.
    async def record(seconds: float) -> None:
        waits.append(seconds)

    retry = RetryConfig(max_retries=3, initial_backoff=0.001, jitter=0.0, max_elapsed=0.2)
    async with AsyncWATS(fresh.url, fresh.token, retry=retry, sleep=record) as client:
        faults.add("GET", PRODUCTS, status=503, delay=0.4, times=1)
        with pytest.raises(ServerError):
            await client.product.query()
    assert faults.hits("GET", PRODUCTS) == 1
    assert waits == []

"""The half-open breaker admits one probe, even when older calls finish while it probes.

Calls admitted before the breaker opened (hung until their timeout, say) can end while the
probe is in flight; their outcome says nothing about the server *now* and must not free the
probe slot for a second probe.
"""

from __future__ import annotations

import anyio
import httpx
import pytest

from pywats import CircuitOpenError, ServerError
from pywats._async._client import AsyncWATS
from pywats._breaker import BreakerState
from pywats._options import BreakerConfig

TOKEN = "dGVzdDpzZWNyZXQ="


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.anyio
@pytest.mark.parametrize("stale_end", ["failure", "cancelled"])
async def test_a_stale_call_ending_during_the_probe_does_not_admit_a_second_probe(
    stale_end: str,
) -> None:
    clock = Clock()
    release_stale = anyio.Event()
    release_probe = anyio.Event()
    seen: list[int] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(len(seen) + 1)
        number = len(seen)
        if number == 1:  # the stale call: hangs, then fails
            await release_stale.wait()
            return httpx.Response(503)
        if number == 2:  # fails at once and opens the breaker
            return httpx.Response(503)
        if number == 3:  # the probe: in flight until released
            await release_probe.wait()
            return httpx.Response(200, json=[])
        return httpx.Response(200, json=[])

    api = AsyncWATS(
        "https://acme.wats.com",
        TOKEN,
        transport=httpx.MockTransport(handler),
        retry=None,
        rate_limit=None,
        circuit_breaker=BreakerConfig(failure_threshold=1, reset_timeout=10),
        clock=clock,
    )
    breaker = api.breaker
    assert breaker is not None
    outcomes: dict[str, object] = {}

    def state() -> BreakerState:  # a call, so mypy does not narrow it between checks
        assert breaker is not None
        return breaker.state

    async def call(name: str) -> None:
        try:
            outcomes[name] = await api.product.query()
        except Exception as exc:
            outcomes[name] = exc

    with anyio.fail_after(30):
        async with api, anyio.create_task_group() as tg:
            stale_scope = anyio.CancelScope()
            stale_over = anyio.Event()

            async def stale() -> None:
                with stale_scope:
                    await call("stale")
                stale_over.set()

            tg.start_soon(stale)
            while len(seen) < 1:
                await anyio.sleep(0.001)
            await call("opener")
            assert state() is BreakerState.OPEN

            clock.now += 10
            tg.start_soon(call, "probe")
            while len(seen) < 3:
                await anyio.sleep(0.001)
            assert state() is BreakerState.HALF_OPEN

            if stale_end == "failure":
                release_stale.set()
                while "stale" not in outcomes:
                    await anyio.sleep(0.001)
                assert isinstance(outcomes["stale"], ServerError)
            else:
                stale_scope.cancel()
                await stale_over.wait()  # its cancellation has run its course

            clock.now += 10
            await call("second")
            assert isinstance(outcomes["second"], CircuitOpenError)
            assert len(seen) == 3  # no second probe reached the server

            release_probe.set()
            release_stale.set()
    assert outcomes["probe"] == []
    assert state() is BreakerState.CLOSED

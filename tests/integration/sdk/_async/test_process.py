"""``api.process`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_processes(async_api: AsyncWATS) -> None:
    processes = await async_api.process.query()
    codes = {p["code"] for p in processes}
    assert {10, 50, 100, 500} <= codes
    repairs = await async_api.process.query(
        include_repair_operations=True, include_test_operations=False
    )
    assert {p["code"] for p in repairs} >= {500, 510}

    eol = await async_api.process.get(100)
    assert eol is not None
    assert eol["name"] == "End of line test"
    by_name = await async_api.process.get("Repair")
    assert by_name is not None
    assert by_name["code"] == 500

    with pytest.raises(NotFoundError):
        await async_api.process.get(4242)
    assert await async_api.with_options(error_mode="lenient").process.get(4242) is None


@pytest.mark.anyio
async def test_processes_are_reference_data_kept_for_the_ttl(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    route = ("GET", "/api/app/processes")
    assert async_api.process.freshness() is None
    assert (await async_api.process.get(100))["code"] == 100
    assert (await async_api.process.get("Repair"))["code"] == 500
    await async_api.process.query(
        include_test_operations=True, include_repair_operations=True, include_wip_operations=True
    )  # the default list, spelt out
    copy = async_api.with_options(max_retries=0)  # copies share the cache
    assert (await copy.process.get("PCBA test"))["code"] == 50
    assert fresh.requests[route] == 1
    kept = async_api.process.freshness()
    assert kept is not None
    assert kept.source == "cache"

    repairs = await async_api.process.query(include_repair_operations=True)
    assert {p["code"] for p in repairs} == {500, 510}
    assert fresh.requests[route] == 2  # other flags, another entry

    refreshed = await async_api.process.refresh()
    assert {p["code"] for p in refreshed} >= {10, 100}
    fetched = async_api.process.freshness()
    assert fetched is not None
    assert (fetched.source, fetched.age) == ("server", "just now")
    assert fresh.requests[route] == 3

    async_api.process.cache.ttl = 0  # never reuse
    await async_api.process.get(100)
    await async_api.process.get(100)
    assert fresh.requests[route] == 5
    with pytest.raises(ValueError, match="ttl"):
        async_api.process.cache.ttl = -1

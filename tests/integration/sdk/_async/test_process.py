"""``api.process`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS


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

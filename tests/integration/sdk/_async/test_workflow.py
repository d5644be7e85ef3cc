"""``api.workflow`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats._station import Station
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_start_and_end_a_test_activity(async_api: AsyncWATS, fresh: Emulator) -> None:
    await async_api.product.save({"partNumber": "PCB-1", "name": "Board"})
    await async_api.production.save_units([{"serialNumber": "SN-1", "partNumber": "PCB-1"}])

    assert await async_api.workflow.end_test("SN-1", "PCB-1") is False  # nothing running
    assert await async_api.workflow.start_test("SN-1", "PCB-1", operator="ann", station="ICT-01")
    assert await async_api.workflow.start_test("SN-1", "PCB-1") is False  # already running
    assert await async_api.workflow.start_test("SN-1", "PCB-1", status="Draft") is False
    assert await async_api.workflow.end_test("SN-1", "PCB-1", passed=False, status=2) is True

    [state] = fresh.entities("workflow")
    assert state["running"] is False
    assert [(h["action"], h.get("passed")) for h in state["history"]] == [
        ("StartTest", None),
        ("EndTest", False),
    ]
    assert state["history"][0]["operatorName"] == "ann"

    # A client made for a station names it when the call does not.
    async with AsyncWATS(fresh.url, fresh.token, station=Station("ICT-09")) as station_api:
        assert await station_api.workflow.start_test("SN-1", "PCB-1") is True
    assert fresh.entities("workflow")[0]["history"][-1]["stationName"] == "ICT-09"

    with pytest.raises(NotFoundError):
        await async_api.workflow.start_test("NO-SUCH", "PCB-1")
    with pytest.raises(ValueError, match="status"):
        await async_api.workflow.start_test("SN-1", "PCB-1", status="Shipped")  # type: ignore[arg-type]

"""``api.asset`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import datetime as dt

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats._odata import F


async def _fixture_type_id(async_api: AsyncWATS) -> str:
    types = await async_api.asset.query_types(F("typeName").eq("Fixture"))
    assert len(types) == 1
    return str(types[0].type_id)


@pytest.mark.anyio
async def test_asset_lifecycle(async_api: AsyncWATS) -> None:
    type_id = await _fixture_type_id(async_api)
    await async_api.asset.save({"serialNumber": "FX-1", "typeId": type_id, "assetName": "Bed"})
    await async_api.asset.save(
        {"serialNumber": "FX-1-PIN", "typeId": type_id, "parentSerialNumber": "FX-1"}
    )

    asset = await async_api.asset.get("FX-1")
    assert asset is not None
    assert asset.serial_number == "FX-1"
    by_id = await async_api.asset.get(str(asset.asset_id))
    assert by_id is not None
    assert by_id.serial_number == "FX-1"

    listed = await async_api.asset.query(F("serialNumber").eq("FX-1"))
    assert [a.serial_number for a in listed] == ["FX-1"]

    await async_api.asset.increment_count(serial_number="FX-1", increment_by=5)
    await async_api.asset.increment_count(str(asset.asset_id), total_count=8)
    status = await async_api.asset.get_status(serial_number="FX-1")
    assert status["serialNumber"] == "FX-1"
    assert (await async_api.asset.get("FX-1")).total_count == 8  # type: ignore[union-attr]

    await async_api.asset.reset_running_count(serial_number="FX-1", comment="new pins")
    assert (await async_api.asset.get("FX-1")).running_count == 0  # type: ignore[union-attr]

    when = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
    await async_api.asset.record_calibration(serial_number="FX-1", date_time=when, comment="ok")
    await async_api.asset.record_maintenance(serial_number="FX-1", comment="cleaned")
    await async_api.asset.post_message(serial_number="FX-1", content="Bed 3 is loose")
    await async_api.asset.set_state(serial_number="FX-1", state=2)
    assert (await async_api.asset.get("FX-1")).state == 2  # type: ignore[union-attr]

    paged_assets = [a.serial_number async for a in async_api.asset.iter(page_size=1)]
    assert sorted(paged_assets) == ["FX-1", "FX-1-PIN"]
    log = await async_api.asset.query_log(top=50)
    paged = [entry.comment async for entry in async_api.asset.iter_log(page_size=2)]
    assert [entry.comment for entry in log] == paged
    comments = [entry.comment for entry in log]
    assert "Bed 3 is loose" in comments
    assert "cleaned" in comments

    children = await async_api.asset.get_sub_assets(serial_number="FX-1", level=1)
    assert [c["serialNumber"] for c in children] == ["FX-1-PIN"]

    await async_api.asset.delete(serial_number="FX-1-PIN")
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.asset.get("FX-1-PIN") is None
    with pytest.raises(NotFoundError):
        await async_api.asset.get("FX-1-PIN")


@pytest.mark.anyio
async def test_asset_types_and_misuse(async_api: AsyncWATS) -> None:
    await async_api.asset.save_type({"typeName": "Probe", "calibrationInterval": 30.0})
    names = [t.type_name for t in await async_api.asset.query_types()]
    assert "Probe" in names
    with pytest.raises(ValueError, match="exactly one"):
        await async_api.asset.get_status()
    with pytest.raises(ValueError, match="exactly one"):
        await async_api.asset.delete("x", serial_number="y")
    with pytest.raises(ValueError, match="timezone"):
        await async_api.asset.record_calibration("x", date_time=dt.datetime(2026, 1, 1))

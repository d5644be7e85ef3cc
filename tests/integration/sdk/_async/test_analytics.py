"""``api.analytics`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport
from pywats.testing import Emulator

GROUP = "All products"


def _report(sn: str, value: float) -> UUTReport:
    report = UUTReport(
        pn="PCB-A",
        sn=sn,
        rev="A",
        process_code=50,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
    )
    report.root.add_sequence("Power").add_numeric_step("3V3", value=value, low=3.2, high=3.4)
    return report


@pytest.fixture
async def populated(async_api: AsyncWATS) -> AsyncWATS:
    await async_api.product.save({"partNumber": "PCB-A", "name": "Board A"})
    for i, value in enumerate([3.3, 3.31, 3.5, 3.29]):
        await async_api.report.submit(_report(f"SN-{i}", value))
    return async_api


@pytest.mark.anyio
async def test_reference_data(async_api: AsyncWATS) -> None:
    assert "emulator" in await async_api.analytics.get_version()
    levels = await async_api.analytics.get_levels()
    assert levels
    groups = await async_api.analytics.get_product_groups(include_filters=True)
    assert GROUP in [g["productGroupName"] for g in groups]
    settings = await async_api.analytics.get_user_settings("admin")
    assert settings is not None
    assert GROUP in (settings.product_groups or [])


@pytest.mark.anyio
async def test_yield_and_volume(populated: AsyncWATS, fresh: Emulator) -> None:
    api = populated
    rows = await api.analytics.query_dynamic_yield(
        dimensions="unitCount desc;partNumber", period_count=30, date_grouping=1
    )
    assert rows[0]["partNumber"] == "PCB-A"
    assert rows[0]["unitCount"] == 4

    def parts(result: Any) -> list[str]:
        return [row["partNumber"] for row in result]

    assert parts(await api.analytics.query_volume_yield(product_group=GROUP)) == ["PCB-A"]
    assert parts(await api.analytics.query_high_volume(top_count=5)) == ["PCB-A"]
    assert parts(await api.analytics.query_worst_yield({"topCount": 5})) == ["PCB-A"]
    assert await api.analytics.query_high_volume_by_product_group()
    assert await api.analytics.query_worst_yield_by_product_group()

    group_id = next(
        g["productGroupId"]
        for g in await api.analytics.get_product_groups()
        if g["productGroupName"] == GROUP
    )
    for get in (
        api.analytics.get_volume_yield,
        api.analytics.get_high_volume,
        api.analytics.get_worst_yield,
    ):
        assert parts(await get(days=7, product_group_id=group_id, level_id="1")) == ["PCB-A"]

    failed = await api.analytics.query_top_failed(part_number="PCB-A", test_operation="PCBA test")
    assert failed
    assert await api.analytics.get_top_failed(
        "PCB-A",
        process_code="50",
        product_group_id=group_id,
        level_id="1",
        days=7,
        count=5,
    )
    assert isinstance(await api.analytics.query_dynamic_repair(dimensions="partNumber"), list)
    assert fresh.faults.hits("POST", "/api/App/DynamicRepair") == 1


@pytest.mark.anyio
async def test_measurements_and_reports(populated: AsyncWATS) -> None:
    api = populated
    flt = {"part_number": "PCB-A", "test_operation": "PCBA test"}
    assert await api.analytics.query_test_step_analysis(**flt)
    assert await api.analytics.query_measurements(**flt)
    assert await api.analytics.query_aggregated_measurements(**flt)
    assert await api.analytics.query_oee(
        part_number="PCB-A", date_from=dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    )
    history = await api.analytics.query_serial_number_history(serial_number="SN-1")
    assert history

    uut = await api.analytics.query_uut_reports(part_number="PCB-A", top_count=2)
    assert len(uut) == 2
    assert len(await api.analytics.get_uut_reports(part_number="PCB-A")) == 4
    assert await api.analytics.query_uur_reports(part_number="PCB-A") == []
    assert isinstance(await api.analytics.get_related_repair_history("PCB-A", "A"), list)


@pytest.mark.anyio
async def test_filter_misuse(async_api: AsyncWATS) -> None:
    with pytest.raises(TypeError, match="unknown analytics filter field"):
        await async_api.analytics.query_top_failed(partnumber="x")
    with pytest.raises(ValueError, match="timezone"):
        await async_api.analytics.query_uut_reports(date_from=dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="days"):
        await async_api.analytics.get_volume_yield(days=0, product_group_id="x", level_id="1")

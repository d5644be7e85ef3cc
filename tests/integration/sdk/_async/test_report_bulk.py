"""``api.report.export`` and ``submit_many`` against the emulator (async source of both twins)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pywats import ServerError
from pywats._async._client import AsyncWATS
from pywats._bulk import ExportResult
from pywats._odata import F
from pywats.reports import UUTReport
from pywats.testing import Emulator


def make_report(sn: str, pn: str = "PCB-1") -> UUTReport:
    report = UUTReport(
        pn=pn,
        sn=sn,
        rev="A",
        process_code=50,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
        operator="op1",
    )
    report.root.add_sequence("Power").add_numeric_step("3V3", 3.31, low=3.2, high=3.4)
    return report


@pytest.mark.anyio
async def test_submit_many_stores_the_good_reports_and_returns_the_rejected(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    reports: list[object] = [make_report(f"SN-{i}") for i in range(5)]
    reports.insert(2, {"type": "T", "pn": ""})
    results = [r async for r in async_api.report.submit_many(reports, concurrency=3)]
    assert sorted(r.index for r in results) == list(range(6))
    bad = [r for r in results if not r.ok]
    assert [r.index for r in bad] == [2]
    assert bad[0].rejected
    assert bad[0].problems
    assert {str(r.id) for r in results if r.ok} == {d["id"] for d in fresh.reports()}


@pytest.mark.anyio
async def test_export_in_order_then_again_with_every_file_present(
    async_api: AsyncWATS, fresh: Emulator, tmp_path: Path
) -> None:
    async for _ in async_api.report.submit_many([make_report(f"SN-{i}") for i in range(6)]):
        pass
    async for _ in async_api.report.submit_many([make_report("X-1", pn="OTHER")]):
        pass
    where = F("partNumber").eq("PCB-1")
    first = [
        r async for r in async_api.report.export(where, to=tmp_path, concurrency=3, ordered=True)
    ]
    assert [r.index for r in first] == list(range(6))
    assert {r.status for r in first} == {"written"}
    assert first[0].total == 6
    for r in first:
        assert r.path is not None
        assert json.loads(r.path.read_bytes())["sn"] == r.header.serial_number
    again = [r async for r in async_api.report.export(where, to=tmp_path, format="wsjf")]
    assert {r.status for r in again} == {"present"}
    assert len(list(tmp_path.iterdir())) == 6


@pytest.mark.anyio
async def test_export_stops_on_a_server_failure_after_the_requests_in_flight(
    async_api: AsyncWATS, fresh: Emulator, tmp_path: Path
) -> None:
    async for _ in async_api.report.submit_many([make_report(f"SN-{i}") for i in range(6)]):
        pass
    fresh.faults.add("GET", "/api/Report/Wsjf/*", status=503, times=None)
    seen: list[ExportResult] = []

    async def run() -> None:
        async for r in async_api.report.export(to=tmp_path, concurrency=3):
            seen.append(r)

    with pytest.raises(ServerError):
        await run()
    # The first request goes alone and fails: nothing else is tried.
    assert [r.status for r in seen] == ["failed"]
    assert isinstance(seen[0].error, ServerError)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.anyio
async def test_bulk_calls_refuse_a_concurrency_below_one(
    async_api: AsyncWATS, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        async for _ in async_api.report.export(to=tmp_path, concurrency=0):
            pass
    with pytest.raises(ValueError, match="format"):
        async for _ in async_api.report.export(to=tmp_path, format="csv"):  # type: ignore[arg-type]
            pass

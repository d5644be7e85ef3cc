"""``api.report`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from pywats import BadRequestError, NotFoundError, ReportValidationError
from pywats._async._client import AsyncWATS
from pywats._odata import F
from pywats._station import Station
from pywats.reports import UURReport, UUTReport
from pywats.testing import Emulator


def make_report(sn: str = "SN-1", pn: str = "PCB-1", *, low: float = 3.2) -> UUTReport:
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
    power = report.root.add_sequence("Power")
    power.add_numeric_step("3V3", value=3.31, low=low, high=3.4, unit="V")
    return report


def make_wsjf(**overrides: Any) -> dict[str, Any]:
    data = make_report().to_wsjf()
    data.update(overrides)
    return data


@pytest.mark.anyio
async def test_submit_then_get_round_trips(async_api: AsyncWATS, fresh: Emulator) -> None:
    report = make_report("SN-RT")
    report_id = await async_api.report.submit(report)
    assert report_id == uuid.UUID(str(report.id))
    assert fresh.faults.hits("POST", "/api/Report/WSJF") == 1

    back = await async_api.report.get(report_id)
    assert isinstance(back, UUTReport)
    assert back.sn == "SN-RT"
    assert back.station_name == "ST-01"

    raw = await async_api.report.get_wsjf(str(report_id), detail_level=0)
    assert raw is not None
    assert raw["sn"] == "SN-RT"


@pytest.mark.anyio
async def test_submit_accepts_a_dict_and_a_path(
    async_api: AsyncWATS, fresh: Emulator, tmp_path: Path
) -> None:
    data = make_wsjf(sn="SN-DICT")
    del data["id"]
    first = await async_api.report.submit(data)
    assert "id" not in data  # the caller's dict is left alone

    path = tmp_path / "report.json"
    path.write_text(json.dumps(make_wsjf(sn="SN-FILE")), encoding="utf-8")
    second = await async_api.report.submit(path)

    stored = {r["sn"]: r["id"] for r in fresh.reports()}
    assert stored == {"SN-DICT": str(first), "SN-FILE": str(second)}


@pytest.mark.anyio
async def test_submit_json_sends_the_text_as_it_is(async_api: AsyncWATS, fresh: Emulator) -> None:
    data = make_wsjf(sn="SN-TEXT")
    text = json.dumps(data, separators=(",", ":"))
    report_id = await async_api.report.submit_json(text, report_id=data["id"])
    assert report_id == uuid.UUID(data["id"])
    assert [r["sn"] for r in fresh.reports()] == ["SN-TEXT"]
    # Not checked here: the server judges it (the station checked it when it was converted).
    bad = json.dumps(make_wsjf(sn="SN-BAD", pn=""))
    with pytest.raises(BadRequestError):
        await async_api.report.submit_json(bad.encode())
    assert fresh.faults.hits("POST", "/api/Report/WSJF") == 2


@pytest.mark.anyio
async def test_invalid_reports_are_refused_before_sending(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    with pytest.raises(ReportValidationError) as info:
        await async_api.report.submit(make_wsjf(result="X", sn=""))
    assert len(info.value.lines) >= 2
    assert fresh.faults.hits("POST", "/api/Report/WSJF") == 0


@pytest.mark.anyio
async def test_server_rejection_is_a_bad_request_with_lines(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    # Valid locally, but process 999 does not exist on the server.
    with pytest.raises(BadRequestError) as info:
        await async_api.report.submit(make_wsjf(processCode=999))
    assert info.value.status == 400
    assert info.value.lines
    assert fresh.faults.hits("POST", "/api/Report/WSJF") == 1  # a 400 is not retried


@pytest.mark.anyio
async def test_the_active_station_fills_empty_header_fields(fresh: Emulator) -> None:
    station = Station("HUB-7", "Line 9", "Repair")
    async with AsyncWATS(fresh.url, fresh.token, station=station) as client:
        assert client.station == station
        data = make_wsjf(machineName="", location="", purpose="")
        report_id = await client.report.submit(data)
    stored = fresh.report(str(report_id))
    assert stored is not None
    assert (stored["machineName"], stored["location"], stored["purpose"]) == (
        "HUB-7",
        "Line 9",
        "Repair",
    )


@pytest.mark.anyio
async def test_get_unknown_report(async_api: AsyncWATS) -> None:
    missing = uuid.uuid4()
    with pytest.raises(NotFoundError):
        await async_api.report.get(missing)
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.report.get(missing) is None
    with pytest.raises(ValueError, match="GUID"):
        await async_api.report.get("not-a-guid")


@pytest.mark.anyio
async def test_query_and_iterate_headers(async_api: AsyncWATS) -> None:
    for i in range(7):
        await async_api.report.submit(make_report(f"SN-{i:02d}", pn="PCB-Q"))
    await async_api.report.submit(make_report("OTHER", pn="PCB-Z"))

    headers = await async_api.report.query_headers(
        F("partNumber").eq("PCB-Q"), top=3, orderby="serialNumber asc"
    )
    assert [h.serial_number for h in headers] == ["SN-00", "SN-01", "SN-02"]

    seen = [
        h.serial_number
        async for h in async_api.report.iter_headers(
            F("partNumber").eq("PCB-Q"), orderby="serialNumber asc", page_size=3
        )
    ]
    assert seen == [f"SN-{i:02d}" for i in range(7)]

    limited = [h async for h in async_api.report.iter_headers(page_size=2, limit=5)]
    assert len(limited) == 5


@pytest.mark.anyio
async def test_attachments_certificate_and_misc_info(async_api: AsyncWATS) -> None:
    report = make_report("SN-X")
    report.add_misc_info("Firmware", "1.2.3")
    step = report.root.add_sequence("Files")
    attached = step.add_action_step("Log")
    attached.attach("log.txt", b"hello", content_type="text/plain")
    report_id = await async_api.report.submit(report)

    back = await async_api.report.get(report_id)
    assert back is not None
    step_ids = [s.id for s in back.root.walk() if s.attachment is not None]
    content = await async_api.report.get_attachment(report_id, step_id=step_ids[0])
    assert content == b"hello"
    archive = await async_api.report.get_attachments(report_id)
    assert archive is not None
    assert archive[:2] == b"PK"
    certificate = await async_api.report.get_certificate(report_id)
    assert certificate

    matches = await async_api.report.find_by_misc_info(description="Firmware", data="1.2.3")
    assert [m.serial_number for m in matches] == ["SN-X"]


@pytest.mark.anyio
async def test_uur_reports_round_trip(async_api: AsyncWATS) -> None:
    uut_id = await async_api.report.submit(make_report("SN-R"))
    repair = UURReport(
        pn="PCB-1",
        sn="SN-R",
        rev="A",
        process_code=500,
        station_name="RW-1",
        location="Repair bench",
        purpose="Repair",
        operator="op2",
        ref_uut=str(uut_id),
        test_process_code=50,
    )
    report_id = await async_api.report.submit(repair)
    back = await async_api.report.get(report_id)
    assert isinstance(back, UURReport)

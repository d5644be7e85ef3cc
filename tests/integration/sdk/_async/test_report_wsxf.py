"""``api.report.submit_wsxf``/``get_wsxf`` against the emulator (async source; ``_sync/`` is
generated from it)."""

from __future__ import annotations

import pytest

from pywats import BadRequestError, NotFoundError
from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport
from pywats.station.converters.wsxf import wsjf_to_wsxf, wsxf_to_wsjf


def make_report() -> UUTReport:
    report = UUTReport(
        pn="PCB-1",
        sn="SN-X1",
        rev="A",
        process_code=50,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
        operator="op1",
    )
    report.root.add_sequence("Power").add_numeric_step("3V3", 3.31, low=3.2, high=3.4, unit="V")
    return report


@pytest.mark.anyio
async def test_submit_wsxf_then_get_it_back_as_wsxf(async_api: AsyncWATS) -> None:
    data = make_report().to_wsjf()
    report_id = await async_api.report.submit_wsxf(wsjf_to_wsxf(data))
    assert str(report_id) == data["id"]
    document = await async_api.report.get_wsxf(data["id"])
    assert document is not None
    [back] = wsxf_to_wsjf(document)
    assert (back["sn"], back["result"], back["processName"]) == ("SN-X1", "P", "PCBA test")
    step = back["root"]["steps"][0]["steps"][0]
    assert step["numericMeas"][0]["value"] == 3.31


@pytest.mark.anyio
async def test_refused_and_unknown(async_api: AsyncWATS) -> None:
    with pytest.raises(BadRequestError) as caught:
        await async_api.report.submit_wsxf(b"<Reports><Report type='UUT'/></Reports>")
    assert "line 1, column 10: <Report> has no Result attribute" in str(caught.value)
    with pytest.raises(NotFoundError):
        await async_api.report.get_wsxf("00000000-0000-0000-0000-000000000001")

"""NaN in an int32 report field: refused by name on both JSON paths, never sent as null.

orjson writes a non-finite float as ``null`` where ``json.dumps`` raises, so a report whose
``error_code`` was NaN used to leave ``to_json()`` as ``"errorCode":null`` and reach the
server through ``submit_json`` as a different report. An int32 cannot hold NaN
(``reference/wats-api.md`` §4), so the writer refuses it for both paths alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from pywats import NotFoundError, ReportValidationError
from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport
from pywats.reports import _json as wsjf_json
from pywats.testing import Emulator


@pytest.fixture(params=["orjson", "stdlib"])
def engine(request: pytest.FixtureRequest) -> Iterator[str]:
    previous = wsjf_json.use_orjson(request.param == "orjson")
    try:
        yield request.param
    finally:
        wsjf_json.use_orjson(previous)


def board(sn: str) -> UUTReport:
    report = UUTReport(
        pn="PCB-1",
        sn=sn,
        rev="A",
        process_code=50,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
    )
    report.root.add_sequence("Power").add_numeric_step("3V3", value=3.31, low=3.2, high=3.4)
    return report


def nan_in_uut(r: UUTReport) -> None:
    r.error_code = math.nan  # type: ignore[assignment]


def inf_in_a_step(r: UUTReport) -> None:
    r.root.steps[0].steps[0].error_code = math.inf  # type: ignore[assignment,index]


def nan_in_misc_info(r: UUTReport) -> None:
    r.add_misc_info("Fixture", numeric=math.nan)  # type: ignore[arg-type]


def nan_in_asset(r: UUTReport) -> None:
    r.add_asset("DMM-1", usage_count=math.nan)  # type: ignore[arg-type]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("spoil", "line"),
    [
        (nan_in_uut, "uut: errorCode must be an integer, not nan."),
        (inf_in_a_step, "step '3V3': errorCode must be an integer, not inf."),
        (nan_in_misc_info, "miscInfo 'Fixture': numeric must be an integer, not nan."),
        (nan_in_asset, "asset 'DMM-1': usageCount must be an integer, not nan."),
    ],
)
async def test_a_nan_integer_is_refused_by_name_and_never_reaches_the_server(
    async_api: AsyncWATS, fresh: Emulator, engine: str, spoil: object, line: str
) -> None:
    good = board("SN-INT-GOOD")
    assert await async_api.report.submit_json(good.to_json()) is not None
    assert (await async_api.report.get(str(good.id))).sn == "SN-INT-GOOD"

    bad = board("SN-INT-NAN")
    spoil(bad)  # type: ignore[operator]
    with pytest.raises(ReportValidationError) as caught:
        await async_api.report.submit_json(bad.to_json())
    assert caught.value.lines == [line]
    with pytest.raises(ReportValidationError) as again:
        await async_api.report.submit(bad)
    assert line in again.value.lines
    with pytest.raises(NotFoundError):
        await async_api.report.get(str(bad.id))
    assert fresh.faults.hits("POST", "/api/Report/WSJF") == 1

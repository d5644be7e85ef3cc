"""What a submission puts on the wire (async source; ``_sync/`` is generated from it).

The submit path is tuned for CPU (issue 22): the body is written by pywats' JSON writer,
the URL merged once per client, cookies read only from answers that set some. These tests
hold the wire to what httpx itself sent before: the same bytes, the same URL under a
virtual directory, and a load balancer's cookie still sent back.
"""

from __future__ import annotations

import json
import uuid

import pytest

from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport
from tests.integration.sdk._recorder import recording_server

TOKEN = "dGVzdDpzZWNyZXQ="


def _report(leak: float = 0.5) -> UUTReport:
    report = UUTReport(
        pn="PCB-1",
        sn="SN-Ω-1",  # non-ASCII stays as UTF-8, as httpx's json= wrote it
        rev="A",
        process_code=50,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
        operator="op1",
    )
    seq = report.root.add_sequence("Power")
    seq.add_numeric_step("leak", value=leak, low=0.0, high=leak * 2, unit="A")
    seq.add_numeric_step("3V3", value=3.31, low=3.2, high=3.4, unit="V")
    return report


@pytest.mark.anyio
@pytest.mark.parametrize("leak", [0.5, 1e-05])  # orjson writes the first; 1e-05 is Python's
async def test_submit_sends_what_httpx_json_sent_to_the_url_under_a_virtual_directory(
    leak: float,
) -> None:
    report = _report(leak)
    with recording_server() as (url, seen):
        async with AsyncWATS(url + "/wats", TOKEN, retry=None) as api:
            first = await api.report.submit(report)
            again = await api.with_options(timeout=5).report.submit(report.to_wsjf())
    assert first == again == uuid.UUID(str(report.id))
    assert [r.path for r in seen] == ["/wats/api/Report/WSJF"] * 2
    expected = json.dumps(
        report.to_wsjf(), separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
    for request in seen:
        assert request.body == expected
        assert request.headers["content-type"] == "application/json"
        assert request.headers["content-length"] == str(len(expected))
        assert request.headers["authorization"] == f"Basic {TOKEN}"


@pytest.mark.anyio
async def test_submit_json_posts_the_text_as_it_is() -> None:
    text = json.dumps(_report().to_wsjf(), indent=1)  # not the compact form: sent unchanged
    with recording_server() as (url, seen):
        async with AsyncWATS(url, TOKEN, retry=None) as api:
            got = await api.report.submit_json(text, report_id="x")
    assert got == uuid.UUID(json.loads(text)["id"])
    assert [r.path for r in seen] == ["/api/Report/WSJF"]
    assert seen[0].body == text.encode("utf-8")


@pytest.mark.anyio
async def test_a_cookie_the_server_sets_is_sent_back() -> None:
    # A load balancer's affinity cookie: kept and returned as before the submit path skipped
    # reading answers that set none.
    with recording_server(set_cookie="affinity=node-2; Path=/") as (url, seen):
        async with AsyncWATS(url, TOKEN, retry=None) as api:
            await api.report.submit(_report())
            await api.report.submit(_report())
            await api.report.submit(_report())
    assert "cookie" not in seen[0].headers
    assert [r.headers.get("cookie") for r in seen[1:]] == ["affinity=node-2"] * 2

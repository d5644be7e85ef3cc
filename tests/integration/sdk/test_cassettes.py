"""Recorded SDK traffic (pytest-recording / vcrpy), replayed with the network blocked.

Replay (the default, and what CI does): the client points at an address that is never
contacted; vcrpy answers from ``tests/cassettes/sdk/`` and the ``block_network`` mark makes
any real connection an error. Requests match on method, path, query and body, not host, so a
cassette recorded anywhere replays here. Authorization headers are scrubbed on recording.

Re-record (against PYWATS_SERVER_URL/PYWATS_API_TOKEN when set, else a fresh emulator)::

    PYWATS_SERVER_URL=https://acme.wats.com PYWATS_API_TOKEN=... \
        .venv/bin/pytest tests/integration/sdk/test_cassettes.py --record-mode=rewrite
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats._odata import F
from pywats._sync._client import pyWATS
from pywats.reports import UUTReport

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "sdk"
REPLAY_URL = "http://wats-replay.invalid"
REPORT_ID = "0b8a6f3e-2c1d-4a5b-9e7f-123456789abc"


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": [("authorization", "REDACTED")],
        "match_on": ["method", "path", "query", "body"],
    }


@pytest.fixture
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture
def server(request: pytest.FixtureRequest, record_mode: str) -> tuple[str, str]:
    """(url, token): a dummy on replay; the named server or a fresh emulator on recording."""
    if record_mode == "none":
        return REPLAY_URL, "cmVwbGF5OnJlcGxheQ=="
    url, token = os.environ.get("PYWATS_SERVER_URL"), os.environ.get("PYWATS_API_TOKEN")
    if url and token:
        return url, token
    emulator = request.getfixturevalue("fresh")
    return emulator.url, emulator.token


@pytest.fixture
def api(server: tuple[str, str]) -> Iterator[pyWATS]:
    with pyWATS(*server, retry=None) as client:
        yield client


def fixed_report() -> UUTReport:
    # Fixed id and time: the submitted body must be the same on every replay.
    report = UUTReport(
        id=REPORT_ID,
        start=dt.datetime(2026, 1, 30, 22, 1, 41, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        pn="CAS-PCB-1",
        sn="CAS-SN-1",
        rev="A",
        process_code=50,
        station_name="CAS-ST-1",
        location="Cassette lab",
        purpose="Development",
        operator="recorder",
    )
    power = report.root.add_sequence("Power")
    power.add_numeric_step("3V3", value=3.31, low=3.2, high=3.4, unit="V")
    return report


@pytest.mark.vcr
@pytest.mark.block_network
def test_reference_calls(api: pyWATS) -> None:
    assert api.analytics.get_version()
    codes = {p["code"] for p in api.process.query()}
    assert 50 in codes
    with pytest.raises(NotFoundError):
        api.product.get("CAS-NO-SUCH-PRODUCT")


@pytest.mark.vcr
@pytest.mark.block_network
def test_product_round_trip(api: pyWATS) -> None:
    api.product.save({"partNumber": "CAS-PCB-1", "name": "Cassette board", "state": 1})
    product = api.product.get("CAS-PCB-1")
    assert product is not None
    assert product.name == "Cassette board"


@pytest.mark.vcr
@pytest.mark.block_network
def test_report_submit_read_and_query(api: pyWATS) -> None:
    report_id = api.report.submit(fixed_report())
    assert report_id == uuid.UUID(REPORT_ID)
    back = api.report.get(report_id)
    assert back is not None
    assert back.sn == "CAS-SN-1"
    headers = api.report.query_headers(F("serialNumber").eq("CAS-SN-1"))
    assert [str(h.uuid) for h in headers] == [REPORT_ID]


@pytest.mark.vcr
@pytest.mark.block_network
def test_system_reads(api: pyWATS) -> None:
    # Read-only, so safe to re-record against a real server, where it checks the shapes
    # openapi/wats.yaml assumes for these untyped answers (issue 20).
    status = api.system.get_status()
    assert status
    assert all(isinstance(v, str) for v in status.values())
    nodes = api.system.list_clients(include_levels=True)
    assert any(node.is_level for node in nodes)
    assert api.system.get_level(["CAS-NO-SUCH-LEVEL"]) is None
    assert isinstance(api.export.list(), list)


@pytest.mark.vcr("test_reference_calls.yaml")
@pytest.mark.block_network
@pytest.mark.anyio
async def test_the_async_client_replays_the_same_traffic(server: tuple[str, str]) -> None:
    async with AsyncWATS(*server, retry=None) as client:
        assert await client.analytics.get_version()
        assert 50 in {p["code"] for p in await client.process.query()}
        with pytest.raises(NotFoundError):
            await client.product.get("CAS-NO-SUCH-PRODUCT")


def test_cassettes_hold_no_credentials() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert files, "no cassettes: record them (see this module's docstring)"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "Basic " not in text, path
        assert "REDACTED" in text, path

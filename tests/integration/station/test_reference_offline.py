"""Reference data works offline: the process list is kept on disk and answers during an outage.

Each test runs its own emulator, because it stops it: fill the copy from the server, stop the
server, and the lookups a converter or an operator makes still answer.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pywats import WatsConnectionError
from pywats._sync._client import pyWATS
from pywats.station.converters import Converter, ConverterContext
from pywats.station.converters._common import new_uut
from pywats.station.converters.isolation import Job, run_job
from pywats.station.reference import (
    ProcessCodes,
    ReferenceCopy,
    find_process,
    processes_with_fallback,
    refresh_station_copy,
)
from pywats.station.uploader import SdkSubmitter
from pywats.testing import Emulator


@pytest.fixture
def server() -> Iterator[Emulator]:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    with Emulator() as emulator:
        yield emulator


def _client(server: Emulator) -> pyWATS:
    return pyWATS(server.url, server.token, retry=None, timeout=5.0)


def test_lookups_answer_from_the_copy_with_the_server_stopped(
    server: Emulator, tmp_path: Path
) -> None:
    copy = ReferenceCopy(tmp_path / "data")
    with _client(server) as api:
        rows, fresh = processes_with_fallback(api.process.query, api.process.freshness, copy)
        assert fresh.source == "server"
        again, cached = processes_with_fallback(api.process.query, api.process.freshness, copy)
        assert (again, cached.source) == (rows, "cache")
    assert find_process(rows, "End of line test")["code"] == 100
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.path.parent.stat().st_mode) == 0o700

    server.stop()
    with _client(server) as api:
        with pytest.raises(WatsConnectionError):
            api.process.query()  # the server really is gone
        offline, source = processes_with_fallback(api.process.query, api.process.freshness, copy)
    assert offline == rows
    assert source.source == "disk"
    assert abs((source.fetched_at - fresh.fetched_at).total_seconds()) < 0.01
    assert find_process(offline, "End of line test")["code"] == 100
    assert find_process(offline, 500)["name"] == "Repair"
    assert ProcessCodes(copy).get()["Burn In test"] == 90


def test_no_copy_and_no_server_is_the_connection_error(server: Emulator, tmp_path: Path) -> None:
    server.stop()
    with _client(server) as api, pytest.raises(WatsConnectionError):
        processes_with_fallback(api.process.query, api.process.freshness, ReferenceCopy(tmp_path))


def test_an_unreadable_copy_is_no_copy(tmp_path: Path) -> None:
    copy = ReferenceCopy(tmp_path)
    copy.path.write_text("{not json", encoding="utf-8")
    assert copy.load() is None
    assert ProcessCodes(copy).get() == {}


class OperationNamed(Converter):
    """A result file holding ``<serial>;<operation name>``: the name maps to its code."""

    name = "operation-named"
    patterns = ("*.txt",)

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        serial, operation = path.read_text(encoding="utf-8").strip().split(";")
        from datetime import UTC, datetime

        return [
            new_uut(
                context,
                data=path.read_bytes(),
                pn="PCB-1001",
                sn=serial,
                rev="A",
                start=datetime(2026, 12, 3, tzinfo=UTC),
                process_code=context.process_code(operation),
            )
        ]


@pytest.mark.anyio
async def test_the_station_refreshes_its_copy_and_a_converter_maps_names_offline(
    server: Emulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    submitter = SdkSubmitter(server.url, server.token, timeout=5.0)
    service: Any = SimpleNamespace(
        uploader=SimpleNamespace(submitter=submitter),
        heartbeat=SimpleNamespace(status="online"),
        config=SimpleNamespace(queue_path=data / "queue.sqlite3"),
    )
    try:
        assert await refresh_station_copy(service) is True
        assert await refresh_station_copy(service) is False  # not due yet
        service.heartbeat.status = "offline"
        os.utime(data / "reference.json", (0, 0))  # long overdue, but the server is away
        assert await refresh_station_copy(service) is False
    finally:
        await submitter.aclose()
    server.stop()

    saved = json.loads((data / "reference.json").read_text(encoding="utf-8"))
    assert {p["code"] for p in saved["processes"]} >= {10, 50, 90, 100, 500}
    result = tmp_path / "in" / "SN-77.txt"
    result.parent.mkdir()
    result.write_text("SN-77;Burn In test", encoding="utf-8")
    job = Job(
        path=str(result),
        converter=OperationNamed(),
        station_name="ICT-01",
        location="Line 2",
        purpose="Production",
        processes=ProcessCodes(ReferenceCopy(data)).get(),
    )
    outcome = run_job(job)
    assert outcome.kind == "ok", outcome.reason
    assert [r.to_dict()["processCode"] for r in outcome.reports] == [90]

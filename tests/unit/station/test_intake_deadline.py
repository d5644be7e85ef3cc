"""The supervisor's intake deadline grows with the file in flight, as its conversion timeout does.

A conversion may take ``converter_timeout`` + 2 s per MB of its file (the pool stops it then);
the intake loop's deadline used to be a flat ``max(600, 10 x converter_timeout)``, so with
``max_file_mb = 0`` a file past ~270 MB was cancelled mid-conversion as a "stuck" loop. The
floor and the look interval are shrunk here so the same arithmetic plays out in seconds: a
floor of 2 s against a 3 MB file whose conversion may take 0.1 + 6 s.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pywats.station import loops
from pywats.station.config import FolderConfig, StationConfig
from pywats.station.converters import Converter, ConverterContext
from pywats.station.queue import ReportQueue
from pywats.station.service import StationService

from .test_endpoint import serving, until
from .test_service import FakeServer, wsjf


class Slow(Converter):
    """Takes ``hold`` seconds over each file (a big file's honest conversion)."""

    name = "slow"
    patterns = ("*.big",)

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.started = threading.Event()
        self.report = wsjf("SN-BIG")

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        self.started.set()
        time.sleep(self.hold)
        return [self.report]


def test_a_long_conversion_of_a_big_file_is_not_taken_for_a_stuck_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loops, "INTAKE_FLOOR_SECONDS", 2.0)
    monkeypatch.setattr(loops, "LOOK_SECONDS", 0.25)
    monkeypatch.setattr(loops, "CONVERSION_SLACK_SECONDS", 0.5)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with (inbox / "board.big").open("wb") as big:
        big.truncate(3 * 1024 * 1024)  # 3 MB: its conversion may take 0.1 + 3 x 2 s
        os.fsync(big.fileno())
    config = StationConfig(
        name="big",
        server_url="http://unused",
        station_name="ST-1",
        location="Lab",
        purpose="Test",
        folders=(FolderConfig(path=inbox, observer="polling"),),
        queue_path=tmp_path / "queue.sqlite3",
        lock_path=tmp_path / "service.lock",
        stable_seconds=0.0,
        min_age_seconds=0.0,
        poll_seconds=0.05,
        min_free_mb=0.0,
        shutdown_timeout=2.0,
        converter_timeout=0.1,
        max_file_mb=0.0,
        converter_isolation="thread",
    )
    server = FakeServer()
    slow = Slow(hold=3.5)  # past the 2 s floor, within the file's own 6.1 s
    service = StationService(
        config, queue=ReportQueue(config.queue_path), submitter=server, converters=[slow]
    )

    async def run() -> int:
        async with serving(service):
            await until(lambda: slow.started.is_set(), 30, "the conversion to start")
            await until(lambda: slow.report["id"] in server.accepted, 30, "the delivery")
            return service.supervisor.restarts("intake")

    assert asyncio.run(run()) == 0
    assert not (inbox / "Error").exists() or not any((inbox / "Error").iterdir())

"""Hot reload in-process: a file being converted during a reload is committed exactly once."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from pywats.station.config import load_config
from pywats.station.converters import ConverterContext
from pywats.station.converters.wsjf import WSJFConverter
from pywats.station.service import StationService

from .test_endpoint import serving, until
from .test_service import FakeServer, drop, wsjf


class SlowWSJF(WSJFConverter):
    """WSJF that takes its time: a reload arrives while a file is being converted."""

    name = "slow-wsjf"

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        # Say so beside the watched folder (this runs in a worker process).
        (path.parent.parent / f"{path.name}.converting").touch()
        time.sleep(0.6)
        return super().convert(path, context)


def write(path: Path, folders: list[Path], **upload: Any) -> None:
    document = {
        "server": {"url": "http://unused"},
        "station": {"name": "ST-1", "location": "Lab", "purpose": "Test"},
        "queue": {"path": str(path.parent / "queue.sqlite3"), "min_free_mb": 0},
        "upload": {"concurrency": 2, **upload},
        "intake": {"poll_seconds": 0.05, "stable_seconds": 0, "min_age_seconds": 0},
        "service": {"lock": str(path.parent / "service.lock")},
        "folders": [
            {"path": str(f), "converter": f"{__name__}:SlowWSJF", "observer": "polling"}
            for f in folders
        ],
    }
    path.write_text(tomli_w.dumps(document), encoding="utf-8")


def test_reload_during_a_conversion_adds_a_folder_and_loses_or_doubles_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYWATS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PYWATS_API_TOKEN", "t")
    monkeypatch.delenv("PYWATS_SERVER_URL", raising=False)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    path = tmp_path / "ict.toml"
    write(path, [first])
    config = load_config("ict", path=path)
    server = FakeServer()
    service = StationService.from_config(config, submitter=server, config_path=path)
    reports = [wsjf("SN-A"), wsjf("SN-B"), wsjf("SN-C")]

    async def run() -> list[str]:
        async with serving(service):
            drop(first, "a.json", reports[0])
            # The reload comes while a.json is being converted (0.6 s). (Waiting for "nothing
            # waiting, nothing delivered" was true before a.json was even seen.)
            started = tmp_path / "a.json.converting"
            await until(started.exists, 30, "the conversion of a.json to start")
            write(path, [first, second], concurrency=3)
            changes = await service.reload()
            drop(second, "b.json", reports[1])
            drop(first, "c.json", reports[2])
            await until(lambda: len(server.accepted) == 3, 30, "three deliveries")
            await asyncio.sleep(0.3)
            assert service.uploader.concurrency == 3
            return changes

    changes = asyncio.run(run())
    assert f"watching {second}" in changes
    assert sorted(server.attempts) == sorted(r["id"] for r in reports)  # each sent once
    assert not list(first.glob("*.json"))
    assert json.loads((first / "Done" / "a.json").read_text(encoding="utf-8"))["sn"] == "SN-A"

"""The station keeps levels and the inactive processes in its copy, and they answer offline.

The service's refresh fetches every section from the emulator over a real socket; then a client
on a port where nothing listens finds the levels (and the inactive process) in the copy.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pywats import WatsConnectionError
from pywats._sync._client import pyWATS
from pywats.station.reference import (
    LEVEL_PATHS,
    LEVELS,
    PROCESSES,
    PROCESSES_WITH_INACTIVE,
    ReferenceCopy,
    find_process,
    level_id_with_fallback,
    processes_with_fallback,
    refresh_station_copy,
)
from pywats.station.uploader import SdkSubmitter
from pywats.testing import Emulator


@pytest.fixture
def dead_url() -> Iterator[str]:
    """A loopback port bound and never listening: connections are refused at once."""
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))
    try:
        yield f"http://127.0.0.1:{dead.getsockname()[1]}"
    finally:
        dead.close()


def _service(submitter: SdkSubmitter, data: Path) -> Any:
    return SimpleNamespace(
        uploader=SimpleNamespace(submitter=submitter),
        heartbeat=SimpleNamespace(status="online"),
        config=SimpleNamespace(queue_path=data / "queue.sqlite3"),
    )


@pytest.mark.anyio
async def test_the_refresh_keeps_levels_and_inactive_processes_for_offline_lookups(
    fresh_emulator: Emulator, tmp_path: Path, dead_url: str
) -> None:
    server = fresh_emulator
    with pyWATS(server.url, server.token, retry=None) as api:
        line2 = api.system.create_level("Acme/Line 2")
        ict = api.system.create_level("Acme/Line 2/ICT")
    data = tmp_path / "data"
    submitter = SdkSubmitter(server.url, server.token, timeout=5.0)
    try:
        assert await refresh_station_copy(_service(submitter, data)) is True
        assert await refresh_station_copy(_service(submitter, data)) is False  # none due
    finally:
        await submitter.aclose()
    copy = ReferenceCopy(data)
    for section in (PROCESSES, PROCESSES_WITH_INACTIVE, LEVELS, LEVEL_PATHS):
        assert copy.load(section) is not None, section

    with pyWATS(dead_url, server.token, retry=None, timeout=5.0) as offline:
        with pytest.raises(WatsConnectionError):
            offline.system.get_level("Acme")  # the server really is away
        assert level_id_with_fallback(offline.system.get_level, copy, "Acme/Line 2")[0] == line2
        found, fresh = level_id_with_fallback(
            offline.system.get_level, copy, ["ACME", "line 2", "ict"]
        )
        assert (found, fresh is not None and fresh.source) == (ict, "disk")
        # The whole tree is kept: a path outside it does not exist.
        assert level_id_with_fallback(offline.system.get_level, copy, "Acme/Line 9")[0] is None
        rows, _ = processes_with_fallback(
            lambda: offline.process.query(include_inactive_processes=True),
            lambda: None,
            copy,
            inactive=True,
        )
    assert find_process(rows, "Legacy test")["code"] == 20  # type: ignore[index]
    levels = copy.load(LEVELS)
    assert levels is not None
    assert {"Emulator", "Acme", "Line 2", "ICT"} <= {row["levelName"] for row in levels.rows}


@pytest.mark.anyio
async def test_a_section_the_server_refuses_leaves_the_others_and_waits(
    fresh_emulator: Emulator, tmp_path: Path
) -> None:
    server = fresh_emulator
    server.faults.add("GET", "/api/SystemManager/Clients", status=403, times=None)
    data = tmp_path / "data"
    submitter = SdkSubmitter(server.url, server.token, timeout=5.0)
    try:
        assert await refresh_station_copy(_service(submitter, data)) is True
        asked = server.faults.hits("GET", "/api/SystemManager/Clients")
        assert await refresh_station_copy(_service(submitter, data)) is False
        # A refusal is not asked again at every heartbeat (only after a quarter hour).
        assert server.faults.hits("GET", "/api/SystemManager/Clients") == asked
    finally:
        await submitter.aclose()
        server.faults.clear()  # the emulator is shared by the session
    copy = ReferenceCopy(data)
    assert copy.load(LEVEL_PATHS) is None
    assert copy.load(LEVELS) is not None
    assert copy.due(LEVEL_PATHS, time.time() + 15 * 60 + 1, 3600.0)
    assert not copy.due(LEVELS, time.time() + 15 * 60 + 1, 3600.0)

"""``wats process list|get`` say where the list came from, and answer with the server stopped."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pywats.testing import Emulator
from tests.cli.conftest import Wats


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    with Emulator() as emulator:
        monkeypatch.setenv("PYWATS_SERVER_URL", emulator.url)
        monkeypatch.setenv("PYWATS_API_TOKEN", emulator.token)
        yield emulator


def test_the_list_from_the_server_then_from_the_local_copy(
    wats: Wats, server: Emulator, wats_home: Path
) -> None:
    online = wats("--retries", "0", "process", "list", "-o", "json")
    assert online.exit_code == 0, online.stderr
    assert "processes: server, just now" in online.stderr
    rows = json.loads(online.stdout)
    assert {r["code"] for r in rows} >= {10, 100, 500}
    [copy] = wats_home.glob("data/instances/default/reference.json")
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    server.stop()
    offline = wats("--retries", "0", "process", "list", "-o", "json")
    assert offline.exit_code == 0, offline.stderr
    assert json.loads(offline.stdout) == rows
    assert "the server could not be reached: processes from the local copy" in offline.stderr
    assert str(copy) in offline.stderr
    assert "just now)" in offline.stderr or "s old)" in offline.stderr
    got = wats("--retries", "0", "process", "get", "End of line test", "-o", "json")
    assert got.exit_code == 0, got.stderr
    assert json.loads(got.stdout)["code"] == 100
    assert wats("--retries", "0", "process", "get", "Nope").exit_code == 5
    # The list with the inactive processes was never fetched: the outage is the error it is.
    assert wats("--retries", "0", "process", "list", "--inactive").exit_code == 6


def test_no_copy_and_no_server_is_unreachable(wats: Wats, server: Emulator) -> None:
    server.stop()
    result = wats("--retries", "0", "process", "list")
    assert result.exit_code == 6
    assert "local copy" not in result.stderr

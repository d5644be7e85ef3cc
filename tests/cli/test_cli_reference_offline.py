"""Lists with flags and the levels answer from the local copy while the server is away.

Each test fetches from the emulator, then points the CLI at a port where nothing listens (a
socket bound and never listening: connection refused at once) and asks again.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.cli.conftest import Wats

if TYPE_CHECKING:
    from pywats.testing import Emulator

NOT_FOUND, UNREACHABLE = 5, 6


@pytest.fixture
def go_offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Call it to point the CLI at a dead port (held for the test, so nobody else takes it)."""
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{dead.getsockname()[1]}"
    try:
        yield lambda: monkeypatch.setenv("PYWATS_SERVER_URL", url)
    finally:
        dead.close()


def _json(wats: Wats, *args: str) -> object:
    result = wats("--retries", "0", *args, "-o", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_inactive_and_kind_lists_answer_offline(
    wats: Wats, online: Emulator, go_offline: object
) -> None:
    every = _json(wats, "process", "list", "--inactive")
    assert {20, 100, 500} <= {row["code"] for row in every}  # 20: "Legacy test", inactive
    active = _json(wats, "process", "list")
    assert 20 not in {row["code"] for row in active}
    go_offline()  # type: ignore[operator]

    offline = wats("--retries", "0", "process", "list", "--inactive", "-o", "json")
    assert offline.exit_code == 0, offline.stderr
    assert json.loads(offline.stdout) == every
    assert "processes from the local copy" in offline.stderr
    assert _json(wats, "process", "list") == active
    # Kinds are picked from the copy as the server picks them.
    repairs = _json(wats, "process", "list", "--no-test", "--no-wip")
    assert {row["code"] for row in repairs} == {500, 510}  # type: ignore[union-attr]
    legacy = _json(wats, "process", "list", "--inactive", "--no-repair", "--no-wip")
    assert "Legacy test" in {row["name"] for row in legacy}  # type: ignore[union-attr]


def test_levels_list_and_get_answer_offline(
    wats: Wats, online: Emulator, go_offline: object
) -> None:
    created = _json(wats, "system", "level", "create", "Acme/Line 2")
    level_id = created["id"]  # type: ignore[index]
    assert _json(wats, "system", "level", "get", "Acme/Line 2") == created
    assert wats("--retries", "0", "system", "level", "get", "Acme/Nope").exit_code == NOT_FOUND
    levels = _json(wats, "system", "level", "list")
    assert "Line 2" in {row["levelName"] for row in levels}  # type: ignore[union-attr]
    go_offline()  # type: ignore[operator]

    listed = wats("--retries", "0", "system", "level", "list", "-o", "json")
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout) == levels
    assert "levels from the local copy" in listed.stderr
    got = wats("--retries", "0", "system", "level", "get", "acme / LINE 2", "-o", "json")
    assert got.exit_code == 0, got.stderr
    assert json.loads(got.stdout) == {"path": "acme / LINE 2", "id": level_id}
    assert "levels from the local copy" in got.stderr
    # The server said this path does not exist: so does the copy.
    assert wats("--retries", "0", "system", "level", "get", "Acme/Nope").exit_code == NOT_FOUND
    # A path never asked and no whole tree kept: the copy cannot say, the outage is the error.
    assert wats("--retries", "0", "system", "level", "get", "Other").exit_code == UNREACHABLE
    assert wats("--retries", "0", "system", "level", "create", "X").exit_code == UNREACHABLE


def test_nothing_kept_is_the_outage(
    wats: Wats, go_offline: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYWATS_API_TOKEN", "a-token")
    go_offline()  # type: ignore[operator]
    for args in (("process", "list", "--inactive"), ("system", "level", "list")):
        result = wats("--retries", "0", *args)
        assert result.exit_code == UNREACHABLE, result.stderr
        assert "local copy" not in result.stderr

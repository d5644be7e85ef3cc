"""``wats console``: a one-time link to a running service's console, or a clear error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pywats.station.config import load_config
from pywats.station.console._auth import Sessions


@pytest.fixture
def instance(wats_home: Path, wats: Any) -> Path:
    assert (
        wats("-i", "line", "config", "init", "--url", "http://127.0.0.1:9", "--no-input").exit_code
        == 0
    )
    return load_config("line", for_service=False).lock_path


def test_console_says_to_start_the_service_when_it_is_not_running(
    wats: Any, instance: Path
) -> None:
    result = wats("console", "-i", "line", "--no-browser")
    assert result.exit_code == 1
    assert "is not running: start it with `wats watch -i line`" in result.stderr
    assert result.stdout == ""


def test_console_prints_a_link_that_signs_in_once(
    wats: Any, instance: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    instance.parent.mkdir(parents=True, exist_ok=True)
    secret = "x" * 43
    (instance.with_name("control.secret")).write_text(secret + "\n", encoding="utf-8")
    (instance.with_name("service.json")).write_text(
        json.dumps({"pid": 1, "endpoint": "http://127.0.0.1:8765"}), encoding="utf-8"
    )
    with FileLock(str(instance)):  # what a running service holds
        result = wats("console", "-i", "line")
    assert result.exit_code == 0, result.stderr
    link = result.stdout.strip()
    assert link.startswith("http://127.0.0.1:8765/console/login?t=")
    assert secret not in result.stdout + result.stderr
    assert "One-time link" in result.stderr
    sessions = Sessions(secret)
    ticket = link.split("?t=", 1)[1]
    assert sessions.redeem(ticket) is not None
    assert sessions.redeem(ticket) is None  # used up

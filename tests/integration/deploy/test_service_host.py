"""The service body the Windows SCM drives, and ``wats service status`` on a running station.

``ServiceHost.stop()`` (what the SCM's stop request calls, from another thread) must take the
same graceful path as SIGTERM: reports in flight are delivered, ``run()`` returns 0.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from wats_cli.main import app

from pywats.station.deploy.host import ServiceHost
from tests.integration.station._harness import Station, make_report, wait_for


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: object, monkeypatch: pytest.MonkeyPatch) -> Station:
    st = Station(tmp_path, fresh_emulator)  # type: ignore[arg-type]
    monkeypatch.setenv("PYWATS_HOME", str(st.home))
    monkeypatch.setenv("PYWATS_API_TOKEN", st.env["PYWATS_API_TOKEN"])
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    monkeypatch.delenv("PYWATS_SERVER_URL", raising=False)
    monkeypatch.delenv("PYWATS_INSTANCE_ID", raising=False)
    return st


def _serve(host: ServiceHost) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []

    def body() -> None:
        try:
            result.append(host.run())
        except BaseException as exc:  # the test reports it
            result.append(exc)

    thread = threading.Thread(target=body, name="service-host")
    thread.start()
    return thread, result


def test_stop_from_another_thread_is_graceful(station: Station) -> None:
    host = ServiceHost("it")
    thread, result = _serve(host)
    try:
        wait_for(lambda: (station.data / "service.json").exists(), 60, "the service to start")
        report = make_report("SN-HOST-1")
        station.drop("one.json", report)
        station.wait_stored({report["id"]})

        def health() -> tuple[Any, dict[str, Any]] | None:
            status = CliRunner().invoke(
                app,
                ["service", "status", "-i", "it", "--user", "-o", "json"],
                catch_exceptions=False,
            )
            info = json.loads(status.stdout)
            # /health is asked with a 3 s timeout: on a loaded machine, ask again.
            return None if info["health"].startswith("no answer") else (status, info)

        status, info = wait_for(health, 60, "the service's health")
        assert info["running"] is True
        assert info["health"] == "ok", info
        assert status.exit_code == 0
    finally:
        host.stop()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert result == [0]
    assert not (station.data / "service.json").exists()  # a clean stop removes it
    after = CliRunner().invoke(app, ["service", "status", "-i", "it", "--user", "-o", "json"])
    assert after.exit_code == 1
    assert json.loads(after.stdout)["running"] is False


def test_a_stop_that_comes_while_starting_is_not_lost(station: Station) -> None:
    host = ServiceHost("it")
    host.stop()  # the SCM may ask before the service has its event loop
    thread, result = _serve(host)
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert result == [0]


def test_a_stop_after_an_in_process_restart_reaches_the_new_service(station: Station) -> None:
    from pywats.station.service import StationService

    if not hasattr(StationService, "request_restart"):
        pytest.skip("this tree's station has no in-process restart (issue 14)")
    host = ServiceHost("it")
    thread, result = _serve(host)
    try:
        wait_for(lambda: getattr(host._service, "_loop", None), 60, "the service to start")
        first = host._service
        assert first is not None
        loop = first._loop
        assert loop is not None
        loop.call_soon_threadsafe(first.request_restart)  # what POST /restart does
        wait_for(
            lambda: host._service is not first and getattr(host._service, "_loop", None),
            60,
            "the restarted service",
        )
    finally:
        host.stop()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert result == [0]

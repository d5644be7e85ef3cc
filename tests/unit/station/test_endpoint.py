"""The service's endpoint and supervisor in-process, over a real loopback socket."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from pywats.station import endpoint as endpoint_module
from pywats.station.config import FolderConfig, StationConfig
from pywats.station.converters.wsjf import WSJFConverter
from pywats.station.queue import ReportQueue
from pywats.station.service import StationService

from .test_service import FakeServer, drop, wsjf


def make_service(tmp_path: Path, **settings: Any) -> tuple[StationService, FakeServer]:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    values: dict[str, Any] = {
        "name": "ep",
        "server_url": "http://unused",
        "station_name": "ST-1",
        "location": "Lab",
        "purpose": "Test",
        "folders": (FolderConfig(path=inbox, observer="polling"),),
        "queue_path": tmp_path / "queue.sqlite3",
        "lock_path": tmp_path / "service.lock",
        "stable_seconds": 0.0,
        "min_age_seconds": 0.0,
        "poll_seconds": 0.05,
        "min_free_mb": 0.0,
        "shutdown_timeout": 2.0,
        **settings,
    }
    config = StationConfig(**values)
    server = FakeServer()
    service = StationService(
        config,
        queue=ReportQueue(config.queue_path),
        submitter=server,
        converters=[WSJFConverter()],
    )
    return service, server


@asynccontextmanager
async def serving(service: StationService, **kwargs: Any) -> AsyncIterator[str]:
    task = asyncio.create_task(service.serve(**kwargs))
    deadline = time.monotonic() + 30
    while service.endpoint_url is None:
        assert not task.done(), task.exception() if task.done() else None
        assert time.monotonic() < deadline, "the endpoint did not start"
        await asyncio.sleep(0.02)
    try:
        yield service.endpoint_url
    finally:
        service.request_stop()
        await asyncio.wait_for(task, 30)


async def until(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Wait for ``predicate()``; the deadline only ends a test that would hang (give it 30 s)."""
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return value


def test_a_connection_that_never_finishes_its_request_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(endpoint_module, "IDLE_SECONDS", 0.5)
    service, _ = make_service(tmp_path)

    async def run() -> float:
        async with serving(service) as url:
            host, port = url.removeprefix("http://").rsplit(":", 1)
            reader, writer = await asyncio.open_connection(host, int(port))
            started = time.monotonic()
            for piece in (b"GET /status HTTP/1.1\r\n", b"Host: 127.0.0.1\r\n", b"X-Slow: 1"):
                writer.write(piece)  # a slowloris: bytes trickle in, the request never ends
                await writer.drain()
                await asyncio.sleep(0.2)
            closed = await asyncio.wait_for(reader.read(), 30)
            writer.close()
            assert closed == b""
            return time.monotonic() - started

    took = asyncio.run(run())
    assert took < 10  # closed by the endpoint (~1 s), not left open


def test_connections_past_the_cap_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(endpoint_module, "MAX_CONNECTIONS", 3)
    service, _ = make_service(tmp_path)

    async def run() -> int:
        async with serving(service) as url:
            host, port = url.removeprefix("http://").rsplit(":", 1)
            idle = [await asyncio.open_connection(host, int(port)) for _ in range(3)]
            async with httpx.AsyncClient() as client:
                answer = await client.get(url + "/status")
            for _, writer in idle:
                writer.close()
            return answer.status_code

    assert asyncio.run(run()) == 503


def test_metrics_route_says_how_to_enable_it_without_prometheus_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "prometheus_client", None)  # import now raises
    service, _ = make_service(tmp_path)

    async def run() -> httpx.Response:
        async with serving(service) as url, httpx.AsyncClient() as client:
            return await client.get(url + "/metrics")

    answer = asyncio.run(run())
    assert answer.status_code == 501
    assert "pip install 'pywats[metrics]'" in answer.text


def test_a_loop_that_dies_is_restarted_and_files_still_flow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pywats.station import loops

    real = loops.intake_loop
    deaths = []

    async def dies_once(service: StationService) -> None:
        if not deaths:
            deaths.append(time.monotonic())
            raise RuntimeError("a bug in the loop itself")
        await real(service)

    monkeypatch.setattr(loops, "intake_loop", dies_once)
    service, server = make_service(tmp_path)
    report = wsjf()

    async def run() -> dict[str, Any]:
        async with serving(service):
            drop(tmp_path / "inbox", "a.json", report)
            await until(lambda: report["id"] in server.accepted, 30, "the delivery")
            return service.refresh_snapshot()

    snapshot = asyncio.run(run())
    assert deaths
    assert snapshot["state"] == "running"


def test_a_loop_that_keeps_dying_puts_the_service_in_error_and_health_answers_503(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pywats.station import loops

    async def always_dies(service: StationService) -> None:
        raise RuntimeError("the upload loop is broken")

    monkeypatch.setattr(loops, "upload_loop", always_dies)
    service, _ = make_service(tmp_path)

    async def run() -> httpx.Response:
        async with serving(service) as url, httpx.AsyncClient() as client:
            await until(lambda: service.state == "error", 30, "state error")
            return await client.get(url + "/health")

    answer = asyncio.run(run())
    assert answer.status_code == 503
    body = json.loads(answer.text)
    assert body["state"] == "error"
    assert "upload loop" in body["error"]
    assert "RuntimeError: the upload loop is broken" in body["error"]


def test_mutations_need_the_secret_and_pause_holds_files(tmp_path: Path) -> None:
    service, server = make_service(tmp_path)
    report = wsjf()

    async def run() -> None:
        async with serving(service) as url, httpx.AsyncClient() as client:
            secret = service.control.secret
            assert (await client.post(url + "/pause")).status_code == 401
            bad = {"Authorization": "Bearer " + secret[:-1]}
            assert (await client.post(url + "/pause", headers=bad)).status_code == 401
            good = {"Authorization": "Bearer " + secret}
            assert (await client.post(url + "/pause", headers=good)).status_code == 202
            source = drop(tmp_path / "inbox", "a.json", report)
            await asyncio.sleep(0.5)
            assert source.exists()
            assert not server.accepted
            assert (await client.post(url + "/resume", headers=good)).status_code == 202
            await until(lambda: report["id"] in server.accepted, 30, "the delivery")

    asyncio.run(run())

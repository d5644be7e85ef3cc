"""A cancelled upload pass hands its rows back (the supervisor's deadline, a stop).

The service serves in a thread against the emulator over a real socket. Two of four reports
hang in the server; the two answered ones have their outcome held (the queue's commits wait
at a gate the test opens). The supervisor then cancels the upload loop as it does a stuck
one. What must follow, while the service keeps running: the acknowledged rows end
``delivered`` without being sent again, and the unanswered ones go back to ``pending`` (their
cancelled attempt not counted) and are delivered by the restarted loop. Before the fix they
stayed ``uploading`` until the next start.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ._harness import make_report, wait_for

if TYPE_CHECKING:
    from pywats.station.queue import Settlement
    from pywats.station.service import StationService
    from pywats.testing import Emulator

WSJF = ("POST", "/api/Report/WSJF")
DEADLINE = 60.0  # generous: only a test that would hang meets it


def _gated_queue(path: Path) -> Any:
    from pywats.station.queue import ReportQueue

    class GatedQueue(ReportQueue):
        """The real queue, whose outcome commits wait until the test opens ``gate``."""

        def __init__(self, path: Path) -> None:
            super().__init__(path)
            self.gate = threading.Event()
            self.held: list[Settlement] = []

        def settle(self, outcomes: Sequence[Settlement], *, now: float | None = None) -> list[int]:
            self.held.extend(outcomes)
            if not self.gate.wait(DEADLINE):
                raise AssertionError("the test never opened the gate")
            return super().settle(outcomes, now=now)

    return GatedQueue(path)


class Serving:
    """A station service on its own event loop in a thread."""

    def __init__(self, service: StationService) -> None:
        self.service = service
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self.loop.run_until_complete, args=(service.serve(),), daemon=True
        )

    def call(self, function: Any, *args: Any, **kwargs: Any) -> None:
        self.loop.call_soon_threadsafe(lambda: function(*args, **kwargs))

    def __enter__(self) -> Serving:
        self.thread.start()
        wait_for(lambda: self.service.state == "running", DEADLINE, "the service to start")
        return self

    def __exit__(self, *exc: object) -> None:
        for _ in range(2):  # the second request is "stop at once"
            if self.thread.is_alive():
                self.call(self.service.request_stop)
                self.thread.join(DEADLINE / 2)
        assert not self.thread.is_alive(), "the station service did not stop"
        self.loop.close()


@pytest.fixture
def own_emulator() -> Iterator[Emulator]:
    """An emulator of this test's own: its hanging requests end with it, not in others'."""
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    from pywats.testing import Emulator

    with Emulator() as running:
        yield running


@pytest.fixture
def service(tmp_path: Path, own_emulator: Emulator) -> Iterator[StationService]:
    from pywats.station.config import FolderConfig, StationConfig
    from pywats.station.service import StationService
    from pywats.station.uploader import SdkSubmitter

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = StationConfig(
        name="cancel",
        server_url=own_emulator.url,
        token=own_emulator.token,
        station_name="ST-CANCEL",
        location="Lab",
        purpose="Test",
        folders=(FolderConfig(path=inbox, observer="polling"),),
        queue_path=tmp_path / "queue.sqlite3",
        lock_path=tmp_path / "service.lock",
        concurrency=4,
        upload_timeout=300.0,  # the hanging answers must not time out: the supervisor cancels
        requests_per_minute=0,
        retry_ladder=(0.1,),
        min_free_mb=0,
        poll_seconds=0.1,
        shutdown_timeout=2.0,
        control_enabled=False,
    )
    submitter = SdkSubmitter(
        config.server_url, config.token, timeout=config.upload_timeout, requests_per_minute=0
    )
    built = StationService(config, queue=_gated_queue(config.queue_path), submitter=submitter)
    yield built
    built.intake.committer.pool.close()
    built.queue.gate.set()
    built.queue.close()


def test_a_cancelled_pass_hands_its_rows_back_and_keeps_the_answered_ones(
    service: StationService, own_emulator: Emulator, tmp_path: Path
) -> None:
    from pywats.station.queue import ReportQueue, State

    queue = service.queue
    reports = [make_report(f"SN-{i}") for i in range(4)]
    for report in reports:
        report.update(machineName="ST-CANCEL", location="Lab", purpose="Test")
    queue.add(reports)
    # Two requests hang (and then fail, so nothing is stored behind the test's back).
    own_emulator.faults.add(*WSJF, status=503, delay=4 * DEADLINE, times=2)
    with Serving(service) as serving:
        wait_for(lambda: own_emulator.faults.hits(*WSJF) == 4, DEADLINE, "four requests")
        wait_for(lambda: service.uploader.stats.delivered == 2, DEADLINE, "two answers")
        # Answered, and their outcomes held: now the supervisor finds the loop stuck.
        serving.call(service.supervisor.beat, "upload", within=-1.0)
        wait_for(lambda: service.supervisor.restarts("upload") == 1, DEADLINE, "the restart")
        queue.gate.set()
        with ReportQueue(tmp_path / "queue.sqlite3") as reader:  # as `wats queue` reads it

            def delivered() -> list[Any]:
                rows = reader.items()
                return rows if all(row.state == State.DELIVERED for row in rows) else []

            rows = wait_for(delivered, DEADLINE, "every row delivered while the service runs")
    assert len(rows) == 4
    assert [row.attempts for row in rows] == [1, 1, 1, 1]  # the cancelled attempts not counted
    assert own_emulator.faults.hits(*WSJF) == 6  # the two answered ones were not sent again
    assert sorted(str(r["id"]) for r in own_emulator.reports()) == sorted(
        str(r["id"]) for r in reports
    )

"""A slow but answering server does not make the supervisor take the upload loop for stuck.

A batch is several rounds of answers (8 rows per slot), each round up to the upload timeout;
the loop's deadline was one flat ``2 x timeout + 60 s`` from the start of the pass, so a slow
server had every pass cancelled as a stuck loop (three times in ten minutes: the service in
``error``). Each answer now moves the deadline on. The supervisor's clock is the test's, so
minutes pass in milliseconds; the test calls ``check()`` itself where the supervisor would.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

from pywats.station.config import StationConfig
from pywats.station.queue import ReportQueue, State
from pywats.station.service import StationService

from .test_endpoint import serving, until

DEADLINE = 30.0  # real seconds; only a test that would hang meets it


class Jumps:
    """A monotonic clock the test moves forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


class OneByOne:
    """A Submitter whose answers wait until the test lets them go, one at a time."""

    def __init__(self) -> None:
        self.arrived = 0
        self.answered = 0
        self.go = asyncio.Semaphore(0)

    async def submit(self, report: dict[str, Any]) -> str:
        self.arrived += 1
        await self.go.acquire()
        self.answered += 1
        return str(report["id"])


def test_a_batch_answered_slowly_is_not_cancelled_as_stuck(tmp_path: Path) -> None:
    config = StationConfig(
        name="slow",
        server_url="http://unused",
        queue_path=tmp_path / "queue.sqlite3",
        lock_path=tmp_path / "service.lock",
        concurrency=1,
        upload_timeout=30.0,  # the loop's deadline: 2 x (30 + 5) + 60 = 130 s
        min_free_mb=0.0,
        poll_seconds=0.05,
        shutdown_timeout=2.0,
        converter_isolation="thread",
    )
    queue = ReportQueue(config.queue_path)
    for i in range(3):
        queue.add([{"id": str(uuid.uuid4()), "sn": f"SN-{i}", "pn": "PN-1"}])
    server = OneByOne()
    service = StationService(config, queue=queue, submitter=server, converters=[])
    clock = service.supervisor.clock = Jumps()
    sup = service.supervisor

    async def run() -> int:
        async with serving(service):
            for answer in range(3):  # each answer takes 50 s: the batch 150 s, past 130 s
                await until(lambda n=answer: server.arrived == n + 1, DEADLINE, "a request")
                # The other loops beat every fraction of a second: let them, then jump.
                await until(lambda: sup.due_in("status") > 55, DEADLINE, "the status loop")
                await until(lambda: sup.due_in("intake") > 55, DEADLINE, "the intake loop")
                clock.offset += 50.0
                sup.check()
                server.go.release()
            await until(lambda: server.answered == 3, DEADLINE, "three answers")
            restarts = sup.restarts("upload")
            await until(
                lambda: all(item.state == State.DELIVERED for item in queue.items()),
                DEADLINE,
                "every row delivered",
            )
            return restarts

    assert asyncio.run(run()) == 0

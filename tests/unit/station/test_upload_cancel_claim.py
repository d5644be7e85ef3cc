"""A pass cancelled while its claim commits in a worker thread hands the claimed rows back.

The claim's transaction cannot be stopped once its thread runs; without the hand-back its rows
would stay ``uploading`` (invisible, unsent) until the service restarts.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats.station.queue import QueueItem, ReportQueue, State
from pywats.station.uploader import Uploader

DEADLINE = 30.0  # only a test that would hang meets it


class GatedClaims(ReportQueue):
    """The real queue, whose claims wait in their thread until the test opens ``gate``."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()
        self.claiming = threading.Event()
        self.claimed = threading.Event()

    def claim(self, limit: int, *, now: float | None = None) -> list[QueueItem]:
        self.claiming.set()
        self.gate.wait(DEADLINE)
        try:
            return super().claim(limit, now=now)
        finally:
            self.claimed.set()


class NeverCalled:
    async def submit(self, report: dict[str, Any]) -> str:
        raise AssertionError("nothing may be sent by a cancelled pass")


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[GatedClaims]:
    q = GatedClaims(tmp_path / "queue.sqlite3")
    yield q
    q.gate.set()
    q.close()


def test_rows_claimed_by_a_cancelled_pass_go_back_to_pending(queue: GatedClaims) -> None:
    for i in range(3):
        queue.add([{"id": str(uuid.uuid4()), "sn": f"SN-{i}", "pn": "PN-1"}])
    uploader = Uploader(queue, NeverCalled(), concurrency=2)

    async def run() -> None:
        loop = asyncio.get_running_loop()
        passing = asyncio.ensure_future(uploader.upload_due())
        await loop.run_in_executor(None, queue.claiming.wait, DEADLINE)
        passing.cancel()  # as the supervisor does to a stuck loop
        with pytest.raises(asyncio.CancelledError):
            await passing
        queue.gate.set()  # the claim commits after all
        await loop.run_in_executor(None, queue.claimed.wait, DEADLINE)
        deadline = loop.time() + DEADLINE
        while any(item.state != State.PENDING for item in queue.items()):
            assert loop.time() < deadline, "the claimed rows were not handed back"
            await asyncio.sleep(0.01)
        await uploader.write_outcomes()

    asyncio.run(run())
    items = queue.items()
    assert [item.state for item in items] == [State.PENDING] * 3
    assert [item.attempts for item in items] == [0, 0, 0]

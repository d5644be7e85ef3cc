"""The uploader's batches (issue 22): claimed together, sent through a window, committed together.

A batch is several rows per upload slot claimed in one transaction; a slow answer holds one
slot, not the batch; a slot is held until its outcome is committed (so a crash re-sends at
most ``concurrency`` reports); rows not sent when the breaker opens or the service stops go
back to ``pending`` unsent. Driven with a real queue file and a submitter that the test
holds and releases.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from pywats._exceptions import ServerError
from pywats.station.queue import ReportQueue, Settlement, State
from pywats.station.uploader import Uploader


class HeldServer:
    """A Submitter whose answers for chosen serial numbers wait until released."""

    def __init__(self, *, hold: Sequence[str] = (), fail: Sequence[str] = ()) -> None:
        self.hold = set(hold)
        self.fail = set(fail)
        self.release = asyncio.Event()
        self.sent: list[str] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.breaker_open = False

    async def submit(self, report: dict[str, Any]) -> str:
        self.sent.append(report["sn"])
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0)
            if report["sn"] in self.hold:
                await self.release.wait()
            if report["sn"] in self.fail:
                self.breaker_open = True  # as the SDK's breaker would after failures
                raise ServerError(503, "unavailable")
            return str(report["id"])
        finally:
            self.in_flight -= 1

    def breaker_wait(self) -> float:
        return 30.0 if self.breaker_open else 0.0


class CountingQueue(ReportQueue):
    """The real queue, counting the transactions that record outcomes."""

    settles = 0

    def settle(self, outcomes: Sequence[Settlement], *, now: float | None = None) -> list[int]:
        self.settles += 1
        return super().settle(outcomes, now=now)


def fill(queue: ReportQueue, count: int) -> None:
    for i in range(count):
        queue.add([{"id": str(uuid.uuid4()), "sn": f"SN-{i:02d}", "pn": "PN-1"}])


async def until(condition: Any, what: str, seconds: float = 20.0) -> None:
    """Wait (bounded) for ``condition()``; the deadline only ends a test that would hang."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[CountingQueue]:
    q = CountingQueue(tmp_path / "queue.sqlite3")
    yield q
    q.close()


def test_a_slow_answer_holds_one_slot_not_the_batch(queue: CountingQueue) -> None:
    fill(queue, 6)
    server = HeldServer(hold=["SN-00"])
    uploader = Uploader(queue, server, concurrency=2)

    async def run() -> int:
        sending = asyncio.ensure_future(uploader.upload_due())
        # SN-00 hangs in one slot; the other five go through the other slot meanwhile.
        await until(lambda: len(server.sent) == 6, "the other reports to be sent")
        assert server.most_in_flight == 2
        server.release.set()
        return await sending

    assert asyncio.run(run()) == 6
    assert [item.state for item in queue.items()] == [State.DELIVERED] * 6


def test_outcomes_that_finish_together_share_one_commit(queue: CountingQueue) -> None:
    fill(queue, 4)
    server = HeldServer(hold=["SN-00", "SN-01", "SN-02", "SN-03"])
    uploader = Uploader(queue, server, concurrency=4)

    async def run() -> int:
        sending = asyncio.ensure_future(uploader.upload_due())
        await until(lambda: len(server.sent) == 4, "four reports in flight")
        server.release.set()  # all four answers arrive at once
        return await sending

    assert asyncio.run(run()) == 4
    assert queue.settles == 1
    assert [item.state for item in queue.items()] == [State.DELIVERED] * 4


def test_a_batch_claims_several_rows_per_slot(queue: CountingQueue) -> None:
    fill(queue, 40)
    server = HeldServer()
    uploader = Uploader(queue, server, concurrency=2)
    assert asyncio.run(uploader.upload_due()) == 16  # 8 per slot, in one claim
    assert server.most_in_flight <= 2
    assert queue.stats().counts[State.DELIVERED.value] == 16


def test_rows_not_sent_when_the_breaker_opens_go_back_unsent(queue: CountingQueue) -> None:
    fill(queue, 5)
    server = HeldServer(fail=["SN-00"])
    uploader = Uploader(queue, server, concurrency=1, ladder=(60.0,))
    assert asyncio.run(uploader.upload_due()) == 1  # the failure; the breaker is now open
    assert server.sent == ["SN-00"]
    rows = {item.serial_number: item for item in queue.items()}
    assert rows["SN-00"].attempts == 1
    assert rows["SN-00"].last_error
    for sn in ("SN-01", "SN-02", "SN-03", "SN-04"):
        assert rows[sn].state == State.PENDING
        assert rows[sn].attempts == 0  # claimed, never sent: not an attempt
        assert rows[sn].last_error == ""


def test_rows_not_sent_when_the_service_stops_go_back_unsent(queue: CountingQueue) -> None:
    fill(queue, 5)
    server = HeldServer(hold=["SN-00"])
    uploader = Uploader(queue, server, concurrency=1)
    stopping = False
    uploader.stopping = lambda: stopping

    async def run() -> int:
        nonlocal stopping
        sending = asyncio.ensure_future(uploader.upload_due())
        await until(lambda: server.sent == ["SN-00"], "the first report in flight")
        stopping = True  # SIGTERM: the report in flight finishes, the rest wait
        server.release.set()
        return await sending

    assert asyncio.run(run()) == 1
    states = {item.serial_number: (item.state, item.attempts) for item in queue.items()}
    assert states["SN-00"] == (State.DELIVERED, 1)
    assert {states[f"SN-0{i}"] for i in range(1, 5)} == {(State.PENDING, 0)}


def test_outcomes_are_written_a_window_at_a_time(queue: CountingQueue) -> None:
    # Each commit is a worker-thread hop and an fsync: a burst's outcomes go in groups of
    # `concurrency`, not one transaction per answer as they trickle in.
    fill(queue, 32)

    class Trickling(HeldServer):
        """Answers one at a time, 10 ms apart, with four requests always in flight."""

        turn: asyncio.Lock | None = None

        async def submit(self, report: dict[str, Any]) -> str:
            self.turn = self.turn or asyncio.Lock()
            async with self.turn:
                await asyncio.sleep(0.01)
            return await super().submit(report)

    server = Trickling()
    uploader = Uploader(queue, server, concurrency=4)
    assert asyncio.run(uploader.upload_due()) == 32
    # 8 groups of 4 (+ a group cut short by the 0.1 s delay on a loaded machine); one commit
    # per answer (32) before.
    assert queue.settles <= 32 // 2
    assert [item.state for item in queue.items()] == [State.DELIVERED] * 32


def test_at_most_twice_concurrency_reports_are_sent_and_not_yet_written(
    queue: CountingQueue, tmp_path: Path
) -> None:
    # What a crash would send again: the reports in flight plus those answered and not yet
    # committed. Read by a second connection, as `wats queue` would see the file.
    fill(queue, 40)
    reader = ReportQueue(tmp_path / "queue.sqlite3")
    unwritten: list[int] = []

    class Watching(HeldServer):
        async def submit(self, report: dict[str, Any]) -> str:
            delivered = reader.stats().counts[State.DELIVERED.value]
            unwritten.append(len(self.sent) + 1 - delivered)
            return await super().submit(report)

    server = Watching()
    uploader = Uploader(queue, server, concurrency=3)
    try:
        while asyncio.run(uploader.upload_due()):
            pass
    finally:
        reader.close()
    assert len(server.sent) == 40
    assert max(unwritten) <= 2 * 3
    assert queue.stats().counts[State.DELIVERED.value] == 40


def test_answers_beside_a_slow_one_are_written_without_waiting_for_it(
    queue: CountingQueue, tmp_path: Path
) -> None:
    fill(queue, 2)
    server = HeldServer(hold=["SN-00"])
    uploader = Uploader(queue, server, concurrency=4)
    reader = ReportQueue(tmp_path / "queue.sqlite3")

    def states() -> dict[str, State]:
        return {item.serial_number: item.state for item in reader.items()}

    async def run() -> int:
        sending = asyncio.ensure_future(uploader.upload_due())
        # SN-01 is answered; SN-00 hangs: SN-01's outcome is written after a short delay,
        # not when (if ever) SN-00's answer comes.
        await until(lambda: states()["SN-01"] == State.DELIVERED, "SN-01 written")
        assert states()["SN-00"] == State.UPLOADING
        server.release.set()
        return await sending

    try:
        assert asyncio.run(run()) == 2
        assert set(states().values()) == {State.DELIVERED}
    finally:
        reader.close()

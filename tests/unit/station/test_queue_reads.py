"""Reads of the queue see committed rows only, whatever another thread is writing.

The queue has one writing connection shared by threads (the event loop, the outcome writer, the
intake's commits). A read on that connection during another thread's open transaction saw the
rows it had not committed yet (a status counting a report that a failed commit then takes
back). Here a writer thread holds a transaction open with one row inserted, and every read
must not see it until the commit; after it, every read must.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import pytest

from pywats.station.queue import ReportQueue

DEADLINE = 30.0  # only a test that would hang meets it
REPORT = {"id": "R-NEW", "sn": "SN-NEW", "pn": "PN-1"}

READS: dict[str, Callable[[ReportQueue], object]] = {
    "stats": lambda q: q.stats().counts["pending"],
    "get": lambda q: q.get(1) is not None,
    "find": lambda q: q.find("R-NEW") is not None,
    "items": lambda q: len(q.items()),
    "search": lambda q: len(q.search("SN-NEW")),
    "next_due_at": lambda q: q.next_due_at() is not None,
    "seen_source": lambda q: q.seen_source("f" * 64),
}


class HeldOpen(Sequence[Mapping[str, Any]]):
    """One report whose iteration, inside the queue's transaction, waits for ``release``."""

    def __init__(self) -> None:
        self.inserted = threading.Event()
        self.release = threading.Event()

    def __len__(self) -> int:
        return 1

    @overload
    def __getitem__(self, index: int) -> Mapping[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Mapping[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return [REPORT][index]

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        yield REPORT
        self.inserted.set()  # the row is inserted, the transaction still open
        if not self.release.wait(DEADLINE):
            raise AssertionError("the test never released the writer")


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[ReportQueue]:
    q = ReportQueue(tmp_path / "queue.sqlite3")
    yield q
    q.close()


@pytest.mark.parametrize("read", sorted(READS))
def test_a_read_does_not_see_a_row_another_thread_has_not_committed(
    queue: ReportQueue, read: str
) -> None:
    held = HeldOpen()
    writer = threading.Thread(target=queue.add, args=(held,), kwargs={"source_sha256": "f" * 64})
    writer.start()
    try:
        assert held.inserted.wait(DEADLINE), "the writer did not start its transaction"
        assert not READS[read](queue)  # from this thread, as the event loop reads for /status
    finally:
        held.release.set()
        writer.join(DEADLINE)
    assert not writer.is_alive()
    assert READS[read](queue)  # committed: now every read finds it

"""``pywats._workers``: bounded concurrency for the bulk calls, asyncio and threads alike."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator

import pytest

from pywats._workers import AsyncWorkers, Workers


class Meter:
    """Counts calls in flight; remembers the peak and the order calls started in."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.peak = 0
        self.started: list[int] = []
        self.finished: set[int] = set()
        self.alone_first = True

    def enter(self, item: int) -> None:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
            self.started.append(item)
            if item != 0 and 0 not in self.finished:
                self.alone_first = False

    def leave(self, item: int) -> None:
        with self.lock:
            self.now -= 1
            self.finished.add(item)


def meter() -> Meter:
    return Meter()


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


@pytest.mark.parametrize("ordered", [False, True])
def test_async_workers_bound_the_calls_in_flight(ordered: bool) -> None:
    m = meter()

    async def work(item: int) -> int:
        m.enter(item)
        await asyncio.sleep(0.02 if item % 3 else 0.04)  # later items can finish first
        m.leave(item)
        return item

    async def main() -> list[int]:
        return [r async for r in AsyncWorkers(3).map(work, numbers(12), ordered=ordered)]

    results = asyncio.run(main())
    assert sorted(results) == list(range(12))
    if ordered:
        assert results == list(range(12))
    assert m.peak == 3
    assert m.alone_first


@pytest.mark.parametrize("ordered", [False, True])
def test_thread_workers_bound_the_calls_in_flight(ordered: bool) -> None:
    m = meter()

    def work(item: int) -> int:
        m.enter(item)
        time.sleep(0.02 if item % 3 else 0.04)
        m.leave(item)
        return item

    results = list(Workers(3).map(work, range(12), ordered=ordered))
    assert sorted(results) == list(range(12))
    if ordered:
        assert results == list(range(12))
    assert m.peak <= 3
    assert m.alone_first


def test_a_failing_call_stops_the_map_and_nothing_new_starts() -> None:
    m = meter()

    def work(item: int) -> int:
        m.enter(item)
        m.leave(item)
        if item == 0:
            raise RuntimeError("down")
        return item

    with pytest.raises(RuntimeError, match="down"):
        list(Workers(4).map(work, range(10)))
    assert m.started == [0]

    async def awork(item: int) -> int:
        return work(item)

    m.started.clear()

    async def main() -> None:
        async for _ in AsyncWorkers(4).map(awork, numbers(10)):
            pass

    with pytest.raises(RuntimeError, match="down"):
        asyncio.run(main())
    assert m.started == [0]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_concurrency_must_be_a_whole_number_of_at_least_one(bad: object) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        Workers(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="concurrency"):
        AsyncWorkers(bad)  # type: ignore[arg-type]

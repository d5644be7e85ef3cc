"""The request workload every implementation runs (sections 4): sizes, the driver, a worker.

Standard library only: ``anchor_requests.py`` runs it in the anchor's virtual environment.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any

from _procs import maxrss_bytes

__all__ = [
    "AsyncGet",
    "RequestSizes",
    "RequestWorkload",
    "async_rate",
    "drive_requests",
    "timed_calls",
    "worker_main",
]


@dataclass
class RequestSizes:
    """How much work one request worker does per repetition."""

    gets: int = 200  # sequential GETs, one client
    async_gets: int = 400  # GETs through one async client, ``concurrency`` in flight
    concurrency: int = 20
    submits: int = 40  # sequential report submissions
    steps: int = 100  # numeric steps in the submitted report
    warmup: int = 5
    rounds: int = 2  # paired async rounds (ours and raw httpx alternating) per pair worker
    mock_gets: int = 1000  # async GETs per paired round over httpx.MockTransport (no socket)

    def to_args(self) -> list[str]:
        return [
            f"--gets={self.gets}",
            f"--async-gets={self.async_gets}",
            f"--concurrency={self.concurrency}",
            f"--submits={self.submits}",
            f"--steps={self.steps}",
            f"--warmup={self.warmup}",
            f"--rounds={self.rounds}",
            f"--mock-gets={self.mock_gets}",
        ]

    @classmethod
    def from_args(cls, argv: Sequence[str]) -> RequestSizes:
        values: dict[str, int] = {}
        for arg in argv:
            key, _, value = arg.removeprefix("--").partition("=")
            values[key.replace("-", "_")] = int(value)
        return cls(**values)


AsyncGet = Callable[[], Awaitable[object]]


@dataclass
class RequestWorkload:
    """What an implementation must provide to be measured by :func:`drive_requests`.

    ``get`` and ``submit`` are one blocking call each (product get, report submission);
    ``async_session`` is an async context manager yielding a coroutine function doing one GET.
    """

    get: Callable[[], object]
    submit: Callable[[], object]
    async_session: Callable[[], AbstractAsyncContextManager[AsyncGet]]
    close: Callable[[], object] = field(default=lambda: None)


def drive_requests(work: RequestWorkload, sizes: RequestSizes) -> dict[str, Any]:
    """Measure one repetition of each job: wall time (median seconds per sequential request,
    requests per second for the async one), the client's own CPU seconds per request
    (``process_time``: every thread of this process, so an SDK's helper threads count), and
    the peak RSS.

    Per-request medians rather than means: the machine is shared, and a burst of someone
    else's work should not land on whichever implementation happened to be running. CPU per
    request is what the client itself costs, whatever the server's speed.
    """
    for _ in range(sizes.warmup):  # connections, lazy imports and caches are not the work
        work.get()
        work.submit()
    get_s, get_cpu = timed_calls(work.get, sizes.gets)
    submit_s, submit_cpu = timed_calls(work.submit, sizes.submits)
    work.close()
    rate, async_cpu = asyncio.run(_async_gets(work, sizes))
    return {
        "get_s": get_s,
        "get_cpu_s": get_cpu,
        "submit_s": submit_s,
        "submit_cpu_s": submit_cpu,
        "async_rps": rate,
        "async_cpu_s": async_cpu,
        "maxrss_bytes": maxrss_bytes(),
    }


def timed_calls(call: Callable[[], object], n: int) -> tuple[float, float]:
    """``n`` calls of ``call`` after one untimed: the median seconds per call and the CPU
    seconds per call (a first call's imports are start-up, not a request's cost)."""
    call()
    gc.collect()
    times = []
    cpu0 = time.process_time()
    for _ in range(n):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), (time.process_time() - cpu0) / n


async def _async_gets(work: RequestWorkload, sizes: RequestSizes) -> tuple[float, float]:
    async with work.async_session() as get:
        return await async_rate(get, sizes.async_gets, sizes)


async def async_rate(get: AsyncGet, n: int, sizes: RequestSizes) -> tuple[float, float]:
    """``n`` calls of ``get``, ``sizes.concurrency`` in flight, after a warm-up: requests per
    second and this process's CPU seconds per request."""
    gate = asyncio.Semaphore(sizes.concurrency)

    async def one() -> None:
        async with gate:
            await get()

    await asyncio.gather(*(one() for _ in range(max(sizes.concurrency, sizes.warmup))))
    gc.collect()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    wall = time.perf_counter() - t0
    return n / wall, (time.process_time() - cpu0) / n


def worker_main(
    argv: Sequence[str], make: Callable[[str, str, str, RequestSizes], RequestWorkload]
) -> int:
    """Entry point of a request worker process: ``worker PART_NUMBER --gets=N ...``.

    The server URL and token come from ``PYWATS_SERVER_URL``/``PYWATS_API_TOKEN`` (never argv,
    where ``ps`` would show the token). Prints one JSON line.
    """
    part_number, *rest = argv
    sizes = RequestSizes.from_args(rest)
    url = os.environ["PYWATS_SERVER_URL"]
    token = os.environ["PYWATS_API_TOKEN"]
    work = make(url, token, part_number, sizes)
    print(json.dumps(drive_requests(work, sizes)))
    return 0

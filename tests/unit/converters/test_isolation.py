"""Conversions in worker processes: timeouts kill, memory is capped and returned, size limits."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pywats.station.converters import ConversionError, Converter, ConverterContext
from pywats.station.converters.isolation import ConversionPool, Job

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"


class SleepingConverter(Converter):
    """Never finishes (a converter stuck on a network share, a lock, an endless loop)."""

    name = "sleeper"

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        time.sleep(3600)
        return []


class GreedyConverter(Converter):
    """Allocates far more than the worker may have."""

    name = "greedy"

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        raise ConversionError(f"unreachable {len(hog)}")


class Unpicklable(Converter):
    name = "local"

    def __init__(self) -> None:
        self.lock = threading.Lock()  # cannot be pickled: runs in a thread

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        from pywats.station.converters.junit import JUnitConverter

        return JUnitConverter().convert(path, context)


def _run(pool: ConversionPool, job: Job) -> Any:
    async def go() -> Any:
        try:
            return await pool.run(job)
        finally:
            pool.close()

    return asyncio.run(go())


def test_a_conversion_in_a_worker_returns_json_reports() -> None:
    pool = ConversionPool(timeout=60)
    job = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter="junit", station_name="S")
    outcome = _run(pool, job)
    assert outcome.kind == "ok", outcome.reason
    [report] = outcome.reports
    assert (report["sn"], report["pn"]) == ("RIG-0042", "PSU-220")
    assert json.loads(report.payload)["machineName"] == "S"
    assert pool.started == 1
    assert pool.live_workers == 0  # closed


def test_a_timeout_really_stops_the_conversion() -> None:
    pool = ConversionPool(timeout=1.0)
    job = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter=SleepingConverter())

    async def go() -> Any:
        started = time.monotonic()
        outcome = await pool.run(job)
        return outcome, time.monotonic() - started, pool.live_workers

    outcome, took, live = asyncio.run(go())
    pool.close()
    assert outcome.kind == "timeout"
    assert "did not finish within 1 s (its process was stopped)" in outcome.reason
    assert took < 60  # stopped at 1 s (plus the worker's start), not left to its hour
    assert live == 0  # the worker was killed, not left running


def test_the_timeout_grows_with_the_file_by_whole_megabytes() -> None:
    pool = ConversionPool(timeout=60)
    assert pool.timeout_for(900 * 1024) == (60, "")  # under 1 MB: the configured timeout
    assert pool.timeout_for(-1) == (60, "")  # size unknown
    timeout, why = pool.timeout_for(100 * 1024 * 1024 + 5)
    assert timeout == 260
    assert why == "intake.converter_timeout 60 s + 2 s for each of the file's 100 MB; "


def test_a_timeout_on_a_large_file_says_how_it_was_reached(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * (2 * 1024 * 1024))
    pool = ConversionPool(timeout=0.5, seconds_per_mb=0.25)
    outcome = _run(pool, Job(path=str(big), converter=SleepingConverter()))
    assert outcome.kind == "timeout"
    assert outcome.reason == (
        "did not finish within 1 s (intake.converter_timeout 0.5 s + 0.25 s for each of the"
        " file's 2 MB; its process was stopped)"
    )


def test_a_file_over_the_maximum_size_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<testsuites>" + b" " * (3 * 1024 * 1024) + b"</testsuites>")
    pool = ConversionPool(timeout=60, max_bytes=2 * 1024 * 1024)
    outcome = _run(pool, Job(path=str(big), converter="junit"))
    assert outcome.kind == "refused"
    assert outcome.reason == (
        "the file is 3.0 MB, over the maximum of 2 MB (intake.max_file_mb); it was not read"
    )
    assert pool.started == 0


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only")
def test_memory_is_capped_per_conversion() -> None:
    pool = ConversionPool(timeout=60, memory_mb=600)
    job = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter=GreedyConverter())
    outcome = _run(pool, job)
    assert outcome.kind == "refused"
    assert "needed more memory than intake.converter_memory_mb allows" in outcome.reason


def test_workers_are_recycled_and_exit_when_idle() -> None:
    pool = ConversionPool(timeout=60, idle_seconds=0.3, max_jobs=2)
    job = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter="junit")

    async def go() -> tuple[int, int, int]:
        for _ in range(3):
            o = await pool.run(job)
            assert o.kind == "ok", o.reason
        started = pool.started
        busy_or_idle = pool.live_workers
        # Reaped 0.3-0.6 s after its last job; a fixed 1 s sleep had no room for a loaded
        # machine. Wait for it (bounded).
        deadline = time.monotonic() + 30
        while pool.live_workers and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return started, busy_or_idle, pool.live_workers

    started, live_before, live_after = asyncio.run(go())
    pool.close()
    assert started == 2  # the first worker retired after max_jobs=2 files
    assert live_before == 1
    assert live_after == 0  # nothing kept alive (and nothing costing memory) when idle


def test_a_converter_that_cannot_be_pickled_runs_in_a_thread() -> None:
    pool = ConversionPool(timeout=60)
    outcome = _run(
        pool, Job(path=str(DATA / "junit" / "robot-nested.xml"), converter=Unpicklable())
    )
    assert outcome.kind == "ok"
    assert pool.started == 0


class DyingConverter(Converter):
    """Takes its worker process down with it (a segfault in a C extension, an os._exit)."""

    name = "dying"

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        import os

        os._exit(3)


@pytest.mark.parametrize("culprit", [SleepingConverter(), DyingConverter()])
def test_a_job_queued_behind_a_failed_one_runs_again_and_only_the_culprit_fails(
    culprit: Converter,
) -> None:
    # One worker holding two jobs: the first hangs (killed at its timeout) or kills its
    # worker; the second, waiting in the same worker's pipe, is converted by a new worker.
    # The timeout counts from when a worker takes the job, unpickling included: the dying
    # converter's worker imports this module (pytest and all) first, which took over 1 s on a
    # loaded machine, so it gets room to die; the sleeper's 5 s also leave the good job room.
    timeout = 5.0 if isinstance(culprit, SleepingConverter) else 60.0
    pool = ConversionPool(timeout=timeout, workers=1, depth=2)
    good = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter="junit")
    bad = Job(path=str(DATA / "junit" / "robot-nested.xml"), converter=culprit)

    size = (DATA / "junit" / "robot-nested.xml").stat().st_size

    async def go() -> list[Any]:
        try:
            first = asyncio.ensure_future(pool.run(bad, size=size))
            # The bad job must be in the worker's pipe before the good one is sent (a bare
            # sleep(0) left the order to the worker's start-up: CI once sent the good first).
            deadline = time.monotonic() + 30
            while not any(w.pending for w in pool._live):
                assert time.monotonic() < deadline, "the bad job never reached a worker"
                await asyncio.sleep(0.01)
            return list(await asyncio.gather(first, pool.run(good, size=size)))
        finally:
            pool.close()

    failed, converted = asyncio.run(go())
    assert failed.kind == ("timeout" if culprit.name == "sleeper" else "died"), failed.reason
    assert converted.kind == "ok", converted.reason
    assert pool.started == 2


def test_jobs_wait_in_the_workers_pipe_and_come_back_in_order() -> None:
    pool = ConversionPool(timeout=60, workers=1, depth=3)
    paths = sorted((DATA / "junit").glob("*.xml"))[:3]
    assert len(paths) == 3

    async def go() -> list[Any]:
        try:
            return list(
                await asyncio.gather(
                    *(pool.run(Job(path=str(p), converter="junit")) for p in paths)
                )
            )
        finally:
            pool.close()

    outcomes = asyncio.run(go())
    assert [o.kind for o in outcomes] == ["ok"] * 3, [o.reason for o in outcomes]
    assert len({o.source_key for o in outcomes}) == 3  # each its own file's outcome
    assert pool.started == 1  # one worker held all three

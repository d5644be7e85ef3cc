"""Conversions fenced in worker processes: a timeout kills, memory goes back to the OS.

::

    service ──Job──► ConversionPool ──pipe──► worker process (started on demand:
                         │                      python -c ...worker_main, no re-import of
                         │                      the service's __main__; see ._worker)
                         │                      run_job: digest, convert, validate, JSON
                         ◄──────── Outcome ─────┘ (reports as JSON text only)

- Workers start when a file needs one (at most ``workers`` at once), each holding up to
  ``depth`` jobs (the next one waits in its pipe while it converts: it never idles for the
  service's round trip; a job's timeout counts from when its worker starts it), and exit after
  ``idle_seconds`` without work, after ``max_jobs`` files, or as soon as their resident memory
  passes ``recycle_mb`` (a big file's memory is the OS's again when its worker exits). An idle
  service keeps no worker, so its own memory stays that of the service alone.
- A worker that passes its timeout is killed (SIGKILL): a hung converter costs nothing after.
  The timeout grows with the file: ``timeout`` plus ``seconds_per_mb`` (default 2 s) for each
  whole MB, so the default 60 s holds for files under 1 MB and a 100 MB file gets 260 s (it
  needs 35-80 s of CPU: issue 16's figures in benchmarks/results.md).
- ``memory_mb`` caps each worker's address space (``RLIMIT_AS``, POSIX only): a runaway
  conversion fails with a MemoryError in its worker, reported as a refusal.
- ``max_bytes`` refuses larger files before any worker reads them.
- A converter that cannot be pickled to a worker (a class defined inside a function, one
  holding a lock...) runs in a daemon thread instead, with the timeout the service always had
  (the thread cannot be stopped; the service counts it as hung). So does every converter
  with ``isolation = "thread"``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from typing import Any

import attrs

from pywats.station.converters._job import Job, Outcome, run_job, too_big
from pywats.station.converters._worker import Expired, Requeue, Worker

__all__ = ["ConversionPool", "Job", "Outcome", "trim_memory"]

log = logging.getLogger("pywats.station")
_MB = 1024 * 1024
_START_SECONDS = 120.0  # a worker's cold start; not counted in the conversion's timeout


class ConversionPool:
    """Run :class:`Job` s in worker processes; see the module for the rules."""

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int = 0,
        memory_mb: float = 0,
        workers: int = 2,
        idle_seconds: float = 30.0,
        max_jobs: int = 200,
        recycle_mb: float = 200.0,
        isolation: str = "process",
        seconds_per_mb: float = 2.0,
        depth: int = 2,
    ) -> None:
        self.timeout = timeout
        self.seconds_per_mb = seconds_per_mb
        self.max_bytes = max_bytes
        self.memory_bytes = int(memory_mb * _MB)
        self.idle_seconds = idle_seconds
        self.max_jobs = max_jobs
        self.recycle_mb = recycle_mb
        self.isolation = isolation
        self.workers = max(1, workers)
        self.depth = max(1, depth)
        self._slots = asyncio.Semaphore(self.workers * self.depth)
        self._live: list[Worker] = []
        self._reaper: asyncio.TimerHandle | None = None
        self._picklable: dict[int, bool] = {}
        self.started = 0
        """Worker processes started so far (a figure for tests and metrics)."""
        self.hung_threads = 0

    @property
    def live_workers(self) -> int:
        return len(self._live)

    def in_process(self, converter: Any) -> bool:
        """Whether ``converter`` runs in a worker process (else in a thread)."""
        if self.isolation != "process":
            return False
        if isinstance(converter, str):
            return True
        key = id(converter)
        if key not in self._picklable:
            try:
                pickle.dumps(converter)
                self._picklable[key] = True
            except Exception:
                log.warning(
                    "converter %s cannot be sent to a worker process (it cannot be pickled):"
                    " it runs in a thread, where a timeout cannot stop it",
                    getattr(converter, "name", converter),
                )
                self._picklable[key] = False
        return self._picklable[key]

    async def run(self, job: Job, *, size: int | None = None) -> Outcome:
        """Convert one file; the outcome says how it went (this never raises for the file).

        ``size``: the file's size when it was found complete, if known (saves a look).
        """
        mtime_ns = -1
        if size is None:
            size = -1
            with contextlib.suppress(OSError):  # gone or unreadable: the worker says which
                st = await asyncio.to_thread(os.stat, job.path)
                size, mtime_ns = st.st_size, st.st_mtime_ns
        refusal = too_big(size, self.max_bytes)
        if refusal:
            if mtime_ns == -1:
                with contextlib.suppress(OSError):
                    mtime_ns = os.stat(job.path).st_mtime_ns
            return Outcome(kind="refused", reason=refusal, size=size, mtime_ns=mtime_ns)
        if self.max_bytes and not job.max_bytes:
            job = _with_max(job, self.max_bytes)
        timeout, why = self.timeout_for(size)
        if not self.in_process(job.converter):
            return await self._in_thread(job, timeout, why)
        async with self._slots:
            while True:
                worker: Worker | None = None
                try:
                    worker = await self._worker()
                    try:
                        outcome = await worker.submit(job, timeout)
                    finally:
                        worker.claims -= 1
                except Requeue:
                    continue  # its worker ended before starting it: another one takes it
                except Expired:
                    return Outcome(
                        kind="timeout",
                        reason=f"did not finish within {timeout:g} s ({why}its process was"
                        " stopped)",
                    )
                except (EOFError, OSError, TimeoutError, pickle.PickleError) as exc:
                    code = None
                    if worker is not None:
                        worker.end(exc)
                        with contextlib.suppress(subprocess.TimeoutExpired):
                            await asyncio.to_thread(worker.process.wait, 1.0)
                        code = worker.process.poll()
                    return Outcome(
                        kind="died",
                        reason=f"the converter's worker process ended (exit code {code}; {exc})",
                    )
                finally:
                    if worker is not None:
                        self._settle(worker)
                self._give_back(worker, outcome)
                return outcome

    async def _worker(self) -> Worker:
        """The live worker with the fewest jobs; a new one while fewer than ``workers`` run
        and every live one is busy."""
        live = [w for w in self._live if not w.retiring and w.alive()]
        best = min(live, key=lambda w: len(w.pending) + w.claims, default=None)
        if best is None or ((best.pending or best.claims) and len(live) < self.workers):
            best = Worker(self.memory_bytes)
            self.started += 1
            self._live.append(best)
            best.started = asyncio.ensure_future(self._start(best))
        assert best.started is not None
        best.claims += 1
        try:
            await asyncio.wait_for(asyncio.shield(best.started), _START_SECONDS)
        except BaseException:
            best.claims -= 1
            raise
        return best

    async def _start(self, worker: Worker) -> None:
        try:
            await asyncio.to_thread(worker.handshake)
        except BaseException as exc:
            worker.end(exc if isinstance(exc, Exception) else EOFError("cancelled"))
            raise
        worker.listen(asyncio.get_running_loop())

    def _settle(self, worker: Worker) -> None:
        """Forget a worker that ended; retire an idle one past its jobs or memory."""
        if not worker.alive() and worker in self._live and not worker.pending:
            self._live.remove(worker)

    def timeout_for(self, size: int) -> tuple[float, str]:
        """The timeout of a file of ``size`` bytes (-1: unknown) and how it was reached."""
        whole_mb = max(0, size) // _MB
        if not whole_mb or self.seconds_per_mb <= 0:
            return self.timeout, ""
        timeout = self.timeout + self.seconds_per_mb * whole_mb
        return timeout, (
            f"intake.converter_timeout {self.timeout:g} s + {self.seconds_per_mb:g} s for each"
            f" of the file's {whole_mb} MB; "
        )

    def _give_back(self, worker: Worker, outcome: Outcome) -> None:
        worker.jobs += 1
        if worker.jobs >= self.max_jobs or outcome.rss_mb > self.recycle_mb:
            # Its memory goes back to the OS now, not when the next file happens to come
            # (a job already sent to it finishes first).
            worker.retire()
        if worker.retiring and not worker.pending and not worker.claims:
            worker.retire()
            with contextlib.suppress(ValueError):
                self._live.remove(worker)
            return
        self._schedule_reap()

    def _schedule_reap(self) -> None:
        if self._reaper is not None:
            return
        loop = asyncio.get_running_loop()
        self._reaper = loop.call_later(self.idle_seconds, self._reap)

    def _reap(self) -> None:
        self._reaper = None
        now = time.monotonic()
        for worker in list(self._live):
            if (
                not worker.pending
                and not worker.claims
                and (not worker.alive() or now - worker.idle_since >= self.idle_seconds)
            ):
                self._live.remove(worker)
                worker.retire()
        if self._live:
            self._schedule_reap()

    async def _in_thread(self, job: Job, timeout: float, why: str) -> Outcome:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()

        def settle(outcome: Outcome) -> None:
            if not future.done():
                future.set_result(outcome)

        def work() -> None:
            outcome = run_job(job)
            with contextlib.suppress(RuntimeError):  # the loop closed while we were hung
                loop.call_soon_threadsafe(settle, outcome)

        # A daemon thread, not an executor: a converter that hangs for ever must neither
        # block the service's exit nor starve a pool.
        threading.Thread(target=work, name=f"convert {job.path}", daemon=True).start()
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            self.hung_threads += 1
            reason = f"did not finish within {timeout:g} s"
            return Outcome(kind="timeout", reason=f"{reason} ({why[:-2]})" if why else reason)

    def close(self) -> None:
        """Stop every worker (idle ones at once; busy ones are killed)."""
        if self._reaper is not None:
            self._reaper.cancel()
            self._reaper = None
        for worker in self._live:
            if worker.pending:
                worker.end(EOFError("the service is stopping"))  # its callers are cancelled
                worker.kill()
            else:
                worker.retiring = True
                worker.stop()
        self._live.clear()


def trim_memory() -> None:
    """Give freed heap memory back to the OS now (glibc's ``malloc_trim``; else a no-op).

    After a big report passes through the service (its JSON, the dict the upload parses),
    CPython frees the objects but glibc keeps the heap pages; trimming returns them, so the
    service's resident memory goes back near idle instead of staying at its peak.
    """
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _with_max(job: Job, max_bytes: int) -> Job:
    return attrs.evolve(job, max_bytes=max_bytes)

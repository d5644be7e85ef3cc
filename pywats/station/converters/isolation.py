"""Conversions fenced in worker processes: a timeout kills, memory goes back to the OS.

::

    service ──Job──► ConversionPool ──pipe──► worker process (started on demand:
                         │                      python -c ...worker_main, no re-import of
                         │                      the service's __main__)
                         │                      run_job: digest, convert, validate, JSON
                         ◄──────── Outcome ─────┘ (reports as JSON text only)

- Workers start when a file needs one (at most ``workers`` at once) and exit after
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
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any

import attrs

from pywats.station.converters._job import Job, Outcome, run_job, too_big

__all__ = ["ConversionPool", "Job", "Outcome", "trim_memory"]

log = logging.getLogger("pywats.station")
_MB = 1024 * 1024
_START_SECONDS = 120.0  # a worker's cold start; not counted in the conversion's timeout


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("the other side closed the pipe")
    (size,) = struct.unpack("<Q", head)
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(min(size, 1 << 24))
        if not chunk:
            raise EOFError("the other side closed the pipe")
        chunks.append(chunk)
        size -= len(chunk)
    return pickle.loads(b"".join(chunks))


def worker_main() -> None:
    """A worker's life: take the service's import path and memory cap, then convert jobs
    until told to stop or orphaned (``python -c "...isolation import worker_main; ..."``)."""
    # The protocol has stdout to itself: what a converter prints goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    try:
        path, memory_bytes = _recv(inp)
    except (EOFError, OSError):
        return
    sys.path[:] = path
    if memory_bytes > 0:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ImportError, ValueError, OSError):  # Windows, or a lower hard limit
            pass
    from pywats.station.converters._job import rss_mb, run_job

    try:
        _send(out, "ready")  # started and imported: from now on the job's timeout counts
        while True:
            job = _recv(inp)
            if job is None:
                return
            outcome = run_job(job)
            _send(out, attrs.evolve(outcome, rss_mb=rss_mb()))
            del job, outcome
    except (EOFError, OSError, ValueError):  # the service is gone
        return


_WORKER = "from pywats.station.converters.isolation import worker_main; worker_main()"


class _Worker:
    def __init__(self, memory_bytes: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        self.memory_bytes = memory_bytes
        self.jobs = 0
        self.ready = False
        self.idle_since = time.monotonic()

    def alive(self) -> bool:
        return self.process.poll() is None

    def start(self) -> None:
        """Hand over the import path and memory cap; wait for "ready" (blocking)."""
        if self.ready:
            return
        _send(self.stdin, (list(sys.path), self.memory_bytes))
        if _recv(self.stdout) != "ready":
            raise EOFError("the worker did not start")
        self.ready = True

    def exchange(self, job: Job) -> Outcome:
        """Send ``job`` and wait for its outcome (blocking; the pool bounds the wait)."""
        _send(self.stdin, job)
        outcome: Outcome = _recv(self.stdout)
        return outcome

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            _send(self.stdin, None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(2.0)
        self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5.0)
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError, ValueError):
                stream.close()


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
    ) -> None:
        self.timeout = timeout
        self.seconds_per_mb = seconds_per_mb
        self.max_bytes = max_bytes
        self.memory_bytes = int(memory_mb * _MB)
        self.idle_seconds = idle_seconds
        self.max_jobs = max_jobs
        self.recycle_mb = recycle_mb
        self.isolation = isolation
        self._slots = asyncio.Semaphore(max(1, workers))
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._reaper: asyncio.TimerHandle | None = None
        self._picklable: dict[int, bool] = {}
        self.started = 0
        """Worker processes started so far (a figure for tests and metrics)."""
        self.hung_threads = 0

    @property
    def live_workers(self) -> int:
        return len(self._idle) + len(self._busy)

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

    async def run(self, job: Job) -> Outcome:
        """Convert one file; the outcome says how it went (this never raises for the file)."""
        size = mtime_ns = -1
        with contextlib.suppress(OSError):  # gone or unreadable: the worker says which
            st = await asyncio.to_thread(os.stat, job.path)
            size, mtime_ns = st.st_size, st.st_mtime_ns
        refusal = too_big(size, self.max_bytes)
        if refusal:
            return Outcome(kind="refused", reason=refusal, size=size, mtime_ns=mtime_ns)
        if self.max_bytes and not job.max_bytes:
            job = _with_max(job, self.max_bytes)
        timeout, why = self.timeout_for(size)
        if not self.in_process(job.converter):
            return await self._in_thread(job, timeout, why)
        async with self._slots:
            worker = self._take()
            self._busy.add(worker)
            try:
                await asyncio.wait_for(asyncio.to_thread(worker.start), _START_SECONDS)
                exchange = asyncio.ensure_future(asyncio.to_thread(worker.exchange, job))
                done, _ = await asyncio.wait([exchange], timeout=timeout)
                if not done:
                    worker.kill()  # the exchange thread sees EOF and ends
                    with contextlib.suppress(Exception):
                        await exchange
                    return Outcome(
                        kind="timeout",
                        reason=f"did not finish within {timeout:g} s ({why}its process was"
                        " stopped)",
                    )
                outcome = exchange.result()
            except (EOFError, OSError, TimeoutError, pickle.PickleError) as exc:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    worker.process.wait(1.0)
                code = worker.process.poll()
                worker.kill()
                return Outcome(
                    kind="died",
                    reason=f"the converter's worker process ended (exit code {code}; {exc})",
                )
            finally:
                self._busy.discard(worker)
            self._give_back(worker, outcome)
            return outcome

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

    def _take(self) -> _Worker:
        while self._idle:
            worker = self._idle.pop()
            if worker.alive():
                return worker
            worker.kill()
        self.started += 1
        return _Worker(self.memory_bytes)

    def _give_back(self, worker: _Worker, outcome: Outcome) -> None:
        worker.jobs += 1
        if worker.jobs >= self.max_jobs or outcome.rss_mb > self.recycle_mb:
            # Its memory goes back to the OS now, not when the next file happens to come.
            _stop_later(worker)
            return
        worker.idle_since = time.monotonic()
        self._idle.append(worker)
        self._schedule_reap()

    def _schedule_reap(self) -> None:
        if self._reaper is not None:
            return
        loop = asyncio.get_running_loop()
        self._reaper = loop.call_later(self.idle_seconds, self._reap)

    def _reap(self) -> None:
        self._reaper = None
        now = time.monotonic()
        keep: list[_Worker] = []
        for worker in self._idle:
            if now - worker.idle_since >= self.idle_seconds:
                _stop_later(worker)
            else:
                keep.append(worker)
        self._idle = keep
        if keep:
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
        for worker in self._idle:
            worker.stop()
        for worker in list(self._busy):
            worker.kill()
        self._idle.clear()
        self._busy.clear()


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


def _stop_later(worker: _Worker) -> None:
    """Let ``worker`` finish exiting in a thread: the event loop does not wait for it."""
    threading.Thread(target=worker.stop, name="pywats-convert-stop", daemon=True).start()


def _with_max(job: Job, max_bytes: int) -> Job:
    return attrs.evolve(job, max_bytes=max_bytes)

"""One conversion worker process and the pipe protocol it speaks with the service.

::

    service (event loop) ──frame(Job)──► stdin  ┐ worker: run_job, one job at a time,
             ▲                                  │ in the order sent
             └──────── frame(Outcome) ◄── stdout┘

A frame is an 8-byte little-endian length and a pickle. The service may send a worker a
second job before the first one's outcome is back (the pool's ``depth``): the worker is
never idle waiting for the service to notice an outcome. Outcomes come back in the order the
jobs were sent, so the job at the head of :attr:`Worker.pending` is the one being converted:
its timeout runs from when it became the head, and when the worker dies or is killed, it is
that job that failed; the jobs queued behind it were never started and are handed back to the
pool to run again (:class:`Requeue`), never lost and never failed for another file's fault.

On POSIX the event loop reads the worker's stdout itself (``add_reader``): no thread hand-off
per file. Elsewhere a reader thread per worker passes whole outcomes to the loop.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any

import attrs

from pywats.station.converters._job import Job, Outcome

__all__ = ["Expired", "Requeue", "Worker", "worker_main"]

_HEAD = struct.Struct("<Q")
_BIG_FRAME = 16 * 1024  # a job frame larger than this is written from a thread (pipe: 64 KB)


class Requeue(Exception):
    """The worker ended before it started this job: run it on another worker."""


class Expired(Exception):
    """The job passed its timeout; its worker was killed."""


def frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEAD.pack(len(data)) + data


def _send(stream: IO[bytes], message: Any) -> None:
    stream.write(frame(message))
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("the other side closed the pipe")
    (size,) = _HEAD.unpack(head)
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
    until told to stop or orphaned (``python -c "...import worker_main; worker_main()"``)."""
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


_COMMAND = "from pywats.station.converters._worker import worker_main; worker_main()"


@attrs.define(eq=False)
class _Pending:
    job: Job
    timeout: float
    future: asyncio.Future[Outcome]
    timer: asyncio.TimerHandle | None = None


class Worker:
    """A worker process; jobs are sent with :meth:`submit` from the event loop's thread."""

    def __init__(self, memory_bytes: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _COMMAND], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        self.memory_bytes = memory_bytes
        self.jobs = 0
        self.retiring = False
        """Takes no new job (recycled); stops once its pending jobs are done."""
        self.idle_since = time.monotonic()
        self.pending: collections.deque[_Pending] = collections.deque()
        self.started: asyncio.Future[None] | None = None
        self.claims = 0
        """Callers that chose this worker and have not sent their job yet."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._buffer = bytearray()
        self._writing = asyncio.Lock()
        self._ended = False

    def alive(self) -> bool:
        return not self._ended and self.process.poll() is None

    def handshake(self) -> None:
        """Hand over the import path and memory cap; wait for "ready" (blocking)."""
        _send(self.stdin, (list(sys.path), self.memory_bytes))
        if _recv(self.stdout) != "ready":
            raise EOFError("the worker did not start")

    def listen(self, loop: asyncio.AbstractEventLoop) -> None:
        """Read outcomes on ``loop`` from now on (after :meth:`handshake`)."""
        self._loop = loop
        fd = self.stdout.fileno()
        if sys.platform != "win32":
            with contextlib.suppress(NotImplementedError):
                os.set_blocking(fd, False)
                loop.add_reader(fd, self._readable)
                return
            os.set_blocking(fd, True)
        threading.Thread(target=self._read_thread, name="pywats-convert-read", daemon=True).start()

    async def submit(self, job: Job, timeout: float) -> Outcome:
        """Send ``job``; its outcome, or Expired / Requeue / EOFError / OSError."""
        assert self._loop is not None
        if self._ended:
            raise Requeue  # retired or ended since it was chosen: never started the job
        entry = _Pending(job, timeout, self._loop.create_future())
        data = frame(job)
        self.pending.append(entry)
        if len(self.pending) == 1:
            self._arm(entry)
        try:
            async with self._writing:
                if self._ended:
                    raise EOFError("the worker ended")
                if len(data) > _BIG_FRAME:
                    await asyncio.to_thread(_write, self.stdin, data)
                else:
                    _write(self.stdin, data)
        except (OSError, ValueError) as exc:  # a broken pipe: it died; the reader says how
            self.end(EOFError(f"cannot send the job ({exc})"))
        return await entry.future

    def _arm(self, entry: _Pending) -> None:
        assert self._loop is not None
        entry.timer = self._loop.call_later(entry.timeout, self.end, Expired())

    def _readable(self) -> None:
        try:
            data = os.read(self.stdout.fileno(), 1 << 20)
        except (BlockingIOError, InterruptedError):
            return
        except (OSError, ValueError) as exc:
            self.end(EOFError(str(exc)))
            return
        if not data:
            self.end(EOFError("the other side closed the pipe"))
            return
        buffer = self._buffer
        buffer += data
        while len(buffer) >= 8:
            (size,) = _HEAD.unpack_from(buffer)
            if len(buffer) < 8 + size:
                break
            with memoryview(buffer) as view:
                message = pickle.loads(view[8 : 8 + size])
            del buffer[: 8 + size]
            self._deliver(message)

    def _read_thread(self) -> None:
        loop = self._loop
        assert loop is not None
        while True:
            try:
                message = _recv(self.stdout)
            except Exception as exc:  # EOF, a closed pipe, a bad frame: the worker is done
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(self.end, EOFError(str(exc)))
                return
            with contextlib.suppress(RuntimeError):  # the loop closed (shutdown)
                loop.call_soon_threadsafe(self._deliver, message)

    def _deliver(self, outcome: Outcome) -> None:
        if not self.pending:
            return
        entry = self.pending.popleft()
        if entry.timer is not None:
            entry.timer.cancel()
        if not entry.future.done():
            entry.future.set_result(outcome)
        if self.pending:
            self._arm(self.pending[0])
        else:
            self.idle_since = time.monotonic()

    def end(self, why: BaseException) -> None:
        """The worker is done for: its job under way fails with ``why`` (and the process is
        killed when that is :class:`Expired`); the jobs queued behind it are requeued."""
        if self._ended:
            return
        self._stop_reading()
        if isinstance(why, Expired) and self.process.poll() is None:
            self.process.kill()
        failure: BaseException = why
        while self.pending:
            entry = self.pending.popleft()
            if entry.timer is not None:
                entry.timer.cancel()
            if not entry.future.done():
                entry.future.set_exception(failure)
            failure = Requeue()
        stop_later(self)

    def retire(self) -> None:
        """Take no new job; stop once the jobs sent are done (now, when there are none)."""
        self.retiring = True
        if not self.pending and not self._ended:
            self._stop_reading()
            stop_later(self)

    def _stop_reading(self) -> None:
        self._ended = True
        if self._loop is not None and sys.platform != "win32":
            with contextlib.suppress(OSError, ValueError, RuntimeError):
                self._loop.remove_reader(self.stdout.fileno())

    def stop(self) -> None:
        """Ask the worker to exit, wait a little, then make sure (blocking; in a thread)."""
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


def _write(stream: IO[bytes], data: bytes) -> None:
    stream.write(data)
    stream.flush()


def stop_later(worker: Worker) -> None:
    """Let ``worker`` finish exiting in a thread: the event loop does not wait for it."""
    threading.Thread(target=worker.stop, name="pywats-convert-stop", daemon=True).start()

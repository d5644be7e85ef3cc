"""Sending queued reports: bounded concurrency, one retry layer, failures classified once.

The uploader claims due rows, submits them concurrently (at most ``concurrency`` in flight)
and records each outcome as one guarded queue transition::

    acknowledged                         -> delivered
    retryable (5xx, 408, 429, network,   -> pending, due after the next ladder step
      timeout, breaker open)                (Retry-After / breaker wait when longer)
    401 / 403                            -> pending on the ladder: the station's token is
                                            wrong, not the report; parking every report
                                            would bury the real problem
    3xx (a redirect; not followed)       -> pending on the ladder: the server URL is wrong
    400 and other 4xx, local validation  -> parked with the server's message
    a row whose payload cannot be read   -> quarantined

The SDK's own retries are off (``with_options(max_retries=0)``): the queue's ladder is the only
retry, so attempts never multiply. While the SDK's circuit breaker is open the uploader claims
nothing and waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from pywats._breaker import counts_as_failure
from pywats._exceptions import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    CircuitOpenError,
    PermissionDeniedError,
    RateLimitError,
    ReportValidationError,
    WatsError,
)
from pywats.station.converters.isolation import trim_memory
from pywats.station.metrics import Histogram
from pywats.station.queue import QueueItem, ReportQueue, Settlement

__all__ = [
    "Outcome",
    "SdkSubmitter",
    "Submitter",
    "Uploader",
    "backoff",
    "classify",
]

log = logging.getLogger("pywats.station")
_BIG_PAYLOAD = 4 * 1024 * 1024  # characters of report JSON after which memory is trimmed


def _drop(_value: dict[str, Any]) -> None:
    return None


def _check_payload(payload: str) -> None:
    """Raise ``ValueError`` unless ``payload`` is a JSON object, as ``QueueItem.report``
    would, without its tree: each object is dropped as soon as it is parsed. (Parsing a big
    report into dicts on every attempt left the service tens of MB larger for good.)"""
    # An object parses to what _drop returns (None), as does "null": told apart by the text.
    if json.loads(payload, object_hook=_drop) is not None or not payload.lstrip().startswith("{"):
        raise ValueError("the stored payload is not a JSON object")


@runtime_checkable
class Submitter(Protocol):
    """What the uploader needs from a client: send one WSJF report, return the server's id."""

    async def submit(self, report: dict[str, Any]) -> str: ...


@attrs.frozen
class Outcome:
    """How one failed attempt is to be recorded."""

    park: bool
    """True: permanent (park for an operator); False: transient (retry on the ladder)."""
    message: str
    wait: float | None = None
    """A wait the server or breaker asked for, in seconds (Retry-After, breaker retry_in)."""


def classify(exc: BaseException) -> Outcome:
    """Decide whether a failed submission is retried or parked, and with what message."""
    if isinstance(exc, CircuitOpenError):
        return Outcome(False, str(exc), exc.retry_in or None)
    if isinstance(exc, RateLimitError):
        return Outcome(False, str(exc), exc.retry_after)
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return Outcome(False, str(exc))
    if isinstance(exc, ApiError) and 300 <= exc.status < 400:
        return Outcome(False, str(exc))  # a redirect: the server URL is wrong, not the report
    if isinstance(exc, BadRequestError):
        text = "\n".join(exc.lines) if exc.lines else exc.message
        return Outcome(True, f"{exc.status}: {text}")
    if isinstance(exc, ReportValidationError):
        return Outcome(True, "rejected by local validation:\n" + "\n".join(exc.lines))
    if isinstance(exc, WatsError):
        if exc.retryable:
            return Outcome(False, str(exc))
        if isinstance(exc, ApiError):
            return Outcome(True, str(exc))
        return Outcome(False, str(exc))
    if isinstance(exc, TimeoutError):
        return Outcome(False, "the server did not answer in time")
    # An unexpected exception is a bug somewhere, not the report's fault: keep retrying,
    # visibly (last_error), rather than parking good data.
    return Outcome(False, f"{type(exc).__name__}: {exc}")


def backoff(
    attempts: int,
    ladder: Sequence[float],
    *,
    wait: float | None = None,
    jitter: float = 0.1,
    rng: Callable[[], float] = random.random,
    max_wait: float = 3600.0,
) -> float:
    """Seconds before the next attempt after ``attempts`` failures (1 = the first failure).

    Steps through ``ladder`` and stays on its last value; ``wait`` (Retry-After, breaker)
    wins when longer, up to ``max_wait`` (a server saying ``Retry-After: 99999999`` must not
    park a report for years). Up to ``jitter`` (a fraction) is added so stations that failed
    together do not retry together.
    """
    step = ladder[min(max(attempts, 1), len(ladder)) - 1]
    step = step * (1 + jitter * rng())
    return max(step, min(wait or 0.0, max_wait))


@contextlib.contextmanager
def _asyncio_only() -> Iterator[None]:
    """Import the HTTP stack without what the service never runs: trio, tornado, httpx's CLI.

    httpcore imports trio and tenacity imports tornado whenever they are installed (selenium
    brings trio, openhtf tornado), and httpx imports its command-line tool (rich's console,
    progress and syntax, pygments' lexers, click) whenever those are installed, which they
    always are beside typer. Resident, that is ~6 MB for httpx's CLI and a few MB for
    trio/tornado (measured in ``wats watch``). Each library treats the import failing as
    "not installed"; afterwards the names are importable again for anything else.
    """
    blocked = [name for name in ("trio", "tornado", "httpx._main") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


class SdkSubmitter:
    """A :class:`Submitter` over :class:`pywats.AsyncWATS` with the SDK's retries turned off."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        requests_per_minute: int = 500,
        verify: bool | str = True,
        breaker_failures: int = 5,
        breaker_open_seconds: float = 30.0,
    ) -> None:
        with _asyncio_only():
            import httpcore  # noqa: F401  imported here, without trio
            import httpx  # noqa: F401  imported here, without its CLI
            import tenacity  # noqa: F401  imported here, without tornado

            from pywats._async._client import AsyncWATS
        from pywats._options import BreakerConfig, RateLimit

        limit = (
            RateLimit(max_calls=requests_per_minute, period=60.0)
            if requests_per_minute > 0
            else None
        )
        breaker = BreakerConfig(
            failure_threshold=breaker_failures, reset_timeout=breaker_open_seconds
        )
        self._client = AsyncWATS(
            base_url, token, rate_limit=limit, verify=verify, circuit_breaker=breaker
        )
        self._api = self._client.with_options(max_retries=0, timeout=timeout)

    async def submit(self, report: dict[str, Any]) -> str:
        result = await self._api.report.submit(report)
        return str(result)

    async def submit_json(self, payload: str, report_id: str) -> str:
        """Send a queued payload as it is (checked when it was converted): no object tree of
        a large report is built in the service, so its memory does not stay fragmented."""
        result = await self._api.report.submit_json(payload, report_id=report_id)
        return str(result)

    async def server_version(self) -> str:
        """Ask the server its version (checks the token too; goes through the breaker)."""
        return str(await self._api.analytics.get_version())

    async def processes(self) -> list[dict[str, Any]]:
        """The server's process list, fetched now (for the station's local copy)."""
        return await self._api.process.refresh()

    def breaker_state(self) -> str:
        """The SDK circuit breaker's state name (``closed``, ``open``, ``half_open``)."""
        breaker = self._api.breaker
        return "off" if breaker is None else str(breaker.state.value)

    def breaker_wait(self) -> float:
        """Seconds until the breaker lets a probe through (0 when closed)."""
        breaker = self._api.breaker
        return 0.0 if breaker is None else float(breaker.retry_in)

    async def aclose(self) -> None:
        await self._client.close()


@attrs.define
class UploadStats:
    """Running counters for the dashboard and health endpoint."""

    delivered: int = 0
    retried: int = 0
    parked: int = 0
    quarantined: int = 0
    last_upload_at: float | None = None
    last_error: str = ""
    latencies: list[float] = attrs.field(factory=list)
    """Seconds from file found complete to acknowledged, most recent last (bounded)."""
    upload_seconds: Histogram = attrs.field(factory=Histogram)
    """Round trips of submissions (answered ones, failed or not)."""


class Uploader:
    """Claims due rows, sends them, records outcomes.

    Args:
        queue: the durable queue (used from the event loop thread only).
        submitter: sends one report.
        concurrency: reports in flight at most.
        ladder: the retry ladder in seconds.
        timeout: a guard around each submission, in seconds.
        clock: Unix time.
        max_wait: the longest wait a server (``Retry-After``) or the breaker may impose.
    """

    def __init__(
        self,
        queue: ReportQueue,
        submitter: Submitter,
        *,
        concurrency: int = 4,
        ladder: Sequence[float] = (5.0, 15.0, 60.0, 300.0, 900.0),
        timeout: float = 60.0,
        clock: Callable[[], float] = time.time,
        max_wait: float = 3600.0,
    ) -> None:
        self.max_wait = max_wait
        self.queue = queue
        self.submitter = submitter
        self.concurrency = concurrency
        self.ladder = tuple(ladder)
        self.timeout = timeout
        self.clock = clock
        self.stats = UploadStats()
        self.paused_until = 0.0
        self.lock = asyncio.Lock()
        self.on_breaker_change: Callable[[str], None] | None = None
        """Called with the breaker's new state when it opens or closes (the heartbeat)."""
        self.failures_in_row = 0
        """Attempts that failed on the server's side (5xx, unreachable) since the last answer."""
        self._breaker_seen = "closed"
        self._last_now = float("-inf")
        self._unsettled: list[Settlement] = []

    def breaker_state(self) -> str:
        probe = getattr(self.submitter, "breaker_state", None)
        return str(probe()) if callable(probe) else "unknown"

    async def upload_due(self, now: float | None = None) -> int:
        """Send one batch of due rows (up to ``concurrency``); return how many were tried."""
        async with self.lock:  # a reload swaps the client between batches, never inside one
            return await self._upload_due(now)

    async def _upload_due(self, now: float | None) -> int:
        now = self.clock() if now is None else now
        if now < self._last_now - 1.0:
            self._clock_stepped_back(now)
        self._last_now = now
        if now < self.paused_until:
            return 0
        breaker_wait = getattr(self.submitter, "breaker_wait", None)
        if callable(breaker_wait):
            wait = float(breaker_wait())
            if wait > 0:  # the breaker is open: claim nothing until it lets a probe through
                self.paused_until = now + wait
                return 0
        if self._unsettled and not self.flush():
            return 0  # the queue is still locked: claim nothing more until outcomes are written
        # While the breaker is not closed, one report probes the server; the rest would only be
        # refused by the breaker and pushed back a whole open period.
        limit = 1 if self.breaker_state() in ("open", "half_open") else self.concurrency
        try:
            items = self.queue.claim(limit, now=now)
        except sqlite3.Error as exc:
            log.warning("the queue is busy or unwritable (%s); uploads wait", exc)
            return 0
        if not items:
            return 0
        outcomes = await asyncio.gather(*(self._send(item) for item in items))
        self._unsettled.extend(outcomes)
        self.flush()
        self.check_breaker()
        if sum(len(item.payload) for item in items) > _BIG_PAYLOAD:
            trim_memory()  # the parsed reports are gone: return their memory to the OS
        return len(items)

    def check_breaker(self) -> bool:
        """Notice the breaker opening or closing; True when it has just closed.

        On closing (a probe was answered), every row waiting on the retry ladder is made due
        now: the server is back, so the backlog goes at once rather than step by step.
        """
        state = self.breaker_state()
        seen, self._breaker_seen = self._breaker_seen, state
        if state == seen or state in ("off", "unknown"):
            return False
        if self.on_breaker_change is not None and "closed" in (state, seen):
            self.on_breaker_change(state)
        if state == "open" and seen == "closed":
            log.warning(
                "server failing: %d attempt(s) in a row failed; uploads wait %.0f s, then one"
                " report probes the server",
                self.failures_in_row,
                self.breaker_wait(),
            )
            return False
        if state != "closed":
            return False
        now = self.clock()
        self.paused_until = 0.0
        try:
            waiting = self.queue.expedite(now=now)
        except sqlite3.Error as exc:
            log.warning("the queue is busy or unwritable (%s); waits not shortened", exc)
            waiting = 0
        log.info(
            "server answering again after %d failed attempt(s): sending %d waiting report(s) now",
            self.failures_in_row,
            waiting,
        )
        self.failures_in_row = 0
        return True

    def breaker_wait(self) -> float:
        """Seconds until the breaker lets a probe through (0 when closed or unknown)."""
        probe = getattr(self.submitter, "breaker_wait", None)
        return float(probe()) if callable(probe) else 0.0

    def _clock_stepped_back(self, now: float) -> None:
        # Waits are wall-clock times (the queue's survive restarts): when the clock steps back
        # (NTP, an RTC kept in local time) keep what was left of them, not the whole step.
        log.warning(
            "the system clock stepped back %.0f s; pending waits rebased", self._last_now - now
        )
        self.paused_until = now + max(0.0, self.paused_until - self._last_now)
        try:
            self.queue.rebase(now=now)
        except sqlite3.Error as exc:
            log.warning("the queue is busy or unwritable (%s); waits not rebased", exc)

    def flush(self) -> bool:
        """Write the outcomes held in memory; False (they are kept) when the queue refuses."""
        if not self._unsettled:
            return True
        try:
            # One transaction for the batch: an fsync per report would cap the rate.
            stale = self.queue.settle(self._unsettled, now=self.clock())
        except sqlite3.Error as exc:
            log.warning(
                "the queue is busy or unwritable (%s): %d upload outcome(s) kept in memory and"
                " written when it frees",
                exc,
                len(self._unsettled),
            )
            return False
        self._unsettled = []
        for item_id in stale:
            # An operator (`wats queue drop`) changed the row while it was in flight.
            log.warning("queue item %s changed while being sent; outcome not recorded", item_id)
        return True

    async def _send(self, item: QueueItem) -> Settlement:
        as_text = getattr(self.submitter, "submit_json", None)
        try:
            if callable(as_text):
                _check_payload(item.payload)
                sending = as_text(item.payload, item.report_id)
            else:
                sending = self.submitter.submit(item.report())
        except ValueError as exc:
            log.error(
                "queue item %s (report %s) is unreadable and was quarantined: %s",
                item.id,
                item.report_id,
                exc,
            )
            self.stats.quarantined += 1
            return Settlement(item.id, "quarantine", f"unreadable payload: {exc}")
        started = time.perf_counter()
        try:
            await asyncio.wait_for(sending, self.timeout)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is None or task.cancelling():
                raise  # shutdown: the row stays uploading and recover() returns it at next start
            # Not ours: a client library let its own cancellation escape. Re-raising it would
            # end the upload loop for good; it is a failed attempt like any other.
            return self._failed(item, RuntimeError("the client raised CancelledError"))
        except Exception as exc:
            if isinstance(exc, ApiError):  # answered: a round trip worth timing
                self.stats.upload_seconds.observe(time.perf_counter() - started)
            return self._failed(item, exc)
        self.stats.upload_seconds.observe(time.perf_counter() - started)
        self.failures_in_row = 0
        now = self.clock()
        self.stats.delivered += 1
        self.stats.last_upload_at = now
        if item.detected_at is not None:
            self.stats.latencies.append(max(0.0, now - item.detected_at))
            del self.stats.latencies[:-10000]
        log.info(
            "delivered report %s (SN %s, queue id %s)", item.report_id, item.serial_number, item.id
        )
        return Settlement(item.id, "ack")

    def _failed(self, item: QueueItem, exc: BaseException) -> Settlement:
        outcome = classify(exc)
        now = self.clock()
        self.stats.last_error = outcome.message
        if outcome.park:
            self.stats.parked += 1
            log.error(
                "parked report %s (SN %s, queue id %s): %s",
                item.report_id,
                item.serial_number,
                item.id,
                outcome.message,
            )
            return Settlement(item.id, "park", outcome.message)
        delay = backoff(item.attempts, self.ladder, wait=outcome.wait, max_wait=self.max_wait)
        if outcome.wait is not None and outcome.wait > self.max_wait:
            log.warning(
                "the server asked to wait %.0f s; waiting %.0f s (upload.max_retry_after)",
                outcome.wait,
                self.max_wait,
            )
        self.stats.retried += 1
        if counts_as_failure(exc):
            self.failures_in_row += 1
        if isinstance(exc, CircuitOpenError):
            pause = min(outcome.wait, self.max_wait) if outcome.wait else delay
            self.paused_until = max(self.paused_until, now + pause)
        log.warning(
            "report %s (queue id %s) attempt %d failed, retrying in %.1fs: %s",
            item.report_id,
            item.id,
            item.attempts,
            delay,
            outcome.message,
        )
        return Settlement(item.id, "retry", outcome.message, now + delay)

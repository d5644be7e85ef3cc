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
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence

import attrs

from pywats._breaker import counts_as_failure
from pywats._exceptions import ApiError, CircuitOpenError
from pywats.station._submitter import SdkSubmitter, Submitter
from pywats.station._upload_commit import OutcomeWriter
from pywats.station._upload_policy import Outcome, backoff, check_payload, classify, invalid
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
_ROWS_PER_SLOT = 8  # rows claimed per upload slot: a batch of 32 at the default concurrency 4
_MAX_BATCH = 64


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
        self._writer = OutcomeWriter(lambda: self.queue, lambda: self.clock())
        self.stopping: Callable[[], bool] = lambda: False
        """Says the service is stopping: rows claimed and not yet sent are released."""
        self.on_answer: Callable[[], None] = lambda: None
        """Called as each report of a pass gets its outcome: the pass is moving on."""

    def breaker_state(self) -> str:
        probe = getattr(self.submitter, "breaker_state", None)
        return str(probe()) if callable(probe) else "unknown"

    async def upload_due(self, now: float | None = None) -> int:
        """Send one batch of due rows; return how many were tried.

        A batch is up to :attr:`batch` rows claimed in one transaction and sent with at most
        ``concurrency`` in flight: a slow answer holds one slot, not the batch. Outcomes are
        written together, up to ``concurrency`` per commit, in a worker thread (so an fsync
        never stalls the event loop); a slot waits while ``concurrency`` outcomes already wait
        for their commit, so a crash re-sends at most twice ``concurrency`` reports (see
        :mod:`~pywats.station._upload_commit`). All are written before this returns. Rows of
        the batch not yet sent when the breaker opens or the service stops go back to
        ``pending`` unsent (their attempt is not counted).
        """
        async with self.lock:  # a reload swaps the client between batches, never inside one
            return await self._upload_due(now)

    @property
    def batch(self) -> int:
        """Rows claimed together: several per slot, so the slots stay busy between claims."""
        return max(self.concurrency, min(_MAX_BATCH, self.concurrency * _ROWS_PER_SLOT))

    async def _upload_due(self, now: float | None) -> int:
        now = self.clock() if now is None else now
        if now < self._last_now - 1.0:
            self._clock_stepped_back(now)
        self._last_now = now
        if self._holding(now):
            return 0
        if self._writer.unsettled and not self.flush():
            return 0  # the queue is still locked: claim nothing more until outcomes are written
        # While the breaker is not closed, one report probes the server; the rest would only be
        # refused by the breaker and pushed back a whole open period.
        probing = self.breaker_state() in ("open", "half_open")
        limit = 1 if probing else self.batch
        items = await self._claim(limit, now)
        if not items:
            return 0
        window = 1 if probing else self.concurrency
        slots = asyncio.Semaphore(window)
        sending = 0
        answered: set[int] = set()

        async def one(item: QueueItem) -> Settlement:
            nonlocal sending
            async with slots:
                if self._holding(self.clock()):
                    outcome = Settlement(item.id, "release")
                else:
                    sending += 1
                    try:
                        outcome = await self._send(item)
                    finally:
                        sending -= 1
                answered.add(item.id)  # from here on the writer holds its outcome
                self.on_answer()
                await self._writer.add(outcome, window=window, idle=sending == 0)
                return outcome

        try:
            outcomes = await asyncio.gather(*(one(item) for item in items))
        except asyncio.CancelledError:
            # The supervisor gave up on this pass, or the service stops: rows without an
            # outcome go back to pending (see _hand_back); outcomes held are written as usual.
            self._hand_back([item.id for item in items if item.id not in answered])
            raise
        await self._writer.drain()
        self.check_breaker()
        if sum(len(item.payload) for item in items) > _BIG_PAYLOAD:
            trim_memory()  # the parsed reports are gone: return their memory to the OS
        return sum(1 for outcome in outcomes if outcome.kind != "release")

    async def _claim(self, limit: int, now: float) -> list[QueueItem]:
        """Claim due rows in a worker thread; [] when the queue refuses.

        A claim the pass is cancelled during still commits in its thread: its rows are
        handed back when it ends, or they would stay ``uploading`` until the next start.
        """
        claiming = asyncio.ensure_future(asyncio.to_thread(self.queue.claim, limit, now=now))
        try:
            return await asyncio.shield(claiming)
        except asyncio.CancelledError:
            claiming.add_done_callback(self._hand_back_claimed)
            raise
        except sqlite3.Error as exc:
            log.warning("the queue is busy or unwritable (%s); uploads wait", exc)
            return []

    def _hand_back_claimed(self, claiming: asyncio.Future[list[QueueItem]]) -> None:
        if not claiming.cancelled() and claiming.exception() is None:
            self._hand_back([item.id for item in claiming.result()])

    def _hand_back(self, item_ids: list[int]) -> None:
        """Return claimed rows that have no outcome to ``pending``, due now, unsent or not.

        A row in flight may have reached the server: it is sent again (at-least-once; the
        server replaces a report by id). Its attempt is not counted, as the server did not
        fail it. The releases go through the outcome writer, after the outcomes it holds.
        """
        if item_ids:
            log.info("upload pass cancelled: %d report(s) back to pending", len(item_ids))
            self._writer.hand_back([Settlement(item_id, "release") for item_id in item_ids])

    def _holding(self, now: float) -> bool:
        """Whether nothing may be sent now: paused, the breaker open, or stopping."""
        if self.stopping() or now < self.paused_until:
            return True
        wait = self.breaker_wait()
        if wait > 0:  # the breaker is open: claim nothing until it lets a probe through
            self.paused_until = now + wait
            return True
        return False

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
        return self._writer.flush()

    async def write_outcomes(self) -> bool:
        """Wait for the commit running (if any), then write what is still held; as ``flush``.

        For the end of a run: a cancelled pass hands its rows back through the writer.
        """
        await self._writer.drain()
        return self._writer.flush()

    async def _send(self, item: QueueItem) -> Settlement:
        as_text = getattr(self.submitter, "submit_json", None)
        try:
            if callable(as_text):
                if item.detected_at is None:
                    # Not converted here (an integration, a spool file, `queue.add`): nobody
                    # has validated it yet, so what the server would refuse is refused here.
                    # A converted file's reports were validated in their worker.
                    problem = invalid(item.report())
                    if problem is not None:
                        return self._failed(item, problem)
                else:
                    check_payload(item.payload)
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
            async with asyncio.timeout(self.timeout):
                await sending
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is None or task.cancelling():
                raise  # the pass is cancelled (supervisor, stop): _upload_due hands it back
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

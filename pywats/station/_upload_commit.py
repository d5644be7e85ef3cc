"""Writing upload outcomes to the queue: group commits in a worker thread, a bounded window.

An answered report is recorded (``ack``, ``retry``, ``park`` ...) by one guarded statement in
:meth:`~pywats.station.queue.ReportQueue.settle`; each transaction costs an fsync and a hop to
a worker thread, so outcomes are written together::

    outcome ──► held in memory ──(window full | nothing else in flight | delay | drain)──► commit
                    │
                    └─ at most ``window`` held: the next outcome's slot waits for the commit

``window`` is the uploader's concurrency, so a crash re-sends at most twice that many reports:
those in flight and those answered but not yet written (the server replaces them by id). A
commit that the queue refuses (locked, disk full) keeps its outcomes in memory; :meth:`flush`
writes them before anything more is claimed.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable

from pywats.station.queue import ReportQueue, Settlement

__all__ = ["OutcomeWriter"]

log = logging.getLogger("pywats.station")

DELAY = 0.1
"""Seconds an outcome waits at most for others to share its commit (a slow answer elsewhere)."""


class OutcomeWriter:
    """Holds upload outcomes and writes them to the queue in group commits.

    Args:
        queue: returns the queue to write to (the uploader's, which a reload may replace).
        clock: Unix time, for ``updated_at``/``delivered_at``.
    """

    def __init__(self, queue: Callable[[], ReportQueue], clock: Callable[[], float]) -> None:
        self._queue = queue
        self._clock = clock
        self.unsettled: list[Settlement] = []
        """Answered and not yet written, oldest first."""
        self._due = False  # a commit is wanted now, whatever the count
        self._window = 1
        self._committer: asyncio.Task[None] | None = None
        self._round: asyncio.Future[None] | None = None  # resolved when the running commit ends
        self._timer: asyncio.TimerHandle | None = None
        self._refusing = False  # the last commit was refused: only flush() tries again
        self._writing: list[Settlement] = []  # handed to a worker thread, being written

    async def add(self, outcome: Settlement, *, window: int, idle: bool) -> None:
        """Hold ``outcome`` for a commit; return when its slot may take the next report.

        A commit starts when ``window`` outcomes are held, when ``idle`` (nothing else is in
        flight, so none will join), or :data:`DELAY` after the oldest held one. While a commit
        runs and ``window`` more are held, this waits for it: memory and the re-send bound
        stay at ``window``.
        """
        self.unsettled.append(outcome)
        self._window = max(1, window)
        if idle or len(self.unsettled) >= self._window:
            self._due = True
            self._start()
        elif self._timer is None and not self._refusing:
            self._timer = asyncio.get_running_loop().call_later(DELAY, self._expire)
        while len(self.unsettled) + len(self._writing) > self._window and self._round is not None:
            await asyncio.shield(self._round)

    async def drain(self) -> None:
        """Write every held outcome now (kept in memory if the queue refuses)."""
        if self.unsettled:
            self._due = True
            self._start()
        loop = asyncio.get_running_loop()
        while (committer := self._committer) is not None and committer.get_loop() is loop:
            await asyncio.shield(committer)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def hand_back(self, releases: list[Settlement]) -> None:
        """Write ``releases`` (rows of a cancelled pass) soon, after the outcomes held.

        Called from the event loop as a pass is cancelled: nothing waits here, the commit
        runs in its own task (or :meth:`flush` writes them, if the queue refuses meanwhile).
        """
        self.unsettled.extend(releases)
        self._due = True
        self._start()

    def flush(self) -> bool:
        """Write held outcomes synchronously; False (they are kept) when the queue refuses.

        Outcomes a worker thread is writing meanwhile (the upload loop was restarted, or the
        service is stopping) are left to it: written twice, they would only find their rows
        changed.
        """
        if not self.unsettled:
            return True
        try:
            stale = self._queue().settle(self.unsettled, now=self._clock())
        except sqlite3.Error as exc:
            self._refused(exc)
            return False
        self.unsettled = []
        self._refusing = False
        _report_stale(stale)
        return True

    def _expire(self) -> None:
        self._timer = None
        if self.unsettled:
            self._due = True
            self._start()

    def _start(self) -> None:
        if self._refusing:
            return
        committer = self._committer
        loop = asyncio.get_running_loop()
        if committer is None or committer.done() or committer.get_loop() is not loop:
            # (A committer of a loop that has since closed never finishes: start afresh.)
            self._committer = loop.create_task(self._commit_rounds())

    async def _commit_rounds(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self.unsettled and (self._due or len(self.unsettled) >= self._window):
                # Outcomes added from now on wait for the next round.
                self._due = False
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
                batch, self.unsettled = self.unsettled, []
                self._writing = batch
                done = self._round = loop.create_future()
                try:
                    stale = await asyncio.to_thread(self._queue().settle, batch, now=self._clock())
                except sqlite3.Error as exc:
                    self.unsettled[:0] = batch  # kept in memory, oldest first; flush() writes them
                    self._refused(exc)
                    self._refusing = True
                    return
                finally:
                    self._writing = []
                    self._round = None
                    done.set_result(None)
                _report_stale(stale)
        finally:
            if self._committer is asyncio.current_task():
                self._committer = None
            if self.unsettled and self._timer is None and not self._refusing:
                self._timer = loop.call_later(DELAY, self._expire)

    def _refused(self, exc: sqlite3.Error) -> None:
        log.warning(
            "the queue is busy or unwritable (%s): %d upload outcome(s) kept in memory and"
            " written when it frees",
            exc,
            len(self.unsettled),
        )


def _report_stale(stale: list[int]) -> None:
    for item_id in stale:
        # An operator (`wats queue drop`) changed the row while it was in flight.
        log.warning("queue item %s changed while being sent; outcome not recorded", item_id)

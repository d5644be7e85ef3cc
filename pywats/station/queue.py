"""The station's durable report queue: SQLite on local disk, the source of truth.

A converted report is committed here *before* its source file is moved away, and leaves the
``pending`` states only when the server has acknowledged it. Delivery is at-least-once; the
report id (the WSJF ``id``, which the server treats as "replace, not duplicate") makes it
effectively exactly-once.

States (one enum, one CHECK constraint, this diagram)::

                 claim()              ack()
    pending ─────────────► uploading ─────────► delivered ──(retention)──► purged
       ▲  ▲                 │     │
       │  └─── retry_later()┘     │ park()   (permanent: 400 and other 4xx; server text kept)
       │                          ▼
       └────── requeue() ──── parked          (an operator: ``wats queue retry``)

    any row whose payload cannot be read ──► quarantined   (kept, never deleted)
    at start, rows left ``uploading`` by a crash ──► pending  (recover())
    claimed in a batch but never sent (breaker opened, stopping) ──► pending  (settle: release)
    claimed by a pass that was cancelled, no answer yet ──► pending  (settle: release)

Naming: the issue calls these states queued / sending / done / parked; here they are
``pending`` (= queued), ``uploading`` (= sending), ``delivered`` (= done), ``parked`` and
``quarantined``, the names STYLE.md §8 uses.

Every transition is one statement guarded by the state the row must be in, checked by its
rowcount; a claim is ``UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING *`` inside
``BEGIN IMMEDIATE``. The connection runs in autocommit mode and ``transaction()`` brackets
multi-statement work. PRAGMAs at open: WAL, ``synchronous=FULL`` (a commit survives power
loss), ``busy_timeout`` (the CLI and the service share the file). The schema version lives
in ``user_version``.

The values (states, rows, entries, outcomes) live in :mod:`pywats.station._queue_model`, the
file, the operator actions and the reads in :mod:`pywats.station._queue_store`; import them
all from here.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

from pywats.station._queue_model import (
    COLUMNS,
    QueueEntry,
    QueueItem,
    QueueStateError,
    QueueStats,
    QueueUnreadableError,
    Settlement,
    State,
)
from pywats.station._queue_store import QueueStore

__all__ = [
    "QueueEntry",
    "QueueItem",
    "QueueStateError",
    "QueueStats",
    "QueueUnreadableError",
    "ReportQueue",
    "Settlement",
    "State",
]

_INSERT = """
INSERT INTO item (report_id, state, payload, source, converter, serial_number, part_number,
                  next_attempt_at, created_at, updated_at, detected_at)
VALUES (:report_id, 'pending', :payload, :source, :converter, :sn, :pn, :now, :now, :now,
        :detected_at)
ON CONFLICT (report_id) DO NOTHING
"""
# A report id seen again with a different payload is a re-submission (the server replaces a
# report by id), so the newest copy is the one to send, whatever state the older one is in: a
# correction of a parked report must not be moved to Done behind it. An ``uploading`` row
# becomes ``pending`` too; its in-flight outcome then no longer matches and is not recorded.
_RESUBMIT = """
UPDATE item SET state = 'pending', payload = :payload, source = :source, attempts = 0,
                next_attempt_at = :now, last_error = '', updated_at = :now,
                delivered_at = NULL, detected_at = :detected_at
WHERE report_id = :report_id AND payload != :payload
"""
_SEEN = "SELECT 1 FROM source_file WHERE sha256 = ?"
_CLAIM = f"""
UPDATE item SET state = 'uploading', attempts = attempts + 1, updated_at = :now
WHERE id IN (SELECT id FROM item WHERE state = 'pending' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id LIMIT :limit)
RETURNING {COLUMNS}
"""
_ACK = """
UPDATE item SET state = 'delivered', delivered_at = :now, updated_at = :now, last_error = ''
WHERE id = :id AND state = 'uploading'
"""
_RETRY_LATER = """
UPDATE item SET state = 'pending', next_attempt_at = :due, last_error = :error, updated_at = :now
WHERE id = :id AND state = 'uploading'
"""
_PARK = """
UPDATE item SET state = 'parked', last_error = :error, updated_at = :now
WHERE id = :id AND state = 'uploading'
"""
_QUARANTINE = """
UPDATE item SET state = 'quarantined', last_error = :error, updated_at = :now
WHERE id = :id AND state IN ('pending', 'uploading')
"""
# Claimed but never sent (the breaker opened or the service stopped mid-batch): back to pending
# as it was, the claim's attempt not counted, due when it was.
_RELEASE = """
UPDATE item SET state = 'pending', attempts = MAX(attempts - 1, 0), updated_at = :now
WHERE id = :id AND state = 'uploading'
"""
_RECOVER = """
UPDATE item SET state = 'pending', updated_at = :now, next_attempt_at = MIN(next_attempt_at, :now)
WHERE state = 'uploading'
"""
_EXPEDITE = """
UPDATE item SET next_attempt_at = :now, updated_at = :now
WHERE state = 'pending' AND next_attempt_at > :now
"""
# Rows last touched "in the future" saw the wall clock step back: keep the wait they had left.
_REBASE = """
UPDATE item SET next_attempt_at = :now + MAX(0, next_attempt_at - updated_at), updated_at = :now
WHERE state = 'pending' AND updated_at > :now
"""


class ReportQueue(QueueStore):
    """The durable queue in one SQLite file.

    One instance per thread: the service owns one on its event-loop thread, and the CLI opens
    its own while the service runs (WAL lets readers and one writer share the file).

    Args:
        path: the database file (created with its folder when missing). Keep it on a local
            disk: SQLite's locking is not reliable on network shares.
        busy_timeout: seconds a writer waits for another writer's lock.
    """

    # -- intake ---------------------------------------------------------------------------

    def add(
        self,
        reports: Sequence[Mapping[str, Any]],
        *,
        source: str = "",
        source_sha256: str | None = None,
        converter: str = "",
        detected_at: float | None = None,
        now: float | None = None,
    ) -> int:
        """Commit reports (each with an ``id``) durably; return how many rows are new.

        A report id already queued with the same payload is a duplicate and adds nothing (a
        crash between this commit and the source file's post action re-converts the file);
        with a different payload it replaces the queued copy and is sent again. When
        ``source_sha256`` is given, the source file is recorded in the same transaction so
        ``seen_source`` can skip its re-conversion.
        """
        entry = QueueEntry(
            reports=reports,
            source=source,
            source_sha256=source_sha256,
            converter=converter,
            detected_at=detected_at,
        )
        return self.add_batch([entry], now=now)

    def add_batch(
        self,
        entries: Sequence[QueueEntry],
        *,
        now: float | None = None,
        skip_seen_sources: bool = False,
    ) -> int:
        """Commit the reports of several source files in one transaction (one fsync).

        With ``skip_seen_sources``, an entry whose source file (``source_sha256``) was
        committed before adds nothing: the check and the insert are one transaction.
        """
        now = time.time() if now is None else now
        added = 0
        if not entries:
            return 0
        with self.transaction() as db:
            for entry in entries:
                if skip_seen_sources and entry.source_sha256 is not None:
                    seen = db.execute(_SEEN, (entry.source_sha256,)).fetchone()
                    if seen is not None:
                        continue
                for report in entry.reports:
                    params = {
                        "report_id": str(report["id"]),
                        # Converted in a worker, a report arrives as JSON text already.
                        "payload": getattr(report, "payload", None)
                        or json.dumps(report, separators=(",", ":"), ensure_ascii=False),
                        "source": entry.source,
                        "converter": entry.converter,
                        "sn": str(report.get("sn") or ""),
                        "pn": str(report.get("pn") or ""),
                        "now": now,
                        "detected_at": entry.detected_at,
                    }
                    cursor = db.execute(_INSERT, params)
                    if cursor.rowcount == 0:
                        cursor = db.execute(_RESUBMIT, params)
                    added += cursor.rowcount
                if entry.source_sha256 is not None:
                    db.execute(
                        "INSERT OR IGNORE INTO source_file (sha256, path, report_count,"
                        " committed_at) VALUES (?, ?, ?, ?)",
                        (entry.source_sha256, entry.source, len(entry.reports), now),
                    )
        return added

    def seen_source(self, sha256: str) -> bool:
        """Whether a source file with this content was already committed."""
        return bool(self._read(_SEEN, (sha256,)))

    # -- upload transitions -----------------------------------------------------------------

    def recover(self, *, now: float | None = None) -> int:
        """Return rows left ``uploading`` by a crash to ``pending``; call once at start."""
        now = time.time() if now is None else now
        with self.transaction() as db:
            return db.execute(_RECOVER, {"now": now}).rowcount

    def rebase(self, *, now: float | None = None) -> int:
        """After the wall clock stepped back: pending rows keep only the wait they had left.

        Without this a row due "in ten seconds" before an hour's step back waits an hour.
        Returns how many rows were rebased; the service calls it at start and on a step back.
        """
        now = time.time() if now is None else now
        with self.transaction() as db:
            return db.execute(_REBASE, {"now": now}).rowcount

    def expedite(self, *, now: float | None = None) -> int:
        """Make every ``pending`` row waiting on the retry ladder due now; return how many.

        Used by ``wats queue push`` (a one-shot delivery pass) and by the uploader when the
        server answers again after failures.
        """
        now = time.time() if now is None else now
        with self.transaction() as db:
            return db.execute(_EXPEDITE, {"now": now}).rowcount

    def claim(self, limit: int, *, now: float | None = None) -> list[QueueItem]:
        """Move up to ``limit`` due ``pending`` rows to ``uploading`` and return them."""
        now = time.time() if now is None else now
        with self.transaction() as db:
            rows = db.execute(_CLAIM, {"now": now, "limit": limit}).fetchall()
        return sorted((QueueItem.from_row(row) for row in rows), key=lambda i: i.id)

    def ack(self, item_id: int, *, now: float | None = None) -> None:
        """``uploading`` → ``delivered``: the server acknowledged the report."""
        now = time.time() if now is None else now
        self._transition(_ACK, {"id": item_id, "now": now}, "uploading")

    def retry_later(
        self, item_id: int, error: str, due: float, *, now: float | None = None
    ) -> None:
        """``uploading`` → ``pending``, due again at ``due`` (a transient failure)."""
        now = time.time() if now is None else now
        params = {"id": item_id, "error": error, "due": due, "now": now}
        self._transition(_RETRY_LATER, params, "uploading")

    def park(self, item_id: int, error: str, *, now: float | None = None) -> None:
        """``uploading`` → ``parked`` with the server's message (a permanent failure)."""
        now = time.time() if now is None else now
        self._transition(_PARK, {"id": item_id, "error": error, "now": now}, "uploading")

    def quarantine(self, item_id: int, error: str, *, now: float | None = None) -> None:
        """``pending``/``uploading`` → ``quarantined``: the stored row cannot be read."""
        now = time.time() if now is None else now
        params = {"id": item_id, "error": error, "now": now}
        self._transition(_QUARANTINE, params, "pending or uploading")

    def settle(self, outcomes: Sequence[Settlement], *, now: float | None = None) -> list[int]:
        """Record several upload outcomes in one transaction (one fsync for a batch).

        Each is the same guarded statement as :meth:`ack`, :meth:`retry_later`, :meth:`park`
        or :meth:`quarantine`, or ``release`` (back to ``pending`` unsent, the attempt not
        counted). Returns the ids whose row was no longer in the expected state
        (an operator dropped it meanwhile); their outcome is not recorded.
        """
        now = time.time() if now is None else now
        stale: list[int] = []
        sql = {
            "ack": _ACK,
            "retry": _RETRY_LATER,
            "park": _PARK,
            "quarantine": _QUARANTINE,
            "release": _RELEASE,
        }
        with self.transaction() as db:
            for outcome in outcomes:
                params = {
                    "id": outcome.item_id,
                    "now": now,
                    "error": outcome.error,
                    "due": outcome.due if outcome.due is not None else now,
                }
                if db.execute(sql[outcome.kind], params).rowcount != 1:
                    stale.append(outcome.item_id)
        return stale

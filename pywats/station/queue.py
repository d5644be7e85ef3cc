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

Naming: the issue calls these states queued / sending / done / parked; here they are
``pending`` (= queued), ``uploading`` (= sending), ``delivered`` (= done), ``parked`` and
``quarantined``, the names STYLE.md §8 uses.

Every transition is one statement guarded by the state the row must be in, checked by its
rowcount; a claim is ``UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING *`` inside
``BEGIN IMMEDIATE``. The connection runs in autocommit mode and ``transaction()`` brackets
multi-statement work. PRAGMAs at open: WAL, ``synchronous=FULL`` (a commit survives power
loss), ``busy_timeout`` (the CLI and the service share the file). The schema version lives
in ``user_version``.
"""

from __future__ import annotations

import enum
import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from pywats._private import private_file

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


class State(enum.StrEnum):
    """Where a queued report is in its life."""

    PENDING = "pending"
    """Waiting to be sent; due at ``next_attempt_at``."""
    UPLOADING = "uploading"
    """Claimed by the uploader; a crash leaves it here and ``recover()`` returns it."""
    DELIVERED = "delivered"
    """The server acknowledged it; kept for the retention period, then purged."""
    PARKED = "parked"
    """The server refused it permanently; waits for an operator, the server's text kept."""
    QUARANTINED = "quarantined"
    """Its stored payload could not be read; kept for an operator, never deleted."""


class QueueStateError(RuntimeError):
    """A transition was asked of a row that is not in the state it requires."""


class QueueUnreadableError(RuntimeError):
    """The queue file is not a readable SQLite database (it is left untouched)."""


_STATES_SQL = ", ".join(f"'{s.value}'" for s in State)

# Migrations by user_version: index i brings a database from version i to i + 1.
_MIGRATIONS: list[str] = [
    f"""
    CREATE TABLE item (
        id              INTEGER PRIMARY KEY,
        report_id       TEXT NOT NULL UNIQUE,
        state           TEXT NOT NULL CHECK (state IN ({_STATES_SQL})),
        payload         TEXT NOT NULL,
        source          TEXT NOT NULL DEFAULT '',
        converter       TEXT NOT NULL DEFAULT '',
        serial_number   TEXT NOT NULL DEFAULT '',
        part_number     TEXT NOT NULL DEFAULT '',
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        last_error      TEXT NOT NULL DEFAULT '',
        created_at      REAL NOT NULL,
        updated_at      REAL NOT NULL,
        delivered_at    REAL,
        detected_at     REAL
    );
    CREATE INDEX item_due ON item (state, next_attempt_at);
    CREATE TABLE source_file (
        sha256       TEXT PRIMARY KEY,
        path         TEXT NOT NULL,
        report_count INTEGER NOT NULL,
        committed_at REAL NOT NULL
    );
    """,
]

_COLUMNS = (
    "id, report_id, state, payload, source, converter, serial_number, part_number, attempts, "
    "next_attempt_at, last_error, created_at, updated_at, delivered_at, detected_at"
)


@attrs.frozen(kw_only=True)
class QueueItem:
    """One row of the queue, as read."""

    id: int
    report_id: str
    state: State
    payload: str = attrs.field(repr=False)
    source: str
    converter: str
    serial_number: str
    part_number: str
    attempts: int
    next_attempt_at: float
    """Unix time (seconds) the row is next due."""
    last_error: str
    created_at: float
    updated_at: float
    delivered_at: float | None
    detected_at: float | None
    """Unix time the source file was found complete (for latency figures)."""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> QueueItem:
        values = dict(row)
        values["state"] = State(values["state"])
        return cls(**values)

    def report(self) -> dict[str, Any]:
        """Decode the stored WSJF payload (raises ``ValueError`` when it is unreadable)."""
        value = json.loads(self.payload)
        if not isinstance(value, dict):
            raise ValueError("the stored payload is not a JSON object")
        return value

    def summary(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping, without the payload."""
        return {
            "id": self.id,
            "report_id": self.report_id,
            "state": self.state.value,
            "serial_number": self.serial_number,
            "part_number": self.part_number,
            "source": self.source,
            "converter": self.converter,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at,
            "last_error": self.last_error,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "delivered_at": self.delivered_at,
        }


@attrs.frozen(kw_only=True)
class QueueEntry:
    """The reports of one source file, to be committed together."""

    reports: Sequence[Mapping[str, Any]]
    source: str = ""
    source_sha256: str | None = None
    converter: str = ""
    detected_at: float | None = None


@attrs.frozen
class Settlement:
    """The outcome of one upload attempt, for :meth:`ReportQueue.settle`."""

    item_id: int
    kind: str
    """``ack``, ``retry`` (with ``due``), ``park`` or ``quarantine``."""
    error: str = ""
    due: float | None = None


@attrs.frozen(kw_only=True)
class QueueStats:
    """Counts per state and the ages an operator asks about first."""

    counts: Mapping[str, int]
    oldest_pending_at: float | None
    last_delivered_at: float | None
    next_due_at: float | None

    @property
    def depth(self) -> int:
        """Reports not yet delivered (pending + uploading + parked + quarantined)."""
        return sum(n for state, n in self.counts.items() if state != State.DELIVERED.value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": dict(self.counts),
            "depth": self.depth,
            "oldest_pending_at": self.oldest_pending_at,
            "last_delivered_at": self.last_delivered_at,
            "next_due_at": self.next_due_at,
        }


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
_CLAIM = f"""
UPDATE item SET state = 'uploading', attempts = attempts + 1, updated_at = :now
WHERE id IN (SELECT id FROM item WHERE state = 'pending' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id LIMIT :limit)
RETURNING {_COLUMNS}
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
_REQUEUE = """
UPDATE item SET state = 'pending', next_attempt_at = :now, attempts = 0, updated_at = :now
WHERE id = :id AND state IN ('parked', 'quarantined')
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


class ReportQueue:
    """The durable queue in one SQLite file.

    One instance per thread: the service owns one on its event-loop thread, and the CLI opens
    its own while the service runs (WAL lets readers and one writer share the file).

    Args:
        path: the database file (created with its folder when missing). Keep it on a local
            disk: SQLite's locking is not reliable on network shares.
        busy_timeout: seconds a writer waits for another writer's lock.
    """

    def __init__(self, path: Path | str, *, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            # Whole reports live here: the folder 0700 and the database 0600 (its -wal and
            # -shm files take the database's mode), whatever the umask.
            private_file(self.path)
        self._db = sqlite3.connect(
            str(path), isolation_level=None, timeout=busy_timeout, check_same_thread=False
        )
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            # Never "repair" by deleting: the file may hold reports nobody else has.
            raise QueueUnreadableError(
                f"the queue {self.path} cannot be read ({exc}): keep the file, move it aside"
                " (e.g. rename it to queue.sqlite3.broken) and restart; `sqlite3 FILE .recover`"
                " can rescue its rows"
            ) from None

    # -- plumbing -------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > len(_MIGRATIONS):
                raise RuntimeError(
                    f"queue {self.path} has schema version {version}, newer than this pywats "
                    f"understands ({len(_MIGRATIONS)}); upgrade pywats"
                )
            for step in range(version, len(_MIGRATIONS)):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {step + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements in one ``BEGIN IMMEDIATE`` transaction (the write lock up front)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReportQueue:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

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

    def add_batch(self, entries: Sequence[QueueEntry], *, now: float | None = None) -> int:
        """Commit the reports of several source files in one transaction (one fsync)."""
        now = time.time() if now is None else now
        added = 0
        if not entries:
            return 0
        with self.transaction() as db:
            for entry in entries:
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
        row = self._db.execute("SELECT 1 FROM source_file WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

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

    def _transition(self, sql: str, params: dict[str, Any], expected: str) -> None:
        with self.transaction() as db:
            if db.execute(sql, params).rowcount != 1:
                raise QueueStateError(f"queue item {params['id']} is not {expected}")

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
        or :meth:`quarantine`. Returns the ids whose row was no longer in the expected state
        (an operator dropped it meanwhile); their outcome is not recorded.
        """
        now = time.time() if now is None else now
        stale: list[int] = []
        sql = {"ack": _ACK, "retry": _RETRY_LATER, "park": _PARK, "quarantine": _QUARANTINE}
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

    # -- operator actions -----------------------------------------------------------------

    def requeue(self, item_id: int, *, now: float | None = None) -> None:
        """``parked``/``quarantined`` → ``pending``, due now (``wats queue retry``)."""
        now = time.time() if now is None else now
        self._transition(_REQUEUE, {"id": item_id, "now": now}, "parked or quarantined")

    def requeue_all(self, state: State = State.PARKED, *, now: float | None = None) -> int:
        """Requeue every row in ``state`` (parked or quarantined); return how many."""
        if state not in (State.PARKED, State.QUARANTINED):
            raise ValueError(f"only parked or quarantined rows can be requeued, not {state}")
        now = time.time() if now is None else now
        with self.transaction() as db:
            return db.execute(
                "UPDATE item SET state = 'pending', next_attempt_at = :now, attempts = 0,"
                " updated_at = :now WHERE state = :state",
                {"now": now, "state": state.value},
            ).rowcount

    def drop(self, item_id: int) -> QueueItem:
        """Delete one row that is not being uploaded (an operator's explicit choice)."""
        with self.transaction() as db:
            row = db.execute(
                f"DELETE FROM item WHERE id = ? AND state != 'uploading' RETURNING {_COLUMNS}",
                (item_id,),
            ).fetchone()
        if row is None:
            raise QueueStateError(f"queue item {item_id} does not exist or is being uploaded")
        return QueueItem.from_row(row)

    def export(self, item: QueueItem, folder: Path, *, overwrite: bool = True) -> Path:
        """Write one row's report to ``folder/<report id>.json`` (WSJF, as queued).

        With ``overwrite=False`` an existing file is kept and ``<report id>.N.json`` written
        (the backup ``wats queue drop`` keeps is the last copy of a report). The file is
        written atomically and fsync'd, folder included, before this returns.
        """
        from pywats._atomic import atomic_file
        from pywats.station import _files

        folder.mkdir(parents=True, exist_ok=True)
        name = f"{item.report_id}.json"
        target = folder / name if overwrite else _files.unique_path(folder, name)
        with atomic_file(target, "w") as handle:
            handle.write(item.payload)
        _files.fsync_dir(folder)
        return target

    def prune_sources(
        self, older_than: float, exists: Callable[[str], bool], *, limit: int = 5000
    ) -> int:
        """Forget committed source files older than ``older_than`` that are gone from disk.

        A source still present (post action ``keep``) stays remembered, or a restart would
        convert and send it again.
        """
        rows = self._db.execute(
            "SELECT sha256, path FROM source_file WHERE committed_at < ? LIMIT ?",
            (older_than, limit),
        ).fetchall()
        gone = [(row[0],) for row in rows if not exists(row[1])]
        if gone:
            with self.transaction() as db:
                db.executemany("DELETE FROM source_file WHERE sha256 = ?", gone)
        return len(gone)

    def purge_delivered(self, older_than: float) -> int:
        """Delete ``delivered`` rows acknowledged before ``older_than`` (retention)."""
        with self.transaction() as db:
            return db.execute(
                "DELETE FROM item WHERE state = 'delivered' AND delivered_at < ?", (older_than,)
            ).rowcount

    # -- reading --------------------------------------------------------------------------

    def get(self, item_id: int) -> QueueItem | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM item WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else QueueItem.from_row(row)

    def find(self, key: str) -> QueueItem | None:
        """Find a row by its queue id (digits) or its report id."""
        if key.isdigit():
            return self.get(int(key))
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM item WHERE report_id = ?", (key,)
        ).fetchone()
        return None if row is None else QueueItem.from_row(row)

    def items(self, state: State | None = None, *, limit: int | None = None) -> list[QueueItem]:
        sql = f"SELECT {_COLUMNS} FROM item"
        params: list[Any] = []
        if state is not None:
            sql += " WHERE state = ?"
            params.append(state.value)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [QueueItem.from_row(row) for row in self._db.execute(sql, params)]

    def search(
        self, text: str = "", state: State | None = None, *, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Rows (newest first, as :meth:`QueueItem.summary`, no payload) matching ``text``.

        ``text`` matches part of a serial number, part number or report id, or a queue id
        exactly (the console's search box); empty matches every row.
        """
        where: list[str] = []
        params: list[Any] = []
        if state is not None:
            where.append("state = ?")
            params.append(state.value)
        text = text.strip()
        if text:
            like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(serial_number LIKE ? ESCAPE '\\' OR part_number LIKE ? ESCAPE '\\'"
                " OR report_id LIKE ? ESCAPE '\\' OR id = ?)"
            )
            params += [like, like, like, int(text) if text.isdigit() else -1]
        columns = _COLUMNS.replace("payload", "'' AS payload")
        sql = f"SELECT {columns} FROM item"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return [QueueItem.from_row(row).summary() for row in self._db.execute(sql, params)]

    def stats(self) -> QueueStats:
        counts = {state.value: 0 for state in State}
        for row in self._db.execute("SELECT state, COUNT(*) FROM item GROUP BY state"):
            counts[row[0]] = row[1]
        oldest, last, due = self._db.execute(
            "SELECT (SELECT MIN(created_at) FROM item WHERE state IN ('pending', 'uploading')),"
            " (SELECT MAX(delivered_at) FROM item WHERE state = 'delivered'),"
            " (SELECT MIN(next_attempt_at) FROM item WHERE state = 'pending')"
        ).fetchone()
        return QueueStats(
            counts=counts, oldest_pending_at=oldest, last_delivered_at=last, next_due_at=due
        )

    def next_due_at(self) -> float | None:
        """When the earliest ``pending`` row is due (None when none is pending)."""
        row = self._db.execute(
            "SELECT MIN(next_attempt_at) FROM item WHERE state = 'pending'"
        ).fetchone()
        return None if row[0] is None else float(row[0])

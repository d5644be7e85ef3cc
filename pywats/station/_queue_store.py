"""The queue's file and what an operator or a reader does with it (no upload transitions).

:class:`QueueStore` opens the SQLite file (WAL, ``synchronous=FULL``, ``busy_timeout``,
``user_version`` migrations), brackets work in ``BEGIN IMMEDIATE`` transactions, and holds the
operator actions (requeue, drop, export, retention) and the reads (get, find, items, search,
stats). :class:`pywats.station.queue.ReportQueue` adds intake and the upload transitions.

Reads go through a second, query-only connection: in WAL mode it sees the last committed
state and never waits for a writer. On the writing connection a read would see the rows of a
transaction another thread has not committed yet (a status showing a report delivered that a
failed commit then takes back), or wait for that transaction's fsync on the event loop.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from pywats._private import private_file
from pywats.station._queue_model import (
    COLUMNS,
    MIGRATIONS,
    QueueItem,
    QueueStateError,
    QueueStats,
    QueueUnreadableError,
    State,
)

__all__ = ["QueueStore"]

_REQUEUE = """
UPDATE item SET state = 'pending', next_attempt_at = :now, attempts = 0, updated_at = :now
WHERE id = :id AND state IN ('parked', 'quarantined')
"""

# Each a MIN/MAX on an index (state, time): a lookup, not a scan (an IN list would scan).
_TIMES = """
SELECT (SELECT MIN(oldest) FROM (SELECT MIN(created_at) AS oldest FROM item WHERE state = 'pending'
                                 UNION ALL
                                 SELECT MIN(created_at) FROM item WHERE state = 'uploading')),
       (SELECT MAX(delivered_at) FROM item WHERE state = 'delivered'),
       (SELECT MIN(next_attempt_at) FROM item WHERE state = 'pending')
"""


class QueueStore:
    """An open queue file; see :class:`pywats.station.queue.ReportQueue` for the arguments."""

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
        # Transactions may run in a worker thread (the uploader commits there, so an fsync does
        # not stall the event loop): one at a time on this connection.
        self._lock = threading.RLock()
        self._reader = self._db
        self._read_lock: threading.Lock | threading.RLock = self._lock
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._migrate()
            if str(path) != ":memory:":  # (a second connection would open another database)
                self._reader = sqlite3.connect(
                    str(path), isolation_level=None, timeout=busy_timeout, check_same_thread=False
                )
                self._read_lock = threading.Lock()
                self._reader.row_factory = sqlite3.Row
                self._reader.execute("PRAGMA query_only = 1")
        except sqlite3.DatabaseError as exc:
            self._close()
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
            if version > len(MIGRATIONS):
                raise RuntimeError(
                    f"queue {self.path} has schema version {version}, newer than this pywats "
                    f"understands ({len(MIGRATIONS)}); upgrade pywats"
                )
            for step in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {step + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements in one ``BEGIN IMMEDIATE`` transaction (the write lock up front).

        Transactions from several threads (the uploader's worker thread, the event loop) take
        turns on the connection.
        """
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Read committed rows, several statements from one snapshot (a read transaction)."""
        with self._read_lock:
            if self._reader is self._db:  # :memory: (one connection): reads take turns
                yield self._db
                return
            self._reader.execute("BEGIN")
            try:
                yield self._reader
            finally:
                self._reader.execute("COMMIT")  # ends the snapshot: WAL can be checkpointed

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """All rows of one query, from the committed state."""
        with self._read_lock:
            return self._reader.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._read_lock, self._lock:
            self._close()

    def _close(self) -> None:
        if self._reader is not self._db:
            self._reader.close()
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _transition(self, sql: str, params: dict[str, Any], expected: str) -> None:
        with self.transaction() as db:
            if db.execute(sql, params).rowcount != 1:
                raise QueueStateError(f"queue item {params['id']} is not {expected}")

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
                f"DELETE FROM item WHERE id = ? AND state != 'uploading' RETURNING {COLUMNS}",
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
        rows = self._read(
            "SELECT sha256, path FROM source_file WHERE committed_at < ? LIMIT ?",
            (older_than, limit),
        )
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
        rows = self._read(f"SELECT {COLUMNS} FROM item WHERE id = ?", (item_id,))
        return QueueItem.from_row(rows[0]) if rows else None

    def find(self, key: str) -> QueueItem | None:
        """Find a row by its queue id (digits) or its report id."""
        if key.isdigit():
            return self.get(int(key))
        rows = self._read(f"SELECT {COLUMNS} FROM item WHERE report_id = ?", (key,))
        return QueueItem.from_row(rows[0]) if rows else None

    def items(self, state: State | None = None, *, limit: int | None = None) -> list[QueueItem]:
        sql = f"SELECT {COLUMNS} FROM item"
        params: list[Any] = []
        if state is not None:
            sql += " WHERE state = ?"
            params.append(state.value)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [QueueItem.from_row(row) for row in self._read(sql, params)]

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
        columns = COLUMNS.replace("payload", "'' AS payload")
        sql = f"SELECT {columns} FROM item"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return [QueueItem.from_row(row).summary() for row in self._read(sql, params)]

    def stats(self) -> QueueStats:
        counts = {state.value: 0 for state in State}
        with self._snapshot() as db:  # the counts and the times from one committed state
            for row in db.execute("SELECT state, COUNT(*) FROM item GROUP BY state").fetchall():
                counts[row[0]] = row[1]
            oldest, last, due = db.execute(_TIMES).fetchall()[0]
        return QueueStats(
            counts=counts, oldest_pending_at=oldest, last_delivered_at=last, next_due_at=due
        )

    def next_due_at(self) -> float | None:
        """When the earliest ``pending`` row is due (None when none is pending)."""
        row = self._read("SELECT MIN(next_attempt_at) FROM item WHERE state = 'pending'")[0]
        return None if row[0] is None else float(row[0])

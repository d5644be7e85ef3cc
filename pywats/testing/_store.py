"""The emulator's state: one SQLite database, ``:memory:`` by default or a file.

Two tables hold everything::

    report(id, seq, receive_count, type, ref_uut, doc, header)   one row per report id
    doc(kind, key, seq, body)                                    every other entity, as JSON

``kind`` names the entity (``product``, ``asset``, ``ticket`` ...); ``key`` is its identity
(part number, asset id ...). Keys compare case-insensitively, like the server's SQL Server
collation. ``seq`` is a store-wide counter, so listings come back in insertion order and the
report header's ``timeStamp`` (processing order) is simply the report's ``seq``.

The server thread and the test thread share one connection, so every call holds a lock.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

__all__ = ["ReportRecord", "Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS report (
    id TEXT PRIMARY KEY COLLATE NOCASE,
    seq INTEGER NOT NULL,
    receive_count INTEGER NOT NULL,
    type TEXT NOT NULL,
    ref_uut TEXT COLLATE NOCASE,
    doc TEXT NOT NULL,
    header TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_ref_uut ON report (ref_uut);
CREATE TABLE IF NOT EXISTS doc (
    kind TEXT NOT NULL,
    key TEXT NOT NULL COLLATE NOCASE,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX IF NOT EXISTS doc_kind_seq ON doc (kind, seq);
"""


@dataclass(frozen=True)
class ReportRecord:
    """One stored report: the document as posted (plus ids assigned on receipt) and its header."""

    id: str
    seq: int
    receive_count: int
    doc: dict[str, Any]
    header: dict[str, Any]


class Store:
    """SQLite-backed state of one emulator instance."""

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA foreign_keys = OFF")
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)

    # -- housekeeping -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run several statements atomically (re-entrant on the same thread)."""
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def is_seeded(self) -> bool:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'seeded'").fetchone()
            return row is not None

    def mark_seeded(self) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('seeded', 1)")

    def clear(self) -> None:
        """Delete every report, entity and counter."""
        with self.transaction() as db:
            db.execute("DELETE FROM report")
            db.execute("DELETE FROM doc")
            db.execute("DELETE FROM meta")

    def next_number(self, name: str) -> int:
        """Return the next value (1, 2, ...) of the named counter."""
        with self.transaction() as db:
            row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
            value = (row[0] if row else 0) + 1
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))
            return int(value)

    # -- generic entities ---------------------------------------------------------------------

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM doc WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def put(self, kind: str, key: str, body: dict[str, Any]) -> None:
        """Insert or replace an entity; a replaced entity keeps its place in listings."""
        text = json.dumps(body)
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE doc SET body = ? WHERE kind = ? AND key = ?", (text, kind, key)
            )
            if cur.rowcount == 0:
                seq = self.next_number("seq")
                db.execute("INSERT INTO doc VALUES (?, ?, ?, ?)", (kind, key, seq, text))

    def delete(self, kind: str, key: str) -> bool:
        with self._lock:
            cur = self._db.execute("DELETE FROM doc WHERE kind = ? AND key = ?", (kind, key))
            return cur.rowcount > 0

    def all(self, kind: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM doc WHERE kind = ? ORDER BY seq", (kind,)
            ).fetchall()
        return [dict(json.loads(row[0])) for row in rows]

    def count(self, kind: str) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM doc WHERE kind = ?", (kind,)).fetchone()
        return int(row[0])

    # -- reports ------------------------------------------------------------------------------

    def put_report(
        self,
        report_id: str,
        doc: dict[str, Any],
        header: dict[str, Any],
        *,
        text: str | None = None,
    ) -> ReportRecord:
        """Insert or replace a report; the header gets ``timeStamp`` and ``receiveCount``.

        ``text`` is ``doc`` as JSON when the caller has it (the body as posted): stored as it
        is instead of being written again.
        """
        with self.transaction() as db:
            row = db.execute(
                "SELECT receive_count FROM report WHERE id = ?", (report_id,)
            ).fetchone()
            receive_count = (row[0] if row else 0) + 1
            seq = self.next_number("seq")
            header = {**header, "timeStamp": seq, "receiveCount": receive_count}
            uur = doc.get("uur")
            ref_uut = uur.get("refUUT") if isinstance(uur, dict) else None
            db.execute(
                "INSERT OR REPLACE INTO report VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    report_id,
                    seq,
                    receive_count,
                    str(doc.get("type")),
                    ref_uut if isinstance(ref_uut, str) else None,
                    json.dumps(doc) if text is None else text,
                    json.dumps(header),
                ),
            )
        return ReportRecord(report_id, seq, receive_count, doc, header)

    def get_report(self, report_id: str) -> ReportRecord | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, seq, receive_count, doc, header FROM report WHERE id = ?",
                (report_id,),
            ).fetchone()
        return None if row is None else _record(row)

    def reports(self, *, with_docs: bool = True) -> list[ReportRecord]:
        """All reports in processing order (oldest first)."""
        column = "doc" if with_docs else "'{}'"
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, seq, receive_count, {column}, header FROM report ORDER BY seq"
            ).fetchall()
        return [_record(row) for row in rows]

    def repairs_of(self, uut_id: str) -> list[ReportRecord]:
        """UUR reports whose ``uur.refUUT`` names the given UUT report."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, seq, receive_count, doc, header FROM report "
                "WHERE ref_uut = ? ORDER BY seq",
                (uut_id,),
            ).fetchall()
        return [_record(row) for row in rows]

    def report_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM report").fetchone()[0])


def _record(row: tuple[Any, ...]) -> ReportRecord:
    return ReportRecord(
        id=row[0],
        seq=row[1],
        receive_count=row[2],
        doc=json.loads(row[3]),
        header=json.loads(row[4]),
    )

"""The queue's values: its states, its rows as read, what is committed, what is settled.

The states' diagram and the transitions are in :mod:`pywats.station.queue`, which exports all
of these; the CHECK constraint in the schema below is built from :class:`State`.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "COLUMNS",
    "MIGRATIONS",
    "QueueEntry",
    "QueueItem",
    "QueueStateError",
    "QueueStats",
    "QueueUnreadableError",
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
MIGRATIONS: list[str] = [
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
    # stats() on every status refresh: its times without reading every delivered row (whose
    # payload is in the row: 187 ms a call at 20,000 rows, on the event loop), and retention.
    """
    CREATE INDEX item_delivered ON item (state, delivered_at);
    CREATE INDEX item_created ON item (state, created_at);
    """,
]

COLUMNS = (
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
    """``ack``, ``retry`` (with ``due``), ``park``, ``quarantine`` or ``release`` (not sent)."""
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

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats.station._queue_model import MIGRATIONS
from pywats.station.queue import QueueStateError, ReportQueue, State


def report(sn: str = "SN1", **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": "T", "pn": "PN", "sn": sn, **extra}


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[ReportQueue]:
    q = ReportQueue(tmp_path / "q" / "queue.sqlite3")
    yield q
    q.close()


def test_opens_with_wal_full_sync_and_schema_version(queue: ReportQueue) -> None:
    db = sqlite3.connect(queue.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db.close()
    assert queue._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_state_check_constraint_rejects_unknown_states(queue: ReportQueue) -> None:
    queue.add([report()], now=1.0)
    with pytest.raises(sqlite3.IntegrityError):
        queue._db.execute("UPDATE item SET state = 'lost'")


def test_add_dedupes_by_report_id(queue: ReportQueue) -> None:
    r = report()
    assert queue.add([r], now=1.0) == 1
    assert queue.add([r], now=2.0) == 0
    items = queue.items()
    assert len(items) == 1
    assert items[0].report()["sn"] == "SN1"


def test_changed_report_before_delivery_replaces_the_queued_one(queue: ReportQueue) -> None:
    # The server replaces a report by id, so the newest content is what must reach it, in
    # whatever state the older copy waits (pending, parked for an operator, quarantined).
    r = report()
    queue.add([r], now=1.0)
    assert queue.add([dict(r, sn="other")], now=3.0) == 1
    (item,) = queue.items()
    assert (item.state, item.report()["sn"]) == (State.PENDING, "other")
    (claimed,) = queue.claim(5, now=3.0)
    queue.park(claimed.id, "400: bad", now=4.0)
    assert queue.add([dict(r, sn="fixed")], now=5.0) == 1
    item = queue.items()[0]
    assert (item.state, item.report()["sn"], item.last_error) == (State.PENDING, "fixed", "")


def test_changed_report_after_delivery_is_resubmitted(queue: ReportQueue) -> None:
    r = report()
    queue.add([r], now=1.0)
    (item,) = queue.claim(5, now=1.0)
    queue.ack(item.id, now=2.0)
    assert queue.add([r], now=3.0) == 0  # identical: nothing to do
    assert queue.add([dict(r, sn="fixed")], now=4.0) == 1
    again = queue.get(item.id)
    assert again is not None
    assert again.state is State.PENDING
    assert again.report()["sn"] == "fixed"


def test_claim_takes_due_rows_in_order_and_counts_attempts(queue: ReportQueue) -> None:
    queue.add([report("a"), report("b"), report("c")], now=10.0)
    claimed = queue.claim(2, now=10.0)
    assert [i.serial_number for i in claimed] == ["a", "b"]
    assert all(i.state is State.UPLOADING and i.attempts == 1 for i in claimed)
    assert [i.serial_number for i in queue.claim(5, now=10.0)] == ["c"]
    assert queue.claim(5, now=10.0) == []


def test_claim_skips_rows_not_yet_due(queue: ReportQueue) -> None:
    queue.add([report()], now=10.0)
    (item,) = queue.claim(1, now=10.0)
    queue.retry_later(item.id, "503", due=20.0, now=11.0)
    assert queue.claim(1, now=19.9) == []
    (again,) = queue.claim(1, now=20.0)
    assert again.attempts == 2
    assert again.last_error == "503"


def test_transitions_are_guarded_by_state(queue: ReportQueue) -> None:
    queue.add([report()], now=1.0)
    item = queue.items()[0]
    with pytest.raises(QueueStateError):
        queue.ack(item.id)  # pending, not uploading
    with pytest.raises(QueueStateError):
        queue.requeue(item.id)  # not parked
    queue.claim(1, now=1.0)
    queue.park(item.id, "400: Serial number too long")
    with pytest.raises(QueueStateError):
        queue.ack(item.id)
    parked = queue.get(item.id)
    assert parked is not None
    assert parked.state is State.PARKED
    assert parked.last_error == "400: Serial number too long"
    queue.requeue(item.id, now=5.0)
    requeued = queue.get(item.id)
    assert requeued is not None
    assert (requeued.state, requeued.attempts, requeued.next_attempt_at) == (State.PENDING, 0, 5.0)


def test_recover_and_rebase_after_the_clock_stepped_back(queue: ReportQueue) -> None:
    queue.add([report(), report(), report()], now=5000.0)
    first, second, third = queue.claim(3, now=5000.0)
    queue.retry_later(first.id, "503", due=5010.0, now=5000.0)
    queue.ack(third.id, now=5000.0)
    # The process dies with `second` in flight; it restarts with the clock 3600 s back.
    assert queue.recover(now=1400.0) == 1
    assert queue.rebase(now=1400.0) == 1  # `second` was updated by recover, at "now"
    assert [i.id for i in queue.claim(5, now=1400.0)] == [second.id]  # due at once
    assert queue.claim(5, now=1409.0) == []  # `first` keeps its 10 s wait, not 3610 s
    assert [i.id for i in queue.claim(5, now=1410.0)] == [first.id]


def test_recover_returns_uploading_rows_to_pending(tmp_path: Path) -> None:
    path = tmp_path / "queue.sqlite3"
    first = ReportQueue(path)
    first.add([report(), report()], now=1.0)
    first.claim(1, now=1.0)
    first.close()  # as if the process died mid-upload
    second = ReportQueue(path)
    assert second.recover() == 1
    assert {i.state for i in second.items()} == {State.PENDING}
    second.close()


def test_quarantine_and_drop(queue: ReportQueue) -> None:
    queue.add([report()], now=1.0)
    (item,) = queue.claim(1, now=1.0)
    queue.quarantine(item.id, "unreadable payload")
    assert queue.items(State.QUARANTINED)[0].last_error == "unreadable payload"
    dropped = queue.drop(item.id)
    assert dropped.report_id == item.report_id
    assert queue.items() == []
    with pytest.raises(QueueStateError):
        queue.drop(item.id)


def test_drop_refuses_rows_in_flight(queue: ReportQueue) -> None:
    queue.add([report()], now=1.0)
    (item,) = queue.claim(1, now=1.0)
    with pytest.raises(QueueStateError):
        queue.drop(item.id)


def test_source_hash_is_recorded_with_the_reports(queue: ReportQueue) -> None:
    queue.add([report()], source="/x/a.json", source_sha256="abc", now=1.0)
    assert queue.seen_source("abc")
    assert not queue.seen_source("def")


def test_add_is_atomic(queue: ReportQueue) -> None:
    with pytest.raises(KeyError):
        queue.add([report(), {"no": "id"}], now=1.0)
    assert queue.items() == []


def test_stats_and_purge(queue: ReportQueue) -> None:
    queue.add([report("a"), report("b"), report("c")], now=1.0)
    a, b = queue.claim(2, now=1.0)
    queue.ack(a.id, now=2.0)
    queue.park(b.id, "400")
    stats = queue.stats()
    assert stats.counts["delivered"] == 1
    assert stats.counts["parked"] == 1
    assert stats.counts["pending"] == 1
    assert stats.depth == 2
    assert stats.last_delivered_at == 2.0
    assert json.loads(json.dumps(stats.as_dict()))["depth"] == 2
    assert queue.purge_delivered(older_than=1.5) == 0
    assert queue.purge_delivered(older_than=2.5) == 1
    assert queue.stats().counts["delivered"] == 0


def test_stats_times_count_uploading_rows_as_waiting(queue: ReportQueue) -> None:
    queue.add([report("a")], now=1.0)
    queue.add([report("b")], now=2.0)
    queue.add([report("c")], now=3.0)
    (a,) = queue.claim(1, now=5.0)  # the oldest, now uploading: still waiting to arrive
    stats = queue.stats()
    assert (stats.oldest_pending_at, stats.next_due_at, stats.last_delivered_at) == (1.0, 2.0, None)
    queue.ack(a.id, now=6.0)
    stats = queue.stats()
    assert (stats.oldest_pending_at, stats.next_due_at, stats.last_delivered_at) == (2.0, 2.0, 6.0)


def test_find_by_queue_id_or_report_id(queue: ReportQueue) -> None:
    r = report()
    queue.add([r], now=1.0)
    item = queue.items()[0]
    assert queue.find(str(item.id)) == item
    assert queue.find(r["id"]) == item
    assert queue.find("nope") is None


def test_requeue_all_parked(queue: ReportQueue) -> None:
    queue.add([report("a"), report("b")], now=1.0)
    for item in queue.claim(2, now=1.0):
        queue.park(item.id, "400")
    assert queue.requeue_all(State.PARKED, now=3.0) == 2
    assert queue.stats().counts["pending"] == 2
    with pytest.raises(ValueError, match="parked or quarantined"):
        queue.requeue_all(State.DELIVERED)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "queue.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RuntimeError, match="upgrade pywats"):
        ReportQueue(path)


def test_a_corrupt_queue_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    from pywats.station.queue import QueueUnreadableError

    path = tmp_path / "queue.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(QueueUnreadableError, match="move it aside"):
        ReportQueue(path)
    assert path.read_bytes() == garbage


def test_prune_sources_keeps_files_still_on_disk(queue: ReportQueue, tmp_path: Path) -> None:
    kept = tmp_path / "kept.json"
    kept.write_text("{}")
    queue.add([report()], source=str(kept), source_sha256="kept", now=1.0)
    queue.add([report()], source=str(tmp_path / "moved.json"), source_sha256="moved", now=1.0)
    queue.add([report()], source=str(tmp_path / "new.json"), source_sha256="new", now=50.0)
    assert queue.prune_sources(10.0, lambda p: Path(p).exists()) == 1
    assert queue.seen_source("kept")
    assert not queue.seen_source("moved")
    assert queue.seen_source("new")

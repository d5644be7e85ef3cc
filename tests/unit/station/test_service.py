"""The service's commit protocol and upload rules, driven by tick() with a fake server."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from pywats._exceptions import (
    AuthenticationError,
    BadRequestError,
    RateLimitError,
    ServerError,
    WatsConnectionError,
)
from pywats.reports import CompOp, UUTReport
from pywats.station.config import FolderConfig, StationConfig
from pywats.station.converters import ConversionError, Converter, ConverterContext
from pywats.station.converters.wsjf import WSJFConverter
from pywats.station.queue import ReportQueue, State
from pywats.station.service import StationService
from pywats.station.uploader import backoff, classify


class FakeServer:
    """A Submitter that records what it accepted and fails as scripted."""

    def __init__(self) -> None:
        self.accepted: dict[str, dict[str, Any]] = {}
        self.attempts: list[str] = []
        self.failures: list[BaseException] = []

    async def submit(self, report: dict[str, Any]) -> str:
        self.attempts.append(report["id"])
        if self.failures:
            raise self.failures.pop(0)
        self.accepted[report["id"]] = report
        return report["id"]


class Clock:
    def __init__(self) -> None:
        self.now = time.time()  # file mtimes are real, so the fake clock starts at real time

    def __call__(self) -> float:
        return self.now


class Exploding(Converter):
    name = "exploding"
    patterns = ("*.bad",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        raise ConversionError("line 3: no serial number")


class Buggy(Converter):
    name = "buggy"
    patterns = ("*.bug",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        return [{}][5]


class Hanging(Converter):
    name = "hanging"
    patterns = ("*.hang",)

    def __init__(self) -> None:
        self.release = threading.Event()

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        self.release.wait(30)
        return []


class NoIds(Converter):
    name = "noids"
    patterns = ("*.txt",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        reports = [wsjf(line) for line in path.read_text().split()]
        for report in reports:
            del report["id"]
        return reports


def wsjf(sn: str = "SN-1") -> dict[str, Any]:
    """A valid UUT report without station fields (the service fills them)."""
    report = UUTReport(
        pn="PN-1",
        sn=sn,
        rev="A",
        process_code=10,
        station_name="x",
        location="x",
        purpose="x",
        operator="op",
    )
    report.root.add_sequence("Power").add_numeric_step(
        "3V3", value=3.31, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V"
    )
    data = report.to_wsjf()
    for key in ("machineName", "location", "purpose"):
        del data[key]
    return data


def drop(folder: Path, name: str, content: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


@attrs.define
class Station:
    service: StationService
    server: FakeServer
    clock: Clock
    inbox: Path

    def tick(self, advance: float = 1.0) -> None:
        self.clock.now += advance
        asyncio.run(self.service.tick(self.clock.now))

    def states(self) -> list[State]:
        return [item.state for item in self.service.queue.items()]


@pytest.fixture
def make_station(tmp_path: Path) -> Iterator[Callable[..., Station]]:
    made: list[StationService] = []

    def make(
        converters: list[Converter] | None = None,
        folders: list[FolderConfig] | None = None,
        **settings: Any,
    ) -> Station:
        inbox = tmp_path / "inbox"
        inbox.mkdir(exist_ok=True)
        folders = folders or [FolderConfig(path=inbox, observer="polling")]
        values: dict[str, Any] = {
            "name": "test",
            "server_url": "http://unused",
            "station_name": "ST-1",
            "location": "Lab",
            "purpose": "Test",
            "folders": tuple(folders),
            "queue_path": tmp_path / "queue.sqlite3",
            "stable_seconds": 0.0,
            "min_age_seconds": 0.0,
            "retry_ladder": (10.0, 20.0),
            "min_free_mb": 0.0,
            # Converters run in threads here (fast, and the tests' converters may keep state);
            # worker processes are tested in test_isolation.py and tests/integration/station.
            "converter_isolation": "thread",
        }
        values.update(settings)
        config = StationConfig(**values)
        server = FakeServer()
        clock = Clock()
        service = StationService(
            config,
            queue=ReportQueue(config.queue_path),
            submitter=server,
            converters=converters or [WSJFConverter() for _ in folders],
            clock=clock,
        )
        made.append(service)
        return Station(service, server, clock, inbox)

    yield make
    for service in made:
        service.intake.committer.pool.close()
        service.queue.close()


def test_files_are_converted_committed_moved_and_delivered(make_station: Any) -> None:
    st = make_station()
    reports = [wsjf("A"), wsjf("B")]
    drop(st.inbox, "a.json", reports[0])
    drop(st.inbox, "b.json", [reports[1]])
    st.tick()
    assert set(st.server.accepted) == {r["id"] for r in reports}
    assert st.states() == [State.DELIVERED, State.DELIVERED]
    assert sorted(p.name for p in (st.inbox / "Done").iterdir()) == ["a.json", "b.json"]
    assert not list(st.inbox.glob("*.json"))
    sent = st.server.accepted[reports[0]["id"]]
    assert (sent["machineName"], sent["location"], sent["purpose"]) == ("ST-1", "Lab", "Test")


def test_crash_after_commit_before_move_sends_once(make_station: Any) -> None:
    st = make_station()
    report = wsjf()
    source = drop(st.inbox, "a.json", report)
    from pywats.station._files import sha256_of, source_key

    # The state a crash between queue commit and the move leaves: reports queued, file there.
    key = source_key(str(source), sha256_of(source))
    st.service.queue.add([report], source=str(source), source_sha256=key)
    st.tick()
    assert st.server.attempts == [report["id"]]
    assert len(st.service.queue.items()) == 1
    assert (st.inbox / "Done" / "a.json").exists()


def test_same_file_twice_is_one_report_even_without_ids(make_station: Any) -> None:
    st = make_station(converters=[NoIds()])
    drop(st.inbox, "a.txt", "SN-1 SN-2")
    st.tick()
    drop(st.inbox, "a.txt", "SN-1 SN-2")  # the same file again (copied back from Done)
    st.tick()
    assert len(st.server.accepted) == 2
    ids = set(st.server.accepted)
    assert all(uuid.UUID(i).version == 5 for i in ids)  # derived, stable ids


def test_converter_failure_goes_to_error_folder_with_reason(make_station: Any) -> None:
    st = make_station(converters=[Exploding()])
    drop(st.inbox, "x.bad", "whatever")
    st.tick()
    assert (st.inbox / "Error" / "x.bad").exists()
    reason = (st.inbox / "Error" / "x.bad.error.txt").read_text("utf-8")
    assert "line 3: no serial number" in reason
    assert st.service.queue.items() == []


def test_buggy_converter_is_contained(make_station: Any) -> None:
    st = make_station(converters=[Buggy()])
    drop(st.inbox, "x.bug", "whatever")
    st.tick()
    reason = (st.inbox / "Error" / "x.bug.error.txt").read_text("utf-8")
    assert "IndexError" in reason


def test_malformed_wsjf_goes_to_error_and_good_files_still_flow(make_station: Any) -> None:
    st = make_station()
    drop(st.inbox, "bad.json", '{"type": "T", "pn": ')
    good = wsjf()
    drop(st.inbox, "good.json", good)
    st.tick()
    assert list(st.server.accepted) == [good["id"]]
    assert "not valid JSON" in (st.inbox / "Error" / "bad.json.error.txt").read_text("utf-8")


def test_empty_wsjf_array_goes_to_error_with_the_reason(make_station: Any) -> None:
    st = make_station()
    drop(st.inbox, "empty.json", [])
    st.tick()
    assert not (st.inbox / "empty.json").exists()
    assert not (st.inbox / "Done" / "empty.json").exists()
    assert (st.inbox / "Error" / "empty.json").exists()
    reason = (st.inbox / "Error" / "empty.json.error.txt").read_text("utf-8")
    assert "holds no report" in reason
    assert st.service.files_failed == 1
    assert list(st.server.accepted) == []


class RewrittenWhileRead(WSJFConverter):
    """Reads the file, then the test program rewrites it in place before the move."""

    def __init__(self, second: dict[str, Any]) -> None:
        self.second = second
        self.calls = 0

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        reports = super().convert(path, context)
        self.calls += 1
        if self.calls == 1:
            path.write_text(json.dumps(self.second) + "\n", "utf-8")  # a new size too
        return reports


def test_file_rewritten_after_it_was_read_is_not_moved_away_unsent(make_station: Any) -> None:
    first, second = wsjf("FIRST"), wsjf("SECOND")
    converter = RewrittenWhileRead(second)
    st = make_station(converters=[converter])
    drop(st.inbox, "r.json", first)
    st.tick()
    assert (st.inbox / "r.json").exists()  # kept: its new content was never read
    assert not (st.inbox / "Done" / "r.json").exists()
    st.tick()
    st.tick()
    assert set(st.server.accepted) == {first["id"], second["id"]}
    assert (st.inbox / "Done" / "r.json").exists()
    assert not (st.inbox / "r.json").exists()


def test_hanging_converter_times_out(make_station: Any) -> None:
    hanging = Hanging()
    st = make_station(converters=[hanging], converter_timeout=0.3)
    drop(st.inbox, "x.hang", "whatever")
    try:
        st.tick()
        assert "did not finish within 0.3 s" in (st.inbox / "Error" / "x.hang.error.txt").read_text(
            "utf-8"
        )
        assert st.service.refresh_snapshot()["hung_converters"] == 1
    finally:
        hanging.release.set()


def test_file_still_being_written_waits(make_station: Any) -> None:
    st = make_station(stable_seconds=5.0)
    path = drop(st.inbox, "a.json", "{")
    st.tick(advance=1.0)
    st.tick(advance=1.0)
    assert path.exists()
    assert st.service.queue.items() == []
    path.write_text(json.dumps(wsjf()), "utf-8")  # the writer finishes
    st.tick(advance=1.0)
    assert path.exists()
    st.tick(advance=6.0)
    assert not path.exists()
    assert st.states() == [State.DELIVERED]


@pytest.mark.parametrize(
    "error",
    [
        ServerError(503, "Service Unavailable"),
        WatsConnectionError("connection reset"),
        RateLimitError(429, "slow down", retry_after=2.0),
        AuthenticationError(401, "token refused"),
        RuntimeError("a bug"),
    ],
)
def test_transient_failures_retry_on_the_ladder(make_station: Any, error: Exception) -> None:
    st = make_station()
    st.server.failures = [error, error]
    drop(st.inbox, "a.json", wsjf())
    st.tick()
    (item,) = st.service.queue.items()
    assert item.state is State.PENDING
    assert item.attempts == 1
    assert 10.0 <= item.next_attempt_at - st.clock.now <= 11.0  # first rung + jitter
    st.tick(advance=5.0)  # not due yet
    assert len(st.server.attempts) == 1
    st.tick(advance=6.0)
    (item,) = st.service.queue.items()
    assert (item.state, item.attempts) == (State.PENDING, 2)
    assert 20.0 <= item.next_attempt_at - st.clock.now <= 22.0
    st.tick(advance=25.0)
    assert st.states() == [State.DELIVERED]
    assert len(st.server.attempts) == 3


def test_bad_request_is_parked_with_the_servers_text_and_retry_resends(make_station: Any) -> None:
    st = make_station()
    st.server.failures = [BadRequestError(400, "root -> sn: too long\nprocessCode: unknown")]
    report = wsjf()
    drop(st.inbox, "a.json", report)
    st.tick()
    (item,) = st.service.queue.items()
    assert item.state is State.PARKED
    assert item.last_error == "400: root -> sn: too long\nprocessCode: unknown"
    st.tick(advance=100.0)
    assert len(st.server.attempts) == 1  # parked rows are left alone
    st.service.queue.requeue(item.id, now=st.clock.now)
    st.tick()
    assert st.states() == [State.DELIVERED]
    assert report["id"] in st.server.accepted


def test_unreadable_row_is_quarantined_not_deleted(make_station: Any) -> None:
    st = make_station()
    st.service.queue.add([wsjf()], now=st.clock.now)
    st.service.queue._db.execute("UPDATE item SET payload = 'not json'")
    st.tick()
    (item,) = st.service.queue.items()
    assert item.state is State.QUARANTINED
    assert "unreadable payload" in item.last_error


@pytest.mark.parametrize("action", ["delete", "zip", "keep"])
def test_post_actions(make_station: Any, tmp_path: Path, action: str) -> None:
    inbox = tmp_path / "inbox"
    st = make_station(folders=[FolderConfig(path=inbox, observer="polling", post_action=action)])
    report = wsjf()
    path = drop(inbox, "a.json", report)
    st.tick()
    st.tick()
    assert st.server.attempts == [report["id"]]  # "keep" is not sent again
    if action == "delete":
        assert not path.exists()
    elif action == "zip":
        assert not path.exists()
        with zipfile.ZipFile(inbox / "Done" / "a.json.zip") as archive:
            assert json.loads(archive.read("a.json")) == report
    else:
        assert path.exists()


def test_low_disk_pauses_intake(make_station: Any) -> None:
    st = make_station(min_free_mb=1e12)
    path = drop(st.inbox, "a.json", wsjf())
    st.tick()
    assert path.exists()
    snapshot = st.service.refresh_snapshot()
    assert "floor" in snapshot["intake_paused"]


def test_classification_and_backoff() -> None:
    assert classify(BadRequestError(400, "bad")).park
    assert not classify(ServerError(503, "x")).park
    assert classify(RateLimitError(429, "x", retry_after=7.0)).wait == 7.0
    assert backoff(1, [1, 2, 4], rng=lambda: 0.0) == 1
    assert backoff(9, [1, 2, 4], rng=lambda: 0.0) == 4
    assert backoff(1, [1, 2, 4], wait=30.0) == 30.0
    assert backoff(2, [1, 2, 4], rng=lambda: 1.0) == pytest.approx(2.2)


def test_open_breaker_holds_uploads(make_station: Any) -> None:
    st = make_station()
    waits = [5.0]
    st.server.breaker_wait = lambda: waits[0]  # type: ignore[attr-defined]
    drop(st.inbox, "a.json", wsjf())
    st.tick()
    assert st.server.attempts == []  # nothing claimed while the breaker is open
    assert st.states() == [State.PENDING]
    waits[0] = 0.0
    st.tick(advance=6.0)
    assert st.states() == [State.DELIVERED]


def test_settle_skips_rows_an_operator_changed(make_station: Any) -> None:
    from pywats.station.queue import Settlement

    st = make_station()
    queue = st.service.queue
    queue.add([wsjf("a"), wsjf("b")], now=st.clock.now)
    first, second = queue.claim(2, now=st.clock.now)
    queue._db.execute("UPDATE item SET state = 'parked' WHERE id = ?", (second.id,))
    stale = queue.settle([Settlement(first.id, "ack"), Settlement(second.id, "ack")])
    assert stale == [second.id]
    assert st.states() == [State.DELIVERED, State.PARKED]


def test_invalid_report_is_refused_before_queueing(make_station: Any) -> None:
    st = make_station()
    drop(st.inbox, "bad.json", {"type": "T", "pn": "P", "sn": "S", "rev": "A"})
    st.tick()
    assert st.service.queue.items() == []
    reason = (st.inbox / "Error" / "bad.json.error.txt").read_text("utf-8")
    assert "processCode is required" in reason


def test_long_file_names_reach_done_and_error_folders(make_station: Any) -> None:
    st = make_station()
    good_name = "G" * 250 + ".json"
    bad_name = "B" * 250 + ".json"
    report = wsjf()
    drop(st.inbox, good_name, report)
    drop(st.inbox, bad_name, "{not json")
    st.tick()
    assert report["id"] in st.server.accepted
    assert (st.inbox / "Done" / good_name).exists()
    assert (st.inbox / "Error" / bad_name).exists()
    (note,) = (st.inbox / "Error").glob("*.error.txt")
    assert len(note.name.encode()) <= 255
    assert "not valid JSON" in note.read_text("utf-8")
    assert not list(st.inbox.glob("*.json"))


def test_outcomes_survive_a_queue_locked_past_its_busy_timeout(
    make_station: Any, tmp_path: Path
) -> None:
    import sqlite3

    st = make_station()
    st.service.queue.close()
    st.service.queue = st.service.uploader.queue = ReportQueue(
        tmp_path / "queue.sqlite3", busy_timeout=0.2
    )
    other = sqlite3.connect(tmp_path / "queue.sqlite3", isolation_level=None)
    accepted = st.server.submit

    async def submit_then_lock(report: dict[str, Any]) -> str:
        answer = await accepted(report)
        if not other.in_transaction:
            other.execute("BEGIN IMMEDIATE")  # another process takes the write lock
        return answer

    st.server.submit = submit_then_lock  # type: ignore[method-assign]
    report = wsjf()
    drop(st.inbox, "a.json", report)
    st.tick()  # queued, sent, acknowledged — but the outcome cannot be written
    assert report["id"] in st.server.accepted
    assert st.states() == [State.UPLOADING]
    st.tick()  # still locked: nothing more is claimed, nothing is lost
    assert st.server.attempts == [report["id"]]
    other.execute("ROLLBACK")
    other.close()
    st.tick()
    assert st.states() == [State.DELIVERED]
    assert st.server.attempts == [report["id"]]  # written from memory, not sent again


def test_station_name_defaults_to_the_host_name(make_station: Any) -> None:
    import socket

    st = make_station(station_name="")
    report = wsjf()
    drop(st.inbox, "a.json", report)
    st.tick()
    assert st.server.accepted[report["id"]]["machineName"] == socket.gethostname()[:100]


_JUNIT_NO_SN = (
    '<testsuite name="rig" tests="1" time="0.1" timestamp="2026-11-26T10:00:00+00:00">'
    '<testcase classname="rig" name="test_rail" time="0.1"/></testsuite>'
)


def test_identical_files_named_for_different_units_are_both_delivered(make_station: Any) -> None:
    # JUnit without a serial-number property takes the serial number from the file name, so
    # two byte-identical files are two units: neither may be skipped as a duplicate of the other.
    from pywats.station.converters.junit import JUnitConverter

    st = make_station(converters=[JUnitConverter()])
    drop(st.inbox, "SN1.xml", _JUNIT_NO_SN)
    drop(st.inbox, "SN2.xml", _JUNIT_NO_SN)
    st.tick()
    drop(st.inbox, "SN3.xml", _JUNIT_NO_SN)  # a later tick: past the content-hash check
    st.tick()
    assert sorted(r["sn"] for r in st.server.accepted.values()) == ["SN1", "SN2", "SN3"]
    drop(st.inbox, "SN3.xml", _JUNIT_NO_SN)  # the very same file again is still one report
    st.tick()
    assert len(st.server.accepted) == 3
    assert len(st.service.queue.items()) == 3


def test_corrected_file_for_a_parked_report_is_sent(make_station: Any) -> None:
    # A report the server refused is fixed and dropped again under the same id (the server
    # replaces by id): the correction must be sent, not moved to Done behind the parked row.
    st = make_station()
    st.server.failures = [BadRequestError(400, "uut -> user: unknown operator")]
    report = wsjf()
    drop(st.inbox, "a.json", report)
    st.tick()
    assert st.states() == [State.PARKED]
    corrected = json.loads(json.dumps(report))
    corrected["uut"]["user"] = "known-op"
    drop(st.inbox, "a-fixed.json", corrected)
    st.tick()
    assert st.states() == [State.DELIVERED]
    assert st.server.accepted[report["id"]]["uut"]["user"] == "known-op"
    assert (st.inbox / "Done" / "a-fixed.json").exists()


def test_wall_clock_stepping_back_does_not_stall_retries(make_station: Any) -> None:
    # The ladder says 10 s; the station's clock is then stepped back an hour (NTP, an RTC in
    # local time). The retry must come about 10 s later, not an hour later.
    st = make_station()
    st.server.failures = [ServerError(503, "busy")]
    drop(st.inbox, "a.json", wsjf())
    st.tick()
    assert st.states() == [State.PENDING]
    st.clock.now -= 3600.0
    st.tick(advance=1.0)
    st.tick(advance=15.0)
    assert st.states() == [State.DELIVERED]
    assert len(st.server.attempts) == 2  # one retry, after the ladder's wait: no storm


def test_wall_clock_stepping_back_does_not_stall_an_open_breaker_wait(make_station: Any) -> None:
    st = make_station()
    waits = [5.0]
    st.server.breaker_wait = lambda: waits[0]  # type: ignore[attr-defined]
    drop(st.inbox, "a.json", wsjf())
    st.tick()
    assert st.states() == [State.PENDING]
    waits[0] = 0.0
    st.clock.now -= 3600.0
    st.tick(advance=1.0)
    st.tick(advance=6.0)
    assert st.states() == [State.DELIVERED]


def test_wall_clock_stepping_back_while_stopped_does_not_stall_retries(
    make_station: Any,
) -> None:
    st = make_station()
    st.server.failures = [ServerError(503, "busy")]
    drop(st.inbox, "a.json", wsjf())
    st.tick()
    st.service.queue.close()
    st.clock.now -= 3600.0  # the station restarts with its clock an hour back
    again = StationService(
        st.service.config,
        queue=ReportQueue(st.service.config.queue_path),
        submitter=st.server,
        converters=[WSJFConverter()],
        clock=st.clock,
    )

    async def restart() -> None:
        await again.start()
        try:
            await again.tick(st.clock.now + 15.0)
        finally:
            await again.shutdown()

    asyncio.run(restart())
    with ReportQueue(st.service.config.queue_path) as queue:
        assert [item.state for item in queue.items()] == [State.DELIVERED]


def test_wall_clock_stepping_back_does_not_stall_a_waiting_file(make_station: Any) -> None:
    st = make_station(stable_seconds=2.0)
    drop(st.inbox, "a.json", wsjf())
    st.tick()  # seen: waits for size and mtime to stay unchanged for 2 s
    st.clock.now -= 3600.0
    st.tick(advance=1.0)
    st.tick(advance=3.0)
    assert st.states() == [State.DELIVERED]


def test_wall_clock_stepping_back_does_not_stall_a_file_held_for_a_retry(
    make_station: Any,
) -> None:
    st = make_station()
    (st.inbox / "Done").write_text("a file where the Done folder should be", "utf-8")
    report = wsjf()
    drop(st.inbox, "a.json", report)
    st.tick()  # queued and sent, but the move failed: the file is held for 30 s
    assert report["id"] in st.server.accepted
    (st.inbox / "Done").unlink()
    st.clock.now -= 3600.0
    st.tick(advance=1.0)
    st.tick(advance=31.0)
    assert (st.inbox / "Done" / "a.json").exists()


def test_a_report_that_cannot_be_stored_does_not_strand_its_batch(make_station: Any) -> None:
    # A lone surrogate ("\ud800") is valid JSON but not UTF-8: SQLite cannot store it. That
    # file must go to Error/ with the reason; the good files committed with it must flow.
    st = make_station()
    good = [wsjf(f"G{i}") for i in range(3)]
    for i, report in enumerate(good):
        drop(st.inbox, f"good{i}.json", report)
    bad = wsjf("BAD")
    text = json.dumps(bad).replace('"sn": "BAD"', '"sn": "BAD\\ud800"')
    drop(st.inbox, "bad.json", text)
    st.tick()
    st.tick(advance=31.0)
    assert set(st.server.accepted) == {r["id"] for r in good}
    assert not list(st.inbox.glob("*.json"))
    reason = (st.inbox / "Error" / "bad.json.error.txt").read_text("utf-8")
    assert "sn contains a lone surrogate" in reason  # the validator names it (issue 19)


class NeedsCompanion(Converter):
    name = "companion"
    patterns = ("*.dat",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        path.with_suffix(".meta").read_text("utf-8")  # FileNotFoundError: no companion file
        return [wsjf()]


def test_converter_raising_file_not_found_for_another_file_is_an_error(
    make_station: Any,
) -> None:
    # Only the source vanishing may be taken silently; a converter's own FileNotFoundError
    # with the source still there must reach Error/ with a reason, not loop unseen.
    st = make_station(converters=[NeedsCompanion()])
    drop(st.inbox, "x.dat", "data")
    st.tick()
    assert not (st.inbox / "x.dat").exists()
    assert "x.meta" in (st.inbox / "Error" / "x.dat.error.txt").read_text("utf-8")


def test_recursive_folder_named_through_a_symlink_does_not_rescan_its_done_folder(
    make_station: Any, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    (real / "line1").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(real)
    folder = FolderConfig(
        path=link, recursive=True, observer="polling", done=real / "Done", error=real / "Error"
    )
    st = make_station(folders=[folder])
    report = wsjf()
    drop(real / "line1", "a.json", report)
    for _ in range(3):
        st.tick()
    assert sorted(p.name for p in (real / "Done").iterdir()) == ["a.json"]
    assert st.service.files_converted == 1


def test_failed_move_to_the_error_folder_leaves_no_stray_notes(
    make_station: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The move fails (disk full, a share gone) for an hour: the file stays and is retried,
    # but Error/ must not collect one orphan .error.txt per retry.
    import errno
    import os as os_module

    from pywats.station import _files

    real_rename = os_module.rename

    def rename(src: Any, dst: Any) -> None:
        if Path(src).name == "bad.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(_files.os, "rename", rename)
    st = make_station()
    drop(st.inbox, "bad.json", "{not json")
    for _ in range(4):
        st.tick(advance=31.0)
    assert (st.inbox / "bad.json").exists()
    assert list((st.inbox / "Error").iterdir()) == []
    monkeypatch.setattr(_files.os, "rename", real_rename)
    st.tick(advance=31.0)
    assert sorted(p.name for p in (st.inbox / "Error").iterdir()) == [
        "bad.json",
        "bad.json.error.txt",
    ]


def test_move_across_filesystems_leaves_no_partial_file_under_the_real_name(
    make_station: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Error/ on another filesystem (EXDEV) and the copy dies half-way (disk full): no
    # truncated file may sit there under the file's name with its note, nor any debris.
    import errno
    import shutil as shutil_module

    from pywats.station import _files

    real_copy2 = shutil_module.copy2

    def rename(src: Any, dst: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    def copy2(src: Any, dst: Any) -> None:
        Path(dst).write_bytes(Path(src).read_bytes()[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files.os, "rename", rename)
    monkeypatch.setattr(_files.shutil, "copy2", copy2)
    st = make_station()
    source = drop(st.inbox, "bad.json", "{not json at all")
    st.tick()
    assert source.exists()  # kept in place for another try
    assert list((st.inbox / "Error").iterdir()) == []
    monkeypatch.setattr(_files.shutil, "copy2", real_copy2)
    st.tick(advance=31.0)
    st.tick(advance=1.0)
    assert not source.exists()
    assert (st.inbox / "Error" / "bad.json").read_text("utf-8") == "{not json at all"
    assert sorted(p.name for p in (st.inbox / "Error").iterdir()) == [
        "bad.json",
        "bad.json.error.txt",
    ]


def test_one_file_with_two_reports_sharing_an_id_goes_to_error(make_station: Any) -> None:
    # The second would replace the first (the server replaces by id): one unit's result would
    # vanish without a trace. A file that contradicts itself waits for an operator instead.
    st = make_station()
    first, second = wsjf("SN-A"), wsjf("SN-B")
    second["id"] = first["id"]
    drop(st.inbox, "two.json", [first, second])
    st.tick()
    assert st.server.accepted == {}
    assert st.service.queue.items() == []
    reason = (st.inbox / "Error" / "two.json.error.txt").read_text("utf-8")
    assert first["id"] in reason


@pytest.mark.parametrize("action", ["move", "zip"])
def test_source_that_cannot_be_removed_does_not_pile_up_copies(
    make_station: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, action: str
) -> None:
    # Done/ on another filesystem (or zip) and the source cannot be deleted (a read-only
    # share): each 30 s retry must not leave one more copy in Done/.
    import errno

    from pywats.station import _files

    real_rename, real_unlink = _files.os.rename, Path.unlink

    def rename(src: Any, dst: Any) -> None:
        if Path(src).name == "a.json":
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_rename(src, dst)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "a.json" and self.parent.name == "inbox":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(_files.os, "rename", rename)
    monkeypatch.setattr(Path, "unlink", unlink)
    folder = FolderConfig(path=tmp_path / "inbox", observer="polling", post_action=action)
    st = make_station(folders=[folder])
    source = drop(st.inbox, "a.json", wsjf())
    for _ in range(4):
        st.tick(advance=31.0)
    assert source.exists()
    assert [p.name for p in (st.inbox / "Done").iterdir()] == []
    monkeypatch.setattr(Path, "unlink", real_unlink)
    st.tick(advance=31.0)
    st.tick(advance=31.0)
    assert not source.exists()
    assert len(list((st.inbox / "Done").iterdir())) == 1


class LeaksCancellation(FakeServer):
    """A client library that lets a CancelledError of its own escape (not ours)."""

    def __init__(self) -> None:
        super().__init__()
        self.leaks = 1

    async def submit(self, report: dict[str, Any]) -> str:
        if self.leaks:
            self.leaks -= 1
            self.attempts.append(report["id"])
            raise asyncio.CancelledError
        return await super().submit(report)


def test_a_cancellation_leaking_from_the_client_does_not_stop_uploads(
    make_station: Any,
) -> None:
    st = make_station(retry_ladder=(0.05,), poll_seconds=0.05)
    server = LeaksCancellation()
    st.service.uploader.submitter = server
    reports = [wsjf("A"), wsjf("B")]
    drop(st.inbox, "a.json", reports[0])

    async def run() -> None:
        serving = asyncio.create_task(st.service.serve())
        deadline = time.monotonic() + 30  # ends a test that would hang; no more
        while len(server.accepted) < 1 and time.monotonic() < deadline:
            st.clock.now = time.time()
            await asyncio.sleep(0.02)
        drop(st.inbox, "b.json", reports[1])
        while len(server.accepted) < 2 and time.monotonic() < deadline:
            st.clock.now = time.time()
            await asyncio.sleep(0.02)
        st.service.request_stop()
        await asyncio.wait_for(serving, 30)

    asyncio.run(run())
    assert set(server.accepted) == {r["id"] for r in reports}


def test_a_failed_queue_read_does_not_stop_the_upload_or_status_loop(
    make_station: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One read of the queue fails (a disk I/O error, a lock held past busy_timeout): the
    # service must go on uploading and refreshing its health snapshot afterwards.
    import sqlite3

    st = make_station(poll_seconds=0.05)
    queue = st.service.queue
    failures = {"next_due_at": 1, "stats": 1}
    calls = {"next_due_at": 0, "stats": 0}

    def failing(name: str) -> Callable[..., Any]:
        real = getattr(queue, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            if calls[name] > 1 and failures[name]:  # not the first: start() reads stats
                failures[name] -= 1
                raise sqlite3.OperationalError("disk I/O error")
            return real(*args, **kwargs)

        return call

    for name in failures:
        monkeypatch.setattr(queue, name, failing(name))
    report = wsjf()

    async def run() -> None:
        serving = asyncio.create_task(st.service.serve())
        await asyncio.sleep(0.3)  # both loops have met their failed read by now
        drop(st.inbox, "a.json", report)
        deadline = time.monotonic() + 30  # ends a test that would hang; no more
        while not st.server.accepted and time.monotonic() < deadline:
            st.clock.now = time.time()
            await asyncio.sleep(0.02)
        while st.service.snapshot().get("delivered") != 1 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)  # the status loop refreshes every second
        st.service.request_stop()
        await asyncio.wait_for(serving, 30)

    asyncio.run(run())
    assert failures == {"next_due_at": 0, "stats": 0}
    assert report["id"] in st.server.accepted
    assert st.service.snapshot()["delivered"] == 1


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names are bytes only on Linux")
def test_a_file_name_that_is_not_utf8_is_delivered_and_moved(make_station: Any) -> None:
    # A Latin-1 name written by an old tool ("café" as bytes 63 61 66 e9) must neither block
    # the files after it nor be refused: its reports are fine.
    st = make_station()
    report, other = wsjf("A"), wsjf("B")
    name = os.fsdecode(b"caf\xe9.json")
    drop(st.inbox, name, report)
    drop(st.inbox, "zz.json", other)
    st.tick()
    st.tick()
    assert set(st.server.accepted) == {report["id"], other["id"]}
    assert sorted(os.listdir(os.fsencode(st.inbox / "Done"))) == [b"caf\xe9.json", b"zz.json"]


def test_zip_of_a_file_dated_before_1980_works_and_blocks_nothing(
    make_station: Any, tmp_path: Path
) -> None:
    # A station with a dead RTC battery writes files dated 1970; ZIP cannot store dates
    # before 1980. The file must still be zipped, and the files after it must flow.
    folder = FolderConfig(path=tmp_path / "inbox", observer="polling", post_action="zip")
    st = make_station(folders=[folder])
    old, new = wsjf("OLD"), wsjf("NEW")
    dated = drop(st.inbox, "a-old.json", old)
    os.utime(dated, (86400.0, 86400.0))
    drop(st.inbox, "b-new.json", new)
    st.tick()
    assert set(st.server.accepted) == {old["id"], new["id"]}
    assert sorted(p.name for p in (st.inbox / "Done").iterdir()) == [
        "a-old.json.zip",
        "b-new.json.zip",
    ]
    with zipfile.ZipFile(st.inbox / "Done" / "a-old.json.zip") as archive:
        assert json.loads(archive.read("a-old.json"))["id"] == old["id"]


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("this exception cannot be printed")


class PartlyBroken(Converter):
    name = "partly"
    patterns = ("*.json",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        if path.name.startswith("bad"):
            raise Unprintable()
        return WSJFConverter().convert(path, context)


def test_a_file_that_trips_a_bug_does_not_stall_the_files_beside_it(make_station: Any) -> None:
    # Whatever goes wrong while taking one file (here: its error cannot even be printed),
    # the other files of its batch are committed and delivered, and the pass goes on.
    st = make_station(converters=[PartlyBroken()])
    good = [wsjf(f"G{i}") for i in range(3)]
    drop(st.inbox, "bad.json", wsjf("BAD"))
    for i, report in enumerate(good):
        drop(st.inbox, f"good{i}.json", report)
    st.tick()
    assert set(st.server.accepted) == {r["id"] for r in good}
    # Not lost: contained in its worker, the bug sends the file to Error/ with the reason.
    assert "raised Unprintable" in (st.inbox / "Error" / "bad.json.error.txt").read_text("utf-8")


class SerialFromFolder(Converter):
    """Per-unit folders with a fixed file name: <serial>/result.txt (a common layout)."""

    name = "serial-from-folder"
    patterns = ("*.txt",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        report = wsjf(path.parent.name)
        del report["id"]
        report["start"] = path.read_text("utf-8").strip()
        return [report]


def test_identical_files_of_the_same_name_in_two_unit_folders_are_both_delivered(
    make_station: Any, tmp_path: Path
) -> None:
    folder = FolderConfig(path=tmp_path / "inbox", observer="polling", recursive=True)
    st = make_station(converters=[SerialFromFolder()], folders=[folder])
    start = wsjf()["start"]
    drop(st.inbox / "U1", "result.txt", start)
    st.tick()
    drop(st.inbox / "U2", "result.txt", start)
    st.tick()
    assert sorted(r["sn"] for r in st.server.accepted.values()) == ["U1", "U2"]


def test_wall_clock_stepping_back_does_not_stop_polling_a_folder(make_station: Any) -> None:
    # A polled folder (a network share) is scanned every poll_seconds, timed by the wall
    # clock: after a step back of an hour it must still be scanned, not an hour later.
    st = make_station()
    now = st.clock.now

    async def passes() -> None:
        await st.service.intake_pass(now)
        drop(st.inbox, "a.json", wsjf())
        for step in range(1, 4):
            await st.service.intake_pass(now - 3600.0 + 2.0 * step)

    asyncio.run(passes())
    assert not (st.inbox / "a.json").exists()
    assert len(st.service.queue.items()) == 1

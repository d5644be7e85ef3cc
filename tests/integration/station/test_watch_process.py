"""``wats watch`` as a real process against the emulator: files in, reports on the server."""

from __future__ import annotations

import fcntl
import json
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ._harness import Station, make_report, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and locks")

WSJF_POST = ("POST", "/api/Report/WSJF")


@pytest.mark.parametrize("observer", ["native", "polling"])
def test_dropped_files_all_arrive_and_sources_are_moved(
    tmp_path: Path, station: Callable[..., Station], observer: str
) -> None:
    folder = {"path": str(tmp_path / "inbox"), "converter": "wsjf", "observer": observer}
    st = station(folders=[folder])
    st.start()
    reports = [make_report(f"SN-{i:03d}") for i in range(20)]
    for i, report in enumerate(reports):
        st.drop(f"r{i:03d}.json", report)
    st.wait_stored({r["id"] for r in reports})
    wait_for(lambda: len(list(st.done.glob("*.json"))) == 20, 30, "all sources in Done/")
    assert not list(st.inbox.glob("*.json"))
    stored = {r["id"]: r for r in st.emulator.reports()}
    assert stored[reports[0]["id"]]["machineName"] == "IT-ST-01"
    health = wait_for(lambda: (h := st.health())["delivered"] == 20 and h, 30, "health")
    assert health["state"] == "running"
    assert health["queue_depth"] == 0
    assert health["breaker"] == "closed"
    assert st.stop() == 0
    assert {row["state"] for row in st.queue_rows()} == {"delivered"}


def test_sigkill_mid_flight_then_restart_loses_and_duplicates_nothing(
    station: Callable[..., Station],
) -> None:
    st = station()
    # Uploads take a while: some are in flight at the kill, and all 40 take >= 3 s (10 rounds
    # of 4), so the kill comes well before the last even on a loaded machine.
    st.emulator.faults.latency(0.3)
    st.start()
    reports = [make_report(f"K-{i:03d}") for i in range(40)]
    for i, report in enumerate(reports):
        st.drop(f"k{i:03d}.json", report)
    wait_for(lambda: len(st.stored_ids()) >= 6, 60, "some deliveries before the kill")
    st.kill()
    assert len(set(st.stored_ids())) < 40
    st.emulator.faults.latency(0.0)
    st.start()
    ids = {r["id"] for r in reports}
    st.wait_stored(ids, timeout=30)
    stored = st.stored_ids()
    assert len(stored) == len(set(stored)) == 40  # every report once on the server
    rows = wait_for(
        lambda: (rows := st.queue_rows()) and all(r["state"] == "delivered" for r in rows) and rows,
        30,
        "every queue row delivered",
    )
    assert sorted(r["report_id"] for r in rows) == sorted(ids)  # no duplicate rows either
    # At-least-once, bounded: only the uploads in flight at the kill (4) and those answered
    # but not yet written (at most 4 more: outcomes are committed in groups) went twice.
    assert st.emulator.faults.hits(*WSJF_POST) <= 40 + 2 * 4
    # (Counting Done/ and the inbox one after the other could miss a file moved in between.)
    wait_for(lambda: not list(st.inbox.glob("*.json")), 30, "sources post-processed")
    assert len(list(st.done.glob("*.json"))) == 40
    assert st.stop() == 0


def test_sigkill_during_a_burst_loses_and_duplicates_nothing(
    station: Callable[..., Station],
) -> None:
    # Issue 22: files are converted while earlier ones commit (in a worker thread), uploads go
    # in batches with their outcomes committed in groups. A SIGKILL in the middle of all that
    # must still lose nothing and re-send at most the reports in upload slots (concurrency 4)
    # and those answered but not yet committed (at most as many again).
    st = station()
    # Uploads in flight at the kill; all 120 take >= 3 s (30 rounds of 4), so the kill comes
    # well before the last even on a loaded machine.
    st.emulator.faults.latency(0.1)
    st.start()
    reports = [make_report(f"B-{i:03d}") for i in range(120)]
    for i, report in enumerate(reports):
        st.drop(f"b{i:03d}.json", report)
    wait_for(lambda: len(st.stored_ids()) >= 10, 60, "deliveries under way")
    st.kill()
    assert len(set(st.stored_ids())) < 120
    st.emulator.faults.latency(0.0)
    st.start()
    ids = {r["id"] for r in reports}
    st.wait_stored(ids, timeout=60)
    stored = st.stored_ids()
    assert len(stored) == len(set(stored)) == 120
    rows = wait_for(
        lambda: (rows := st.queue_rows()) and all(r["state"] == "delivered" for r in rows) and rows,
        30,
        "every queue row delivered",
    )
    assert sorted(r["report_id"] for r in rows) == sorted(ids)
    assert st.emulator.faults.hits(*WSJF_POST) <= 120 + 2 * 4
    wait_for(lambda: len(list(st.done.glob("*.json"))) == 120, 30, "every source in Done/")
    assert not list(st.inbox.glob("*.json"))
    assert st.stop() == 0


def test_server_faults_are_ridden_out_without_a_request_storm(
    station: Callable[..., Station],
) -> None:
    st = station()
    faults = st.emulator.faults
    faults.add(*WSJF_POST, status=503, times=3)
    faults.add(*WSJF_POST, status=429, times=2, headers={"Retry-After": "1"})
    faults.add(*WSJF_POST, drop=True, times=2)
    faults.add(*WSJF_POST, drop=True, after=True, times=1)  # stored, but the answer is lost
    st.start()
    reports = [make_report(f"F-{i:02d}") for i in range(6)]
    for i, report in enumerate(reports):
        st.drop(f"f{i}.json", report)
    st.wait_stored({r["id"] for r in reports}, timeout=30)
    wait_for(lambda: st.health()["delivered"] == 6, 30, "all acknowledged")
    stored = st.stored_ids()
    assert len(stored) == len(set(stored)) == 6
    # Each fault costs one extra request; the SDK does not retry underneath the queue.
    assert faults.hits(*WSJF_POST) <= 6 + 8
    assert st.health()["retried"] >= 8
    assert st.stop() == 0


def test_bad_request_is_parked_with_the_server_text_and_queue_retry_resends(
    station: Callable[..., Station],
) -> None:
    st = station()
    st.emulator.faults.add(
        *WSJF_POST, status=400, times=1, body="Serial number 'X' is not valid for this product"
    )
    st.start()
    report = make_report("P-1")
    st.drop("p.json", report)
    rows = wait_for(
        lambda: [r for r in st.queue_rows() if r["state"] == "parked"], 30, "a parked row"
    )
    assert "Serial number 'X' is not valid for this product" in rows[0]["last_error"]
    assert report["id"] not in st.stored_ids()
    listed = st.wats("queue", "list", "-i", "it", "--state", "parked", "-o", "json")
    assert listed.returncode == 0, listed.stderr
    assert [row["report_id"] for row in json.loads(listed.stdout)] == [report["id"]]
    retried = st.wats("queue", "retry", "-i", "it", report["id"])
    assert retried.returncode == 0, retried.stderr
    st.wait_stored({report["id"]})
    status = st.wats("status", "-i", "it", "-o", "json")
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    assert shown["running"] is True
    assert shown["queue"]["counts"]["parked"] == 0
    assert st.stop() == 0


PLUGIN = """
import time
from pywats.station.converters import Converter, ConversionError


class Raising(Converter):
    name = "raising"
    patterns = ("*.raise",)

    def convert(self, path, context):
        raise ConversionError("line 1: this rig writes nonsense")


class Hanging(Converter):
    name = "hanging"
    patterns = ("*.hang",)

    def convert(self, path, context):
        time.sleep(60)
        return []
"""


def test_bad_input_never_stops_the_service_and_every_file_is_accounted_for(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "it_plugins.py").write_text(PLUGIN, encoding="utf-8")
    inbox = tmp_path / "inbox"
    st = station(
        folders=[
            {"path": str(inbox), "converter": "wsjf"},
            {"path": str(inbox), "converter": "it_plugins:Raising"},
            {"path": str(inbox), "converter": "it_plugins:Hanging"},
        ],
        # 5 s: the hanging converter is stopped, the others (their workers importing the
        # plugin first) finish well within it even on a loaded machine.
        intake={"stable_seconds": 1.5, "converter_timeout": 5.0},
    )
    st.start()
    st.drop("malformed.json", '{"type": "T", "pn": ')
    st.drop("invalid.json", {"type": "T", "pn": "PCBA-1", "sn": "S", "rev": "A"})
    st.drop("x.raise", "anything")
    st.drop("y.hang", "anything")

    # A file still being written: it must not be taken half-done.
    growing = make_report("GROWING-1")
    text = json.dumps(growing)
    slow = inbox / "slow.json"
    with slow.open("w", encoding="utf-8") as handle:
        for start in range(0, len(text), len(text) // 3 + 1):  # pauses shorter than stable
            handle.write(text[start : start + len(text) // 3 + 1])
            handle.flush()
            time.sleep(0.3)

    # A file another program holds locked: it waits until the lock is released.
    locked_report = make_report("LOCKED-1")
    locked = inbox / "locked.json"
    handle = locked.open("w", encoding="utf-8")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    handle.write(json.dumps(locked_report))
    handle.flush()
    try:
        st.wait_stored({growing["id"]})
        wait_for(lambda: (st.error / "y.hang.error.txt").exists(), 30, "the hung converter")
        assert locked.exists()
        assert locked_report["id"] not in st.stored_ids()
    finally:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()
    st.wait_stored({locked_report["id"]})

    wait_for(lambda: len(list(st.error.glob("*.error.txt"))) == 4, 30, "four error notes")
    reasons = {p.name: p.read_text("utf-8") for p in st.error.glob("*.error.txt")}
    assert "not valid JSON" in reasons["malformed.json.error.txt"]
    assert "is required" in reasons["invalid.json.error.txt"]  # the report validator's lines
    assert "this rig writes nonsense" in reasons["x.raise.error.txt"]
    assert "did not finish within 5 s" in reasons["y.hang.error.txt"]
    assert st.alive()
    after = make_report("AFTER-1")
    st.drop("after.json", after)
    st.wait_stored({after["id"]})
    # Every file is somewhere an operator can see it: Done/ or Error/, none left behind. (A
    # source is moved after its commit, which the upload may overtake.)
    wait_for(
        lambda: (
            sorted(p.name for p in st.done.iterdir()) == ["after.json", "locked.json", "slow.json"]
        ),
        30,
        "the sources in Done/",
    )
    assert sorted(p.name for p in st.error.iterdir() if not p.name.endswith(".txt")) == [
        "invalid.json",
        "malformed.json",
        "x.raise",
        "y.hang",
    ]
    assert [p.name for p in inbox.iterdir() if p.is_file()] == []
    assert st.stop() == 0


def test_a_second_service_for_the_same_instance_is_refused(station: Callable[..., Station]) -> None:
    st = station()
    st.start()
    second = st.wats("watch", "-i", "it", "--plain", timeout=30)
    assert second.returncode == 1
    assert "already running" in second.stderr
    assert st.stop() == 0


def test_sigterm_finishes_the_upload_in_hand_and_a_second_one_exits_at_once(
    station: Callable[..., Station],
) -> None:
    # A long shutdown_timeout (and a longer upload timeout), so that "at once" and "waited for
    # it" are far apart even on a loaded machine (3 s and 2.7 s left 0.3 s between them).
    st = station(
        service={"health_port": 0, "shutdown_timeout": 20},
        upload={"concurrency": 4, "timeout": 30, "requests_per_minute": 0},
    )
    st.emulator.faults.add(*WSJF_POST, delay=1.0, times=1)
    st.start()
    first = make_report("T-1")
    st.drop("t1.json", first)
    faults = st.emulator.faults
    wait_for(lambda: faults.hits(*WSJF_POST) == 1, 30, "the upload to reach the server")
    assert st.stop() == 0  # one SIGTERM: waits for the answer
    assert first["id"] in st.stored_ids()
    assert [r["state"] for r in st.queue_rows()] == ["delivered"]

    # Longer than shutdown_timeout, and dropped in the end without storing anything: the
    # abandoned request cannot reach a later test's (reset) emulator.
    faults.add(*WSJF_POST, delay=25.0, drop=True, times=1)
    st.start()
    second = make_report("T-2")
    st.drop("t2.json", second)
    wait_for(lambda: faults.hits(*WSJF_POST) == 2, 30, "the second upload to reach the server")
    assert st.proc is not None
    began = time.monotonic()
    st.proc.send_signal(signal.SIGTERM)
    # Two signals sent before the process runs are one signal: wait until it has seen the
    # first (its second "stopping" line in this log; the first run wrote one too).
    wait_for(lambda: st.output().count("stopping: intake stopped") == 2, 30, "a stopping line")
    st.proc.send_signal(signal.SIGTERM)  # the second: do not wait for the server
    assert st.proc.wait(timeout=30) == 0
    assert time.monotonic() - began < 10  # not the 20 s a single SIGTERM would wait
    st.proc = None
    # The row in flight was handed back as the upload was cancelled: sent again at next start.
    assert [r["state"] for r in st.queue_rows()] == ["delivered", "pending"]
    st.start()
    st.wait_stored({second["id"]})
    assert st.stop() == 0


def test_a_health_port_in_use_is_a_configuration_error(station: Callable[..., Station]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        st = station(service={"health_port": port})
        done = st.wats("watch", "-i", "it", "--plain", timeout=30)
    assert done.returncode == 3, done.stderr
    assert f"service.health_port = {port}" in done.stderr
    assert "Traceback" not in done.stderr

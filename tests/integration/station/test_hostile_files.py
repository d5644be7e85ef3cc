"""Hostile files in a watched folder, against a real ``wats watch`` process (issue 19, 1-2).

A named pipe swapped in for a result file used to freeze the whole service (the completeness
check opened it on the event loop: nothing converted, SIGTERM ignored); a symlink was followed
to any file outside the folder; a symlinked Done/ or Error/ redirected the service's writes.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ._harness import Station, make_report, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, symlinks, signals")


def test_a_fifo_swapped_in_stops_neither_other_files_nor_sigterm(
    station: Callable[..., Station],
) -> None:
    st = station(intake={"stable_seconds": 3.0})
    st.start()
    trap = st.drop("trap.json", make_report("TRAP"))
    # Found and tracked, not yet stable (a fixed sleep was not enough on a loaded machine:
    # the file was taken before the swap, or the pipe was there before the first look).
    wait_for(lambda: st.health().get("files_waiting") == 1, 30, "trap.json tracked")
    fifo = st.inbox / ".trap.fifo"
    os.mkfifo(fifo)
    os.replace(fifo, trap)  # the tracked result file is now a named pipe
    reports = [make_report(f"AFTER-{i}") for i in range(3)]
    for i, report in enumerate(reports):
        st.drop(f"after{i}.json", report)
    st.wait_stored({r["id"] for r in reports})
    assert st.health()["state"] == "running"
    started = time.monotonic()
    assert st.stop() == 0
    assert time.monotonic() - started < 20  # SIGTERM was heard (shutdown_timeout is 3 s)
    assert trap.exists()  # the pipe itself was left alone
    assert not trap.is_file()
    assert "not a regular file" in st.output()


def test_symlinks_are_not_followed_unless_the_folder_says_so(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = make_report("OUTSIDE")
    (outside / "secret.json").write_text(json.dumps(secret), encoding="utf-8")
    linked_in = tmp_path / "linked-in"
    linked_in.mkdir()
    followed = make_report("FOLLOWED")
    (outside / "followed.json").write_text(json.dumps(followed), encoding="utf-8")
    st = station(
        folders=[
            {"path": str(tmp_path / "inbox"), "converter": "wsjf"},
            {"path": str(linked_in), "converter": "wsjf", "follow_symlinks": True},
        ]
    )
    st.start()
    link = st.inbox / "x.json"
    link.symlink_to(outside / "secret.json")
    (linked_in / "y.json").symlink_to(outside / "followed.json")
    normal = make_report("NORMAL")
    st.drop("normal.json", normal)
    st.wait_stored({normal["id"], followed["id"]})
    time.sleep(1.0)  # several more scans: the link in the default folder stays untouched
    assert secret["id"] not in st.stored_ids()
    assert link.is_symlink()
    assert sorted(p.name for p in outside.iterdir()) == ["followed.json", "secret.json"]
    assert st.stop() == 0
    assert "symlinks are not followed" in st.output()


def test_a_symlinked_error_folder_is_refused_at_start(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    st = station()
    (st.inbox / "Error").symlink_to(elsewhere, target_is_directory=True)
    result = st.wats("watch", "-i", "it", "--plain", timeout=60)
    assert result.returncode == 3, result.stderr
    assert "is a symlink or not a directory" in result.stderr


def test_a_done_folder_turned_symlink_is_checked_before_each_move(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    st = station()
    st.start()
    first = make_report("FIRST")
    st.drop("first.json", first)
    st.wait_stored({first["id"]})
    wait_for(lambda: (st.done / "first.json").exists(), 30, "first.json in Done/")
    moved = st.done.rename(tmp_path / "old-done")
    assert moved.exists()
    st.done.symlink_to(elsewhere, target_is_directory=True)  # Done/ now points elsewhere
    second = make_report("SECOND")
    st.drop("second.json", second)
    st.wait_stored({second["id"]})  # committed and delivered: nothing is lost
    time.sleep(1.0)
    assert list(elsewhere.iterdir()) == []  # but nothing was written through the link
    assert (st.inbox / "second.json").exists()  # the source waits for a real Done/
    assert st.stop() == 0
    assert "is a symlink or not a directory" in st.output()


def test_an_absurd_retry_after_is_capped(station: Callable[..., Station]) -> None:
    # Issue 19, item 7: "Retry-After: 99999999" used to park the report until 2030.
    st = station(upload={"concurrency": 1, "timeout": 5, "max_retry_after": 1})
    st.emulator.faults.add(
        "POST", "/api/Report/WSJF", status=429, headers={"Retry-After": "99999999"}
    )
    st.start()
    report = make_report("RETRY-AFTER")
    st.drop("r.json", report)
    st.wait_stored({report["id"]})  # after about 1 s, not 3 years
    assert st.stop() == 0
    assert "the server asked to wait 99999999 s; waiting 1 s" in st.output()


def test_a_file_name_with_a_newline_cannot_forge_a_log_line(
    station: Callable[..., Station],
) -> None:
    # Issue 19, item 8 (station log): control characters in names are escaped in log lines.
    st = station()
    st.start()
    forged = "2026-01-01 00:00:00,000 INFO    queued 1 report(s) from forged.json"
    st.drop(f"bad\n{forged}\x1b[31m.json", "not json")
    wait_for(lambda: list(st.error.glob("bad*.error.txt")), 30, "the bad file in Error/")
    assert st.stop() == 0
    log_file = st.home / "log" / "it.log"
    for text in (st.output(), log_file.read_text(encoding="utf-8")):
        assert not any(line.startswith(forged) for line in text.splitlines())
        assert "\x1b" not in text
        assert "bad\\n2026-01-01" in text

"""Crash torture: SIGKILL ``wats watch`` at random instants, restart it, many times; lose nothing.

The emulator (a real HTTP server on loopback) and ``wats watch`` (a real process) run while a
thread drops result files at a steady rate into two folders: one converted by the WSJF
pass-through and moved to ``Done/``, one converted slowly and zipped (so kills land during
conversion and during the post action as well as during queue commits and uploads, which
the emulator's latency keeps in flight). The service is SIGKILLed at random instants -
sometimes before it has even finished starting - and restarted. At the end:

- every report of every input file is on the server, by id: none missing;
- the server holds each id once; re-sends (at-least-once delivery) are counted;
- every source file was post-processed (moved or zipped), none reached the error folder;
- the queue holds one delivered row per report id, or explains every other row.

The randomness is seeded (printed in the table; ``PYWATS_RELIABILITY_SEED`` replays a run).
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ._harness import WSJF_POST, Station, make_report, wait_for
from .conftest import scale

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


class Dropper(threading.Thread):
    """Drops ``count`` result files, one every ``interval`` seconds, alternating folders."""

    def __init__(self, folders: list[Path], count: int, interval: float, seed: str) -> None:
        super().__init__(name="dropper", daemon=True)
        self.folders = folders
        self.count = count
        self.interval = interval
        self.rng = random.Random(seed)
        self.expected: dict[str, set[str]] = {}  # file name -> report ids
        self.stop = threading.Event()

    def run(self) -> None:
        next_at = time.monotonic()
        for i in range(self.count):
            if self.stop.is_set():
                return
            folder = self.folders[i % len(self.folders)]
            name = f"f{i:05d}.json"
            # Most files hold one report; every tenth holds three (a multi-report file).
            reports = [make_report(f"T-{i:05d}-{k}") for k in range(3 if i % 10 == 9 else 1)]
            body = reports if len(reports) > 1 else reports[0]
            tmp = folder / f".{name}.tmp"  # hidden until the rename: the station ignores it
            tmp.write_text(json.dumps(body), encoding="utf-8")
            tmp.replace(folder / name)
            self.expected[name] = {r["id"] for r in reports}
            next_at += self.interval * self.rng.uniform(0.5, 1.5)
            self.stop.wait(max(0.0, next_at - time.monotonic()))


def _uploading(st: Station) -> int:
    try:
        return sum(1 for row in st.queue_rows() if row["state"] == "uploading")
    except Exception:  # the database may be mid-creation at the very first kill
        return 0


def test_crash_torture(
    station: Callable[..., Station],
    tmp_path: Path,
    seed: int,
    rng: random.Random,
    figures: dict[str, Any],
) -> None:
    kills = scale(6, 100)
    files = scale(80, 2000)
    interval = scale(0.06, 0.11)
    st = station(upload={"concurrency": 4})
    zipped = tmp_path / "zipped"
    zipped.mkdir()
    st.document["folders"].append(
        {"path": str(zipped), "converter": "_converters:SlowWSJF", "post_action": "zip"}
    )
    st.write_config()
    st.emulator.faults.latency(0.03)  # uploads stay in flight long enough to be cut
    dropper = Dropper([st.inbox, zipped], files, interval, seed=f"{seed}:dropper")

    survived = early = in_flight = 0
    started = time.monotonic()
    dropper.start()
    try:
        for _ in range(kills):
            if rng.random() < 0.2:
                # Kill while it starts: recovering the queue, opening the watcher.
                st.spawn()
                time.sleep(rng.uniform(0.05, 0.9))
                early += 1
            else:
                st.start()
                time.sleep(rng.uniform(0.05, 1.6))
                in_flight += _uploading(st) > 0
            assert st.proc is not None
            if st.proc.poll() is not None:  # it must never die on its own
                raise AssertionError(f"wats watch exited with {st.proc.returncode}:\n{st.output()}")
            st.kill()
            survived += 1
        dropper.join(timeout=files * interval * 2 + 30)
        assert not dropper.is_alive()
    finally:
        dropper.stop.set()

    # The last start: it must deliver everything that was left behind.
    drain_from = time.monotonic()
    st.start()
    expected = {rid for ids in dropper.expected.values() for rid in ids}
    st.wait_stored(expected, timeout=scale(60, 300))
    st.wait_drained(timeout=60)
    wait_for(
        lambda: not list(st.inbox.glob("*.json")) and not list(zipped.glob("*.json")),
        60,
        "every source post-processed",
    )
    drained = time.monotonic() - drain_from
    assert st.stop() == 0

    stored = st.stored_ids()
    lost = expected - set(stored)
    posts = st.emulator.faults.hits(*WSJF_POST)
    rows = st.queue_rows()
    figures.update(
        kills=survived,
        files=len(dropper.expected),
        lost=len(lost),
        duplicates=f"0 stored, {posts - len(expected)} re-sent",
        faults=f"{survived} SIGKILL ({early} at start-up, {in_flight} mid-upload)",
        drain_s=round(drained, 1),
    )
    sys.stderr.write(
        f"\ncrash torture: seed {seed}, {survived} kills, {len(dropper.expected)} files, "
        f"{len(expected)} reports, {posts} posts, {time.monotonic() - started:.0f} s\n"
    )
    assert lost == set()
    assert len(stored) == len(set(stored)), "the server stored an id twice"
    assert not [p for p in st.error.glob("*") if p.is_file()], "a good file reached Error/"
    assert not (zipped / "Error").exists()
    # Sources: the moved ones are in Done/ by name, the zipped ones inside some zip.
    moved = {p.name for p in st.done.glob("*.json")}
    in_zips: set[str] = set()
    for archive in (zipped / "Done").glob("*.zip"):
        with zipfile.ZipFile(archive) as handle:
            in_zips.update(handle.namelist())
    assert set(dropper.expected) <= moved | in_zips
    # The queue: one row per report id, every one delivered (or explained).
    assert st.unexplained_rows() == []
    assert sorted(r["report_id"] for r in rows) == sorted(expected)
    # At-least-once but bounded: at most the uploads in flight at each kill went twice.
    assert posts - len(expected) <= survived * 4 + 4

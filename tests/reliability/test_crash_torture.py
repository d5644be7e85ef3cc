"""Crash torture: SIGKILL ``wats watch`` at random instants, restart it, many times; lose nothing.

The emulator (a real HTTP server on loopback) and ``wats watch`` (a real process) run while a
thread drops result files at a steady rate into two folders: one converted by the WSJF
pass-through and moved to ``Done/``, one converted slowly and zipped. The service is
SIGKILLed and restarted, again and again: half the kills at a random instant (intake, queue
commit, upload - kept in flight by the emulator's latency - or post action), the others
aimed: during start-up (queue recovery), during a conversion the converter holds (it leaves
a marker), during an upload the emulator holds. At the end:

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
    pytest.mark.timeout(scale(120, 900)),
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


def test_crash_torture(
    station: Callable[..., Station],
    tmp_path: Path,
    seed: int,
    rng: random.Random,
    figures: dict[str, Any],
) -> None:
    kills = scale(8, 100)
    files = scale(80, 2000)
    interval = scale(0.06, 0.11)
    st = station(upload={"concurrency": 4})
    zipped = tmp_path / "zipped"
    zipped.mkdir()
    markers = tmp_path / "markers"
    markers.mkdir()
    st.document["folders"].append(
        {
            "path": str(zipped),
            "converter": "_converters:SlowWSJF",
            "post_action": "zip",
            "parameters": {"marker_dir": str(markers)},
        }
    )
    st.write_config()
    faults = st.emulator.faults
    faults.latency(0.03)  # uploads stay in flight long enough to be cut
    dropper = Dropper([st.inbox, zipped], files, interval, seed=f"{seed}:dropper")
    held: dict[str, set[str]] = {}  # files the converter holds: name -> report ids

    def kill_while_converting() -> bool:
        report = make_report(f"HOLD-{len(held):04d}")
        name = f"hold-{len(held):04d}.json"
        tmp = zipped / f".{name}.tmp"
        tmp.write_text(json.dumps(report), encoding="utf-8")
        tmp.replace(zipped / name)
        held[name] = {report["id"]}
        try:
            wait_for(lambda: (markers / name).exists(), 10, "a held conversion")
        except AssertionError:
            return False
        return True

    def kill_while_uploading() -> bool:
        rule = faults.add(*WSJF_POST, delay=1.5, times=1)  # the next upload hangs 1.5 s
        try:
            wait_for(lambda: rule.times == 0, 3, "an upload in flight")
        except AssertionError:
            rule.times = 0  # nothing to upload just now
            return False
        return True

    phases = {"random": 0, "start-up": 0, "conversion": 0, "upload": 0}
    share = {"start-up": 0.15, "conversion": 0.15, "upload": 0.2}
    schedule = [p for p, f in share.items() for _ in range(max(1, round(kills * f)))]
    schedule += ["random"] * (kills - len(schedule))
    rng.shuffle(schedule)
    started = time.monotonic()
    dropper.start()
    try:
        for plan in schedule:
            if plan == "start-up":
                st.spawn()  # killed while it starts: recovering the queue, opening watchers
                time.sleep(rng.uniform(0.05, 0.9))
                phase = plan
            else:
                st.start()
                aimed = {"conversion": kill_while_converting, "upload": kill_while_uploading}
                if plan in aimed and aimed[plan]():
                    phase = plan
                else:  # a random instant: intake, commit, upload or post action
                    time.sleep(rng.uniform(0.05, 1.6))
                    phase = "random"
            assert st.proc is not None
            if st.proc.poll() is not None:  # it must never die on its own
                raise AssertionError(f"wats watch exited with {st.proc.returncode}:\n{st.output()}")
            st.kill()
            phases[phase] += 1
        dropper.join(timeout=files * interval * 2 + 30)
        assert not dropper.is_alive()
    finally:
        dropper.stop.set()
    survived = sum(phases.values())
    sources = {**dropper.expected, **held}

    # The last start: it must deliver everything that was left behind.
    drain_from = time.monotonic()
    st.start()
    expected = {rid for ids in sources.values() for rid in ids}
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
        files=len(sources),
        lost=len(lost),
        duplicates=f"0 stored, {posts - len(expected)} re-sent",
        faults="SIGKILL: " + ", ".join(f"{n} {phase}" for phase, n in phases.items()),
        drain_s=round(drained, 1),
    )
    sys.stderr.write(
        f"\ncrash torture: seed {seed}, kills {phases}, {len(sources)} files, "
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
    assert set(sources) <= moved | in_zips
    assert phases["start-up"] > 0
    assert phases["conversion"] > 0
    # The queue: one row per report id, every one delivered (or explained).
    assert st.unexplained_rows() == []
    assert sorted(r["report_id"] for r in rows) == sorted(expected)
    # At-least-once but bounded: at most the uploads in flight at each kill (4) and those
    # answered but not yet committed (4 more) went twice.
    assert posts - len(expected) <= (survived + 1) * 2 * 4

"""The intake under a burst of files (issue 22): less work per file, nothing skipped.

- a file still settling is not looked at again before it can have settled (a burst tracks
  thousands; each look is an ``lstat``), yet a change in the meantime still restarts its wait;
- the watcher listens only for what can make a file appear or complete: the service's own
  reads of a file (lock probes, conversions) are not hints;
- a burst of watcher events wakes the event loop once per gathering, not once per event.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pywats.station.config import FolderConfig
from pywats.station.watcher import FolderScanner, NativeObserver

from . import test_service
from .test_service import Station, wsjf

make_station = test_service.make_station  # the station fixture, shared


def _lstats(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    seen: list[str] = []
    real = os.lstat

    def spy(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path).startswith(str(folder)):
            seen.append(os.path.basename(str(path)))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", spy)
    return seen


def test_a_settling_file_is_not_looked_at_again_before_it_can_have_settled(
    make_station: Callable[..., Station], monkeypatch: pytest.MonkeyPatch
) -> None:
    st = make_station(stable_seconds=5.0)
    for i in range(3):
        (st.inbox / f"f{i}.json").write_text(json.dumps(wsjf(f"SETTLE-{i}")), "utf-8")
    service = st.service

    def intake_pass(advance: float) -> None:
        st.clock.now += advance
        asyncio.run(service.intake_pass(st.clock.now))

    intake_pass(0.0)  # found: each file's stable wait starts
    assert service.intake.files_waiting == 3
    looks = _lstats(monkeypatch, st.inbox)
    for _ in range(4):
        intake_pass(1.0)  # 4 s: none of them can be stable yet
    assert [name for name in looks if name.startswith("f")] == []
    (st.inbox / "f1.json").write_text(json.dumps(wsjf("SETTLE-1b")), "utf-8")  # rewritten
    intake_pass(1.5)  # 5.5 s: f0 and f2 are stable and taken; f1 changed, so it waits again
    assert sorted(name for name in looks if name.startswith("f")) == [
        "f0.json",
        "f1.json",
        "f2.json",
    ]
    assert service.intake.files_waiting == 1
    assert service.files_converted == 2
    intake_pass(5.0)
    assert service.files_converted == 3


def test_reading_a_watched_file_is_not_a_hint(tmp_path: Path) -> None:
    folder = FolderConfig(path=tmp_path, observer="native")
    scanner = FolderScanner(folder, ["*.json"])
    hints: list[str] = []
    arrived = threading.Condition()

    def notify(path: Path) -> None:
        with arrived:
            hints.append(path.name)
            arrived.notify_all()

    def wait_for_hint(name: str) -> None:
        with arrived:
            assert arrived.wait_for(lambda: name in hints, timeout=20), f"no event for {name}"

    observer = NativeObserver(notify)
    assert observer.start([scanner]) == []
    try:
        (tmp_path / "a.json").write_text("{}", "utf-8")
        (tmp_path / "first.json").write_text("{}", "utf-8")
        wait_for_hint("first.json")  # events arrive in order: a.json's are all in
        hints.clear()
        for _ in range(3):  # what the service's lock probe and converter do
            (tmp_path / "a.json").read_bytes()
        (tmp_path / "marker.json").write_text("{}", "utf-8")
        wait_for_hint("marker.json")  # events arrive in order: the reads came before it
        assert "a.json" not in hints
    finally:
        observer.stop()


def test_a_burst_of_events_wakes_the_loop_once_per_gathering(
    make_station: Callable[..., Station],
) -> None:
    service = make_station().service

    class CountingLoop(asyncio.SelectorEventLoop):
        wakeups = 0

        def call_soon_threadsafe(  # type: ignore[override]
            self, callback: Any, *args: Any, context: Any = None
        ) -> asyncio.Handle:
            self.wakeups += 1
            return super().call_soon_threadsafe(callback, *args, context=context)

    loop = CountingLoop()
    try:
        service._loop = loop
        paths = [service.config.folders[0].path / f"r{i:04d}.json" for i in range(500)]

        def burst() -> None:
            for path in paths:
                service._notify(path)

        watchdog = threading.Thread(target=burst)
        watchdog.start()
        watchdog.join()
        loop.run_until_complete(asyncio.sleep(0))
        assert loop.wakeups == 1
        assert service.events.wake_intake.is_set()
        assert set(paths) <= service.intake._hints
    finally:
        service._loop = None
        loop.close()


def test_uploads_are_woken_as_soon_as_a_batch_is_committed_not_at_the_end_of_the_pass(
    make_station: Callable[..., Station],
) -> None:
    # The second file converts until the uploader is woken (at most 30 s): the first file's
    # reports, committed meanwhile, must not wait for the whole pass (a burst's pass takes
    # seconds, and the upload loop otherwise sleeps poll_seconds).
    from pywats.station.converters import ConverterContext
    from pywats.station.converters.wsjf import WSJFConverter

    woken_during_pass: list[bool] = []

    class SlowSecond(WSJFConverter):
        def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
            if path.name == "b.json":
                woken_during_pass.append(wake.wait(30))
            return super().convert(path, context)

    wake = threading.Event()
    st = make_station(converters=[SlowSecond()])
    st.service.intake.on_taken = wake.set
    (st.inbox / "a.json").write_text(json.dumps(wsjf("WAKE-A")), "utf-8")
    (st.inbox / "b.json").write_text(json.dumps(wsjf("WAKE-B")), "utf-8")
    asyncio.run(st.service.intake_pass(st.clock.now))
    assert st.service.files_converted == 2
    assert woken_during_pass == [True]

"""Native events: a flat folder on Linux is read by the event loop (no observer threads)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pywats.station.config import FolderConfig
from pywats.station.watcher import FolderScanner, NativeObserver

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


async def _hints_for(
    scanners: list[FolderScanner], act: Callable[[], None], wanted: int
) -> tuple[list[Path], int]:
    """Start an observer, run ``act()``, collect hints until ``wanted`` (or 30 s); threads added."""
    hints: list[Path] = []
    got = asyncio.Event()

    loop = asyncio.get_running_loop()

    def notify(path: Path) -> None:  # the loop's thread (inotify) or watchdog's
        hints.append(path)
        if len(hints) >= wanted:
            loop.call_soon_threadsafe(got.set)

    before = threading.active_count()
    observer = NativeObserver(notify)
    assert observer.start(scanners) == []
    added = threading.active_count() - before
    try:
        act()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(got.wait(), 30)
        await asyncio.sleep(0.05)  # anything late (a hint that should not come) shows too
    finally:
        observer.stop()
    return hints, added


@linux_only
def test_flat_folder_events_are_read_on_the_loop_without_threads(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    scanner = FolderScanner(FolderConfig(path=inbox), ["*.json"])

    def act() -> None:
        hidden = inbox / ".r1.json.tmp"
        hidden.write_text("{}", encoding="utf-8")  # a writer's temporary name: no hint
        os.replace(hidden, inbox / "r1.json")  # renamed in: hinted
        (inbox / "r1.json").read_bytes()  # read (the lock probe, a conversion): no hint
        (inbox / "sub").mkdir()  # a folder: no hint
        (inbox / "r2.json").write_text("{}", encoding="utf-8")  # created + closed

    hints, added = asyncio.run(_hints_for([scanner], act, 3))
    assert added == 0  # watchdog starts threads for an observer; the loop reader none
    assert set(hints) == {inbox / "r1.json", inbox / "r2.json"}
    assert hints.count(inbox / "r1.json") == 1


def test_recursive_folder_events_reach_notify(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    scanner = FolderScanner(FolderConfig(path=inbox, recursive=True), ["*.json"])

    def act() -> None:
        (inbox / "line1").mkdir(parents=True)
        (inbox / "line1" / "r1.json").write_text("{}", encoding="utf-8")

    hints, _ = asyncio.run(_hints_for([scanner], act, 1))
    assert inbox / "line1" / "r1.json" in hints


@linux_only
def test_dropped_events_make_the_observer_look_at_the_folder(tmp_path: Path) -> None:
    from pywats.station._events import _IN_Q_OVERFLOW, _Inotify

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "missed.json").write_text("{}", encoding="utf-8")
    scanner = FolderScanner(FolderConfig(path=inbox), ["*.json"])
    hints: list[Path] = []

    async def overflow() -> None:
        reader = _Inotify(asyncio.get_running_loop(), hints.append)
        try:
            reader.watch(scanner)
            # What the kernel reads out when its queue overflowed: wd -1, IN_Q_OVERFLOW.
            reader.dispatch(
                (-1).to_bytes(4, "little", signed=True)
                + (_IN_Q_OVERFLOW.to_bytes(4, "little") + bytes(8))
            )
        finally:
            reader.close()

    asyncio.run(overflow())
    assert hints == [inbox / "missed.json"]

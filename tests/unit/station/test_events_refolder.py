"""A watched folder deleted (or moved away) and made again is watched again.

No rescan runs here: the only ways a file reaches ``notify`` are native events and the
observer's own look at a folder it watches again. Waits are on conditions, with deadlines far
past what the machine needs (the re-arm looks every second).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pywats.station.config import FolderConfig
from pywats.station.watcher import FolderScanner, NativeObserver

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the inotify reader is Linux's"
)

DEADLINE = 30.0


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {DEADLINE:g} s waiting for {what}")
        await asyncio.sleep(0.02)


def _drop(folder: Path, name: str) -> Path:
    hidden = folder / f".{name}.tmp"
    hidden.write_text("{}", encoding="utf-8")
    os.replace(hidden, folder / name)
    return folder / name


@pytest.mark.parametrize("how", ["deleted", "moved away"])
def test_a_folder_made_again_is_watched_again(tmp_path: Path, how: str) -> None:
    inbox = tmp_path / "in"
    scanner = FolderScanner(FolderConfig(path=inbox), ["*.json"])
    hints: list[Path] = []

    async def scenario() -> None:
        observer = NativeObserver(hints.append)
        assert observer.start([scanner]) == []
        try:
            first = _drop(inbox, "r1.json")
            await _until(lambda: first in hints, "the first file's event")
            if how == "deleted":
                shutil.rmtree(inbox)
            else:
                inbox.rename(tmp_path / "old")
            # Meanwhile the intake polls the path (the scan would find files there).
            await _until(lambda: scanner.polling, "the folder to be polled")
            inbox.mkdir()
            second = _drop(inbox, "r2.json")  # perhaps before the watch is set again
            await _until(lambda: second in hints, "the file in the folder made again")
            await _until(lambda: not scanner.polling, "native events again")
            third = _drop(inbox, "r3.json")  # an event of the new watch
            await _until(lambda: third in hints, "an event from the new watch")
            if how == "moved away":  # the old folder's watch was dropped with it
                _drop(tmp_path / "old", "r4.json")
                _drop(inbox, "r5.json")
                await _until(lambda: inbox / "r5.json" in hints, "the next event")
                assert not any(p.name == "r4.json" for p in hints)
        finally:
            observer.stop()

    asyncio.run(scenario())


def test_a_file_where_the_folder_was_is_not_watched(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    scanner = FolderScanner(FolderConfig(path=inbox), ["*.json"])
    hints: list[Path] = []

    async def scenario() -> None:
        observer = NativeObserver(hints.append)
        assert observer.start([scanner]) == []
        try:
            shutil.rmtree(inbox)
            await _until(lambda: scanner.polling, "the folder to be polled")
            inbox.write_text("not a folder", encoding="utf-8")
            await asyncio.sleep(2.5)  # two re-arm attempts; polling must simply go on
            assert scanner.polling
            inbox.unlink()
            inbox.mkdir()
            await _until(lambda: not scanner.polling, "native events again")
        finally:
            observer.stop()
        assert not scanner.polling

    asyncio.run(scenario())

"""A converter's process codes: the copy is looked at once per interval, and a rewrite is seen."""

from __future__ import annotations

import os
from pathlib import Path

from pywats.station.reference import CHECK_SECONDS, ProcessCodes, ReferenceCopy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _rows(code: int) -> list[dict[str, object]]:
    return [{"code": code, "name": "End of line test"}, {"code": 500, "name": "Repair"}]


def test_repeated_gets_do_not_read_the_file_and_a_rewrite_is_seen(tmp_path: Path) -> None:
    copy = ReferenceCopy(tmp_path)
    copy.save(_rows(100), 1.0)
    clock = Clock()
    codes = ProcessCodes(copy, clock=clock)
    assert codes.get() == {"End of line test": 100, "Repair": 500}

    copy.save(_rows(101), 2.0)
    for _ in range(1000):  # a burst of conversions within the interval: no look at the file
        clock.now += CHECK_SECONDS / 2000
        assert codes.get()["End of line test"] == 100
    clock.now += CHECK_SECONDS
    assert codes.get()["End of line test"] == 101

    copy.path.unlink()  # gone: nothing, once the interval is over
    assert codes.get()["End of line test"] == 101
    clock.now += CHECK_SECONDS
    assert codes.get() == {}


def test_a_rewrite_with_the_same_size_and_mtime_is_seen(tmp_path: Path) -> None:
    copy = ReferenceCopy(tmp_path)
    copy.save(_rows(100), 1.0)
    before = copy.path.stat()
    clock = Clock()
    codes = ProcessCodes(copy, clock=clock)
    assert codes.get()["End of line test"] == 100
    copy.save(_rows(200), 1.0)  # same length, replaced by a rename
    os.utime(copy.path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert copy.path.stat().st_size == before.st_size
    clock.now += CHECK_SECONDS
    assert codes.get()["End of line test"] == 200


def test_a_clock_that_steps_back_looks_again(tmp_path: Path) -> None:
    copy = ReferenceCopy(tmp_path)
    copy.save(_rows(100), 1.0)
    clock = Clock()
    codes = ProcessCodes(copy, clock=clock)
    codes.get()
    copy.save(_rows(102), 2.0)
    clock.now -= 5
    assert codes.get()["End of line test"] == 102


def test_a_copy_with_an_impossible_time_is_no_copy(tmp_path: Path) -> None:
    copy = ReferenceCopy(tmp_path)
    for fetched in ("NaN", "1e300", '"yesterday"'):
        copy.path.write_text(f'{{"processes": [], "fetchedAt": {fetched}}}', encoding="utf-8")
        assert copy.load() is None

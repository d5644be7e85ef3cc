from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pywats.station.config import FolderConfig
from pywats.station.watcher import Completeness, FileState, FolderScanner, is_network_path


def make(path: Path, text: str = "{}", mtime: float = 1000.0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_file_is_ready_only_after_size_and_mtime_are_stable(tmp_path: Path) -> None:
    file = make(tmp_path / "a.json")
    check = Completeness(stable_seconds=2.0, min_age_seconds=0.0)
    assert check.check(file, now=2000.0) is FileState.WAITING
    assert check.check(file, now=2001.0) is FileState.WAITING
    make(file, "{ }", mtime=2001.5)  # still being written
    assert check.check(file, now=2002.5) is FileState.WAITING
    assert check.check(file, now=2004.0) is FileState.WAITING
    assert check.check(file, now=2004.6) is FileState.READY


def test_file_must_reach_minimum_age(tmp_path: Path) -> None:
    file = make(tmp_path / "a.json", mtime=1000.0)
    check = Completeness(stable_seconds=0.0, min_age_seconds=5.0)
    assert check.check(file, now=1003.0) is FileState.WAITING
    assert check.check(file, now=1005.0) is FileState.READY


def test_vanished_file_is_gone_and_forgotten(tmp_path: Path) -> None:
    file = make(tmp_path / "a.json")
    check = Completeness(stable_seconds=1.0, min_age_seconds=0.0)
    check.check(file, now=2000.0)
    assert file in check
    file.unlink()
    assert check.check(file, now=2002.0) is FileState.GONE
    assert file not in check


_LOCKER = """
import fcntl, sys
with open(sys.argv[1], "rb+") as handle:
    getattr(fcntl, sys.argv[2])(handle.fileno(), fcntl.LOCK_EX)
    print("locked", flush=True)
    sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
@pytest.mark.parametrize("kind", ["flock", "lockf"])
def test_locked_file_waits(tmp_path: Path, kind: str) -> None:
    file = make(tmp_path / "a.json")
    check = Completeness(stable_seconds=0.0, min_age_seconds=0.0)
    # The lock is held by another process, as a test program writing its result would.
    locker = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(file), kind],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None
        assert locker.stdout.readline().strip() == "locked"
        assert check.check(file, now=2000.0) is FileState.LOCKED
    finally:
        locker.communicate("done\n", timeout=10)
    assert check.check(file, now=2001.0) is FileState.READY


def test_scanner_matches_patterns_case_insensitively(tmp_path: Path) -> None:
    folder = FolderConfig(path=tmp_path)
    for name in ("a.json", "B.JSON", "c.txt", ".hidden.json", "d.json.error.txt"):
        make(tmp_path / name)
    make(tmp_path / "sub" / "e.json")
    scanner = FolderScanner(folder, ["*.json"])
    assert sorted(p.name for p in scanner.scan()) == ["B.JSON", "a.json"]


def test_recursive_scan_skips_done_and_error_folders(tmp_path: Path) -> None:
    folder = FolderConfig(path=tmp_path, recursive=True)
    make(tmp_path / "a.json")
    make(tmp_path / "line1" / "b.json")
    make(tmp_path / "Done" / "c.json")
    make(tmp_path / "Error" / "d.json")
    scanner = FolderScanner(folder, ["*.json"])
    assert sorted(p.name for p in scanner.scan()) == ["a.json", "b.json"]
    assert not scanner.matches(tmp_path / "Done" / "x.json")
    assert scanner.matches(tmp_path / "line1" / "x.json")


def test_polling_override_and_local_detection(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path)
    assert FolderScanner(FolderConfig(path=tmp_path, observer="polling"), ["*"]).polling
    assert not FolderScanner(FolderConfig(path=tmp_path, observer="native"), ["*"]).polling


def test_missing_folder_scans_empty(tmp_path: Path) -> None:
    scanner = FolderScanner(FolderConfig(path=tmp_path / "nope"), ["*.json"])
    assert list(scanner.scan()) == []


def test_fit_name_shortens_keeping_the_extension_and_uniqueness() -> None:
    from pywats.station._files import fit_name

    assert fit_name("short.json") == "short.json"
    a = fit_name("A" * 300 + "1.json", 255)
    b = fit_name("A" * 300 + "2.json", 255)
    assert a != b
    assert a.endswith(".json")
    assert len(a.encode()) <= 255
    assert len(fit_name("é" * 200 + ".json", 255, reserve=10).encode()) <= 245


@pytest.mark.parametrize("key", ["done", "error"])
def test_done_or_error_folder_equal_to_the_watched_folder_is_refused(
    tmp_path: Path, key: str
) -> None:
    # Moved files would be found again and moved again (a.1.json, a.1.1.json, ...) for ever.
    from pywats.station.config import ConfigError

    inbox = tmp_path / "in"
    inbox.mkdir()
    link = tmp_path / "link"
    link.symlink_to(inbox)
    for same in (inbox, link, inbox / "."):
        folder = FolderConfig(path=inbox, observer="polling", **{key: same})
        with pytest.raises(ConfigError, match=f"{key} folder"):
            FolderScanner(folder, ["*.json"])
    FolderScanner(FolderConfig(path=inbox, observer="polling", done=inbox, post_action="keep"), [])

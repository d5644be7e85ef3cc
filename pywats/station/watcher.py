"""Finding result files: events are hints, the scan is the truth.

Each watched folder is scanned in full on a timer (every ``poll_seconds`` for polled folders,
every ``rescan_seconds`` for natively watched ones). Where native events work, an observer
(:mod:`pywats.station._events`: inotify read by the event loop, else watchdog) hands changed
paths to the service between scans, so files are found at once; on
network shares (where inotify and ReadDirectoryChangesW miss changes made by other machines)
polling is used instead — detected automatically, or forced per folder.

A file found is *tracked* until it is complete: its size and mtime unchanged for
``stable_seconds``, its mtime at least ``min_age_seconds`` old, and no other process holding a
lock on it. Only then is it handed to a converter.
"""

from __future__ import annotations

import enum
import fnmatch
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from pywats.station._events import NativeObserver
from pywats.station.config import ConfigError, FolderConfig

__all__ = [
    "Completeness",
    "FileState",
    "FolderScanner",
    "NativeObserver",
    "is_network_path",
]

log = logging.getLogger("pywats.station")

_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "davfs",
    "fuse.rclone",
    "fuse.s3fs",
}


class FileState(enum.Enum):
    """What the completeness check says about a tracked file."""

    READY = "ready"
    """Complete: convert it now."""
    WAITING = "waiting"
    """Still changing or too young."""
    LOCKED = "locked"
    """Another process holds a lock on it (or it cannot be opened yet)."""
    GONE = "gone"
    """It disappeared (moved away by someone else)."""
    REFUSED = "refused"
    """Not a regular file (a FIFO, a device, a folder), or a symlink the folder does not follow."""


@attrs.define
class _Seen:
    size: int
    mtime_ns: int
    since: float


class Completeness:
    """Decides when a file is complete: size and mtime stable, old enough, not locked.

    Args:
        stable_seconds: how long size and mtime must stay unchanged.
        min_age_seconds: how old (by mtime) the file must be.
    """

    def __init__(self, stable_seconds: float, min_age_seconds: float) -> None:
        self.stable_seconds = stable_seconds
        self.min_age_seconds = min_age_seconds
        self._seen: dict[Path, _Seen] = {}

    def __contains__(self, path: object) -> bool:
        return path in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def tracked(self) -> list[Path]:
        return list(self._seen)

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def size_of(self, path: Path) -> int | None:
        """The size ``path`` had when it was last looked at (None when not tracked)."""
        seen = self._seen.get(path)
        return None if seen is None else seen.size

    def settles_at(self, path: Path) -> float:
        """The earliest time ``path``, unchanged, can be stable (-inf when not seen yet).

        Looking again before then can only find it waiting or changed, and a change seen
        later still resets its stable time: a caller may skip the file until then.
        """
        seen = self._seen.get(path)
        return float("-inf") if seen is None else seen.since + self.stable_seconds

    def check(self, path: Path, now: float, *, follow_symlinks: bool = False) -> FileState:
        """Look at ``path`` once; ``now`` is Unix time (the clock mtimes use).

        Only regular files are ever opened: ``lstat`` first, so a FIFO (whose open blocks
        until a writer comes) or a device is refused before anything touches it, and a
        symlink is refused unless the folder follows symlinks.
        """
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode) and follow_symlinks:
                st = os.stat(path)
        except FileNotFoundError:
            self._seen.pop(path, None)
            return FileState.GONE
        except OSError:
            return FileState.LOCKED
        if not stat.S_ISREG(st.st_mode):
            self._seen.pop(path, None)
            return FileState.REFUSED
        seen = self._seen.get(path)
        if seen is not None and seen.since > now:
            seen.since = now  # the wall clock stepped back: count the stable time again
        if seen is None or seen.size != st.st_size or seen.mtime_ns != st.st_mtime_ns:
            self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, now)
            if self.stable_seconds > 0:
                return FileState.WAITING
            seen = self._seen[path]
        if now - seen.since < self.stable_seconds:
            return FileState.WAITING
        age = now - st.st_mtime_ns / 1e9
        if age < 0:
            # An mtime in the future (a share's clock ahead, our clock stepped back) would hold
            # the file until our clock caught up: count its age from when we first saw it.
            age = now - seen.since
        if age < self.min_age_seconds:
            return FileState.WAITING
        if is_locked(path, follow_symlinks=follow_symlinks):
            return FileState.LOCKED
        return FileState.READY


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def is_locked(path: Path, *, follow_symlinks: bool = False) -> bool:
    """Whether another process holds the file (a lock, or a sharing mode that refuses reads).

    Opened non-blocking (a FIFO swapped in since the last look cannot hang the caller) and,
    unless the folder follows symlinks, without following one; anything that turns out not
    to be a regular file counts as locked (the next look refuses it).
    """
    flags = _OPEN_FLAGS | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # Windows: opened by the writer without read sharing; or a symlink
    handle = os.fdopen(fd, "rb")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return True
        if sys.platform != "win32":
            import fcntl

            fd = handle.fileno()
            # flock() and POSIX record locks are separate on Linux: probe both.
            for probe in (fcntl.flock, fcntl.lockf):
                try:
                    probe(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    return True
                except OSError:
                    continue  # this kind of lock is not supported on this filesystem
                probe(fd, fcntl.LOCK_UN)
        return False
    finally:
        handle.close()


def is_network_path(path: Path) -> bool:
    """Best-effort: whether ``path`` lives on a network filesystem (where events are missed)."""
    text = str(path)
    if sys.platform == "win32":
        if text.startswith("\\\\"):
            return True
        try:
            import ctypes

            drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
        except Exception:
            return False
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    resolved = os.path.realpath(text)
    best, fstype = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, fstype = point, parts[2]
    return fstype in _NETWORK_FS


class FolderScanner:
    """Lists the candidate files of one watched folder.

    Args:
        folder: the folder's configuration.
        patterns: the glob patterns to match (the folder's own, else the converter's).
    """

    def __init__(self, folder: FolderConfig, patterns: Iterable[str]) -> None:
        # A done or error folder that is the watched folder itself: every file moved there is
        # found again and moved again (a.1.json, a.1.1.json, ...) for ever.
        root = os.path.realpath(folder.path)
        targets = [("error", folder.error_dir)]
        if folder.post_action in ("move", "zip"):
            targets.append(("done", folder.done_dir))
        for key, target in targets:
            if os.path.realpath(target) == root:
                raise ConfigError(
                    f"folders.{key} = {str(target)!r} is the watched folder {str(folder.path)!r}:"
                    f" files moved there would be taken again; use a separate {key} folder"
                    f" (default {key.capitalize()}/ inside it)"
                )
        self.folder = folder
        self.patterns = tuple(p.lower() for p in patterns) or ("*",)
        self._skip = {
            os.path.normcase(os.path.abspath(p)) for p in (folder.done_dir, folder.error_dir)
        }
        # The same folders as seen from the watched path (one of them named through a
        # symlink): scanned paths start with the watched path, so compare in its terms.
        real_root = os.path.realpath(folder.path)
        for target in (folder.done_dir, folder.error_dir):
            try:
                rel = os.path.relpath(os.path.realpath(target), real_root)
            except ValueError:  # Windows: another drive, so not inside the watched folder
                continue
            if rel != os.curdir and not rel.startswith(os.pardir):
                self._skip.add(os.path.normcase(os.path.abspath(os.path.join(folder.path, rel))))
        self._links_warned: set[str] = set()
        self.polling = folder.observer == "polling" or (
            folder.observer == "auto" and is_network_path(folder.path)
        )

    def matches(self, path: Path) -> bool:
        name = path.name
        if name.startswith((".", "~$")) or name.endswith(".error.txt"):
            return False
        lowered = name.lower()
        if not any(fnmatch.fnmatchcase(lowered, pattern) for pattern in self.patterns):
            return False
        return self.owns(path)

    def owns(self, path: Path) -> bool:
        """Whether ``path`` is inside this folder (and not in its done/error folders)."""
        parent = os.path.normcase(os.path.abspath(path.parent))
        root = os.path.normcase(os.path.abspath(self.folder.path))
        if self.folder.recursive:
            if not (parent == root or parent.startswith(root + os.sep)):
                return False
            return not any(parent == s or parent.startswith(s + os.sep) for s in self._skip)
        return parent == root

    def scan(self) -> Iterator[Path]:
        """Yield matching files (a missing folder yields nothing; the service warns)."""
        stack = [self.folder.path]
        while stack:
            current = stack.pop()
            try:
                entries = list(os.scandir(current))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if self.folder.recursive:
                            key = os.path.normcase(os.path.abspath(entry.path))
                            if key not in self._skip:
                                stack.append(Path(entry.path))
                        continue
                    if not entry.is_file(follow_symlinks=self.folder.follow_symlinks):
                        if entry.is_symlink() and self.matches(Path(entry.path)):
                            self._skipped_link(entry.path)
                        continue
                except OSError:
                    continue
                path = Path(entry.path)
                if self.matches(path):
                    yield path

    def accepts(self, path: Path) -> bool:
        """Whether ``path`` (from an event) is a file this folder takes: matching, regular."""
        if not self.matches(path):
            return False
        try:
            st = os.stat(path) if self.folder.follow_symlinks else os.lstat(path)
        except OSError:
            return False
        if stat.S_ISLNK(st.st_mode):
            self._skipped_link(str(path))
        return stat.S_ISREG(st.st_mode)

    def _skipped_link(self, path: str) -> None:
        if path in self._links_warned:
            return
        if len(self._links_warned) > 10_000:  # bounded over months of files
            self._links_warned.clear()
        self._links_warned.add(path)
        log.warning(
            "skipping %r: it is a symlink, and symlinks are not followed in %s (set"
            " follow_symlinks = true on the folder to take them)",
            path,
            self.folder.path,
        )

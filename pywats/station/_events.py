"""Native file events for the watched folders: hints that a file appeared or completed.

::

    Linux, folder not recursive:  inotify fd ──(event loop reader)──► notify(path)
    elsewhere (recursive, Windows, macOS, no running loop):
        watchdog observer (its threads) ──────────────────────────────► notify(path)

Events are hints, the scan is the truth (a missed event costs a wait until the next rescan,
never a file). On Linux a flat folder is watched through inotify directly: the event loop
reads the descriptor when it is readable and passes on the names, with no thread and no
per-event objects. watchdog's inotify observer runs three threads per observer and pairs
every rename (test equipment writes a hidden file and renames it) through a queue searched
linearly; in a burst of 1,000 files that was 10-13 % of the service's CPU. Recursive folders
(new subfolders need watches of their own) and other platforms keep watchdog.

A watched folder deleted, moved away or unmounted loses its inotify watch (a folder made again
at its path would get no events until the rescan): its path is polled meanwhile, and once a
folder is there again it is watched again and the files it already holds are hinted. Under
watchdog (recursive folders), a deleted folder is polled until the service restarts or reloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import struct
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats.station.watcher import FolderScanner

__all__ = ["NativeObserver"]

log = logging.getLogger("pywats.station")

# <sys/inotify.h>: what makes a file appear or complete (created, closed after writing,
# renamed in), as with watchdog below; the kernel adds the last three by itself.
_IN_CLOSE_WRITE = 0x00000008
_IN_MOVED_TO = 0x00000080
_IN_CREATE = 0x00000100
_IN_DELETE_SELF = 0x00000400
_IN_MOVE_SELF = 0x00000800
_IN_UNMOUNT = 0x00002000
_IN_Q_OVERFLOW = 0x00004000
_IN_IGNORED = 0x00008000
_IN_ONLYDIR = 0x01000000
_IN_ISDIR = 0x40000000
# The watched folder itself deleted, moved away or unmounted: its watch is gone (IN_IGNORED) or
# follows the folder elsewhere (IN_MOVE_SELF), and a folder made again at its path is unwatched.
_GONE = _IN_DELETE_SELF | _IN_MOVE_SELF | _IN_UNMOUNT | _IN_IGNORED
_MASK = _IN_CLOSE_WRITE | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE_SELF | _IN_MOVE_SELF
_REARM_SECONDS = 1.0  # how often a lost folder is looked for again (one failed syscall each)
_HEAD = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of NUL-padded name
_READ_BYTES = 64 * 1024


def _poll_instead(scanner: FolderScanner, exc: OSError) -> FolderScanner:
    """Mark ``scanner``'s folder for polling because its native events failed (and say so)."""
    log.warning(
        "native events unavailable for %s (%s); polling it instead", scanner.folder.path, exc
    )
    scanner.polling = True
    return scanner


class _Inotify:
    """One inotify descriptor read by the event loop; flat folders only."""

    def __init__(self, loop: asyncio.AbstractEventLoop, notify: Callable[[Path], None]) -> None:
        import ctypes

        self._libc = ctypes.CDLL(None, use_errno=True)
        fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self.fd: int = fd
        self._loop = loop
        self._notify = notify
        self._folders: dict[int, FolderScanner] = {}
        self._lost: list[FolderScanner] = []
        self._rearm_timer: asyncio.TimerHandle | None = None
        try:
            loop.add_reader(fd, self._read)
        except BaseException:
            os.close(fd)
            raise

    def watch(self, scanner: FolderScanner) -> None:
        import ctypes

        folder = os.fsencode(scanner.folder.path)
        wd = self._libc.inotify_add_watch(self.fd, folder, _MASK | _IN_ONLYDIR)
        if wd < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno), str(scanner.folder.path))
        self._folders[wd] = scanner

    def _read(self) -> None:
        try:
            data = os.read(self.fd, _READ_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:  # the descriptor broke: the rescans carry on alone
            log.warning("native file events stopped (%s); relying on the rescan", exc)
            self.close()
            return
        self.dispatch(data)

    def dispatch(self, data: bytes) -> None:
        """Pass on the files named in a read of inotify events (hidden names skipped)."""
        offset, end = 0, len(data)
        while offset + _HEAD.size <= end:
            wd, mask, _cookie, length = _HEAD.unpack_from(data, offset)
            name = data[offset + _HEAD.size : offset + _HEAD.size + length].rstrip(b"\0")
            offset += _HEAD.size + length
            if mask & _IN_Q_OVERFLOW:
                self._overflowed()
                continue
            scanner = self._folders.get(wd)
            if scanner is not None and mask & _GONE:
                self._lose(wd, scanner, mask)
                continue
            if scanner is None or mask & _IN_ISDIR or not name:
                continue
            if name.startswith((b".", b"~$")):  # a writer's temporary file (never taken)
                continue
            self._notify(scanner.folder.path / os.fsdecode(name))

    def _lose(self, wd: int, scanner: FolderScanner, mask: int) -> None:
        # The folder went (deleted, moved away, unmounted): poll its path, which finds files
        # in a folder made there again, until the watch is set again on what is there.
        del self._folders[wd]
        if mask & _IN_MOVE_SELF:  # the watch follows the folder: drop it (IN_IGNORED follows)
            self._libc.inotify_rm_watch(self.fd, wd)
        self._lost.append(_poll_instead(scanner, FileNotFoundError(2, "the folder went away")))
        self._schedule_rearm()

    def lost(self) -> list[FolderScanner]:
        """The folders whose watch went with them, polled until they are back."""
        return list(self._lost)

    def _schedule_rearm(self) -> None:
        if self._rearm_timer is None and self._lost and self.fd >= 0:
            self._rearm_timer = self._loop.call_later(_REARM_SECONDS, self._rearm)

    def _rearm(self) -> None:
        """Watch the lost folders that are back; then hint the files they hold already."""
        self._rearm_timer = None
        if self.fd < 0:
            return
        lost, self._lost = self._lost, []
        for scanner in lost:
            try:
                self.watch(scanner)
            except OSError:
                self._lost.append(scanner)  # not back yet (or not a folder): polled meanwhile
                continue
            scanner.polling = False
            log.info("watching %s with native events again", scanner.folder.path)
            # Files that came between the folder's return and its watch made no event, and the
            # polling that stops now may not have seen them: hint them (the watch is set first).
            for path in scanner.scan():
                self._notify(path)
        self._schedule_rearm()

    def _overflowed(self) -> None:
        # The kernel dropped events (a burst past fs.inotify.max_queued_events): look at the
        # folders now rather than wait for the periodic rescan.
        log.info("too many file events at once; scanning the watched folders")
        for scanner in self._folders.values():
            for path in scanner.scan():
                self._notify(path)

    def close(self) -> None:
        if self._rearm_timer is not None:
            self._rearm_timer.cancel()
            self._rearm_timer = None
        if self.fd < 0:
            return
        with contextlib.suppress(RuntimeError):  # the loop is closed already
            self._loop.remove_reader(self.fd)
        os.close(self.fd)
        self.fd = -1


def _inotify(notify: Callable[[Path], None]) -> _Inotify | None:
    """An inotify reader on the running loop, or None where that is not possible."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    try:
        return _Inotify(loop, notify)
    except (OSError, AttributeError, NotImplementedError) as exc:
        log.info("inotify unavailable (%s); using watchdog's observer", exc)
        return None


class NativeObserver:
    """Native events for the folders that are not polled; events become hints.

    Args:
        notify: called with a changed path, from the event loop's thread (inotify) or from
            watchdog's thread (must be thread-safe).
    """

    def __init__(self, notify: Callable[[Path], None]) -> None:
        self._notify = notify
        self._observer: Any = None
        self._inotify: _Inotify | None = None
        self._watchdog_lost: list[FolderScanner] = []

    def start(self, scanners: Iterable[FolderScanner]) -> list[FolderScanner]:
        """Watch every non-polling folder; return those that fell back to polling."""
        rest: list[FolderScanner] = []
        fallback: list[FolderScanner] = []
        for scanner in scanners:
            if scanner.polling:
                continue
            if scanner.folder.recursive:
                rest.append(scanner)
                continue
            if self._inotify is None:
                self._inotify = _inotify(self._notify)
                if self._inotify is None:
                    rest.append(scanner)
                    continue
            try:
                scanner.folder.path.mkdir(parents=True, exist_ok=True)
                self._inotify.watch(scanner)
            except OSError as exc:
                fallback.append(_poll_instead(scanner, exc))
        if rest:
            fallback.extend(self._start_watchdog(rest))
        return fallback

    def _start_watchdog(self, scanners: list[FolderScanner]) -> list[FolderScanner]:
        from watchdog.events import (
            DirDeletedEvent,
            FileClosedEvent,
            FileCreatedEvent,
            FileDeletedEvent,
            FileMovedEvent,
            FileSystemEvent,
            FileSystemEventHandler,
        )
        from watchdog.observers import Observer

        # However the process logs (service, demo, tests), an event that races watchdog's own
        # shutdown must not reach an operator as an error: nothing is lost, the rescan finds it.
        logging.getLogger("watchdog.observers.inotify").addFilter(_quiet_watchdog_shutdown)
        notify = self._notify
        roots = {_key(scanner.folder.path): scanner for scanner in scanners}
        lost = self._watchdog_lost

        class _Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.event_type == "deleted":
                    # A watched folder itself deleted: watchdog stops its watch, and a folder
                    # made again there would get no events: poll it (until the next start).
                    gone = roots.get(_key(event.src_path))
                    if gone is not None and not gone.polling:
                        lost.append(_poll_instead(gone, FileNotFoundError(2, "it went away")))
                    return
                if event.is_directory:
                    return
                target = getattr(event, "dest_path", "") or event.src_path
                if isinstance(target, bytes):
                    target = os.fsdecode(target)
                notify(Path(target))

        fallback: list[FolderScanner] = []
        observer = Observer()
        handler = _Handler()
        for scanner in scanners:
            try:
                scanner.folder.path.mkdir(parents=True, exist_ok=True)
                observer.schedule(
                    handler,
                    str(scanner.folder.path),
                    recursive=scanner.folder.recursive,
                    # What makes a file appear or complete: created, closed after writing,
                    # renamed in. Not each write (thousands for one big file; a tracked file's
                    # size is watched anyway), not opens and reads (the service's own lock
                    # probes and conversions would hint every file again). Deletions only
                    # to see the watched folder itself go.
                    event_filter=[
                        FileCreatedEvent,
                        FileClosedEvent,
                        FileMovedEvent,
                        FileDeletedEvent,
                        DirDeletedEvent,
                    ],
                )
            except OSError as exc:
                fallback.append(_poll_instead(scanner, exc))
        observer.daemon = True
        try:
            observer.start()
        except OSError as exc:  # e.g. the inotify instance limit: poll everything
            log.warning("native file events unavailable (%s); polling every folder", exc)
            for scanner in scanners:
                if not scanner.polling:
                    scanner.polling = True
                    fallback.append(scanner)
            return fallback
        self._observer = observer
        return fallback

    def stop(self) -> None:
        if self._inotify is not None:
            for scanner in self._inotify.lost():
                scanner.polling = False  # polled only while lost: the next observer watches it
            self._inotify.close()
            self._inotify = None
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
        for scanner in self._watchdog_lost:
            scanner.polling = False
        self._watchdog_lost.clear()


def _key(path: str | bytes | Path) -> str:
    return os.path.normcase(os.path.abspath(os.fsdecode(path)))


def _quiet_watchdog_shutdown(record: logging.LogRecord) -> bool:
    return "called when the thread is inactive" not in record.getMessage()

"""The intake: find result files in the watched folders and take the complete ones.

Events are hints, the scan is the truth: watchers call :meth:`Intake.hint`, every folder is
rescanned periodically, and a file is taken only when it is complete (size and mtime stable,
minimum age). Complete files go through the commit protocol (:mod:`pywats.station.commit`)
in batches. The intake also keeps the disk floor (it pauses below ``min_free_mb``) and purges
delivered rows past their retention.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pywats.station import _files
from pywats.station._threads import run_in_thread
from pywats.station.commit import Committer, Converted, WatchedFolder
from pywats.station.config import ConfigError, StationConfig
from pywats.station.converters import Converter
from pywats.station.queue import ReportQueue
from pywats.station.watcher import Completeness, FileState, FolderScanner

__all__ = ["Intake"]

log = logging.getLogger("pywats.station")

_FILE_RETRY_SECONDS = 30.0  # a file that cannot be read, committed or moved waits this long
_FIND_TIMEOUT = 300.0  # a look at the folders taking longer is reported (and not repeated)
_AHEAD = 16  # conversions under way at once (the pool runs as many as it has workers)


class Intake:
    """The watched folders and the files found in them, from found to committed.

    Args:
        config: the instance's settings.
        queue: the durable queue.
        converters: one converter per folder in ``config.folders`` (same order).
        station_name: the ``machineName`` for reports that carry none.
        clock: Unix time.
        stopping: says whether the service is stopping (a pass ends between batches).
        on_taken: called each time reports are committed (wakes the uploader).
    """

    def __init__(
        self,
        config: StationConfig,
        *,
        queue: ReportQueue,
        converters: Sequence[Converter],
        station_name: str,
        clock: Callable[[], float],
        stopping: Callable[[], bool] = lambda: False,
        on_taken: Callable[[], None] = lambda: None,
    ) -> None:
        self.config = config
        self.queue = queue
        self.clock = clock
        self.stopping = stopping
        self.on_taken = on_taken
        self.folders = [
            WatchedFolder(folder, conv, FolderScanner(folder, folder.patterns or conv.patterns))
            for folder, conv in zip(config.folders, converters, strict=True)
        ]
        for watched in self.folders:
            # A typo in [folders.parameters] fails the start, naming the known parameters,
            # instead of being ignored on every file.
            check = getattr(watched.converter, "check_parameters", None)
            if callable(check):
                try:
                    check(watched.config.parameters)
                except ConfigError as exc:
                    raise ConfigError(f"folder {watched.config.path}: {exc}") from None
        self.completeness = Completeness(config.stable_seconds, config.min_age_seconds)
        self.committer = Committer(self, config, queue, station_name, clock)
        self.paused = ""
        """Why intake is paused (low disk), or ''."""
        self.operator_paused = False
        """An operator paused intake (``wats pause``): files wait in their folders."""
        self.lock = asyncio.Lock()
        self._owner: dict[Path, WatchedFolder] = {}
        self._hints: set[Path] = set()
        self._kept: dict[Path, tuple[int, int]] = {}
        self._retry_at: dict[Path, float] = {}
        self._locked_since: dict[Path, float] = {}
        self._last_purge = float("-inf")
        self._last_disk_warning = float("-inf")
        self._finding = False

    def announce(self) -> None:
        """Log, at start, what is watched and what the settings leave to the reports."""
        from pywats.config import warn_unverified

        if self.config.verify is False:
            warn_unverified()  # here, once the log file is set up, not while reading config
        missing = [key for key in ("location", "purpose") if not getattr(self.config, key)]
        if missing:
            log.warning(
                "[station] %s not set: reports that do not carry %s themselves will be refused"
                " and moved to the error folder",
                " and ".join(missing),
                "it" if len(missing) == 1 else "them",
            )
        for folder in self.folders:
            mode = "polling" if folder.scanner.polling else "native events + rescan"
            log.info(
                "watching %s (%s, converter %s, post action %s)",
                folder.config.path,
                mode,
                folder.converter.name,
                folder.config.post_action,
            )

    @property
    def files_waiting(self) -> int:
        """Files found and not yet taken (being written, or waiting to settle)."""
        return len(self._owner)

    async def intake_pass(self, now: float, *, rescan: bool = False) -> int:
        """Find files, take the complete ones; return how many files were taken.

        Looking at the folders (scan, stat, lock probes, free space) runs in a worker thread:
        no file I/O that could block (a hung share) runs on the event loop, which keeps the
        uploads, the endpoint and SIGTERM responsive.
        """
        async with self.lock:  # a reload swaps folders between passes, never inside one
            return await self._pass(now, rescan=rescan)

    async def _pass(self, now: float, *, rescan: bool) -> int:
        if self.operator_paused:
            return 0
        if self._finding:
            return 0  # the last look is still running (a share that hangs): not a second one
        hints, self._hints = self._hints, set()
        self._finding = True
        try:
            found = await run_in_thread(
                lambda: self._find_ready(now, rescan, hints), _FIND_TIMEOUT, "intake scan"
            )
        except TimeoutError:
            log.warning(
                "looking at the watched folders took more than %g s (a network share that"
                " does not answer?); trying again when it returns",
                _FIND_TIMEOUT,
            )
            return 0
        return 0 if found is None else await self._take(found, now)

    def _find_ready(
        self, now: float, rescan: bool, hints: set[Path]
    ) -> list[tuple[Path, WatchedFolder]] | None:
        """In a worker thread: scan, check completeness; the files ready (None: low disk)."""
        try:
            return self._look(now, rescan, hints)
        finally:
            self._finding = False

    def _look(
        self, now: float, rescan: bool, hints: set[Path]
    ) -> list[tuple[Path, WatchedFolder]] | None:
        if self._low_disk(now):
            return None
        for folder in self.folders:
            interval = (
                self.config.poll_seconds if folder.scanner.polling else self.config.rescan_seconds
            )
            # now < last_scan: the wall clock stepped back; scan rather than wait it out.
            if rescan or now - folder.last_scan >= interval or now < folder.last_scan:
                folder.last_scan = now
                self._scan(folder, now)
        for path in hints:
            self._consider(path, now)
        ready: list[tuple[Path, WatchedFolder]] = []
        for path in list(self._owner):
            # A file still settling is not looked at again before it can have settled (a
            # burst tracks thousands): a hint (it changed) or a scan looks at it at once.
            # (A wall clock that stepped back is looked at, and the check starts it again.)
            settles_at = self.completeness.settles_at(path)
            settling = settles_at - self.completeness.stable_seconds <= now < settles_at
            if settling and not rescan and path not in hints:
                continue
            folder = self._owner[path]
            state = self.completeness.check(
                path, now, follow_symlinks=folder.config.follow_symlinks
            )
            if state is FileState.REFUSED:
                log.warning(
                    "skipping %r: not a regular file (a pipe, a device or a symlink)",
                    _files.printable(path),
                )
                self.forget(path)
            elif state is FileState.READY:
                self._locked_since.pop(path, None)
                ready.append((path, self._owner[path]))
            elif state is FileState.GONE:
                self.forget(path)
            elif state is FileState.LOCKED:
                since = self._locked_since.setdefault(path, now)
                if now - since > 300 and int(now - since) % 300 < self.config.poll_seconds:
                    log.warning(
                        "%s has been locked by another program for %.0f s", path, now - since
                    )
        return ready

    async def _take(self, ready: list[tuple[Path, WatchedFolder]], now: float) -> int:
        """Convert the ready files, commit them as they come; return how many were taken.

        A pipeline: up to :data:`_AHEAD` conversions are under way at once, and what has been
        converted is committed in one transaction while the next files convert (group
        commit). A commit and the post actions after it run in a worker thread, so an fsync
        or a slow rename stalls neither the conversions nor the uploads. Stopping ends the
        pass once the files under way are committed.
        """
        taken = 0
        queued = iter(ready)
        converting: dict[asyncio.Future[Converted | None], Path] = {}
        converted: list[Converted] = []
        committing: asyncio.Future[int] | None = None
        try:
            while True:
                while len(converting) < _AHEAD and not self.stopping():
                    entry = next(queued, None)
                    if entry is None:
                        break
                    path, folder = entry
                    converting[asyncio.ensure_future(self.committer.convert(path, folder, now))] = (
                        path
                    )
                if committing is None and converted:
                    batch, converted = converted, []
                    committing = asyncio.ensure_future(
                        asyncio.to_thread(self.committer.commit, batch)
                    )
                waiting: set[asyncio.Future[Any]] = set(converting)
                if committing is not None:
                    waiting.add(committing)
                if not waiting:
                    break
                done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
                if committing is not None and committing in done:
                    committed = committing.result()
                    committing = None
                    if committed:
                        taken += committed
                        self.on_taken()  # these go now, not when the whole pass is done
                for task in done:
                    path = converting.pop(task, None)  # type: ignore[arg-type]
                    if path is None:
                        continue
                    exc = task.exception()
                    if exc is not None:  # a bug must not stall the other files
                        log.error("taking %s failed", _files.printable(path), exc_info=exc)
                        self.retry_later(path, now, f"could not take {_files.printable(path)}")
                    elif isinstance(result := task.result(), Converted):
                        converted.append(result)
        finally:
            for task in converting:  # cancelled (shutdown): nothing of theirs was committed
                task.cancel()
        spooled = self._take_spool()
        if spooled:
            taken += spooled
            self.on_taken()
        self._purge(now)
        return taken

    def _scan(self, folder: WatchedFolder, now: float) -> None:
        path = folder.config.path
        if not path.is_dir():
            if not folder.missing_warned:
                log.warning("watched folder %s does not exist (yet)", path)
                folder.missing_warned = True
            return
        folder.missing_warned = False
        seen: set[Path] = set()
        for file in folder.scanner.scan():
            seen.add(file)
            if file not in self._owner:
                self._track(file, folder, now)
        # Forget what no longer exists, so memory stays flat over months of files.
        for kept in [p for p in self._kept if folder.scanner.owns(p) and p not in seen]:
            del self._kept[kept]
        # A hold further out than it can be was set before the wall clock stepped back.
        late = now + _FILE_RETRY_SECONDS
        for waiting in [p for p, due in self._retry_at.items() if due <= now or due > late]:
            del self._retry_at[waiting]

    def _consider(self, path: Path, now: float) -> None:
        if path in self._owner:
            return
        for folder in self.folders:
            if folder.scanner.accepts(path):
                self._track(path, folder, now)
                return

    def _track(self, path: Path, folder: WatchedFolder, now: float) -> None:
        if self._retry_at.get(path, 0.0) > now:
            return
        kept = self._kept.get(path)
        if kept is not None:
            try:
                st = path.stat()
            except OSError:
                return
            if kept == (st.st_size, st.st_mtime_ns):
                return  # post action "keep": already handled, unchanged since
        self._owner[path] = folder

    def waiting_by_folder(self) -> dict[int, int]:
        """Files waiting to settle, by ``id()`` of their folder."""
        counts: dict[int, int] = {}
        for folder in self._owner.values():
            counts[id(folder)] = counts.get(id(folder), 0) + 1
        return counts

    def tracked_outside(self, folders: list[WatchedFolder]) -> list[Path]:
        """Files being watched for completeness that belong to none of ``folders``."""
        return [path for path, folder in self._owner.items() if folder not in folders]

    def track_again(self, path: Path, folder: WatchedFolder) -> None:
        """Watch ``path`` again (it changed while it was being converted)."""
        self._owner[path] = folder

    def keep(self, path: Path, st: os.stat_result) -> None:
        """Remember a source left in place (post action ``keep``) so it is not taken again."""
        self._kept[path] = (st.st_size, st.st_mtime_ns)

    def forget(self, path: Path) -> None:
        self._owner.pop(path, None)
        self.completeness.forget(path)
        self._locked_since.pop(path, None)

    def hint(self, path: Path) -> None:
        """A watcher saw ``path`` change (call from the event loop thread)."""
        self._hints.add(path)

    def retry_later(self, path: Path, now: float, message: str) -> None:
        """Leave ``path`` where it is (nothing is lost) and look at it again later."""
        log.error("%s; trying again in %g s", message, _FILE_RETRY_SECONDS)
        self._retry_at[path] = now + _FILE_RETRY_SECONDS

    # -- housekeeping -------------------------------------------------------------------

    def _low_disk(self, now: float) -> bool:
        if self.config.min_free_mb <= 0:
            return False
        try:
            free = shutil.disk_usage(self.config.queue_path.parent).free / 1e6
        except OSError:
            return False
        if free >= self.config.min_free_mb:
            if self.paused:
                log.warning("disk space recovered (%.0f MB free): intake resumed", free)
            self.paused = ""
            return False
        self.paused = (
            f"only {free:.0f} MB free on the queue's disk (floor {self.config.min_free_mb:g} MB)"
        )
        if now - self._last_disk_warning >= 60:
            self._last_disk_warning = now
            log.warning(
                "INTAKE PAUSED: %s; files wait in their folders until space is freed",
                self.paused,
            )
        return True

    def _take_spool(self) -> int:
        # Reports a test-framework integration could not commit (pywats.integrations) wait
        # as WSJF files in <data>/spool; they join the queue here, as `wats queue push` does.
        from pywats.station.push import spool_dir, take_spool

        try:
            return take_spool(self.queue, spool_dir(self.config))
        except Exception:  # the queue is still unwritable: the files stay for the next pass
            log.exception("taking spooled reports into the queue failed")
            return 0

    def _purge(self, now: float) -> None:
        if now - self._last_purge < 3600:
            return
        self._last_purge = now
        if self.config.retention_days <= 0:
            return
        cutoff = now - self.config.retention_days * 86400
        purged = self.queue.purge_delivered(cutoff)
        self.queue.prune_sources(cutoff, os.path.exists)
        if purged:
            log.info(
                "purged %d delivered report(s) older than %g days",
                purged,
                self.config.retention_days,
            )

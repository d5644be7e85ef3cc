"""The commit protocol: convert one complete file, commit its reports, then move the file.

::

    complete? ──► hash + convert (worker process, timeout) ──► queue.add (one transaction,
        fsync) ──► post action (move | delete | zip | keep)

A crash before the commit leaves the source in place (it is converted again); a crash after it
leaves the reports queued *and* maybe the source (its content hash is recorded in the same
transaction, so it is not converted twice, and report ids dedupe anyway). A converter failure
moves the source to the error folder with ``<name>.error.txt`` beside it.
"""

from __future__ import annotations

import collections
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from pywats.station import _files
from pywats.station.config import FolderConfig, StationConfig
from pywats.station.converters import Converter
from pywats.station.converters.isolation import ConversionPool, Job, trim_memory
from pywats.station.queue import QueueEntry, ReportQueue
from pywats.station.reference import ProcessCodes, ReferenceCopy
from pywats.station.watcher import FolderScanner

if TYPE_CHECKING:
    from pywats.station.intake import Intake

__all__ = ["Committer", "Converted", "WatchedFolder", "check_post_folders"]

log = logging.getLogger("pywats.station")
_MAX_JOBS = 5000  # files a conversion worker takes before it is replaced


@attrs.define(eq=False)  # compared by identity: a reload tells kept folders from new ones
class WatchedFolder:
    """One watched folder at run time: its settings, converter and scanner."""

    config: FolderConfig
    converter: Converter
    scanner: FolderScanner
    last_scan: float = float("-inf")
    missing_warned: bool = False


@attrs.frozen
class _Stat:
    """The size and mtime a worker saw when it read the file."""

    st_size: int
    st_mtime_ns: int


@attrs.frozen
class Converted:
    path: Path
    folder: WatchedFolder
    digest: str
    reports: list[Mapping[str, Any]]
    detected_at: float
    read_stat: os.stat_result | _Stat | None = None
    """The file's size and mtime when it was read: a later change must not be moved away."""


class Committer:
    """Converts complete files and commits their reports; the intake decides what is complete.

    Args:
        intake: the file book keeper (tracks files again, holds them for a retry).
        config: the instance's settings.
        queue: the durable queue.
        station_name: the ``machineName`` for reports that carry none.
        clock: Unix time.
    """

    def __init__(
        self,
        intake: Intake,
        config: StationConfig,
        queue: ReportQueue,
        station_name: str,
        clock: Callable[[], float],
    ) -> None:
        self.intake = intake
        self.config = config
        self.queue = queue
        self.station_name = station_name
        self.clock = clock
        self.files_converted = 0
        self.files_failed = 0
        self.hung = 0
        self.conversions: collections.Counter[str] = collections.Counter()
        """Files converted, by converter name (for metrics)."""
        self.conversion_errors: collections.Counter[str] = collections.Counter()
        self.converted_by_folder: collections.Counter[Path] = collections.Counter()
        self.failed_by_folder: collections.Counter[Path] = collections.Counter()
        self.process_codes = ProcessCodes(ReferenceCopy(config.queue_path.parent))
        self.pool = ConversionPool(
            timeout=config.converter_timeout,
            max_bytes=int(config.max_file_mb * 1024 * 1024),
            memory_mb=config.converter_memory_mb,
            isolation=config.converter_isolation,
            workers=min(2, os.cpu_count() or 1),
            # A worker's start (an interpreter importing pywats) costs more CPU than a few
            # hundred small conversions: recycle by memory (recycle_mb), and by count only
            # now and then.
            max_jobs=_MAX_JOBS,
        )

    async def convert(
        self, path: Path, folder: WatchedFolder, detected_at: float
    ) -> Converted | None:
        """Convert one complete file in a worker; None when it went to the error folder."""
        size = self.intake.completeness.size_of(path)  # as found complete: no second stat
        self.intake.forget(path)
        name = folder.converter.name
        outcome = await self.pool.run(
            Job(
                path=str(path),
                converter=folder.converter,
                station_name=self.station_name,
                location=self.config.location,
                purpose=self.config.purpose,
                parameters=dict(folder.config.parameters),
                follow_symlinks=folder.config.follow_symlinks,
                processes=self.process_codes.get(),
            ),
            size=size,
        )
        for warning in outcome.warnings:
            log.warning("%s: %s", name, warning)
        kind = outcome.kind
        if kind == "ok":
            # The file is known by its path and content together (the source key): converters
            # read the name (JUnit's serial number) or the folder (<serial>/result.txt), so
            # identical bytes under two paths are two results.
            return Converted(
                path,
                folder,
                outcome.source_key,
                list(outcome.reports),
                detected_at,
                _Stat(outcome.size, outcome.mtime_ns),
            )
        if kind == "missing":
            if outcome.missing_path or not path.exists():
                return None  # taken away by someone else between the check and the read
            # The converter missed another file (a companion, a template): a converter error,
            # or the source would be re-tracked and fail silently on every scan.
            self.to_error(path, folder, f"{name} raised {outcome.reason}", detected_at)
        elif kind == "skipped":
            # Swapped for a pipe or a link since it was checked: never read, left alone.
            log.warning("skipping %r: %s", _files.printable(path), outcome.reason)
        elif kind == "permission":
            self.intake.retry_later(path, detected_at, outcome.reason)
        elif kind == "timeout":
            self.hung += 1
            self.to_error(path, folder, f"converter {name!r} {outcome.reason}", detected_at)
        elif kind in ("refused", "invalid"):
            if self._changed(path, [_Stat(outcome.size, outcome.mtime_ns)], folder):
                return None  # still being written after all: tracked again, not an error
            reason = f"{name}: {outcome.reason}" if kind == "refused" else outcome.reason
            self.to_error(path, folder, reason, detected_at)
        else:  # crashed, died: a converter bug, logged with what is known
            log.error("converter %s failed on %s\n%s", name, path, outcome.detail or outcome.reason)
            self.to_error(path, folder, f"{name} {outcome.reason}", detected_at)
        return None

    def commit(self, converted: list[Converted]) -> int:
        """Commit a batch of converted files in one transaction, then post-process each."""
        try:
            # A file committed before (a crash between its commit and its post action) adds
            # nothing; it is only post-processed below.
            self.queue.add_batch(
                [
                    QueueEntry(
                        reports=c.reports,
                        source=_files.printable(c.path),
                        source_sha256=c.digest,
                        converter=c.folder.converter.name,
                        detected_at=c.detected_at,
                    )
                    for c in converted
                ],
                now=self.clock(),
                skip_seen_sources=True,
            )
        except Exception as exc:  # disk full, I/O error: the sources stay; try again later
            if len(converted) > 1:
                # One file's reports may be the cause: commit the files one by one, so a bad
                # one does not hold back the others in its batch for ever.
                return sum(self.commit([c]) for c in converted)
            c = converted[0]
            if isinstance(exc, TypeError | ValueError):  # not JSON, not UTF-8: the file's fault
                reason = f"its reports cannot be stored in the queue: {exc}"
                self.to_error(c.path, c.folder, reason, c.detected_at)
            else:
                self.intake.retry_later(
                    c.path, c.detected_at, f"cannot commit reports of {c.path}: {exc}"
                )
            return 0
        # Committed (fsync'd): only now may the sources go away, unless they were rewritten
        # since they were read (the new content is taken again, not moved to Done unsent).
        for c in converted:
            if c.read_stat is not None and self._changed(c.path, [c.read_stat], c.folder):
                continue
            try:
                where = self._post_action(c.path, c.folder)
            except Exception as exc:  # not only OSError: one file must not stop the others
                if not isinstance(exc, OSError):
                    log.exception("post action on %s failed", _files.printable(c.path))
                self.intake.retry_later(
                    c.path,
                    c.detected_at,
                    f"reports of {c.path} are queued, but the {c.folder.config.post_action}"
                    f" failed: {exc}",
                )
                continue
            self.files_converted += 1
            self.conversions[c.folder.converter.name] += 1
            self.converted_by_folder[c.folder.config.path] += 1
            log.info("queued %d report(s) from %s%s", len(c.reports), c.path, where)
        if sum(len(getattr(r, "payload", "")) for c in converted for r in c.reports) > 4 << 20:
            trim_memory()  # a big report's JSON went to the queue: give its memory back
        return len(converted)

    def _changed(
        self, path: Path, before: Sequence[os.stat_result | _Stat], folder: WatchedFolder
    ) -> bool:
        try:
            now = path.stat()
        except OSError:
            return False
        if before and (now.st_size, now.st_mtime_ns) == (before[0].st_size, before[0].st_mtime_ns):
            return False
        log.info("%s changed while it was being converted; waiting for it to settle", path)
        self.intake.track_again(path, folder)
        return True

    def _post_action(self, path: Path, folder: WatchedFolder) -> str:
        action = folder.config.post_action
        if action == "move":
            return f", moved to {_files.move_unique(path, folder.config.done_dir)}"
        if action == "zip":
            zipped = _files.zip_to(
                path, folder.config.done_dir, follow_symlinks=folder.config.follow_symlinks
            )
            return f", zipped to {zipped}"
        if action == "delete":
            path.unlink()
            return ", source deleted"
        st = path.stat()
        self.intake.keep(path, st)
        return ", source kept"

    def to_error(self, path: Path, folder: WatchedFolder, reason: str, detected_at: float) -> None:
        """Move a file that cannot be converted to its folder's error folder, with the reason."""
        self.files_failed += 1
        self.conversion_errors[folder.converter.name] += 1
        self.failed_by_folder[folder.config.path] += 1
        try:
            target = _files.write_error(path, folder.config.error_dir, reason)
        except FileNotFoundError:
            return
        except OSError as exc:
            self.intake.retry_later(
                path, detected_at, f"cannot move {path} to the error folder: {exc}"
            )
            return
        log.error("could not convert %s (moved to %s): %s", path, target, reason)


def check_post_folders(folder: FolderConfig) -> None:
    """At start: a folder's Error/ (and Done/) must be real directories, not symlinks.

    A symlinked Error/ or Done/ would redirect the service's writes anywhere; the same check
    runs again before each move (:func:`pywats.station._files.check_folder`).

    Raises:
        ConfigError: naming the key and the path.
    """
    from pywats.station.config import ConfigError

    kinds = [("error", folder.error_dir)]
    if folder.post_action in ("move", "zip"):
        kinds.append(("done", folder.done_dir))
    for key, path in kinds:
        if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
            raise ConfigError(
                f"folders.{key} = {str(path)!r} is a symlink or not a directory: the service"
                " writes only into real directories; replace it with a folder"
            )

"""The station service: watched folders → converters → the durable queue → the server.

``StationService`` is built from its parts; ``StationService.from_instance("ict")`` wires them
from an instance's configuration. ``serve()`` is start → loops until stopped → shutdown, and
``tick(now)`` is one pass of everything (rescan, convert, upload due rows) that tests call.

The commit protocol, per file::

    complete? ──► hash + convert (worker thread, timeout) ──► queue.add (one transaction,
        fsync) ──► post action (move | delete | zip | keep)

A crash before the commit leaves the source in place (it is converted again); a crash after it
leaves the reports queued *and* maybe the source (its content hash is recorded in the same
transaction, so it is not converted twice, and report ids dedupe anyway). A converter failure
moves the source to the error folder with ``<name>.error.txt`` beside it.

Lifecycle: one process per instance (a file lock). The first SIGTERM/SIGINT stops intake and
lets in-flight uploads finish within ``shutdown_timeout``; a second exits at once. Rows still
``uploading`` then are returned to ``pending`` at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import logging.handlers
import os
import shutil
import signal
import socket
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import attrs

from pywats.config import warn_unverified
from pywats.station import _files
from pywats.station.config import ConfigError, FolderConfig, StationConfig, load_config
from pywats.station.converters import (
    ConversionError,
    Converter,
    ConverterContext,
    load_converter,
    report_to_dict,
)
from pywats.station.queue import QueueEntry, ReportQueue
from pywats.station.uploader import SdkSubmitter, Submitter, Uploader
from pywats.station.watcher import Completeness, FileState, FolderScanner, NativeObserver

__all__ = ["AlreadyRunningError", "StationService", "configure_logging"]

log = logging.getLogger("pywats.station")
T = TypeVar("T")

# Report ids derived for reports that come without one: stable per (file content, index),
# so converting the same file again yields the same ids and the queue dedupes them.
_ID_NAMESPACE = uuid.UUID("0c5f4a52-8a5e-4c47-9a1f-3f0f8e1f7d20")
_FILE_RETRY_SECONDS = 30.0  # a file that cannot be read, committed or moved waits this long


class AlreadyRunningError(RuntimeError):
    """Another process already runs this instance (its lock file is held)."""


@attrs.frozen
class _Converted:
    path: Path
    folder: _Folder
    digest: str
    reports: list[dict[str, Any]]
    detected_at: float
    read_stat: os.stat_result | None = None
    """The file's size and mtime when it was read: a later change must not be moved away."""


@attrs.define
class _Folder:
    config: FolderConfig
    converter: Converter
    scanner: FolderScanner
    last_scan: float = float("-inf")
    missing_warned: bool = False


async def run_in_thread(fn: Callable[[], T], timeout: float, name: str) -> T:
    """Run ``fn`` in a daemon thread and wait at most ``timeout`` seconds for it.

    A daemon thread, not an executor: a converter that hangs for ever must neither block the
    service's exit (executor threads are joined at interpreter exit) nor starve a pool.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    def work() -> None:
        try:
            value: Any = fn()
            error: BaseException | None = None
        except BaseException as exc:
            value, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop closed while we were hung
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=work, name=name, daemon=True).start()
    return await asyncio.wait_for(future, timeout)


class _HealthServer:
    """``GET /health`` on loopback: a JSON snapshot the event loop refreshes."""

    def __init__(self, port: int, snapshot: Callable[[], Mapping[str, Any]]) -> None:
        outer = snapshot

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.split("?")[0].rstrip("/") not in ("", "/health"):
                    self.send_error(404, "only /health is served")
                    return
                body = json.dumps(outer(), default=str).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return  # health probes would flood the service log

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/health"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="pywats-health", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def configure_logging(log_path: Path | None, *, console: bool = True) -> list[logging.Handler]:
    """Send the station's log to a rotating file (5 × 5 MB) and, if asked, to stderr."""
    logger = logging.getLogger("pywats")
    logger.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(message)s")
    handlers: list[logging.Handler] = []
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_path, maxBytes=5_000_000, backupCount=5, encoding="utf-8", errors="backslashreplace"
        )
        file_handler.setFormatter(fmt)
        handlers.append(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        handlers.append(stream)
    for handler in handlers:
        logger.addHandler(handler)
    return handlers


class StationService:
    """One station service instance, built from its parts.

    Args:
        config: the instance's settings.
        queue: the durable queue.
        submitter: sends one report to the server.
        converters: one converter per folder in ``config.folders`` (same order); loaded from
            the configuration when omitted.
        clock: Unix time.
    """

    def __init__(
        self,
        config: StationConfig,
        *,
        queue: ReportQueue,
        submitter: Submitter,
        converters: Sequence[Converter] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.queue = queue
        self.clock = clock
        self.uploader = Uploader(
            queue,
            submitter,
            concurrency=config.concurrency,
            ladder=config.retry_ladder,
            timeout=config.upload_timeout + 5.0,
            clock=clock,
        )
        if converters is None:
            converters = [load_converter(folder.converter) for folder in config.folders]
        self.folders = [
            _Folder(folder, conv, FolderScanner(folder, folder.patterns or conv.patterns))
            for folder, conv in zip(config.folders, converters, strict=True)
        ]
        self.completeness = Completeness(config.stable_seconds, config.min_age_seconds)
        # WATS names a station by its machine: the host name unless [station] name says else.
        self.station_name = config.station_name or socket.gethostname()[:100]
        self.state = "created"
        self.intake_paused = ""
        self.files_converted = 0
        self.files_failed = 0
        self.health_url: str | None = None
        self._owner: dict[Path, _Folder] = {}
        self._hints: set[Path] = set()
        self._kept: dict[Path, tuple[int, int]] = {}
        self._retry_at: dict[Path, float] = {}
        self._locked_since: dict[Path, float] = {}
        self._hung = 0
        self._last_purge = float("-inf")
        self._last_disk_warning = float("-inf")
        self._snapshot: dict[str, Any] = {}
        self._observer: NativeObserver | None = None
        self._health: _HealthServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake_intake: asyncio.Event | None = None
        self._wake_upload: asyncio.Event | None = None
        self._stop: asyncio.Event | None = None
        self._force: asyncio.Event | None = None
        self._record_service = False

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_config(
        cls, config: StationConfig, *, submitter: Submitter | None = None
    ) -> StationService:
        """Wire a service from settings (the SDK client unless ``submitter`` is given)."""
        if submitter is None:
            submitter = SdkSubmitter(
                config.server_url,
                config.token,
                timeout=config.upload_timeout,
                requests_per_minute=config.requests_per_minute,
                verify=config.verify,
            )
        return cls(config, queue=ReportQueue(config.queue_path), submitter=submitter)

    @classmethod
    def from_instance(
        cls, name: str, *, config_path: Path | None = None, server_url: str | None = None
    ) -> StationService:
        """Read instance ``name``'s configuration and wire its service."""
        return cls.from_config(load_config(name, path=config_path, server_url=server_url))

    # -- one pass ---------------------------------------------------------------------------

    async def tick(self, now: float | None = None) -> None:
        """One pass of everything: rescan, convert what is complete, upload what is due."""
        now = self.clock() if now is None else now
        await self.intake_pass(now, rescan=True)
        for _ in range(10_000):  # bounded: a zero-second ladder must not spin for ever
            if await self.uploader.upload_due(now) == 0:
                break
        self.refresh_snapshot()

    async def intake_pass(self, now: float, *, rescan: bool = False) -> int:
        """Find files, take the complete ones; return how many files were taken."""
        if self._low_disk(now):
            return 0
        for folder in self.folders:
            interval = (
                self.config.poll_seconds if folder.scanner.polling else self.config.rescan_seconds
            )
            # now < last_scan: the wall clock stepped back; scan rather than wait it out.
            if rescan or now - folder.last_scan >= interval or now < folder.last_scan:
                folder.last_scan = now
                self._scan(folder, now)
        hints, self._hints = self._hints, set()
        for path in hints:
            self._consider(path, now)
        ready: list[tuple[Path, _Folder]] = []
        for path in list(self._owner):
            state = self.completeness.check(path, now)
            if state is FileState.READY:
                self._locked_since.pop(path, None)
                ready.append((path, self._owner[path]))
            elif state is FileState.GONE:
                self._forget(path)
            elif state is FileState.LOCKED:
                since = self._locked_since.setdefault(path, now)
                if now - since > 300 and int(now - since) % 300 < self.config.poll_seconds:
                    log.warning(
                        "%s has been locked by another program for %.0f s", path, now - since
                    )
        taken = 0
        batch = 16  # files converted side by side and committed in one transaction
        for start in range(0, len(ready), batch):
            chunk = ready[start : start + batch]
            results = await asyncio.gather(
                *(self._convert(p, f, now) for p, f in chunk), return_exceptions=True
            )
            for (path, _), result in zip(chunk, results, strict=True):
                if isinstance(result, BaseException) and not isinstance(result, Exception):
                    raise result  # cancellation (shutdown): nothing was committed
                if isinstance(result, Exception):  # a bug must not stall the other files
                    log.error("taking %s failed", _files.printable(path), exc_info=result)
                    self._retry_later(path, now, f"could not take {_files.printable(path)}")
            taken += self._commit([r for r in results if isinstance(r, _Converted)])
            if self._stopping():
                break
        if taken and self._wake_upload is not None:
            self._wake_upload.set()
        self._purge(now)
        return taken

    def _scan(self, folder: _Folder, now: float) -> None:
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
            if folder.scanner.matches(path) and path.is_file():
                self._track(path, folder, now)
                return

    def _track(self, path: Path, folder: _Folder, now: float) -> None:
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

    def _forget(self, path: Path) -> None:
        self._owner.pop(path, None)
        self.completeness.forget(path)
        self._locked_since.pop(path, None)

    def hint(self, path: Path) -> None:
        """A watcher saw ``path`` change (call from the event loop thread)."""
        self._hints.add(path)
        if self._wake_intake is not None:
            self._wake_intake.set()

    # -- the commit protocol ------------------------------------------------------------------

    async def _convert(self, path: Path, folder: _Folder, detected_at: float) -> _Converted | None:
        """Convert one complete file off the loop; None when it went to the error folder."""
        self._forget(path)
        context = ConverterContext(
            station_name=self.station_name,
            location=self.config.location,
            purpose=self.config.purpose,
            parameters=folder.config.parameters,
            logger=log.getChild(folder.converter.name),
        )
        before: list[os.stat_result] = []

        def work() -> tuple[str, list[dict[str, Any]]]:
            before.append(path.stat())
            digest = _files.sha256_of(path)
            produced = folder.converter.convert(path, context)
            reports = [
                self._normalise(report_to_dict(r), digest, i) for i, r in enumerate(produced)
            ]
            # The file is known by its path and content together: converters read the name
            # (JUnit's serial number) or the folder (<serial>/result.txt), so identical
            # bytes under two paths are two results.
            return _files.source_key(str(path), digest), reports

        try:
            digest, reports = await run_in_thread(
                work, self.config.converter_timeout, f"convert {path.name}"
            )
        except FileNotFoundError as exc:
            if not path.exists():
                return None  # taken away by someone else between the check and the read
            # The converter missed another file (a companion, a template): a converter error,
            # or the source would be re-tracked and fail silently on every scan.
            reason = f"{folder.converter.name} raised FileNotFoundError: {exc}"
            self._to_error(path, folder, reason, detected_at)
            return None
        except TimeoutError:
            self._hung += 1
            reason = (
                f"converter {folder.converter.name!r} did not finish within "
                f"{self.config.converter_timeout:g} s"
            )
            self._to_error(path, folder, reason, detected_at)
            return None
        except ConversionError as exc:
            if self._changed(path, before, folder):
                return None  # still being written after all: tracked again, not an error
            self._to_error(path, folder, f"{folder.converter.name}: {exc}", detected_at)
            return None
        except PermissionError as exc:
            self._retry_later(path, detected_at, f"cannot read {path}: {exc}")
            return None
        except Exception as exc:
            log.exception("converter %s failed on %s", folder.converter.name, path)
            reason = f"{folder.converter.name} raised {type(exc).__name__}: {exc}"
            self._to_error(path, folder, reason, detected_at)
            return None
        problems = self._validate(reports)
        if problems:
            self._to_error(path, folder, problems, detected_at)
            return None
        return _Converted(path, folder, digest, reports, detected_at, before[0])

    def _commit(self, converted: list[_Converted]) -> int:
        """Commit a batch of converted files in one transaction, then post-process each."""
        try:
            fresh = [c for c in converted if not self.queue.seen_source(c.digest)]
            self.queue.add_batch(
                [
                    QueueEntry(
                        reports=c.reports,
                        source=_files.printable(c.path),
                        source_sha256=c.digest,
                        converter=c.folder.converter.name,
                        detected_at=c.detected_at,
                    )
                    for c in fresh
                ],
                now=self.clock(),
            )
        except Exception as exc:  # disk full, I/O error: the sources stay; try again later
            if len(converted) > 1:
                # One file's reports may be the cause: commit the files one by one, so a bad
                # one does not hold back the others in its batch for ever.
                return sum(self._commit([c]) for c in converted)
            c = converted[0]
            if isinstance(exc, TypeError | ValueError):  # not JSON, not UTF-8: the file's fault
                reason = f"its reports cannot be stored in the queue: {exc}"
                self._to_error(c.path, c.folder, reason, c.detected_at)
            else:
                self._retry_later(
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
                self._retry_later(
                    c.path,
                    c.detected_at,
                    f"reports of {c.path} are queued, but the {c.folder.config.post_action}"
                    f" failed: {exc}",
                )
                continue
            self.files_converted += 1
            log.info("queued %d report(s) from %s%s", len(c.reports), c.path, where)
        return len(converted)

    def _changed(self, path: Path, before: list[os.stat_result], folder: _Folder) -> bool:
        try:
            now = path.stat()
        except OSError:
            return False
        if before and (now.st_size, now.st_mtime_ns) == (before[0].st_size, before[0].st_mtime_ns):
            return False
        log.info("%s changed while it was being converted; waiting for it to settle", path)
        self._owner[path] = folder
        return True

    def _normalise(self, report: dict[str, Any], digest: str, index: int) -> dict[str, Any]:
        if not report.get("id"):
            # Content, index and the report itself: the same file converted again gets the
            # same id, but a report that differs (a name-derived field) gets its own.
            body = json.dumps(report, sort_keys=True, separators=(",", ":"), default=str)
            body_hash = hashlib.sha256(body.encode()).hexdigest()
            report["id"] = str(uuid.uuid5(_ID_NAMESPACE, f"{digest}:{index}:{body_hash}"))
        for key, value in (
            ("machineName", self.station_name),
            ("location", self.config.location),
            ("purpose", self.config.purpose),
        ):
            if value and not report.get(key):
                report[key] = value
        return report

    def _validate(self, reports: list[dict[str, Any]]) -> str:
        """Run the report validator: what the server would refuse is refused here, unqueued."""
        from pywats.reports import validate

        lines: list[str] = []
        first_index: dict[str, int] = {}
        for index, report in enumerate(reports):
            # Two reports of one file under one id: the second would replace the first.
            seen = first_index.setdefault(str(report.get("id")), index)
            if seen != index:
                lines.append(f"report {index} has the same id {report.get('id')} as report {seen}")
            try:
                validate(report)
            except ValueError as exc:
                found = getattr(exc, "lines", None) or [str(exc)]
                prefix = f"report {index} (id {report.get('id')}): " if len(reports) > 1 else ""
                lines.extend(prefix + str(line) for line in found)
        return "\n".join(lines)

    def _post_action(self, path: Path, folder: _Folder) -> str:
        action = folder.config.post_action
        if action == "move":
            return f", moved to {_files.move_unique(path, folder.config.done_dir)}"
        if action == "zip":
            return f", zipped to {_files.zip_to(path, folder.config.done_dir)}"
        if action == "delete":
            path.unlink()
            return ", source deleted"
        st = path.stat()
        self._kept[path] = (st.st_size, st.st_mtime_ns)
        return ", source kept"

    def _to_error(self, path: Path, folder: _Folder, reason: str, detected_at: float) -> None:
        self.files_failed += 1
        try:
            target = _files.write_error(path, folder.config.error_dir, reason)
        except FileNotFoundError:
            return
        except OSError as exc:
            self._retry_later(path, detected_at, f"cannot move {path} to the error folder: {exc}")
            return
        log.error("could not convert %s (moved to %s): %s", path, target, reason)

    def _retry_later(self, path: Path, now: float, message: str) -> None:
        # The file stays where it is, so nothing is lost; back off so it does not spin.
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
            if self.intake_paused:
                log.warning("disk space recovered (%.0f MB free): intake resumed", free)
            self.intake_paused = ""
            return False
        self.intake_paused = (
            f"only {free:.0f} MB free on the queue's disk (floor {self.config.min_free_mb:g} MB)"
        )
        if now - self._last_disk_warning >= 60:
            self._last_disk_warning = now
            log.warning(
                "INTAKE PAUSED: %s; files wait in their folders until space is freed",
                self.intake_paused,
            )
        return True

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

    def refresh_snapshot(self) -> dict[str, Any]:
        """Recompute the state the health endpoint and the dashboard show."""
        stats = self.queue.stats()
        up = self.uploader.stats
        self._snapshot = {
            "instance": self.config.name,
            "state": self.state,
            "pid": os.getpid(),
            "intake_paused": self.intake_paused,
            "queue": stats.as_dict(),
            "queue_depth": stats.depth,
            "last_upload_at": up.last_upload_at,
            "breaker": self.uploader.breaker_state(),
            "delivered": up.delivered,
            "retried": up.retried,
            "parked": up.parked,
            "files_converted": self.files_converted,
            "files_failed": self.files_failed,
            "files_waiting": len(self._owner),
            "hung_converters": self._hung,
            "last_error": up.last_error,
            "server": self.config.server_url,
        }
        return self._snapshot

    def snapshot(self) -> dict[str, Any]:
        """The last computed state (safe to call from any thread)."""
        return dict(self._snapshot)

    # -- lifecycle ----------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Ask the service to stop (first call: graceful; second: at once). Loop thread only."""
        if self._stop is None or self._force is None:
            return
        if self._stop.is_set():
            self._force.set()
        self._stop.set()

    def _stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    async def start(self) -> None:
        """Recover crashed uploads, start watchers and the health endpoint."""
        self._loop = asyncio.get_running_loop()
        self._wake_intake = asyncio.Event()
        self._wake_upload = asyncio.Event()
        self._stop = asyncio.Event()
        self._force = asyncio.Event()
        recovered = self.queue.recover()
        if recovered:
            log.info("returned %d report(s) left in flight by the last run to pending", recovered)
        if self.queue.rebase(now=self.clock()):
            log.warning("the system clock is behind the queue's last update: waits rebased")
        loop = self._loop

        def notify(path: Path) -> None:  # watchdog's thread
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self.hint, path)

        self._observer = NativeObserver(notify)
        self._observer.start(folder.scanner for folder in self.folders)
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
        if self.config.health_port is not None:
            try:
                self._health = _HealthServer(self.config.health_port, self.snapshot)
            except OSError as exc:
                self._observer.stop()
                raise ConfigError(
                    f"service.health_port = {self.config.health_port}: cannot listen on"
                    f" 127.0.0.1:{self.config.health_port} ({exc.strerror}); choose another"
                    " port, 0 for any free one, or remove the key"
                ) from None
            self.health_url = self._health.url
            log.info("health endpoint on %s", self.health_url)
        self.state = "running"
        self.refresh_snapshot()
        if self._record_service:
            _write_service_file(self)

    async def _intake_loop(self) -> None:
        assert self._stop is not None
        assert self._wake_intake is not None
        while not self._stop.is_set():
            now = self.clock()
            try:
                await self.intake_pass(now)
            except Exception:  # a bug must not stop the station; the rescan retries
                log.exception("intake pass failed")
            interval = self.config.poll_seconds
            if self._owner:
                interval = min(interval, max(0.05, self.config.stable_seconds / 2))
            await _wait_any(self._stop, self._wake_intake, timeout=interval)
            self._wake_intake.clear()

    async def _upload_loop(self) -> None:
        assert self._stop is not None
        assert self._wake_upload is not None
        while not self._stop.is_set():
            try:
                sent = await self.uploader.upload_due()
            except Exception:
                log.exception("upload pass failed")
                sent = 0
            if sent:
                continue
            now = self.clock()
            wait = self.config.poll_seconds
            try:
                due = self.queue.next_due_at()
            except Exception:  # a failed read must not end the loop; poll again instead
                log.exception("reading the queue failed")
                due = None
            if due is not None:
                wait = min(wait, max(0.0, due - now))
            if self.uploader.paused_until > now:
                wait = max(wait, self.uploader.paused_until - now)
            await _wait_any(self._stop, self._wake_upload, timeout=wait)
            self._wake_upload.clear()

    async def _status_loop(self, on_refresh: Callable[[dict[str, Any]], None] | None) -> None:
        assert self._stop is not None
        while not self._stop.is_set():
            try:
                snapshot = self.refresh_snapshot()
                if on_refresh is not None:
                    on_refresh(snapshot)
            except Exception:  # the health snapshot goes stale for a second, no more
                log.exception("refreshing the service state failed")
            await _wait_any(self._stop, timeout=0.5 if on_refresh else 1.0)

    async def serve(self, *, on_refresh: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run until ``request_stop()`` (or SIGTERM/SIGINT, which call it); then shut down."""
        await self.start()
        assert self._stop is not None
        assert self._force is not None
        loop = asyncio.get_running_loop()
        installed = _install_signal_handlers(loop, self.request_stop)
        upload = asyncio.create_task(self._upload_loop(), name="upload")
        intake = asyncio.create_task(self._intake_loop(), name="intake")
        status = asyncio.create_task(self._status_loop(on_refresh), name="status")
        try:
            await self._stop.wait()
            self.state = "stopping"
            log.info(
                "stopping: intake stopped, finishing uploads in flight (up to %g s)",
                self.config.shutdown_timeout,
            )
            await _finish(intake, self._force, self.config.shutdown_timeout)
            await _finish(upload, self._force, self.config.shutdown_timeout)
            status.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await status
        finally:
            for task in (intake, upload, status):
                task.cancel()
            for sig in installed:
                loop.remove_signal_handler(sig)
            await self.shutdown()

    async def shutdown(self) -> None:
        """Stop watchers and the health endpoint, close the client and the queue."""
        self.state = "stopped"
        if self._observer is not None:
            self._observer.stop()
        if self._health is not None:
            self._health.close()
            self._health = None
        if not self.uploader.flush():  # outcomes the queue refused so far: one last try
            log.warning("upload outcomes not written; those rows are sent again at next start")
        close = getattr(self.uploader.submitter, "aclose", None)
        if close is not None:
            with contextlib.suppress(Exception):
                await close()
        self.queue.close()
        log.info("stopped")

    def run(self, *, dashboard: bool | None = None) -> None:
        """Hold the instance's lock and serve in the foreground until stopped.

        Raises:
            AlreadyRunningError: another process runs this instance.
        """
        from filelock import FileLock, Timeout

        self.config.lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.config.lock_path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise AlreadyRunningError(
                f"instance {self.config.name!r} is already running (lock {self.config.lock_path})"
            ) from None
        self._record_service = True
        try:
            if dashboard is None:
                dashboard = sys.stderr.isatty()
            if dashboard:
                from pywats.station._dashboard import Dashboard

                with Dashboard(self) as board:
                    asyncio.run(self.serve(on_refresh=board.update))
            else:
                asyncio.run(self.serve())
        finally:
            with contextlib.suppress(OSError):
                service_file(self.config).unlink()
            lock.release()


def service_file(config: StationConfig) -> Path:
    """Where a running service records its pid and health URL (for ``wats status``)."""
    return config.lock_path.with_name("service.json")


def _write_service_file(service: StationService) -> None:
    data = {
        "pid": os.getpid(),
        "started_at": time.time(),
        "instance": service.config.name,
        "health_url": service.health_url,
    }
    with contextlib.suppress(OSError):
        service_file(service.config).write_text(json.dumps(data), encoding="utf-8")


async def _wait_any(*events: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=max(0.0, timeout), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


async def _finish(task: asyncio.Task[None], force: asyncio.Event, timeout: float) -> None:
    """Let ``task`` end by itself within ``timeout``, unless ``force`` is set first."""
    forced = asyncio.ensure_future(force.wait())
    try:
        await asyncio.wait([task, forced], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        forced.cancel()
    if not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _install_signal_handlers(
    loop: asyncio.AbstractEventLoop, on_signal: Callable[[], None]
) -> list[int]:
    # Handlers only set events (request_stop); no logging, I/O or locks in them.
    installed: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        return installed
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, on_signal)
            installed.append(sig)
        except (NotImplementedError, RuntimeError):  # Windows: fall back to signal.signal
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(on_signal))
    return installed


def _lock_held(lock_path: Path) -> bool:
    from filelock import FileLock, Timeout

    if not lock_path.exists():
        return False
    probe = FileLock(str(lock_path), timeout=0)
    try:
        probe.acquire()
    except Timeout:
        return True
    probe.release()
    return False


def read_status(config: StationConfig, *, timeout: float = 2.0) -> dict[str, Any]:
    """What ``wats status`` shows: whether the service runs, its live state, the queue.

    Works whether or not the service is running: the queue is read directly, the live
    snapshot comes from the health endpoint when the service serves one.
    """
    running = _lock_held(config.lock_path)
    status: dict[str, Any] = {"instance": config.name, "running": running}
    if running:
        with contextlib.suppress(OSError, ValueError):
            status.update(json.loads(service_file(config).read_text(encoding="utf-8")))
    status["instance"] = config.name
    health_url = status.get("health_url")
    if running and health_url:
        import urllib.request

        try:
            with urllib.request.urlopen(health_url, timeout=timeout) as answer:
                live = json.loads(answer.read())
            for key in (
                "state",
                "breaker",
                "last_upload_at",
                "last_error",
                "intake_paused",
                "files_waiting",
                "delivered",
                "retried",
                "parked",
            ):
                status[key] = live.get(key)
        except (OSError, ValueError) as exc:
            status["health_error"] = f"health endpoint did not answer: {exc}"
    if config.queue_path.exists():
        with ReportQueue(config.queue_path) as queue:
            status["queue"] = queue.stats().as_dict()
    else:
        status["queue"] = None
    status["queue_path"] = str(config.queue_path)
    status["log_path"] = None if config.log_path is None else str(config.log_path)
    return status

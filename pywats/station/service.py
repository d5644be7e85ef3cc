"""The station service: watched folders → converters → the durable queue → the server.

``StationService`` is built from its parts; ``StationService.from_instance("ict")`` wires them
from an instance's configuration. ``serve()`` is start → loops until stopped → shutdown, and
``tick(now)`` is one pass of everything (rescan, convert, upload due rows) that tests call.

The parts live in their own modules: the intake and the commit protocol
(:mod:`~pywats.station.intake`, :mod:`~pywats.station.commit`), uploads
(:mod:`~pywats.station.uploader`), the lock, signals and task endings
(:mod:`~pywats.station.lifecycle`), the status file (:mod:`~pywats.station.status`) and the
log (:mod:`~pywats.station._logging`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pywats.config import warn_unverified
from pywats.station._health import HealthServer
from pywats.station._logging import configure_logging
from pywats.station._threads import run_in_thread
from pywats.station.commit import WatchedFolder, check_post_folders
from pywats.station.config import ConfigError, StationConfig, load_config
from pywats.station.converters import Converter, load_converter
from pywats.station.intake import Intake
from pywats.station.lifecycle import (
    AlreadyRunningError,
    finish,
    hold_lock,
    install_signal_handlers,
    wait_any,
)
from pywats.station.queue import ReportQueue
from pywats.station.status import (
    read_status,
    remove_service_file,
    service_file,
    write_service_file,
)
from pywats.station.uploader import SdkSubmitter, Submitter, Uploader
from pywats.station.watcher import NativeObserver

__all__ = [
    "AlreadyRunningError",
    "StationService",
    "configure_logging",
    "read_status",
    "run_in_thread",
    "service_file",
]

log = logging.getLogger("pywats.station")


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
        self._queue = queue
        self.clock = clock
        self.uploader = Uploader(
            queue,
            submitter,
            concurrency=config.concurrency,
            ladder=config.retry_ladder,
            timeout=config.upload_timeout + 5.0,
            clock=clock,
            max_wait=config.max_retry_after,
        )
        if converters is None:
            converters = [load_converter(folder.converter) for folder in config.folders]
        # WATS names a station by its machine: the host name unless [station] name says else.
        self.station_name = config.station_name or socket.gethostname()[:100]
        self.intake = Intake(
            config,
            queue=queue,
            converters=converters,
            station_name=self.station_name,
            clock=clock,
            stopping=self._stopping,
            on_taken=self._wake_uploads,
        )
        self.state = "created"
        self.health_url: str | None = None
        self._snapshot: dict[str, Any] = {}
        self._observer: NativeObserver | None = None
        self._health: HealthServer | None = None
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

    # -- the parts ---------------------------------------------------------------------------

    @property
    def queue(self) -> ReportQueue:
        """The durable queue (replacing it replaces it for the intake too)."""
        return self._queue

    @queue.setter
    def queue(self, queue: ReportQueue) -> None:
        self._queue = self.intake.queue = self.intake.committer.queue = queue

    @property
    def folders(self) -> list[WatchedFolder]:
        return self.intake.folders

    @property
    def intake_paused(self) -> str:
        return self.intake.paused

    @property
    def files_converted(self) -> int:
        return self.intake.committer.files_converted

    @property
    def files_failed(self) -> int:
        return self.intake.committer.files_failed

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
        return await self.intake.intake_pass(now, rescan=rescan)

    def hint(self, path: Path) -> None:
        """A watcher saw ``path`` change (call from the event loop thread)."""
        self.intake.hint(path)
        if self._wake_intake is not None:
            self._wake_intake.set()

    def _wake_uploads(self) -> None:
        if self._wake_upload is not None:
            self._wake_upload.set()

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
            "files_waiting": self.intake.files_waiting,
            "hung_converters": self.intake.committer.hung,
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

        for folder in self.folders:
            check_post_folders(folder.config)  # Done/ and Error/ must be real directories
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
                self._health = HealthServer(self.config.health_port, self.snapshot)
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
            write_service_file(self.config, health_url=self.health_url)

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
            if self.intake.files_waiting:
                interval = min(interval, max(0.05, self.config.stable_seconds / 2))
            await wait_any(self._stop, self._wake_intake, timeout=interval)
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
            await wait_any(self._stop, self._wake_upload, timeout=wait)
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
            await wait_any(self._stop, timeout=0.5 if on_refresh else 1.0)

    async def serve(self, *, on_refresh: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run until ``request_stop()`` (or SIGTERM/SIGINT, which call it); then shut down."""
        await self.start()
        assert self._stop is not None
        assert self._force is not None
        loop = asyncio.get_running_loop()
        installed = install_signal_handlers(loop, self.request_stop)
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
            await finish(intake, self._force, self.config.shutdown_timeout)
            await finish(upload, self._force, self.config.shutdown_timeout)
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
        self.intake.committer.pool.close()  # idle workers exit, busy ones are stopped
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
        with hold_lock(self.config.lock_path, self.config.name):
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
                remove_service_file(self.config)

"""The station service: watched folders → converters → the durable queue → the server.

``StationService`` is built from its parts; ``StationService.from_instance("ict")`` wires them
from an instance's configuration. ``serve()`` is start → loops until stopped → shutdown, and
``tick(now)`` is one pass of everything (rescan, convert, upload due rows) that tests call.

The parts live in their own modules: the intake and the commit protocol
(:mod:`~pywats.station.intake`, :mod:`~pywats.station.commit`), uploads
(:mod:`~pywats.station.uploader`), the lock, signals and task endings
(:mod:`~pywats.station.lifecycle`), the loops and their supervisor
(:mod:`~pywats.station.loops`, :mod:`~pywats.station.supervisor`), the server heartbeat
(:mod:`~pywats.station.heartbeat`), hot reload (:mod:`~pywats.station.reload`), the local
endpoint and its facade (:mod:`~pywats.station.endpoint`, :mod:`~pywats.station.control`),
the status file (:mod:`~pywats.station.status`) and the log (:mod:`~pywats.station._logging`);
starting, serving and shutting down are :mod:`~pywats.station._running`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pywats.station._logging import configure_logging
from pywats.station._threads import run_in_thread
from pywats.station.commit import WatchedFolder
from pywats.station.config import ConfigError, StationConfig, load_config
from pywats.station.control import StationControl
from pywats.station.converters import Converter, load_converter
from pywats.station.heartbeat import Heartbeat
from pywats.station.intake import Intake
from pywats.station.lifecycle import (
    AlreadyRunningError,
    Events,
)
from pywats.station.queue import ReportQueue
from pywats.station.reload import ConfigFile
from pywats.station.status import (
    read_status,
    service_file,
)
from pywats.station.supervisor import Supervisor
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
        config_path: the instance file (reloaded by ``wats reload``, SIGHUP, or when it changes).
    """

    def __init__(
        self,
        config: StationConfig,
        *,
        queue: ReportQueue,
        submitter: Submitter,
        converters: Sequence[Converter] | None = None,
        clock: Callable[[], float] = time.time,
        config_path: Path | None = None,
    ) -> None:
        self.config = config
        self._queue = queue
        self.clock = clock
        self.config_file = None if config_path is None else ConfigFile(config.name, config_path)
        """The instance file (reloaded by ``wats reload``, SIGHUP, or when it changes)."""
        self.owns_submitter = False
        """True when built from settings: a reload may then replace the client."""
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
        self.events = Events()
        self.intake = Intake(
            config,
            queue=queue,
            converters=converters,
            station_name=self.station_name,
            clock=clock,
            stopping=self.events.stop.is_set,
            on_taken=self.wake_uploads,
        )
        check = getattr(submitter, "server_version", None)
        self.heartbeat = Heartbeat(check, config.server_url, clock=clock)
        self.uploader.on_breaker_change = lambda state: self.wake_heartbeat()
        self.uploader.stopping = self.events.stop.is_set
        self.supervisor = Supervisor(self._fail)
        self.control = StationControl(self, secret="", config_path=config_path, clock=clock)
        self.state = "created"
        self.error = ""
        self.reload_error = ""
        self.restart_requested = False
        self.endpoint_url: str | None = None
        self._started = False
        self._snapshot: dict[str, Any] = {}
        self._observer: NativeObserver | None = None
        self._incoming: set[Path] = set()
        self._incoming_lock = threading.Lock()
        self._endpoint: Any = None
        self._record_service = False

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_config(
        cls,
        config: StationConfig,
        *,
        submitter: Submitter | None = None,
        config_path: Path | None = None,
    ) -> StationService:
        """Wire a service from settings (the SDK client unless ``submitter`` is given)."""
        owned = submitter is None
        if submitter is None:
            submitter = SdkSubmitter(
                config.server_url,
                config.token,
                timeout=config.upload_timeout,
                requests_per_minute=config.requests_per_minute,
                verify=config.verify,
                breaker_failures=config.breaker_failures,
                breaker_open_seconds=config.breaker_open_seconds,
            )
        service = cls(
            config,
            queue=ReportQueue(config.queue_path),
            submitter=submitter,
            config_path=config_path,
        )
        service.owns_submitter = owned
        return service

    @classmethod
    def from_instance(
        cls, name: str, *, config_path: Path | None = None, server_url: str | None = None
    ) -> StationService:
        """Read instance ``name``'s configuration and wire its service."""
        from pywats.station.config import instance_paths

        config = load_config(name, path=config_path, server_url=server_url)
        path = config_path or instance_paths(name).config
        service = cls.from_config(config, config_path=path)
        assert service.config_file is not None
        service.config_file.server_url = server_url
        return service

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
        if self.intake.operator_paused:
            return "paused by an operator (`wats resume` takes files again)"
        return self.intake.paused

    @property
    def files_converted(self) -> int:
        return self.intake.committer.files_converted

    @property
    def files_failed(self) -> int:
        return self.intake.committer.files_failed

    @property
    def config_path(self) -> Path | None:
        return None if self.config_file is None else self.config_file.path

    @property
    def health_url(self) -> str | None:
        return None if self.endpoint_url is None else self.endpoint_url + "/health"

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
        self.events.wake_intake.set()

    def wake_uploads(self) -> None:
        """Let the upload loop look at the queue now."""
        self.events.wake_upload.set()

    def wake_heartbeat(self) -> None:
        self.events.wake_heartbeat.set()

    def refresh_snapshot(self) -> dict[str, Any]:
        """Recompute the state the endpoint and the dashboard show."""
        from pywats.station.status import build_snapshot

        self._snapshot = build_snapshot(self)
        return self._snapshot

    def snapshot(self) -> dict[str, Any]:
        """The last computed state (safe to call from any thread)."""
        return dict(self._snapshot)

    # -- steering ---------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Ask the service to stop (first call: graceful; second: at once). Loop thread only."""
        if not self._started:
            return
        if self.events.stop.is_set():
            self.events.force.set()
        self.events.stop.set()

    def request_restart(self) -> None:
        """Stop gracefully, then start again with the instance file read afresh (``run``)."""
        self.restart_requested = True
        self.request_stop()

    def pause_intake(self) -> None:
        if not self.intake.operator_paused:
            log.warning("intake paused by an operator: files wait in their folders")
        self.intake.operator_paused = True
        self.refresh_snapshot()

    def resume_intake(self) -> None:
        if self.intake.operator_paused:
            log.info("intake resumed by an operator")
        self.intake.operator_paused = False
        self.events.wake_intake.set()
        self.refresh_snapshot()

    async def reload(self) -> list[str]:
        """Apply the instance file now; return what changed.

        Raises:
            ConfigError: the file is broken (the running configuration stays).
        """
        from pywats.station.reload import reload_service

        return await reload_service(self)

    async def reload_logged(self, why: str) -> None:
        """Reload because ``why``; a broken file is logged and shown, not raised."""
        log.info("reloading: %s", why)
        with contextlib.suppress(ConfigError):
            await self.reload()

    def config_file_changed(self) -> bool:
        """Whether the instance file changed since it was last read (looked at every 2 s)."""
        return self.config_file is not None and self.config_file.changed()

    def restart_observer(self) -> None:
        """Watch the intake's folders again (after a reload changed them)."""
        if self._observer is None:
            return
        self._observer.stop()
        self._observer = NativeObserver(self._notify)
        self._observer.start(folder.scanner for folder in self.folders)

    def _fail(self, reason: str) -> None:
        self.state = "error"
        self.error = reason
        self.refresh_snapshot()

    # -- lifecycle ----------------------------------------------------------------------------

    def _notify(self, path: Path) -> None:  # watchdog's thread
        # A burst of files is thousands of events: gather them here and wake the loop once
        # per gathering, not once per event (each wake-up is a write to the loop's pipe).
        with self._incoming_lock:
            first = not self._incoming
            self._incoming.add(path)
        loop = self._loop
        if first and loop is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._take_hints)

    def _take_hints(self) -> None:
        with self._incoming_lock:
            paths, self._incoming = self._incoming, set()
        for path in paths:
            self.intake.hint(path)
        self.events.wake_intake.set()

    _loop: asyncio.AbstractEventLoop | None = None

    async def start(self) -> None:
        """Recover crashed uploads, start watchers and the local endpoint."""
        from pywats.station._running import start

        await start(self)

    async def serve(self, *, on_refresh: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Run until ``request_stop()`` (or SIGTERM/SIGINT, which call it); then shut down."""
        from pywats.station._running import serve

        await serve(self, on_refresh=on_refresh)

    def spawn_reload(self, why: str) -> None:
        """Reload in a task of its own (signal handlers, the file watch); one at a time."""
        if self._reload_task is not None and not self._reload_task.done():
            return
        self._reload_task = asyncio.ensure_future(self.reload_logged(why))

    _reload_task: asyncio.Future[None] | None = None

    async def shutdown(self) -> None:
        """Stop watchers and the endpoint, close the client and the queue."""
        from pywats.station._running import shutdown

        await shutdown(self)

    def run(self, *, dashboard: bool | None = None) -> None:
        """Hold the instance's lock and serve in the foreground until stopped.

        ``wats restart`` (``POST /restart``) ends one run and starts another with the instance
        file read afresh, in the same process and under the same lock.

        Raises:
            AlreadyRunningError: another process runs this instance.
        """
        from pywats.station.lifecycle import run_in_foreground

        run_in_foreground(self, sys.stderr.isatty() if dashboard is None else dashboard)

    def serve_in_foreground(self, dashboard: bool) -> None:
        """``asyncio.run(serve())``, under the terminal dashboard when asked."""
        from pywats.station._running import serve_in_foreground

        serve_in_foreground(self, dashboard)

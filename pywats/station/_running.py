"""Running a station service: start, serve until stopped, shut down.

``StationService.start/serve/shutdown/serve_in_foreground`` are these functions; they live
here so the service module keeps to its parts and their wiring.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pywats.station.commit import check_post_folders
from pywats.station.config import ConfigError
from pywats.station.control import new_secret
from pywats.station.lifecycle import finish, install_signal_handlers
from pywats.station.status import write_service_file
from pywats.station.watcher import NativeObserver

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["serve", "serve_in_foreground", "shutdown", "start"]

log = logging.getLogger("pywats.station")


async def start(service: StationService) -> None:
    """Recover crashed uploads, start watchers and the local endpoint."""
    service._loop = asyncio.get_running_loop()
    service._started = True
    recovered = service.queue.recover()
    if recovered:
        log.info("returned %d report(s) left in flight by the last run to pending", recovered)
    if service.queue.rebase(now=service.clock()):
        log.warning("the system clock is behind the queue's last update: waits rebased")
    logging.getLogger("pywats").addHandler(service.control.errors)
    if service.config_file is not None:
        service.config_file.remember()
    for folder in service.folders:
        check_post_folders(folder.config)  # Done/ and Error/ must be real directories
    service._observer = NativeObserver(service._notify)
    service._observer.start(folder.scanner for folder in service.folders)
    service.intake.announce()
    service.control.secret = (
        new_secret(service.config) if service._record_service else secrets.token_urlsafe(32)
    )
    if service.config.control_enabled:
        await _start_endpoint(service)
    service.state = "running"
    service.refresh_snapshot()
    if service._record_service:
        write_service_file(service.config, endpoint=service.endpoint_url)


async def _start_endpoint(service: StationService) -> None:
    from pywats.station.endpoint import start_endpoint

    try:
        service._endpoint = await start_endpoint(service.control, service.config)
    except ConfigError:
        assert service._observer is not None
        service._observer.stop()
        raise
    service.endpoint_url = service._endpoint.url


async def serve(
    service: StationService, *, on_refresh: Callable[[dict[str, Any]], None] | None = None
) -> None:
    """Run until ``request_stop()`` (or SIGTERM/SIGINT, which call it); then shut down."""
    from pywats.station.loops import heartbeat_loop, intake_loop, status_loop, upload_loop

    loop = asyncio.get_running_loop()
    # SIGTERM/SIGINT first: start() ends by writing service.json, and whoever stops the
    # service on seeing that file must find a handler, not the default action (killed, -15).
    installed = install_signal_handlers(loop, service.request_stop)
    try:
        await start(service)
    except BaseException:
        for sig in installed:
            loop.remove_signal_handler(sig)
        raise
    events = service.events
    more = install_signal_handlers(  # SIGHUP (a reload) only once there is a service to reload
        loop, service.request_stop, on_hangup=lambda: service.spawn_reload("SIGHUP")
    )
    installed += [sig for sig in more if sig not in installed]
    sup = service.supervisor
    sup.start("upload", lambda: upload_loop(service))
    sup.start("intake", lambda: intake_loop(service))
    sup.start("heartbeat", lambda: heartbeat_loop(service))
    sup.start("status", lambda: status_loop(service, on_refresh))
    watching = asyncio.create_task(sup.run(events.stop), name="supervisor")
    try:
        await events.stop.wait()
        service.state = "stopping"
        log.info(
            "stopping: intake stopped, finishing uploads in flight (up to %g s)",
            service.config.shutdown_timeout,
        )
        watching.cancel()
        for name in ("intake", "upload"):
            task = sup.tasks.get(name)
            if task is not None:
                await finish(task, events.force, service.config.shutdown_timeout)
    finally:
        watching.cancel()
        await sup.cancel_all()
        for sig in installed:
            loop.remove_signal_handler(sig)
        await shutdown(service)


async def shutdown(service: StationService) -> None:
    """Stop watchers and the endpoint, close the client and the queue."""
    service.state = "stopped"
    if service._observer is not None:
        service._observer.stop()
    if service._endpoint is not None:
        await service._endpoint.stop()
        service._endpoint = None
    service.intake.committer.pool.close()  # idle workers exit, busy ones are stopped
    if not await service.uploader.write_outcomes():  # held or refused so far: one last try
        log.warning("upload outcomes not written; those rows are sent again at next start")
    close = getattr(service.uploader.submitter, "aclose", None)
    if close is not None:
        with contextlib.suppress(Exception):
            await close()
    service.queue.close()
    logging.getLogger("pywats").removeHandler(service.control.errors)
    log.info("stopped")


def serve_in_foreground(service: StationService, dashboard: bool) -> None:
    """``asyncio.run(serve())``, under the terminal dashboard when asked."""
    service._record_service = True
    if dashboard:
        from pywats.station._dashboard import Dashboard

        with Dashboard(service) as board:
            asyncio.run(service.serve(on_refresh=board.update))
    else:
        asyncio.run(service.serve())

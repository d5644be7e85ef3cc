"""The service's loops: intake, upload, heartbeat, status (with the instance file's watch).

Each runs as a task under the :class:`~pywats.station.supervisor.Supervisor` and tells it
when it will next report (``beat``); a loop that dies or stalls is restarted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pywats.station.lifecycle import wait_any
from pywats.station.reference import refresh_station_copy

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["heartbeat_loop", "intake_loop", "status_loop", "upload_loop"]

log = logging.getLogger("pywats.station")

_SLACK = 60.0  # seconds a loop may be late before it counts as stuck


async def intake_loop(service: StationService) -> None:
    stop, wake, sup = service.events.stop, service.events.wake_intake, service.supervisor
    while not stop.is_set():
        config = service.config
        sup.beat("intake", within=max(600.0, 10 * config.converter_timeout))
        try:
            await service.intake_pass(service.clock())
        except Exception:  # a bug must not stop the station; the rescan retries
            log.exception("intake pass failed")
        interval = config.poll_seconds
        if service.intake.files_waiting:
            interval = min(interval, max(0.05, config.stable_seconds / 2))
        sup.beat("intake", within=interval + _SLACK)
        await wait_any(stop, wake, timeout=interval)
        wake.clear()


async def upload_loop(service: StationService) -> None:
    stop, wake, sup = service.events.stop, service.events.wake_upload, service.supervisor
    uploader = service.uploader
    while not stop.is_set():
        sup.beat("upload", within=2 * uploader.timeout + _SLACK)
        try:
            sent = await uploader.upload_due()
        except Exception:
            log.exception("upload pass failed")
            sent = 0
        if sent:
            continue
        now = service.clock()
        wait = service.config.poll_seconds
        try:
            due = service.queue.next_due_at()
        except Exception:  # a failed read must not end the loop; poll again instead
            log.exception("reading the queue failed")
            due = None
        if due is not None:
            wait = min(wait, max(0.0, due - now))
        if uploader.paused_until > now:
            wait = max(wait, uploader.paused_until - now)
        sup.beat("upload", within=wait + _SLACK)
        await wait_any(stop, wake, timeout=wait)
        wake.clear()


async def heartbeat_loop(service: StationService) -> None:
    stop, wake, sup = service.events.stop, service.events.wake_heartbeat, service.supervisor
    while not stop.is_set():
        heartbeat = service.heartbeat
        sup.beat("heartbeat", within=2 * service.config.upload_timeout + _SLACK)
        try:
            await heartbeat.beat()
            await refresh_station_copy(service)  # the process list for offline lookups
        except Exception:
            log.exception("server check failed")
        if service.uploader.check_breaker():
            service.wake_uploads()  # the check was the breaker's probe: the backlog goes now
        wait = heartbeat.next_in(service.config.heartbeat_seconds, service.uploader.breaker_wait())
        sup.beat("heartbeat", within=wait + _SLACK)
        await wait_any(stop, wake, timeout=wait)
        wake.clear()


async def status_loop(
    service: StationService, on_refresh: Callable[[dict[str, Any]], None] | None
) -> None:
    stop, sup = service.events.stop, service.supervisor
    while not stop.is_set():
        sup.beat("status", within=_SLACK)
        try:
            snapshot = service.refresh_snapshot()
            if on_refresh is not None:
                on_refresh(snapshot)
            service.control.sample()
        except Exception:  # the health snapshot goes stale for a second, no more
            log.exception("refreshing the service state failed")
        try:
            if service.config_file_changed():
                service.spawn_reload("the instance file changed")
        except Exception:
            log.exception("watching the instance file failed")
        await wait_any(stop, timeout=0.5 if on_refresh else 1.0)

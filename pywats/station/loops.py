"""The service's loops: intake, upload, heartbeat, status (with the instance file's watch).

Each runs as a task under the :class:`~pywats.station.supervisor.Supervisor` and tells it
when it will next report (``beat``); a loop that dies or stalls is restarted.
"""

from __future__ import annotations

import asyncio
import contextlib
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

INTAKE_FLOOR_SECONDS = 600.0
"""A pass may always run this long (or 10 x ``converter_timeout``) between finished files."""
LOOK_SECONDS = 2.0
"""How often a pass still running is looked at."""
CONVERSION_SLACK_SECONDS = 60.0
"""Added to the largest file's conversion timeout when a pass's deadline is raised to it."""


async def intake_loop(service: StationService) -> None:
    stop, wake, sup = service.events.stop, service.events.wake_intake, service.supervisor
    while not stop.is_set():
        config = service.config
        try:
            await _watched_pass(service, max(INTAKE_FLOOR_SECONDS, 10 * config.converter_timeout))
        except Exception:  # a bug must not stop the station; the rescan retries
            log.exception("intake pass failed")
        interval = config.poll_seconds
        if service.intake.files_waiting:
            interval = min(interval, max(0.05, config.stable_seconds / 2))
        sup.beat("intake", within=interval + _SLACK)
        await wait_any(stop, wake, timeout=interval)
        wake.clear()


async def _watched_pass(service: StationService, floor: float) -> None:
    """One intake pass, its deadline kept with the supervisor while it makes progress.

    A pass may legitimately run long: each conversion may take ``converter_timeout`` plus
    2 s per MB of its file (the pool stops it after that), one after another. So the deadline
    is ``floor`` from the last finished file, and shortly before it runs out it is raised to
    the conversion timeout of the largest file in the watched folders (the file in flight is
    still there): with ``max_file_mb = 0`` a 300 MB file may convert for 660 s. A pass with
    no file finished past that is stuck, and the supervisor restarts the loop.
    """
    sup = service.supervisor
    sup.beat("intake", within=floor)
    task = asyncio.ensure_future(service.intake_pass(service.clock()))
    seen, since, budget, sized = _finished(service), sup.clock(), floor, False
    try:
        while not (await asyncio.wait({task}, timeout=LOOK_SECONDS))[0]:
            now, mark = sup.clock(), _finished(service)
            if mark != seen:
                seen, since, budget, sized = mark, now, floor, False
            if not sized and now - since > floor - 3 * LOOK_SECONDS:  # rare: scan only then
                sized = True
                budget = max(floor, await asyncio.to_thread(_largest_file_budget, service))
            sup.beat("intake", within=since + budget - now)
        task.result()
    finally:
        task.cancel()  # the supervisor cancelled this loop: the pass goes with it


def _finished(service: StationService) -> tuple[int, int, int]:
    """Files a pass has finished with so far (converted, failed, timed out)."""
    committer = service.intake.committer
    return committer.files_converted, committer.files_failed, committer.hung


def _largest_file_budget(service: StationService) -> float:
    """The conversion timeout of the largest file in the watched folders, plus slack."""
    pool = service.intake.committer.pool
    largest = 0
    for folder in service.intake.folders:
        for path in folder.scanner.scan():
            with contextlib.suppress(OSError):
                largest = max(largest, path.stat().st_size)
    if pool.max_bytes:
        largest = min(largest, pool.max_bytes)  # bigger ones are refused, not converted
    return pool.timeout_for(largest)[0] + CONVERSION_SLACK_SECONDS


async def upload_loop(service: StationService) -> None:
    stop, wake, sup = service.events.stop, service.events.wake_upload, service.supervisor
    uploader = service.uploader
    # A batch takes several rounds of answers, each up to the timeout: a pass is stuck only
    # when no answer came for that long, not when the whole batch is slow.
    uploader.on_answer = lambda: sup.beat("upload", within=2 * uploader.timeout + _SLACK)
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

"""The service's side of the local reference copy: refresh its sections while online.

Each section (see :mod:`pywats.station.reference`) is fetched when it is missing or
``REFRESH_SECONDS`` old, and after a failure (a token without the right to read the System
Manager, say) only every quarter of that, so a refusal is not asked again every heartbeat.
One section failing leaves the others and the rows it had.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["refresh_station_copy"]

log = logging.getLogger("pywats.station")

Fetch = Callable[[], Awaitable[list[dict[str, Any]]]]


def _fetchers(submitter: object) -> list[tuple[str, Fetch]]:
    from pywats.station import reference as ref
    from pywats.station._reference_levels import level_paths

    found: list[tuple[str, Fetch]] = []
    for section, name in (
        (ref.PROCESSES, "processes"),
        (ref.PROCESSES_WITH_INACTIVE, "processes_with_inactive"),
        (ref.LEVELS, "levels"),
    ):
        fetch = getattr(submitter, name, None)
        if fetch is not None:
            found.append((section, fetch))
    nodes = getattr(submitter, "level_nodes", None)
    if nodes is not None:

        async def paths() -> list[dict[str, Any]]:
            return level_paths(await nodes())

        found.append((ref.LEVEL_PATHS, paths))
    return found


async def refresh_station_copy(service: StationService, *, every: float | None = None) -> bool:
    """Refresh the sections of the service's copy that are due, when the server is online.

    Called by the heartbeat loop after each check; True if a section was saved. Failures
    are logged, never raised.
    """
    from pywats.station import reference as ref

    if service.heartbeat.status != "online":
        return False
    every = ref.REFRESH_SECONDS if every is None else every
    copy = ref.ReferenceCopy(service.config.queue_path.parent)
    saved = False
    for section, fetch in _fetchers(service.uploader.submitter):
        if not copy.due(section, time.time(), every):
            continue
        try:
            rows = await fetch()
            copy.save(rows, time.time(), section)
        except Exception as exc:  # tried again later; the rows saved before stay
            log.warning("refreshing the local %s in %s failed: %s", section, copy.path, exc)
            with contextlib.suppress(OSError):
                copy.mark_failed(section, time.time())
            continue
        log.info("local %s refreshed: %d rows in %s", section, len(rows), copy.path)
        saved = True
    return saved

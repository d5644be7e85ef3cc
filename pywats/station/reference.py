"""A station's local copy of reference data (the process list), for when the server is away.

::

    heartbeat says online, copy missing or older than REFRESH_SECONDS
        └──► GET /api/App/Processes ──► <data dir>/reference.json   (0600, replaced atomically)
                                              │
        converters (ConverterContext.process_code) and `wats process list|get` read it
        only while the server cannot be reached

The copy holds the default process list (every active test, repair and WIP operation) and
when the server gave it. It stands in for the server only when the server cannot be reached
(connection errors, timeouts, 5xx, 429, an open circuit breaker): a refused token or a bad
request is still an error, since the copy cannot answer those for the server.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from pywats._exceptions import CircuitOpenError, RateLimitError, ServerError, WatsConnectionError
from pywats._refcache import Freshness, find_process

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = [
    "FILE_NAME",
    "REFRESH_SECONDS",
    "UNREACHABLE",
    "Freshness",
    "ProcessCodes",
    "ReferenceCopy",
    "SavedProcesses",
    "copy_for_instance",
    "find_process",
    "processes_with_fallback",
    "refresh_station_copy",
]

log = logging.getLogger("pywats.station")

FILE_NAME = "reference.json"
REFRESH_SECONDS = 3600.0
_FORMAT = 1
UNREACHABLE: tuple[type[Exception], ...] = (
    WatsConnectionError,
    ServerError,
    RateLimitError,
    CircuitOpenError,
)
"""The failures during which the local copy answers instead of the server."""


@attrs.frozen(kw_only=True)
class SavedProcesses:
    """The process list as saved, and when the server gave it (Unix time)."""

    processes: list[dict[str, Any]]
    fetched_at: float

    def freshness(self, now: float | None = None) -> Freshness:
        """This copy as the source of an answer given at ``now``."""
        now = time.time() if now is None else now
        return Freshness(
            source="disk",
            fetched_at=datetime.fromtimestamp(self.fetched_at, UTC),
            age_seconds=max(0.0, now - self.fetched_at),
        )


class ReferenceCopy:
    """``reference.json`` in an instance's data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME

    def __repr__(self) -> str:
        return f"ReferenceCopy({str(self.path)!r})"

    def load(self) -> SavedProcesses | None:
        """The saved list; None when there is none or it cannot be read (logged)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            rows = [row for row in data["processes"] if isinstance(row, dict)]
            return SavedProcesses(processes=rows, fetched_at=float(data["fetchedAt"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("the local process list %s cannot be read: %s", self.path, exc)
            return None

    def save(self, processes: list[dict[str, Any]], fetched_at: float) -> SavedProcesses:
        """Replace the copy atomically; the file is 0600, a folder made for it 0700."""
        from pywats._atomic import atomic_file

        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        document = {"format": _FORMAT, "fetchedAt": fetched_at, "processes": processes}
        with atomic_file(self.path, "w") as handle:  # mkstemp: created 0600
            json.dump(document, handle, ensure_ascii=False, indent=1)
        if os.name != "nt":
            os.chmod(self.path, 0o600)
        return SavedProcesses(processes=processes, fetched_at=fetched_at)

    def age(self, now: float | None = None) -> float | None:
        """Seconds since the copy was written (its mtime), None when there is none."""
        try:
            written = self.path.stat().st_mtime
        except OSError:
            return None
        return max(0.0, (time.time() if now is None else now) - written)


def processes_with_fallback(
    fetch: Callable[[], list[dict[str, Any]]],
    freshness: Callable[[], Freshness | None],
    copy: ReferenceCopy,
) -> tuple[list[dict[str, Any]], Freshness]:
    """The default process list from the client (its cache or the server), else the copy.

    A list the server just gave is saved as the new copy.

    Args:
        fetch: the client's default ``process.query``.
        freshness: where the client's last answer came from.
        copy: the local copy.

    Raises:
        WatsError: the server could not be reached and there is no copy, or another error.
    """
    try:
        rows = fetch()
    except UNREACHABLE as exc:
        saved = copy.load()
        if saved is None:
            raise
        log.info("server unreachable (%s); using the local process list %s", exc, copy.path)
        return saved.processes, saved.freshness()
    fresh = freshness() or Freshness(source="server", fetched_at=datetime.now(UTC), age_seconds=0.0)
    if fresh.source == "server":
        try:
            copy.save(rows, fresh.fetched_at.timestamp())
        except OSError as exc:  # a read-only data folder must not fail the lookup
            log.warning("cannot save the local process list %s: %s", copy.path, exc)
    return rows, fresh


class ProcessCodes:
    """Process name → code from the copy, re-read only when the file changes."""

    def __init__(self, copy: ReferenceCopy) -> None:
        self.copy = copy
        self._seen: tuple[float, int] | None = None
        self._codes: dict[str, int] = {}

    def get(self) -> dict[str, int]:
        try:
            stat = self.copy.path.stat()
        except OSError:
            return {}
        seen = (stat.st_mtime, stat.st_size)
        if seen != self._seen:
            saved = self.copy.load()
            rows = saved.processes if saved else []
            self._codes = {
                str(row["name"]): row["code"]
                for row in rows
                if isinstance(row.get("name"), str) and type(row.get("code")) is int
            }
            self._seen = seen
        return dict(self._codes)


async def refresh_station_copy(service: StationService, *, every: float = REFRESH_SECONDS) -> bool:
    """Refresh the service's copy when the server is online and the copy is due; True if done.

    Called by the heartbeat loop after each check; failures are logged, never raised.
    """
    fetch: Callable[[], Awaitable[list[dict[str, Any]]]] | None = getattr(
        service.uploader.submitter, "processes", None
    )
    if fetch is None or service.heartbeat.status != "online":
        return False
    copy = ReferenceCopy(service.config.queue_path.parent)
    age = copy.age()
    if age is not None and age < every:
        return False
    try:
        rows = await fetch()
        copy.save(rows, time.time())
    except Exception as exc:  # the next heartbeat tries again
        log.warning("refreshing the local process list failed: %s", exc)
        return False
    log.info("local process list refreshed: %d processes in %s", len(rows), copy.path)
    return True


def copy_for_instance(name: str) -> ReferenceCopy:
    """The local copy of instance ``name`` (beside its queue; the default data folder when the
    instance has no usable file)."""
    from pywats.station.config import ConfigError, instance_paths, load_config

    paths = instance_paths(name)
    if paths.config.is_file():
        try:
            return ReferenceCopy(load_config(name, for_service=False).queue_path.parent)
        except ConfigError:
            pass
    return ReferenceCopy(paths.data)

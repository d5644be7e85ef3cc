"""A station's local copy of reference data, for when the server is away.

::

    heartbeat says online, a section missing or older than REFRESH_SECONDS
        └──► GET /api/App/Processes (default, and with inactive ones),
             GET /api/App/Levels, GET /api/SystemManager/Clients (the levels' paths)
                 ──► <data dir>/reference.json   (0600, replaced atomically)
                          │
        converters (ConverterContext.process_code), `wats process list|get` and
        `wats system level list|get` read it only while the server cannot be reached

The copy holds sections, each a list of rows and when the server gave it: ``processes`` (the
default list: every active test, repair and WIP operation), ``processesWithInactive``,
``levels`` (the rows of ``/api/App/Levels``) and ``levelPaths`` (``{"path": [...], "id": n}``:
each level's names, topmost first, from the System Manager tree, plus every path the CLI
resolved). It stands in for the server only when the server cannot be reached (connection
errors, timeouts, 5xx, 429, an open circuit breaker): a refused token or a bad request is
still an error, since the copy cannot answer those for the server.

Writers (the service's heartbeat, each ``wats`` command that fetched a list) replace one
section and keep the others; two writing at the same instant can lose one section's update,
which the next refresh restores (the copy is a cache, never the only record of anything).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from pywats._exceptions import CircuitOpenError, RateLimitError, ServerError, WatsConnectionError
from pywats._refcache import Freshness, find_process
from pywats.station._reference_levels import learn_level, level_id_with_fallback
from pywats.station._reference_refresh import refresh_station_copy

__all__ = [
    "CHECK_SECONDS",
    "FILE_NAME",
    "LEVELS",
    "LEVEL_PATHS",
    "PROCESSES",
    "PROCESSES_WITH_INACTIVE",
    "REFRESH_SECONDS",
    "UNREACHABLE",
    "Freshness",
    "ProcessCodes",
    "ReferenceCopy",
    "SavedProcesses",
    "SavedRows",
    "copy_for_instance",
    "find_process",
    "learn_level",
    "level_id_with_fallback",
    "processes_with_fallback",
    "refresh_station_copy",
    "rows_with_fallback",
]

log = logging.getLogger("pywats.station")

FILE_NAME = "reference.json"
REFRESH_SECONDS = 3600.0
CHECK_SECONDS = 2.0
"""How often :class:`ProcessCodes` looks at the file (the instance file is checked as often)."""
_FORMAT = 2
PROCESSES = "processes"
PROCESSES_WITH_INACTIVE = "processesWithInactive"
LEVELS = "levels"
LEVEL_PATHS = "levelPaths"
_TOP = {"rows": "processes", "fetchedAt": "fetchedAt", "failedAt": "processesFailedAt"}
UNREACHABLE: tuple[type[Exception], ...] = (
    WatsConnectionError,
    ServerError,
    RateLimitError,
    CircuitOpenError,
)
"""The failures during which the local copy answers instead of the server."""


@attrs.frozen(kw_only=True)
class SavedRows:
    """One section of the copy as saved, and when the server gave it (Unix time)."""

    rows: list[dict[str, Any]]
    fetched_at: float

    @property
    def processes(self) -> list[dict[str, Any]]:
        """The rows (the name from when the copy held only processes)."""
        return self.rows

    def freshness(self, now: float | None = None, *, fetched_at: float | None = None) -> Freshness:
        """This copy as the source of an answer given at ``now`` (``fetched_at``: a row's own)."""
        now = time.time() if now is None else now
        when = self.fetched_at if fetched_at is None else fetched_at
        return Freshness(
            source="disk",
            fetched_at=datetime.fromtimestamp(when, UTC),
            age_seconds=max(0.0, now - when),
        )


SavedProcesses = SavedRows


class ReferenceCopy:
    """``reference.json`` in an instance's data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME

    def __repr__(self) -> str:
        return f"ReferenceCopy({str(self.path)!r})"

    def _document(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("the local reference copy %s cannot be read: %s", self.path, exc)
            return None
        if not isinstance(data, dict):
            log.warning("the local reference copy %s cannot be read: not an object", self.path)
            return None
        return data

    @staticmethod
    def _part(document: dict[str, Any], section: str) -> dict[str, Any] | None:
        if section == PROCESSES:  # at the top, where copies of format 1 keep it
            top = {key: document[name] for key, name in _TOP.items() if name in document}
            return top or None
        sections = document.get("sections")
        part = sections.get(section) if isinstance(sections, dict) else None
        return part if isinstance(part, dict) else None

    def load(self, section: str = PROCESSES) -> SavedRows | None:
        """A saved section; None when there is none or it cannot be read (logged)."""
        document = self._document()
        part = None if document is None else self._part(document, section)
        if part is None or "rows" not in part:
            return None
        try:
            rows = [row for row in part["rows"] if isinstance(row, dict)]
            fetched_at = float(part["fetchedAt"])
            datetime.fromtimestamp(fetched_at, UTC)  # a time it can name (not NaN, not 1e300)
            return SavedRows(rows=rows, fetched_at=fetched_at)
        except (KeyError, TypeError, ValueError, OverflowError, OSError) as exc:
            log.warning("the local %s in %s cannot be read: %s", section, self.path, exc)
            return None

    def save(
        self, rows: list[dict[str, Any]], fetched_at: float, section: str = PROCESSES
    ) -> SavedRows:
        """Replace one section (keeping the others); the file is 0600, its folder 0700."""
        self.update(section, lambda _old: {"rows": rows, "fetchedAt": fetched_at})
        return SavedRows(rows=rows, fetched_at=fetched_at)

    def mark_failed(self, section: str, when: float) -> None:
        """Note a failed refresh of ``section`` (its rows, if any, stay)."""
        self.update(section, lambda old: {**(old or {}), "failedAt": when})

    def due(self, section: str, now: float, every: float) -> bool:
        """Whether ``section`` should be fetched again: missing, ``every`` seconds old, or
        a quarter of that since a failed try."""
        document = self._document()
        part = None if document is None else self._part(document, section)
        if part is None:
            return True
        try:
            fetched = float(part.get("fetchedAt") or 0.0) if "rows" in part else float("-inf")
            failed = float(part.get("failedAt") or float("-inf"))
        except (TypeError, ValueError):
            return True
        last = max(fetched, failed)
        wait = every / 4 if failed > fetched else every
        return not 0 <= now - last < wait  # a clock stepped back counts as due

    def update(self, section: str, change: Callable[[dict[str, Any] | None], Any]) -> None:
        """Replace ``section`` with ``change(section as saved, or None)``, keeping the others."""
        from pywats._atomic import atomic_file

        document = self._document() or {}
        new = change(self._part(document, section))
        if section == PROCESSES:
            for key, top in _TOP.items():
                if key in new:
                    document[top] = new[key]
        else:
            sections = document.get("sections")
            sections = dict(sections) if isinstance(sections, dict) else {}
            document["sections"] = {**sections, section: new}
        document["format"] = _FORMAT
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_file(self.path, "w") as handle:  # mkstemp: created 0600
            json.dump(document, handle, ensure_ascii=False, indent=1)
        if os.name != "nt":
            os.chmod(self.path, 0o600)

    def age(self, now: float | None = None) -> float | None:
        """Seconds since the copy was written (its mtime), None when there is none."""
        try:
            written = self.path.stat().st_mtime
        except OSError:
            return None
        return max(0.0, (time.time() if now is None else now) - written)


def rows_with_fallback(
    fetch: Callable[[], list[dict[str, Any]]],
    freshness: Callable[[], Freshness | None],
    copy: ReferenceCopy,
    section: str,
    *,
    save: bool = True,
    offline: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] = list,
) -> tuple[list[dict[str, Any]], Freshness]:
    """A list from the client (its cache or the server), else from the copy's ``section``.

    A list the server just gave is saved as the section's new copy when ``save``.

    Args:
        fetch: the client call.
        freshness: where the client's last answer came from (None: just now, the server).
        copy: the local copy.
        section: the copy's section that holds this list.
        save: whether the list fetched is the whole section (not a filtered part of it).
        offline: what to make of the saved rows when they answer (e.g. a filter).

    Raises:
        WatsError: the server could not be reached and there is no copy, or another error.
    """
    try:
        rows = fetch()
    except UNREACHABLE as exc:
        saved = copy.load(section)
        if saved is None:
            raise
        log.info("server unreachable (%s); using the local %s in %s", exc, section, copy.path)
        return offline(saved.rows), saved.freshness()
    fresh = freshness() or Freshness(source="server", fetched_at=datetime.now(UTC), age_seconds=0.0)
    if fresh.source == "server" and save and isinstance(rows, list):
        try:
            copy.save(rows, fresh.fetched_at.timestamp(), section)
        except OSError as exc:  # a read-only data folder must not fail the lookup
            log.warning("cannot save the local %s in %s: %s", section, copy.path, exc)
    return rows, fresh


_KINDS = ("isTestOperation", "isRepairOperation", "isWipOperation")


def processes_with_fallback(
    fetch: Callable[[], list[dict[str, Any]]],
    freshness: Callable[[], Freshness | None],
    copy: ReferenceCopy,
    *,
    inactive: bool = False,
    kinds: tuple[bool, bool, bool] = (True, True, True),
) -> tuple[list[dict[str, Any]], Freshness]:
    """A process list from the client, else (server unreachable) from the copy.

    ``fetch`` asks for the processes of ``kinds`` (test, repair, WIP), inactive ones too if
    ``inactive``. The copy keeps every kind; offline, the kinds asked for are picked from it
    as the server does (a process of any kind asked for).
    """

    def pick(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if kinds == (True, True, True):
            return list(rows)
        wanted = [kind for kind, asked in zip(_KINDS, kinds, strict=True) if asked]
        return [row for row in rows if any(row.get(kind) is True for kind in wanted)]

    section = PROCESSES_WITH_INACTIVE if inactive else PROCESSES
    every_kind = kinds == (True, True, True)
    return rows_with_fallback(fetch, freshness, copy, section, save=every_kind, offline=pick)


class ProcessCodes:
    """Process name → code from the copy, re-read only when the file changes.

    The file is looked at (one ``stat``) at most every ``check_seconds``: a burst of
    conversions costs no system call per file, and a copy the heartbeat or ``wats process
    list`` rewrote is used within ``check_seconds``.

    Args:
        copy: the local copy.
        check_seconds: how long an answer stands before the file is looked at again.
        clock: monotonic seconds (a test seam).
    """

    def __init__(
        self,
        copy: ReferenceCopy,
        *,
        check_seconds: float = CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.copy = copy
        self.check_seconds = check_seconds
        self._clock = clock
        self._checked_at: float | None = None
        self._seen: tuple[int, int, int] | None = None
        self._codes: dict[str, int] = {}

    def get(self) -> dict[str, int]:
        now = self._clock()
        if self._checked_at is None or not 0 <= now - self._checked_at < self.check_seconds:
            self._checked_at = now
            self._look()
        return dict(self._codes)

    def _look(self) -> None:
        try:
            stat = self.copy.path.stat()
        except OSError:
            self._seen, self._codes = None, {}
            return
        # The copy is replaced by a rename: a new inode, even when size and mtime match.
        seen = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if seen == self._seen:
            return
        saved = self.copy.load()
        self._codes = {
            str(row["name"]): row["code"]
            for row in (saved.rows if saved else [])
            if isinstance(row.get("name"), str) and type(row.get("code")) is int
        }
        self._seen = seen


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

"""The client's reference-data cache: small lists that change rarely (processes), kept a while.

::

    api.process.get("End of line test") ──► cache fresh? ──yes──► the list kept (source "cache")
                                                 └──no──► GET /api/App/Processes (source "server")

A client and its ``with_options`` copies share one cache. Entries live ``ttl`` seconds
(default 300) on a monotonic clock; ``clear()`` or the service's ``refresh()`` drops them at
once. No I/O here: the services fetch, this only remembers.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from typing import Any, Literal

import attrs

__all__ = ["DEFAULT_TTL", "Freshness", "ReferenceCache", "Source", "age_text", "find_process"]

DEFAULT_TTL = 300.0
Source = Literal["server", "cache", "disk"]


@attrs.frozen(kw_only=True)
class Freshness:
    """Where an answer came from and how old its data is."""

    source: Source
    """``server`` (just fetched), ``cache`` (the client's memory) or ``disk`` (a station's
    local copy, used while the server cannot be reached)."""
    fetched_at: datetime
    """When the server gave the data (UTC)."""
    age_seconds: float
    """Seconds since then, when the answer was given."""

    @property
    def age(self) -> str:
        """The age for people: ``just now``, ``4 min old`` ..."""
        return age_text(self.age_seconds)

    def describe(self) -> str:
        """``"server, just now"`` / ``"cache, 4 min old"`` (for people)."""
        return f"{self.source}, {self.age}"


def _code(row: dict[str, Any]) -> Any:
    return row.get("code", row.get("Code"))


def _name(row: dict[str, Any]) -> Any:
    return row.get("name", row.get("Name"))


def find_process(rows: list[dict[str, Any]], code_or_name: int | str) -> dict[str, Any] | None:
    """The process with this code (``100``, ``"100"``) or exact name, from a process list."""
    for row in rows:
        if isinstance(code_or_name, int):
            if _code(row) == code_or_name:
                return row
        elif _name(row) == code_or_name or str(_code(row)) == code_or_name:
            return row
    return None


def age_text(seconds: float) -> str:
    """A short age for people: ``just now``, ``42 s old``, ``5 min old``, ``3 h old`` ..."""
    if seconds < 1:
        return "just now"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} old"
    return f"{int(seconds)} s old"


@attrs.define
class _Entry:
    value: Any
    stored: float  # monotonic
    fetched_at: datetime


class ReferenceCache:
    """Remembered answers by key, each for ``ttl`` seconds.

    Args:
        ttl: seconds an answer stays fresh (0: never reuse one).
        clock: monotonic seconds (a test seam).
    """

    def __init__(
        self, ttl: float = DEFAULT_TTL, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self._entries: dict[Hashable, _Entry] = {}
        self._last: dict[Hashable, Freshness] = {}

    @property
    def ttl(self) -> float:
        """Seconds an answer stays fresh."""
        return self._ttl

    @ttl.setter
    def ttl(self, value: float) -> None:
        if not isinstance(value, int | float) or math.isnan(value) or value < 0:
            raise ValueError(f"ttl must be a number of seconds >= 0, got {value!r}")
        self._ttl = float(value)

    def lookup(self, key: Hashable) -> Any | None:
        """The value kept under ``key`` if still fresh (and note it was served from cache)."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        age = self.clock() - entry.stored
        if age >= self._ttl or age < 0:
            del self._entries[key]
            return None
        self._last[key] = Freshness(source="cache", fetched_at=entry.fetched_at, age_seconds=age)
        return entry.value

    def store(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` (just fetched from the server) under ``key``."""
        now = datetime.now(UTC)
        self._entries[key] = _Entry(value, self.clock(), now)
        self._last[key] = Freshness(source="server", fetched_at=now, age_seconds=0.0)

    def freshness(self, key: Hashable) -> Freshness | None:
        """Where the last answer for ``key`` came from, or None before the first."""
        return self._last.get(key)

    def clear(self, key: Hashable | None = None) -> None:
        """Forget one key, or everything."""
        if key is None:
            self._entries.clear()
        else:
            self._entries.pop(key, None)

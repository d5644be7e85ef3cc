"""Station identity: who is submitting a report, from where, and for what.

A WATS report names its station in three header fields, ``machineName``, ``location`` and
``purpose``. A client holds an active :class:`Station`; ``api.report.submit`` fills those
fields from it when the report leaves them empty. A hub machine that uploads on behalf of
several test stands keeps a :class:`StationRegistry` and picks the station per report.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, MutableMapping
from typing import Any

import attrs

__all__ = ["Station", "StationRegistry"]

_MAX_LEN = 100  # the server's limit on machineName, location and purpose


def _header_text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"Station.{attribute.name} must be a str, got {type(value).__name__}")
    if len(value) > _MAX_LEN:
        raise ValueError(f"Station.{attribute.name} is {len(value)} characters; WATS allows 100")


def _name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    _header_text(instance, attribute, value)
    if not value.strip():
        raise ValueError("Station.name must not be empty")


@attrs.frozen
class Station:
    """A test station as WATS knows it.

    Args:
        name: the station (machine) name, ``machineName`` in a report.
        location: where it stands, e.g. ``"Line 3"``.
        purpose: what it is used for, e.g. ``"Production"``, ``"Development"``, ``"Repair"``.
    """

    name: str = attrs.field(validator=_name)
    location: str = attrs.field(default="", validator=_header_text)
    purpose: str = attrs.field(default="", validator=_header_text)

    @classmethod
    def local(cls, location: str = "", purpose: str = "Development") -> Station:
        """Return this machine as a station, named by its host name."""
        return cls(socket.gethostname()[:_MAX_LEN] or "localhost", location, purpose)

    def apply(self, wsjf: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        """Fill ``machineName``/``location``/``purpose`` where the report leaves them empty.

        Values the report already carries win: a converter that knows better is not
        overruled. Returns the same mapping.
        """
        for key, value in (
            ("machineName", self.name),
            ("location", self.location),
            ("purpose", self.purpose),
        ):
            if not wsjf.get(key) and value:
                wsjf[key] = value
        return wsjf


class StationRegistry:
    """Named stations for a machine that submits for several, with one active.

    Thread-safe: a hub may switch the active station while uploads run.
    """

    def __init__(self, stations: Iterator[Station] | list[Station] | None = None) -> None:
        self._lock = threading.Lock()
        self._stations: dict[str, Station] = {}
        self._active: str | None = None
        for station in stations or []:
            self.add(station)

    def add(self, station: Station, *, activate: bool = False) -> None:
        """Register ``station`` under its name (replacing one of that name).

        The first station added becomes active.
        """
        with self._lock:
            self._stations[station.name] = station
            if activate or self._active is None:
                self._active = station.name

    def remove(self, name: str) -> Station:
        """Unregister and return the station called ``name``.

        Raises:
            KeyError: no such station.
        """
        with self._lock:
            station = self._stations.pop(name)
            if self._active == name:
                self._active = next(iter(self._stations), None)
            return station

    def get(self, name: str) -> Station:
        """Return the station called ``name``.

        Raises:
            KeyError: no such station.
        """
        with self._lock:
            try:
                return self._stations[name]
            except KeyError:
                known = ", ".join(sorted(self._stations)) or "none"
                raise KeyError(f"no station named {name!r} (registered: {known})") from None

    def activate(self, name: str) -> Station:
        """Make the station called ``name`` the active one and return it."""
        with self._lock:
            if name not in self._stations:
                raise KeyError(f"no station named {name!r}")
            self._active = name
            return self._stations[name]

    @property
    def active(self) -> Station | None:
        """The active station, or None when the registry is empty."""
        with self._lock:
            return None if self._active is None else self._stations[self._active]

    def __iter__(self) -> Iterator[Station]:
        with self._lock:
            return iter(list(self._stations.values()))

    def __len__(self) -> int:
        return len(self._stations)

    def __contains__(self, name: object) -> bool:
        return name in self._stations

    def __repr__(self) -> str:
        return f"StationRegistry({sorted(self._stations)!r}, active={self._active!r})"

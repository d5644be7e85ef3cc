"""Values of the System Manager: clients (stations) and levels, and a client's log.

The server leaves these answers untyped; openapi/wats.yaml says what they are assumed to be
(the ``SystemManagerNode`` and ``ClientLog`` of its internal API). They are read tolerantly: keys
in any case, a missing key is None, a value of the wrong type is None, and keys this module does
not name are kept in ``extra``. No I/O here; both twins' services import it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["ClientLog", "SystemNode", "nodes_from_wire"]


def _lower_keys(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in data.items()}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _when(value: Any) -> dt.datetime | None:
    """An aware datetime from the server's ISO 8601 text (7 fractional digits, ``Z``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip().replace("Z", "+00:00"))
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _extra(data: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    names = {name.lower() for name in known}
    return {key: value for key, value in data.items() if str(key).lower() not in names}


_NODE_KEYS = (
    "id",
    "parentId",
    "clientId",
    "clientGroupId",
    "name",
    "displayName",
    "identifier",
    "location",
    "purpose",
    "type",
    "typeEnum",
    "statusString",
    "version",
    "lastReportUtc",
    "recentReportCount",
    "pendingCount",
)


@attrs.frozen(kw_only=True)
class SystemNode:
    """One node of the System Manager tree: a client (test station, server) or a level."""

    name: str | None = None
    """The client's (machine) name, or the level's name."""
    kind: str | None = None
    """``"Client"`` or ``"Level"`` (the server's ``type``)."""
    id: int | None = None
    parent_id: int | None = None
    """The level above: a client's level, or a level's parent level."""
    client_id: int | None = None
    """A client's id: what ``api.system.update_client`` names it by."""
    client_group_id: int | None = None
    """The level a client belongs to (for a level, its own id)."""
    display_name: str | None = None
    identifier: str | None = None
    """A client's identifier: the MAC address its WATS Client registered with."""
    location: str | None = None
    purpose: str | None = None
    client_type: int | None = None
    """1 LocalServer, 2 MasterServer, 5 Client, 6 WebClient (the server's ``typeEnum``)."""
    status: str | None = None
    """Online, Offline, Pending or Inactive (the server's ``statusString``)."""
    version: str | None = None
    """The client software's version, when it reports one."""
    last_report: dt.datetime | None = None
    recent_report_count: int | None = None
    pending_count: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False)
    """Keys the server sent that are not named above."""

    @property
    def is_level(self) -> bool:
        """Whether this node is a level (client group) rather than a client."""
        return (self.kind or "").lower() == "level"

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> SystemNode:
        """Read one node from the server's JSON object."""
        d = _lower_keys(data)
        return cls(
            name=_text(d.get("name")),
            kind=_text(d.get("type")),
            id=_int(d.get("id")),
            parent_id=_int(d.get("parentid")),
            client_id=_int(d.get("clientid")),
            client_group_id=_int(d.get("clientgroupid")),
            display_name=_text(d.get("displayname")),
            identifier=_text(d.get("identifier")),
            location=_text(d.get("location")),
            purpose=_text(d.get("purpose")),
            client_type=_int(d.get("typeenum")),
            status=_text(d.get("statusstring")),
            version=_text(d.get("version")),
            last_report=_when(d.get("lastreportutc")),
            recent_report_count=_int(d.get("recentreportcount")),
            pending_count=_int(d.get("pendingcount")),
            extra=_extra(data, _NODE_KEYS),
        )


_LOG_KEYS = ("clientLogId", "clientId", "logDate", "userName", "text")


@attrs.frozen(kw_only=True)
class ClientLog:
    """The most recent log a WATS Client uploaded."""

    client_id: int | None = None
    client_log_id: int | None = None
    log_date: dt.datetime | None = None
    user_name: str | None = None
    text: str = ""
    """The log itself."""
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False)

    @classmethod
    def from_wire(cls, data: Any) -> ClientLog:
        """Read the log from the server's answer (an object; a bare string is the text)."""
        if isinstance(data, str):
            return cls(text=data)
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a client log object, got {type(data).__name__}")
        d = _lower_keys(data)
        return cls(
            client_id=_int(d.get("clientid")),
            client_log_id=_int(d.get("clientlogid")),
            log_date=_when(d.get("logdate")),
            user_name=_text(d.get("username")),
            text=_text(d.get("text")) or "",
            extra=_extra(data, _LOG_KEYS),
        )


def nodes_from_wire(data: Any) -> list[SystemNode]:
    """The nodes of a client-list answer (a list; an object holding one list is accepted)."""
    if data is None:
        return []
    if isinstance(data, Mapping):
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) != 1:
            raise TypeError("expected a list of clients and levels, got an object")
        data = lists[0]
    if not isinstance(data, list):
        raise TypeError(f"expected a list of clients and levels, got {type(data).__name__}")
    return [SystemNode.from_wire(item) for item in data if isinstance(item, Mapping)]

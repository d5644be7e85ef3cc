"""The System Manager in the emulator: clients, their logs, levels, and the system status.

A client (a test station) appears the first time a stored report names it in ``machineName``,
with the ``location`` and ``purpose`` of its latest report, as the server lists the stations
reports come from. Each client is kept as a ``client`` entity (key: its lower-cased name), so its
id stays the same and ``PUT /api/SystemManager/Client`` changes stick: a field set that way is
no longer taken from reports. Levels are the ``level`` entities ``GET /api/App/Levels`` lists.

Answers follow the shapes openapi/wats.yaml assumes (the server leaves them untyped): a
``SystemManagerNode`` per client or level, a ``ClientLog`` for the log. A client's identifier is
a MAC address on the server (what the WATS Client registered with); reports carry none, so the
emulator gives each client a stable, locally administered one (``02-...``) made from its name.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, json_body, now_utc, ok, store_of, user_of
from pywats.testing._odata import parse_datetime
from pywats.testing._store import Store

__all__ = [
    "get_client",
    "get_client_log",
    "get_level",
    "list_clients",
    "post_level",
    "put_client",
    "system_status",
]

CLIENT = 5  # client types: 1 LocalServer, 2 MasterServer, 5 Client, 6 WebClient
_EDITABLE = ("displayName", "location", "purpose", "clientGroupId")
_MAX_LOG_LINES = 200


def mac_of(name: str) -> str:
    """A stable, locally administered MAC address for a client known only by name."""
    digest = hashlib.sha256(name.lower().encode("utf-8")).digest()
    return "-".join(f"{b:02X}" for b in (0x02, *digest[:5]))


def _log(client: dict[str, Any], text: str) -> None:
    lines: list[str] = client.setdefault("_log", [])
    lines.append(f"{now_utc()} {text}")
    del lines[:-_MAX_LOG_LINES]


def _root_level(store: Store) -> int | None:
    levels = store.all("level")
    roots = [lv for lv in levels if lv.get("parentLevelId") is None]
    return int(roots[0]["levelId"]) if roots else None


def sync_clients(store: Store) -> list[dict[str, Any]]:
    """Bring the clients up to date with the stored reports; return them, oldest first."""
    latest: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for record in store.reports(with_docs=False):
        header = record.header
        name = header.get("stationName")
        if not isinstance(name, str) or not name.strip():
            continue
        key = name.lower()
        counts[key] = counts.get(key, 0) + 1
        seen = latest.get(key)
        if seen is None or str(header.get("start")) >= str(seen.get("start")):
            latest[key] = header
    with store.transaction():
        for key, header in latest.items():
            client = store.get("client", key)
            if client is None:
                name = str(header["stationName"])
                client = {
                    "clientId": store.next_number("clientId"),
                    "name": name,
                    "displayName": name,
                    "identifier": mac_of(name),
                    "clientGroupId": _root_level(store),
                    "regDateUtc": now_utc(),
                    "_set": [],
                }
                _log(client, f"registered from report {header.get('uuid')}")
            edited = set(client.get("_set", []))
            for field in ("location", "purpose"):
                if field not in edited:
                    client[field] = header.get(field)
            client["lastReportUtc"] = header.get("start")
            client["recentReportCount"] = counts[key]
            store.put("client", key, client)
    return store.all("client")


def _status(client: dict[str, Any]) -> str:
    when = client.get("lastReportUtc")
    last = parse_datetime(str(when)) if when else None
    if last is not None and datetime.now(UTC) - last < timedelta(days=1):
        return "Online"
    return "Offline"


def _client_node(client: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": client["clientId"],
        "parentId": client.get("clientGroupId"),
        "clientId": client["clientId"],
        "clientGroupId": client.get("clientGroupId"),
        "name": client["name"],
        "displayName": client.get("displayName"),
        "identifier": client.get("identifier"),
        "location": client.get("location"),
        "purpose": client.get("purpose"),
        "type": "Client",
        "typeEnum": CLIENT,
        "regDateUtc": client.get("regDateUtc"),
        "lastReportUtc": client.get("lastReportUtc"),
        "recentReportCount": client.get("recentReportCount", 0),
        "pendingCount": 0,
        "statusString": _status(client),
        "version": None,
    }


def _level_node(level: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": level["levelId"],
        "parentId": level.get("parentLevelId"),
        "clientGroupId": level["levelId"],
        "name": level["levelName"],
        "displayName": level["levelName"],
        "type": "Level",
    }


async def list_clients(request: Request) -> Response:
    """Every level, then every client, as System Manager nodes."""
    store = store_of(request)
    clients = sync_clients(store)
    return ok([_level_node(lv) for lv in store.all("level")] + [_client_node(c) for c in clients])


def _find(store: Store, *, name: str | None, identifier: str | None) -> dict[str, Any]:
    clients = sync_clients(store)
    if identifier:
        wanted = identifier.replace(":", "-").upper()
        found = [c for c in clients if str(c.get("identifier")).upper() == wanted]
        what = f"identifier '{identifier}'"
    else:
        found = [c for c in clients if name and c["name"].lower() == name.lower()]
        what = f"name '{name}'"
    if not found:
        raise ApiProblem(404, f"No client with {what} was found.")
    return found[0]


async def get_client(request: Request) -> Response:
    """One client by ``name`` or ``identifier``."""
    params = Params(request)
    name, identifier = params.text("name"), params.text("identifier")
    if not name and not identifier:
        raise ApiProblem(400, "The request is invalid.", "Give the client's name or identifier.")
    return ok(_client_node(_find(store_of(request), name=name, identifier=identifier)))


def _field(body: dict[str, Any], name: str) -> tuple[bool, Any]:
    # Json.NET binds property names case-insensitively.
    for key, value in body.items():
        if key.lower() == name.lower():
            return True, value
    return False, None


async def put_client(request: Request) -> Response:
    """Change a client's display name, location, purpose and level; answer the client."""
    params = Params(request)
    move = params.flag("moveWithHistory", False)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "The client must be a JSON object.")
    present, client_id = _field(body, "clientId")
    if not present or isinstance(client_id, bool) or not isinstance(client_id, int):
        raise ApiProblem(400, "The request is invalid.", "clientId is required.")
    store = store_of(request)
    matches = [c for c in sync_clients(store) if c["clientId"] == client_id]
    if not matches:
        raise ApiProblem(404, f"No client with clientId {client_id} was found.")
    client = matches[0]
    levels = {int(lv["levelId"]) for lv in store.all("level")}
    changed = []
    for name in _EDITABLE:
        given, value = _field(body, name)
        if not given:
            continue
        if name == "clientGroupId" and value is not None and value not in levels:
            raise ApiProblem(400, f"No level has the id {value}.")
        if name != "clientGroupId" and value is not None and not isinstance(value, str):
            raise ApiProblem(400, "The request is invalid.", f"{name} must be a string.")
        if client.get(name) != value:
            changed.append(name)
        client[name] = value
        client["_set"] = sorted({*client.get("_set", []), name})
    if changed:
        history = " with its history" if move and "clientGroupId" in changed else ""
        _log(client, f"{', '.join(changed)} changed by {user_of(request)}{history}")
    store.put("client", client["name"].lower(), client)
    return ok(_client_node(client))


async def get_client_log(request: Request) -> Response:
    """The client's most recent log, as one ``ClientLog``."""
    store = store_of(request)
    client = _find(store, name=None, identifier=request.path_params["identifier"])
    lines = client.get("_log", [])
    return ok(
        {
            "clientLogId": client["clientId"] * 1000 + len(lines),
            "clientId": client["clientId"],
            "logDate": lines[-1].split(" ", 1)[0] if lines else now_utc(),
            "userName": client["name"],
            "text": "\n".join(lines),
        }
    )


def _hierarchy_of(values: Any) -> list[str]:
    if not isinstance(values, list) or not values:
        raise ApiProblem(400, "The request is invalid.", "hierarchy must list level names.")
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise ApiProblem(400, "The request is invalid.", "A level name is empty.")
    return [str(v).strip() for v in values]


def _walk(store: Store, names: list[str], *, create: bool) -> int | None:
    levels = store.all("level")
    parent: int | None = None
    for name in names:
        wanted = name.lower()
        match = next(
            (
                lv
                for lv in levels
                if lv.get("parentLevelId") == parent and str(lv["levelName"]).lower() == wanted
            ),
            None,
        )
        if match is None:
            if not create:
                return None
            level_id = max((int(lv["levelId"]) for lv in levels), default=0) + 1
            match = {"levelId": level_id, "levelName": name, "parentLevelId": parent}
            store.put("level", str(level_id), match)
            levels.append(match)
        parent = int(match["levelId"])
    return parent


async def get_level(request: Request) -> Response:
    """The id of the last level of ``hierarchy`` (topmost first), or null."""
    values = [v for k, v in request.query_params.multi_items() if k.lower() == "hierarchy"]
    return ok(_walk(store_of(request), _hierarchy_of(values), create=False))


async def post_level(request: Request) -> Response:
    """Create the missing levels of the posted path; answer the last level's id."""
    names = _hierarchy_of(await json_body(request))
    store = store_of(request)
    with store.transaction():
        return ok(_walk(store, names, create=True))


async def system_status(request: Request) -> Response:
    """The server's status as names and text values."""
    from pywats.testing._analytics_filter import SERVER_VERSION

    store = store_of(request)
    return ok(
        {
            "Status": "Running",
            "Version": SERVER_VERSION,
            "Database": "OK",
            "Reports": str(store.report_count()),
            "Clients": str(len(sync_clients(store))),
            "TimeUtc": now_utc(),
        }
    )

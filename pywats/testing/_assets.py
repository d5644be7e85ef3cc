"""``/api/Asset/*``: assets, types, counts, calibration, maintenance, state and the log.

Behaviour kept from the server (reference §2.4, §3.5): ``PUT /api/Asset`` never changes counts
or calibration/maintenance dates; deleting an asset re-parents its children; a calibration
resets the running count (the type's ``runningCountLimit`` is the count until the next
calibration); posting a report whose ``assets[]`` name an asset adds ``usageCount`` to it.
Alarm state: 0 OK, 1 warning (a count or interval past ``warningThreshold`` percent), 2 alarm
(past ``alarmThreshold``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, json_body, now_utc, ok, store_of, user_of
from pywats.testing._odata import ODataOptions, apply, parse_datetime
from pywats.testing._store import Store

__all__ = [
    "asset_stats",
    "calibration",
    "delete_asset",
    "get_asset",
    "list_assets",
    "list_log",
    "list_types",
    "maintenance",
    "message",
    "put_asset",
    "put_count",
    "put_state",
    "put_type",
    "record_usage",
    "reset_running_count",
    "status",
    "sub_assets",
]

STATES = {
    0: "Unknown",
    1: "In Operation",
    2: "In Transit",
    3: "In Maintenance",
    4: "In Calibration",
    5: "In Storage",
    6: "Scrapped",
}
# Asset log types (reference §3.5)
LOG_MESSAGE, LOG_REGISTER, LOG_UPDATE, LOG_RESET, LOG_CALIBRATION, LOG_MAINTENANCE = range(6)
LOG_STATE = 6

_SCALARS = (
    "assetId",
    "parentAssetId",
    "serialNumber",
    "parentSerialNumber",
    "assetName",
    "partNumber",
    "revision",
    "typeId",
    "state",
    "description",
    "location",
    "firstSeenDate",
    "lastSeenDate",
    "lastMaintenanceDate",
    "nextMaintenanceDate",
    "lastCalibrationDate",
    "nextCalibrationDate",
    "totalCount",
    "runningCount",
)
_EDITABLE = (
    "assetName",
    "partNumber",
    "revision",
    "typeId",
    "state",
    "description",
    "location",
    "ClientId",
    "tags",
    "xmlData",
)


def find_asset(store: Store, ident: str | None, serial: str | None = None) -> dict[str, Any] | None:
    """By asset id first, then by serial number (``GET /api/Asset/{x}`` accepts either)."""
    if ident:
        asset = store.get("asset", ident)
        if asset is not None:
            return asset
        serial = serial or ident
    if serial:
        for asset in store.all("asset"):
            if str(asset.get("serialNumber", "")).lower() == serial.lower():
                return asset
    return None


def _asset_or_404(store: Store, params: Params) -> dict[str, Any]:
    ident, serial = params.text("id"), params.text("serialNumber")
    if not ident and not serial:
        raise ApiProblem(400, "The request is invalid.", "Give id or serialNumber.")
    asset = find_asset(store, ident, serial) if ident else find_asset(store, None, serial)
    if asset is None:
        raise ApiProblem(404, f"No asset '{ident or serial}' exists.")
    return asset


def _log(
    store: Store,
    asset: dict[str, Any],
    kind: int,
    user: str,
    *,
    prop: str | None = None,
    value: Any = None,
    comment: str | None = None,
    date: str | None = None,
) -> None:
    log_id = store.next_number("assetlog")
    store.put(
        "assetlog",
        str(log_id),
        {
            "logId": log_id,
            "assetId": asset["assetId"],
            "serialNumber": asset["serialNumber"],
            "date": date or now_utc(),
            "user": user,
            "type": kind,
            "property": prop,
            "value": None if value is None else str(value),
            "comment": comment,
        },
    )


def _save(store: Store, asset: dict[str, Any]) -> None:
    store.put("asset", asset["assetId"], asset)


def _type_of(store: Store, asset: dict[str, Any]) -> dict[str, Any]:
    return store.get("assettype", str(asset.get("typeId"))) or {}


def _children(store: Store, asset: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in store.all("asset") if a.get("parentAssetId") == asset["assetId"]]


def _full(store: Store, asset: dict[str, Any]) -> dict[str, Any]:
    out = dict(asset)
    out["assetType"] = _type_of(store, asset) or None
    out["assetChildren"] = [dict(c) for c in _children(store, asset)]
    return out


def _days(since: str | None, now: datetime) -> float | None:
    parsed = parse_datetime(since) if since else None
    return None if parsed is None else (now - parsed).total_seconds() / 86400.0


def _health(store: Store, asset: dict[str, Any]) -> dict[str, Any]:
    kind = _type_of(store, asset)
    now = datetime.now(UTC)
    warning = float(kind.get("warningThreshold") or 80.0)
    alarm = float(kind.get("alarmThreshold") or 100.0)
    messages: list[str] = []
    level = 0

    def grade(name: str, used: float | None, limit: float | None) -> float:
        nonlocal level
        if used is None or not limit:
            return 0.0
        percent = 100.0 * used / float(limit)
        if percent >= alarm:
            level = 2
            messages.append(f"{name} is at {percent:.0f}% of its limit.")
        elif percent >= warning:
            level = max(level, 1)
            messages.append(f"{name} is at {percent:.0f}% of its limit.")
        return max(0.0, used - float(limit))

    running, total = asset.get("runningCount") or 0, asset.get("totalCount") or 0
    running_over = grade("Running count", running, kind.get("runningCountLimit"))
    total_over = grade("Total count", total, kind.get("totalCountLimit"))
    since_cal = _days(asset.get("lastCalibrationDate") or asset.get("firstSeenDate"), now)
    since_maint = _days(asset.get("lastMaintenanceDate") or asset.get("firstSeenDate"), now)
    cal_over = grade("Time since calibration", since_cal, kind.get("calibrationInterval"))
    maint_over = grade("Time since maintenance", since_maint, kind.get("maintenanceInterval"))
    return {
        "assetSN": asset["serialNumber"],
        "runningCount": running,
        "runningCountExceeded": int(running_over),
        "totalCount": total,
        "totalCountExceeded": int(total_over),
        "daysSinceCalibration": since_cal,
        "isDaysSinceCalibrationUnknown": asset.get("lastCalibrationDate") is None,
        "calibrationDaysOverdue": cal_over,
        "daysSinceMaintenance": since_maint,
        "isDaysSinceMaintenanceUnknown": asset.get("lastMaintenanceDate") is None,
        "maintenanceDaysOverdue": maint_over,
        "message": " ".join(messages) or "OK",
        "_alarm": level,
    }


def asset_stats(store: Store, serial: str) -> dict[str, Any] | None:
    """The WSJF ``assetStats[]`` row of one asset, or None when it is not registered."""
    asset = find_asset(store, None, serial)
    if asset is None:
        return None
    return {k: v for k, v in _health(store, asset).items() if not k.startswith("_")}


def record_usage(store: Store, doc: dict[str, Any]) -> None:
    """Add each ``assets[].usageCount`` of a newly received report to the registered asset."""
    for item in doc.get("assets") or []:
        if not isinstance(item, dict) or not item.get("assetSN"):
            continue
        asset = find_asset(store, None, str(item["assetSN"]))
        count = item.get("usageCount")
        if asset is None or not isinstance(count, int) or isinstance(count, bool) or count <= 0:
            continue
        asset["runningCount"] = (asset.get("runningCount") or 0) + count
        asset["totalCount"] = (asset.get("totalCount") or 0) + count
        asset["lastSeenDate"] = now_utc()
        _save(store, asset)


async def list_assets(request: Request) -> Response:
    """Asset rows with OData (top 1000, ordered by ``assetId``)."""
    rows = [
        {**{k: a.get(k) for k in _SCALARS}, "xmlData": a.get("xmlData")}
        for a in store_of(request).all("asset")
    ]
    options = ODataOptions(default_top=1000, default_order=(("assetId", False),))
    return ok(apply(rows, Params(request).odata(), options))


async def get_asset(request: Request) -> Response:
    """One asset by id or serial number, with its type and direct children; 404 when unknown."""
    store = store_of(request)
    ident = request.path_params["assetId"]
    asset = find_asset(store, ident)
    if asset is None:
        raise ApiProblem(404, f"No asset with id or serial number '{ident}' exists.")
    return ok(_full(store, asset))


async def put_asset(request: Request) -> Response:
    """Create or update an asset (``serialNumber`` and an existing ``typeId`` required)."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "The body must be an Asset object.")
    serial = body.get("serialNumber")
    if not isinstance(serial, str) or not serial.strip():
        raise ApiProblem(400, "The request is invalid.", "serialNumber is required.")
    state = body.get("state")
    if state is not None and (not isinstance(state, int) or state not in STATES):
        raise ApiProblem(400, "The request is invalid.", "state must be between 0 and 6.")
    if not body.get("typeId") or store.get("assettype", str(body["typeId"])) is None:
        raise ApiProblem(400, "The request is invalid.", "typeId must name an existing asset type.")
    existing = None
    if body.get("assetId"):
        existing = store.get("asset", str(body["assetId"]))
    if existing is None:
        existing = find_asset(store, None, serial)
    user = user_of(request)
    if existing is None:
        asset: dict[str, Any] = dict.fromkeys(_SCALARS)
        asset.update(
            assetId=str(body.get("assetId") or uuid.uuid4()),
            serialNumber=serial,
            state=1,
            firstSeenDate=now_utc(),
            totalCount=0,
            runningCount=0,
            ClientId=None,
            tags=[],
            xmlData=None,
        )
    else:
        asset = dict(existing)
        asset["serialNumber"] = serial
    for key in _EDITABLE:
        if key in body:
            asset[key] = body[key]
    parent = None
    if body.get("parentAssetId"):
        parent = store.get("asset", str(body["parentAssetId"]))
    elif body.get("parentSerialNumber"):
        parent = find_asset(store, None, str(body["parentSerialNumber"]))
    if (body.get("parentAssetId") or body.get("parentSerialNumber")) and parent is None:
        raise ApiProblem(400, "The request is invalid.", "The parent asset does not exist.")
    if parent is not None:
        if parent["assetId"] == asset["assetId"]:
            raise ApiProblem(400, "The request is invalid.", "An asset cannot be its own parent.")
        asset["parentAssetId"], asset["parentSerialNumber"] = (
            parent["assetId"],
            parent["serialNumber"],
        )
    _save(store, asset)
    _log(store, asset, LOG_REGISTER if existing is None else LOG_UPDATE, user)
    return ok(_full(store, asset))


async def delete_asset(request: Request) -> Response:
    """Delete an asset and its log; its children move up to its parent."""
    store = store_of(request)
    asset = _asset_or_404(store, Params(request))
    with store.transaction():
        for child in _children(store, asset):
            child["parentAssetId"] = asset.get("parentAssetId")
            child["parentSerialNumber"] = asset.get("parentSerialNumber")
            _save(store, child)
        for entry in store.all("assetlog"):
            if entry["assetId"] == asset["assetId"]:
                store.delete("assetlog", str(entry["logId"]))
        store.delete("asset", asset["assetId"])
    return ok({"assetId": asset["assetId"], "serialNumber": asset["serialNumber"]})


async def status(request: Request) -> Response:
    """Counts, calibration and maintenance health with an alarm state (0 OK, 1 warn, 2 alarm)."""
    store = store_of(request)
    asset = _asset_or_404(store, Params(request))
    health = _health(store, asset)
    return ok(
        {
            "assetId": asset["assetId"],
            "serialNumber": asset["serialNumber"],
            "state": asset.get("state"),
            "stateName": STATES.get(asset.get("state") or 0),
            "alarmState": health["_alarm"],
            **{k: v for k, v in health.items() if not k.startswith("_") and k != "assetSN"},
        }
    )


async def put_state(request: Request) -> Response:
    """Set the state (0-6)."""
    params = Params(request)
    store = store_of(request)
    state = params.integer("state", required=True)
    if state not in STATES:
        raise ApiProblem(400, "The request is invalid.", "state must be between 0 and 6.")
    asset = _asset_or_404(store, params)
    asset["state"] = state
    _save(store, asset)
    _log(store, asset, LOG_STATE, user_of(request), prop="state", value=state)
    return ok(_full(store, asset))


async def put_count(request: Request) -> Response:
    """Increase the running and total counts (``totalCount`` = new total, or ``incrementBy``)."""
    params = Params(request)
    store = store_of(request)
    asset = _asset_or_404(store, params)
    total, increment = params.integer("totalCount"), params.integer("incrementBy")
    if total is not None:
        increment = total - (asset.get("totalCount") or 0)
    if increment is None:
        increment = 1
    if increment < 0:
        raise ApiProblem(400, "The request is invalid.", "Counts can only increase.")
    targets = [asset]
    if params.flag("incrementChildren", False):
        pending = [asset]
        while pending:
            kids = _children(store, pending.pop())
            targets += kids
            pending += kids
    with store.transaction():
        for target in targets:
            target["runningCount"] = (target.get("runningCount") or 0) + increment
            target["totalCount"] = (target.get("totalCount") or 0) + increment
            target["lastSeenDate"] = now_utc()
            _save(store, target)
    return ok(_full(store, asset))


async def reset_running_count(request: Request) -> Response:
    """Set the running count to 0 (logged with the comment)."""
    params = Params(request)
    store = store_of(request)
    asset = _asset_or_404(store, params)
    asset["runningCount"] = 0
    _save(store, asset)
    _log(
        store,
        asset,
        LOG_RESET,
        user_of(request),
        prop="runningCount",
        value=0,
        comment=params.text("comment"),
    )
    return ok(_full(store, asset))


def _dated(store: Store, request: Request, which: str) -> dict[str, Any]:
    params = Params(request)
    asset = _asset_or_404(store, params)
    when_text = params.text("dateTime")
    when = parse_datetime(when_text) if when_text else datetime.now(UTC)
    if when is None:
        raise ApiProblem(400, "The request is invalid.", f"dateTime '{when_text}' is not a date.")
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    interval = _type_of(store, asset).get(f"{which}Interval")
    asset[f"last{which.title()}Date"] = stamp
    if interval:
        from datetime import timedelta

        asset[f"next{which.title()}Date"] = (
            (when + timedelta(days=float(interval)))
            .astimezone(UTC)
            .strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        )
    if which == "calibration":
        asset["runningCount"] = 0
    _save(store, asset)
    kind = LOG_CALIBRATION if which == "calibration" else LOG_MAINTENANCE
    _log(store, asset, kind, user_of(request), comment=params.text("comment"), date=stamp)
    return asset


async def calibration(request: Request) -> Response:
    """Record a calibration (default now): sets the dates and resets the running count."""
    store = store_of(request)
    return ok(_full(store, _dated(store, request, "calibration")))


async def maintenance(request: Request) -> Response:
    """Record a maintenance (default now)."""
    store = store_of(request)
    return ok(_full(store, _dated(store, request, "maintenance")))


async def list_log(request: Request) -> Response:
    """The asset log with OData (top 1000, newest first)."""
    options = ODataOptions(default_top=1000, default_order=(("date", True), ("logId", True)))
    return ok(apply(store_of(request).all("assetlog"), Params(request).odata(), options))


async def message(request: Request) -> Response:
    """Post ``{"content": ...}`` to an asset's log."""
    params = Params(request)
    store = store_of(request)
    body = await json_body(request)
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, str) or not content.strip():
        raise ApiProblem(400, "The request is invalid.", "content is required.")
    asset = _asset_or_404(store, params)
    _log(store, asset, LOG_MESSAGE, user_of(request), comment=content)
    return ok(
        {"assetId": asset["assetId"], "serialNumber": asset["serialNumber"], "content": content}
    )


async def list_types(request: Request) -> Response:
    """Asset types with OData (top 1000, ordered by name)."""
    options = ODataOptions(default_top=1000, default_order=(("typeName", False),))
    return ok(apply(store_of(request).all("assettype"), Params(request).odata(), options))


async def put_type(request: Request) -> Response:
    """Create or update an asset type (``typeName`` required; matched by typeId, then name)."""
    store = store_of(request)
    body = await json_body(request)
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("typeName"), str)
        or not body["typeName"]
    ):
        raise ApiProblem(400, "The request is invalid.", "typeName is required.")
    existing = store.get("assettype", str(body["typeId"])) if body.get("typeId") else None
    if existing is None:
        for kind in store.all("assettype"):
            if str(kind["typeName"]).lower() == str(body["typeName"]).lower():
                existing = kind
    if existing is not None and existing.get("isReadonly"):
        raise ApiProblem(403, f"Asset type '{existing['typeName']}' is read-only.")
    saved: dict[str, Any] = dict(
        existing
        or {
            "typeId": str(body.get("typeId") or uuid.uuid4()),
            "runningCountLimit": None,
            "totalCountLimit": None,
            "maintenanceInterval": None,
            "calibrationInterval": None,
            "warningThreshold": 80.0,
            "alarmThreshold": 100.0,
            "isReadonly": False,
            "icon": None,
        }
    )
    for key, value in body.items():
        if key != "typeId":
            saved[key] = value
    store.put("assettype", saved["typeId"], saved)
    return ok(saved)


async def sub_assets(request: Request) -> Response:
    """Children of an asset: all levels (``level=0``, default) or direct ones (``level=1``)."""
    params = Params(request)
    store = store_of(request)
    asset = _asset_or_404(store, params)
    depth = params.integer("level", default=0) or 0
    found: list[dict[str, Any]] = []
    level_items = [asset]
    level = 0
    while level_items and (depth == 0 or level < depth):
        level += 1
        next_items = []
        for item in level_items:
            next_items += _children(store, item)
        found += next_items
        level_items = next_items
    return ok(found)

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
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._assets_health import _health, asset_stats, record_usage
from pywats.testing._assets_log import (
    calibration,
    list_log,
    list_types,
    maintenance,
    message,
    put_type,
)
from pywats.testing._assets_records import (
    _EDITABLE,
    _SCALARS,
    LOG_CALIBRATION,
    LOG_MAINTENANCE,
    LOG_MESSAGE,
    LOG_REGISTER,
    LOG_RESET,
    LOG_STATE,
    LOG_UPDATE,
    STATES,
    _asset_or_404,
    _children,
    _full,
    _log,
    _save,
    find_asset,
)
from pywats.testing._http import ApiProblem, Params, json_body, now_utc, ok, store_of, user_of
from pywats.testing._odata import ODataOptions, apply

__all__ = [
    "LOG_CALIBRATION",
    "LOG_MAINTENANCE",
    "LOG_MESSAGE",
    "LOG_REGISTER",
    "LOG_RESET",
    "LOG_STATE",
    "LOG_UPDATE",
    "STATES",
    "asset_stats",
    "calibration",
    "delete_asset",
    "find_asset",
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

"""``/api/Asset/Calibration``, ``Maintenance``, ``Log``, ``Message`` and the asset types."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._assets_records import (
    LOG_CALIBRATION,
    LOG_MAINTENANCE,
    LOG_MESSAGE,
    _asset_or_404,
    _full,
    _log,
    _save,
    _type_of,
)
from pywats.testing._http import ApiProblem, Params, json_body, ok, store_of, user_of
from pywats.testing._odata import ODataOptions, apply, parse_datetime
from pywats.testing._store import Store

__all__ = ["calibration", "list_log", "list_types", "maintenance", "message", "put_type"]


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

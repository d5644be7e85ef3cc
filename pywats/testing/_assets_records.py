"""The emulator's asset records: states, lookup, saving, the log and the asset tree.

Shared by the ``/api/Asset/*`` handler modules."""

from __future__ import annotations

from typing import Any

from pywats.testing._http import ApiProblem, Params, now_utc
from pywats.testing._store import Store

__all__ = [
    "LOG_CALIBRATION",
    "LOG_MAINTENANCE",
    "LOG_MESSAGE",
    "LOG_REGISTER",
    "LOG_RESET",
    "LOG_STATE",
    "LOG_UPDATE",
    "STATES",
    "find_asset",
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

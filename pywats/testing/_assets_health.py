"""An asset's health (calibration, maintenance and count limits) and its usage by reports."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pywats.testing._assets_records import _save, _type_of, find_asset
from pywats.testing._http import now_utc
from pywats.testing._odata import parse_datetime
from pywats.testing._store import Store

__all__ = ["asset_stats", "record_usage"]


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

"""Assets, their types and log entries, as ``api.asset`` hands them out."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar
from uuid import UUID

import attrs

from pywats._models import Tag, WireValue, _wire

__all__ = ["Asset", "AssetLogEntry", "AssetSummary", "AssetType"]


@_wire("AssetType", "AssetTypeListItem")
@attrs.frozen(kw_only=True)
class AssetType(WireValue):
    """A kind of asset, with its count limits and service intervals (days)."""

    type_id: UUID | None = None
    type_name: str | None = None
    running_count_limit: int | None = None
    total_count_limit: int | None = None
    maintenance_interval: float | None = None
    calibration_interval: float | None = None
    warning_threshold: float | None = None
    alarm_threshold: float | None = None
    is_readonly: bool | None = None
    icon: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("AssetLogEntry", "AssetLogListItem")
@attrs.frozen(kw_only=True)
class AssetLogEntry(WireValue):
    """One line of an asset's log (``kind`` is the server's log type code)."""

    _renames: ClassVar[dict[str, str]] = {"type_": "kind", "property_": "property"}

    log_id: int | None = None
    asset_id: str | None = None
    serial_number: str | None = None
    date: dt.datetime | None = None
    user: str | None = None
    kind: int | None = None
    property: str | None = None
    value: str | None = None
    comment: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("AssetListItem")
@attrs.frozen(kw_only=True)
class AssetSummary(WireValue):
    """An asset as asset queries list it."""

    asset_id: str | None = None
    serial_number: str | None = None
    asset_name: str | None = None
    type_id: UUID | None = None
    parent_asset_id: str | None = None
    parent_serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    state: int | None = None
    description: str | None = None
    location: str | None = None
    first_seen_date: dt.datetime | None = None
    last_seen_date: dt.datetime | None = None
    last_maintenance_date: dt.datetime | None = None
    next_maintenance_date: dt.datetime | None = None
    last_calibration_date: dt.datetime | None = None
    next_calibration_date: dt.datetime | None = None
    total_count: int | None = None
    running_count: int | None = None
    xml_data: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("Asset")
@attrs.frozen(kw_only=True)
class Asset(WireValue):
    """An asset (fixture, instrument ...) with its type, children and log."""

    asset_id: str | None = None
    serial_number: str | None = None
    asset_name: str | None = None
    type_id: UUID | None = None
    parent_asset_id: str | None = None
    parent_serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    client_id: int | None = None
    state: int | None = None
    description: str | None = None
    location: str | None = None
    first_seen_date: dt.datetime | None = None
    last_seen_date: dt.datetime | None = None
    last_maintenance_date: dt.datetime | None = None
    next_maintenance_date: dt.datetime | None = None
    last_calibration_date: dt.datetime | None = None
    next_calibration_date: dt.datetime | None = None
    total_count: int | None = None
    running_count: int | None = None
    tags: list[Tag] | None = None
    asset_type: AssetType | None = None
    asset_children: list[Asset] | None = None
    asset_log: list[AssetLogEntry] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

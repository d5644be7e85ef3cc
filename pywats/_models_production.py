"""Units, their changes and verification, and serial-number types (``api.production``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from pywats._models import Tag, WireValue, _wire
from pywats._models_products import Product, ProductRevision

__all__ = ["SerialNumberType", "Unit", "UnitChange", "UnitVerification", "UnitVerificationResult"]


@_wire("Unit")
@attrs.frozen(kw_only=True)
class Unit(WireValue):
    """A produced unit (serial number of a part number) and its sub-units."""

    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    parent_serial_number: str | None = None
    batch_number: str | None = None
    serial_date: dt.datetime | None = None
    current_location: str | None = None
    xml_data: str | None = None
    unit_phase_id: int | None = None
    unit_phase: str | None = None
    process_code: str | None = None
    tags: list[Tag] | None = None
    product_revision: ProductRevision | None = None
    product: Product | None = None
    sub_units: list[Unit] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitChange")
@attrs.frozen(kw_only=True)
class UnitChange(WireValue):
    """A pending change to a unit (acknowledge it with ``delete_unit_change(id)``)."""

    id: int | None = None
    unit_serial_number: str | None = None
    new_parent_serial_number: str | None = None
    new_part_number: str | None = None
    new_revision: str | None = None
    new_unit_phase_id: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitVerificationResult")
@attrs.frozen(kw_only=True)
class UnitVerificationResult(WireValue):
    process_code: int | None = None
    process_name: str | None = None
    process_index: int | None = None
    status: str | None = None
    start_utc: dt.datetime | None = None
    station_name: str | None = None
    total_count: int | None = None
    non_passed_count: int | None = None
    repair_count: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitVerificationGrade")
@attrs.frozen(kw_only=True)
class UnitVerification(WireValue):
    """A unit's verification grade and the per-process results behind it."""

    status: str | None = None
    grade: str | None = None
    all_processes_executed_in_correct_order: bool | None = None
    all_processes_passed_first_run: bool | None = None
    all_processes_passed_any_run: bool | None = None
    all_processes_passed_last_run: bool | None = None
    no_repairs: bool | None = None
    results: list[UnitVerificationResult] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("SerialNumberType")
@attrs.frozen(kw_only=True)
class SerialNumberType(WireValue):
    """A serial-number pool."""

    _renames: ClassVar[dict[str, str]] = {"format_": "format"}

    name: str | None = None
    description: str | None = None
    format: str | None = None
    reg_ex: str | None = None
    identifier: int | None = None
    identifier_name: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

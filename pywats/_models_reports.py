"""Report headers and misc-info matches, as ``api.report`` queries list them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

import attrs

from pywats._models import WireValue, _wire

__all__ = [
    "MiscInfoMatch",
    "MiscInfoValue",
    "ReportHeader",
    "ReportHeaderAsset",
    "ReportHeaderAttachment",
    "ReportHeaderMiscInfo",
    "ReportHeaderSubUnit",
    "ReportHeaderUurAttachment",
    "ReportHeaderUurSubUnit",
]


@_wire("ReportHeaderSubUnit")
@attrs.frozen(kw_only=True)
class ReportHeaderSubUnit(WireValue):
    part_type: str | None = None
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderMiscInfo", "ReportHeaderUurMiscInfo")
@attrs.frozen(kw_only=True)
class ReportHeaderMiscInfo(WireValue):
    description: str | None = None
    value: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderAsset")
@attrs.frozen(kw_only=True)
class ReportHeaderAsset(WireValue):
    serial_number: str | None = None
    running_count: int | None = None
    running_count_exceeded: int | None = None
    total_count: int | None = None
    total_count_exceeded: int | None = None
    days_since_maintenance: float | None = None
    maintenance_days_overdue: float | None = None
    days_since_calibration: float | None = None
    calibration_days_overdue: float | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderAttachment")
@attrs.frozen(kw_only=True)
class ReportHeaderAttachment(WireValue):
    step_id: int | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderUurSubUnit")
@attrs.frozen(kw_only=True)
class ReportHeaderUurSubUnit(WireValue):
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderUurAttachment")
@attrs.frozen(kw_only=True)
class ReportHeaderUurAttachment(WireValue):
    id: UUID | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeader")
@attrs.frozen(kw_only=True)
class ReportHeader(WireValue):
    """The header of a UUT (``report_type`` ``"T"``) or UUR (``"R"``) report.

    ``result`` is a word (``Passed``, ``Failed``, ``Error``, ``Terminated``); ``user_name``
    is the operator; the collections are filled only when asked for with ``expand``.
    """

    uuid: UUID | None = None
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    report_type: str | None = None
    start: dt.datetime | None = None
    result: str | None = None
    batch_number: str | None = None
    user_name: str | None = None
    station_name: str | None = None
    location: str | None = None
    purpose: str | None = None
    process_code: int | None = None
    process_name: str | None = None
    comment: str | None = None
    execution_time: float | None = None
    sw_filename: str | None = None
    sw_version: str | None = None
    test_socket_index: int | None = None
    fixture_id: str | None = None
    error_code: int | None = None
    error_message: str | None = None
    run: int | None = None
    passed_in_run: int | None = None
    receive_count: int | None = None
    report_size: int | None = None
    caused_uut_failure: str | None = None
    caused_uut_failure_path: str | None = None
    referenced_uut: UUID | None = None
    measures_deleted: bool | None = None
    time_stamp: int | None = None
    sub_units: list[ReportHeaderSubUnit] | None = None
    misc_info: list[ReportHeaderMiscInfo] | None = None
    assets: list[ReportHeaderAsset] | None = None
    attachments: list[ReportHeaderAttachment] | None = None
    uur_sub_units: list[ReportHeaderUurSubUnit] | None = None
    uur_misc_info: list[ReportHeaderMiscInfo] | None = None
    uur_attachments: list[ReportHeaderUurAttachment] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UutMiscData")
@attrs.frozen(kw_only=True)
class MiscInfoValue(WireValue):
    description: str | None = None
    data: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UutMiscInfoMatch")
@attrs.frozen(kw_only=True)
class MiscInfoMatch(WireValue):
    """A UUT report found by its misc info."""

    uuid: UUID | None = None
    serial_number: str | None = None
    part_number: str | None = None
    start: dt.datetime | None = None
    result: str | None = None
    process_code: int | None = None
    process_name: str | None = None
    misc_data: list[MiscInfoValue] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportHeaderAsset")


@_attrs_define
class ReportHeaderAsset:
    """Counters of an asset used by a report, when it was processed.

    Attributes:
        serial_number (None | str | Unset): Serial number.
        running_count (int | None | Unset):
        running_count_exceeded (int | None | Unset):
        total_count (int | None | Unset):
        total_count_exceeded (int | None | Unset):
        days_since_maintenance (float | None | Unset):
        maintenance_days_overdue (float | None | Unset):
        days_since_calibration (float | None | Unset):
        calibration_days_overdue (float | None | Unset):
    """

    serial_number: None | str | Unset = UNSET
    running_count: int | None | Unset = UNSET
    running_count_exceeded: int | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    total_count_exceeded: int | None | Unset = UNSET
    days_since_maintenance: float | None | Unset = UNSET
    maintenance_days_overdue: float | None | Unset = UNSET
    days_since_calibration: float | None | Unset = UNSET
    calibration_days_overdue: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        serial_number: None | str | Unset
        if isinstance(self.serial_number, Unset):
            serial_number = UNSET
        else:
            serial_number = self.serial_number

        running_count: int | None | Unset
        if isinstance(self.running_count, Unset):
            running_count = UNSET
        else:
            running_count = self.running_count

        running_count_exceeded: int | None | Unset
        if isinstance(self.running_count_exceeded, Unset):
            running_count_exceeded = UNSET
        else:
            running_count_exceeded = self.running_count_exceeded

        total_count: int | None | Unset
        if isinstance(self.total_count, Unset):
            total_count = UNSET
        else:
            total_count = self.total_count

        total_count_exceeded: int | None | Unset
        if isinstance(self.total_count_exceeded, Unset):
            total_count_exceeded = UNSET
        else:
            total_count_exceeded = self.total_count_exceeded

        days_since_maintenance: float | None | Unset
        if isinstance(self.days_since_maintenance, Unset):
            days_since_maintenance = UNSET
        else:
            days_since_maintenance = self.days_since_maintenance

        maintenance_days_overdue: float | None | Unset
        if isinstance(self.maintenance_days_overdue, Unset):
            maintenance_days_overdue = UNSET
        else:
            maintenance_days_overdue = self.maintenance_days_overdue

        days_since_calibration: float | None | Unset
        if isinstance(self.days_since_calibration, Unset):
            days_since_calibration = UNSET
        else:
            days_since_calibration = self.days_since_calibration

        calibration_days_overdue: float | None | Unset
        if isinstance(self.calibration_days_overdue, Unset):
            calibration_days_overdue = UNSET
        else:
            calibration_days_overdue = self.calibration_days_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if running_count is not UNSET:
            field_dict["runningCount"] = running_count
        if running_count_exceeded is not UNSET:
            field_dict["runningCountExceeded"] = running_count_exceeded
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if total_count_exceeded is not UNSET:
            field_dict["totalCountExceeded"] = total_count_exceeded
        if days_since_maintenance is not UNSET:
            field_dict["daysSinceMaintenance"] = days_since_maintenance
        if maintenance_days_overdue is not UNSET:
            field_dict["maintenanceDaysOverdue"] = maintenance_days_overdue
        if days_since_calibration is not UNSET:
            field_dict["daysSinceCalibration"] = days_since_calibration
        if calibration_days_overdue is not UNSET:
            field_dict["calibrationDaysOverdue"] = calibration_days_overdue

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial_number = _parse_serial_number(d.pop("serialNumber", UNSET))

        def _parse_running_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_count = _parse_running_count(d.pop("runningCount", UNSET))

        def _parse_running_count_exceeded(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_count_exceeded = _parse_running_count_exceeded(
            d.pop("runningCountExceeded", UNSET)
        )

        def _parse_total_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_count = _parse_total_count(d.pop("totalCount", UNSET))

        def _parse_total_count_exceeded(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_count_exceeded = _parse_total_count_exceeded(
            d.pop("totalCountExceeded", UNSET)
        )

        def _parse_days_since_maintenance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        days_since_maintenance = _parse_days_since_maintenance(
            d.pop("daysSinceMaintenance", UNSET)
        )

        def _parse_maintenance_days_overdue(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        maintenance_days_overdue = _parse_maintenance_days_overdue(
            d.pop("maintenanceDaysOverdue", UNSET)
        )

        def _parse_days_since_calibration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        days_since_calibration = _parse_days_since_calibration(
            d.pop("daysSinceCalibration", UNSET)
        )

        def _parse_calibration_days_overdue(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        calibration_days_overdue = _parse_calibration_days_overdue(
            d.pop("calibrationDaysOverdue", UNSET)
        )

        report_header_asset = cls(
            serial_number=serial_number,
            running_count=running_count,
            running_count_exceeded=running_count_exceeded,
            total_count=total_count,
            total_count_exceeded=total_count_exceeded,
            days_since_maintenance=days_since_maintenance,
            maintenance_days_overdue=maintenance_days_overdue,
            days_since_calibration=days_since_calibration,
            calibration_days_overdue=calibration_days_overdue,
        )

        report_header_asset.additional_properties = d
        return report_header_asset

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

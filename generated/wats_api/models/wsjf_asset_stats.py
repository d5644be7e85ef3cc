from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfAssetStats")


@_attrs_define
class WsjfAssetStats:
    """Asset counters as they were when the report was processed (output only).

    Attributes:
        asset_sn (None | str | Unset): Serial number of the asset.
        running_count (int | None | Unset): Uses since the last calibration.
        running_count_exceeded (int | None | Unset): Uses beyond the running-count limit.
        total_count (int | None | Unset): Uses in the asset's lifetime.
        total_count_exceeded (int | None | Unset): Uses beyond the total-count limit.
        days_since_calibration (float | None | Unset): Days since the last calibration.
        is_days_since_calibration_unknown (bool | None | Unset): True when the asset was never calibrated.
        calibration_days_overdue (float | None | Unset): Days the calibration is overdue.
        days_since_maintenance (float | None | Unset): Days since the last maintenance.
        is_days_since_maintenance_unknown (bool | None | Unset): True when the asset never had maintenance.
        maintenance_days_overdue (float | None | Unset): Days the maintenance is overdue.
        message (None | str | Unset): Message from the calculation.
    """

    asset_sn: None | str | Unset = UNSET
    running_count: int | None | Unset = UNSET
    running_count_exceeded: int | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    total_count_exceeded: int | None | Unset = UNSET
    days_since_calibration: float | None | Unset = UNSET
    is_days_since_calibration_unknown: bool | None | Unset = UNSET
    calibration_days_overdue: float | None | Unset = UNSET
    days_since_maintenance: float | None | Unset = UNSET
    is_days_since_maintenance_unknown: bool | None | Unset = UNSET
    maintenance_days_overdue: float | None | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_sn: None | str | Unset
        if isinstance(self.asset_sn, Unset):
            asset_sn = UNSET
        else:
            asset_sn = self.asset_sn

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

        days_since_calibration: float | None | Unset
        if isinstance(self.days_since_calibration, Unset):
            days_since_calibration = UNSET
        else:
            days_since_calibration = self.days_since_calibration

        is_days_since_calibration_unknown: bool | None | Unset
        if isinstance(self.is_days_since_calibration_unknown, Unset):
            is_days_since_calibration_unknown = UNSET
        else:
            is_days_since_calibration_unknown = self.is_days_since_calibration_unknown

        calibration_days_overdue: float | None | Unset
        if isinstance(self.calibration_days_overdue, Unset):
            calibration_days_overdue = UNSET
        else:
            calibration_days_overdue = self.calibration_days_overdue

        days_since_maintenance: float | None | Unset
        if isinstance(self.days_since_maintenance, Unset):
            days_since_maintenance = UNSET
        else:
            days_since_maintenance = self.days_since_maintenance

        is_days_since_maintenance_unknown: bool | None | Unset
        if isinstance(self.is_days_since_maintenance_unknown, Unset):
            is_days_since_maintenance_unknown = UNSET
        else:
            is_days_since_maintenance_unknown = self.is_days_since_maintenance_unknown

        maintenance_days_overdue: float | None | Unset
        if isinstance(self.maintenance_days_overdue, Unset):
            maintenance_days_overdue = UNSET
        else:
            maintenance_days_overdue = self.maintenance_days_overdue

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asset_sn is not UNSET:
            field_dict["assetSN"] = asset_sn
        if running_count is not UNSET:
            field_dict["runningCount"] = running_count
        if running_count_exceeded is not UNSET:
            field_dict["runningCountExceeded"] = running_count_exceeded
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if total_count_exceeded is not UNSET:
            field_dict["totalCountExceeded"] = total_count_exceeded
        if days_since_calibration is not UNSET:
            field_dict["daysSinceCalibration"] = days_since_calibration
        if is_days_since_calibration_unknown is not UNSET:
            field_dict["isDaysSinceCalibrationUnknown"] = (
                is_days_since_calibration_unknown
            )
        if calibration_days_overdue is not UNSET:
            field_dict["calibrationDaysOverdue"] = calibration_days_overdue
        if days_since_maintenance is not UNSET:
            field_dict["daysSinceMaintenance"] = days_since_maintenance
        if is_days_since_maintenance_unknown is not UNSET:
            field_dict["isDaysSinceMaintenanceUnknown"] = (
                is_days_since_maintenance_unknown
            )
        if maintenance_days_overdue is not UNSET:
            field_dict["maintenanceDaysOverdue"] = maintenance_days_overdue
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_asset_sn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asset_sn = _parse_asset_sn(d.pop("assetSN", UNSET))

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

        def _parse_days_since_calibration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        days_since_calibration = _parse_days_since_calibration(
            d.pop("daysSinceCalibration", UNSET)
        )

        def _parse_is_days_since_calibration_unknown(
            data: object,
        ) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_days_since_calibration_unknown = _parse_is_days_since_calibration_unknown(
            d.pop("isDaysSinceCalibrationUnknown", UNSET)
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

        def _parse_days_since_maintenance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        days_since_maintenance = _parse_days_since_maintenance(
            d.pop("daysSinceMaintenance", UNSET)
        )

        def _parse_is_days_since_maintenance_unknown(
            data: object,
        ) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_days_since_maintenance_unknown = _parse_is_days_since_maintenance_unknown(
            d.pop("isDaysSinceMaintenanceUnknown", UNSET)
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

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        wsjf_asset_stats = cls(
            asset_sn=asset_sn,
            running_count=running_count,
            running_count_exceeded=running_count_exceeded,
            total_count=total_count,
            total_count_exceeded=total_count_exceeded,
            days_since_calibration=days_since_calibration,
            is_days_since_calibration_unknown=is_days_since_calibration_unknown,
            calibration_days_overdue=calibration_days_overdue,
            days_since_maintenance=days_since_maintenance,
            is_days_since_maintenance_unknown=is_days_since_maintenance_unknown,
            maintenance_days_overdue=maintenance_days_overdue,
            message=message,
        )

        wsjf_asset_stats.additional_properties = d
        return wsjf_asset_stats

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetType")


@_attrs_define
class AssetType:
    """A kind of asset with its limits and intervals.

    Attributes:
        type_name (str): Type name.
        type_id (None | Unset | UUID): Type id; empty to create.
        running_count_limit (int | None | Unset): Uses allowed between calibrations.
        total_count_limit (int | None | Unset): Uses allowed in a lifetime.
        maintenance_interval (float | None | Unset): Days between maintenances.
        calibration_interval (float | None | Unset): Days between calibrations.
        warning_threshold (float | None | Unset): Warning threshold, percent of a limit.
        alarm_threshold (float | None | Unset): Alarm threshold, percent of a limit.
        is_readonly (bool | None | Unset): The type cannot be changed.
        icon (None | str | Unset): Icon name.
    """

    type_name: str
    type_id: None | Unset | UUID = UNSET
    running_count_limit: int | None | Unset = UNSET
    total_count_limit: int | None | Unset = UNSET
    maintenance_interval: float | None | Unset = UNSET
    calibration_interval: float | None | Unset = UNSET
    warning_threshold: float | None | Unset = UNSET
    alarm_threshold: float | None | Unset = UNSET
    is_readonly: bool | None | Unset = UNSET
    icon: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_name = self.type_name

        type_id: None | str | Unset
        if isinstance(self.type_id, Unset):
            type_id = UNSET
        elif isinstance(self.type_id, UUID):
            type_id = str(self.type_id)
        else:
            type_id = self.type_id

        running_count_limit: int | None | Unset
        if isinstance(self.running_count_limit, Unset):
            running_count_limit = UNSET
        else:
            running_count_limit = self.running_count_limit

        total_count_limit: int | None | Unset
        if isinstance(self.total_count_limit, Unset):
            total_count_limit = UNSET
        else:
            total_count_limit = self.total_count_limit

        maintenance_interval: float | None | Unset
        if isinstance(self.maintenance_interval, Unset):
            maintenance_interval = UNSET
        else:
            maintenance_interval = self.maintenance_interval

        calibration_interval: float | None | Unset
        if isinstance(self.calibration_interval, Unset):
            calibration_interval = UNSET
        else:
            calibration_interval = self.calibration_interval

        warning_threshold: float | None | Unset
        if isinstance(self.warning_threshold, Unset):
            warning_threshold = UNSET
        else:
            warning_threshold = self.warning_threshold

        alarm_threshold: float | None | Unset
        if isinstance(self.alarm_threshold, Unset):
            alarm_threshold = UNSET
        else:
            alarm_threshold = self.alarm_threshold

        is_readonly: bool | None | Unset
        if isinstance(self.is_readonly, Unset):
            is_readonly = UNSET
        else:
            is_readonly = self.is_readonly

        icon: None | str | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        else:
            icon = self.icon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "typeName": type_name,
            }
        )
        if type_id is not UNSET:
            field_dict["typeId"] = type_id
        if running_count_limit is not UNSET:
            field_dict["runningCountLimit"] = running_count_limit
        if total_count_limit is not UNSET:
            field_dict["totalCountLimit"] = total_count_limit
        if maintenance_interval is not UNSET:
            field_dict["maintenanceInterval"] = maintenance_interval
        if calibration_interval is not UNSET:
            field_dict["calibrationInterval"] = calibration_interval
        if warning_threshold is not UNSET:
            field_dict["warningThreshold"] = warning_threshold
        if alarm_threshold is not UNSET:
            field_dict["alarmThreshold"] = alarm_threshold
        if is_readonly is not UNSET:
            field_dict["isReadonly"] = is_readonly
        if icon is not UNSET:
            field_dict["icon"] = icon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_name = d.pop("typeName")

        def _parse_type_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_id_type_0 = UUID(data)

                return type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        type_id = _parse_type_id(d.pop("typeId", UNSET))

        def _parse_running_count_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_count_limit = _parse_running_count_limit(
            d.pop("runningCountLimit", UNSET)
        )

        def _parse_total_count_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_count_limit = _parse_total_count_limit(d.pop("totalCountLimit", UNSET))

        def _parse_maintenance_interval(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        maintenance_interval = _parse_maintenance_interval(
            d.pop("maintenanceInterval", UNSET)
        )

        def _parse_calibration_interval(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        calibration_interval = _parse_calibration_interval(
            d.pop("calibrationInterval", UNSET)
        )

        def _parse_warning_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        warning_threshold = _parse_warning_threshold(d.pop("warningThreshold", UNSET))

        def _parse_alarm_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        alarm_threshold = _parse_alarm_threshold(d.pop("alarmThreshold", UNSET))

        def _parse_is_readonly(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_readonly = _parse_is_readonly(d.pop("isReadonly", UNSET))

        def _parse_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon = _parse_icon(d.pop("icon", UNSET))

        asset_type = cls(
            type_name=type_name,
            type_id=type_id,
            running_count_limit=running_count_limit,
            total_count_limit=total_count_limit,
            maintenance_interval=maintenance_interval,
            calibration_interval=calibration_interval,
            warning_threshold=warning_threshold,
            alarm_threshold=alarm_threshold,
            is_readonly=is_readonly,
            icon=icon,
        )

        asset_type.additional_properties = d
        return asset_type

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

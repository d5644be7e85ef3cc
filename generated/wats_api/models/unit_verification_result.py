from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitVerificationResult")


@_attrs_define
class UnitVerificationResult:
    """A unit's result in one process.

    Attributes:
        process_code (int | None | Unset): Process code.
        process_name (None | str | Unset): Process name.
        process_index (int | None | Unset): Order of the process.
        status (None | str | Unset): The unit's status in this process.
        start_utc (datetime.datetime | None | Unset): Start of the test; null when the status is unknown.
        station_name (None | str | Unset): Station name.
        total_count (int | None | Unset): Times tested.
        non_passed_count (int | None | Unset): Times not passed.
        repair_count (int | None | Unset): Times repaired.
    """

    process_code: int | None | Unset = UNSET
    process_name: None | str | Unset = UNSET
    process_index: int | None | Unset = UNSET
    status: None | str | Unset = UNSET
    start_utc: datetime.datetime | None | Unset = UNSET
    station_name: None | str | Unset = UNSET
    total_count: int | None | Unset = UNSET
    non_passed_count: int | None | Unset = UNSET
    repair_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        process_code: int | None | Unset
        if isinstance(self.process_code, Unset):
            process_code = UNSET
        else:
            process_code = self.process_code

        process_name: None | str | Unset
        if isinstance(self.process_name, Unset):
            process_name = UNSET
        else:
            process_name = self.process_name

        process_index: int | None | Unset
        if isinstance(self.process_index, Unset):
            process_index = UNSET
        else:
            process_index = self.process_index

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        start_utc: None | str | Unset
        if isinstance(self.start_utc, Unset):
            start_utc = UNSET
        elif isinstance(self.start_utc, datetime.datetime):
            start_utc = self.start_utc.isoformat()
        else:
            start_utc = self.start_utc

        station_name: None | str | Unset
        if isinstance(self.station_name, Unset):
            station_name = UNSET
        else:
            station_name = self.station_name

        total_count: int | None | Unset
        if isinstance(self.total_count, Unset):
            total_count = UNSET
        else:
            total_count = self.total_count

        non_passed_count: int | None | Unset
        if isinstance(self.non_passed_count, Unset):
            non_passed_count = UNSET
        else:
            non_passed_count = self.non_passed_count

        repair_count: int | None | Unset
        if isinstance(self.repair_count, Unset):
            repair_count = UNSET
        else:
            repair_count = self.repair_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if process_name is not UNSET:
            field_dict["processName"] = process_name
        if process_index is not UNSET:
            field_dict["processIndex"] = process_index
        if status is not UNSET:
            field_dict["status"] = status
        if start_utc is not UNSET:
            field_dict["startUtc"] = start_utc
        if station_name is not UNSET:
            field_dict["stationName"] = station_name
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if non_passed_count is not UNSET:
            field_dict["nonPassedCount"] = non_passed_count
        if repair_count is not UNSET:
            field_dict["repairCount"] = repair_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_process_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        process_code = _parse_process_code(d.pop("processCode", UNSET))

        def _parse_process_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_name = _parse_process_name(d.pop("processName", UNSET))

        def _parse_process_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        process_index = _parse_process_index(d.pop("processIndex", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_start_utc(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_utc_type_0 = datetime.datetime.fromisoformat(data)

                return start_utc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_utc = _parse_start_utc(d.pop("startUtc", UNSET))

        def _parse_station_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        station_name = _parse_station_name(d.pop("stationName", UNSET))

        def _parse_total_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_count = _parse_total_count(d.pop("totalCount", UNSET))

        def _parse_non_passed_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        non_passed_count = _parse_non_passed_count(d.pop("nonPassedCount", UNSET))

        def _parse_repair_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        repair_count = _parse_repair_count(d.pop("repairCount", UNSET))

        unit_verification_result = cls(
            process_code=process_code,
            process_name=process_name,
            process_index=process_index,
            status=status,
            start_utc=start_utc,
            station_name=station_name,
            total_count=total_count,
            non_passed_count=non_passed_count,
            repair_count=repair_count,
        )

        unit_verification_result.additional_properties = d
        return unit_verification_result

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

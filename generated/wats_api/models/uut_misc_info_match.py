from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.uut_misc_data import UutMiscData


T = TypeVar("T", bound="UutMiscInfoMatch")


@_attrs_define
class UutMiscInfoMatch:
    """A UUT report found by misc info.

    Attributes:
        misc_data (list[UutMiscData] | None | Unset): The report's misc info.
        serial_number (None | str | Unset): Serial number.
        part_number (None | str | Unset): Part number.
        start (datetime.datetime | None | Unset):
        result (None | str | Unset): Report status.
        uuid (None | Unset | UUID):
        process_code (int | None | Unset): Process code.
        process_name (None | str | Unset): Process name.
    """

    misc_data: list[UutMiscData] | None | Unset = UNSET
    serial_number: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    start: datetime.datetime | None | Unset = UNSET
    result: None | str | Unset = UNSET
    uuid: None | Unset | UUID = UNSET
    process_code: int | None | Unset = UNSET
    process_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        misc_data: list[dict[str, Any]] | None | Unset
        if isinstance(self.misc_data, Unset):
            misc_data = UNSET
        elif isinstance(self.misc_data, list):
            misc_data = []
            for misc_data_type_0_item_data in self.misc_data:
                misc_data_type_0_item = misc_data_type_0_item_data.to_dict()
                misc_data.append(misc_data_type_0_item)

        else:
            misc_data = self.misc_data

        serial_number: None | str | Unset
        if isinstance(self.serial_number, Unset):
            serial_number = UNSET
        else:
            serial_number = self.serial_number

        part_number: None | str | Unset
        if isinstance(self.part_number, Unset):
            part_number = UNSET
        else:
            part_number = self.part_number

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.datetime):
            start = self.start.isoformat()
        else:
            start = self.start

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        uuid: None | str | Unset
        if isinstance(self.uuid, Unset):
            uuid = UNSET
        elif isinstance(self.uuid, UUID):
            uuid = str(self.uuid)
        else:
            uuid = self.uuid

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if misc_data is not UNSET:
            field_dict["miscData"] = misc_data
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if start is not UNSET:
            field_dict["start"] = start
        if result is not UNSET:
            field_dict["result"] = result
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if process_name is not UNSET:
            field_dict["processName"] = process_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.uut_misc_data import UutMiscData

        d = dict(src_dict)

        def _parse_misc_data(data: object) -> list[UutMiscData] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                misc_data_type_0 = []
                _misc_data_type_0 = data
                for misc_data_type_0_item_data in _misc_data_type_0:
                    misc_data_type_0_item = UutMiscData.from_dict(
                        misc_data_type_0_item_data
                    )

                    misc_data_type_0.append(misc_data_type_0_item)

                return misc_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UutMiscData] | None | Unset, data)

        misc_data = _parse_misc_data(d.pop("miscData", UNSET))

        def _parse_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial_number = _parse_serial_number(d.pop("serialNumber", UNSET))

        def _parse_part_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        part_number = _parse_part_number(d.pop("partNumber", UNSET))

        def _parse_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.datetime.fromisoformat(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uuid_type_0 = UUID(data)

                return uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        uuid = _parse_uuid(d.pop("uuid", UNSET))

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

        uut_misc_info_match = cls(
            misc_data=misc_data,
            serial_number=serial_number,
            part_number=part_number,
            start=start,
            result=result,
            uuid=uuid,
            process_code=process_code,
            process_name=process_name,
        )

        uut_misc_info_match.additional_properties = d
        return uut_misc_info_match

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

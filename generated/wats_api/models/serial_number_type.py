from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SerialNumberType")


@_attrs_define
class SerialNumberType:
    """A serial-number pool.

    Attributes:
        name (None | str | Unset): Name.
        description (None | str | Unset): Description.
        format_ (None | str | Unset):
        reg_ex (None | str | Unset): Pattern the numbers follow.
        identifier (int | None | Unset): 0 serial number, 1 MAC address, 2 IMEI.
        identifier_name (None | str | Unset): Name of `identifier` (read-only).
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    format_: None | str | Unset = UNSET
    reg_ex: None | str | Unset = UNSET
    identifier: int | None | Unset = UNSET
    identifier_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        else:
            format_ = self.format_

        reg_ex: None | str | Unset
        if isinstance(self.reg_ex, Unset):
            reg_ex = UNSET
        else:
            reg_ex = self.reg_ex

        identifier: int | None | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        identifier_name: None | str | Unset
        if isinstance(self.identifier_name, Unset):
            identifier_name = UNSET
        else:
            identifier_name = self.identifier_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if format_ is not UNSET:
            field_dict["format"] = format_
        if reg_ex is not UNSET:
            field_dict["regEx"] = reg_ex
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if identifier_name is not UNSET:
            field_dict["identifierName"] = identifier_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_format_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_reg_ex(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reg_ex = _parse_reg_ex(d.pop("regEx", UNSET))

        def _parse_identifier(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_identifier_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier_name = _parse_identifier_name(d.pop("identifierName", UNSET))

        serial_number_type = cls(
            name=name,
            description=description,
            format_=format_,
            reg_ex=reg_ex,
            identifier=identifier,
            identifier_name=identifier_name,
        )

        serial_number_type.additional_properties = d
        return serial_number_type

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

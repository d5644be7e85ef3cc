from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitChange")


@_attrs_define
class UnitChange:
    """A change to a unit waiting to be acknowledged.

    Attributes:
        id (int | None | Unset): Change id; delete it once handled.
        unit_serial_number (None | str | Unset):
        new_parent_serial_number (None | str | Unset):
        new_part_number (None | str | Unset):
        new_revision (None | str | Unset):
        new_unit_phase_id (int | None | Unset): New phase flag value.
    """

    id: int | None | Unset = UNSET
    unit_serial_number: None | str | Unset = UNSET
    new_parent_serial_number: None | str | Unset = UNSET
    new_part_number: None | str | Unset = UNSET
    new_revision: None | str | Unset = UNSET
    new_unit_phase_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        unit_serial_number: None | str | Unset
        if isinstance(self.unit_serial_number, Unset):
            unit_serial_number = UNSET
        else:
            unit_serial_number = self.unit_serial_number

        new_parent_serial_number: None | str | Unset
        if isinstance(self.new_parent_serial_number, Unset):
            new_parent_serial_number = UNSET
        else:
            new_parent_serial_number = self.new_parent_serial_number

        new_part_number: None | str | Unset
        if isinstance(self.new_part_number, Unset):
            new_part_number = UNSET
        else:
            new_part_number = self.new_part_number

        new_revision: None | str | Unset
        if isinstance(self.new_revision, Unset):
            new_revision = UNSET
        else:
            new_revision = self.new_revision

        new_unit_phase_id: int | None | Unset
        if isinstance(self.new_unit_phase_id, Unset):
            new_unit_phase_id = UNSET
        else:
            new_unit_phase_id = self.new_unit_phase_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if unit_serial_number is not UNSET:
            field_dict["unitSerialNumber"] = unit_serial_number
        if new_parent_serial_number is not UNSET:
            field_dict["newParentSerialNumber"] = new_parent_serial_number
        if new_part_number is not UNSET:
            field_dict["newPartNumber"] = new_part_number
        if new_revision is not UNSET:
            field_dict["newRevision"] = new_revision
        if new_unit_phase_id is not UNSET:
            field_dict["newUnitPhaseId"] = new_unit_phase_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_unit_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_serial_number = _parse_unit_serial_number(d.pop("unitSerialNumber", UNSET))

        def _parse_new_parent_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_parent_serial_number = _parse_new_parent_serial_number(
            d.pop("newParentSerialNumber", UNSET)
        )

        def _parse_new_part_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_part_number = _parse_new_part_number(d.pop("newPartNumber", UNSET))

        def _parse_new_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_revision = _parse_new_revision(d.pop("newRevision", UNSET))

        def _parse_new_unit_phase_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        new_unit_phase_id = _parse_new_unit_phase_id(d.pop("newUnitPhaseId", UNSET))

        unit_change = cls(
            id=id,
            unit_serial_number=unit_serial_number,
            new_parent_serial_number=new_parent_serial_number,
            new_part_number=new_part_number,
            new_revision=new_revision,
            new_unit_phase_id=new_unit_phase_id,
        )

        unit_change.additional_properties = d
        return unit_change

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

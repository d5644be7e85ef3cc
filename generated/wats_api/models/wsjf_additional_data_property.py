from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data_array import WsjfAdditionalDataArray


T = TypeVar("T", bound="WsjfAdditionalDataProperty")


@_attrs_define
class WsjfAdditionalDataProperty:
    """One property of an additional-data tree.

    Attributes:
        name (None | str | Unset): Property name.
        type_ (None | str | Unset): Value type, e.g. Number, String, Boolean, Obj, Array.
        flags (int | None | Unset): Bit flags.
        value (None | str | Unset): Value as text.
        num_format (None | str | Unset): Number format (type Number).
        comment (None | str | Unset): Comment.
        props (list[WsjfAdditionalDataProperty] | None | Unset): Sub-properties (type Obj).
        array (None | Unset | WsjfAdditionalDataArray): Array content (type Array).
    """

    name: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    flags: int | None | Unset = UNSET
    value: None | str | Unset = UNSET
    num_format: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    props: list[WsjfAdditionalDataProperty] | None | Unset = UNSET
    array: None | Unset | WsjfAdditionalDataArray = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wsjf_additional_data_array import WsjfAdditionalDataArray

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        flags: int | None | Unset
        if isinstance(self.flags, Unset):
            flags = UNSET
        else:
            flags = self.flags

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        num_format: None | str | Unset
        if isinstance(self.num_format, Unset):
            num_format = UNSET
        else:
            num_format = self.num_format

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        props: list[dict[str, Any]] | None | Unset
        if isinstance(self.props, Unset):
            props = UNSET
        elif isinstance(self.props, list):
            props = []
            for props_type_0_item_data in self.props:
                props_type_0_item = props_type_0_item_data.to_dict()
                props.append(props_type_0_item)

        else:
            props = self.props

        array: dict[str, Any] | None | Unset
        if isinstance(self.array, Unset):
            array = UNSET
        elif isinstance(self.array, WsjfAdditionalDataArray):
            array = self.array.to_dict()
        else:
            array = self.array

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if flags is not UNSET:
            field_dict["flags"] = flags
        if value is not UNSET:
            field_dict["value"] = value
        if num_format is not UNSET:
            field_dict["numFormat"] = num_format
        if comment is not UNSET:
            field_dict["comment"] = comment
        if props is not UNSET:
            field_dict["props"] = props
        if array is not UNSET:
            field_dict["array"] = array

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data_array import WsjfAdditionalDataArray

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_flags(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        flags = _parse_flags(d.pop("flags", UNSET))

        def _parse_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_num_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        num_format = _parse_num_format(d.pop("numFormat", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_props(
            data: object,
        ) -> list[WsjfAdditionalDataProperty] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                props_type_0 = []
                _props_type_0 = data
                for props_type_0_item_data in _props_type_0:
                    props_type_0_item = WsjfAdditionalDataProperty.from_dict(
                        props_type_0_item_data
                    )

                    props_type_0.append(props_type_0_item)

                return props_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAdditionalDataProperty] | None | Unset, data)

        props = _parse_props(d.pop("props", UNSET))

        def _parse_array(data: object) -> None | Unset | WsjfAdditionalDataArray:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                array_type_0 = WsjfAdditionalDataArray.from_dict(data)

                return array_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfAdditionalDataArray, data)

        array = _parse_array(d.pop("array", UNSET))

        wsjf_additional_data_property = cls(
            name=name,
            type_=type_,
            flags=flags,
            value=value,
            num_format=num_format,
            comment=comment,
            props=props,
            array=array,
        )

        wsjf_additional_data_property.additional_properties = d
        return wsjf_additional_data_property

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

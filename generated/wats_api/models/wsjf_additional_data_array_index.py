from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data_property import WsjfAdditionalDataProperty


T = TypeVar("T", bound="WsjfAdditionalDataArrayIndex")


@_attrs_define
class WsjfAdditionalDataArrayIndex:
    """One element of an array property.

    Attributes:
        text (None | str | Unset): Index as text, e.g. `[0][1]`.
        indexes (list[int] | None | Unset): Index per dimension.
        value (None | Unset | WsjfAdditionalDataProperty): The element's value.
    """

    text: None | str | Unset = UNSET
    indexes: list[int] | None | Unset = UNSET
    value: None | Unset | WsjfAdditionalDataProperty = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wsjf_additional_data_property import WsjfAdditionalDataProperty

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        indexes: list[int] | None | Unset
        if isinstance(self.indexes, Unset):
            indexes = UNSET
        elif isinstance(self.indexes, list):
            indexes = self.indexes

        else:
            indexes = self.indexes

        value: dict[str, Any] | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, WsjfAdditionalDataProperty):
            value = self.value.to_dict()
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if indexes is not UNSET:
            field_dict["indexes"] = indexes
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data_property import WsjfAdditionalDataProperty

        d = dict(src_dict)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_indexes(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                indexes_type_0 = cast(list[int], data)

                return indexes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        indexes = _parse_indexes(d.pop("indexes", UNSET))

        def _parse_value(data: object) -> None | Unset | WsjfAdditionalDataProperty:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_0 = WsjfAdditionalDataProperty.from_dict(data)

                return value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfAdditionalDataProperty, data)

        value = _parse_value(d.pop("value", UNSET))

        wsjf_additional_data_array_index = cls(
            text=text,
            indexes=indexes,
            value=value,
        )

        wsjf_additional_data_array_index.additional_properties = d
        return wsjf_additional_data_array_index

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

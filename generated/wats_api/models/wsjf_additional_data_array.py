from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data_array_index import WsjfAdditionalDataArrayIndex


T = TypeVar("T", bound="WsjfAdditionalDataArray")


@_attrs_define
class WsjfAdditionalDataArray:
    """Content of an array property.

    Attributes:
        dimension (int | None | Unset): Number of dimensions.
        type_ (None | str | Unset): Element type.
        indexes (list[WsjfAdditionalDataArrayIndex] | None | Unset): The elements.
    """

    dimension: int | None | Unset = UNSET
    type_: None | str | Unset = UNSET
    indexes: list[WsjfAdditionalDataArrayIndex] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dimension: int | None | Unset
        if isinstance(self.dimension, Unset):
            dimension = UNSET
        else:
            dimension = self.dimension

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        indexes: list[dict[str, Any]] | None | Unset
        if isinstance(self.indexes, Unset):
            indexes = UNSET
        elif isinstance(self.indexes, list):
            indexes = []
            for indexes_type_0_item_data in self.indexes:
                indexes_type_0_item = indexes_type_0_item_data.to_dict()
                indexes.append(indexes_type_0_item)

        else:
            indexes = self.indexes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dimension is not UNSET:
            field_dict["dimension"] = dimension
        if type_ is not UNSET:
            field_dict["type"] = type_
        if indexes is not UNSET:
            field_dict["indexes"] = indexes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data_array_index import (
            WsjfAdditionalDataArrayIndex,
        )

        d = dict(src_dict)

        def _parse_dimension(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dimension = _parse_dimension(d.pop("dimension", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_indexes(
            data: object,
        ) -> list[WsjfAdditionalDataArrayIndex] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                indexes_type_0 = []
                _indexes_type_0 = data
                for indexes_type_0_item_data in _indexes_type_0:
                    indexes_type_0_item = WsjfAdditionalDataArrayIndex.from_dict(
                        indexes_type_0_item_data
                    )

                    indexes_type_0.append(indexes_type_0_item)

                return indexes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAdditionalDataArrayIndex] | None | Unset, data)

        indexes = _parse_indexes(d.pop("indexes", UNSET))

        wsjf_additional_data_array = cls(
            dimension=dimension,
            type_=type_,
            indexes=indexes,
        )

        wsjf_additional_data_array.additional_properties = d
        return wsjf_additional_data_array

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data_property import WsjfAdditionalDataProperty


T = TypeVar("T", bound="WsjfAdditionalData")


@_attrs_define
class WsjfAdditionalData:
    """A named tree of extra properties.

    Attributes:
        name (None | str | Unset): Name of the data block.
        props (list[WsjfAdditionalDataProperty] | None | Unset): Its properties.
    """

    name: None | str | Unset = UNSET
    props: list[WsjfAdditionalDataProperty] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if props is not UNSET:
            field_dict["props"] = props

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data_property import WsjfAdditionalDataProperty

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        wsjf_additional_data = cls(
            name=name,
            props=props,
        )

        wsjf_additional_data.additional_properties = d
        return wsjf_additional_data

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

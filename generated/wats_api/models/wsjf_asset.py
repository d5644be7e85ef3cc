from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfAsset")


@_attrs_define
class WsjfAsset:
    """Equipment used in a test.

    Attributes:
        asset_sn (None | str | Unset): Serial number of a registered asset.
        usage_count (int | None | Unset): How much the test used the asset.
        usage_count_format (None | str | Unset): Display format of `usageCount`.
    """

    asset_sn: None | str | Unset = UNSET
    usage_count: int | None | Unset = UNSET
    usage_count_format: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_sn: None | str | Unset
        if isinstance(self.asset_sn, Unset):
            asset_sn = UNSET
        else:
            asset_sn = self.asset_sn

        usage_count: int | None | Unset
        if isinstance(self.usage_count, Unset):
            usage_count = UNSET
        else:
            usage_count = self.usage_count

        usage_count_format: None | str | Unset
        if isinstance(self.usage_count_format, Unset):
            usage_count_format = UNSET
        else:
            usage_count_format = self.usage_count_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asset_sn is not UNSET:
            field_dict["assetSN"] = asset_sn
        if usage_count is not UNSET:
            field_dict["usageCount"] = usage_count
        if usage_count_format is not UNSET:
            field_dict["usageCountFormat"] = usage_count_format

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

        def _parse_usage_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_count = _parse_usage_count(d.pop("usageCount", UNSET))

        def _parse_usage_count_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usage_count_format = _parse_usage_count_format(d.pop("usageCountFormat", UNSET))

        wsjf_asset = cls(
            asset_sn=asset_sn,
            usage_count=usage_count,
            usage_count_format=usage_count_format,
        )

        wsjf_asset.additional_properties = d
        return wsjf_asset

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfChartSeries")


@_attrs_define
class WsjfChartSeries:
    """One series of a chart.

    Attributes:
        data_type (None | str | Unset): Series kind; `XYG` is the documented value.
        name (None | str | Unset): Series name.
        xdata (None | str | Unset): X values separated by `;` (decimal point `.`).
        ydata (None | str | Unset): Y values separated by `;`; as many as in `xdata`.
    """

    data_type: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    xdata: None | str | Unset = UNSET
    ydata: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data_type: None | str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        else:
            data_type = self.data_type

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        xdata: None | str | Unset
        if isinstance(self.xdata, Unset):
            xdata = UNSET
        else:
            xdata = self.xdata

        ydata: None | str | Unset
        if isinstance(self.ydata, Unset):
            ydata = UNSET
        else:
            ydata = self.ydata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data_type is not UNSET:
            field_dict["dataType"] = data_type
        if name is not UNSET:
            field_dict["name"] = name
        if xdata is not UNSET:
            field_dict["xdata"] = xdata
        if ydata is not UNSET:
            field_dict["ydata"] = ydata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_data_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_type = _parse_data_type(d.pop("dataType", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_xdata(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        xdata = _parse_xdata(d.pop("xdata", UNSET))

        def _parse_ydata(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ydata = _parse_ydata(d.pop("ydata", UNSET))

        wsjf_chart_series = cls(
            data_type=data_type,
            name=name,
            xdata=xdata,
            ydata=ydata,
        )

        wsjf_chart_series.additional_properties = d
        return wsjf_chart_series

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

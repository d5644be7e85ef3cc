from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_chart_series import WsjfChartSeries


T = TypeVar("T", bound="WsjfChart")


@_attrs_define
class WsjfChart:
    """A chart of one or more series.

    Attributes:
        chart_type (None | str | Unset): `Line`, `LineLogXY`, `LineLogX` or `LineLogY`.
        label (None | str | Unset): Chart title.
        x_label (None | str | Unset): X-axis label.
        x_unit (None | str | Unset): X-axis unit.
        y_label (None | str | Unset): Y-axis label.
        y_unit (None | str | Unset): Y-axis unit.
        series (list[WsjfChartSeries] | None | Unset): The series.
    """

    chart_type: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    x_label: None | str | Unset = UNSET
    x_unit: None | str | Unset = UNSET
    y_label: None | str | Unset = UNSET
    y_unit: None | str | Unset = UNSET
    series: list[WsjfChartSeries] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chart_type: None | str | Unset
        if isinstance(self.chart_type, Unset):
            chart_type = UNSET
        else:
            chart_type = self.chart_type

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        x_label: None | str | Unset
        if isinstance(self.x_label, Unset):
            x_label = UNSET
        else:
            x_label = self.x_label

        x_unit: None | str | Unset
        if isinstance(self.x_unit, Unset):
            x_unit = UNSET
        else:
            x_unit = self.x_unit

        y_label: None | str | Unset
        if isinstance(self.y_label, Unset):
            y_label = UNSET
        else:
            y_label = self.y_label

        y_unit: None | str | Unset
        if isinstance(self.y_unit, Unset):
            y_unit = UNSET
        else:
            y_unit = self.y_unit

        series: list[dict[str, Any]] | None | Unset
        if isinstance(self.series, Unset):
            series = UNSET
        elif isinstance(self.series, list):
            series = []
            for series_type_0_item_data in self.series:
                series_type_0_item = series_type_0_item_data.to_dict()
                series.append(series_type_0_item)

        else:
            series = self.series

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chart_type is not UNSET:
            field_dict["chartType"] = chart_type
        if label is not UNSET:
            field_dict["label"] = label
        if x_label is not UNSET:
            field_dict["xLabel"] = x_label
        if x_unit is not UNSET:
            field_dict["xUnit"] = x_unit
        if y_label is not UNSET:
            field_dict["yLabel"] = y_label
        if y_unit is not UNSET:
            field_dict["yUnit"] = y_unit
        if series is not UNSET:
            field_dict["series"] = series

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_chart_series import WsjfChartSeries

        d = dict(src_dict)

        def _parse_chart_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chart_type = _parse_chart_type(d.pop("chartType", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_x_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x_label = _parse_x_label(d.pop("xLabel", UNSET))

        def _parse_x_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x_unit = _parse_x_unit(d.pop("xUnit", UNSET))

        def _parse_y_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        y_label = _parse_y_label(d.pop("yLabel", UNSET))

        def _parse_y_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        y_unit = _parse_y_unit(d.pop("yUnit", UNSET))

        def _parse_series(data: object) -> list[WsjfChartSeries] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                series_type_0 = []
                _series_type_0 = data
                for series_type_0_item_data in _series_type_0:
                    series_type_0_item = WsjfChartSeries.from_dict(
                        series_type_0_item_data
                    )

                    series_type_0.append(series_type_0_item)

                return series_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfChartSeries] | None | Unset, data)

        series = _parse_series(d.pop("series", UNSET))

        wsjf_chart = cls(
            chart_type=chart_type,
            label=label,
            x_label=x_label,
            x_unit=x_unit,
            y_label=y_label,
            y_unit=y_unit,
            series=series,
        )

        wsjf_chart.additional_properties = d
        return wsjf_chart

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfNumericMeasurement")


@_attrs_define
class WsjfNumericMeasurement:
    """A measured number compared against limits.

    Attributes:
        comp_op (None | str | Unset): Comparison: LOG, EQ, NE, GT, GE, LT, LE (one limit, in `lowLimit`) or GTLT, GTLE,
            GELT, GELE, LTGT, LTGE, LEGT, LEGE (both limits).
        name (None | str | Unset): Name; required and unique when the step has several measurements.
        status (None | str | Unset): `P` passed, `F` failed, `S` skipped.
        unit (None | str | Unset): Unit, e.g. V.
        value (float | None | Unset): Measured value.
        value_format (None | str | Unset): Display format of `value`.
        high_limit (float | None | Unset): High limit (two-limit comparisons).
        high_limit_format (None | str | Unset): Display format of `highLimit`.
        low_limit (float | None | Unset): Low limit, or the only limit of a one-limit comparison.
        low_limit_format (None | str | Unset): Display format of `lowLimit`.
    """

    comp_op: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    value: float | None | Unset = UNSET
    value_format: None | str | Unset = UNSET
    high_limit: float | None | Unset = UNSET
    high_limit_format: None | str | Unset = UNSET
    low_limit: float | None | Unset = UNSET
    low_limit_format: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comp_op: None | str | Unset
        if isinstance(self.comp_op, Unset):
            comp_op = UNSET
        else:
            comp_op = self.comp_op

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        value_format: None | str | Unset
        if isinstance(self.value_format, Unset):
            value_format = UNSET
        else:
            value_format = self.value_format

        high_limit: float | None | Unset
        if isinstance(self.high_limit, Unset):
            high_limit = UNSET
        else:
            high_limit = self.high_limit

        high_limit_format: None | str | Unset
        if isinstance(self.high_limit_format, Unset):
            high_limit_format = UNSET
        else:
            high_limit_format = self.high_limit_format

        low_limit: float | None | Unset
        if isinstance(self.low_limit, Unset):
            low_limit = UNSET
        else:
            low_limit = self.low_limit

        low_limit_format: None | str | Unset
        if isinstance(self.low_limit_format, Unset):
            low_limit_format = UNSET
        else:
            low_limit_format = self.low_limit_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comp_op is not UNSET:
            field_dict["compOp"] = comp_op
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if unit is not UNSET:
            field_dict["unit"] = unit
        if value is not UNSET:
            field_dict["value"] = value
        if value_format is not UNSET:
            field_dict["valueFormat"] = value_format
        if high_limit is not UNSET:
            field_dict["highLimit"] = high_limit
        if high_limit_format is not UNSET:
            field_dict["highLimitFormat"] = high_limit_format
        if low_limit is not UNSET:
            field_dict["lowLimit"] = low_limit
        if low_limit_format is not UNSET:
            field_dict["lowLimitFormat"] = low_limit_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_comp_op(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comp_op = _parse_comp_op(d.pop("compOp", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_value_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_format = _parse_value_format(d.pop("valueFormat", UNSET))

        def _parse_high_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        high_limit = _parse_high_limit(d.pop("highLimit", UNSET))

        def _parse_high_limit_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        high_limit_format = _parse_high_limit_format(d.pop("highLimitFormat", UNSET))

        def _parse_low_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        low_limit = _parse_low_limit(d.pop("lowLimit", UNSET))

        def _parse_low_limit_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        low_limit_format = _parse_low_limit_format(d.pop("lowLimitFormat", UNSET))

        wsjf_numeric_measurement = cls(
            comp_op=comp_op,
            name=name,
            status=status,
            unit=unit,
            value=value,
            value_format=value_format,
            high_limit=high_limit,
            high_limit_format=high_limit_format,
            low_limit=low_limit,
            low_limit_format=low_limit_format,
        )

        wsjf_numeric_measurement.additional_properties = d
        return wsjf_numeric_measurement

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

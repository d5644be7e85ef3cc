from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfCallExe")


@_attrs_define
class WsjfCallExe:
    """Result of running an executable.

    Attributes:
        exit_code (float | None | Unset): Exit code.
        exit_code_format (None | str | Unset): Display format of `exitCode`.
    """

    exit_code: float | None | Unset = UNSET
    exit_code_format: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exit_code: float | None | Unset
        if isinstance(self.exit_code, Unset):
            exit_code = UNSET
        else:
            exit_code = self.exit_code

        exit_code_format: None | str | Unset
        if isinstance(self.exit_code_format, Unset):
            exit_code_format = UNSET
        else:
            exit_code_format = self.exit_code_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if exit_code is not UNSET:
            field_dict["exitCode"] = exit_code
        if exit_code_format is not UNSET:
            field_dict["exitCodeFormat"] = exit_code_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_exit_code(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exit_code = _parse_exit_code(d.pop("exitCode", UNSET))

        def _parse_exit_code_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exit_code_format = _parse_exit_code_format(d.pop("exitCodeFormat", UNSET))

        wsjf_call_exe = cls(
            exit_code=exit_code,
            exit_code_format=exit_code_format,
        )

        wsjf_call_exe.additional_properties = d
        return wsjf_call_exe

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

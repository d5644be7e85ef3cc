from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfLoopInfo")


@_attrs_define
class WsjfLoopInfo:
    """Loop information. A summary step sets `num`, `endingIndex`, `passed` and `failed`; each iteration step sets only
    `idx`.

        Attributes:
            idx (int | None | Unset): Iteration index (iterations only).
            num (int | None | Unset): Number of iterations.
            ending_index (int | None | Unset): Last index of the loop.
            passed (int | None | Unset): Iterations that passed.
            failed (int | None | Unset): Iterations that failed.
    """

    idx: int | None | Unset = UNSET
    num: int | None | Unset = UNSET
    ending_index: int | None | Unset = UNSET
    passed: int | None | Unset = UNSET
    failed: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idx: int | None | Unset
        if isinstance(self.idx, Unset):
            idx = UNSET
        else:
            idx = self.idx

        num: int | None | Unset
        if isinstance(self.num, Unset):
            num = UNSET
        else:
            num = self.num

        ending_index: int | None | Unset
        if isinstance(self.ending_index, Unset):
            ending_index = UNSET
        else:
            ending_index = self.ending_index

        passed: int | None | Unset
        if isinstance(self.passed, Unset):
            passed = UNSET
        else:
            passed = self.passed

        failed: int | None | Unset
        if isinstance(self.failed, Unset):
            failed = UNSET
        else:
            failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if idx is not UNSET:
            field_dict["idx"] = idx
        if num is not UNSET:
            field_dict["num"] = num
        if ending_index is not UNSET:
            field_dict["endingIndex"] = ending_index
        if passed is not UNSET:
            field_dict["passed"] = passed
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_idx(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        idx = _parse_idx(d.pop("idx", UNSET))

        def _parse_num(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num = _parse_num(d.pop("num", UNSET))

        def _parse_ending_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ending_index = _parse_ending_index(d.pop("endingIndex", UNSET))

        def _parse_passed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        passed = _parse_passed(d.pop("passed", UNSET))

        def _parse_failed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        failed = _parse_failed(d.pop("failed", UNSET))

        wsjf_loop_info = cls(
            idx=idx,
            num=num,
            ending_index=ending_index,
            passed=passed,
            failed=failed,
        )

        wsjf_loop_info.additional_properties = d
        return wsjf_loop_info

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

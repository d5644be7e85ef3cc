from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_failure import WsjfFailure


T = TypeVar("T", bound="WsjfSubUnit")


@_attrs_define
class WsjfSubUnit:
    """A component of the unit, or a node of a repair's unit tree.

    Attributes:
        part_type (None | str | Unset): Kind of unit, e.g. PCBA; `Main` for a repair's main unit.
        pn (None | str | Unset): Part number.
        rev (None | str | Unset): Revision.
        sn (None | str | Unset): Serial number.
        idx (int | None | Unset): Index in a repair's unit tree; 0 is the main unit.
        parent_idx (int | None | Unset): `idx` of the parent unit (repair).
        position (int | None | Unset): Position of the unit.
        replaced_idx (int | None | Unset): `idx` of the unit that replaced this one (repair).
        failures (list[WsjfFailure] | None | Unset): Failures found on this unit (repair).
    """

    part_type: None | str | Unset = UNSET
    pn: None | str | Unset = UNSET
    rev: None | str | Unset = UNSET
    sn: None | str | Unset = UNSET
    idx: int | None | Unset = UNSET
    parent_idx: int | None | Unset = UNSET
    position: int | None | Unset = UNSET
    replaced_idx: int | None | Unset = UNSET
    failures: list[WsjfFailure] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part_type: None | str | Unset
        if isinstance(self.part_type, Unset):
            part_type = UNSET
        else:
            part_type = self.part_type

        pn: None | str | Unset
        if isinstance(self.pn, Unset):
            pn = UNSET
        else:
            pn = self.pn

        rev: None | str | Unset
        if isinstance(self.rev, Unset):
            rev = UNSET
        else:
            rev = self.rev

        sn: None | str | Unset
        if isinstance(self.sn, Unset):
            sn = UNSET
        else:
            sn = self.sn

        idx: int | None | Unset
        if isinstance(self.idx, Unset):
            idx = UNSET
        else:
            idx = self.idx

        parent_idx: int | None | Unset
        if isinstance(self.parent_idx, Unset):
            parent_idx = UNSET
        else:
            parent_idx = self.parent_idx

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        replaced_idx: int | None | Unset
        if isinstance(self.replaced_idx, Unset):
            replaced_idx = UNSET
        else:
            replaced_idx = self.replaced_idx

        failures: list[dict[str, Any]] | None | Unset
        if isinstance(self.failures, Unset):
            failures = UNSET
        elif isinstance(self.failures, list):
            failures = []
            for failures_type_0_item_data in self.failures:
                failures_type_0_item = failures_type_0_item_data.to_dict()
                failures.append(failures_type_0_item)

        else:
            failures = self.failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if part_type is not UNSET:
            field_dict["partType"] = part_type
        if pn is not UNSET:
            field_dict["pn"] = pn
        if rev is not UNSET:
            field_dict["rev"] = rev
        if sn is not UNSET:
            field_dict["sn"] = sn
        if idx is not UNSET:
            field_dict["idx"] = idx
        if parent_idx is not UNSET:
            field_dict["parentIdx"] = parent_idx
        if position is not UNSET:
            field_dict["position"] = position
        if replaced_idx is not UNSET:
            field_dict["replacedIdx"] = replaced_idx
        if failures is not UNSET:
            field_dict["failures"] = failures

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_failure import WsjfFailure

        d = dict(src_dict)

        def _parse_part_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        part_type = _parse_part_type(d.pop("partType", UNSET))

        def _parse_pn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pn = _parse_pn(d.pop("pn", UNSET))

        def _parse_rev(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rev = _parse_rev(d.pop("rev", UNSET))

        def _parse_sn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sn = _parse_sn(d.pop("sn", UNSET))

        def _parse_idx(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        idx = _parse_idx(d.pop("idx", UNSET))

        def _parse_parent_idx(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_idx = _parse_parent_idx(d.pop("parentIdx", UNSET))

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_replaced_idx(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        replaced_idx = _parse_replaced_idx(d.pop("replacedIdx", UNSET))

        def _parse_failures(data: object) -> list[WsjfFailure] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                failures_type_0 = []
                _failures_type_0 = data
                for failures_type_0_item_data in _failures_type_0:
                    failures_type_0_item = WsjfFailure.from_dict(
                        failures_type_0_item_data
                    )

                    failures_type_0.append(failures_type_0_item)

                return failures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfFailure] | None | Unset, data)

        failures = _parse_failures(d.pop("failures", UNSET))

        wsjf_sub_unit = cls(
            part_type=part_type,
            pn=pn,
            rev=rev,
            sn=sn,
            idx=idx,
            parent_idx=parent_idx,
            position=position,
            replaced_idx=replaced_idx,
            failures=failures,
        )

        wsjf_sub_unit.additional_properties = d
        return wsjf_sub_unit

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

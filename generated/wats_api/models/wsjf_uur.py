from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfUur")


@_attrs_define
class WsjfUur:
    """Header fields of a repair (UUR) report.

    Attributes:
        comment (None | str | Unset): Repair comment.
        user (None | str | Unset): Repair operator.
        process_code (int | None | Unset): Test operation of the repaired UUT (the report's own `processCode` is the
            repair operation).
        process_code_format (None | str | Unset): Display format of `processCode`.
        process_name (None | str | Unset): Name of that test operation.
        ref_uut (None | Unset | UUID): `id` of the failed UUT report being repaired.
        confirm_date (datetime.datetime | None | Unset): When the repair was confirmed.
        finalize_date (datetime.datetime | None | Unset): When the repair was finalised.
        exec_time (float | None | Unset): Time spent on the repair, in seconds.
        parent (None | Unset | UUID): Id of the parent repair report; set on a sub-repair.
        children (list[UUID] | None | Unset): Ids of the sub-repair reports; filled by the server.
    """

    comment: None | str | Unset = UNSET
    user: None | str | Unset = UNSET
    process_code: int | None | Unset = UNSET
    process_code_format: None | str | Unset = UNSET
    process_name: None | str | Unset = UNSET
    ref_uut: None | Unset | UUID = UNSET
    confirm_date: datetime.datetime | None | Unset = UNSET
    finalize_date: datetime.datetime | None | Unset = UNSET
    exec_time: float | None | Unset = UNSET
    parent: None | Unset | UUID = UNSET
    children: list[UUID] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        process_code: int | None | Unset
        if isinstance(self.process_code, Unset):
            process_code = UNSET
        else:
            process_code = self.process_code

        process_code_format: None | str | Unset
        if isinstance(self.process_code_format, Unset):
            process_code_format = UNSET
        else:
            process_code_format = self.process_code_format

        process_name: None | str | Unset
        if isinstance(self.process_name, Unset):
            process_name = UNSET
        else:
            process_name = self.process_name

        ref_uut: None | str | Unset
        if isinstance(self.ref_uut, Unset):
            ref_uut = UNSET
        elif isinstance(self.ref_uut, UUID):
            ref_uut = str(self.ref_uut)
        else:
            ref_uut = self.ref_uut

        confirm_date: None | str | Unset
        if isinstance(self.confirm_date, Unset):
            confirm_date = UNSET
        elif isinstance(self.confirm_date, datetime.datetime):
            confirm_date = self.confirm_date.isoformat()
        else:
            confirm_date = self.confirm_date

        finalize_date: None | str | Unset
        if isinstance(self.finalize_date, Unset):
            finalize_date = UNSET
        elif isinstance(self.finalize_date, datetime.datetime):
            finalize_date = self.finalize_date.isoformat()
        else:
            finalize_date = self.finalize_date

        exec_time: float | None | Unset
        if isinstance(self.exec_time, Unset):
            exec_time = UNSET
        else:
            exec_time = self.exec_time

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, UUID):
            parent = str(self.parent)
        else:
            parent = self.parent

        children: list[str] | None | Unset
        if isinstance(self.children, Unset):
            children = UNSET
        elif isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = str(children_type_0_item_data)
                children.append(children_type_0_item)

        else:
            children = self.children

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment is not UNSET:
            field_dict["comment"] = comment
        if user is not UNSET:
            field_dict["user"] = user
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if process_code_format is not UNSET:
            field_dict["processCodeFormat"] = process_code_format
        if process_name is not UNSET:
            field_dict["processName"] = process_name
        if ref_uut is not UNSET:
            field_dict["refUUT"] = ref_uut
        if confirm_date is not UNSET:
            field_dict["confirmDate"] = confirm_date
        if finalize_date is not UNSET:
            field_dict["finalizeDate"] = finalize_date
        if exec_time is not UNSET:
            field_dict["execTime"] = exec_time
        if parent is not UNSET:
            field_dict["parent"] = parent
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_process_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        process_code = _parse_process_code(d.pop("processCode", UNSET))

        def _parse_process_code_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_code_format = _parse_process_code_format(
            d.pop("processCodeFormat", UNSET)
        )

        def _parse_process_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_name = _parse_process_name(d.pop("processName", UNSET))

        def _parse_ref_uut(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ref_uut_type_0 = UUID(data)

                return ref_uut_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ref_uut = _parse_ref_uut(d.pop("refUUT", UNSET))

        def _parse_confirm_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirm_date_type_0 = datetime.datetime.fromisoformat(data)

                return confirm_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        confirm_date = _parse_confirm_date(d.pop("confirmDate", UNSET))

        def _parse_finalize_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finalize_date_type_0 = datetime.datetime.fromisoformat(data)

                return finalize_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finalize_date = _parse_finalize_date(d.pop("finalizeDate", UNSET))

        def _parse_exec_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exec_time = _parse_exec_time(d.pop("execTime", UNSET))

        def _parse_parent(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_type_0 = UUID(data)

                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent = _parse_parent(d.pop("parent", UNSET))

        def _parse_children(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                children_type_0 = []
                _children_type_0 = data
                for children_type_0_item_data in _children_type_0:
                    children_type_0_item = UUID(children_type_0_item_data)

                    children_type_0.append(children_type_0_item)

                return children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        children = _parse_children(d.pop("children", UNSET))

        wsjf_uur = cls(
            comment=comment,
            user=user,
            process_code=process_code,
            process_code_format=process_code_format,
            process_name=process_name,
            ref_uut=ref_uut,
            confirm_date=confirm_date,
            finalize_date=finalize_date,
            exec_time=exec_time,
            parent=parent,
            children=children,
        )

        wsjf_uur.additional_properties = d
        return wsjf_uur

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_binary_data import WsjfBinaryData


T = TypeVar("T", bound="WsjfFailure")


@_attrs_define
class WsjfFailure:
    """A failure found on a unit during repair.

    Attributes:
        art_number (None | str | Unset): Article number of the failed component.
        art_rev (None | str | Unset): Revision of the failed component.
        art_vendor (None | str | Unset): Vendor of the failed component.
        art_description (None | str | Unset): Description of the failed component.
        category (None | str | Unset): Fail-code category (top level of the repair operation's tree).
        code (None | str | Unset): Fail code within the category.
        comment (None | str | Unset): Comment.
        com_ref (None | str | Unset): Component reference, e.g. R5.
        func_block (None | str | Unset): Function block.
        ref_step_id (int | None | Unset): `id` of the step in the repaired UUT that found the failure.
        ref_step_name (None | str | Unset): Name of that step; filled by the server.
        attachments (list[WsjfBinaryData] | None | Unset): Files about this failure.
    """

    art_number: None | str | Unset = UNSET
    art_rev: None | str | Unset = UNSET
    art_vendor: None | str | Unset = UNSET
    art_description: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    com_ref: None | str | Unset = UNSET
    func_block: None | str | Unset = UNSET
    ref_step_id: int | None | Unset = UNSET
    ref_step_name: None | str | Unset = UNSET
    attachments: list[WsjfBinaryData] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        art_number: None | str | Unset
        if isinstance(self.art_number, Unset):
            art_number = UNSET
        else:
            art_number = self.art_number

        art_rev: None | str | Unset
        if isinstance(self.art_rev, Unset):
            art_rev = UNSET
        else:
            art_rev = self.art_rev

        art_vendor: None | str | Unset
        if isinstance(self.art_vendor, Unset):
            art_vendor = UNSET
        else:
            art_vendor = self.art_vendor

        art_description: None | str | Unset
        if isinstance(self.art_description, Unset):
            art_description = UNSET
        else:
            art_description = self.art_description

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        com_ref: None | str | Unset
        if isinstance(self.com_ref, Unset):
            com_ref = UNSET
        else:
            com_ref = self.com_ref

        func_block: None | str | Unset
        if isinstance(self.func_block, Unset):
            func_block = UNSET
        else:
            func_block = self.func_block

        ref_step_id: int | None | Unset
        if isinstance(self.ref_step_id, Unset):
            ref_step_id = UNSET
        else:
            ref_step_id = self.ref_step_id

        ref_step_name: None | str | Unset
        if isinstance(self.ref_step_name, Unset):
            ref_step_name = UNSET
        else:
            ref_step_name = self.ref_step_name

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if art_number is not UNSET:
            field_dict["artNumber"] = art_number
        if art_rev is not UNSET:
            field_dict["artRev"] = art_rev
        if art_vendor is not UNSET:
            field_dict["artVendor"] = art_vendor
        if art_description is not UNSET:
            field_dict["artDescription"] = art_description
        if category is not UNSET:
            field_dict["category"] = category
        if code is not UNSET:
            field_dict["code"] = code
        if comment is not UNSET:
            field_dict["comment"] = comment
        if com_ref is not UNSET:
            field_dict["comRef"] = com_ref
        if func_block is not UNSET:
            field_dict["funcBlock"] = func_block
        if ref_step_id is not UNSET:
            field_dict["refStepId"] = ref_step_id
        if ref_step_name is not UNSET:
            field_dict["refStepName"] = ref_step_name
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_binary_data import WsjfBinaryData

        d = dict(src_dict)

        def _parse_art_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        art_number = _parse_art_number(d.pop("artNumber", UNSET))

        def _parse_art_rev(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        art_rev = _parse_art_rev(d.pop("artRev", UNSET))

        def _parse_art_vendor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        art_vendor = _parse_art_vendor(d.pop("artVendor", UNSET))

        def _parse_art_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        art_description = _parse_art_description(d.pop("artDescription", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_com_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        com_ref = _parse_com_ref(d.pop("comRef", UNSET))

        def _parse_func_block(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        func_block = _parse_func_block(d.pop("funcBlock", UNSET))

        def _parse_ref_step_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ref_step_id = _parse_ref_step_id(d.pop("refStepId", UNSET))

        def _parse_ref_step_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref_step_name = _parse_ref_step_name(d.pop("refStepName", UNSET))

        def _parse_attachments(data: object) -> list[WsjfBinaryData] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = WsjfBinaryData.from_dict(
                        attachments_type_0_item_data
                    )

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfBinaryData] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        wsjf_failure = cls(
            art_number=art_number,
            art_rev=art_rev,
            art_vendor=art_vendor,
            art_description=art_description,
            category=category,
            code=code,
            comment=comment,
            com_ref=com_ref,
            func_block=func_block,
            ref_step_id=ref_step_id,
            ref_step_name=ref_step_name,
            attachments=attachments,
        )

        wsjf_failure.additional_properties = d
        return wsjf_failure

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfMiscInfo")


@_attrs_define
class WsjfMiscInfo:
    """A key/value pair in the report header.

    Attributes:
        description (None | str | Unset): The key (at most 100 characters).
        typedef (None | str | Unset): Legacy type definition.
        text (None | str | Unset): The value (at most 100 characters).
        numeric (int | None | Unset): Legacy numeric value; not used by analytics.
        numeric_format (None | str | Unset): Display format of `numeric`.
        id (None | Unset | UUID): Id (repair reports only).
    """

    description: None | str | Unset = UNSET
    typedef: None | str | Unset = UNSET
    text: None | str | Unset = UNSET
    numeric: int | None | Unset = UNSET
    numeric_format: None | str | Unset = UNSET
    id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        typedef: None | str | Unset
        if isinstance(self.typedef, Unset):
            typedef = UNSET
        else:
            typedef = self.typedef

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        numeric: int | None | Unset
        if isinstance(self.numeric, Unset):
            numeric = UNSET
        else:
            numeric = self.numeric

        numeric_format: None | str | Unset
        if isinstance(self.numeric_format, Unset):
            numeric_format = UNSET
        else:
            numeric_format = self.numeric_format

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if typedef is not UNSET:
            field_dict["typedef"] = typedef
        if text is not UNSET:
            field_dict["text"] = text
        if numeric is not UNSET:
            field_dict["numeric"] = numeric
        if numeric_format is not UNSET:
            field_dict["numericFormat"] = numeric_format
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_typedef(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        typedef = _parse_typedef(d.pop("typedef", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_numeric(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        numeric = _parse_numeric(d.pop("numeric", UNSET))

        def _parse_numeric_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        numeric_format = _parse_numeric_format(d.pop("numericFormat", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        wsjf_misc_info = cls(
            description=description,
            typedef=typedef,
            text=text,
            numeric=numeric,
            numeric_format=numeric_format,
            id=id,
        )

        wsjf_misc_info.additional_properties = d
        return wsjf_misc_info

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

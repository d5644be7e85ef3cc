from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WsjfMessagePopup")


@_attrs_define
class WsjfMessagePopup:
    """Result of a message popup.

    Attributes:
        response (None | str | Unset): Text the operator entered.
        button (int | None | Unset): Index of the button pressed.
        button_format (None | str | Unset): Display format of `button`.
    """

    response: None | str | Unset = UNSET
    button: int | None | Unset = UNSET
    button_format: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        button: int | None | Unset
        if isinstance(self.button, Unset):
            button = UNSET
        else:
            button = self.button

        button_format: None | str | Unset
        if isinstance(self.button_format, Unset):
            button_format = UNSET
        else:
            button_format = self.button_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if response is not UNSET:
            field_dict["response"] = response
        if button is not UNSET:
            field_dict["button"] = button
        if button_format is not UNSET:
            field_dict["buttonFormat"] = button_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        def _parse_button(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        button = _parse_button(d.pop("button", UNSET))

        def _parse_button_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        button_format = _parse_button_format(d.pop("buttonFormat", UNSET))

        wsjf_message_popup = cls(
            response=response,
            button=button,
            button_format=button_format,
        )

        wsjf_message_popup.additional_properties = d
        return wsjf_message_popup

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

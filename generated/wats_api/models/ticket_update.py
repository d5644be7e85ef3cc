from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ticket_attachment import TicketAttachment


T = TypeVar("T", bound="TicketUpdate")


@_attrs_define
class TicketUpdate:
    """One update of a ticket.

    Attributes:
        update_id (None | Unset | UUID):
        update_utc (datetime.datetime | None | Unset):
        update_user (None | str | Unset):
        content (None | str | Unset):
        update_type (int | None | Unset): 0 text, 1 progress changed, 2 properties changed, 3 notification.
        attachments (list[TicketAttachment] | None | Unset): Files added with this update.
    """

    update_id: None | Unset | UUID = UNSET
    update_utc: datetime.datetime | None | Unset = UNSET
    update_user: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    update_type: int | None | Unset = UNSET
    attachments: list[TicketAttachment] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        update_id: None | str | Unset
        if isinstance(self.update_id, Unset):
            update_id = UNSET
        elif isinstance(self.update_id, UUID):
            update_id = str(self.update_id)
        else:
            update_id = self.update_id

        update_utc: None | str | Unset
        if isinstance(self.update_utc, Unset):
            update_utc = UNSET
        elif isinstance(self.update_utc, datetime.datetime):
            update_utc = self.update_utc.isoformat()
        else:
            update_utc = self.update_utc

        update_user: None | str | Unset
        if isinstance(self.update_user, Unset):
            update_user = UNSET
        else:
            update_user = self.update_user

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        update_type: int | None | Unset
        if isinstance(self.update_type, Unset):
            update_type = UNSET
        else:
            update_type = self.update_type

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
        if update_id is not UNSET:
            field_dict["updateId"] = update_id
        if update_utc is not UNSET:
            field_dict["updateUtc"] = update_utc
        if update_user is not UNSET:
            field_dict["updateUser"] = update_user
        if content is not UNSET:
            field_dict["content"] = content
        if update_type is not UNSET:
            field_dict["updateType"] = update_type
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ticket_attachment import TicketAttachment

        d = dict(src_dict)

        def _parse_update_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                update_id_type_0 = UUID(data)

                return update_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        update_id = _parse_update_id(d.pop("updateId", UNSET))

        def _parse_update_utc(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                update_utc_type_0 = datetime.datetime.fromisoformat(data)

                return update_utc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        update_utc = _parse_update_utc(d.pop("updateUtc", UNSET))

        def _parse_update_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        update_user = _parse_update_user(d.pop("updateUser", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_update_type(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        update_type = _parse_update_type(d.pop("updateType", UNSET))

        def _parse_attachments(data: object) -> list[TicketAttachment] | None | Unset:
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
                    attachments_type_0_item = TicketAttachment.from_dict(
                        attachments_type_0_item_data
                    )

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TicketAttachment] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        ticket_update = cls(
            update_id=update_id,
            update_utc=update_utc,
            update_user=update_user,
            content=content,
            update_type=update_type,
            attachments=attachments,
        )

        ticket_update.additional_properties = d
        return ticket_update

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tag import Tag
    from ..models.ticket_update import TicketUpdate


T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """A root-cause ticket.

    Attributes:
        ticket_id (None | Unset | UUID):
        ticket_number (int | None | Unset):
        progress (None | str | Unset):
        owner (None | str | Unset):
        assignee (None | str | Unset):
        subject (None | str | Unset):
        status (int | None | Unset): Status flag: 1, 2, 4, 8, 16 or 32 (open, in progress, on hold, solved, closed,
            archived).
        priority (int | None | Unset): 0 low, 1 normal, 2 high.
        report_uuid (None | Unset | UUID): Report the ticket is about.
        created_utc (datetime.datetime | None | Unset):
        updated_utc (datetime.datetime | None | Unset):
        team (None | str | Unset):
        origin (None | str | Unset):
        tags (list[Tag] | None | Unset):
        history (list[TicketUpdate] | None | Unset): Earlier updates.
        update (None | TicketUpdate | Unset): The update to apply (create and update).
    """

    ticket_id: None | Unset | UUID = UNSET
    ticket_number: int | None | Unset = UNSET
    progress: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    assignee: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    status: int | None | Unset = UNSET
    priority: int | None | Unset = UNSET
    report_uuid: None | Unset | UUID = UNSET
    created_utc: datetime.datetime | None | Unset = UNSET
    updated_utc: datetime.datetime | None | Unset = UNSET
    team: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    tags: list[Tag] | None | Unset = UNSET
    history: list[TicketUpdate] | None | Unset = UNSET
    update: None | TicketUpdate | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_update import TicketUpdate

        ticket_id: None | str | Unset
        if isinstance(self.ticket_id, Unset):
            ticket_id = UNSET
        elif isinstance(self.ticket_id, UUID):
            ticket_id = str(self.ticket_id)
        else:
            ticket_id = self.ticket_id

        ticket_number: int | None | Unset
        if isinstance(self.ticket_number, Unset):
            ticket_number = UNSET
        else:
            ticket_number = self.ticket_number

        progress: None | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        assignee: None | str | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        else:
            assignee = self.assignee

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        status: int | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        report_uuid: None | str | Unset
        if isinstance(self.report_uuid, Unset):
            report_uuid = UNSET
        elif isinstance(self.report_uuid, UUID):
            report_uuid = str(self.report_uuid)
        else:
            report_uuid = self.report_uuid

        created_utc: None | str | Unset
        if isinstance(self.created_utc, Unset):
            created_utc = UNSET
        elif isinstance(self.created_utc, datetime.datetime):
            created_utc = self.created_utc.isoformat()
        else:
            created_utc = self.created_utc

        updated_utc: None | str | Unset
        if isinstance(self.updated_utc, Unset):
            updated_utc = UNSET
        elif isinstance(self.updated_utc, datetime.datetime):
            updated_utc = self.updated_utc.isoformat()
        else:
            updated_utc = self.updated_utc

        team: None | str | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        else:
            team = self.team

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        tags: list[dict[str, Any]] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.to_dict()
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

        history: list[dict[str, Any]] | None | Unset
        if isinstance(self.history, Unset):
            history = UNSET
        elif isinstance(self.history, list):
            history = []
            for history_type_0_item_data in self.history:
                history_type_0_item = history_type_0_item_data.to_dict()
                history.append(history_type_0_item)

        else:
            history = self.history

        update: dict[str, Any] | None | Unset
        if isinstance(self.update, Unset):
            update = UNSET
        elif isinstance(self.update, TicketUpdate):
            update = self.update.to_dict()
        else:
            update = self.update

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket_id is not UNSET:
            field_dict["ticketId"] = ticket_id
        if ticket_number is not UNSET:
            field_dict["ticketNumber"] = ticket_number
        if progress is not UNSET:
            field_dict["progress"] = progress
        if owner is not UNSET:
            field_dict["owner"] = owner
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if subject is not UNSET:
            field_dict["subject"] = subject
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if report_uuid is not UNSET:
            field_dict["reportUuid"] = report_uuid
        if created_utc is not UNSET:
            field_dict["createdUtc"] = created_utc
        if updated_utc is not UNSET:
            field_dict["updatedUtc"] = updated_utc
        if team is not UNSET:
            field_dict["team"] = team
        if origin is not UNSET:
            field_dict["origin"] = origin
        if tags is not UNSET:
            field_dict["tags"] = tags
        if history is not UNSET:
            field_dict["history"] = history
        if update is not UNSET:
            field_dict["update"] = update

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tag import Tag
        from ..models.ticket_update import TicketUpdate

        d = dict(src_dict)

        def _parse_ticket_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ticket_id_type_0 = UUID(data)

                return ticket_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ticket_id = _parse_ticket_id(d.pop("ticketId", UNSET))

        def _parse_ticket_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ticket_number = _parse_ticket_number(d.pop("ticketNumber", UNSET))

        def _parse_progress(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_assignee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_report_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_uuid_type_0 = UUID(data)

                return report_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        report_uuid = _parse_report_uuid(d.pop("reportUuid", UNSET))

        def _parse_created_utc(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_utc_type_0 = datetime.datetime.fromisoformat(data)

                return created_utc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_utc = _parse_created_utc(d.pop("createdUtc", UNSET))

        def _parse_updated_utc(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_utc_type_0 = datetime.datetime.fromisoformat(data)

                return updated_utc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_utc = _parse_updated_utc(d.pop("updatedUtc", UNSET))

        def _parse_team(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team = _parse_team(d.pop("team", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_tags(data: object) -> list[Tag] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = []
                _tags_type_0 = data
                for tags_type_0_item_data in _tags_type_0:
                    tags_type_0_item = Tag.from_dict(tags_type_0_item_data)

                    tags_type_0.append(tags_type_0_item)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Tag] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_history(data: object) -> list[TicketUpdate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                history_type_0 = []
                _history_type_0 = data
                for history_type_0_item_data in _history_type_0:
                    history_type_0_item = TicketUpdate.from_dict(
                        history_type_0_item_data
                    )

                    history_type_0.append(history_type_0_item)

                return history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TicketUpdate] | None | Unset, data)

        history = _parse_history(d.pop("history", UNSET))

        def _parse_update(data: object) -> None | TicketUpdate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                update_type_0 = TicketUpdate.from_dict(data)

                return update_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketUpdate | Unset, data)

        update = _parse_update(d.pop("update", UNSET))

        ticket = cls(
            ticket_id=ticket_id,
            ticket_number=ticket_number,
            progress=progress,
            owner=owner,
            assignee=assignee,
            subject=subject,
            status=status,
            priority=priority,
            report_uuid=report_uuid,
            created_utc=created_utc,
            updated_utc=updated_utc,
            team=team,
            origin=origin,
            tags=tags,
            history=history,
            update=update,
        )

        ticket.additional_properties = d
        return ticket

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

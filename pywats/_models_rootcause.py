"""RootCause tickets and their updates (``api.rootcause``)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any
from uuid import UUID

import attrs

from pywats._models import Tag, WireValue, _wire

__all__ = ["Ticket", "TicketAttachment", "TicketUpdate", "TicketView"]


@_wire("TicketAttachment")
@attrs.frozen(kw_only=True)
class TicketAttachment(WireValue):
    attachment_id: UUID | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("TicketUpdate")
@attrs.frozen(kw_only=True)
class TicketUpdate(WireValue):
    """One entry of a ticket's history (or the change sent with an update)."""

    update_id: UUID | None = None
    update_utc: dt.datetime | None = None
    update_user: str | None = None
    content: str | None = None
    update_type: int | None = None
    attachments: list[TicketAttachment] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


class TicketView(enum.IntEnum):
    """Which tickets ``api.rootcause.query`` lists."""

    ASSIGNED = 0
    FOLLOWING = 1
    ALL = 2  # needs the "Manage All Tickets" permission


@_wire("Ticket")
@attrs.frozen(kw_only=True)
class Ticket(WireValue):
    """A RootCause ticket (``status`` is one of the flag values 1, 2, 4, 8, 16, 32)."""

    ticket_id: UUID | None = None
    ticket_number: int | None = None
    subject: str | None = None
    status: int | None = None
    priority: int | None = None
    progress: str | None = None
    owner: str | None = None
    assignee: str | None = None
    team: str | None = None
    origin: str | None = None
    report_uuid: UUID | None = None
    created_utc: dt.datetime | None = None
    updated_utc: dt.datetime | None = None
    tags: list[Tag] | None = None
    history: list[TicketUpdate] | None = None
    update: TicketUpdate | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

"""``api.rootcause``: RootCause tickets and their attachments."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from wats_api import models as wire
from wats_api.api.root_cause import (
    root_cause_archive_tickets,
    root_cause_create_ticket,
    root_cause_get_attachment,
    root_cause_get_ticket,
    root_cause_list_tickets,
    root_cause_update_ticket,
    root_cause_upload_attachment,
)

from pywats._async._service import AsyncService
from pywats._models import many, one, the
from pywats._models_rootcause import Ticket, TicketView
from pywats._wire import FileSource, as_uuid, file_bytes, json_of, model, require, upload

__all__ = ["AsyncRootCauseService"]


class AsyncRootCauseService(AsyncService):
    """Tickets: ``await api.rootcause.get(ticket_id)``."""

    async def get(self, ticket_id: uuid.UUID | str) -> Ticket | None:
        """One ticket (None if unknown, in lenient mode)."""
        tid = as_uuid(ticket_id, "ticket_id")
        response = await self._lookup(
            lambda: root_cause_get_ticket.asyncio_detailed(client=self._api, ticket_id=tid)
        )
        return None if response is None else one(Ticket, response.parsed)

    async def query(
        self,
        *,
        status: int = 0b111111,
        view: TicketView | int = TicketView.ASSIGNED,
        search: str | None = None,
    ) -> list[Ticket]:
        """List tickets.

        Args:
            status: status flags to include, OR-ed (1, 2, 4, 8, 16, 32); default all.
            view: assigned to me, followed by me, or all.
            search: text to find in the subject, tags or tag values.
        """
        response = await self._call(
            lambda: root_cause_list_tickets.asyncio_detailed(
                client=self._api, status=status, view=int(view), search_string=search
            )
        )
        return many(Ticket, response.parsed)

    async def create(self, ticket: Ticket | Mapping[str, Any]) -> Ticket:
        """Open a ticket. Not retried: a repeat would open a second one."""
        body = model(wire.Ticket, ticket)
        response = await self._call(
            lambda: root_cause_create_ticket.asyncio_detailed(client=self._api, body=body),
            idempotent=False,
        )
        return the(Ticket, response.parsed)

    async def update(self, ticket: Ticket | Mapping[str, Any]) -> Ticket:
        """Update a ticket (``ticketId`` required; new text or changes go in ``update``)."""
        body = model(wire.Ticket, ticket)
        response = await self._call(
            lambda: root_cause_update_ticket.asyncio_detailed(client=self._api, body=body),
            idempotent=False,
        )
        return the(Ticket, response.parsed)

    async def archive(self, ticket_ids: Iterable[uuid.UUID | str]) -> Any:
        """Archive Solved tickets (as their owner, or with "Manage All Tickets")."""
        ids = [as_uuid(tid, "ticket id") for tid in ticket_ids]
        if not ids:
            raise ValueError("archive() needs at least one ticket id")
        response = await self._call(
            lambda: root_cause_archive_tickets.asyncio_detailed(client=self._api, body=ids)
        )
        return one(Ticket, response.parsed)

    async def get_attachment(
        self, attachment_id: uuid.UUID | str, *, file_name: str | None = None
    ) -> bytes | None:
        """Download a ticket attachment (bytes)."""
        aid = as_uuid(attachment_id, "attachment_id")
        response = await self._lookup(
            lambda: root_cause_get_attachment.asyncio_detailed(
                client=self._api, attachment_id=aid, file_name=file_name
            )
        )
        return None if response is None else response.content

    async def upload_attachment(
        self, data: FileSource, *, file_name: str, mime_type: str = "application/octet-stream"
    ) -> uuid.UUID:
        """Upload a file; reference the returned id in a ticket's ``update.attachments``."""
        require(file_name, "file_name")
        content = file_bytes(data)
        response = await self._call(
            lambda: root_cause_upload_attachment.asyncio_detailed(
                client=self._api,
                body=wire.TicketAttachmentUpload(file=upload(content, file_name, mime_type)),
            ),
            idempotent=False,
        )
        return as_uuid(json_of(response.content), "attachment id")

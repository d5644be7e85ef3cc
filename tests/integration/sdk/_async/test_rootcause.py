"""``api.rootcause`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import uuid

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats._models import TicketView

SOLVED = 8


@pytest.mark.anyio
async def test_ticket_lifecycle(async_api: AsyncWATS) -> None:
    attachment_id = await async_api.rootcause.upload_attachment(
        b"\x89PNG...", file_name="scope.png", mime_type="image/png"
    )
    assert isinstance(attachment_id, uuid.UUID)
    assert await async_api.rootcause.get_attachment(attachment_id) == b"\x89PNG..."

    ticket = await async_api.rootcause.create(
        {"subject": "Fixture 7 contacts", "priority": 1, "update": {"content": "Pins worn"}}
    )
    assert ticket.subject == "Fixture 7 contacts"
    ticket_id = ticket.ticket_id

    got = await async_api.rootcause.get(ticket_id)
    assert got is not None
    assert got.ticket_number == ticket.ticket_number

    listed = await async_api.rootcause.query(view=TicketView.ALL, search="Fixture")
    assert [t.ticket_id for t in listed] == [ticket_id]

    solved = await async_api.rootcause.update(
        {"ticketId": str(ticket_id), "status": SOLVED, "update": {"content": "Replaced"}}
    )
    assert solved.status == SOLVED
    await async_api.rootcause.archive([ticket_id])
    assert await async_api.rootcause.query(view=TicketView.ALL, status=SOLVED) == []

    with pytest.raises(NotFoundError):
        await async_api.rootcause.get(uuid.uuid4())
    with pytest.raises(ValueError, match="at least one"):
        await async_api.rootcause.archive([])

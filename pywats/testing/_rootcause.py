"""``/api/RootCause/*``: tickets, their history and attachments (reference §2.7, §3.7).

Status flags: 1 Open, 2 In progress, 4 On hold, 8 Solved, 16 Closed, 32 Archived. Every caller is
treated as having "Manage All Tickets", so view 2 (all) works; view 0 lists tickets assigned to
the caller and view 1 those the caller owns or is assigned. Only Solved tickets can be archived.
"""

from __future__ import annotations

import base64
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import (
    ApiProblem,
    Params,
    json_body,
    now_utc,
    ok,
    store_of,
    uploaded_files,
    user_of,
)
from pywats.testing._store import Store

__all__ = [
    "archive_tickets",
    "create_ticket",
    "get_attachment",
    "get_ticket",
    "list_tickets",
    "update_ticket",
    "upload_attachment",
]

SOLVED, ARCHIVED = 8, 32
STATUS_FLAGS = (1, 2, 4, 8, 16, 32)
_PROPERTIES = ("subject", "assignee", "status", "priority", "team", "origin", "reportUuid")


def _ticket_or_404(store: Store, ticket_id: str) -> dict[str, Any]:
    ticket = store.get("ticket", ticket_id)
    if ticket is None:
        raise ApiProblem(404, f"No ticket with id '{ticket_id}' exists.")
    return ticket


def _update(user: str, content: str | None, kind: int, attachments: Any = None) -> dict[str, Any]:
    return {
        "updateId": str(uuid.uuid4()),
        "updateUtc": now_utc(),
        "updateUser": user,
        "content": content,
        "updateType": kind,
        "attachments": attachments or [],
    }


def _check_status(value: Any) -> None:
    if value is not None and value not in STATUS_FLAGS:
        raise ApiProblem(
            400, "The request is invalid.", "status must be one of 1, 2, 4, 8, 16, 32."
        )


def _apply_update(store: Store, ticket: dict[str, Any], body: dict[str, Any], user: str) -> None:
    update = body.get("update")
    if isinstance(update, dict) and (update.get("content") or update.get("attachments")):
        attachments = update.get("attachments") or []
        if not isinstance(attachments, list):
            raise ApiProblem(400, "The request is invalid.", "update.attachments must be a list.")
        for item in attachments:
            if (
                not isinstance(item, dict)
                or store.get("rcattachment", str(item.get("attachmentId"))) is None
            ):
                raise ApiProblem(
                    400,
                    "The request is invalid.",
                    "update.attachments must reference uploaded attachmentIds.",
                )
        kind = update.get("updateType") or 0
        if not isinstance(kind, int) or kind not in (0, 1, 2, 3):
            raise ApiProblem(400, "The request is invalid.", "update.updateType must be 0-3.")
        ticket["history"].append(
            _update(
                user,
                update.get("content"),
                kind,
                attachments,
            )
        )


async def get_ticket(request: Request) -> Response:
    """One ticket; 404 when unknown."""
    return ok(_ticket_or_404(store_of(request), Params(request).req("ticketId")))


async def list_tickets(request: Request) -> Response:
    """Tickets whose status is in the ``status`` flags, by ``view``, optionally searched."""
    params = Params(request)
    flags = params.integer("status", required=True) or 0
    view = params.integer("view", required=True)
    if view not in (0, 1, 2):
        raise ApiProblem(400, "The request is invalid.", "view must be 0, 1 or 2.")
    search = (params.text("searchString") or "").lower()
    user = user_of(request).lower()
    rows = []
    for ticket in store_of(request).all("ticket"):
        if not ticket["status"] & flags:
            continue
        assignee = str(ticket.get("assignee") or "").lower()
        if view == 0 and assignee != user:
            continue
        if view == 1 and user not in (assignee, str(ticket.get("owner") or "").lower()):
            continue
        if search:
            texts = [str(ticket.get("subject") or "")]
            texts += [f"{t.get('key')} {t.get('value')}" for t in ticket.get("tags") or []]
            if not any(search in t.lower() for t in texts):
                continue
        rows.append(ticket)
    return ok(rows)


async def create_ticket(request: Request) -> Response:
    """Create a ticket (owner = caller, status Open unless given); ``update`` starts its history."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, dict) or not body.get("subject"):
        raise ApiProblem(400, "The request is invalid.", "subject is required.")
    _check_status(body.get("status"))
    user = user_of(request)
    ticket = {
        "ticketId": str(uuid.uuid4()),
        "ticketNumber": store.next_number("ticket"),
        "progress": body.get("progress"),
        "owner": user,
        "assignee": body.get("assignee"),
        "subject": body["subject"],
        "status": body.get("status") or 1,
        "priority": body.get("priority") if body.get("priority") is not None else 1,
        "reportUuid": body.get("reportUuid"),
        "createdUtc": now_utc(),
        "updatedUtc": now_utc(),
        "team": body.get("team"),
        "origin": body.get("origin"),
        "tags": body.get("tags") or [],
        "history": [],
        "update": None,
    }
    _apply_update(store, ticket, body, user)
    store.put("ticket", ticket["ticketId"], ticket)
    return ok(ticket)


async def update_ticket(request: Request) -> Response:
    """Change a ticket's properties and/or add ``update``; each change lands in ``history``."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, dict) or not body.get("ticketId"):
        raise ApiProblem(400, "The request is invalid.", "ticketId is required.")
    ticket = _ticket_or_404(store, str(body["ticketId"]))
    _check_status(body.get("status"))
    user = user_of(request)
    changed = [
        k for k in _PROPERTIES if k in body and body[k] is not None and body[k] != ticket.get(k)
    ]
    for key in changed:
        ticket[key] = body[key]
    if changed:
        ticket["history"].append(_update(user, "Changed " + ", ".join(changed), 2))
    if "progress" in body and body["progress"] != ticket.get("progress"):
        ticket["progress"] = body["progress"]
        ticket["history"].append(_update(user, body["progress"], 1))
    if "tags" in body and isinstance(body["tags"], list):
        ticket["tags"] = body["tags"]
    _apply_update(store, ticket, body, user)
    ticket["updatedUtc"] = now_utc()
    store.put("ticket", ticket["ticketId"], ticket)
    return ok(ticket)


async def archive_tickets(request: Request) -> Response:
    """Archive Solved tickets (atomic: one that is not Solved archives none).

    Answers the last archived ticket, matching the spec's single ``Ticket`` response.
    """
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, list) or not body:
        raise ApiProblem(400, "The request is invalid.", "The body must be a list of ticket ids.")
    tickets = [_ticket_or_404(store, str(ticket_id)) for ticket_id in body]
    for ticket in tickets:
        if ticket["status"] != SOLVED:
            raise ApiProblem(
                400,
                f"Ticket {ticket['ticketNumber']} is not Solved; only Solved "
                "tickets can be archived.",
            )
    user = user_of(request)
    with store.transaction():
        for ticket in tickets:
            ticket["status"] = ARCHIVED
            ticket["updatedUtc"] = now_utc()
            ticket["history"].append(_update(user, "Archived", 2))
            store.put("ticket", ticket["ticketId"], ticket)
    return ok(tickets[-1])


async def upload_attachment(request: Request) -> Response:
    """Store an uploaded file; answers its attachmentId as a JSON string."""
    name, content_type, data = (await uploaded_files(request))[0]
    attachment_id = str(uuid.uuid4())
    store_of(request).put(
        "rcattachment",
        attachment_id,
        {
            "attachmentId": attachment_id,
            "filename": name,
            "contentType": content_type,
            "data": base64.b64encode(data).decode(),
        },
    )
    return ok(attachment_id)


async def get_attachment(request: Request) -> Response:
    """Download an attachment: inline, or as a download named ``fileName``."""
    params = Params(request)
    attachment_id = params.req("attachmentId")
    row = store_of(request).get("rcattachment", attachment_id)
    if row is None:
        raise ApiProblem(404, f"No attachment with id '{attachment_id}' exists.")
    file_name = params.text("fileName")
    disposition = (
        f'attachment; filename="{file_name}"'
        if file_name
        else (f'inline; filename="{row["filename"]}"')
    )
    return Response(
        base64.b64decode(row["data"]),
        media_type=row["contentType"],
        headers={"Content-Disposition": disposition},
    )

"""``wats rootcause``: RootCause tickets."""

from __future__ import annotations

from enum import StrEnum

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="RootCause tickets.", no_args_is_help=True)

# Ticket status flags (reference §3.7).
_STATUS = {"open": 1, "in-progress": 2, "on-hold": 4, "solved": 8, "closed": 16, "archived": 32}


class View(StrEnum):
    assigned = "assigned"
    following = "following"
    all = "all"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"


@app.command("list")
def list_(
    status: list[str] = typer.Option(
        None,
        "--status",
        help="Only these statuses (repeatable): " + ", ".join(_STATUS) + ". Default: all.",
    ),
    view: View = typer.Option(View.assigned, "--view", help="Assigned to me, followed, or all."),
    search: str = typer.Option(None, "--search", help="Text in the subject or tags."),
    output: OutputFormat = output_option(),
) -> None:
    """List tickets (default: those assigned to you; --view all shows every ticket)."""
    from wats_cli._context import client, emit, info

    flags = 0
    for name in status or list(_STATUS):
        if name not in _STATUS:
            raise typer.BadParameter(
                f"{name!r} is not a status: use {', '.join(_STATUS)}", param_hint="--status"
            )
        flags |= _STATUS[name]
    tickets = client().rootcause.query(status=flags, view=list(View).index(view), search=search)
    emit(
        tickets,
        output,
        columns=["ticketNumber", "subject", "status", "priority", "assignee", "updatedUtc"],
    )
    # Say which view this is: a ticket just created is not assigned to you, and an empty
    # "assigned" list must not read as "no tickets".
    shown = {"assigned": "assigned to you", "following": "you follow", "all": "all tickets"}
    info(f"{len(tickets)} ticket(s); view: {shown[view.value]}")
    if view is not View.all:
        info("next: `wats rootcause list --view all` shows every ticket")


@app.command()
def get(
    ticket_id: str = typer.Argument(
        ..., metavar="TICKET_ID", help="The ticket id (a GUID).", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one ticket with its history."""
    from wats_cli._context import client, emit

    emit(client().rootcause.get(ticket_id), output)


@app.command()
def create(
    subject: str = typer.Argument(
        ..., metavar="SUBJECT", help="What the problem is.", show_default=False
    ),
    text: str = typer.Option(None, "--text", help="A first comment."),
    priority: Priority = typer.Option(Priority.normal, "--priority", help="Ticket priority."),
    assignee: str = typer.Option(None, "--assignee", help="User to assign it to."),
    report: str = typer.Option(None, "--report", help="Link a report by its id."),
    team: str = typer.Option(None, "--team", help="Team."),
    output: OutputFormat = output_option(),
) -> None:
    """Open a new ticket."""
    from wats_cli._context import client, emit, info

    ticket: dict[str, object] = {"subject": subject, "priority": list(Priority).index(priority)}
    for key, value in (("assignee", assignee), ("reportUuid", report), ("team", team)):
        if value is not None:
            ticket[key] = value
    if text:
        ticket["update"] = {"content": text, "updateType": 0}
    created = client().rootcause.create(ticket)
    info(f"Created ticket {created.ticket_number}")
    emit(created, output)


_TICKET = typer.Argument(
    ..., metavar="TICKET_ID", help="The ticket id (a GUID).", show_default=False
)


@app.command()
def update(
    ticket_id: str = _TICKET,
    text: str = typer.Option(None, "--text", help="Add a comment."),
    status: str = typer.Option(
        None, "--status", help="New status: " + ", ".join(s for s in _STATUS if s != "archived")
    ),
    priority: Priority = typer.Option(None, "--priority", help="New priority."),
    assignee: str = typer.Option(None, "--assignee", help="Assign it to this user."),
    team: str = typer.Option(None, "--team", help="Move it to this team."),
    output: OutputFormat = output_option(),
) -> None:
    """Comment on a ticket or change its status, priority, assignee or team."""
    from wats_cli._context import client, emit, info

    ticket: dict[str, object] = {"ticketId": ticket_id}
    if status is not None:
        if status not in _STATUS or status == "archived":
            allowed = ", ".join(s for s in _STATUS if s != "archived")
            raise typer.BadParameter(
                f"{status!r} is not a status: use {allowed} (`archive` archives)",
                param_hint="--status",
            )
        ticket["status"] = _STATUS[status]
    if priority is not None:
        ticket["priority"] = list(Priority).index(priority)
    for key, value in (("assignee", assignee), ("team", team)):
        if value is not None:
            ticket[key] = value
    if text:
        ticket["update"] = {"content": text, "updateType": 0}
    if len(ticket) == 1:
        raise typer.BadParameter(
            "nothing to change: pass --text, --status, --priority, --assignee or --team"
        )
    updated = client().rootcause.update(ticket)
    info(f"Updated ticket {updated.ticket_number}")
    emit(updated, output)


@app.command()
def archive(
    ticket_ids: list[str] = typer.Argument(
        ...,
        metavar="TICKET_ID",
        help="Ticket ids (GUIDs); each must be solved.",
        show_default=False,
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Archive solved tickets (none is archived if one of them is not solved: exit 7)."""
    from wats_cli._context import client, emit, info

    api = client()
    api.rootcause.archive(ticket_ids)
    info(f"Archived {len(ticket_ids)} ticket(s)")
    emit(
        [api.rootcause.get(t) for t in ticket_ids],
        output,
        columns=["ticketNumber", "subject", "status"],
    )

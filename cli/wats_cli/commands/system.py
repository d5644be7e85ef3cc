"""``wats system``: the System Manager's clients (test stations), levels and the server's status."""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option
from wats_cli.commands.system_level import app as level_app

app = typer.Typer(
    help="Clients (test stations), levels and the server's status.", no_args_is_help=True
)
client_app = typer.Typer(help="One client: show it, or change it.", no_args_is_help=True)
app.add_typer(client_app, name="client")
app.add_typer(level_app, name="level")

_COLUMNS = ["name", "location", "purpose", "status", "last_report", "client_id", "identifier"]


def _clients(levels: bool, output: OutputFormat | None) -> None:
    from wats_cli._context import client, emit

    columns = ["kind", "id", "parent_id", *_COLUMNS] if levels else _COLUMNS
    emit(client().system.list_clients(include_levels=levels), output, columns=columns)


@app.command()
def clients(
    levels: bool = typer.Option(False, "--levels", help="List the levels too."),
    output: OutputFormat = output_option(),
) -> None:
    """List the clients (stations) the server knows, with status and last report."""
    _clients(levels, output)


@app.command("list", hidden=True)
def list_(
    levels: bool = typer.Option(False, "--levels", help="List the levels too."),
    output: OutputFormat = output_option(),
) -> None:
    """The same as ``wats system clients`` (what a "not found" hint suggests)."""
    _clients(levels, output)


@app.command()
def status(output: OutputFormat = output_option()) -> None:
    """Show the server's status entries."""
    from wats_cli._context import client, emit

    emit(client().system.get_status(), output)


def _lookup(api: Any, name: str | None, identifier: str | None) -> Any:
    from wats_cli._context import found

    if (name is None) == (identifier is None):
        raise typer.BadParameter("give the client's NAME or --identifier (not both)")
    if identifier is not None:
        return found(
            api.with_options(error_mode="lenient").system.get_client(identifier=identifier),
            f"client {identifier!r}",
        )
    return found(api.with_options(error_mode="lenient").system.get_client(name), f"client {name!r}")


_NAME = typer.Argument(None, metavar="NAME", help="The client's (station's) name.")
_IDENTIFIER = typer.Option(
    None, "--identifier", metavar="MAC", help="Name the client by its identifier instead."
)


@client_app.command("get")
def get(
    name: str = _NAME,
    identifier: str = _IDENTIFIER,
    log: bool = typer.Option(False, "--log", help="Show the client's most recent log instead."),
    output: OutputFormat = output_option(),
) -> None:
    """Show one client, by name or --identifier."""
    from wats_cli._context import client, emit, found

    api = client()
    node = _lookup(api, name, identifier)
    if not log:
        emit(node, output)
        return
    if not node.identifier:
        raise typer.BadParameter(f"client {node.name!r} has no identifier, so no log")
    lenient = api.with_options(error_mode="lenient")
    emit(found(lenient.system.get_client_log(node.identifier), f"the log of {node.name!r}"), output)


@client_app.command("set")
def set_(
    name: str = _NAME,
    identifier: str = _IDENTIFIER,
    display_name: str = typer.Option(None, "--display-name", help="New display name."),
    location: str = typer.Option(None, "--location", help="New location."),
    purpose: str = typer.Option(None, "--purpose", help="New purpose."),
    level: str = typer.Option(
        None, "--level", metavar="PATH|ID", help="Move to this level: 'Acme/Line 2', or its id."
    ),
    move_history: bool = typer.Option(
        False, "--move-history", help="With --level: move the client's history too."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Change a client's display name, location, purpose or level (others stay as they are)."""
    from wats_cli._context import client, emit, info

    changes: dict[str, Any] = {
        key: value
        for key, value in (
            ("display_name", display_name),
            ("location", location),
            ("purpose", purpose),
        )
        if value is not None
    }
    api = client()
    if level is not None:
        level_id = int(level) if level.strip().isdigit() else api.system.get_level(level)
        if level_id is None:
            raise typer.BadParameter(f"no level has the path {level!r}", param_hint="--level")
        changes["level_id"] = level_id
    if not changes:
        raise typer.BadParameter(
            "name something to change: --display-name, --location, --purpose or --level"
        )
    node = _lookup(api, name, identifier)
    updated = api.system.update_client(
        node, move_with_history=move_history if level is not None else None, **changes
    )
    info(f"Updated client {node.name}")
    emit(updated if updated is not None else _lookup(api, node.name, None), output)

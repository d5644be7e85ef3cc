"""``wats system level``: the levels of the station hierarchy (``Acme / Line 2 / ICT``).

A level's path is its names topmost first, joined with ``/`` (``"Acme/Line 2"``); clients
(stations) are moved to a level with ``wats system client set NAME --level PATH``.
"""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(
    help="Levels of the station hierarchy: list, look up, create.", no_args_is_help=True
)

_PATH = typer.Argument(..., metavar="PATH", help="The level's names, topmost first: 'Acme/Line 2'.")


def _call(method: Any, path: str) -> int | None:
    try:
        result: int | None = method(path)
    except ValueError as exc:  # an empty name in the path; nothing was sent
        raise typer.BadParameter(str(exc), param_hint="PATH") from None
    return result


@app.command("list")
def list_(output: OutputFormat = output_option()) -> None:
    """List every level (id, name and where it sits)."""
    from wats_cli._context import client, emit

    emit(client().analytics.get_levels(), output)


@app.command()
def get(path: str = _PATH, output: OutputFormat = output_option()) -> None:
    """Show a level's id from its path."""
    from wats_cli._context import client, emit, found

    level_id = _call(client().system.get_level, path)
    found(level_id, f"level {path!r} (`wats system level list` shows the levels)")
    emit({"path": path, "id": level_id}, output)


@app.command()
def create(path: str = _PATH, output: OutputFormat = output_option()) -> None:
    """Create the levels of a path that do not exist yet; show the last one's id.

    Safe to repeat: levels that exist are reused.
    """
    from wats_cli._context import client, emit, info

    level_id = _call(client().system.create_level, path)
    info(f"Level {path} has id {level_id}")
    emit({"path": path, "id": level_id}, output)

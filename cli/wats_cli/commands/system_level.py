"""``wats system level``: the levels of the station hierarchy (``Acme / Line 2 / ICT``).

A level's path is its names topmost first, joined with ``/`` (``"Acme/Line 2"``); clients
(stations) are moved to a level with ``wats system client set NAME --level PATH``. ``list`` and
``get`` answer from the instance's local copy (``pywats.station.reference``) while the server
cannot be reached; ``create`` needs the server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(
    help="Levels of the station hierarchy: list, look up, create.", no_args_is_help=True
)

R = TypeVar("R")
_PATH = typer.Argument(..., metavar="PATH", help="The level's names, topmost first: 'Acme/Line 2'.")


def _call(method: Callable[[str], R], path: str) -> R:
    try:
        return method(path)
    except ValueError as exc:  # an empty name in the path; nothing was sent
        raise typer.BadParameter(str(exc), param_hint="PATH") from None


@app.command("list")
def list_(output: OutputFormat = output_option()) -> None:
    """List every level (id, name and where it sits); from the local copy when offline."""
    from pywats.station.reference import LEVELS, rows_with_fallback
    from wats_cli._context import client, emit
    from wats_cli._offline import local_copy, tell

    copy = local_copy()
    rows, fresh = rows_with_fallback(client().analytics.get_levels, lambda: None, copy, LEVELS)
    tell(fresh, copy, "levels", online=False)
    emit(rows, output)


@app.command()
def get(path: str = _PATH, output: OutputFormat = output_option()) -> None:
    """Show a level's id from its path (from the local copy when offline)."""
    from pywats.station.reference import level_id_with_fallback
    from wats_cli._context import client, emit, found
    from wats_cli._offline import local_copy, tell

    api, copy = client(), local_copy()
    level_id, fresh = _call(lambda p: level_id_with_fallback(api.system.get_level, copy, p), path)
    tell(fresh, copy, "levels", online=False)
    found(level_id, f"level {path!r} (`wats system level list` shows the levels)")
    emit({"path": path, "id": level_id}, output)


@app.command()
def create(path: str = _PATH, output: OutputFormat = output_option()) -> None:
    """Create the levels of a path that do not exist yet; show the last one's id.

    Safe to repeat: levels that exist are reused.
    """
    from pywats.station.reference import learn_level
    from wats_cli._context import client, emit, info
    from wats_cli._offline import local_copy

    level_id = _call(client().system.create_level, path)
    learn_level(local_copy(), path, level_id)
    info(f"Level {path} has id {level_id}")
    emit({"path": path, "id": level_id}, output)

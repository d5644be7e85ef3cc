"""``wats process``: the server's processes (test, repair and WIP operation types).

The lists (every kind, with or without the inactive processes) also land in the instance's
local copy (``pywats.station.reference``), which answers while the server cannot be reached;
stderr says where a list came from and its age.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from wats_cli._types import OutputFormat, output_option

if TYPE_CHECKING:
    from pywats import pyWATS

app = typer.Typer(help="Processes (operation types).", no_args_is_help=True)

_COLUMNS = ["code", "name", "isTestOperation", "isRepairOperation", "isWipOperation"]


def _processes(
    api: pyWATS, kinds: tuple[bool, bool, bool] = (True, True, True), inactive: bool = False
) -> list[dict[str, Any]]:
    """A process list from the client, else (server unreachable) from the local copy."""
    from pywats.station.reference import processes_with_fallback
    from wats_cli._offline import local_copy, tell

    test, repair, wip = kinds
    flags = {
        "include_test_operations": test,
        "include_repair_operations": repair,
        "include_wip_operations": wip,
        "include_inactive_processes": inactive,
    }
    copy = local_copy()
    rows, fresh = processes_with_fallback(
        lambda: api.process.query(**flags),
        lambda: api.process.freshness(**flags),
        copy,
        inactive=inactive,
        kinds=kinds,
    )
    tell(fresh, copy, "processes")
    return rows


@app.command("list")
def list_(
    test: bool = typer.Option(True, "--test/--no-test", help="Include test operations."),
    repair: bool = typer.Option(True, "--repair/--no-repair", help="Include repair operations."),
    wip: bool = typer.Option(True, "--wip/--no-wip", help="Include WIP operations."),
    inactive: bool = typer.Option(False, "--inactive", help="Include inactive processes."),
    output: OutputFormat = output_option(),
) -> None:
    """List processes with their codes (from the local copy when the server is away)."""
    from wats_cli._context import client, emit

    emit(_processes(client(), (test, repair, wip), inactive), output, columns=_COLUMNS)


@app.command()
def get(
    process: str = typer.Argument(
        ..., metavar="PROCESS", help="Process code (100) or name.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one process by code or exact name (from the local copy when offline)."""
    from pywats.station.reference import find_process
    from wats_cli._context import client, emit, found

    key: int | str = int(process) if process.strip().isdigit() else process
    row = find_process(_processes(client()), key)
    emit(found(row, f"process {process!r}"), output)

"""``wats process``: the server's processes (test, repair and WIP operation types).

The default list also lands in the instance's local copy (``pywats.station.reference``), which
answers while the server cannot be reached; stderr says where the list came from and its age.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from wats_cli._types import OutputFormat, output_option

if TYPE_CHECKING:
    from pywats import pyWATS
    from pywats.station.reference import Freshness

app = typer.Typer(help="Processes (operation types).", no_args_is_help=True)

_COLUMNS = ["code", "name", "isTestOperation", "isRepairOperation", "isWipOperation"]


def _default_list(api: pyWATS) -> list[dict[str, Any]]:
    """The default process list: the client, else (server unreachable) the local copy."""
    from pywats.config import resolve_instance
    from pywats.station.reference import copy_for_instance, processes_with_fallback
    from wats_cli._context import state

    copy = copy_for_instance(resolve_instance(state().instance))
    rows, fresh = processes_with_fallback(api.process.query, api.process.freshness, copy)
    _tell(fresh, str(copy.path))
    return rows


def _tell(fresh: Freshness | None, path: str = "") -> None:
    from wats_cli._context import info, warn

    if fresh is None:
        return
    if fresh.source == "disk":
        warn(
            f"the server could not be reached: processes from the local copy {path}, fetched"
            f" {fresh.fetched_at:%Y-%m-%d %H:%M:%S} UTC ({fresh.age})"
        )
    else:
        info(f"processes: {fresh.describe()}")


@app.command("list")
def list_(
    test: bool = typer.Option(True, "--test/--no-test", help="Include test operations."),
    repair: bool = typer.Option(True, "--repair/--no-repair", help="Include repair operations."),
    wip: bool = typer.Option(True, "--wip/--no-wip", help="Include WIP operations."),
    inactive: bool = typer.Option(False, "--inactive", help="Include inactive processes."),
    output: OutputFormat = output_option(),
) -> None:
    """List processes with their codes (the default list works offline from the local copy)."""
    from wats_cli._context import client, emit

    api = client()
    if (test, repair, wip, inactive) == (True, True, True, False):
        emit(_default_list(api), output, columns=_COLUMNS)
        return
    flags = {
        "include_test_operations": test,
        "include_repair_operations": repair,
        "include_wip_operations": wip,
        "include_inactive_processes": inactive,
    }
    rows = api.process.query(**flags)
    _tell(api.process.freshness(**flags))
    emit(rows, output, columns=_COLUMNS)


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
    row = find_process(_default_list(client()), key)
    emit(found(row, f"process {process!r}"), output)

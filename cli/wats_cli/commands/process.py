"""``wats process``: the server's processes (test, repair and WIP operation types)."""

from __future__ import annotations

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="Processes (operation types).", no_args_is_help=True)


@app.command("list")
def list_(
    test: bool = typer.Option(True, "--test/--no-test", help="Include test operations."),
    repair: bool = typer.Option(True, "--repair/--no-repair", help="Include repair operations."),
    wip: bool = typer.Option(True, "--wip/--no-wip", help="Include WIP operations."),
    inactive: bool = typer.Option(False, "--inactive", help="Include inactive processes."),
    output: OutputFormat = output_option(),
) -> None:
    """List processes with their codes."""
    from wats_cli._context import client, emit

    emit(
        client().process.query(
            include_test_operations=test,
            include_repair_operations=repair,
            include_wip_operations=wip,
            include_inactive_processes=inactive,
        ),
        output,
        columns=["code", "name", "isTestOperation", "isRepairOperation", "isWipOperation"],
    )


@app.command()
def get(
    process: str = typer.Argument(
        ..., metavar="PROCESS", help="Process code (100) or name.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one process by code or exact name."""
    from wats_cli._context import client, emit

    key: int | str = int(process) if process.strip().isdigit() else process
    emit(client().process.get(key), output)

"""``wats workflow``: start and end the test activity of a unit's MES workflow."""

from __future__ import annotations

from enum import StrEnum

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(
    help="Start and end a unit's workflow test activity (WATS MES).", no_args_is_help=True
)


class Status(StrEnum):
    """The workflow definition's status the unit was initialised with."""

    draft = "draft"
    pending = "pending"
    released = "released"
    revoked = "revoked"


_SN = typer.Argument(..., metavar="SERIAL", help="The unit's serial number.", show_default=False)
_PN = typer.Argument(..., metavar="PART", help="The unit's part number.", show_default=False)
_OPERATOR = typer.Option(None, "--operator", help="The operator's name.")
_STATION = typer.Option(
    None, "--station", help="The station (default: the instance's station.name, if set)."
)
_STATUS = typer.Option(
    Status.released, "--status", help="The workflow definition's status (server default)."
)


def _station(station: str | None) -> str | None:
    """``--station``, else the instance file's ``station.name`` (None when neither is set)."""
    if station is not None:
        return station
    from pywats.config import get_key, load_instance, resolve_instance
    from wats_cli._context import state

    name = get_key(load_instance(resolve_instance(state().instance)), "station.name")
    return name if isinstance(name, str) and name.strip() else None


def _report(done: bool, verb: str, serial: str, part: str, output: OutputFormat | None) -> None:
    """Print the answer; a ``false`` from the server is exit code 1 with the likely reason."""
    from wats_cli._context import emit

    emit({"serial_number": serial, "part_number": part, f"{verb}ed": done}, output)
    if not done:
        from wats_cli._errors import EXIT_ERROR

        why = "one is already running" if verb == "start" else "none is running"
        typer.echo(
            f"error: the server did not {verb} the test activity of {serial} ({part}): its"
            f" workflow is not at a test with that --status, or {why}",
            err=True,
        )
        raise typer.Exit(EXIT_ERROR)


@app.command()
def start(
    serial_number: str = _SN,
    part_number: str = _PN,
    operator: str = _OPERATOR,
    station: str = _STATION,
    status: Status = _STATUS,
    output: OutputFormat = output_option(),
) -> None:
    """Start the unit's test activity (exit code 1 when the server says it cannot)."""
    import shlex

    from wats_cli._context import client, info

    api = client()
    started = api.workflow.start_test(
        serial_number,
        part_number,
        operator=operator,
        station=_station(station),
        status=list(Status).index(status),  # 0 Draft, 1 Pending, 2 Released, 3 Revoked
    )
    _report(started, "start", serial_number, part_number, output)
    unit = f"{shlex.quote(serial_number)} {shlex.quote(part_number)}"
    info(f"next: `wats workflow end {unit}` (add --failed if it failed)")


@app.command()
def end(
    serial_number: str = _SN,
    part_number: str = _PN,
    failed: bool = typer.Option(False, "--failed", help="The unit failed (default: passed)."),
    operator: str = _OPERATOR,
    station: str = _STATION,
    status: Status = _STATUS,
    output: OutputFormat = output_option(),
) -> None:
    """End the unit's running test activity, passed or --failed."""
    from wats_cli._context import client

    api = client()
    ended = api.workflow.end_test(
        serial_number,
        part_number,
        passed=not failed,
        operator=operator,
        station=_station(station),
        status=list(Status).index(status),  # 0 Draft, 1 Pending, 2 Released, 3 Revoked
    )
    _report(ended, "end", serial_number, part_number, output)

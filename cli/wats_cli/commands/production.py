"""``wats production``: units (phase, process), serial-number pools and batches (MES)."""

from __future__ import annotations

import typer

from wats_cli._types import OutputFormat, output_option, parse_time

app = typer.Typer(help="Production (MES): units, serial numbers and batches.", no_args_is_help=True)
unit_app = typer.Typer(help="Units: look up, set phase or process, verify.", no_args_is_help=True)
sn_app = typer.Typer(help="Serial-number pools: types, take, ranges.", no_args_is_help=True)
app.add_typer(unit_app, name="unit")
app.add_typer(sn_app, name="sn")

_SN = typer.Argument(
    ..., metavar="SERIAL_NUMBER", help="The unit's serial number.", show_default=False
)
_PN = typer.Argument(..., metavar="PART_NUMBER", help="The unit's part number.", show_default=False)

# Unit phases are flags on the wire (reference §3.4); people type names.
_PHASES = {
    "unknown": 1,
    "under-production": 2,
    "production-repair": 4,
    "service-repair": 8,
    "finalized": 16,
    "scrapped": 32,
    "extended-test": 64,
    "customization": 128,
    "repaired": 256,
    "missing": 512,
    "in-storage": 1024,
    "shipped": 2048,
    "queued": 4096,
    "under-production-queued": 4098,
    "waiting-for-production-repair": 4100,
    "waiting-for-service-repair": 4104,
}


def _phase(text: str) -> int:
    value = text.strip().lower().replace("_", "-").replace(" ", "-")
    if value.isdigit() and int(value) in _PHASES.values():
        return int(value)
    if value in _PHASES:
        return _PHASES[value]
    raise typer.BadParameter(
        f"{text!r} is not a unit phase: use one of {', '.join(_PHASES)} (or its number)",
        param_hint="PHASE",
    )


@unit_app.command("get")
def unit_get(
    serial_number: str = _SN, part_number: str = _PN, output: OutputFormat = output_option()
) -> None:
    """Show a unit and its sub-units."""
    from wats_cli._context import client, emit

    emit(client().production.get_unit(serial_number, part_number), output)


@unit_app.command("phase")
def unit_phase(
    serial_number: str = _SN,
    part_number: str = _PN,
    phase: str = typer.Argument(
        ...,
        metavar="PHASE",
        help="finalized, under-production, shipped, ... or the phase number.",
        show_default=False,
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Set a unit's phase."""
    from wats_cli._context import client, emit, info

    code = _phase(phase)
    emit(client().production.set_unit_phase(serial_number, part_number, phase=code), output)
    info(f"Unit {serial_number} ({part_number}) is now in phase {phase}")


@unit_app.command("process")
def unit_process(
    serial_number: str = _SN,
    part_number: str = _PN,
    process_name: str = typer.Argument(
        ..., metavar="PROCESS_NAME", help="The process (operation) name.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Set a unit's current process."""
    from wats_cli._context import client, emit, info

    emit(
        client().production.set_unit_process(serial_number, part_number, process_name=process_name),
        output,
    )
    info(f"Unit {serial_number} ({part_number}) is now at process {process_name!r}")


@unit_app.command("verify")
def unit_verify(
    serial_number: str = _SN,
    part_number: str = typer.Argument(None, metavar="PART_NUMBER", help="The unit's part number."),
    output: OutputFormat = output_option(),
) -> None:
    """Check a unit against the verification rules and show its grade."""
    from wats_cli._context import client, emit

    emit(client().production.verify_unit(serial_number, part_number=part_number), output)


@sn_app.command("types")
def sn_types(output: OutputFormat = output_option()) -> None:
    """List the serial-number types (pools)."""
    from wats_cli._context import client, emit

    emit(client().production.get_serial_number_types(), output)


@sn_app.command("take")
def sn_take(
    serial_number_type: str = typer.Argument(
        ..., metavar="SERIAL_NUMBER_TYPE", help="The pool.", show_default=False
    ),
    quantity: int = typer.Argument(1, metavar="QUANTITY", min=1, help="How many to take."),
    ref_sn: str = typer.Option(None, "--ref-sn", help="Reference serial number."),
    ref_pn: str = typer.Option(None, "--ref-pn", help="Reference part number."),
    station: str = typer.Option(None, "--station", help="Station taking them."),
    in_sequence: bool = typer.Option(
        False, "--in-sequence", help="Only numbers in one unbroken sequence."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Take free serial numbers from a pool (fewer if fewer are left)."""
    from wats_cli._context import client, emit

    taken = client().production.take_serial_numbers(
        serial_number_type,
        quantity,
        ref_sn=ref_sn,
        ref_pn=ref_pn,
        station_name=station,
        only_in_sequence=in_sequence or None,
    )
    emit([{"serialNumber": sn} for sn in taken], output)


@sn_app.command("ranges")
def sn_ranges(
    serial_number_type: str = typer.Argument(
        ..., metavar="SERIAL_NUMBER_TYPE", help="The pool.", show_default=False
    ),
    start: str = typer.Argument(..., metavar="START", help="First address.", show_default=False),
    end: str = typer.Argument(..., metavar="END", help="Last address.", show_default=False),
    since: str = typer.Option(None, "--since", help="Taken at or after (2026-11-01, 7d)."),
    until: str = typer.Option(None, "--until", help="Taken before."),
    output: OutputFormat = output_option(),
) -> None:
    """List the serial numbers of a pool between two addresses."""
    from wats_cli._context import client, emit

    emit(
        client().production.get_serial_numbers_by_range(
            serial_number_type,
            start_address=start,
            end_address=end,
            start_date=parse_time(since, "--since"),
            end_date=parse_time(until, "--until"),
        ),
        output,
    )


@app.command()
def batches(
    batch_numbers: list[str] = typer.Argument(
        ..., metavar="BATCH", help="Batch numbers.", show_default=False
    ),
    size: int = typer.Option(None, "--size", min=0, help="Batch size."),
    output: OutputFormat = output_option(),
) -> None:
    """Add or update production batches (the server has no way to list them)."""
    from wats_cli._context import client, emit, info

    extra = {} if size is None else {"batchSize": size}
    rows = [{"batchNumber": number, **extra} for number in batch_numbers]
    emit(client().production.save_batches(rows), output)
    info(f"Saved {len(rows)} batch(es)")

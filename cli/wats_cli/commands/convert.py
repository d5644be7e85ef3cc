"""``wats report convert FILE``: dry-run a converter and print the WSJF it makes."""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option


def convert(
    file: str = typer.Argument(..., metavar="FILE", help="The result file to convert."),
    converter: str | None = typer.Option(
        None,
        "--converter",
        "-c",
        metavar="NAME",
        help="An installed converter (wsxf, csv, junit, atml, openhtf, ...) or module:Class."
        " Default: the first installed converter whose patterns match and that reads the file.",
    ),
    param: list[str] = typer.Option(
        [],
        "--param",
        "-p",
        metavar="KEY=VALUE",
        help="A converter parameter, as in the folder's [parameters] (repeatable;"
        " dotted keys nest: columns.value=Meas).",
    ),
    station: str | None = typer.Option(None, help="Station name (default: this host)."),
    location: str = typer.Option("Local", help="Station location."),
    purpose: str = typer.Option("Development", help="Station purpose."),
    output: OutputFormat = output_option(),
) -> None:
    """Convert a file as the station service would, print the WSJF, queue nothing.

    On a terminal it shows a summary per report; piped, or with -o json, it writes the WSJF
    (one object, or an array for a file holding several reports), which `wats report
    submit` reads: `wats report convert FILE | wats report submit`.
    Validator problems go to stderr and exit with 7; a file the converter refuses exits
    with 7 too, with the converter's message (file, line, column).
    """
    import contextlib
    import socket
    import sys
    from pathlib import Path

    import attrs

    from pywats.station.converters import ConversionError, ConverterContext, ParameterError
    from pywats.station.converters.dryrun import dry_run, parse_parameters
    from wats_cli._context import emit, info, state
    from wats_cli._errors import EXIT_REJECTED, EXIT_USAGE

    try:
        parameters = parse_parameters(param)
    except ValueError as exc:
        info(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    context = ConverterContext(
        station_name=station or socket.gethostname()[:100] or "localhost",
        location=location,
        purpose=purpose,
        parameters=parameters,
    )
    try:
        result = dry_run(Path(file), converter, context=context)
    except ParameterError as exc:
        info(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except ConversionError as exc:
        info(f"error: {exc}")
        raise typer.Exit(EXIT_REJECTED) from None
    for line in result.warnings:
        info(f"warning: {line}")
    from wats_cli._output import choose_format

    # JSON (on request, or whenever stdout is not a terminal) is the WSJF itself, so
    # `convert FILE > out.json` and `convert FILE | wats report submit` carry the reports.
    fmt = choose_format(output or state().output, sys.stdout)
    if result.problems:
        # A refused report may hold text no stream can write (a lone surrogate): show it
        # escaped, so the problems below are printed instead of an encoding error.
        with contextlib.suppress(RecursionError):
            result = attrs.evolve(result, reports=[_printable(r) for r in result.reports])
    if fmt == OutputFormat.json:
        data: Any = result.reports[0] if len(result.reports) == 1 else result.reports
        emit(data, fmt)
    else:
        rows = [
            {
                "converter": result.converter,
                "type": r.get("type"),
                "pn": r.get("pn"),
                "sn": r.get("sn"),
                "rev": r.get("rev"),
                "result": r.get("result"),
                "start": r.get("start"),
                "steps": _count(r.get("root")),
            }
            for r in result.reports
        ]
        emit(rows, fmt, columns=list(rows[0]) if rows else None)
    info(f"{result.converter}: {len(result.reports)} report(s) from {Path(file).name}")
    for line in result.problems:
        info(f"  {line}")
    if result.problems:
        info(f"{len(result.problems)} problem(s): the station would refuse to queue these reports")
        raise typer.Exit(EXIT_REJECTED)


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def _count(step: Any) -> int:
    if not isinstance(step, dict):
        return 0
    return 1 + sum(_count(s) for s in step.get("steps") or [])

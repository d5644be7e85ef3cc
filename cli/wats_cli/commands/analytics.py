"""``wats analytics``: yield, volume, top failures and measurements (``/api/App``)."""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option, parse_time

app = typer.Typer(
    help="Yield, volume, top failures and measurements from the WATS data warehouse.",
    no_args_is_help=True,
)

# The filter every query takes; each server operation honours only some of the fields.
_PN = typer.Option(None, "--pn", help="Part number (';' separates several, '%' matches any).")
_REV = typer.Option(None, "--rev", help="Revision.")
_SN = typer.Option(None, "--sn", help="Serial number.")
_STATION = typer.Option(None, "--station", help="Station name.")
_PROCESS = typer.Option(
    None, "--process", help="Test operation (process) name, e.g. 'End of line test'."
)
_GROUP = typer.Option(None, "--product-group", help="Product group name.")
_LEVEL = typer.Option(None, "--level", help="Level name.")
_SINCE = typer.Option(None, "--since", help="From: 2026-11-01, 7d, 12h.")
_UNTIL = typer.Option(None, "--until", help="Until this time.")
_TOP = typer.Option(None, "--top", min=1, help="At most this many rows.")


def _filter(
    pn: str | None,
    rev: str | None,
    sn: str | None,
    station: str | None,
    process: str | None,
    group: str | None,
    level: str | None,
    since: str | None,
    until: str | None,
    top: int | None,
) -> dict[str, Any]:
    return {
        "part_number": pn,
        "revision": rev,
        "serial_number": sn,
        "station_name": station,
        "test_operation": process,
        "product_group": group,
        "level": level,
        "date_from": parse_time(since, "--since"),
        "date_to": parse_time(until, "--until"),
        "top_count": top,
    }


def _summary_command(name: str, query: str, help_text: str) -> None:
    """Register ``wats analytics <name>``: the common filter, then ``api.analytics.<query>``."""

    def command(
        pn: str = _PN,
        rev: str = _REV,
        sn: str = _SN,
        station: str = _STATION,
        process: str = _PROCESS,
        group: str = _GROUP,
        level: str = _LEVEL,
        since: str = _SINCE,
        until: str = _UNTIL,
        top: int = _TOP,
        output: OutputFormat = output_option(),
    ) -> None:
        from wats_cli._context import client, emit

        fields = _filter(pn, rev, sn, station, process, group, level, since, until, top)
        emit(getattr(client().analytics, query)(**fields), output)

    app.command(name, help=help_text)(command)


# Three reports that differ only in the server operation they call.
_summary_command(
    "yield",
    "query_volume_yield",
    "Volume and yield (first-pass, second-pass, last-pass) per product.",
)
_summary_command("volume", "query_high_volume", "The highest-volume products, with their yield.")
_summary_command("top-failed", "query_top_failed", "The steps that failed most often.")


@app.command()
def measurements(
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        help="Measurement paths: step names joined by '¶' (U+00B6); '¶¶name' picks one"
        " measurement of a multi-measurement step.",
        show_default=False,
    ),
    aggregated: bool = typer.Option(
        False, "--aggregated", help="Statistics per path instead of the raw values."
    ),
    pn: str = typer.Option(..., "--pn", help="Part number (required).", show_default=False),
    process: str = typer.Option(
        ..., "--process", help="Test operation (process) name (required).", show_default=False
    ),
    rev: str = _REV,
    sn: str = _SN,
    station: str = _STATION,
    group: str = _GROUP,
    level: str = _LEVEL,
    since: str = _SINCE,
    until: str = _UNTIL,
    top: int = _TOP,
    output: OutputFormat = output_option(),
) -> None:
    """Numeric measurements of the given step paths (at most 10000 values)."""
    from wats_cli._context import client, emit

    fields = _filter(pn, rev, sn, station, process, group, level, since, until, top)
    api = client()
    query = (
        api.analytics.query_aggregated_measurements
        if aggregated
        else api.analytics.query_measurements
    )
    emit(query(measurement_paths=";".join(paths), **fields), output)

"""``wats report``: submit, read, query and validate WSJF test and repair reports."""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, ReportResult, output_option
from wats_cli.commands._report_filter import (
    ODATA,
    PN,
    RESULT,
    SINCE,
    SN,
    STATION,
    UNTIL,
    report_filter,
)
from wats_cli.commands.convert import convert
from wats_cli.commands.report_bulk import JOBS, RATE, export, submit_files

app = typer.Typer(help="Test (UUT) and repair (UUR) reports in WSJF.", no_args_is_help=True)
app.command()(convert)
app.command()(export)


_FILES = typer.Argument(
    None,
    metavar="FILE",
    help="WSJF files: one report, or an array of them. `-` or a pipe: stdin.",
    show_default=False,
)


def _validate_files(files: list[str]) -> list[dict[str, Any]]:
    from pywats.reports import check
    from wats_cli.commands._report_files import items, with_id

    results: list[dict[str, Any]] = []
    for item in items(files):
        # A missing id is not a problem: submit assigns one, so the check does the same.
        problems = [item.problem] if item.problem else check(with_id(item.report))
        results.append({"file": item.label, "valid": not problems, "problems": problems})
    return results


def _finish_validation(results: list[dict[str, Any]], output: OutputFormat | None) -> None:
    from wats_cli._context import emit, info
    from wats_cli._errors import EXIT_REJECTED

    emit(results, output, columns=["file", "valid", "problems"])
    bad = [r for r in results if not r["valid"]]
    for r in bad:
        info(f"{r['file']}: {len(r['problems'])} problem(s)")
        for line in r["problems"]:
            info(f"  {line}")
    info(f"{len(results) - len(bad)} of {len(results)} report(s) valid")
    if bad:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def validate(files: list[str] = _FILES, output: OutputFormat = output_option()) -> None:
    """Check reports locally the way the server does (nothing is sent; exit 7 if any fail)."""
    from wats_cli.commands._report_files import stdin_default

    _finish_validation(_validate_files(stdin_default(files)), output)


@app.command()
def submit(
    files: list[str] = _FILES,
    validate_only: bool = typer.Option(
        False, "--validate-only", help="Only check the files; send nothing (like `validate`)."
    ),
    jobs: int = JOBS,
    rate: int = RATE,
    output: OutputFormat = output_option(),
) -> None:
    """Upload WSJF reports, several at a time; prints each report's id.

    A file may hold one report or an array of them (as `wats report convert` writes);
    `wats report convert FILE | wats report submit` sends what was converted. Each report is
    checked locally first and gets its own row; a bad file or report never stops the others.
    Exit 0 when all were sent, 7 when the validator or the server rejected any, 1 when a
    file could not be read (and none was rejected), 6 when the server is unavailable (the
    reports not yet sent are listed as "not sent").
    """
    from wats_cli.commands._report_files import stdin_default

    files = stdin_default(files)
    if validate_only:
        _finish_validation(_validate_files(files), output)
        return
    submit_files(files, jobs=jobs, rate=rate, output=output)


@app.command()
def get(
    report_id: str = typer.Argument(
        ..., metavar="REPORT_ID", help="The report id (a GUID).", show_default=False
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        metavar="[wsjf|wsxf]",
        help="wsjf: the whole report as WSJF (JSON); wsxf: as WSXF (XML). Default: a summary.",
        show_default=False,
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one report (a summary, or the whole document with --format wsjf or wsxf)."""
    import sys

    from wats_cli._context import client, emit, found

    fmt = fmt.lower() if fmt else None
    if fmt not in (None, "wsjf", "wsxf"):
        raise typer.BadParameter(
            f"{fmt!r} is not a format: use wsjf or wsxf", param_hint="--format"
        )
    if fmt == "wsxf":
        # The server's XML as it sent it: bytes, whatever the terminal's encoding.
        document = found(client().report.get_wsxf(report_id), f"report {report_id}")
        sys.stdout.flush()
        sys.stdout.buffer.write(document if document.endswith(b"\n") else document + b"\n")
        sys.stdout.buffer.flush()
        return
    report = found(client().report.get(report_id), f"report {report_id}")
    if fmt == "wsjf":
        from wats_cli._output import writes_any_text

        text = report.to_json(indent=2)
        if not writes_any_text(sys.stdout):
            import json

            # \u escapes for what the stream cannot hold (a cp1252 pipe): the same JSON.
            text = json.dumps(json.loads(text), indent=2)
        sys.stdout.write(text + "\n")
        return
    emit(
        {
            "id": report.id,
            "type": report.type,
            "pn": report.pn,
            "sn": report.sn,
            "rev": report.rev,
            "result": report.result,
            "start": report.start,
            "process_code": report.process_code,
            "process_name": report.process_name,
            "station_name": report.station_name,
            "location": report.location,
            "purpose": report.purpose,
            "operator": report.operator,
        },
        output,
    )


@app.command()
def query(
    pn: str = PN,
    sn: str = SN,
    since: str = SINCE,
    until: str = UNTIL,
    result: ReportResult = RESULT,
    station: str = STATION,
    odata: str = ODATA,
    top: int = typer.Option(
        100, "--top", min=1, max=1_000_000, help="Return at most this many (newest first)."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """List report headers, newest first; pages of up to 1000 are fetched until --top."""
    from wats_cli._context import client, emit

    where = report_filter(
        pn=pn, sn=sn, since=since, until=until, result=result, station=station, odata=odata
    )
    headers = client().report.iter_headers(where, limit=top, page_size=min(top, 1000))
    emit(
        list(headers),
        output,
        columns=[
            "uuid",
            "partNumber",
            "serialNumber",
            "revision",
            "result",
            "start",
            "stationName",
        ],
    )

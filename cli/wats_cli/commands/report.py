"""``wats report``: submit, read, query and validate WSJF test and repair reports."""

from __future__ import annotations

from typing import Any

import typer

from wats_cli._types import OutputFormat, ReportResult, output_option, parse_time
from wats_cli.commands.convert import convert

app = typer.Typer(help="Test (UUT) and repair (UUR) reports in WSJF.", no_args_is_help=True)
app.command()(convert)


def _read(path: str) -> Any:
    """Read one WSJF file; OSError or ValueError (not JSON) for the caller to report."""
    import json
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to read") from None


def _validate_files(files: list[str]) -> list[dict[str, Any]]:
    from pywats.reports import check

    results: list[dict[str, Any]] = []
    for name in files:
        try:
            problems = check(_read(name))
        except OSError as exc:
            problems = [f"cannot read the file: {exc.strerror}"]
        except ValueError as exc:
            problems = [f"not valid JSON: {exc}"]
        results.append({"file": name, "valid": not problems, "problems": problems})
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
def validate(
    files: list[str] = typer.Argument(
        ..., metavar="FILE", help="WSJF JSON files.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Check reports locally the way the server does (nothing is sent; exit 7 if any fail)."""
    _finish_validation(_validate_files(files), output)


@app.command()
def submit(
    files: list[str] = typer.Argument(
        ..., metavar="FILE", help="WSJF JSON files.", show_default=False
    ),
    validate_only: bool = typer.Option(
        False, "--validate-only", help="Only check the files; send nothing (like `validate`)."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Upload WSJF reports; prints each report's id. Exit 7 if the server or the validator
    rejected any, 1 if a file could not be read.

    Files are checked locally first; a rejected file does not stop the others. A progress
    bar is shown on stderr for several files on a terminal.
    """
    if validate_only:
        _finish_validation(_validate_files(files), output)
        return
    from pywats import BadRequestError, ReportValidationError
    from wats_cli._context import client, emit, info
    from wats_cli._errors import EXIT_ERROR, EXIT_REJECTED
    from wats_cli._progress import progress

    api = client()
    results: list[dict[str, Any]] = []
    try:
        with progress(len(files), "Submitting") as advance:
            for name in files:
                row: dict[str, Any] = {"file": name, "status": "submitted", "id": None}
                try:
                    row["id"] = str(api.report.submit(_read(name)))
                except OSError as exc:
                    row.update(status="unreadable", problems=[f"cannot read: {exc.strerror}"])
                except (ReportValidationError, BadRequestError) as exc:
                    row.update(status="rejected", problems=exc.lines)
                except ValueError as exc:
                    row.update(status="unreadable", problems=[f"not valid JSON: {exc}"])
                results.append(row)
                advance()
    finally:
        # A failure that stops the run (server down, token refused) still shows what was sent.
        if results:
            emit(results, output, columns=["file", "status", "id"])
    failed = [r for r in results if r["status"] != "submitted"]
    for r in failed:
        info(f"{r['file']}: {r['status']}")
        for line in r["problems"]:
            info(f"  {line}")
    info(f"Submitted {len(results) - len(failed)} of {len(results)} report(s)")
    if any(r["status"] == "rejected" for r in failed):
        raise typer.Exit(EXIT_REJECTED)
    if failed:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def get(
    report_id: str = typer.Argument(
        ..., metavar="REPORT_ID", help="The report id (a GUID).", show_default=False
    ),
    fmt: str = typer.Option(
        None,
        "--format",
        help="wsjf: print the whole report as WSJF JSON (default: a summary).",
        show_default=False,
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one report (a summary, or the whole WSJF document with --format wsjf)."""
    import sys

    from wats_cli._context import client, emit, found

    if fmt not in (None, "wsjf"):
        raise typer.BadParameter(f"{fmt!r} is not a format: use wsjf", param_hint="--format")
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
    pn: str = typer.Option(None, "--pn", help="Part number."),
    sn: str = typer.Option(None, "--sn", help="Serial number."),
    since: str = typer.Option(None, "--since", help="Started at or after: 2026-11-01, 7d, 12h."),
    until: str = typer.Option(None, "--until", help="Started before this time."),
    result: ReportResult = typer.Option(None, "--result", help="Overall result."),
    station: str = typer.Option(None, "--station", help="Station (machine) name."),
    odata: str = typer.Option(None, "--filter", help="An extra OData $filter expression."),
    top: int = typer.Option(
        100, "--top", min=1, max=1_000_000, help="Return at most this many (newest first)."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """List report headers, newest first; pages of up to 1000 are fetched until --top."""
    from pywats import F, Filter
    from wats_cli._context import client, emit

    terms: list[Filter] = []
    if pn:
        terms.append(F("partNumber").eq(pn))
    if sn:
        terms.append(F("serialNumber").eq(sn))
    if since:
        terms.append(F("start").ge(parse_time(since, "--since")))
    if until:
        terms.append(F("start").lt(parse_time(until, "--until")))
    if result is not None:
        terms.append(F("result").eq(result.code))
    if station:
        terms.append(F("stationName").eq(station))
    if odata:
        terms.append(Filter(f"({odata})"))
    where = None
    for term in terms:
        where = term if where is None else where & term
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

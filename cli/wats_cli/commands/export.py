"""``wats export``: certificate exports (background jobs on the server): start, list, get.

Not ``wats report export``, which writes reports themselves; these are the server's rendered
certificates (PDF), zipped.
"""

from __future__ import annotations

import typer

from wats_cli._types import OutputFormat, output_option, parse_time

app = typer.Typer(
    help="Certificate exports: the server renders UUT certificates (PDF) into a zip.",
    no_args_is_help=True,
)


@app.command("list")
def list_(output: OutputFormat = output_option()) -> None:
    """List your finished exports."""
    from wats_cli._context import client, emit

    emit([{"file_name": name} for name in client().export.list()], output)


@app.command()
def get(
    file_name: str = typer.Argument(
        ..., metavar="NAME", help="The export's name (.zip optional).", show_default=False
    ),
    dest: str = typer.Option(
        ".", "--dest", metavar="PATH", help="Folder to write into, or the file to write."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Download a finished export (streamed to disk; replaced only once complete)."""
    from wats_cli._context import client, emit, info

    path = client().export.download(file_name, dest)
    size = path.stat().st_size
    info(f"Wrote {path} ({size} bytes)")
    emit({"path": str(path), "bytes": size}, output)


@app.command()
def certificates(
    email: str = typer.Option(
        ..., "--email", help="Where the server mails the download link (required with a token)."
    ),
    part_number: str = typer.Option(None, "--pn", help="Part number (% wildcards)."),
    serial_number: str = typer.Option(None, "--sn", help="Serial number (% wildcards)."),
    station: str = typer.Option(None, "--station", help="Station name."),
    since: str = typer.Option(None, "--since", help="From: 2026-11-01, 2026-11-01T08:00 or 7d."),
    until: str = typer.Option(None, "--until", help="Until (same forms as --since)."),
    steps: bool = typer.Option(False, "--steps", help="Include step data, not only headers."),
    one_file: bool = typer.Option(
        False, "--one-file", help="One PDF for all reports instead of one per report."
    ),
    wait: bool = typer.Option(False, "--wait", help="Wait until the export is ready (5 min)."),
    output: OutputFormat = output_option(),
) -> None:
    """Queue an export of the certificates of the UUT reports the options select."""
    import shlex

    from wats_cli._context import client, emit, info

    start, end = parse_time(since, "--since"), parse_time(until, "--until")
    wanted = {
        "partNumber": part_number,
        "serialNumber": serial_number,
        "stationName": station,
        "dateFrom": start.isoformat() if start else None,
        "dateTo": end.isoformat() if end else None,
    }
    api = client()
    name = api.export.queue_certificates(
        {k: v for k, v in wanted.items() if v is not None},
        email=email,
        header_data_only=not steps,
        individual_files=not one_file,
    )
    if wait:
        name = api.export.wait(name)
        info(f"Export {name} is ready")
    else:
        info(f"Queued export {name}; `wats export list` shows it when it is ready")
    info(f"next: `wats export get {shlex.quote(name)}`")
    emit({"file_name": name}, output)

"""``wats report export`` and the concurrent part of ``wats report submit``.

Both hand the work to the SDK's bulk calls (``api.report.export`` / ``submit_many``: bounded
concurrency, the first request alone) and only count, draw the progress bar and render.
Typer + stdlib at import; pywats and rich load in the command body.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

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

if TYPE_CHECKING:
    from pywats._bulk import ExportFormat, ExportResult

__all__ = ["JOBS", "RATE", "export", "submit_files"]

DEFAULT_JOBS = 8  # = pywats' DEFAULT_CONCURRENCY, repeated so `--help` imports no pywats

JOBS = typer.Option(
    DEFAULT_JOBS,
    "--jobs",
    "-j",
    min=1,
    max=64,
    help="Requests in flight at once (the first one is sent alone).",
)
RATE = typer.Option(
    0,
    "--rate",
    min=0,
    metavar="N",
    help="At most N requests a minute (default 0: no client-side limit; -j bounds the load).",
)


def export(
    to: Path = typer.Option(
        ..., "--to", metavar="DIR", help="The folder for the files (made, 0700, if missing)."
    ),
    pn: str = PN,
    sn: str = SN,
    since: str = SINCE,
    until: str = UNTIL,
    result: ReportResult = RESULT,
    station: str = STATION,
    odata: str = ODATA,
    fmt: str = typer.Option(
        "wsjf",
        "--format",
        metavar="[wsjf|wsxf]",
        help="wsjf: <id>.json as the server sends it; wsxf: <id>.xml.",
    ),
    jobs: int = JOBS,
    top: int = typer.Option(
        None, "--top", min=1, help="At most this many reports (oldest first). Default: all."
    ),
    rate: int = RATE,
    ordered: bool = typer.Option(
        False,
        "--ordered",
        help="Finish the reports in listing order (oldest first): a run that stops leaves the"
        " oldest ones in DIR (at most 2 x -j beyond the last one counted).",
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Download every matching report whole, one file each, several at a time.

    Files already in DIR are skipped, and each file is written whole or not at all, so an
    export that was interrupted continues when run again. Prints a summary (-o json for a
    script); each report that failed is named on stderr. Exit 0 when every report is in
    DIR, 1 when any failed; a refused token or an unreachable server stops the run with its
    own code, after the reports in flight.
    """
    from pywats import WatsError
    from wats_cli._context import client, emit, info
    from wats_cli._errors import EXIT_ERROR

    fmt = fmt.lower()
    if fmt not in ("wsjf", "wsxf"):
        raise typer.BadParameter(
            f"{fmt!r} is not a format: use wsjf or wsxf", param_hint="--format"
        )
    where = report_filter(
        pn=pn, sn=sn, since=since, until=until, result=result, station=station, odata=odata
    )
    api = client(per_minute=rate)
    tally = _Tally(to, fmt)
    stopped: WatsError | None = None
    finished = False
    try:
        tally.run(
            api.report.export(
                where,
                to=to,
                format=cast("ExportFormat", fmt),
                concurrency=jobs,
                ordered=ordered,
                limit=top,
            )
        )
        finished = True
    except WatsError as exc:
        stopped = exc
    finally:
        # Stopped or interrupted after the listing, the summary still says what is in DIR.
        if finished or tally.total:
            emit(tally.summary(), output)
            tally.report_failures(info)
    if stopped is not None:
        raise stopped
    if tally.failed:
        raise typer.Exit(EXIT_ERROR)


class _Tally:
    """Counts an export's results as they come, with the progress bar."""

    def __init__(self, folder: Path, fmt: str) -> None:
        self.folder = folder
        self.format = fmt
        self.total = 0
        self.counts = {"written": 0, "present": 0, "failed": 0}
        self.bytes = 0
        self.failed: list[ExportResult] = []
        self.started = time.monotonic()

    def run(self, results: Any) -> None:
        import contextlib

        from wats_cli._progress import progress

        with contextlib.ExitStack() as stack:
            advance = None
            for r in results:
                if advance is None:  # the listing is done: now the total is known
                    self.total = r.total
                    advance = stack.enter_context(progress(r.total, "Exporting", unit="reports"))
                self.counts[r.status] += 1
                self.bytes += r.size
                if r.status == "failed":
                    self.failed.append(r)
                advance()

    def summary(self) -> dict[str, Any]:
        seconds = time.monotonic() - self.started
        done = sum(self.counts.values())
        return {
            "folder": str(self.folder),
            "format": self.format,
            "matched": self.total,
            **self.counts,
            "not_fetched": max(self.total - done, 0),
            "bytes": self.bytes,
            "seconds": round(seconds, 3),
            "reports_per_second": round(self.counts["written"] / seconds, 1) if seconds else 0.0,
            "failures": [
                {
                    "id": str(r.header.uuid) if r.header.uuid else None,
                    "partNumber": r.header.part_number,
                    "serialNumber": r.header.serial_number,
                    "error": str(r.error),
                }
                for r in sorted(self.failed, key=lambda r: r.index)
            ],
        }

    def report_failures(self, info: Any) -> None:
        for r in sorted(self.failed, key=lambda r: r.index):
            info(f"{r.header.uuid} (SN {r.header.serial_number}): {r.error}")
        done = sum(self.counts.values())
        if self.total == 0:
            info("No report matches.")
            return
        info(
            f"{self.counts['written']} written, {self.counts['present']} already present, "
            f"{len(self.failed)} failed of {self.total} report(s) in {self.folder}"
            + (f"; {self.total - done} not fetched" if done < self.total else "")
        )


def submit_files(files: list[str], *, jobs: int, rate: int, output: OutputFormat | None) -> None:
    """Send the reports in ``files``, ``jobs`` at a time; one row each, in input order.

    Files are read as the requests go (only those in flight are in memory). An unreadable
    file or a report that is not an object never reaches the server. A failure that stops
    the run (server unavailable, token refused) is raised after the rows are written: the
    reports in flight then, and the files not read yet, are "not sent".
    """
    from pywats import WatsError
    from wats_cli._context import client, emit, info
    from wats_cli._errors import EXIT_ERROR, EXIT_REJECTED
    from wats_cli._progress import progress
    from wats_cli.commands._report_files import items

    api = client(per_minute=rate)
    rows: list[dict[str, Any]] = []
    sendable: list[int] = []  # rows[sendable[i]] is the i-th report handed to the SDK
    read = 0  # files read so far

    def reports(advance: Any) -> Any:
        nonlocal read
        for name in files:
            read += 1
            for item in items([name]):
                advance(0, more=item.more)  # an array: its other reports join the total
                row: dict[str, Any] = {"file": item.label, "status": "not sent", "id": None}
                rows.append(row)
                if item.problem:
                    row.update(status="unreadable", problems=[item.problem])
                elif not isinstance(item.report, dict):
                    # Never a path or anything else the SDK would also accept: data only.
                    kind = type(item.report).__name__
                    row.update(status="rejected", problems=[f"not a WSJF report object: {kind}"])
                else:
                    sendable.append(len(rows) - 1)
                    yield item.report
                    continue
                advance()

    stopped: WatsError | None = None
    try:
        with progress(len(files), "Submitting", unit="reports") as advance:
            for sent in api.report.submit_many(reports(advance), concurrency=jobs):
                row = rows[sendable[sent.index]]
                if sent.ok:
                    row["id"] = str(sent.id)
                    row["status"] = "submitted"
                elif sent.rejected:
                    row.update(status="rejected", problems=sent.problems)
                advance()  # else: in flight when the run stopped: "not sent"
    except WatsError as exc:
        stopped = exc
    finally:
        # A failure that stops the run (server down, token refused) still shows what was sent.
        if any(row["status"] != "not sent" for row in rows):
            rest = [{"file": name, "status": "not sent", "id": None} for name in files[read:]]
            emit(rows + rest, output, columns=["file", "status", "id"])
    if stopped is not None:
        raise stopped
    failed = [r for r in rows if r["status"] != "submitted"]
    for r in failed:
        info(f"{r['file']}: {r['status']}")
        for line in r.get("problems", []):
            info(f"  {line}")
    info(f"Submitted {len(rows) - len(failed)} of {len(rows)} report(s)")
    if any(r["status"] == "rejected" for r in failed):
        raise typer.Exit(EXIT_REJECTED)
    if failed:
        raise typer.Exit(EXIT_ERROR)

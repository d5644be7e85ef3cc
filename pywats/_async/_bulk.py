"""Bulk transfers for ``api.report``: export many reports to files, submit many reports.

Both run their requests through :class:`pywats._workers.AsyncWorkers` (bounded, the first
request alone) and through ``_call()`` like every other call, so retries, the rate limiter
and the breaker apply to each request. Failures that concern one report become a result; a
failure that would fail every other report too (token refused, server unreachable or 5xx
after the retries) stops the run: nothing new starts, the requests in flight finish (each
yields its result), then the error is raised.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, TypeVar

from wats_api.api.report import report_get_wsjf

from pywats._bulk import (
    ExportFolder,
    ExportFormat,
    ExportResult,
    ExportStatus,
    SubmitResult,
    item_error,
)
from pywats._bulk import rejection as _rejection
from pywats._exceptions import NotFoundError, WatsError
from pywats._workers import AsyncWorkers

if TYPE_CHECKING:
    from pathlib import Path

    from pywats._async.report import AsyncReportService
    from pywats._models import ReportHeader
    from pywats._odata import Filter
    from pywats._reportio import ReportSource

__all__ = ["export_reports", "submit_reports"]

T = TypeVar("T")


async def _each(items: Iterable[T], stop: list[WatsError]) -> AsyncIterator[T]:
    # Nothing new starts once a failure has stopped the run; what is in flight finishes and
    # gets its result, so the caller knows exactly which reports were not tried.
    for item in items:
        if stop:
            return
        yield item


async def _document(service: AsyncReportService, rid: uuid.UUID, fmt: ExportFormat) -> bytes:
    """The report as the server sends it, unparsed (NotFoundError when it is gone)."""
    if fmt == "wsxf":
        content = await service.get_wsxf(rid)
    else:
        kwargs = report_get_wsjf._get_kwargs(rid)
        response = await service._lookup(lambda: service._http.request(**kwargs))
        content = None if response is None else response.content
    if content is None:  # lenient mode turns the 404 into None
        raise NotFoundError(404, f"report {rid} was not found")
    return content


async def export_reports(
    service: AsyncReportService,
    filter: Filter | str | None,
    *,
    to: str | os.PathLike[str],
    format: ExportFormat,
    concurrency: int,
    ordered: bool,
    limit: int | None,
    orderby: str,
) -> AsyncIterator[ExportResult]:
    """See :meth:`AsyncReportService.export`."""
    folder = ExportFolder(to, format)
    workers = AsyncWorkers(concurrency)  # checks the number before anything is sent
    folder.prepare()
    # The whole listing first: it gives the total (progress, ETA), and paging by $skip
    # while reports are fetched could shift under reports that arrive meanwhile.
    headers = [h async for h in service.iter_headers(filter, orderby=orderby, limit=limit)]
    total = len(headers)
    stop: list[WatsError] = []

    async def one(job: tuple[int, ReportHeader]) -> ExportResult:
        index, header = job

        def done(
            status: ExportStatus,
            path: Path | None = None,
            error: WatsError | None = None,
            size: int = 0,
        ) -> ExportResult:
            return ExportResult(
                header=header, index=index, total=total, status=status, path=path,
                error=error, size=size,
            )  # fmt: skip

        if header.uuid is None:
            return done("failed", error=WatsError("the server listed a report without an id"))
        path = folder.file_for(header.uuid)
        if folder.present(path):
            return done("present", path)
        try:
            content = await _document(service, header.uuid, format)
        except WatsError as exc:
            if not item_error(exc):
                stop.append(exc)
            return done("failed", path, exc)
        problem = folder.check(content)
        if problem is not None:
            return done("failed", path, WatsError(problem))
        folder.write(path, content)
        return done("written", path, size=len(content))

    async for result in workers.map(one, _each(enumerate(headers), stop), ordered=ordered):
        yield result
    if stop:
        raise stop[0]


async def submit_reports(
    service: AsyncReportService,
    reports: Iterable[ReportSource],
    *,
    concurrency: int,
    ordered: bool,
) -> AsyncIterator[SubmitResult]:
    """See :meth:`AsyncReportService.submit_many`."""
    workers = AsyncWorkers(concurrency)
    stop: list[WatsError] = []

    async def one(job: tuple[int, ReportSource]) -> SubmitResult:
        index, report = job
        try:
            return SubmitResult(index=index, id=await service.submit(report))
        except Exception as exc:
            if not _rejection(exc):
                if not isinstance(exc, WatsError):
                    raise
                stop.append(exc)
            return SubmitResult(index=index, error=exc)

    async for result in workers.map(one, _each(enumerate(reports), stop), ordered=ordered):
        yield result
    if stop:
        raise stop[0]

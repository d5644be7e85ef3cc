"""``api.report``: submit reports, read them back, query their headers, fetch attachments."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any

from wats_api.api.report import (
    report_get_attachment,
    report_get_attachments,
    report_get_certificate,
    report_get_wsjf,
    report_get_wsxf,
    report_post_wsjf,
    report_post_wsxf,
    report_query_headers,
    report_query_headers_by_misc_info,
)

from pywats._async._service import AsyncService
from pywats._models import many
from pywats._models_reports import MiscInfoMatch, ReportHeader
from pywats._odata import Filter, ODataQuery
from pywats._reportio import (
    ReportSource,
    prepare_submission,
    read_report,
    submitted_id,
    wsjf_bytes,
)
from pywats._wire import FileSource, JsonBody, as_uuid, file_bytes, json_of, opt, upload

if TYPE_CHECKING:
    from pywats._bulk import ExportFormat, ExportResult, SubmitResult
    from pywats.reports import UURReport, UUTReport

__all__ = ["AsyncReportService"]

_MAX_TOP = 10000  # the server's cap on $top for Report/Query/Header
DEFAULT_CONCURRENCY = 8  # bulk calls: requests in flight at once


class AsyncReportService(AsyncService):
    """Reports: ``await api.report.submit(report)``, ``await api.report.get(report_id)``."""

    async def submit(self, report: ReportSource) -> uuid.UUID:
        """Validate a report and submit it as WSJF; return its id.

        Args:
            report: a ``pywats.reports`` report, a WSJF dict, or the path of a WSJF file.
                Empty ``machineName``/``location``/``purpose`` are filled from the client's
                active station; a missing ``id`` is assigned.

        Returns:
            The report's id (re-submitting the same id replaces the report on the server,
            which is why a submission is safe to retry).

        Raises:
            ReportValidationError: the report breaks the server's rules; nothing was sent.
            BadRequestError: the server rejected it anyway; ``.lines`` has its reasons.
        """
        data = prepare_submission(report, self._client.station)
        return submitted_id(await self._post_wsjf(wsjf_bytes(data)), data)

    async def submit_json(self, text: str | bytes, *, report_id: str | None = None) -> uuid.UUID:
        """Submit a WSJF report given as JSON text, sent exactly as it is; return its id.

        For text that is already a checked report (what the station's queue holds): it is
        neither parsed nor validated here, so a large report costs no object tree in this
        process; the server judges it (``BadRequestError`` with its lines). Retried like
        :meth:`submit`: the report's own id makes a repeat replace, not duplicate.

        Args:
            text: the report as WSJF JSON (UTF-8 when bytes).
            report_id: the report's id, returned when the server's answer names none.
        """
        content = text.encode("utf-8") if isinstance(text, str) else text
        return submitted_id(await self._post_wsjf(content), {"id": report_id})

    async def _post_wsjf(self, content: bytes) -> Any:
        # The raw exchange: the answer is read once here, not also into the generated model.
        # The URL is merged with the base URL once per client, not parsed again per report.
        kwargs = report_post_wsjf._get_kwargs(body=JsonBody(None))
        del kwargs["json"]
        kwargs["content"] = content
        kwargs["url"] = self._client._state.absolute(kwargs["url"])
        response = await self._call(lambda: self._http.request(**kwargs), idempotent=True)
        return json_of(response.content)

    async def submit_many(
        self,
        reports: Iterable[ReportSource],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        ordered: bool = False,
    ) -> AsyncIterator[SubmitResult]:
        """Submit many reports, ``concurrency`` at a time; yield a result for each.

        The first report is sent alone (a server that is down costs one request, not
        ``concurrency``). A report the validator or the server rejects gives a result with
        ``error`` and never stops the others.

        Example::

            async for result in api.report.submit_many(reports, concurrency=8):
                print(result.index, result.id or result.problems)

        Raises:
            WatsError: a failure that would fail every report (token refused, server
                unreachable or 5xx after the retries): nothing more is sent; the reports in
                flight then still get their result first.
        """
        from pywats._async._bulk import submit_reports

        async for result in submit_reports(self, reports, concurrency=concurrency, ordered=ordered):
            yield result

    async def export(
        self,
        filter: Filter | str | None = None,
        *,
        to: str | os.PathLike[str],
        format: ExportFormat = "wsjf",
        concurrency: int = DEFAULT_CONCURRENCY,
        ordered: bool = False,
        limit: int | None = None,
        orderby: str = "start asc",
    ) -> AsyncIterator[ExportResult]:
        """Fetch every matching report whole, ``concurrency`` at a time, into files in ``to``.

        Each report becomes ``<to>/<id>.json`` (the server's WSJF, byte for byte) or
        ``<id>.xml`` (WSXF), written atomically, so a file that exists is whole. Files already
        present are skipped: an interrupted export continues when run again. The matching
        headers are listed first (oldest first), then fetched; results come as reports
        finish, or in listing order with ``ordered=True``. The async client runs the
        requests as asyncio tasks, the sync client in ``concurrency`` threads.

        Example::

            async for r in api.report.export(F("partNumber").eq("PCB-1"), to="out"):
                print(f"{r.index + 1}/{r.total}", r.status, r.path)

        Raises:
            WatsError: a failure that would fail every report (token refused, server
                unreachable or 5xx after the retries), after the reports in flight got
                their result; the files written so far stay.
            ValueError: ``format`` is not wsjf or wsxf, or ``concurrency`` is below 1.
        """
        from pywats._async._bulk import export_reports

        async for result in export_reports(
            self,
            filter,
            to=to,
            format=format,
            concurrency=concurrency,
            ordered=ordered,
            limit=limit,
            orderby=orderby,
        ):
            yield result

    async def submit_wsxf(self, document: FileSource) -> uuid.UUID | None:
        """Submit a report written in WSXF (XML); return its id.

        Not retried: the SDK cannot see inside the XML to know that a repeat is harmless.
        """
        content = file_bytes(document)
        response = await self._call(
            lambda: report_post_wsxf.asyncio_detailed(
                client=self._api, body=upload(content, "report.xml", "application/xml")
            ),
            idempotent=False,
        )
        answer = json_of(response.content)
        if isinstance(answer, list) and answer:
            answer = answer[0]
        value = answer.get("ID") or answer.get("uuid") if isinstance(answer, dict) else answer
        return None if not value else as_uuid(value)

    async def get(
        self,
        report_id: uuid.UUID | str,
        *,
        detail_level: int | None = None,
        include_chartdata: bool | None = None,
        include_attachments: bool | None = None,
    ) -> UUTReport | UURReport | None:
        """Read one report as a report object (``UUTReport`` or ``UURReport``).

        Args:
            report_id: the report's id.
            detail_level: 0 (identifying data only) to 7 (everything, the default).
            include_chartdata: False leaves out plot data.
            include_attachments: False leaves out attachment data.

        Returns:
            The report; None for an unknown id in lenient mode.

        Raises:
            NotFoundError: no report has this id (strict mode).
        """
        rid = as_uuid(report_id, "report_id")
        kwargs = report_get_wsjf._get_kwargs(
            rid,
            detail_level=detail_level,
            include_chartdata=include_chartdata,
            include_attachments=include_attachments,
        )
        # Read the raw JSON: the report model parses it once, not the generated model too.
        response = await self._lookup(lambda: self._http.request(**kwargs))
        return None if response is None else read_report(json_of(response.content))

    async def get_wsjf(
        self, report_id: uuid.UUID | str, *, detail_level: int | None = None
    ) -> dict[str, Any] | None:
        """Read one report as the server's WSJF dict, unparsed."""
        rid = as_uuid(report_id, "report_id")
        kwargs = report_get_wsjf._get_kwargs(rid, detail_level=detail_level)
        response = await self._lookup(lambda: self._http.request(**kwargs))
        return None if response is None else json_of(response.content)

    async def get_wsxf(
        self,
        report_id: uuid.UUID | str,
        *,
        detail_level: int | None = None,
        include_attachments: bool | None = None,
        include_chartdata: bool | None = None,
        include_indexes: bool | None = None,
    ) -> bytes | None:
        """Read one report as a WSXF XML document (bytes)."""
        rid = as_uuid(report_id, "report_id")
        response = await self._lookup(
            lambda: report_get_wsxf.asyncio_detailed(
                rid,
                client=self._api,
                detail_level=detail_level,
                include_attachments=include_attachments,
                include_chartdata=include_chartdata,
                include_indexes=include_indexes,
            )
        )
        return None if response is None else response.content

    async def query_headers(
        self,
        filter: Filter | str | None = None,
        *,
        top: int | None = None,
        skip: int | None = None,
        orderby: str | Iterable[str] | None = None,
        select: str | Iterable[str] | None = None,
        expand: str | Iterable[str] | None = None,
    ) -> list[ReportHeader]:
        """Query report headers (UUT and UUR) with OData; newest first, 10 unless ``top``.

        Example::

            from pywats import F
            await api.report.query_headers(F("serialNumber").eq("SN1"), expand="miscInfo")
        """
        query = ODataQuery(
            filter=filter, top=top, skip=skip, orderby=orderby, select=select, expand=expand
        )
        parsed = await self._listing(
            lambda: report_query_headers.asyncio_detailed(
                client=self._api,
                filter_=query.to_params().get("$filter"),
                top=query.top,
                skip=query.skip,
                orderby=query.orderby,
                select=query.select,
                expand=query.expand,
            )
        )
        return many(ReportHeader, parsed)

    async def iter_headers(
        self,
        filter: Filter | str | None = None,
        *,
        orderby: str | Iterable[str] | None = "start desc",
        select: str | Iterable[str] | None = None,
        expand: str | Iterable[str] | None = None,
        page_size: int = 1000,
        limit: int | None = None,
    ) -> AsyncIterator[ReportHeader]:
        """Iterate over every matching header, fetching ``page_size`` at a time.

        Example::

            async for header in api.report.iter_headers(F("partNumber").eq("PCB-1")):
                print(header.serial_number, header.result)

        Paging uses ``$skip`` over a fixed ``$orderby``; reports that arrive while iterating
        may shift pages, so order by something stable for exports.
        """
        size = min(page_size, _MAX_TOP)

        async def fetch(skip: int, top: int) -> list[ReportHeader]:
            return await self.query_headers(
                filter, top=top, skip=skip, orderby=orderby, select=select, expand=expand
            )

        async for header in self._paginate(fetch, page_size=size, limit=limit):
            yield header

    async def find_by_misc_info(
        self,
        *,
        description: str | None = None,
        data: str | None = None,
        serial_number: str | None = None,
        process_code: int | None = None,
    ) -> list[MiscInfoMatch]:
        """Find UUT reports by a misc-info description and/or value."""
        response = await self._call(
            lambda: report_query_headers_by_misc_info.asyncio_detailed(
                client=self._api,
                description=description,
                data=data,
                serial_number=serial_number,
                process_code=process_code,
            )
        )
        return many(MiscInfoMatch, response.parsed)

    async def get_attachment(
        self,
        report_id: uuid.UUID | str,
        *,
        attachment_id: uuid.UUID | str | None = None,
        step_id: int | None = None,
    ) -> bytes | None:
        """Download one attachment: a UUT step's (``step_id``) or a UUR's (``attachment_id``)."""
        rid = as_uuid(report_id, "report_id")
        aid = None if attachment_id is None else as_uuid(attachment_id, "attachment_id")
        response = await self._lookup(
            lambda: report_get_attachment.asyncio_detailed(
                client=self._api, report_id=rid, attachment_id=opt(aid), step_id=step_id
            )
        )
        return None if response is None else response.content

    async def get_attachments(self, report_id: uuid.UUID | str) -> bytes | None:
        """Download every attachment of a report, as a zip archive (bytes)."""
        rid = as_uuid(report_id, "report_id")
        response = await self._lookup(
            lambda: report_get_attachments.asyncio_detailed(rid, client=self._api)
        )
        return None if response is None else response.content

    async def get_certificate(self, report_id: uuid.UUID | str) -> bytes | None:
        """Download the certificate of a report (bytes, normally a PDF)."""
        rid = as_uuid(report_id, "report_id")
        response = await self._lookup(
            lambda: report_get_certificate.asyncio_detailed(rid, client=self._api)
        )
        return None if response is None else response.content

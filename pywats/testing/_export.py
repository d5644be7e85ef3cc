"""Certificate export jobs in the emulator: queue, list, download.

``POST /api/Export/Certificate`` selects UUT reports with the analytics filter and renders their
certificates (one PDF per report, or one for all) into a zip, kept as an ``export`` entity that
belongs to the caller. The server runs the job in the background; the emulator finishes it at
once, so the file is listed by ``GET /api/Export/List`` and downloadable from
``GET /api/Export/{fileName}`` (with or without ``.zip``) straight away. Another user (token)
neither sees nor downloads it. The answer to the queueing names the file: ``{"exportFileName":
...}``, the shape openapi/wats.yaml assumes.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, ok, store_of, user_of
from pywats.testing._store import ReportRecord

__all__ = ["get_export", "list_exports", "queue_certificates"]

MAX_REPORTS = 1000  # an emulator limit per export
_FORMATS = {"default", "integer", "decimal", "scientific", "general", "hexadecimal", "binary"}


def _lines(record: ReportRecord, *, header_only: bool) -> list[str]:
    h = record.header
    lines = [
        f"Report {record.id}",
        f"Serial number: {h.get('serialNumber')}   Part number: {h.get('partNumber')}"
        f"   Revision: {h.get('revision')}",
        f"Process: {h.get('processCode')} {h.get('processName') or ''}",
        f"Result: {h.get('result')}   Start: {h.get('start')}   Station: {h.get('stationName')}",
    ]
    if not header_only:
        from pywats.testing._wsjf import walk_steps

        root = record.doc.get("root")
        steps = list(walk_steps(root)) if isinstance(root, dict) else []
        lines.append(f"Steps: {len(steps)}")
    return lines


def _safe(text: Any) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(text))[:60] or "report"


def _zip(records: list[ReportRecord], *, header_only: bool, individual: bool) -> bytes:
    from pywats.testing._reports_files import _pdf

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if individual:
            for record in records:
                name = f"{_safe(record.header.get('serialNumber'))}_{record.id}.pdf"
                archive.writestr(name, _pdf(_lines(record, header_only=header_only)))
        else:
            lines = ["WATS certificates (emulator)"]
            for record in records:
                lines += ["", *_lines(record, header_only=header_only)]
            archive.writestr("certificates.pdf", _pdf(lines))
    return buffer.getvalue()


async def queue_certificates(request: Request) -> Response:
    """Queue (and, here, finish at once) an export of UUT certificates."""
    from pywats.testing._analytics_filter import _filter, _select

    params = Params(request)
    header_only = params.flag("headerDataOnly")
    individual = params.flag("asIndividualFiles")
    if header_only is None or individual is None:
        raise ApiProblem(
            400,
            "The request is invalid.",
            "The query parameters 'headerDataOnly' and 'asIndividualFiles' are required.",
        )
    number_format = params.text("numericFormat")
    if number_format and number_format.lower() not in _FORMATS:
        raise ApiProblem(400, f"Unknown numeric format '{number_format}'.")
    email = params.text("email")
    if not email or "@" not in email:
        # The caller always authenticates with a token here, and the server then needs an
        # address to send the download link to.
        raise ApiProblem(400, "An email address is required when authenticating with a token.")
    store = store_of(request)
    records = _select(store, await _filter(request), "T")[:MAX_REPORTS]
    stamp = datetime.now(UTC).strftime("%Y%m%d_%H%M%S")
    name = f"certificates_{stamp}_{store.next_number('export')}.zip"
    data = _zip(records, header_only=header_only, individual=individual)
    store.put(
        "export",
        name,
        {
            "fileName": name,
            "owner": user_of(request),
            "email": email,
            "reportCount": len(records),
            "data": base64.b64encode(data).decode("ascii"),
        },
    )
    return ok({"exportFileName": name})


async def list_exports(request: Request) -> Response:
    """The caller's finished exports, by file name."""
    user = user_of(request)
    return ok([e["fileName"] for e in store_of(request).all("export") if e["owner"] == user])


async def get_export(request: Request) -> Response:
    """The zip of one of the caller's exports (the name with or without ``.zip``)."""
    wanted = str(request.path_params["fileName"])
    store = store_of(request)
    found = store.get("export", wanted) or store.get("export", f"{wanted}.zip")
    if found is None or found["owner"] != user_of(request):
        raise ApiProblem(404, f"The export '{wanted}' was not found.")
    return Response(
        base64.b64decode(found["data"]),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{found["fileName"]}"'},
    )

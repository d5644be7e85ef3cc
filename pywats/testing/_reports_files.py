"""A stored report by id, and what is read from it as files: attachments (one, or all as a
zip) and the certificate PDF."""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, store_of
from pywats.testing._store import ReportRecord, Store
from pywats.testing._wsjf import (
    find_step,
    iter_binary,
    walk_steps,
)

__all__ = ["attachment", "attachments_zip", "certificate"]


def _record_or_404(store: Store, report_id: str) -> ReportRecord:
    record = store.get_report(report_id)
    if record is None:
        raise ApiProblem(404, f"No report with id '{report_id}' was found.")
    return record


def _decode(data: Any) -> bytes:
    try:
        return base64.b64decode(str(data or ""), validate=False)
    except (binascii.Error, ValueError):
        return b""


def _attachment_response(item: dict[str, Any]) -> Response:
    name = str(item.get("name") or "attachment")
    return Response(
        _decode(item.get("data")),
        media_type=str(item.get("contentType") or "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{_safe(name)}"'},
    )


def _safe(name: str) -> str:
    return "".join(c if c.isprintable() and c not in '"\\/' else "_" for c in name)


async def attachment(request: Request) -> Response:
    """One attachment: a UUT step's (``stepId``) or a UUR item's (``attachmentId``)."""
    params = Params(request)
    record = _record_or_404(store_of(request), params.req("reportId"))
    attachment_id = params.text("attachmentId")
    step_id = params.integer("stepId")
    if attachment_id:
        for item, _where in iter_binary(record.doc):
            if str(item.get("id", "")).lower() == attachment_id.lower():
                return _attachment_response(item)
        raise ApiProblem(404, f"No attachment '{attachment_id}' in report '{record.id}'.")
    if step_id is not None:
        found = find_step(record.doc.get("root"), step_id)
        if found and isinstance(found[1].get("attachment"), dict):
            return _attachment_response(found[1]["attachment"])
        raise ApiProblem(404, f"Step {step_id} of report '{record.id}' has no attachment.")
    raise ApiProblem(400, "The request is invalid.", "Give attachmentId (repair) or stepId (test).")


async def attachments_zip(request: Request) -> Response:
    """Every attachment of a report in one zip (empty zip when there are none)."""
    record = _record_or_404(store_of(request), request.path_params["id"])
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        items: list[tuple[str, dict[str, Any]]] = []
        for _, step in walk_steps(record.doc.get("root")):
            if isinstance(step.get("attachment"), dict):
                items.append((f"step{step.get('id')}_", step["attachment"]))
        items += [("", item) for item, _where in iter_binary(record.doc)]
        for prefix, item in items:
            name = _safe(f"{prefix}{item.get('name') or 'attachment'}")
            while name in used:
                name = "_" + name
            used.add(name)
            archive.writestr(name, _decode(item.get("data")))
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{record.id}.zip"'},
    )


async def certificate(request: Request) -> Response:
    """A one-page PDF naming the report's unit, process, result and time."""
    record = _record_or_404(store_of(request), request.path_params["id"])
    h = record.header
    lines = [
        "WATS test certificate (emulator)",
        f"Report: {record.id}",
        f"Serial number: {h.get('serialNumber')}   Part number: {h.get('partNumber')}"
        f"   Revision: {h.get('revision')}",
        f"Process: {h.get('processCode')} {h.get('processName') or ''}",
        f"Result: {h.get('result')}   Start (UTC): {h.get('start')}",
        f"Station: {h.get('stationName')}   Operator: {h.get('userName')}",
    ]
    return Response(
        _pdf(lines),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{record.id}.pdf"'},
    )


def _pdf(lines: list[str]) -> bytes:
    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "50 790 Td", "16 TL"]
    ops += [f"({esc(line)}) '" for line in lines]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)

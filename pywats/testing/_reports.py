"""``/api/Report/*``: submit, read, query and download reports (reference §2.1, §4, §8.3-8.6).

Simplifications, all documented on the handlers: WSXF is read and written by the WSXF converter;
``detailLevel`` is honoured coarsely (0 header only, 1-3 without steps and attachments, 4-7
everything); the certificate is a one-page PDF of the header; ``run`` is always 1 and
``reportSize`` 0.
"""

from __future__ import annotations

import base64
import binascii
import copy
import io
import json
import uuid
import zipfile
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, error, ok, store_of, user_of
from pywats.testing._odata import ODataOptions, apply
from pywats.testing._store import ReportRecord, Store
from pywats.testing._wsjf import (
    RESULT_WORDS,
    check_processes,
    find_step,
    iter_binary,
    make_header,
    start_utc,
    walk_steps,
)

__all__ = [
    "attachment",
    "attachments_zip",
    "certificate",
    "get_wsjf",
    "get_wsxf",
    "header_by_misc_info",
    "post_wsjf",
    "post_wsxf",
    "query_header",
    "read_report",
    "validate_report",
]

_HEADER_OPTIONS = ODataOptions(
    default_top=10,
    max_top=10000,
    default_order=(("start", True),),
    orderable={"start", "uuid", "serialnumber", "timestamp"},
    expandable={
        "subunits": "subUnits",
        "miscinfo": "miscInfo",
        "assets": "assets",
        "attachments": "attachments",
        "uursubunits": "uurSubUnits",
        "uurmiscinfo": "uurMiscInfo",
        "uurattachments": "uurAttachments",
    },
)


def processes(store: Store) -> dict[int, dict[str, Any]]:
    return {int(p["code"]): p for p in store.all("process")}


def _basic_lines(doc: dict[str, Any]) -> list[str]:
    # Used only when pywats.reports is unavailable: the report-level rules of §8.3.
    lines = []
    if doc.get("type") not in ("T", "R"):
        lines.append("type: must be 'T' (test) or 'R' (repair).")
    try:
        uuid.UUID(str(doc.get("id")))
    except ValueError:
        lines.append("id: must be a GUID.")
    for name in ("pn", "sn", "rev", "machineName", "location", "purpose", "start"):
        value = doc.get(name)
        if not isinstance(value, str) or not value:
            lines.append(f"{name}: is required.")
        elif len(value) > 100:
            lines.append(f"{name}: must be at most 100 characters.")
    if doc.get("result") not in RESULT_WORDS:
        lines.append("result: must be one of P, F, E, T.")
    if doc.get("type") == "T" and not isinstance(doc.get("root"), dict):
        lines.append("root: is required for a test (UUT) report.")
    if doc.get("type") == "R" and not isinstance(doc.get("uur"), dict):
        lines.append("uur: is required for a repair (UUR) report.")
    return lines


def validate_report(doc: Any, store: Store) -> list[str]:
    """Every problem the server would report for ``doc``, as path-prefixed lines."""
    if not isinstance(doc, dict):
        return ["report: the body must be a JSON object (a WSJF report)."]
    try:
        from pywats.reports import validate
    except ImportError:  # the report model is not installed: keep the server-side rules
        lines = _basic_lines(doc)
    else:
        from pywats._exceptions import ReportValidationError

        lines = []
        try:
            validate(doc)
        except ReportValidationError as exc:
            lines = list(exc.lines)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            lines = [f"report: {exc}"]
    return lines + check_processes(doc, processes(store))


async def post_wsjf(request: Request) -> Response:
    """Submit a WSJF report: 400 with every validation line, else 200 ``InsertReportResult``.

    Re-posting an id replaces the stored report (``receiveCount`` goes up). UUR attachments get
    their output-only ``id`` on receipt.
    """
    store = store_of(request)
    raw = await request.body()
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return error(400, f"report: the body is not valid JSON ({exc}).")
    return _accept(request, store, doc)


def _accept(request: Request, store: Store, doc: Any) -> Response:
    """Validate and store one report dict (WSJF, or WSXF converted); the POST answer."""
    lines = validate_report(doc, store)
    if lines:
        return error(400, "\n".join(lines))
    for item, _where in iter_binary(doc):
        item.setdefault("id", str(uuid.uuid4()))
        if item.get("id") is None:
            item["id"] = str(uuid.uuid4())
    report_id = str(doc["id"])
    process = processes(store).get(int(doc["processCode"]), {})
    header = make_header(
        doc,
        process_name=process.get("name"),
        origin=str(doc.get("origin") or user_of(request)),
    )
    record = store.put_report(report_id, doc, header)
    if record.receive_count == 1:  # a re-post replaces; it must not count asset usage twice
        from pywats.testing._assets import record_usage

        record_usage(store, doc)
    return ok({"ID": report_id, "uuid": report_id, "Report_ID": record.seq})


async def post_wsxf(request: Request) -> Response:
    """Submit a WSXF report (one ``<Report>``): converted to WSJF, then as ``post_wsjf``."""
    from pywats.station.converters import ConversionError
    from pywats.station.converters.wsxf import wsxf_to_wsjf

    store = store_of(request)
    try:
        docs = wsxf_to_wsjf(await request.body(), source="report")
    except ConversionError as exc:
        return error(400, str(exc))
    if len(docs) != 1:
        return error(400, f"report: the document holds {len(docs)} reports; post exactly one.")
    if not docs[0].get("id"):
        docs[0]["id"] = str(uuid.uuid4())  # the server gives a report without ID a new GUID
    return _accept(request, store, docs[0])


def _record_or_404(store: Store, report_id: str) -> ReportRecord:
    record = store.get_report(report_id)
    if record is None:
        raise ApiProblem(404, f"No report with id '{report_id}' was found.")
    return record


def read_report(
    store: Store,
    record: ReportRecord,
    *,
    detail_level: int = 7,
    include_chart_data: bool = True,
    include_attachments: bool = True,
) -> dict[str, Any]:
    """The report as ``GET /api/Report/Wsjf/{id}`` returns it (reference §4.16, §8.4)."""
    doc = copy.deepcopy(record.doc)
    product = store.get("product", str(doc.get("pn")))
    process = processes(store).get(doc.get("processCode"))  # type: ignore[arg-type]
    out: dict[str, Any] = {}
    # Server field order, output-only fields filled in.
    for key in ("type", "id", "pn", "sn", "rev"):
        out[key] = doc.pop(key, None)
    out["productName"] = product.get("name") if product else doc.get("productName")
    doc.pop("productName", None)
    out["processCode"] = doc.pop("processCode", None)
    out["processCodeFormat"] = doc.pop("processCodeFormat", None)
    out["processName"] = process["name"] if process else doc.get("processName")
    doc.pop("processName", None)
    for key in ("result", "machineName", "location", "purpose"):
        out[key] = doc.pop(key, None)
    out["origin"] = doc.pop("origin", None) or record.header.get("_origin")
    out["start"] = doc.pop("start", None)
    out["startUTC"] = start_utc({**record.doc})
    doc.pop("startUTC", None)
    out.update(doc)
    out["assetStats"] = _asset_stats(store, out)
    if out.get("type") == "T":
        uut = out.get("uut")
        repairs = store.repairs_of(record.id)
        if isinstance(uut, dict) and repairs:
            uut["refUURs"] = [{"id": r.id, "start": r.doc.get("start")} for r in repairs]
    else:
        _fill_repair_outputs(store, record, out)
    if detail_level <= 0:
        keep = {
            "type",
            "id",
            "pn",
            "sn",
            "rev",
            "productName",
            "processCode",
            "processCodeFormat",
            "processName",
            "result",
            "machineName",
            "location",
            "purpose",
            "origin",
            "start",
            "startUTC",
        }
        return {k: v for k, v in out.items() if k in keep}
    if detail_level < 4:
        out.pop("root", None)
        out.pop("binaryData", None)
    if not include_attachments:
        for _, step in walk_steps(out.get("root")):
            if isinstance(step.get("attachment"), dict):
                step["attachment"]["data"] = None
        for item, _where in iter_binary(out):
            item["data"] = None
    if not include_chart_data:
        for _, step in walk_steps(out.get("root")):
            chart = step.get("chart")
            if isinstance(chart, dict):
                chart["series"] = []
    return out


def _fill_repair_outputs(store: Store, record: ReportRecord, out: dict[str, Any]) -> None:
    uur = out.get("uur")
    if not isinstance(uur, dict):
        return
    children = [
        r.id
        for r in store.reports()
        if r.doc.get("type") == "R"
        and isinstance(r.doc.get("uur"), dict)
        and str(r.doc["uur"].get("parent") or "").lower() == record.id.lower()
    ]
    if children:
        uur["children"] = children
    ref = uur.get("refUUT")
    uut = store.get_report(str(ref)) if ref else None
    if uut is None:
        return
    for unit in out.get("subUnits") or []:
        for failure in (unit or {}).get("failures") or []:
            if isinstance(failure, dict) and failure.get("refStepId"):
                found = find_step(uut.doc.get("root"), failure.get("refStepId"))
                if found:
                    failure["refStepName"] = found[1].get("name")


def _asset_stats(store: Store, doc: dict[str, Any]) -> list[dict[str, Any]]:
    from pywats.testing._assets import asset_stats

    stats = []
    for item in doc.get("assets") or []:
        if isinstance(item, dict) and item.get("assetSN"):
            row = asset_stats(store, str(item["assetSN"]))
            if row is not None:
                stats.append(row)
    if stats:
        return stats
    posted = doc.get("assetStats")
    return posted if isinstance(posted, list) else []


async def get_wsjf(request: Request) -> Response:
    """Read a report as WSJF, with the server's output-only fields; 404 if unknown."""
    params = Params(request)
    store = store_of(request)
    record = _record_or_404(store, request.path_params["id"])
    level = params.integer("detailLevel", default=7)
    assert level is not None
    if not 0 <= level <= 7:
        raise ApiProblem(400, "The request is invalid.", "detailLevel must be between 0 and 7.")
    return ok(
        read_report(
            store,
            record,
            detail_level=level,
            include_chart_data=bool(params.flag("includeChartdata", True)),
            include_attachments=bool(params.flag("includeAttachments", True)),
        )
    )


async def get_wsxf(request: Request) -> Response:
    """Read a report as a WSXF document (``includeIndexes`` is accepted and ignored)."""
    from pywats.station.converters.wsxf import wsjf_to_wsxf

    params = Params(request)
    store = store_of(request)
    record = _record_or_404(store, request.path_params["id"])
    level = params.integer("detailLevel", default=7)
    assert level is not None
    if not 0 <= level <= 7:
        raise ApiProblem(400, "The request is invalid.", "detailLevel must be between 0 and 7.")
    doc = read_report(
        store,
        record,
        detail_level=level,
        include_chart_data=bool(params.flag("includeChartdata", True)),
        include_attachments=bool(params.flag("includeAttachments", True)),
    )
    return Response(wsjf_to_wsxf(doc), media_type="application/xml")


def _public_header(header: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in header.items() if not k.startswith("_")}


async def query_header(request: Request) -> Response:
    """OData query over report headers: newest first, ``$top`` 10 by default, max 10000.

    ``$count`` answers 400, as on the server; ``$orderby`` takes only start, uuid,
    serialNumber and timeStamp.
    """
    params = Params(request)
    rows = [_public_header(r.header) for r in store_of(request).reports(with_docs=False)]
    return ok(apply(rows, params.odata(), _HEADER_OPTIONS))


async def header_by_misc_info(request: Request) -> Response:
    """UUT reports with a misc info whose description and/or value match (case-insensitive)."""
    params = Params(request)
    code = params.integer("processCode")
    serial = params.text("serialNumber")
    description = params.text("description")
    data = params.text("data")
    rows = []
    store = store_of(request)
    names = {c: p["name"] for c, p in processes(store).items()}
    for record in store.reports():
        doc = record.doc
        if doc.get("type") != "T":
            continue
        if code is not None and doc.get("processCode") != code:
            continue
        if serial and str(doc.get("sn", "")).lower() != serial.lower():
            continue
        misc = [m for m in doc.get("miscInfos") or [] if isinstance(m, dict)]
        matched = [
            m
            for m in misc
            if (not description or str(m.get("description", "")).lower() == description.lower())
            and (not data or str(_misc_value(m) or "").lower() == data.lower())
        ]
        if (description or data) and not matched:
            continue
        rows.append(
            {
                "serialNumber": doc.get("sn"),
                "partNumber": doc.get("pn"),
                "start": record.header.get("start"),
                "result": record.header.get("result"),
                "uuid": doc.get("id"),
                "processCode": doc.get("processCode"),
                "processName": names.get(doc.get("processCode")),  # type: ignore[arg-type]
                "miscData": [
                    {"description": m.get("description"), "data": _misc_value(m)} for m in misc
                ],
            }
        )
    return ok(rows)


def _misc_value(item: dict[str, Any]) -> Any:
    return item.get("text") if item.get("text") is not None else item.get("numeric")


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

"""``/api/Report/*``: submit, read, query and download reports (reference §2.1, §4, §8.3-8.6).

Simplifications, all documented on the handlers: WSXF is read and written by the WSXF converter;
``detailLevel`` is honoured coarsely (0 header only, 1-3 without steps and attachments, 4-7
everything); the certificate is a one-page PDF of the header; ``run`` is always 1 and
``reportSize`` 0.
"""

from __future__ import annotations

import copy
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, ok, store_of
from pywats.testing._odata import ODataOptions, apply
from pywats.testing._reports_files import _record_or_404, attachment, attachments_zip, certificate
from pywats.testing._reports_ingest import post_wsjf, post_wsxf, processes, validate_report
from pywats.testing._store import ReportRecord, Store
from pywats.testing._wsjf import (
    find_step,
    iter_binary,
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

"""``/api/App/UutReport``/``UurReport`` headers, serial-number and repair history, OEE."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._analytics_filter import _filter, _select
from pywats.testing._analytics_steps import _number
from pywats.testing._analytics_yield import _repair_rows
from pywats.testing._http import ApiProblem, Params, ok, store_of
from pywats.testing._odata import parse_datetime
from pywats.testing._store import ReportRecord
from pywats.testing._wsjf import PILCROW, walk_steps

__all__ = [
    "oee_analysis",
    "related_repair_history",
    "serial_number_history",
    "uur_report_post",
    "uut_report_get",
    "uut_report_post",
]


def _header_rows(
    records: list[ReportRecord], top: Any, default: int = 1000
) -> list[dict[str, Any]]:
    rows = [{k: v for k, v in r.header.items() if not k.startswith("_")} for r in records]
    rows.reverse()  # newest first
    limit = top if isinstance(top, int) and top > 0 else default
    return rows[:limit]


async def uut_report_get(request: Request) -> Response:
    """UUT report headers (1000 newest) by query parameters."""
    params = Params(request)
    store = store_of(request)
    flt: dict[str, Any] = {
        name: params.text(name)
        for name in (
            "serialNumber",
            "partNumber",
            "revision",
            "batchNumber",
            "stationName",
            "testOperation",
            "status",
            "dateFrom",
            "dateTo",
        )
        if params.text(name)
    }
    if params.text("productGroupId"):
        ids = {g.strip().lower() for g in str(params.text("productGroupId")).split(";")}
        names = [
            g["productGroupName"]
            for g in store.all("productgroup")
            if str(g["productGroupId"]).lower() in ids
        ]
        flt["productGroup"] = ";".join(names) if names else "\x00none"
    if params.text("levelId") and "1" not in str(params.text("levelId")).split(";"):
        flt["level"] = "\x00none"
    return ok(_header_rows(_select(store, flt), None))


async def uut_report_post(request: Request) -> Response:
    """UUT report headers (``topCount``, default the 1000 newest)."""
    flt = await _filter(request)
    return ok(_header_rows(_select(store_of(request), flt), flt.get("topCount")))


async def uur_report_post(request: Request) -> Response:
    """UUR (repair) report headers (``topCount``, default the 1000 newest)."""
    flt = await _filter(request)
    return ok(_header_rows(_select(store_of(request), flt, "R"), flt.get("topCount")))


async def serial_number_history(request: Request) -> Response:
    """Every test and repair report of the matching units, oldest first."""
    flt = await _filter(request)
    records = _select(store_of(request), flt, None)
    return ok([{k: v for k, v in r.header.items() if not k.startswith("_")} for r in records])


async def related_repair_history(request: Request) -> Response:
    """Repaired failures of a product revision, one row per failure."""
    params = Params(request)
    store = store_of(request)
    flt = {"partNumber": params.req("partNumber"), "revision": params.req("revision")}
    repair_code, test_code = params.text("repairOperationCode"), params.text("testOperationCode")
    rows = []
    for record, failure in _repair_rows(_select(store, flt, "R")):
        uur = record.doc.get("uur") or {}
        if repair_code and str(record.doc.get("processCode")) != repair_code:
            continue
        if test_code and str(uur.get("processCode")) != test_code:
            continue
        step_path = None
        uut = store.get_report(str(uur.get("refUUT"))) if uur.get("refUUT") else None
        if uut is not None:
            for path, step in walk_steps(uut.doc.get("root")):
                if step.get("id") == failure.get("refStepId"):
                    step_path = path
        rows.append(
            {
                "serialNumber": record.header.get("serialNumber"),
                "partNumber": record.header.get("partNumber"),
                "revision": record.header.get("revision"),
                "reportId": record.id,
                "repairDate": record.header.get("start"),
                "failStepName": failure.get("refStepName")
                or (step_path.rsplit(PILCROW, 1)[-1] if step_path else None),
                "failStepPath": step_path,
                "failCode": failure.get("code"),
                "repairCode": failure.get("category"),
                "symptom": failure.get("comment"),
                "cause": failure.get("funcBlock"),
                "action": uur.get("comment"),
            }
        )
    return ok(rows)


async def oee_analysis(request: Request) -> Response:
    """Availability x performance x quality over the filtered reports (see module notes)."""
    params = Params(request)
    text = params.req("availableTime")
    try:
        hours = [float(h) for h in text.split(",")]
    except ValueError:
        raise ApiProblem(
            400, "The request is invalid.", "availableTime must be 7 numbers."
        ) from None
    if len(hours) != 7:
        raise ApiProblem(
            400, "The request is invalid.", "availableTime needs one value per weekday (7)."
        )
    flt = await _filter(request)
    records = _select(store_of(request), flt)
    starts = [parse_datetime(str(r.header.get("start"))) for r in records if r.header.get("start")]
    days = [d for d in starts if d is not None]
    planned = 0.0
    if days:
        day = min(days).date()
        while day <= max(days).date():
            planned += hours[day.weekday()] * 3600.0
            day += timedelta(days=1)
    run_time = sum(_number(r.header.get("executionTime")) or 0.0 for r in records)
    total = len(records)
    good = sum(1 for r in records if r.header.get("result") == "Passed")
    target = params.integer("targetOutput")
    day_count = len({d.date() for d in days}) or 1
    performance = min(1.0, total / (target * day_count)) if target else 1.0
    availability = min(1.0, run_time / planned) if planned else 0.0
    quality = good / total if total else 0.0
    return ok(
        {
            "oee": availability * performance * quality,
            "availability": availability,
            "performance": performance,
            "quality": quality,
            "totalTime": planned,
            "runTime": run_time,
            "downTime": max(planned - run_time, 0.0),
            "plannedProductionTime": planned,
            "totalCount": total,
            "goodCount": good,
            "rejectCount": total - good,
            "idealCycleTime": (planned / (target * day_count)) if target else None,
            "actualCycleTime": run_time / total if total else None,
            "period": None,
            "partNumber": flt.get("partNumber"),
            "stationName": flt.get("stationName"),
        }
    )


# -- configuration -------------------------------------------------------------------------------

"""``/api/App/TopFailed``, measurements, aggregated measurements and test-step analysis."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._analytics_filter import _Ctx, _filter, _int_field, _select
from pywats.testing._analytics_yield import _filter_from_get
from pywats.testing._http import ApiProblem, Params, ok, store_of
from pywats.testing._store import ReportRecord, Store
from pywats.testing._wsjf import PILCROW, STEP_WORDS, walk_steps

__all__ = [
    "aggregated_measurements",
    "measurements",
    "test_step_analysis",
    "top_failed_get",
    "top_failed_post",
]


def _top_failed(
    store: Store, records: list[ReportRecord], count: int | None
) -> list[dict[str, Any]]:
    ctx = _Ctx(store)
    stats: dict[tuple[str, str, str], dict[str, Any]] = {}
    for record in records:
        h = record.header
        for path, step in walk_steps(record.doc.get("root")):
            if step.get("steps"):
                continue  # sequence calls fail because a child failed
            key = (str(h.get("partNumber")), str(h.get("revision")), path)
            row = stats.setdefault(
                key,
                {
                    "stepName": step.get("name"),
                    "stepPath": path,
                    "stepType": step.get("stepType"),
                    "stepGroup": step.get("group"),
                    "partNumber": h.get("partNumber"),
                    "revision": h.get("revision"),
                    "productGroup": ctx.group_of(str(h.get("partNumber")), h.get("revision")),
                    "failCount": 0,
                    "totalCount": 0,
                    "failRate": 0.0,
                    "firstFailDate": None,
                    "lastFailDate": None,
                },
            )
            row["totalCount"] += 1
            if step.get("status") in ("F", "E", "T"):
                row["failCount"] += 1
                start = h.get("start")
                row["firstFailDate"] = min(
                    filter(None, [row["firstFailDate"], start]), default=None
                )
                row["lastFailDate"] = max(filter(None, [row["lastFailDate"], start]), default=None)
    rows = [r for r in stats.values() if r["failCount"]]
    for r in rows:
        r["failRate"] = round(100.0 * r["failCount"] / r["totalCount"], 4)
    rows.sort(key=lambda r: (-r["failCount"], r["stepPath"]))
    return rows[:count] if count else rows


async def top_failed_get(request: Request) -> Response:
    """The most failed steps of a product in a process over the last ``days``."""
    params = Params(request)
    store = store_of(request)
    flt = _filter_from_get(store, params)
    flt["partNumber"] = params.req("partNumber")
    code = params.req("processCode")
    records = [r for r in _select(store, flt) if str(r.header.get("processCode")) == code]
    return ok(_top_failed(store, records, params.integer("count", required=True)))


async def top_failed_post(request: Request) -> Response:
    """The most failed steps (``topCount``, default 10)."""
    flt = await _filter(request)
    store = store_of(request)
    top = flt.get("topCount") if isinstance(flt.get("topCount"), int) else 10
    return ok(_top_failed(store, _select(store, flt), top))


def _require_product_and_operation(flt: dict[str, Any]) -> None:
    if not flt.get("partNumber") or not flt.get("testOperation"):
        raise ApiProblem(
            400,
            "The request is invalid.",
            "partNumber and testOperation are required in the filter.",
        )


def _by_run(records: list[ReportRecord], run: int) -> list[ReportRecord]:
    """Keep the 1st/2nd/3rd (``run`` 1..3), last (-1) or all (-2) run of each unit."""
    if run == -2:
        return records
    units: dict[tuple[str, str], list[ReportRecord]] = defaultdict(list)
    for record in records:
        units[
            (
                str(record.header.get("serialNumber")).lower(),
                str(record.header.get("partNumber")).lower(),
            )
        ].append(record)
    out = []
    for runs in units.values():
        if run == -1:
            out.append(runs[-1])
        elif 1 <= run <= len(runs):
            out.append(runs[run - 1])
    return out


def _stats(values: list[float], low: float | None, high: float | None) -> dict[str, Any]:
    if not values:
        return {
            "min": None,
            "max": None,
            "avg": None,
            "stdev": None,
            "var": None,
            "cpk": None,
            "cp": None,
            "cpLower": None,
            "cpUpper": None,
            "sigmaHigh3": None,
            "sigmaLow3": None,
        }
    avg = statistics.fmean(values)
    stdev = statistics.stdev(values) if len(values) > 1 else 0.0
    cp_upper = (high - avg) / (3 * stdev) if stdev and high is not None else None
    cp_lower = (avg - low) / (3 * stdev) if stdev and low is not None else None
    cp = (high - low) / (6 * stdev) if stdev and high is not None and low is not None else None
    cpk_parts = [c for c in (cp_upper, cp_lower) if c is not None]
    return {
        "min": min(values),
        "max": max(values),
        "avg": avg,
        "stdev": stdev,
        "var": stdev * stdev,
        "cpk": min(cpk_parts) if cpk_parts else None,
        "cp": cp,
        "cpLower": cp_lower,
        "cpUpper": cp_upper,
        "sigmaHigh3": avg + 3 * stdev,
        "sigmaLow3": avg - 3 * stdev,
    }


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _measurements(records: list[ReportRecord]) -> Iterable[dict[str, Any]]:
    """Every numeric measurement as a flat row, with its ``¶`` path."""
    for record in records:
        h = record.header
        for path, step in walk_steps(record.doc.get("root")):
            meas = step.get("numericMeas")
            if not isinstance(meas, list):
                continue
            multiple = len(meas) > 1
            for m in meas:
                if not isinstance(m, dict):
                    continue
                name = m.get("name")
                yield {
                    "serialNumber": h.get("serialNumber"),
                    "partNumber": h.get("partNumber"),
                    "revision": h.get("revision"),
                    "reportId": h.get("uuid"),
                    "stepName": step.get("name"),
                    "stepPath": path,
                    "stepType": step.get("stepType"),
                    "stepGroup": step.get("group"),
                    "measureName": name,
                    "measurementPath": f"{path}{PILCROW}{PILCROW}{name}"
                    if multiple and name
                    else path,
                    "value": _number(m.get("value")),
                    "limitLow": _number(m.get("lowLimit")),
                    "limitHigh": _number(m.get("highLimit")),
                    "compOperator": m.get("compOp"),
                    "unit": m.get("unit"),
                    "status": STEP_WORDS.get(str(m.get("status")), m.get("status")),
                    "startUtc": h.get("start"),
                }


def _paths(request: Request, flt: dict[str, Any]) -> set[str] | None:
    text = Params(request).text("measurementPaths") or flt.get("measurementPaths")
    if not text:
        return None
    return {p.strip().lower() for p in str(text).split(";") if p.strip()}


def _wanted(row: dict[str, Any], paths: set[str] | None) -> bool:
    return (
        paths is None or row["measurementPath"].lower() in paths or row["stepPath"].lower() in paths
    )


async def measurements(request: Request) -> Response:
    """Raw numeric measurements (at most ``maxCount``, 10000) of a product and operation."""
    flt = await _filter(request)
    _require_product_and_operation(flt)
    paths = _paths(request, flt)
    limit = min(_int_field(flt, "maxCount", 10000), 10000)
    records = _by_run(_select(store_of(request), flt), _int_field(flt, "run", -2))
    rows = [r for r in _measurements(records) if _wanted(r, paths)]
    return ok(rows[:limit])


def _aggregate(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(str(row["partNumber"]), str(row["revision"]), row["measurementPath"])].append(row)
    out = []
    for items in groups.values():
        first = items[0]
        values = [r["value"] for r in items if r["value"] is not None]
        out.append(
            {
                "stepName": first["stepName"],
                "stepPath": first["stepPath"],
                "measureName": first["measureName"],
                "measurementPath": first["measurementPath"],
                "partNumber": first["partNumber"],
                "revision": first["revision"],
                "count": len(items),
                "limit1": first["limitLow"],
                "limit2": first["limitHigh"],
                "compOperator": first["compOperator"],
                "unit": first["unit"],
                **_stats(values, first["limitLow"], first["limitHigh"]),
            }
        )
    return out


async def aggregated_measurements(request: Request) -> Response:
    """Statistics (count, min, max, avg, stdev, Cp, Cpk ...) per measurement path."""
    flt = await _filter(request)
    _require_product_and_operation(flt)
    paths = _paths(request, flt)
    records = _by_run(_select(store_of(request), flt), _int_field(flt, "run", -2))
    return ok(_aggregate(r for r in _measurements(records) if _wanted(r, paths)))


async def test_step_analysis(request: Request) -> Response:
    """Per-step counts by status plus measurement statistics (``run`` default 1: first runs)."""
    flt = await _filter(request)
    _require_product_and_operation(flt)
    records = _by_run(_select(store_of(request), flt), _int_field(flt, "run", 1))
    steps: dict[str, dict[str, Any]] = {}
    for record in records:
        caused = (
            record.doc.get("uut", {}).get("stepIdCausedUUTFailure")
            if isinstance(record.doc.get("uut"), dict)
            else None
        )
        result = record.header.get("result")
        for path, step in walk_steps(record.doc.get("root")):
            row = steps.setdefault(
                path,
                {
                    "stepName": step.get("name"),
                    "stepPath": path,
                    "stepType": step.get("stepType"),
                    "stepGroup": step.get("group"),
                    "stepCount": 0,
                    "stepPassedCount": 0,
                    "stepDoneCount": 0,
                    "stepSkippedCount": 0,
                    "stepFailedCount": 0,
                    "stepErrorCount": 0,
                    "stepTerminatedCount": 0,
                    "stepOtherCount": 0,
                    "stepFailedErrorTerminatedCount": 0,
                    "stepCausedUutFailedErrorTerminated": 0,
                    "stepCausedUutFailed": 0,
                    "stepCausedUutError": 0,
                    "stepCausedUutTerminated": 0,
                    "_times": [],
                },
            )
            status = step.get("status")
            row["stepCount"] += 1
            name = {
                "P": "stepPassedCount",
                "D": "stepDoneCount",
                "S": "stepSkippedCount",
                "F": "stepFailedCount",
                "E": "stepErrorCount",
                "T": "stepTerminatedCount",
            }.get(str(status), "stepOtherCount")
            row[name] += 1
            if status in ("F", "E", "T"):
                row["stepFailedErrorTerminatedCount"] += 1
            if caused is not None and step.get("id") == caused:
                row["stepCausedUutFailedErrorTerminated"] += 1
                key = {
                    "Failed": "stepCausedUutFailed",
                    "Error": "stepCausedUutError",
                    "Terminated": "stepCausedUutTerminated",
                }.get(str(result))
                if key:
                    row[key] += 1
            if _number(step.get("totTime")) is not None:
                row["_times"].append(_number(step.get("totTime")))
    measured = {
        (m["stepPath"]): m
        for m in _aggregate(_measurements(records))
        if m["measurementPath"] == m["stepPath"]
    }
    rows = []
    for path, row in steps.items():
        times = row.pop("_times")
        row["stepTimeAvg"] = statistics.fmean(times) if times else None
        row["stepTimeMax"] = max(times) if times else None
        row["stepTimeMin"] = min(times) if times else None
        m = measured.get(path)
        if m:
            row.update(
                measureName=m["measureName"],
                measureCount=m["count"],
                limit1=m["limit1"],
                limit2=m["limit2"],
                compOperator=m["compOperator"],
                **{
                    k: m[k]
                    for k in (
                        "min",
                        "max",
                        "avg",
                        "stdev",
                        "var",
                        "cpk",
                        "cp",
                        "cpLower",
                        "cpUpper",
                        "sigmaHigh3",
                        "sigmaLow3",
                    )
                },
            )
        rows.append(row)
    limit = _int_field(flt, "maxCount", 10000)
    return ok(rows[:limit])


# -- reports, history and OEE -------------------------------------------------------------------

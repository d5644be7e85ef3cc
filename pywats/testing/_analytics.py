"""``/api/App/*``: processes, levels, groups and analytics computed from the stored reports.

Every POST takes a ``PublicWatsFilter`` (reference §3.1). Supported filter fields:
``serialNumber partNumber revision batchNumber stationName testOperation status miscDescription
miscValue productGroup level swFilename swVersion socket dateFrom dateTo periodCount
dateGrouping topCount minCount maxCount run dimensions``. Text fields take ``;``-separated
alternatives with SQL-LIKE wildcards ``%`` and ``_``, case-insensitive.

Simplifications (the server computes these in its data warehouse):

* No implicit date window: only ``dateFrom``/``dateTo`` (or ``periodCount`` with
  ``dateGrouping``, 0 hour 1 day 2 week 3 month 4 quarter 5 year) restrict dates.
* A *unit* is a (serial, part number) pair within a group; its runs are its UUT reports in
  start order. fp/sp/tp = passed within 1/2/3 runs, lp = the last run passed; yields are
  percentages. Every report belongs to the one level ``Emulator``; multi-valued dimensions
  (misc info, assets) use the report's first value.
* ``period`` is the start time truncated to the grouping (default day), as ISO text.
* OEE: planned time = ``availableTime`` hours for each weekday from the first to the last
  report day; run time = sum of execution times; performance = 1 unless ``targetOutput``.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats._version import __version__
from pywats.testing._http import ApiProblem, Params, ok, store_of
from pywats.testing._odata import parse_datetime
from pywats.testing._products import _in_group
from pywats.testing._store import ReportRecord, Store
from pywats.testing._wsjf import PILCROW, STEP_WORDS, walk_steps

__all__ = ["SERVER_VERSION"]

SERVER_VERSION = "2026.1.0.0"
_LIKE_CACHE: dict[str, re.Pattern[str]] = {}
_YIELD_KPIS = (
    "unitCount",
    "fpCount",
    "spCount",
    "tpCount",
    "lpCount",
    "fpy",
    "spy",
    "tpy",
    "lpy",
    "testYieldCount",
    "testReportCount",
    "testYield",
    "firstUtc",
    "lastUtc",
    "fpFailCount",
    "spFailCount",
    "tpFailCount",
    "lpFailCount",
    "retestCount",
    "ppmFpy",
    "ppmSpy",
    "ppmTpy",
    "ppmLpy",
    "ppmTestYield",
)
_REPAIR_KPIS = ("repairReportCount", "repairCount")


# -- filter ------------------------------------------------------------------------------------


async def _filter(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    import json

    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise ApiProblem(
            400, "The request is invalid.", f"The filter is not valid JSON: {exc}"
        ) from None
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "The filter must be a JSON object.")
    return {k[:1].lower() + k[1:]: v for k, v in body.items()}


def _int_field(flt: dict[str, Any], name: str, default: int) -> int:
    """An integer filter field; anything else is a 400, as model binding would answer."""
    value = flt.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiProblem(
            400, "The request is invalid.", f"The filter field '{name}' must be an integer."
        )
    return value


def _like(pattern: str) -> re.Pattern[str]:
    compiled = _LIKE_CACHE.get(pattern)
    if compiled is None:
        alternatives = []
        for alt in pattern.split(";"):
            alt = alt.strip()
            if alt:
                body = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in alt)
                alternatives.append(body)
        compiled = re.compile("^(?:" + "|".join(alternatives or [""]) + ")$", re.I | re.S)
        _LIKE_CACHE[pattern] = compiled
    return compiled


def _matches(pattern: Any, value: Any) -> bool:
    if pattern is None or pattern == "":
        return True
    return value is not None and bool(_like(str(pattern)).match(str(value)))


_GROUPING = {0: "hour", 1: "day", 2: "week", 3: "month", 4: "quarter", 5: "year"}


def _period_start(when: datetime, grouping: int) -> datetime:
    unit = _GROUPING.get(grouping, "day")
    when = when.astimezone(UTC)
    if unit == "hour":
        return when.replace(minute=0, second=0, microsecond=0)
    day = when.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def _window(flt: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    start = parse_datetime(str(flt["dateFrom"])) if flt.get("dateFrom") else None
    end = parse_datetime(str(flt["dateTo"])) if flt.get("dateTo") else None
    if start is None and isinstance(flt.get("periodCount"), int) and flt["periodCount"] > 0:
        grouping = flt.get("dateGrouping", 1)
        grouping = grouping if isinstance(grouping, int) else 1
        now = datetime.now(UTC)
        start = _period_start(now, grouping)
        periods = flt["periodCount"] - (1 if flt.get("includeCurrentPeriod", True) else 0)
        for _ in range(max(periods, 0)):
            start = _period_start(start - timedelta(seconds=1), grouping)
    return start, end


class _Ctx:
    """Lookups shared by one analytics request."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.groups = store.all("productgroup")
        self.products = {p["partNumber"].lower(): p for p in store.all("product")}

    def group_of(self, part_number: str, revision: str | None) -> str | None:
        for group in self.groups:
            if _in_group(group, part_number, revision):
                return str(group["productGroupName"])
        return None


def _select(store: Store, flt: dict[str, Any], report_type: str | None = "T") -> list[ReportRecord]:
    """Stored reports matching the filter, oldest start first."""
    ctx = _Ctx(store)
    start, end = _window(flt)
    out = []
    for record in store.reports():
        h, doc = record.header, record.doc
        if report_type and doc.get("type") != report_type:
            continue
        if not all(
            _matches(flt.get(field), h.get(key))
            for field, key in (
                ("serialNumber", "serialNumber"),
                ("partNumber", "partNumber"),
                ("revision", "revision"),
                ("batchNumber", "batchNumber"),
                ("stationName", "stationName"),
                ("testOperation", "processName"),
                ("status", "result"),
                ("swFilename", "swFilename"),
                ("swVersion", "swVersion"),
                ("socket", "testSocketIndex"),
            )
        ):
            continue
        if flt.get("level") and not _matches(flt["level"], "Emulator"):
            continue
        if flt.get("productGroup") and not _matches(
            flt["productGroup"], ctx.group_of(str(h.get("partNumber")), h.get("revision"))
        ):
            continue
        if flt.get("miscDescription") or flt.get("miscValue"):
            misc = [m for m in doc.get("miscInfos") or [] if isinstance(m, dict)]
            if not any(
                _matches(flt.get("miscDescription"), m.get("description"))
                and _matches(
                    flt.get("miscValue"),
                    m.get("text") if m.get("text") is not None else m.get("numeric"),
                )
                for m in misc
            ):
                continue
        when = parse_datetime(str(h.get("start"))) if h.get("start") else None
        if start and (when is None or when < start):
            continue
        if end and (when is None or when > end):
            continue
        out.append(record)
    out.sort(key=lambda r: str(r.header.get("start")))
    return out


# -- yield ---------------------------------------------------------------------------------------


def _pct(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100.0 * part / whole, 4)


def _yield_kpis(records: list[ReportRecord]) -> dict[str, Any]:
    units: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records:
        h = record.header
        units[(str(h.get("serialNumber")).lower(), str(h.get("partNumber")).lower())].append(
            str(h.get("result"))
        )
    n = len(units)
    fp = sum(1 for runs in units.values() if runs[0] == "Passed")
    sp = sum(1 for runs in units.values() if "Passed" in runs[:2])
    tp = sum(1 for runs in units.values() if "Passed" in runs[:3])
    lp = sum(1 for runs in units.values() if runs[-1] == "Passed")
    reports = len(records)
    passed = sum(1 for r in records if r.header.get("result") == "Passed")
    starts = [str(r.header.get("start")) for r in records if r.header.get("start")]

    def ppm(y: float | None) -> float | None:
        return None if y is None else round((100.0 - y) * 10_000, 2)

    kpis: dict[str, Any] = {
        "unitCount": n,
        "fpCount": fp,
        "spCount": sp,
        "tpCount": tp,
        "lpCount": lp,
        "fpy": _pct(fp, n),
        "spy": _pct(sp, n),
        "tpy": _pct(tp, n),
        "lpy": _pct(lp, n),
        "testYieldCount": passed,
        "testReportCount": reports,
        "testYield": _pct(passed, reports),
        "firstUtc": min(starts) if starts else None,
        "lastUtc": max(starts) if starts else None,
        "fpFailCount": n - fp,
        "spFailCount": n - sp,
        "tpFailCount": n - tp,
        "lpFailCount": n - lp,
        "retestCount": reports - n,
    }
    for name in ("fpy", "spy", "tpy", "lpy", "testYield"):
        kpis["ppm" + name[0].upper() + name[1:]] = ppm(kpis[name])
    return kpis


def _dimension(record: ReportRecord, name: str, ctx: _Ctx, grouping: int) -> Any:
    h, doc = record.header, record.doc
    simple = {
        "partNumber": "partNumber",
        "revision": "revision",
        "stationName": "stationName",
        "location": "location",
        "purpose": "purpose",
        "testOperation": "processName",
        "repairOperation": "processName",
        "processCode": "processCode",
        "swFilename": "swFilename",
        "swVersion": "swVersion",
        "batchNumber": "batchNumber",
        "operator": "userName",
        "fixtureId": "fixtureId",
        "socketIndex": "testSocketIndex",
        "errorCode": "errorCode",
        "stepCausedUutFailure": "causedUutFailure",
        "stepPathCausedUutFailure": "causedUutFailurePath",
    }
    if name in simple:
        return h.get(simple[name])
    if name == "productName":
        product = ctx.products.get(str(h.get("partNumber")).lower())
        return product.get("name") if product else None
    if name == "productGroup":
        return ctx.group_of(str(h.get("partNumber")), h.get("revision"))
    if name == "level":
        return "Emulator"
    if name == "period":
        when = parse_datetime(str(h.get("start"))) if h.get("start") else None
        return _period_start(when, grouping).strftime("%Y-%m-%dT%H:%M:%SZ") if when else None
    misc = [m for m in doc.get("miscInfos") or [] if isinstance(m, dict)]
    if name == "miscInfoDescription":
        return misc[0].get("description") if misc else None
    if name == "miscInfoString":
        return misc[0].get("text") if misc else None
    assets = [a for a in doc.get("assets") or [] if isinstance(a, dict)]
    if name in ("assetSerialNumber", "assetName"):
        return assets[0].get("assetSN") if assets else None
    raise ApiProblem(400, "The request is invalid.", f"Unknown dimension '{name}'.")


def _parse_dimensions(
    text: str, kpi_names: Iterable[str]
) -> tuple[list[str], list[str], list[tuple[str, bool]]]:
    """Split ``"unitCount desc;partNumber"`` into dimensions, KPIs and the ordering."""
    kpis = {k.lower(): k for k in kpi_names}
    dims: list[str] = []
    wanted: list[str] = []
    order: list[tuple[str, bool]] = []
    for item in text.split(";"):
        bits = item.split()
        if not bits:
            continue
        name = bits[0]
        direction = bits[1].lower() if len(bits) > 1 else None
        if name.lower() in kpis:
            name = kpis[name.lower()]
            wanted.append(name)
        else:
            dims.append(name)
        if direction in ("asc", "desc"):
            order.append((name, direction == "desc"))
    return dims, wanted, order


def _sort_rows(rows: list[dict[str, Any]], order: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    for name, descending in reversed(order):
        present = [r for r in rows if r.get(name) is not None]
        missing = [r for r in rows if r.get(name) is None]
        rows = sorted(present, key=lambda r: r[name], reverse=descending) + missing
    return rows


def _grouped(
    records: list[ReportRecord],
    dims: list[str],
    ctx: _Ctx,
    grouping: int,
    kpis: Callable[[list[ReportRecord]], dict[str, Any]],
) -> list[dict[str, Any]]:
    groups: dict[tuple[Any, ...], list[ReportRecord]] = defaultdict(list)
    for record in records:
        groups[tuple(_dimension(record, d, ctx, grouping) for d in dims)].append(record)
    return [{**dict(zip(dims, key, strict=True)), **kpis(group)} for key, group in groups.items()]


def _top(rows: list[dict[str, Any]], flt: dict[str, Any]) -> list[dict[str, Any]]:
    top = flt.get("topCount")
    return rows[:top] if isinstance(top, int) and top > 0 else rows


async def dynamic_yield(request: Request) -> Response:
    """Yield KPIs grouped by the ``dimensions`` (query or filter); only the KPIs asked for."""
    flt = await _filter(request)
    text = (
        Params(request).text("dimensions")
        or flt.get("dimensions")
        or ("unitCount desc;partNumber;testOperation")
    )
    dims, wanted, order = _parse_dimensions(str(text), _YIELD_KPIS)
    store = store_of(request)
    grouping = flt["dateGrouping"] if isinstance(flt.get("dateGrouping"), int) else 1
    rows = _grouped(_select(store, flt), dims, _Ctx(store), grouping, _yield_kpis)
    if wanted:
        rows = [{k: v for k, v in r.items() if k in dims or k in wanted} for r in rows]
    return ok(_top(_sort_rows(rows, order), flt))


def _repair_rows(records: list[ReportRecord]) -> list[tuple[ReportRecord, dict[str, Any]]]:
    out = []
    for record in records:
        for unit in record.doc.get("subUnits") or []:
            for failure in (unit or {}).get("failures") or []:
                if isinstance(failure, dict):
                    out.append((record, failure))
    return out


async def dynamic_repair(request: Request) -> Response:
    """Repair counts grouped by ``dimensions`` (failure fields included)."""
    flt = await _filter(request)
    text = (
        Params(request).text("dimensions")
        or flt.get("dimensions")
        or ("repairCount desc;repairReportCount desc;partNumber;repairOperation")
    )
    dims, wanted, order = _parse_dimensions(str(text), _REPAIR_KPIS)
    store = store_of(request)
    ctx = _Ctx(store)
    grouping = flt["dateGrouping"] if isinstance(flt.get("dateGrouping"), int) else 1
    failure_dims = {
        "repairCode": "code",
        "repairCategory": "category",
        "componentRef": "comRef",
        "componentNumber": "artNumber",
        "componentRevision": "artRev",
        "componentVendor": "artVendor",
        "componentDescription": "artDescription",
        "functionBlock": "funcBlock",
        "referencedStep": "refStepName",
    }
    groups: dict[tuple[Any, ...], list[tuple[ReportRecord, dict[str, Any]]]] = defaultdict(list)
    for record, failure in _repair_rows(_select(store, flt, "R")):
        key = []
        for d in dims:
            if d in failure_dims:
                key.append(failure.get(failure_dims[d]))
            elif d == "testOperation":
                key.append((record.doc.get("uur") or {}).get("processName"))
            elif d == "unitType":
                key.append("Main")
            else:
                key.append(_dimension(record, d, ctx, grouping))
        groups[tuple(key)].append((record, failure))
    rows = [
        {
            **dict(zip(dims, key, strict=True)),
            "repairReportCount": len({r.id for r, _ in items}),
            "repairCount": len(items),
        }
        for key, items in groups.items()
    ]
    if wanted:
        rows = [{k: v for k, v in r.items() if k in dims or k in wanted} for r in rows]
    return ok(_top(_sort_rows(rows, order), flt))


def _filter_from_get(store: Store, params: Params) -> dict[str, Any]:
    """GET variants: ``days``, ``productGroupId`` and ``levelId`` (``;``-separated) as a filter."""
    flt: dict[str, Any] = {}
    days = params.integer("days", required=True)
    assert days is not None
    # Clamped so that huge values mean "all time" instead of overflowing the date range.
    flt["dateFrom"] = (datetime.now(UTC) - timedelta(days=min(max(days, 0), 700_000))).isoformat()
    group_ids = {g.strip().lower() for g in (params.req("productGroupId")).split(";") if g.strip()}
    names = [
        g["productGroupName"]
        for g in store.all("productgroup")
        if str(g["productGroupId"]).lower() in group_ids
    ]
    flt["productGroup"] = ";".join(names) if names else "\x00none"
    level_ids = {lv.strip() for lv in params.req("levelId").split(";") if lv.strip()}
    if "1" not in level_ids:
        flt["level"] = "\x00none"
    return flt


async def _volume(request: Request, flt: dict[str, Any], how: str, by_group: bool) -> Response:
    store = store_of(request)
    dims = ["productGroup"] if by_group else ["partNumber", "productName", "productGroup"]
    rows = _grouped(_select(store, flt), dims, _Ctx(store), 1, _yield_kpis)
    if isinstance(flt.get("minCount"), int):
        rows = [r for r in rows if r["unitCount"] >= flt["minCount"]]
    if how == "worst":
        rows = _sort_rows(rows, [("unitCount", True), ("fpy", False)])
    else:
        rows = _sort_rows(rows, [("unitCount", True)] if how == "high" else [("partNumber", False)])
    return ok(_top(rows, flt))


async def volume_yield_get(request: Request) -> Response:
    """Volume and yield per product over the last ``days``."""
    return await _volume(
        request, _filter_from_get(store_of(request), Params(request)), "volume", False
    )


async def volume_yield_post(request: Request) -> Response:
    """Volume and yield per product."""
    return await _volume(request, await _filter(request), "volume", False)


async def high_volume_get(request: Request) -> Response:
    """Products by volume, highest first, over the last ``days``."""
    return await _volume(
        request, _filter_from_get(store_of(request), Params(request)), "high", False
    )


async def high_volume_post(request: Request) -> Response:
    """Products by volume, highest first."""
    return await _volume(request, await _filter(request), "high", False)


async def high_volume_by_group(request: Request) -> Response:
    """Product groups by volume, highest first."""
    return await _volume(request, await _filter(request), "high", True)


async def worst_yield_get(request: Request) -> Response:
    """Products by first-pass yield, worst first, over the last ``days``."""
    return await _volume(
        request, _filter_from_get(store_of(request), Params(request)), "worst", False
    )


async def worst_yield_post(request: Request) -> Response:
    """Products by first-pass yield, worst first."""
    return await _volume(request, await _filter(request), "worst", False)


async def worst_yield_by_group(request: Request) -> Response:
    """Product groups by first-pass yield, worst first."""
    return await _volume(request, await _filter(request), "worst", True)


# -- steps and measurements ----------------------------------------------------------------------


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


async def version(request: Request) -> Response:
    """The server version as a JSON string."""
    return ok(f"{SERVER_VERSION} (pywats emulator {__version__})")


async def list_processes(request: Request) -> Response:
    """Processes: by default the active test, repair and WIP operations."""
    params = Params(request)
    kinds = {
        "isTestOperation": params.flag("includeTestOperations"),
        "isRepairOperation": params.flag("includeRepairOperations"),
        "isWipOperation": params.flag("includeWipOperations"),
    }
    explicit = any(v is not None for v in kinds.values())
    inactive = bool(params.flag("includeInactiveProcesses", False))
    rows = []
    for process in sorted(store_of(request).all("process"), key=lambda p: p["processIndex"]):
        if not inactive and process.get("state") != 1:
            continue
        if explicit and not any(process.get(k) and v for k, v in kinds.items()):
            continue
        rows.append(process)
    return ok(rows)


async def levels(request: Request) -> Response:
    """The levels (client groups): one, ``Emulator``."""
    return ok(store_of(request).all("level"))


async def product_groups(request: Request) -> Response:
    """Product groups, with their filters when ``includeFilters=true``."""
    include = bool(Params(request).flag("includeFilters", False))
    return ok(
        [
            g if include else {k: v for k, v in g.items() if k != "filters"}
            for g in store_of(request).all("productgroup")
        ]
    )


async def common_user_settings(request: Request) -> Response:
    """Settings of a user: every user is an administrator of all levels and groups here."""
    user = Params(request).req("UserName")
    store = store_of(request)
    return ok(
        {
            "fullName": user,
            "cultureCode": "en-US",
            "email": f"{user}@emulator.invalid",
            "roles": ["Administrator"],
            "levels": [lv["levelName"] for lv in store.all("level")],
            "productGroups": [g["productGroupName"] for g in store.all("productgroup")],
        }
    )

"""``/api/App/DynamicYield``, ``DynamicRepair``, volume/yield, high volume and worst yield."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._analytics_filter import (
    _REPAIR_KPIS,
    _YIELD_KPIS,
    _Ctx,
    _filter,
    _period_start,
    _select,
)
from pywats.testing._http import ApiProblem, Params, ok, store_of
from pywats.testing._odata import parse_datetime
from pywats.testing._store import ReportRecord, Store

__all__ = [
    "dynamic_repair",
    "dynamic_yield",
    "high_volume_by_group",
    "high_volume_get",
    "high_volume_post",
    "volume_yield_get",
    "volume_yield_post",
    "worst_yield_by_group",
    "worst_yield_get",
    "worst_yield_post",
]


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

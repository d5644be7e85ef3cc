"""The analytics filter (``PublicWatsFilter``, reference §3.1) and the reports it selects.

Shared by the ``/api/App/*`` analytics modules; :mod:`pywats.testing._analytics` states the
rules they follow.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request

from pywats.testing._http import ApiProblem
from pywats.testing._odata import parse_datetime
from pywats.testing._products import _in_group
from pywats.testing._store import ReportRecord, Store

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

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

from starlette.requests import Request
from starlette.responses import Response

from pywats._version import __version__
from pywats.testing._analytics_filter import SERVER_VERSION
from pywats.testing._analytics_history import (
    oee_analysis,
    related_repair_history,
    serial_number_history,
    uur_report_post,
    uut_report_get,
    uut_report_post,
)
from pywats.testing._analytics_steps import (
    aggregated_measurements,
    measurements,
    test_step_analysis,
    top_failed_get,
    top_failed_post,
)
from pywats.testing._analytics_yield import (
    dynamic_repair,
    dynamic_yield,
    high_volume_by_group,
    high_volume_get,
    high_volume_post,
    volume_yield_get,
    volume_yield_post,
    worst_yield_by_group,
    worst_yield_get,
    worst_yield_post,
)
from pywats.testing._http import Params, ok, store_of

__all__ = [
    "SERVER_VERSION",
    "aggregated_measurements",
    "dynamic_repair",
    "dynamic_yield",
    "high_volume_by_group",
    "high_volume_get",
    "high_volume_post",
    "measurements",
    "oee_analysis",
    "related_repair_history",
    "serial_number_history",
    "test_step_analysis",
    "top_failed_get",
    "top_failed_post",
    "uur_report_post",
    "uut_report_get",
    "uut_report_post",
    "volume_yield_get",
    "volume_yield_post",
    "worst_yield_by_group",
    "worst_yield_get",
    "worst_yield_post",
]


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

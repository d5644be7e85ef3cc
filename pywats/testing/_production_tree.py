"""``/api/Production/AddChildUnit``, ``RemoveChildUnit`` and ``CheckChildUnits``."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import (
    ApiProblem,
    Params,
    ok,
    store_of,
)
from pywats.testing._production_units import (
    FINALIZED,
    _children,
    _key,
    _record_change,
    _unit_or_404,
    _with_tree,
)
from pywats.testing._store import Store

__all__ = ["add_child_unit", "check_child_units", "remove_child_unit"]


def _ancestors(store: Store, unit: dict[str, Any]) -> list[str]:
    seen: list[str] = []
    current: dict[str, Any] | None = unit
    while current and current.get("parentSerialNumber") and len(seen) < 100:
        seen.append(_key(current["parentSerialNumber"], current.get("_parentPartNumber") or ""))
        current = store.get("unit", seen[-1])
    return seen


async def add_child_unit(request: Request) -> Response:
    """Make one unit the child of another (rules in the module notes); answers the parent tree."""
    params = Params(request)
    store = store_of(request)
    parent = _unit_or_404(store, params.req("parentSerialNumber"), params.req("parentPartNumber"))
    child = _unit_or_404(store, params.req("childSerialNumber"), params.req("childPartNumber"))
    check_part, check_rev = params.text("checkPartNumber"), params.text("checkRevision")
    if check_part and check_part.lower() != child["partNumber"].lower():
        raise ApiProblem(
            400, f"The child's part number '{child['partNumber']}' is not '{check_part}'."
        )
    if check_rev and check_rev.lower() != str(child.get("revision") or "").lower():
        raise ApiProblem(
            400, f"The child's revision '{child.get('revision')}' is not '{check_rev}'."
        )
    if child.get("parentSerialNumber"):
        raise ApiProblem(
            400,
            f"Unit '{child['serialNumber']}' already has a parent "
            f"('{child['parentSerialNumber']}').",
        )
    if child.get("unitPhaseId") != FINALIZED:
        raise ApiProblem(
            400,
            f"Unit '{child['serialNumber']}' must be in phase Finalized to become a child unit.",
        )
    child_key = _key(child["serialNumber"], child["partNumber"])
    if child_key == _key(parent["serialNumber"], parent["partNumber"]) or child_key in _ancestors(
        store, parent
    ):
        raise ApiProblem(400, "The relation would create a loop in the unit hierarchy.")
    child["parentSerialNumber"] = parent["serialNumber"]
    child["_parentPartNumber"] = parent["partNumber"]
    store.put("unit", child_key, child)
    _record_change(store, child, parent=parent["serialNumber"])
    return ok(_with_tree(store, parent))


async def remove_child_unit(request: Request) -> Response:
    """Undo a parent/child relation; 400 when the child is not that parent's child."""
    params = Params(request)
    store = store_of(request)
    parent = _unit_or_404(store, params.req("parentSerialNumber"), params.req("parentPartNumber"))
    child = _unit_or_404(store, params.req("childSerialNumber"), params.req("childPartNumber"))
    if (
        str(child.get("parentSerialNumber") or "").lower() != parent["serialNumber"].lower()
        or str(child.get("_parentPartNumber") or "").lower() != parent["partNumber"].lower()
    ):
        raise ApiProblem(
            400, f"Unit '{child['serialNumber']}' is not a child of '{parent['serialNumber']}'."
        )
    child["parentSerialNumber"] = None
    child["_parentPartNumber"] = None
    store.put("unit", _key(child["serialNumber"], child["partNumber"]), child)
    _record_change(store, child, parent="")
    return ok(_with_tree(store, parent))


async def check_child_units(request: Request) -> Response:
    """Check each direct child: it must be Finalized (no box-build rules in the emulator)."""
    params = Params(request)
    store = store_of(request)
    parent = _unit_or_404(store, params.req("parentSerialNumber"), params.req("parentPartNumber"))
    rows = []
    for child in _children(store, parent):
        phase_ok = child.get("unitPhaseId") == FINALIZED
        rows.append(
            {
                "serialNumber": child["serialNumber"],
                "partNumber": child["partNumber"],
                "revision": child.get("revision"),
                "unitPhaseId": child.get("unitPhaseId"),
                "unitPhase": child.get("unitPhase"),
                "phaseOk": phase_ok,
                "message": None if phase_ok else "The child unit is not Finalized.",
            }
        )
    return ok(
        {
            "parentSerialNumber": parent["serialNumber"],
            "parentPartNumber": parent["partNumber"],
            "ok": all(r["phaseOk"] for r in rows),
            "childUnits": rows,
        }
    )

"""Workflow test activities in the emulator: start and end a unit's test, kept per unit.

The server needs the unit in WATS MES and its workflow initialised (by the Operator Interface or
the MES API) with the definition ``status`` the call names. The emulator has no workflow
designer: every unit that exists has a workflow initialised as Released (2), whose current
activity is a test. So ``StartTest`` answers ``true`` unless the status differs or a test is
already running, and ``EndTest`` answers ``true`` only for a running test. An unknown unit is a
404. Each unit's state and history is a ``workflow`` entity::

    {serialNumber, partNumber, status: 2, running: bool, history: [{action, passed, ...}]}
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, now_utc, ok, store_of, user_of

__all__ = ["end_test", "start_test"]

RELEASED = 2
_STATUSES = (0, 1, 2, 3)  # Draft, Pending, Released, Revoked


def _state(request: Request) -> tuple[Params, str, dict[str, Any]]:
    from pywats.testing._production_units import _find_unit, _key

    params = Params(request)
    serial, part = params.req("serialNumber"), params.req("partNumber")
    status = params.integer("status", default=RELEASED)
    if status not in _STATUSES:
        raise ApiProblem(400, f"The workflow status {status} is not one of 0, 1, 2, 3.")
    store = store_of(request)
    unit = _find_unit(store, serial, part)
    if unit is None:
        raise ApiProblem(404, f"Unit '{serial}' with part number '{part}' was not found.")
    key = _key(unit["serialNumber"], unit["partNumber"])
    state = store.get("workflow", key) or {
        "serialNumber": unit["serialNumber"],
        "partNumber": unit["partNumber"],
        "status": RELEASED,
        "running": False,
        "history": [],
    }
    state["_asked"] = status
    return params, key, state


def _record(request: Request, params: Params, action: str, **extra: Any) -> dict[str, Any]:
    return {
        "action": action,
        "operatorName": params.text("operatorName") or user_of(request),
        "stationName": params.text("stationName"),
        "time": now_utc(),
        **extra,
    }


async def start_test(request: Request) -> Response:
    """Start the unit's test activity: true, or false when it cannot start."""
    params, key, state = _state(request)
    if state.pop("_asked") != state["status"] or state["running"]:
        return ok(False)
    state["running"] = True
    state["history"].append(_record(request, params, "StartTest"))
    store_of(request).put("workflow", key, state)
    return ok(True)


async def end_test(request: Request) -> Response:
    """End the unit's running test activity, passed or failed: true, or false."""
    params, key, state = _state(request)
    passed = params.flag("passed", True)
    if state.pop("_asked") != state["status"] or not state["running"]:
        return ok(False)
    state["running"] = False
    state["history"].append(_record(request, params, "EndTest", passed=passed))
    store_of(request).put("workflow", key, state)
    return ok(True)

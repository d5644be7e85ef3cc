"""``/api/Production/*``: units, phases, processes, child units, batches, serial numbers.

Rules kept from the server (reference §2.3): a unit's product must exist; a child must exist,
have no parent, be Finalized (phase 16) and not create a loop. Simplifications: no box-build
check (the public API cannot define box builds); serial-number pools are the seeded types,
numbered upwards, plus any numbers uploaded; the unit-verification ``grade`` is ``A`` (every
process passed first run, no repairs), ``B`` (all passed in the end), ``C`` (something failed),
or empty when the unit has no reports.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import (
    ApiProblem,
    Params,
    json_body,
    now_utc,
    ok,
    store_of,
)
from pywats.testing._production_serials import (
    get_serial_numbers,
    put_serial_numbers,
    serial_number_types,
    serial_numbers_by_range,
    serial_numbers_by_reference,
    take_serial_numbers,
)
from pywats.testing._production_tree import add_child_unit, check_child_units, remove_child_unit
from pywats.testing._production_units import (
    FINALIZED,
    MAX_TAKE,
    PHASES,
    _key,
    _public,
    _record_change,
    _unit_or_404,
    _with_tree,
)

__all__ = [
    "FINALIZED",
    "MAX_TAKE",
    "PHASES",
    "add_child_unit",
    "check_child_units",
    "delete_unit_change",
    "get_serial_numbers",
    "get_unit",
    "put_batches",
    "put_serial_numbers",
    "put_units",
    "remove_child_unit",
    "serial_number_types",
    "serial_numbers_by_range",
    "serial_numbers_by_reference",
    "set_unit_phase",
    "set_unit_process",
    "take_serial_numbers",
    "unit_changes",
    "unit_verification",
]


async def get_unit(request: Request) -> Response:
    """A unit with its product, revision and sub-unit tree; 404 when unknown."""
    store = store_of(request)
    unit = _unit_or_404(
        store, request.path_params["serialNumber"], request.path_params["partNumber"]
    )
    return ok(_with_tree(store, unit))


async def put_units(request: Request) -> Response:
    """Add or update units by serial and part number; per-unit errors are counted, not raised.

    Answers ``{"insertCount", "updateCount", "errorCount", "errors": [{serialNumber,
    partNumber, message}]}``.
    """
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, list):
        raise ApiProblem(400, "The request is invalid.", "The body must be a JSON array of units.")
    inserted = updated = 0
    errors: list[dict[str, Any]] = []
    for item in body:
        if not isinstance(item, dict):
            errors.append({"serialNumber": None, "partNumber": None, "message": "Not an object."})
            continue
        serial, part = item.get("serialNumber"), item.get("partNumber")
        if not isinstance(serial, str) or not isinstance(part, str) or not serial or not part:
            errors.append(
                {
                    "serialNumber": serial,
                    "partNumber": part,
                    "message": "serialNumber and partNumber are required.",
                }
            )
            continue
        if store.get("product", part) is None:
            errors.append(
                {
                    "serialNumber": serial,
                    "partNumber": part,
                    "message": f"The product '{part}' does not exist.",
                }
            )
            continue
        existing = store.get("unit", _key(serial, part))
        unit: dict[str, Any] = dict(existing or {})
        if existing is None:
            unit = {
                "serialNumber": serial,
                "partNumber": store.get("product", part)["partNumber"],  # type: ignore[index]
                "revision": None,
                "parentSerialNumber": None,
                "batchNumber": None,
                "serialDate": now_utc(),
                "currentLocation": None,
                "xmlData": None,
                "unitPhaseId": 2,
                "unitPhase": PHASES[2],
                "processCode": None,
                "tags": [],
                "_parentPartNumber": None,
            }
        for field in (
            "revision",
            "batchNumber",
            "serialDate",
            "currentLocation",
            "xmlData",
            "processCode",
            "tags",
        ):
            if field in item:
                unit[field] = item[field]
        if "processCode" in item and item["processCode"] is not None:
            unit["processCode"] = str(item["processCode"])
        phase = item.get("unitPhaseId")
        if phase is not None:
            if not isinstance(phase, int) or phase not in PHASES:
                errors.append(
                    {
                        "serialNumber": serial,
                        "partNumber": part,
                        "message": f"Unknown unit phase {phase}.",
                    }
                )
                continue
            unit["unitPhaseId"], unit["unitPhase"] = phase, PHASES[phase]
        if existing is not None and (
            existing.get("revision") != unit.get("revision")
            or existing.get("unitPhaseId") != unit.get("unitPhaseId")
        ):
            _record_change(store, unit, revision=unit.get("revision"), phase=unit["unitPhaseId"])
        store.put("unit", _key(serial, part), unit)
        if existing is None:
            inserted += 1
        else:
            updated += 1
    return ok(
        {
            "insertCount": inserted,
            "updateCount": updated,
            "errorCount": len(errors),
            "errors": errors,
        }
    )


async def unit_verification(request: Request) -> Response:
    """Grade a unit from its test and repair reports (see the module notes for the grade)."""
    from pywats.testing._reports_ingest import processes

    params = Params(request)
    store = store_of(request)
    serial = params.req("serialNumber")
    part = params.text("partNumber")
    procs = processes(store)
    runs: dict[int, list[dict[str, Any]]] = {}
    repairs = 0
    for record in store.reports():
        doc = record.doc
        if str(doc.get("sn", "")).lower() != serial.lower():
            continue
        if part and str(doc.get("pn", "")).lower() != part.lower():
            continue
        if doc.get("type") == "R":
            repairs += 1
            continue
        runs.setdefault(int(doc.get("processCode", 0)), []).append(record.header)
    results = []
    for code in sorted(runs, key=lambda c: procs.get(c, {}).get("processIndex", c)):
        headers = sorted(runs[code], key=lambda h: str(h.get("start")))
        last = headers[-1]
        results.append(
            {
                "processCode": code,
                "processName": procs.get(code, {}).get("name"),
                "processIndex": procs.get(code, {}).get("processIndex", 0),
                "status": last.get("result"),
                "startUtc": last.get("start"),
                "stationName": last.get("stationName"),
                "totalCount": len(headers),
                "nonPassedCount": sum(1 for h in headers if h.get("result") != "Passed"),
                "repairCount": repairs,
                "_first": headers[0].get("result"),
                "_anyPassed": any(h.get("result") == "Passed" for h in headers),
                "_firstStart": headers[0].get("start"),
            }
        )
    in_order = [r["_firstStart"] for r in results] == sorted(r["_firstStart"] for r in results)
    first = all(r["_first"] == "Passed" for r in results)
    last_ok = all(r["status"] == "Passed" for r in results)
    grade = "" if not results else "A" if first and not repairs else "B" if last_ok else "C"
    return ok(
        {
            "status": "Unknown" if not results else "Passed" if last_ok else "Failed",
            "grade": grade,
            "allProcessesExecutedInCorrectOrder": bool(results) and in_order,
            "allProcessesPassedFirstRun": bool(results) and first,
            "allProcessesPassedAnyRun": bool(results) and all(r["_anyPassed"] for r in results),
            "allProcessesPassedLastRun": bool(results) and last_ok,
            "noRepairs": repairs == 0,
            "results": [{k: v for k, v in r.items() if not k.startswith("_")} for r in results],
        }
    )


async def set_unit_phase(request: Request) -> Response:
    """Set a unit's phase (a value from the phase table); answers the unit."""
    params = Params(request)
    store = store_of(request)
    unit = _unit_or_404(store, params.req("serialNumber"), params.req("partNumber"))
    phase = params.integer("phase", required=True)
    if phase not in PHASES:
        raise ApiProblem(
            400,
            f"Unknown unit phase {phase}. Valid phases: " + ", ".join(str(p) for p in PHASES) + ".",
        )
    if unit.get("unitPhaseId") != phase:
        unit["unitPhaseId"], unit["unitPhase"] = phase, PHASES[phase]
        _record_change(store, unit, phase=phase)
        store.put("unit", _key(unit["serialNumber"], unit["partNumber"]), unit)
    return ok(_public(unit))


async def set_unit_process(request: Request) -> Response:
    """Set a unit's current process by its exact name; answers the unit."""
    from pywats.testing._reports_ingest import processes

    params = Params(request)
    store = store_of(request)
    unit = _unit_or_404(store, params.req("serialNumber"), params.req("partNumber"))
    name = params.req("processName")
    match = [p for p in processes(store).values() if p["name"] == name]
    if not match:
        raise ApiProblem(400, f"No process named '{name}' exists.")
    unit["processCode"] = str(match[0]["code"])
    store.put("unit", _key(unit["serialNumber"], unit["partNumber"]), unit)
    return ok(_public(unit))


async def unit_changes(request: Request) -> Response:
    """Pending unit changes, oldest first, at most ``maxCount``."""
    max_count = Params(request).integer("maxCount", required=True)
    assert max_count is not None
    return ok(store_of(request).all("unitchange")[: max(max_count, 0)])


async def delete_unit_change(request: Request) -> Response:
    """Acknowledge (delete) a unit change; 404 when unknown."""
    change_id = request.path_params["id"]
    if not store_of(request).delete("unitchange", str(change_id)):
        raise ApiProblem(404, f"No unit change with id {change_id} exists.")
    return ok({"id": int(change_id) if str(change_id).isdigit() else change_id})


async def put_batches(request: Request) -> Response:
    """Add or update production batches ``[{batchNumber, batchSize}]``."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, list):
        raise ApiProblem(
            400, "The request is invalid.", "The body must be a JSON array of batches."
        )
    inserted = updated = 0
    for item in body:
        number = item.get("batchNumber") if isinstance(item, dict) else None
        if not isinstance(number, str) or not number:
            raise ApiProblem(400, "The request is invalid.", "Every batch needs a batchNumber.")
        if store.get("batch", number) is None:
            inserted += 1
        else:
            updated += 1
        store.put("batch", number, {"batchNumber": number, "batchSize": item.get("batchSize")})
    return ok({"insertCount": inserted, "updateCount": updated})


# -- serial numbers ------------------------------------------------------------------------

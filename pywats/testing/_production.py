"""``/api/Production/*``: units, phases, processes, child units, batches, serial numbers.

Rules kept from the server (reference §2.3): a unit's product must exist; a child must exist,
have no parent, be Finalized (phase 16) and not create a loop. Simplifications: no box-build
check (the public API cannot define box builds); serial-number pools are the seeded types,
numbered upwards, plus any numbers uploaded; the unit-verification ``grade`` is ``A`` (every
process passed first run, no repairs), ``B`` (all passed in the end), ``C`` (something failed),
or empty when the unit has no reports.
"""

from __future__ import annotations

import csv
import io
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
    uploaded_files,
)
from pywats.testing._odata import parse_datetime
from pywats.testing._store import Store

__all__ = [
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

PHASES = {
    1: "Unknown",
    2: "Under production",
    4: "Production repair",
    8: "Service repair",
    16: "Finalized",
    32: "Scrapped",
    64: "Extended test",
    128: "Customization",
    256: "Repaired",
    512: "Missing",
    1024: "In storage",
    2048: "Shipped",
    4096: "Queued",
    4098: "Under production - Queued",
    4100: "Waiting for production repair",
    4104: "Waiting for service repair",
}
FINALIZED = 16
MAX_TAKE = 10000  # an emulator limit, so one call cannot walk a pool of 10^8 numbers


def _key(serial: str, part: str) -> str:
    return f"{serial.lower()}\x1f{part.lower()}"


def _find_unit(store: Store, serial: str, part: str | None) -> dict[str, Any] | None:
    if part:
        return store.get("unit", _key(serial, part))
    for unit in store.all("unit"):
        if str(unit["serialNumber"]).lower() == serial.lower():
            return unit
    return None


def _unit_or_404(store: Store, serial: str, part: str | None) -> dict[str, Any]:
    unit = _find_unit(store, serial, part)
    if unit is None:
        raise ApiProblem(
            404,
            f"No unit with serial number '{serial}'"
            + (f" and part number '{part}'" if part else "")
            + " exists.",
        )
    return unit


def _public(unit: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in unit.items() if not k.startswith("_")}


def _children(store: Store, unit: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        u
        for u in store.all("unit")
        if str(u.get("parentSerialNumber") or "").lower() == unit["serialNumber"].lower()
        and str(u.get("_parentPartNumber") or "").lower() == unit["partNumber"].lower()
    ]


def _with_tree(store: Store, unit: dict[str, Any], depth: int = 0) -> dict[str, Any]:
    out = _public(unit)
    product = store.get("product", unit["partNumber"])
    out["product"] = product
    from pywats.testing._products import _rev_key

    out["productRevision"] = (
        store.get("revision", _rev_key(unit["partNumber"], unit.get("revision") or ""))
        if unit.get("revision")
        else None
    )
    out["subUnits"] = (
        [_with_tree(store, c, depth + 1) for c in _children(store, unit)] if depth < 20 else []
    )
    return out


def _record_change(store: Store, unit: dict[str, Any], **changes: Any) -> None:
    change_id = store.next_number("unitchange")
    store.put(
        "unitchange",
        str(change_id),
        {
            "id": change_id,
            "unitSerialNumber": unit["serialNumber"],
            "newParentSerialNumber": changes.get("parent"),
            "newPartNumber": changes.get("part"),
            "newRevision": changes.get("revision"),
            "newUnitPhaseId": changes.get("phase"),
        },
    )


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
    from pywats.testing._reports import processes

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
    from pywats.testing._reports import processes

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


def _serial_type(store: Store, name: str) -> dict[str, Any]:
    kind = store.get("serialtype", name)
    if kind is None:
        raise ApiProblem(404, f"No serial-number type named '{name}' exists.")
    return kind


def _format(kind: dict[str, Any], number: int) -> str:
    if kind["_base"] == 16:
        return f"{kind['_prefix']}{number:0{kind['_digits']}X}"
    return f"{kind['_prefix']}{number:0{kind['_digits']}d}"


def _serial_rows(store: Store, type_name: str) -> list[dict[str, Any]]:
    return [s for s in store.all("serial") if s["type"].lower() == type_name.lower()]


def _public_serial(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "type"}


async def serial_number_types(request: Request) -> Response:
    """The serial-number pools."""
    return ok(
        [
            {k: v for k, v in t.items() if not k.startswith("_")}
            for t in store_of(request).all("serialtype")
        ]
    )


def _render(rows: list[dict[str, Any]], fmt: str, type_name: str) -> Response:
    if fmt.upper() == "CSV":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["SerialNumber", "State", "ReferenceSN", "ReferencePN", "StationName", "Taken"]
        )
        for r in rows:
            writer.writerow(
                [
                    r["serialNumber"],
                    r["state"],
                    r.get("refSN") or "",
                    r.get("refPN") or "",
                    r.get("stationName") or "",
                    r.get("takenUtc") or "",
                ]
            )
        return Response(out.getvalue(), media_type="text/csv")
    from xml.sax.saxutils import quoteattr

    parts = [f"<SerialNumbers type={quoteattr(type_name)}>"]
    for r in rows:
        attrs = f"id={quoteattr(r['serialNumber'])} state={quoteattr(r['state'])}"
        for key in ("refSN", "refPN", "stationName", "takenUtc"):
            if r.get(key):
                attrs += f" {key}={quoteattr(str(r[key]))}"
        parts.append(f"<SN {attrs}/>")
    parts.append("</SerialNumbers>")
    return Response("".join(parts), media_type="application/xml")


def _check_format(value: str | None) -> str:
    fmt = (value or "XML").upper()
    if fmt not in ("XML", "CSV"):
        raise ApiProblem(400, "The request is invalid.", "format must be XML or CSV.")
    return fmt


async def take_serial_numbers(request: Request) -> Response:
    """Take ``quantity`` free numbers (uploaded ones first, then the pool's next numbers)."""
    params = Params(request)
    store = store_of(request)
    kind = _serial_type(store, params.req("serialNumberType"))
    quantity = params.integer("quantity", required=True) or 0
    if not 1 <= quantity <= MAX_TAKE:
        raise ApiProblem(
            400, "The request is invalid.", f"quantity must be between 1 and {MAX_TAKE}."
        )
    fmt = _check_format(params.text("format"))
    taken = []
    stamp = {
        "state": "Taken",
        "refSN": params.text("refSN"),
        "refPN": params.text("refPN"),
        "stationName": params.text("stationName"),
        "takenUtc": now_utc(),
    }
    with store.transaction():
        free = sorted(
            (r for r in _serial_rows(store, kind["name"]) if r["state"] == "Free"),
            key=lambda r: r["serialNumber"],
        )
        for row in free[:quantity]:
            row.update(stamp)
            store.put("serial", f"{kind['name']}\x1f{row['serialNumber']}", row)
            taken.append(row)
        while len(taken) < quantity and kind["_next"] <= kind["_end"]:
            number = _format(kind, kind["_next"])
            kind["_next"] += 1
            key = f"{kind['name']}\x1f{number}"
            if store.get("serial", key) is not None:
                continue
            row = {"type": kind["name"], "serialNumber": number, **stamp}
            store.put("serial", key, row)
            taken.append(row)
        store.put("serialtype", kind["name"], kind)
    return _render([_public_serial(r) for r in taken], fmt, kind["name"])


def _in_dates(row: dict[str, Any], start: str | None, end: str | None) -> bool:
    taken = parse_datetime(row["takenUtc"]) if row.get("takenUtc") else None
    if start and (taken is None or taken < (parse_datetime(start) or taken)):
        return False
    return not (end and (taken is None or taken > (parse_datetime(end) or taken)))


async def serial_numbers_by_range(request: Request) -> Response:
    """Known numbers (taken or uploaded) between two addresses, optionally taken in a date span."""
    params = Params(request)
    store = store_of(request)
    kind = _serial_type(store, params.req("serialNumberType"))
    low, high = params.req("startAddress").upper(), params.req("endAddress").upper()
    rows = [
        _public_serial(r)
        for r in sorted(_serial_rows(store, kind["name"]), key=lambda r: r["serialNumber"])
        if low <= r["serialNumber"].upper() <= high
        and _in_dates(r, params.text("startDate"), params.text("endDate"))
    ]
    return ok(rows)


async def serial_numbers_by_reference(request: Request) -> Response:
    """Taken numbers whose reference serial and/or part number match (one is required)."""
    params = Params(request)
    store = store_of(request)
    kind = _serial_type(store, params.req("serialNumberType"))
    ref_sn, ref_pn = params.text("refSN"), params.text("refPN")
    if not ref_sn and not ref_pn:
        raise ApiProblem(400, "The request is invalid.", "Give refSN, refPN or both.")
    rows = [
        _public_serial(r)
        for r in _serial_rows(store, kind["name"])
        if r["state"] == "Taken"
        and (not ref_sn or str(r.get("refSN") or "").lower() == ref_sn.lower())
        and (not ref_pn or str(r.get("refPN") or "").lower() == ref_pn.lower())
        and _in_dates(r, params.text("startDate"), params.text("endDate"))
    ]
    return ok(rows)


async def get_serial_numbers(request: Request) -> Response:
    """Export known numbers of a type as XML or CSV, optionally within an address range."""
    params = Params(request)
    store = store_of(request)
    kind = _serial_type(store, params.req("serialNumberType"))
    fmt = _check_format(params.req("format"))
    low = (params.text("startAddress") or "").upper()
    high = (params.text("endAddress") or "").upper()
    rows = [
        _public_serial(r)
        for r in sorted(_serial_rows(store, kind["name"]), key=lambda r: r["serialNumber"])
        if (not low or r["serialNumber"].upper() >= low)
        and (not high or r["serialNumber"].upper() <= high)
        and _in_dates(r, params.text("startDate"), params.text("endDate"))
    ]
    return _render(rows, fmt, kind["name"])


async def put_serial_numbers(request: Request) -> Response:
    """Upload free numbers from an XML (``<SN id=...>``) or CSV (first column) file."""
    params = Params(request)
    store = store_of(request)
    kind = _serial_type(store, params.req("serialNumberType"))
    fmt = _check_format(params.req("format"))
    numbers: list[str] = []
    for _name, _ctype, data in await uploaded_files(request):
        text = data.decode("utf-8-sig", errors="replace")
        if fmt == "CSV":
            for row in csv.reader(io.StringIO(text)):
                if row and row[0].strip() and row[0].strip().lower() != "serialnumber":
                    numbers.append(row[0].strip())
        else:
            import defusedxml.ElementTree as SafeET

            try:
                root = SafeET.fromstring(text)
            except Exception as exc:  # ParseError or a defusedxml refusal
                raise ApiProblem(400, f"The serial-number file is not valid XML: {exc}") from None
            numbers += [
                e.attrib["id"]
                for e in root.iter()
                if e.tag.rsplit("}", 1)[-1] == "SN" and e.attrib.get("id")
            ]
    inserted = 0
    with store.transaction():
        for number in numbers:
            key = f"{kind['name']}\x1f{number}"
            if store.get("serial", key) is None:
                store.put(
                    "serial", key, {"type": kind["name"], "serialNumber": number, "state": "Free"}
                )
                inserted += 1
    return ok({"insertCount": inserted, "skippedCount": len(numbers) - inserted})

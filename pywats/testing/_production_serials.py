"""``/api/Production/SerialNumbers*``: serial-number types, taking numbers, ranges."""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import (
    ApiProblem,
    Params,
    now_utc,
    ok,
    store_of,
    uploaded_files,
)
from pywats.testing._odata import parse_datetime
from pywats.testing._production_units import MAX_TAKE
from pywats.testing._store import Store

__all__ = [
    "get_serial_numbers",
    "put_serial_numbers",
    "serial_number_types",
    "serial_numbers_by_range",
    "serial_numbers_by_reference",
    "take_serial_numbers",
]


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

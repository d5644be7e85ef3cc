"""The emulator's unit records: keys, lookup, the sub-unit tree and the change log.

Shared by the ``/api/Production/*`` handler modules."""

from __future__ import annotations

from typing import Any

from pywats.testing._http import (
    ApiProblem,
)
from pywats.testing._store import Store

__all__ = ["FINALIZED", "MAX_TAKE", "PHASES"]


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

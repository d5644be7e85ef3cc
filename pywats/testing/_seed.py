"""What a fresh emulator knows before anyone posts: processes, a level, a product group,
serial-number types, asset types and software virtual folders.

Seeded ids are fixed (``uuid5`` of a name), so tests and demos can rely on them.
"""

from __future__ import annotations

import uuid
from typing import Any

from pywats.testing._store import Store

__all__ = ["PROCESSES", "SERIAL_TYPES", "seed", "seeded_id"]

_NS = uuid.UUID("6f1c3d52-8a0e-4c57-9d0b-2f5e7a1b9c44")


def seeded_id(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


def _process(
    code: int, name: str, kind: str, index: int, *, active: bool = True, repair_type: int = 0
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "code": code,
        "name": name,
        "description": f"{name} (emulator)",
        "processId": seeded_id(f"process:{code}"),
        "isTestOperation": kind == "test",
        "isRepairOperation": kind == "repair",
        "isWipOperation": kind == "wip",
        "processIndex": index,
        "state": 1 if active else 0,
    }
    if kind == "repair":
        # 0 required, 1 optional, 2 never (reference §2.5)
        row.update(uutBinding=1, bomBinding=1, vendorBinding=2, imageConstraint=1)
        row["repairType"] = repair_type
    return row


# The codes and names seen in the real exports (reference §2.8) plus a WIP and an inactive one.
PROCESSES: list[dict[str, Any]] = [
    _process(10, "SW Debug", "test", 1),
    _process(20, "Legacy test", "test", 2, active=False),
    _process(50, "PCBA test", "test", 3),
    _process(90, "Burn In test", "test", 4),
    _process(100, "End of line test", "test", 5),
    _process(300, "Final assembly", "wip", 6),
    _process(500, "Repair", "repair", 7),
    _process(510, "RMA Repair", "repair", 8, repair_type=0),
]

# Serial-number pools: numbers are handed out from ``start`` upwards, formatted by ``digits``
# (decimal, zero-padded) or as 12 hex digits for MAC addresses.
SERIAL_TYPES: list[dict[str, Any]] = [
    {
        "name": "SerialNumber",
        "description": "Unit serial numbers (emulator pool)",
        "format": "SN{0:D8}",
        "regEx": "^SN[0-9]{8}$",
        "identifier": 0,
        "identifierName": "SerialNumber",
        "_prefix": "SN",
        "_start": 1,
        "_end": 99_999_999,
        "_digits": 8,
        "_base": 10,
    },
    {
        "name": "MacAddress",
        "description": "MAC addresses (emulator pool)",
        "format": "{0:X12}",
        "regEx": "^[0-9A-F]{12}$",
        "identifier": 1,
        "identifierName": "MacAddress",
        "_prefix": "",
        "_start": 0x0050C2000000,
        "_end": 0x0050C2FFFFFF,
        "_digits": 12,
        "_base": 16,
    },
]

_ASSET_TYPES: list[dict[str, Any]] = [
    {
        "typeId": seeded_id("assettype:Fixture"),
        "typeName": "Fixture",
        "runningCountLimit": 10000,
        "totalCountLimit": 1000000,
        "maintenanceInterval": 90.0,
        "calibrationInterval": 365.0,
        "warningThreshold": 80.0,
        "alarmThreshold": 100.0,
        "isReadonly": False,
        "icon": "fixture",
    },
    {
        "typeId": seeded_id("assettype:Instrument"),
        "typeName": "Instrument",
        "runningCountLimit": None,
        "totalCountLimit": None,
        "maintenanceInterval": None,
        "calibrationInterval": 365.0,
        "warningThreshold": 80.0,
        "alarmThreshold": 100.0,
        "isReadonly": False,
        "icon": "instrument",
    },
]


def seed(store: Store) -> None:
    """Fill an empty store with the fixed starting data."""
    with store.transaction():
        for process in PROCESSES:
            store.put("process", str(process["code"]), process)
        store.put("level", "1", {"levelId": 1, "levelName": "Emulator", "parentLevelId": None})
        group_id = seeded_id("productgroup:All products")
        store.put(
            "productgroup",
            "All products",
            {"productGroupId": group_id, "productGroupName": "All products", "filters": []},
        )
        for kind in SERIAL_TYPES:
            store.put("serialtype", kind["name"], {**kind, "_next": kind["_start"]})
        for asset_type in _ASSET_TYPES:
            store.put("assettype", asset_type["typeId"], asset_type)
        root_id = seeded_id("folder:Root")
        store.put(
            "folder",
            root_id,
            {"id": root_id, "parentId": None, "name": "Root", "description": "Top folder"},
        )
        stations_id = seeded_id("folder:Stations")
        store.put(
            "folder",
            stations_id,
            {
                "id": stations_id,
                "parentId": root_id,
                "name": "Stations",
                "description": "Test-station software",
            },
        )
        store.mark_seeded()

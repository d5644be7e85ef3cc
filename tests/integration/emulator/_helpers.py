"""Report builders and paths shared by the emulator tests."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

# tests/integration/emulator/_helpers.py -> parents[4] is the repository's parent folder
SHARED = Path(__file__).resolve().parents[4] / "shared"
REAL_REPORTS = SHARED / "fixtures" / "real-reports"


def real_report(name: str) -> dict[str, Any]:
    import pytest

    path = REAL_REPORTS / name
    if not path.is_file():
        pytest.skip(f"real server exports not found at {REAL_REPORTS} (../shared is absent)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8-sig"))
    return data


def uut_report(
    *,
    steps: int = 50,
    sn: str = "SN-0001",
    pn: str = "PCB-1001",
    result: str = "P",
    process_code: int = 10,
    start: str = "2026-03-02T10:15:30.000+01:00",
    fail_step: int | None = None,
) -> dict[str, Any]:
    """A valid UUT report with ``steps`` numeric steps (step ``fail_step`` fails)."""
    children = []
    for i in range(steps):
        failed = i == fail_step
        children.append(
            {
                "id": i + 2,
                "group": "M",
                "stepType": "ET_NLT",
                "name": f"Step {i}",
                "status": "F" if failed else "P",
                "totTime": 0.01,
                "numericMeas": [
                    {
                        "compOp": "GELE",
                        "name": None,
                        "status": "F" if failed else "P",
                        "unit": "V",
                        "value": 6.0 if failed else 5.0 + i / 1000,
                        "lowLimit": 4.75,
                        "highLimit": 5.25,
                    }
                ],
            }
        )
    report: dict[str, Any] = {
        "type": "T",
        "id": str(uuid.uuid4()),
        "pn": pn,
        "sn": sn,
        "rev": "A",
        "processCode": process_code,
        "result": result,
        "machineName": "STATION-01",
        "location": "Line 1",
        "purpose": "Production",
        "start": start,
        "uut": {"user": "operator1", "execTime": 1.25},
        "root": {
            "id": 1,
            "group": "M",
            "stepType": "SequenceCall",
            "name": "MainSequence Callback",
            "status": result,
            "totTime": 1.25,
            "seqCall": {"path": "C:/Tests/main.seq", "name": "MainSequence", "version": "1.0"},
            "steps": children,
        },
    }
    if fail_step is not None:
        report["uut"]["stepIdCausedUUTFailure"] = fail_step + 2
    return report


def uur_report(
    ref_uut: str | None = None, *, sn: str = "SN-0001", pn: str = "PCB-1001"
) -> dict[str, Any]:
    """A valid UUR report with one failure carrying an attachment and one binaryData item."""
    return {
        "type": "R",
        "id": str(uuid.uuid4()),
        "pn": pn,
        "sn": sn,
        "rev": "A",
        "processCode": 500,
        "result": "P",
        "machineName": "REPAIR-01",
        "location": "Bench",
        "purpose": "Repair",
        "start": "2026-03-03T09:00:00.000+01:00",
        "uur": {"user": "tech", "processCode": 10, "refUUT": ref_uut, "comment": "Fixed"},
        "subUnits": [
            {
                "partType": "Main",
                "pn": pn,
                "rev": "A",
                "sn": sn,
                "idx": 0,
                "failures": [
                    {
                        "category": "Component",
                        "code": "Defective",
                        "comRef": "U3",
                        "refStepId": 3,
                        "attachments": [
                            {"name": "u3.jpg", "contentType": "image/jpeg", "data": "/9j/4AAQ"}
                        ],
                    }
                ],
            }
        ],
        "binaryData": [{"name": "log.txt", "contentType": "text/plain", "data": "UmVwYWlyIE9L"}],
    }

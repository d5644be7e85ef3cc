"""Report files for the CLI tests, built with the SDK's report builder."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pywats.reports import CompOp, UUTReport


def make_report(path: Path, *, sn: str = "SN-1", volts: float = 3.31) -> Path:
    """A one-step UUT report saved as WSJF; ``volts`` outside 3.2..3.4 makes it fail."""
    report = UUTReport(
        pn="PCB-1001",
        sn=sn,
        rev="A",
        process_code=10,
        station_name="ST-01",
        location="Line 1",
        purpose="Production",
        operator="op1",
        start=datetime(2026, 11, 1, 8, 0, tzinfo=UTC),
    )
    power = report.root.add_sequence("Power")
    power.add_numeric_step("3V3", value=volts, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V")
    report.save(path)
    return path


def make_broken(path: Path) -> Path:
    data = json.loads(make_report(path).read_text())
    data["pn"] = ""
    del data["sn"]
    path.write_text(json.dumps(data))
    return path


def upload_package(api: Any, files: dict[str, bytes], *, name: str = "station-tools") -> str:
    """A software package holding ``files`` (zip member name -> bytes) on the emulator; its id."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    package_id = str(api.software.create_package({"name": name}).package_id)
    api.software.upload_zip(package_id, buffer.getvalue())
    return package_id

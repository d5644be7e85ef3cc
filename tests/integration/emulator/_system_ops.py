"""The SystemManager, SystemStatus, Export and Workflow part of the every-operation scenario.

Called by test_every_operation.py after reports (from STATION-01) and unit SN-1/PCB-1001 exist.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any


def drive_system_operations(drive: Any) -> None:
    nodes = drive("GET", "/api/SystemManager/Clients").json()
    station = next(n for n in nodes if n["name"] == "STATION-01")
    assert station["type"] == "Client"
    assert station["location"] == "Line 1"
    drive("GET", "/api/SystemManager/Client", params={"name": "station-01"})
    drive(
        "PUT",
        "/api/SystemManager/Client",
        params={"moveWithHistory": "false"},
        json={"clientId": station["clientId"], "location": "Line 9", "purpose": "Audit"},
    )
    again = drive("GET", "/api/SystemManager/Client", params={"identifier": station["identifier"]})
    assert again.json()["location"] == "Line 9"
    log = drive(
        "GET",
        "/api/SystemManager/ClientLog/{identifier}",
        path={"identifier": station["identifier"]},
    ).json()
    assert "location" in log["text"]
    created = drive("POST", "/api/SystemManager/Level", json=["Emulator", "Line 9"]).json()
    path = [("hierarchy", "Emulator"), ("hierarchy", "Line 9")]
    found = drive("GET", "/api/SystemManager/Level", params=path).json()
    assert found == created
    assert drive("GET", "/api/SystemStatus").json()["Status"] == "Running"

    name = drive(
        "POST",
        "/api/Export/Certificate",
        params={"headerDataOnly": "true", "asIndividualFiles": "true", "email": "qa@example.com"},
        json={"serialNumber": "SN-1"},
    ).json()["exportFileName"]
    assert name in drive("GET", "/api/Export/List").json()
    data = drive("GET", "/api/Export/{fileName}", path={"fileName": name.removesuffix(".zip")})
    with zipfile.ZipFile(io.BytesIO(data.content)) as archive:
        assert archive.namelist()

    unit = {"serialNumber": "SN-1", "partNumber": "PCB-1001"}
    assert drive("GET", "/api/Workflow/StartTest", params={**unit, "operatorName": "ann"}).json()
    assert drive("GET", "/api/Workflow/EndTest", params={**unit, "passed": "false"}).json()

"""Domain rules beyond "it answers": products, production, assets, software, tickets, analytics."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest

from pywats.testing import Emulator

from ._helpers import uur_report, uut_report


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_product_upsert_revisions_and_404(client: httpx.Client) -> None:
    first = client.put("/api/Product", json={"partNumber": "P-1", "name": "One"}).json()
    again = client.put(
        "/api/Product", json={"partNumber": "p-1", "description": "same product"}
    ).json()
    assert again["productId"] == first["productId"]
    assert again["name"] == "One"
    assert (
        client.put(
            "/api/Product/Revision", json={"PartNumber": "NOPE", "revision": "A"}
        ).status_code
        == 400
    )
    client.put("/api/Product/Revision", json={"productId": first["productId"], "revision": "A"})
    product = client.get("/api/Product/P-1").json()
    assert [r["revision"] for r in product["revisions"]] == ["A"]
    assert product["revisions"][0]["PartNumber"] == "P-1"
    assert client.get("/api/Product/P-2").status_code == 404
    assert client.get("/api/Product/P-1/Z").status_code == 404


def test_invalid_bom_is_500_as_documented(client: httpx.Client) -> None:
    response = client.put(
        "/api/Product/BOM", content=b"<BOM", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 500
    assert "BOM is invalid" in response.json()["Message"]


def test_units_need_products_and_child_rules(client: httpx.Client) -> None:
    client.put("/api/Products", json=[{"partNumber": "TOP"}, {"partNumber": "SUB"}])
    result = client.put(
        "/api/Production/Units",
        json=[
            {"serialNumber": "T1", "partNumber": "TOP"},
            {"serialNumber": "S1", "partNumber": "SUB"},
            {"serialNumber": "X1", "partNumber": "UNKNOWN"},
        ],
    ).json()
    assert (result["insertCount"], result["errorCount"]) == (2, 1)
    relation = {
        "parentSerialNumber": "T1",
        "parentPartNumber": "TOP",
        "childSerialNumber": "S1",
        "childPartNumber": "SUB",
        "checkPartNumber": "",
        "checkRevision": "",
    }
    not_final = client.post("/api/Production/AddChildUnit", params=relation)
    assert not_final.status_code == 400
    assert "Finalized" in not_final.json()["Message"]
    client.put(
        "/api/Production/SetUnitPhase",
        params={"serialNumber": "S1", "partNumber": "SUB", "phase": 16},
    )
    tree = client.post("/api/Production/AddChildUnit", params=relation).json()
    assert [u["serialNumber"] for u in tree["subUnits"]] == ["S1"]
    again = client.post("/api/Production/AddChildUnit", params=relation)
    assert "already has a parent" in again.json()["Message"]
    assert (
        client.put(
            "/api/Production/SetUnitPhase",
            params={"serialNumber": "S1", "partNumber": "SUB", "phase": 3},
        ).status_code
        == 400
    )
    assert client.get("/api/Production/Unit/NOPE/TOP").status_code == 404


def test_unit_verification_grades_from_reports(client: httpx.Client) -> None:
    client.post(
        "/api/Report/WSJF",
        json=uut_report(sn="V1", result="F", fail_step=0, start="2026-03-01T10:00:00+00:00"),
    )
    client.post("/api/Report/WSJF", json=uut_report(sn="V1", start="2026-03-01T11:00:00+00:00"))
    grade = client.get("/api/Production/UnitVerification", params={"serialNumber": "V1"}).json()
    assert grade["status"] == "Passed"
    assert grade["grade"] == "B"
    assert grade["allProcessesPassedFirstRun"] is False
    assert grade["results"][0]["totalCount"] == 2
    assert (
        client.get("/api/Production/UnitVerification", params={"serialNumber": "NONE"}).json()[
            "status"
        ]
        == "Unknown"
    )


def test_serial_numbers_are_taken_once(client: httpx.Client) -> None:
    params = {"serialNumberType": "SerialNumber", "quantity": 2, "format": "CSV", "refPN": "TOP"}
    first = client.post("/api/Production/SerialNumbers/Take", params=params).text.splitlines()[1:]
    second = client.post("/api/Production/SerialNumbers/Take", params=params).text.splitlines()[1:]
    assert [row.split(",")[0] for row in first] == ["SN00000001", "SN00000002"]
    assert [row.split(",")[0] for row in second] == ["SN00000003", "SN00000004"]
    by_ref = client.get(
        "/api/Production/SerialNumbers/ByReference",
        params={"serialNumberType": "SerialNumber", "refPN": "top"},
    ).json()
    assert len(by_ref) == 4
    assert (
        client.post(
            "/api/Production/SerialNumbers/Take", params={**params, "serialNumberType": "Nope"}
        ).status_code
        == 404
    )


def test_asset_counts_calibration_and_report_usage(
    client: httpx.Client, fresh_emulator: Emulator
) -> None:
    type_id = client.get("/api/Asset/Types").json()[0]["typeId"]
    asset = client.put(
        "/api/Asset", json={"serialNumber": "FX-9", "typeId": type_id, "totalCount": 999}
    ).json()
    assert asset["totalCount"] == 0  # PUT never changes counts
    client.put("/api/Asset/Count", params={"serialNumber": "FX-9", "totalCount": 7})
    report = uut_report()
    report["assets"] = [{"assetSN": "FX-9", "usageCount": 3}]
    client.post("/api/Report/WSJF", json=report)
    client.post("/api/Report/WSJF", json=report)  # a re-post does not count twice
    counted = client.get("/api/Asset/FX-9").json()
    assert (counted["runningCount"], counted["totalCount"]) == (10, 10)
    stats = client.get(f"/api/Report/Wsjf/{report['id']}").json()["assetStats"]
    assert stats[0]["assetSN"] == "FX-9"
    assert stats[0]["runningCount"] == 10
    client.post("/api/Asset/Calibration", params={"serialNumber": "FX-9"})
    calibrated = client.get("/api/Asset/FX-9").json()
    assert calibrated["runningCount"] == 0
    assert calibrated["totalCount"] == 10
    assert calibrated["nextCalibrationDate"]
    log_types = [
        e["type"]
        for e in client.get("/api/Asset/Log", params={"$filter": "serialNumber eq 'FX-9'"}).json()
    ]
    assert log_types[0] == 4  # newest first: the calibration
    assert client.put("/api/Asset", json={"serialNumber": "FX-10"}).status_code == 400
    assert client.get("/api/Asset/NOPE").status_code == 404


def test_software_status_rules(client: httpx.Client) -> None:
    package = client.post("/api/Software/Package", json={"name": "Fw"}).json()
    pid = package["packageId"]
    root_file = client.post(
        f"/api/Software/Package/UploadZip/{pid}",
        files={"f": ("z.zip", _zip({"a.txt": b"x"}), "application/zip")},
    )
    assert root_file.status_code == 400
    assert (
        client.post(f"/api/Software/PackageStatus/{pid}", params={"status": "Released"}).status_code
        == 400
    )
    client.post(f"/api/Software/PackageStatus/{pid}", params={"status": "Pending"})
    frozen = client.put(f"/api/Software/Package/{pid}", json={"description": "changed"})
    assert frozen.status_code == 400
    assert client.delete(f"/api/Software/Package/{pid}").status_code == 400
    client.post(f"/api/Software/PackageStatus/{pid}", params={"status": "Released"})
    released = client.get(
        "/api/Software/PackageByName", params={"name": "fw", "status": "released"}
    ).json()
    assert released["releasedBy"] == "emulator"
    assert (
        client.get(
            "/api/Software/PackageByName", params={"name": "fw", "status": "Draft"}
        ).status_code
        == 404
    )


def _download(client: httpx.Client, file_id: str) -> httpx.Response:
    return client.get(
        "/api/internal/Software/DownloadFile", params={"repositoryFolderFileId": file_id}
    )


def test_software_file_contents_follow_uploads(client: httpx.Client) -> None:
    pid = client.post("/api/Software/Package", json={"name": "Tools"}).json()["packageId"]
    upload = f"/api/Software/Package/UploadZip/{pid}"
    blob = bytes(range(256)) * 40
    client.post(upload, files={"file": ("z.zip", _zip({"bin/a.bin": blob, "cfg/b.ini": b"k=1"}))})
    ids = {
        f"{f['packageFolderName']}/{f['name']}": f["packageFileId"]
        for f in client.get(f"/api/Software/PackageFiles/{pid}").json()
    }
    answer = _download(client, ids["bin/a.bin"].upper())  # GUIDs match in any case
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/octet-stream"
    assert answer.content == blob
    # A merge that brings the same path again keeps the file id and replaces the contents.
    client.post(upload, files={"file": ("z.zip", _zip({"BIN/A.BIN": b"new"}))})
    assert _download(client, ids["bin/a.bin"]).content == b"new"
    assert _download(client, ids["cfg/b.ini"]).content == b"k=1"
    # A clean install drops the old files, contents included.
    client.post(
        upload, params={"cleanInstall": "true"}, files={"file": ("z.zip", _zip({"x/c": b"c"}))}
    )
    gone = _download(client, ids["cfg/b.ini"])
    assert gone.status_code == 404
    assert gone.json()["Message"] == f"No package file with id '{ids['cfg/b.ini']}' exists."
    assert _download(client, "not-a-guid").status_code == 400
    assert client.get("/api/internal/Software/DownloadFile").status_code == 400


def test_tickets_archive_only_when_solved(client: httpx.Client) -> None:
    ticket = client.post(
        "/api/RootCause/Ticket", json={"subject": "Noise", "assignee": "emulator"}
    ).json()
    assert ticket["ticketNumber"] == 1
    assert ticket["owner"] == "emulator"
    assert (
        client.post("/api/RootCause/ArchiveTickets", json=[ticket["ticketId"]]).status_code == 400
    )
    updated = client.put(
        "/api/RootCause/Ticket",
        json={"ticketId": ticket["ticketId"], "status": 8, "update": {"content": "fixed"}},
    ).json()
    assert [h["updateType"] for h in updated["history"]] == [2, 0]
    assigned = client.get("/api/RootCause/Tickets", params={"status": 8, "view": 0}).json()
    assert [t["ticketId"] for t in assigned] == [ticket["ticketId"]]
    assert client.get("/api/RootCause/Tickets", params={"status": 1, "view": 2}).json() == []
    assert (
        client.get(
            "/api/RootCause/Ticket", params={"ticketId": "00000000-0000-0000-0000-000000000000"}
        ).status_code
        == 404
    )


@pytest.fixture
def yield_data(client: httpx.Client) -> None:
    # Unit A passes first time; unit B fails then passes; unit C fails twice.
    runs = [("A", "P"), ("B", "F"), ("B", "P"), ("C", "F"), ("C", "F")]
    for hour, (sn, result) in enumerate(runs):
        client.post(
            "/api/Report/WSJF",
            json=uut_report(
                steps=3,
                sn=sn,
                result=result,
                fail_step=1 if result == "F" else None,
                start=f"2026-03-01T{10 + hour:02d}:00:00+00:00",
            ),
        )
    client.post("/api/Report/WSJF", json=uur_report(sn="B"))


def test_yield_kpis(client: httpx.Client, yield_data: None) -> None:
    (row,) = client.post(
        "/api/App/DynamicYield", json={"dimensions": "partNumber;testOperation"}
    ).json()
    assert (row["unitCount"], row["fpCount"], row["spCount"], row["lpCount"]) == (3, 1, 2, 2)
    assert row["testReportCount"] == 5
    assert row["retestCount"] == 2
    assert row["fpy"] == pytest.approx(100 / 3, rel=1e-3)
    only = client.post(
        "/api/App/DynamicYield", params={"dimensions": "fpy;partNumber"}, json={}
    ).json()
    assert set(only[0]) == {"partNumber", "fpy"}
    top = client.post("/api/App/TopFailed", json={}).json()
    assert (top[0]["stepName"], top[0]["failCount"], top[0]["totalCount"]) == ("Step 1", 3, 5)
    repairs = client.post(
        "/api/App/DynamicRepair", json={"dimensions": "repairCount desc;repairCode"}
    ).json()
    assert repairs == [{"repairCode": "Defective", "repairCount": 1}]


def test_measurements_and_step_analysis(client: httpx.Client, yield_data: None) -> None:
    flt = {"partNumber": "PCB-1001", "testOperation": "SW Debug"}
    assert client.post("/api/App/Measurements", json={}).status_code == 400
    path = "MainSequence Callback\u00b6Step 0"
    rows = client.post("/api/App/Measurements", params={"measurementPaths": path}, json=flt).json()
    assert len(rows) == 5
    assert {r["stepName"] for r in rows} == {"Step 0"}
    (agg,) = client.post(
        "/api/App/AggregatedMeasurements", params={"measurementPaths": path}, json=flt
    ).json()
    assert agg["count"] == 5
    assert agg["avg"] == pytest.approx(5.0)
    steps = client.post("/api/App/TestStepAnalysis", json=flt).json()
    step1 = next(s for s in steps if s["stepName"] == "Step 1")
    assert (step1["stepCount"], step1["stepFailedCount"]) == (3, 2)  # first runs of A, B, C
    assert step1["stepCausedUutFailed"] == 2

"""Every operation answers over a real socket, and every answer validates against our spec.

The emulator's ``ROUTES`` and ``openapi/wats.yaml`` must list the same operations; one scenario
then drives all of them with valid input, in an order that creates what later calls need, and
checks each 200 body against the operation's response schema (OpenAPI 3.1 = JSON Schema 2020-12).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from pywats.station.converters.wsxf import wsjf_to_wsxf
from pywats.testing import ROUTES, Emulator

from ._drive_issue20 import drive_auth_scim_barcodes
from ._helpers import uur_report, uut_report
from ._system_ops import drive_system_operations

SPEC_PATH = Path(__file__).resolve().parents[3] / "openapi" / "wats.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    if not SPEC_PATH.is_file():
        pytest.skip(f"{SPEC_PATH} not found")
    data: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return data


def test_routes_equal_the_spec_operations(spec: dict[str, Any]) -> None:
    in_spec = {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m in METHODS}
    in_routes = [(op.method, op.template) for op in ROUTES]
    assert len(in_routes) == len(set(in_routes)), "an operation is listed twice in ROUTES"
    assert set(in_routes) == in_spec
    for op in ROUTES:  # path parameter names match too
        path_params = {
            p["name"]
            for p in spec["paths"][op.template][op.method.lower()].get("parameters", [])
            if "$ref" not in p and p.get("in") == "path"
        }
        assert path_params == set(re.findall(r"{(\w+)}", op.template)), op


class Driver:
    """Calls operations by their spec template and checks each answer against the spec."""

    def __init__(self, client: httpx.Client, spec: dict[str, Any]) -> None:
        from openapi_schema_validator import OAS31Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self.client = client
        self.spec = spec
        self.seen: set[tuple[str, str]] = set()
        self.registry = Registry().with_resource(
            "urn:wats", Resource.from_contents(spec, default_specification=DRAFT202012)
        )
        self.validator_cls = OAS31Validator

    def __call__(
        self,
        method: str,
        template: str,
        *,
        path: dict[str, Any] | None = None,
        expect: int = 200,
        **kwargs: Any,
    ) -> httpx.Response:
        url = template.format(**(path or {}))
        response = self.client.request(method, url, **kwargs)
        assert response.status_code == expect, (
            f"{method} {url}: {response.status_code} {response.text[:300]}"
        )
        self.seen.add((method, template))
        if response.status_code == 200:
            self.check(method, template, response)
        return response

    def check(self, method: str, template: str, response: httpx.Response) -> None:
        answer = self.spec["paths"][template][method.lower()]["responses"]["200"]
        content = answer.get("content") or {}
        if not content:
            return
        media = next(iter(content))
        schema = content[media].get("schema", {})
        if media.endswith("json"):
            assert "json" in response.headers["content-type"], (method, template)
            pointer = "/".join(
                part.replace("~", "~0").replace("/", "~1")
                for part in (
                    "paths",
                    template,
                    method.lower(),
                    "responses",
                    "200",
                    "content",
                    media,
                    "schema",
                )
            )
            validator = self.validator_cls({"$ref": f"urn:wats#/{pointer}"}, registry=self.registry)
            errors = sorted(validator.iter_errors(response.json()), key=str)
            assert not errors, (
                f"{method} {template}: {errors[0].message} at {list(errors[0].absolute_path)}"
            )
        else:
            assert schema.get("type") == "string", (method, template)
            assert response.content, (method, template)


@pytest.fixture
def drive(client: httpx.Client, spec: dict[str, Any]) -> Driver:
    return Driver(client, spec)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_every_operation_answers_and_matches_the_spec(
    drive: Driver, fresh_emulator: Emulator
) -> None:
    # -- products
    drive("PUT", "/api/Product", json={"partNumber": "PCB-1001", "name": "Main board"})
    drive("PUT", "/api/Product/Revision", json={"PartNumber": "PCB-1001", "revision": "A"})
    drive(
        "PUT",
        "/api/Products",
        json=[{"partNumber": "PSU-1", "name": "Supply"}, {"partNumber": "CHILD-1"}],
    )
    drive(
        "PUT",
        "/api/Products/Revisions",
        json=[{"PartNumber": "PSU-1", "revision": "1"}, {"PartNumber": "CHILD-1", "revision": "B"}],
    )
    drive("GET", "/api/Product/{partNumber}", path={"partNumber": "pcb-1001"})
    drive(
        "GET",
        "/api/Product/{partNumber}/{revision}",
        path={"partNumber": "PCB-1001", "revision": "A"},
    )
    drive("GET", "/api/Product/Query", params={"$filter": "partNumber eq 'PSU-1'"})
    bom = (
        b'<BOM xmlns="http://wats.virinco.com/schemas/WATS/wsbf" Partnumber="PCB-1001" '
        b'Revision="A"><Component Number="R1" Rev="1" Qty="2" Ref="R1;R2"/></BOM>'
    )
    drive("PUT", "/api/Product/BOM", content=bom, headers={"Content-Type": "application/xml"})
    drive(
        "POST",
        "/api/Product/ProductGroupFilter",
        params={"productGroup": "All products", "partNumber": "PCB-1001"},
    )
    groups = drive(
        "GET", "/api/Product/ProductGroupsByProduct", params={"partNumber": "PCB-1001"}
    ).json()
    assert groups[0]["productGroupName"] == "All products"
    drive("PUT", "/api/Product/Vendors", json=[{"VendorName": "Acme"}, {"VendorName": "Globex"}])
    drive("DELETE", "/api/Product/Vendors", json=[{"VendorName": "Globex"}])
    assert drive("GET", "/api/Product/Vendors").json() == [{"VendorName": "Acme"}]

    # -- reports
    failing = uut_report(steps=5, sn="SN-1", result="F", fail_step=1)
    failing["root"]["steps"][0]["attachment"] = {
        "name": "a.txt",
        "contentType": "text/plain",
        "data": "aGk=",
    }
    failing["miscInfos"] = [{"description": "Firmware", "text": "1.0"}]
    drive("POST", "/api/Report/WSJF", json=failing)
    passing = uut_report(steps=5, sn="SN-1", start="2026-03-02T11:00:00.000+01:00")
    drive("POST", "/api/Report/WSJF", json=passing)
    repair = uur_report(failing["id"], sn="SN-1")
    drive("POST", "/api/Report/WSJF", json=repair)
    drive("GET", "/api/Report/Wsjf/{id}", path={"id": failing["id"]})
    drive(
        "GET",
        "/api/Report/Query/Header",
        params={
            "$expand": "subUnits,miscInfo,assets,attachments,uurSubUnits,uurMiscInfo,uurAttachments"
        },
    )
    drive("GET", "/api/Report/Query/HeaderByMiscInfo", params={"description": "Firmware"})
    drive("GET", "/api/Report/Attachment", params={"reportId": failing["id"], "stepId": 2})
    drive("GET", "/api/Report/Attachments/{id}", path={"id": repair["id"]})
    drive("GET", "/api/Report/Certificate/{id}", path={"id": failing["id"]})
    drive(
        "POST",
        "/api/Report/WSXF",
        content=wsjf_to_wsxf(uut_report(steps=2, sn="SN-XML")),
        headers={"Content-Type": "application/xml"},
    )
    drive("GET", "/api/Report/Wsxf/{id}", path={"id": failing["id"]})

    # -- production
    units = [
        {"serialNumber": "SN-1", "partNumber": "PCB-1001", "revision": "A"},
        {"serialNumber": "C-1", "partNumber": "CHILD-1", "revision": "B"},
    ]
    assert drive("PUT", "/api/Production/Units", json=units).json()["insertCount"] == 2
    drive(
        "GET",
        "/api/Production/Unit/{serialNumber}/{partNumber}",
        path={"serialNumber": "SN-1", "partNumber": "PCB-1001"},
    )
    drive("GET", "/api/Production/UnitVerification", params={"serialNumber": "SN-1"})
    drive(
        "PUT",
        "/api/Production/SetUnitPhase",
        params={"serialNumber": "C-1", "partNumber": "CHILD-1", "phase": 16},
    )
    drive(
        "PUT",
        "/api/Production/SetUnitProcess",
        params={"serialNumber": "SN-1", "partNumber": "PCB-1001", "processName": "PCBA test"},
    )
    child = {
        "parentSerialNumber": "SN-1",
        "parentPartNumber": "PCB-1001",
        "childSerialNumber": "C-1",
        "childPartNumber": "CHILD-1",
    }
    drive(
        "POST",
        "/api/Production/AddChildUnit",
        params={**child, "checkPartNumber": "", "checkRevision": ""},
    )
    checked = drive(
        "GET",
        "/api/Production/CheckChildUnits",
        params={"parentSerialNumber": "SN-1", "parentPartNumber": "PCB-1001"},
    ).json()
    assert checked["ok"] is True
    drive("POST", "/api/Production/RemoveChildUnit", params=child)
    changes = drive("GET", "/api/Production/Units/Changes", params={"maxCount": 10}).json()
    assert changes
    drive("DELETE", "/api/Production/Units/Changes/{id}", path={"id": changes[0]["id"]})
    drive("PUT", "/api/Production/Batches", json=[{"batchNumber": "B-1", "batchSize": 10}])
    drive("GET", "/api/Production/SerialNumbers/Types")
    taken = drive(
        "POST",
        "/api/Production/SerialNumbers/Take",
        params={
            "serialNumberType": "SerialNumber",
            "quantity": 3,
            "refSN": "SN-1",
            "format": "XML",
        },
    )
    assert taken.text.count("<SN ") == 3
    drive(
        "GET",
        "/api/Production/SerialNumbers/ByRange",
        params={
            "serialNumberType": "SerialNumber",
            "startAddress": "SN00000001",
            "endAddress": "SN00000002",
        },
    )
    drive(
        "GET",
        "/api/Production/SerialNumbers/ByReference",
        params={"serialNumberType": "SerialNumber", "refSN": "SN-1"},
    )
    drive(
        "GET",
        "/api/Production/SerialNumbers",
        params={"serialNumberType": "SerialNumber", "format": "CSV"},
    )
    upload = {"file": ("sn.csv", b"SerialNumber\nX-1\nX-2\n", "text/csv")}
    drive(
        "PUT",
        "/api/Production/SerialNumbers",
        params={"serialNumberType": "SerialNumber", "format": "CSV"},
        files=upload,
    )

    # -- assets
    types = drive("GET", "/api/Asset/Types").json()
    new_type = drive(
        "PUT", "/api/Asset/Types", json={"typeName": "Probe", "runningCountLimit": 10}
    ).json()
    fixture = drive(
        "PUT",
        "/api/Asset",
        json={"serialNumber": "FX-1", "typeId": types[0]["typeId"], "assetName": "Fixture 1"},
    ).json()
    drive(
        "PUT",
        "/api/Asset",
        json={"serialNumber": "PR-1", "typeId": new_type["typeId"], "parentSerialNumber": "FX-1"},
    )
    drive("GET", "/api/Asset", params={"$filter": "serialNumber eq 'FX-1'"})
    drive("GET", "/api/Asset/{assetId}", path={"assetId": fixture["assetId"]})
    drive("GET", "/api/Asset/{assetId}", path={"assetId": "PR-1"})
    drive("GET", "/api/Asset/Status", params={"serialNumber": "FX-1"})
    drive("PUT", "/api/Asset/State", params={"serialNumber": "FX-1", "state": 3})
    drive(
        "PUT",
        "/api/Asset/Count",
        params={"serialNumber": "FX-1", "incrementBy": 5, "incrementChildren": "true"},
    )
    drive(
        "POST",
        "/api/Asset/ResetRunningCount",
        params={"id": fixture["assetId"], "comment": "new day"},
    )
    drive(
        "POST",
        "/api/Asset/Calibration",
        params={"serialNumber": "FX-1", "dateTime": "2026-03-01T08:00:00Z"},
    )
    drive("POST", "/api/Asset/Maintenance", params={"serialNumber": "FX-1"})
    drive(
        "POST", "/api/Asset/Message", params={"serialNumber": "FX-1"}, json={"content": "Cleaned"}
    )
    drive("GET", "/api/Asset/Log", params={"$top": 5})
    subs = drive("GET", "/api/Asset/SubAssets", params={"serialNumber": "FX-1"}).json()
    assert [a["serialNumber"] for a in subs] == ["PR-1"]
    drive("DELETE", "/api/Asset", params={"serialNumber": "PR-1"})

    # -- analytics and processes
    filter_ = {"partNumber": "PCB-1001", "testOperation": "SW Debug"}
    for template in (
        "/api/App/Version",
        "/api/App/Levels",
        "/api/App/ProductGroups",
        "/api/App/Processes",
    ):
        drive("GET", template)
    drive("GET", "/api/App/CommonUserSettings", params={"UserName": "emulator"})
    drive(
        "POST",
        "/api/App/DynamicYield",
        json={"dimensions": "unitCount desc;partNumber;testOperation"},
    )
    drive("POST", "/api/App/DynamicRepair", json={})
    get_window = {"days": 36500, "productGroupId": groups[0]["productGroupId"], "levelId": "1"}
    for name in ("VolumeYield", "HighVolume", "WorstYield"):
        drive("GET", f"/api/App/{name}", params=get_window)
        drive("POST", f"/api/App/{name}", json={})
    drive("POST", "/api/App/HighVolumeByProductGroup", json={})
    drive("POST", "/api/App/WorstYieldByProductGroup", json={})
    drive(
        "GET",
        "/api/App/TopFailed",
        params={**get_window, "partNumber": "PCB-1001", "processCode": "10", "count": 5},
    )
    top = drive("POST", "/api/App/TopFailed", json={"partNumber": "PCB-1001"}).json()
    assert top[0]["stepName"] == "Step 1"
    drive("POST", "/api/App/TestStepAnalysis", json=filter_)
    drive("POST", "/api/App/Measurements", json=filter_)
    drive("POST", "/api/App/AggregatedMeasurements", json=filter_)
    drive("POST", "/api/App/OeeAnalysis", params={"availableTime": "24,24,24,24,24,24,24"}, json={})
    drive("POST", "/api/App/SerialNumberHistory", json={"serialNumber": "SN-1"})
    drive("GET", "/api/App/UutReport", params={"serialNumber": "SN-1"})
    drive("POST", "/api/App/UutReport", json={"serialNumber": "SN-1"})
    drive("POST", "/api/App/UurReport", json={})
    drive(
        "GET", "/api/App/RelatedRepairHistory", params={"partNumber": "PCB-1001", "revision": "A"}
    )

    # -- software
    folders = drive("GET", "/api/Software/VirtualFolders").json()
    package = drive(
        "POST",
        "/api/Software/Package",
        json={
            "name": "Tools",
            "virtualFolderId": folders[0]["id"],
            "tags": [{"key": "line", "value": "1"}],
        },
    ).json()
    pid = {"id": package["packageId"]}
    drive(
        "PUT",
        "/api/Software/Package/{id}",
        path=pid,
        json={**package, "description": "Station tools"},
    )
    drive(
        "POST",
        "/api/Software/Package/UploadZip/{id}",
        path=pid,
        files={"file": ("p.zip", _zip({"bin/tool.exe": b"MZ"}), "application/zip")},
    )
    files = drive("GET", "/api/Software/PackageFiles/{id}", path=pid).json()
    content = drive(
        "GET",
        "/api/internal/Software/DownloadFile",
        params={"repositoryFolderFileId": files[0]["packageFileId"]},
    )
    assert content.content == b"MZ"
    drive(
        "POST",
        "/api/Software/Package/FileAttribute/{id}",
        path={"id": files[0]["packageFileId"]},
        params={"attribute": "executeonce"},
    )
    drive("POST", "/api/Software/PackageStatus/{id}", path=pid, params={"status": "Pending"})
    drive("POST", "/api/Software/PackageStatus/{id}", path=pid, params={"status": "Released"})
    drive("GET", "/api/Software/Packages")
    drive("GET", "/api/Software/Package/{id}", path=pid)
    drive("GET", "/api/Software/PackageByName", params={"name": "Tools", "status": "Released"})
    drive("GET", "/api/Software/PackagesByTag", params={"tag": "line=1", "status": "Released"})
    draft = drive("POST", "/api/Software/Package", json={"name": "Tools"}).json()
    assert draft["version"] == 2
    drive(
        "DELETE", "/api/Software/PackageByName", params={"name": "Tools", "version": 2}, expect=204
    )
    drive("POST", "/api/Software/PackageStatus/{id}", path=pid, params={"status": "Revoked"})
    drive("DELETE", "/api/Software/Package/{id}", path=pid, expect=204)

    # -- root cause
    attachment_id = drive(
        "POST", "/api/RootCause/Attachment", files={"file": ("photo.png", b"\x89PNG", "image/png")}
    ).json()
    ticket = drive(
        "POST",
        "/api/RootCause/Ticket",
        json={
            "subject": "U3 fails",
            "reportUuid": failing["id"],
            "update": {
                "content": "seen twice",
                "attachments": [{"attachmentId": attachment_id, "filename": "photo.png"}],
            },
        },
    ).json()
    drive("GET", "/api/RootCause/Ticket", params={"ticketId": ticket["ticketId"]})
    drive(
        "PUT",
        "/api/RootCause/Ticket",
        json={"ticketId": ticket["ticketId"], "status": 8, "assignee": "emulator"},
    )
    drive("GET", "/api/RootCause/Tickets", params={"status": 8, "view": 2, "searchString": "u3"})
    drive(
        "GET",
        "/api/RootCause/Attachment",
        params={"attachmentId": attachment_id, "fileName": "p.png"},
    )
    archived = drive("POST", "/api/RootCause/ArchiveTickets", json=[ticket["ticketId"]]).json()
    assert archived["status"] == 32

    drive_system_operations(drive)  # SystemManager, SystemStatus, Export, Workflow
    drive_auth_scim_barcodes(drive)

    missing = {(op.method, op.template) for op in ROUTES} - drive.seen
    assert not missing, f"operations never called: {sorted(missing)}"
    assert json.dumps(fresh_emulator.report(failing["id"]))  # readable through the runner too

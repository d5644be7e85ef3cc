"""Bad input never makes the emulator fail with 500: each field of a valid request, and each query
parameter, is replaced by values of the wrong type or shape; the answer must be a 2xx or 4xx.

(``PUT /api/Product/BOM`` is exempt: the server documents 500 for an invalid BOM.)
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ._helpers import uur_report, uut_report

WEIRD: list[Any] = [None, -1, "", "x" * 300, [], {}, True, "2026-13-45T99:00"]


def _setup(client: httpx.Client) -> dict[str, Any]:
    client.put("/api/Products", json=[{"partNumber": "P"}, {"partNumber": "C"}])
    client.put("/api/Product/Revision", json={"PartNumber": "P", "revision": "A"})
    client.put(
        "/api/Production/Units",
        json=[{"serialNumber": "S", "partNumber": "P"}, {"serialNumber": "CS", "partNumber": "C"}],
    )
    uut = uut_report(sn="S", pn="P", result="F", fail_step=0, steps=3)
    client.post("/api/Report/WSJF", json=uut)
    client.post("/api/Report/WSJF", json=uur_report(uut["id"], sn="S", pn="P"))
    type_id = client.get("/api/Asset/Types").json()[0]["typeId"]
    asset = client.put("/api/Asset", json={"serialNumber": "A1", "typeId": type_id}).json()
    package = client.post("/api/Software/Package", json={"name": "N"}).json()
    ticket = client.post("/api/RootCause/Ticket", json={"subject": "s"}).json()
    return {"uut": uut, "type_id": type_id, "asset": asset, "package": package, "ticket": ticket}


def _json_requests(ids: dict[str, Any]) -> list[tuple[str, str, Any]]:
    flt = {
        "partNumber": "P",
        "testOperation": "SW Debug",
        "topCount": 5,
        "dateGrouping": 1,
        "periodCount": 3,
        "run": 1,
        "maxCount": 10,
        "minCount": 0,
        "dimensions": "unitCount;partNumber",
        "dateFrom": "2026-01-01T00:00:00Z",
        "status": "Passed",
        "productGroup": "All products",
    }
    pid = ids["package"]["packageId"]
    requests: list[tuple[str, str, Any]] = [
        (
            "PUT",
            "/api/Product",
            {"partNumber": "P", "name": "n", "state": 1, "tags": [], "productId": None},
        ),
        (
            "PUT",
            "/api/Product/Revision",
            {"PartNumber": "P", "revision": "A", "productId": None, "state": 1},
        ),
        ("PUT", "/api/Products", [{"partNumber": "P", "name": "n"}]),
        ("PUT", "/api/Products/Revisions", [{"PartNumber": "P", "revision": "B"}]),
        ("PUT", "/api/Product/Vendors", [{"VendorName": "V"}]),
        ("DELETE", "/api/Product/Vendors", [{"VendorName": "V"}]),
        (
            "PUT",
            "/api/Production/Units",
            [
                {
                    "serialNumber": "S",
                    "partNumber": "P",
                    "revision": "A",
                    "unitPhaseId": 2,
                    "processCode": "10",
                    "tags": [],
                }
            ],
        ),
        ("PUT", "/api/Production/Batches", [{"batchNumber": "B", "batchSize": 1}]),
        (
            "PUT",
            "/api/Asset",
            {
                "serialNumber": "A2",
                "typeId": ids["type_id"],
                "state": 1,
                "parentSerialNumber": "A1",
                "assetName": "a",
            },
        ),
        (
            "PUT",
            "/api/Asset/Types",
            {
                "typeName": "T",
                "runningCountLimit": 5,
                "calibrationInterval": 1.0,
                "warningThreshold": 50.0,
                "alarmThreshold": 90.0,
            },
        ),
        ("POST", "/api/Asset/Message?serialNumber=A1", {"content": "hello"}),
        (
            "POST",
            "/api/Software/Package",
            {"name": "M", "tags": [{"key": "k", "value": "v"}], "priority": 1},
        ),
        (
            "PUT",
            f"/api/Software/Package/{pid}",
            {"name": "N", "description": "d", "status": "Draft", "tags": []},
        ),
        (
            "POST",
            "/api/RootCause/Ticket",
            {
                "subject": "s",
                "status": 1,
                "priority": 1,
                "tags": [],
                "update": {"content": "c", "updateType": 0, "attachments": []},
            },
        ),
        (
            "PUT",
            "/api/RootCause/Ticket",
            {
                "ticketId": ids["ticket"]["ticketId"],
                "status": 2,
                "assignee": "a",
                "progress": "p",
                "update": {"content": "c"},
            },
        ),
        ("POST", "/api/RootCause/ArchiveTickets", [ids["ticket"]["ticketId"]]),
        ("POST", "/api/Report/WSJF", ids["uut"]),
    ]
    for name in (
        "DynamicYield",
        "DynamicRepair",
        "VolumeYield",
        "HighVolume",
        "HighVolumeByProductGroup",
        "WorstYield",
        "WorstYieldByProductGroup",
        "TopFailed",
        "TestStepAnalysis",
        "Measurements",
        "AggregatedMeasurements",
        "SerialNumberHistory",
        "UutReport",
        "UurReport",
    ):
        requests.append(("POST", f"/api/App/{name}", flt))
    requests.append(("POST", "/api/App/OeeAnalysis?availableTime=24,24,24,24,24,24,24", flt))
    return requests


def test_wrong_types_in_json_bodies_never_give_500(client: httpx.Client) -> None:
    ids = _setup(client)
    failures = []
    for method, url, body in _json_requests(ids):
        items = body if isinstance(body, list) else [body]
        for index, item in enumerate(items):
            keys = list(item) if isinstance(item, dict) else [None]
            for key in keys:
                for value in WEIRD:
                    mutated: Any
                    if key is None:
                        mutated = value
                    else:
                        mutated = {**item, key: value}
                    sent = (
                        [*items[:index], mutated, *items[index + 1 :]]
                        if isinstance(body, list)
                        else mutated
                    )
                    response = client.request(method, url, json=sent)
                    if response.status_code >= 500:
                        failures.append((method, url, key, value, response.status_code))
        for whole in WEIRD:
            response = client.request(method, url, json=whole)
            if response.status_code >= 500:
                failures.append((method, url, "<body>", whole, response.status_code))
    assert not failures, failures[:10]


@pytest.mark.parametrize("value", ["", "x", "-1", "99999999999", "(("])
def test_odd_query_values_never_give_500(client: httpx.Client, value: str) -> None:
    from pathlib import Path

    import yaml

    from pywats.testing import ROUTES

    spec_path = Path(__file__).resolve().parents[3] / "openapi" / "wats.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    ids = _setup(client)
    base = {
        "serialNumber": "S",
        "partNumber": "P",
        "revision": "A",
        "serialNumberType": "SerialNumber",
        "format": "XML",
        "status": "1",
        "view": "2",
        "maxCount": "5",
        "UserName": "u",
        "days": "30",
        "productGroupId": "x",
        "levelId": "1",
        "processCode": "10",
        "count": "5",
        "name": "N",
        "tag": "k=v",
        "availableTime": "24,24,24,24,24,24,24",
        "startAddress": "A",
        "endAddress": "Z",
        "quantity": "1",
        "phase": "16",
        "state": "1",
        "reportId": ids["uut"]["id"],
        "stepId": "2",
        "ticketId": ids["ticket"]["ticketId"],
        "attribute": "None",
        "version": "1",
    }
    paths = {
        "id": ids["uut"]["id"],
        "partNumber": "P",
        "revision": "A",
        "serialNumber": "S",
        "assetId": "A1",
        "identifier": "I",
        "userName": "u",
        "fileName": "no-such-export",
    }
    failures = []
    for op in ROUTES:
        url = op.template.format(**paths)
        declared = spec["paths"][op.template][op.method.lower()].get("parameters", [])
        names = [p["name"] for p in declared if "$ref" not in p and p.get("in") == "query"]
        names += [
            "$" + p["$ref"].rsplit("/", 1)[-1].removeprefix("OData").lower()
            for p in declared
            if "$ref" in p
        ]
        for name in names:
            response = client.request(op.method, url, params={**base, name: value}, json={})
            if response.status_code >= 500 and op.template != "/api/Product/BOM":
                failures.append((op.method, op.template, name, response.status_code))
    assert not failures, failures[:10]

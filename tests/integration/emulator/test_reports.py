"""Reports: submit, validate, replace, read back, query, attachments."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from typing import Any

import httpx
import pytest

from pywats.testing import Emulator

from ._helpers import REAL_REPORTS, real_report, uur_report, uut_report

OUTPUT_ONLY = {
    "productName",
    "processName",
    "processCodeFormat",
    "origin",
    "startUTC",
    "assetStats",
}


def _strip_output_only(doc: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k not in OUTPUT_ONLY}
    for unit in out.get("subUnits") or []:
        for failure in unit.get("failures") or []:
            failure.pop("refStepName", None)
    return out


def test_submit_answers_insert_result_and_stores(
    client: httpx.Client, fresh_emulator: Emulator
) -> None:
    report = uut_report()
    response = client.post("/api/Report/WSJF", json=report)
    assert response.status_code == 200
    body = response.json()
    assert body["ID"] == report["id"]
    assert body["uuid"] == report["id"]
    assert isinstance(body["Report_ID"], int)
    assert fresh_emulator.reports() == [report]


def test_repost_replaces_and_counts_receipts(
    client: httpx.Client, fresh_emulator: Emulator
) -> None:
    report = uut_report()
    assert client.post("/api/Report/WSJF", json=report).status_code == 200
    report["sn"] = "SN-CHANGED"
    assert client.post("/api/Report/WSJF", json=report).status_code == 200
    assert [r["sn"] for r in fresh_emulator.reports()] == ["SN-CHANGED"]
    (header,) = client.get("/api/Report/Query/Header").json()
    assert header["serialNumber"] == "SN-CHANGED"
    assert header["receiveCount"] == 2


@pytest.mark.parametrize("name", ["new_report_example.json", "uur_example.json"])
def test_real_exports_are_accepted_and_read_back_equal(client: httpx.Client, name: str) -> None:
    export = real_report(name)
    response = client.post("/api/Report/WSJF", json=export)
    assert response.status_code == 200, response.text
    back = client.get(f"/api/Report/Wsjf/{export['id']}").json()
    assert _strip_output_only(back) == _strip_output_only(export)
    assert back["processName"] == export["processName"]  # seeded processes match the server's
    assert back.keys() >= OUTPUT_ONLY


def test_rich_export_is_rejected_like_the_real_server(client: httpx.Client) -> None:
    # The 2026.1 server refused this very export when it was posted back (reference §1.4 [B]).
    export = real_report("uut-wsjf-export.json")
    response = client.post("/api/Report/WSJF", json=export)
    assert response.status_code == 400
    lines = response.json()["Message"].splitlines()
    assert (
        "root -> step Pass/Fail tests -> step SinglePassDone: "
        "Status cannot be different from measurement status." in lines
    )


def test_rich_export_with_consistent_statuses_round_trips(client: httpx.Client) -> None:
    export = real_report("uut-wsjf-export.json")

    def fix(step: dict[str, Any]) -> None:
        meas = [
            m for key in ("numericMeas", "stringMeas", "booleanMeas") for m in step.get(key) or []
        ]
        if len(meas) == 1 and meas[0].get("status") != step["status"]:
            step["status"] = meas[0]["status"]
        for child in step.get("steps") or []:
            fix(child)

    fix(export["root"])
    response = client.post("/api/Report/WSJF", json=export)
    assert response.status_code == 200, response.text
    back = client.get(f"/api/Report/Wsjf/{export['id']}").json()
    assert _strip_output_only(back) == _strip_output_only(export)
    assert back["startUTC"] == export["startUTC"]


@pytest.mark.parametrize(
    ("corrupt", "expected"),
    [
        (lambda r: r["root"]["steps"][3].update(status="F"), "root -> step Step 3: "),
        (
            lambda r: r["root"]["steps"][0]["numericMeas"][0].update(compOp="ABOUT"),
            "root -> step Step 0",
        ),
        (lambda r: r.update(processCode=999), "processCode: no process with code 999"),
        (lambda r: r.update(processCode=500), "is not a test operation"),
        (lambda r: r.update(processName="sw debug"), "processName: 'sw debug' does not match"),
        (lambda r: r.pop("sn"), "sn"),
    ],
)
def test_corrupted_reports_get_400_with_path_prefixed_lines(
    client: httpx.Client, fresh_emulator: Emulator, corrupt: Any, expected: str
) -> None:
    report = uut_report()
    corrupt(report)
    response = client.post("/api/Report/WSJF", json=report)
    assert response.status_code == 400
    message = response.json()["Message"]
    assert expected in message
    assert fresh_emulator.reports() == []


def test_every_problem_is_listed(client: httpx.Client) -> None:
    report = uut_report()
    report["root"]["steps"][1]["status"] = "F"
    report["root"]["steps"][2]["status"] = "F"
    lines = client.post("/api/Report/WSJF", json=report).json()["Message"].splitlines()
    assert [line.split(":")[0] for line in lines] == ["root -> step Step 1", "root -> step Step 2"]


def test_invalid_json_and_non_object_bodies_are_400(client: httpx.Client) -> None:
    bad = client.post(
        "/api/Report/WSJF", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 400
    assert "JSON" in bad.json()["Message"]
    assert client.post("/api/Report/WSJF", json=[1, 2]).status_code == 400


def test_corrupted_real_export_lists_each_field(client: httpx.Client) -> None:
    export = copy.deepcopy(real_report("new_report_example.json"))
    export["result"] = "X"
    export["pn"] = "P" * 101
    message = client.post("/api/Report/WSJF", json=export).json()["Message"]
    assert "result" in message
    assert "pn" in message


def test_read_unknown_report_is_404(client: httpx.Client) -> None:
    response = client.get("/api/Report/Wsjf/00000000-0000-0000-0000-000000000001")
    assert response.status_code == 404
    assert "Message" in response.json()


def test_detail_level_and_include_flags(client: httpx.Client) -> None:
    report = uut_report(steps=2)
    report["root"]["steps"][0]["attachment"] = {
        "name": "a.txt",
        "contentType": "text/plain",
        "data": "aGk=",
    }
    client.post("/api/Report/WSJF", json=report)
    header_only = client.get(f"/api/Report/Wsjf/{report['id']}", params={"detailLevel": 0}).json()
    assert "root" not in header_only
    assert header_only["sn"] == report["sn"]
    no_data = client.get(
        f"/api/Report/Wsjf/{report['id']}", params={"includeAttachments": "false"}
    ).json()
    assert no_data["root"]["steps"][0]["attachment"]["data"] is None


def test_header_query_odata(client: httpx.Client) -> None:
    for i in range(12):
        start = f"2026-03-{i + 1:02d}T10:00:00.000+00:00"
        client.post(
            "/api/Report/WSJF",
            json=uut_report(
                sn=f"SN-{i:02d}",
                start=start,
                result="F" if i % 3 == 0 else "P",
                fail_step=0 if i % 3 == 0 else None,
            ),
        )
    default = client.get("/api/Report/Query/Header").json()
    assert len(default) == 10
    assert default[0]["serialNumber"] == "SN-11"  # newest start first
    failed = client.get(
        "/api/Report/Query/Header", params={"$filter": "result eq 'Failed'", "$top": "100"}
    ).json()
    assert sorted(h["serialNumber"] for h in failed) == ["SN-00", "SN-03", "SN-06", "SN-09"]
    assert failed[0]["causedUutFailure"] == "Step 0"
    page = client.get(
        "/api/Report/Query/Header", params={"$orderby": "serialNumber", "$skip": "2", "$top": "3"}
    ).json()
    assert [h["serialNumber"] for h in page] == ["SN-02", "SN-03", "SN-04"]
    since = client.get(
        "/api/Report/Query/Header",
        params={"$filter": "start ge 2026-03-11T00:00:00Z and startswith(serialNumber,'sn-1')"},
    ).json()
    assert sorted(h["serialNumber"] for h in since) == ["SN-10", "SN-11"]
    assert "miscInfo" not in default[0]
    expanded = client.get(
        "/api/Report/Query/Header", params={"$expand": "miscInfo,subUnits"}
    ).json()
    assert expanded[0]["miscInfo"] == []
    assert expanded[0]["subUnits"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"$count": "true"},
        {"$top": "10001"},
        {"$orderby": "partNumber"},
        {"$filter": "processCode add 1 eq 2"},
        {"$filter": "serialNumber eq"},
    ],
)
def test_header_query_rejects_what_the_server_rejects(
    client: httpx.Client, params: dict[str, str]
) -> None:
    response = client.get("/api/Report/Query/Header", params=params)
    assert response.status_code == 400
    assert response.json()["Message"]


def test_attachments_certificate_and_repairs(client: httpx.Client) -> None:
    uut = uut_report(steps=3)
    uut["root"]["steps"][1]["attachment"] = {
        "name": "scope.png",
        "contentType": "image/png",
        "data": "iVBORw==",
    }
    client.post("/api/Report/WSJF", json=uut)
    uur = uur_report(uut["id"])
    assert client.post("/api/Report/WSJF", json=uur).status_code == 200

    step_file = client.get("/api/Report/Attachment", params={"reportId": uut["id"], "stepId": 3})
    assert step_file.status_code == 200
    assert step_file.content == b"\x89PNG"
    stored = client.get(f"/api/Report/Wsjf/{uur['id']}").json()
    binary_id = stored["binaryData"][0]["id"]
    assert stored["subUnits"][0]["failures"][0]["refStepName"] == "Step 1"
    repair_file = client.get(
        "/api/Report/Attachment", params={"reportId": uur["id"], "attachmentId": binary_id}
    )
    assert repair_file.content == b"Repair OK"
    names = zipfile.ZipFile(
        io.BytesIO(client.get(f"/api/Report/Attachments/{uur['id']}").content)
    ).namelist()
    assert sorted(names) == ["log.txt", "u3.jpg"]
    assert client.get(f"/api/Report/Wsjf/{uut['id']}").json()["uut"]["refUURs"] == [
        {"id": uur["id"], "start": uur["start"]}
    ]
    pdf = client.get(f"/api/Report/Certificate/{uut['id']}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert (
        client.get(
            "/api/Report/Attachment", params={"reportId": uut["id"], "stepId": 2}
        ).status_code
        == 404
    )


def test_header_by_misc_info(client: httpx.Client) -> None:
    report = uut_report()
    report["miscInfos"] = [{"description": "Firmware", "text": "1.2.3"}]
    client.post("/api/Report/WSJF", json=report)
    client.post("/api/Report/WSJF", json=uut_report(sn="OTHER"))
    rows = client.get(
        "/api/Report/Query/HeaderByMiscInfo", params={"description": "firmware", "data": "1.2.3"}
    ).json()
    assert [r["uuid"] for r in rows] == [report["id"]]
    assert rows[0]["miscData"] == [{"description": "Firmware", "data": "1.2.3"}]


def test_wsxf_without_a_report_is_refused_clearly(client: httpx.Client) -> None:
    response = client.post(
        "/api/Report/WSXF", content=b"<Reports/>", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 400
    assert (
        response.json()["Message"]
        == "report: line 1, column 1: <Reports> holds no <Report> element"
    )


def test_real_wsxf_export_gets_the_same_answer_as_its_wsjf_twin(client: httpx.Client) -> None:
    twin = real_report("uut-wsjf-export.json")
    xml = (REAL_REPORTS / "uut-wsxf-export.xml").read_bytes()
    as_json = client.post("/api/Report/WSJF", json=twin)
    as_xml = client.post("/api/Report/WSXF", content=xml, headers={"Content-Type": "text/xml"})
    assert as_xml.status_code == as_json.status_code == 400
    assert as_xml.json()["Message"] == as_json.json()["Message"]


def test_malformed_wsxf_is_400_with_position(
    client: httpx.Client, fresh_emulator: Emulator
) -> None:
    response = client.post(
        "/api/Report/WSXF", content=b"<Reports><Report", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 400
    assert "line 1" in response.json()["Message"]
    assert fresh_emulator.reports() == []


def test_numbers_past_64_bits_are_read_exactly(
    client: httpx.Client, fresh_emulator: Emulator
) -> None:
    # The fast reader (orjson) would make 2**64 a float; the standard library keeps it exact,
    # as the server's parser does, so such bodies are read by the standard library.
    report = uut_report()
    report["uut"]["execTime"] = 2**64
    body = json.dumps(report)
    response = client.post(
        "/api/Report/WSJF", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    (header,) = client.get("/api/Report/Query/Header").json()
    assert header["executionTime"] == 2**64
    assert isinstance(header["executionTime"], int)
    assert fresh_emulator.reports() == [report]

"""Every ``wats`` command against the emulator (CliRunner; stdout parsed as JSON).

Seed data is made through the SDK, the command under test is run as a user would, and what
the emulator stored or answered is checked. Failure classes map to their exit codes.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _cli_helpers import make_broken, make_report

if TYPE_CHECKING:
    from pywats.testing import Emulator, Faults

FIXTURE_TYPE = "Fixture"


def run_json(wats: Any, *args: str) -> Any:
    result = wats(*args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- connection, credentials ---------------------------------------------------------------


def test_ping_reports_version_latency_and_auth(wats, online: Emulator) -> None:
    data = run_json(wats, "ping")
    assert data["url"] == online.url
    assert data["server_version"]
    assert data["authenticated"] is True
    assert isinstance(data["latency_ms"], float)
    # One request to warm up (client loading, connection), one measured.
    assert online.faults.hits("GET", "/api/App/Version") == 2


def test_login_verifies_and_stores_then_commands_use_it(
    wats, fresh_emulator: Emulator, wats_home: Path
) -> None:
    url = fresh_emulator.url
    result = wats("--url", url, "login", input=fresh_emulator.token + "\n")
    assert result.exit_code == 0, result.stderr
    assert fresh_emulator.token not in result.stdout + result.stderr
    # No PYWATS_* variables: the URL comes from the instance file, the token from the store.
    assert run_json(wats, "ping")["authenticated"] is True


def test_login_with_a_refused_token_stores_nothing(
    wats, fresh_emulator: Emulator, sentinel: str
) -> None:
    result = wats("--url", fresh_emulator.url, "login", input=sentinel)
    assert result.exit_code == 4
    assert "wats login" in result.stderr
    assert sentinel not in result.stdout + result.stderr
    assert "token" in json.loads(wats("config", "show").stdout)
    assert json.loads(wats("config", "show").stdout)["token"].startswith("not set")


def test_refused_token_is_exit_4_and_never_printed(
    wats, fresh_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, sentinel: str
) -> None:
    monkeypatch.setenv("PYWATS_SERVER_URL", fresh_emulator.url)
    monkeypatch.setenv("PYWATS_API_TOKEN", sentinel)
    for args in (("ping",), ("-v", "product", "get", "X"), ("-vv", "report", "query")):
        result = wats(*args)
        assert result.exit_code == 4, (args, result.stderr)
        assert sentinel not in result.stdout + result.stderr
    assert "wats login" in result.stderr


def test_no_token_at_all_is_exit_4(wats, fresh_emulator: Emulator) -> None:
    result = wats("--url", fresh_emulator.url, "product", "list")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: no API token")


def test_no_url_at_all_is_exit_3(wats) -> None:
    result = wats("product", "list")
    assert result.exit_code == 3
    assert "wats config init" in result.stderr


def test_unreachable_server_is_exit_6(wats, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_API_TOKEN", "dG9rZW46eA==")
    result = wats("--retries", "0", "--url", f"http://127.0.0.1:{free_port()}", "ping")
    assert result.exit_code == 6
    assert "wats ping" in result.stderr
    assert "Traceback" not in result.stderr


def test_server_errors_are_exit_6_after_retries(wats, online: Emulator, faults: Faults) -> None:
    faults.add("GET", "/api/Product/*", status=503, times=None)
    result = wats("--retries", "1", "product", "get", "PCB-1")
    assert result.exit_code == 6
    assert faults.hits("GET", "/api/Product/PCB-1") == 2  # one retry, then give up
    assert result.stderr.splitlines()[0].startswith("error: 503")


def test_traceback_only_with_verbose(wats, online: Emulator) -> None:
    assert "Traceback" not in wats("product", "get", "NOPE").stderr
    assert "Traceback" in wats("-v", "product", "get", "NOPE").stderr


# --- products ---------------------------------------------------------------------------


@pytest.fixture
def product(api: Any) -> str:
    api.product.save({"partNumber": "PCB-1001", "name": "Main board", "state": 1})
    api.product.save_revision({"PartNumber": "PCB-1001", "revision": "A", "state": 1})
    return "PCB-1001"


def test_product_get_list_revisions_groups(wats, product: str) -> None:
    got = run_json(wats, "product", "get", product)
    assert (got["partNumber"], got["name"]) == (product, "Main board")
    listed = run_json(wats, "product", "list", "--filter", f"partNumber eq '{product}'")
    assert [p["partNumber"] for p in listed] == [product]
    revisions = run_json(wats, "product", "revisions", product)
    assert [r["revision"] for r in revisions] == ["A"]
    one = run_json(wats, "product", "revisions", product, "A")
    assert one["revision"] == "A"
    groups = run_json(wats, "product", "groups", product)
    assert isinstance(groups, list)
    assert groups


def test_product_table_and_csv(wats, product: str) -> None:
    table = wats("product", "list", "-o", "table")
    assert table.exit_code == 0
    assert "PCB-1001" in table.stdout
    assert "Main board" in table.stdout
    rows = wats("-o", "csv", "product", "list").stdout.splitlines()
    assert rows[0].startswith("partNumber,name")
    assert rows[1].startswith("PCB-1001,Main board")


def test_missing_product_is_exit_5(wats, online: Emulator) -> None:
    result = wats("product", "get", "NO-SUCH-PART")
    assert result.exit_code == 5
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: 404")
    assert lines[1].startswith("next: ")


def test_product_bom_upload(wats, product: str, tmp_path: Path) -> None:
    bom = tmp_path / "bom.xml"
    bom.write_text(
        '<BOM xmlns="http://wats.virinco.com/schemas/WATS/wsbf" Partnumber="PCB-1001"'
        ' Revision="A"><Component Number="R1" Quantity="1" Ref="R1"/></BOM>'
    )
    result = wats("product", "bom", str(bom))
    assert result.exit_code == 0, result.stderr
    assert "Uploaded the BOM" in result.stderr


# --- reports ----------------------------------------------------------------------------


def test_report_submit_many_then_get_and_query(wats, online: Emulator, tmp_path: Path) -> None:
    files = [str(make_report(tmp_path / f"r{i}.json", sn=f"SN-{i}")) for i in range(3)]
    rows = run_json(wats, "report", "submit", *files)
    assert [r["status"] for r in rows] == ["submitted"] * 3
    ids = {r["id"] for r in rows}
    assert ids == {r["id"] for r in online.reports()}

    first = rows[0]["id"]
    summary = run_json(wats, "report", "get", first)
    assert (summary["id"], summary["pn"], summary["sn"]) == (first, "PCB-1001", "SN-0")
    wsjf = wats("report", "get", first, "--format", "wsjf", "-o", "table")
    assert json.loads(wsjf.stdout)["id"] == first  # WSJF is JSON whatever -o says

    headers = run_json(wats, "report", "query", "--pn", "PCB-1001", "--since", "2026-10-01")
    assert {h["uuid"] for h in headers} == ids
    assert [h["serialNumber"] for h in run_json(wats, "report", "query", "--sn", "SN-1")] == [
        "SN-1"
    ]
    assert run_json(wats, "report", "query", "--result", "failed") == []
    assert run_json(wats, "report", "query", "--until", "2026-10-01") == []
    paged = run_json(wats, "report", "query", "--top", "2")
    assert len(paged) == 2


def test_report_locally_invalid_is_exit_7_and_not_sent(
    wats, online: Emulator, tmp_path: Path
) -> None:
    good = make_report(tmp_path / "good.json")
    bad = make_broken(tmp_path / "bad.json")
    result = wats("report", "submit", str(good), str(bad))
    assert result.exit_code == 7
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["submitted", "rejected"]
    assert len(online.reports()) == 1
    assert "Submitted 1 of 2 report(s)" in result.stderr


def test_report_rejected_by_the_server_is_exit_7(
    wats, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    faults.add(
        "POST", "/api/Report/WSJF", status=400, body="root -> step Power: limit is required."
    )
    result = wats("report", "submit", str(make_report(tmp_path / "r.json")))
    assert result.exit_code == 7
    assert json.loads(result.stdout)[0]["status"] == "rejected"
    assert "root -> step Power: limit is required." in result.stderr


def test_report_submit_stops_when_the_server_is_down(
    wats, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    faults.add("POST", "/api/Report/WSJF", status=503, times=None)
    files = [str(make_report(tmp_path / f"r{i}.json", sn=f"S{i}")) for i in range(2)]
    result = wats("--retries", "0", "report", "submit", *files)
    assert result.exit_code == 6
    assert faults.hits("POST", "/api/Report/WSJF") == 1


def test_report_get_bad_id_is_usage_and_unknown_is_not_found(wats, online: Emulator) -> None:
    assert wats("report", "get", "not-a-guid").exit_code == 2
    assert (
        wats("report", "get", "00000000-0000-0000-0000-000000000001", "--format", "x").exit_code
        == 2
    )
    assert wats("report", "get", "00000000-0000-0000-0000-000000000001").exit_code == 5


def test_bad_since_is_a_usage_error(wats, online: Emulator) -> None:
    result = wats("report", "query", "--since", "yesterday-ish")
    assert result.exit_code == 2
    assert "--since" in result.stderr


# --- assets -----------------------------------------------------------------------------


@pytest.fixture
def asset(api: Any) -> str:
    types = api.asset.query_types()
    type_id = str(next(t.type_id for t in types if t.type_name == FIXTURE_TYPE))
    api.asset.save({"serialNumber": "FX-7", "assetName": "Bed of nails", "typeId": type_id})
    return "FX-7"


def test_asset_commands(wats, asset: str) -> None:
    got = run_json(wats, "asset", "get", asset)
    assert got["serialNumber"] == asset
    asset_id = got["assetId"]
    assert run_json(wats, "asset", "get", asset_id)["serialNumber"] == asset
    assert [a["serialNumber"] for a in run_json(wats, "asset", "list")] == [asset]

    assert wats("asset", "count", asset, "--by", "5").exit_code == 0
    assert wats("asset", "count", asset).exit_code == 0
    after = run_json(wats, "asset", "get", asset)
    assert (after["runningCount"], after["totalCount"]) == (6, 6)
    assert wats("asset", "count", asset, "--reset", "--comment", "new pins").exit_code == 0
    assert run_json(wats, "asset", "get", asset)["runningCount"] == 0

    assert wats("asset", "calibrate", asset, "--comment", "yearly").exit_code == 0
    assert wats("asset", "maintain", asset, "--date", "2026-11-01T08:00Z").exit_code == 0
    got = run_json(wats, "asset", "get", asset)
    assert got["lastCalibrationDate"]
    assert got["lastMaintenanceDate"].startswith("2026-11-01")

    assert wats("asset", "state", asset, "in-maintenance").exit_code == 0
    assert run_json(wats, "asset", "get", asset)["state"] == 3
    status = run_json(wats, "asset", "state", asset)
    assert isinstance(status, dict)

    log = run_json(wats, "asset", "log", "--sn", asset)
    assert log
    assert {entry["serialNumber"] for entry in log} == {asset}


def test_asset_bad_state_is_usage(wats, asset: str) -> None:
    result = wats("asset", "state", asset, "on-fire")
    assert result.exit_code == 2


# --- production -------------------------------------------------------------------------


def test_production_serial_numbers(wats, online: Emulator) -> None:
    types = run_json(wats, "production", "sn", "types")
    assert "SerialNumber" in {t["name"] for t in types}
    taken = run_json(wats, "production", "sn", "take", "SerialNumber", "3", "--ref-pn", "P1")
    assert len(taken) == 3
    numbers = [row["serialNumber"] for row in taken]
    ranged = run_json(wats, "production", "sn", "ranges", "SerialNumber", numbers[0], numbers[-1])
    assert isinstance(ranged, list)
    assert len(ranged) == 3


def test_production_units_and_batches(wats, api: Any, product: str, online: Emulator) -> None:
    api.production.save_units([{"serialNumber": "U-1", "partNumber": product, "revision": "A"}])
    unit = run_json(wats, "production", "unit", "get", "U-1", product)
    assert unit["serialNumber"] == "U-1"
    assert wats("production", "unit", "phase", "U-1", product, "finalized").exit_code == 0
    assert api.production.get_unit("U-1", product).unit_phase_id == 16
    result = wats("production", "unit", "process", "U-1", product, "End of line test")
    assert result.exit_code == 0, result.stderr
    assert wats("production", "unit", "phase", "U-1", product, "sideways").exit_code == 2
    grade = run_json(wats, "production", "unit", "verify", "U-1", product)
    assert (grade["noRepairs"], grade["results"]) == (True, [])
    assert wats("production", "batches", "B-1", "B-2", "--size", "10").exit_code == 0
    assert {b["batchNumber"] for b in online.entities("batch")} >= {"B-1", "B-2"}


# --- analytics, software, rootcause, process --------------------------------------------


def test_analytics(wats, online: Emulator, tmp_path: Path) -> None:
    for i in range(2):
        run_json(wats, "report", "submit", str(make_report(tmp_path / f"r{i}.json", sn=f"A{i}")))
    yields = run_json(wats, "analytics", "yield", "--pn", "PCB-1001")
    assert [(y["partNumber"], y["unitCount"]) for y in yields] == [("PCB-1001", 2)]
    assert run_json(wats, "analytics", "volume")[0]["partNumber"] == "PCB-1001"
    assert run_json(wats, "analytics", "top-failed", "--pn", "PCB-1001") == []
    rows = run_json(
        wats,
        "analytics",
        "measurements",
        "MainSequence Callback¶Power¶3V3",
        "--pn",
        "PCB-1001",
        "--process",
        "SW Debug",
    )
    assert sorted(r["value"] for r in rows) == [3.31, 3.31]
    stats = run_json(
        wats,
        "analytics",
        "measurements",
        "MainSequence Callback¶Power¶3V3",
        "--aggregated",
        "--pn",
        "PCB-1001",
        "--process",
        "SW Debug",
    )
    assert stats[0]["count"] == 2
    assert wats("analytics", "measurements", "X").exit_code == 2  # --pn/--process required


def test_software(wats, api: Any) -> None:
    created = api.software.create_package({"name": "fw", "description": "firmware"})
    package_id = str(created.package_id)
    listed = run_json(wats, "software", "list")
    assert [p["name"] for p in listed] == ["fw"]
    assert run_json(wats, "software", "get", package_id)["name"] == "fw"
    by_name = run_json(wats, "software", "get", "fw", "--status", "Draft")
    assert by_name["packageId"] == package_id
    assert run_json(wats, "software", "files", package_id) == []
    assert wats("software", "get", "nope", "--status", "Draft").exit_code == 5


def test_software_upload_zip(wats, api: Any, tmp_path: Path) -> None:
    import zipfile

    package_id = str(api.software.create_package({"name": "tools"}).package_id)
    archive = tmp_path / "tools.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("bin/run.bat", "echo hello")
        zf.writestr("bin/readme.txt", "tools")
    result = wats("software", "upload", package_id, str(archive))
    assert result.exit_code == 0, result.stderr
    names = sorted(f["name"] for f in run_json(wats, "software", "files", package_id))
    assert names == ["readme.txt", "run.bat"]


def test_rootcause(wats, online: Emulator) -> None:
    created = run_json(wats, "rootcause", "create", "Fixture FX-7 worn", "--text", "pins bent")
    ticket_id = created["ticketId"]
    assert created["subject"] == "Fixture FX-7 worn"
    got = run_json(wats, "rootcause", "get", ticket_id)
    assert got["ticketId"] == ticket_id
    listed = run_json(wats, "rootcause", "list", "--view", "all", "--status", "open")
    assert [t["ticketId"] for t in listed] == [ticket_id]
    assert run_json(wats, "rootcause", "list", "--view", "all", "--status", "solved") == []
    assert wats("rootcause", "list", "--status", "meh").exit_code == 2


def test_process(wats, online: Emulator) -> None:
    codes = {p["code"] for p in run_json(wats, "process", "list")}
    assert {10, 50, 100, 500} <= codes
    assert 20 not in codes  # inactive unless asked
    assert 20 in {p["code"] for p in run_json(wats, "process", "list", "--inactive")}
    assert run_json(wats, "process", "get", "100")["name"] == "End of line test"
    assert wats("process", "get", "4242").exit_code == 5

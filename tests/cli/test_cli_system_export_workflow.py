"""``wats system``, ``wats export`` and ``wats workflow`` against the emulator.

Data on stdout (``-o json`` parsed), messages on stderr, exit codes, and every hint these
commands print (``next:``, ``error:``) run as printed.
"""

from __future__ import annotations

import json
import re
import shlex
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pywats.testing import Emulator

_HINT = re.compile(r"`(wats [^`]*)`")


def _submit(api: Any, station: str, sn: str, location: str = "Line 1") -> None:
    from pywats.reports import UUTReport

    report = UUTReport(
        pn="PCB-1",
        sn=sn,
        rev="A",
        process_code=50,
        station_name=station,
        location=location,
        purpose="Production",
    )
    report.root.add_pass_fail_step("LED on", True)
    api.report.submit(report)


def _run_hints(wats: Any, stderr: str) -> list[str]:
    """Run every backticked ``wats ...`` in ``stderr``; each must parse and not crash."""
    hints = _HINT.findall(stderr)
    for hint in hints:
        ran = wats(*shlex.split(hint)[1:])
        assert ran.exit_code in (0, 1, 4, 5), (hint, ran.stderr)
        assert "No such" not in ran.stderr, (hint, ran.stderr)
        assert "Traceback" not in ran.stderr, (hint, ran.stderr)
    return hints


def test_system_clients_client_get_set_and_status(wats, api: Any, online: Emulator) -> None:
    _submit(api, "ICT-01", "SN-1")
    _submit(api, "FCT-02", "SN-2", location="Line 2")

    listed = wats("system", "clients", "-o", "json")
    assert listed.exit_code == 0, listed.stderr
    assert sorted(c["name"] for c in json.loads(listed.stdout)) == ["FCT-02", "ICT-01"]
    with_levels = json.loads(wats("system", "clients", "--levels", "-o", "json").stdout)
    assert any(n["kind"] == "Level" for n in with_levels)

    got = json.loads(wats("system", "client", "get", "ICT-01", "-o", "json").stdout)
    assert got["location"] == "Line 1"
    by_mac = wats("system", "client", "get", "--identifier", got["identifier"], "-o", "json")
    assert json.loads(by_mac.stdout)["client_id"] == got["client_id"]

    changed = wats("system", "client", "set", "ICT-01", "--location", "Line 7", "-o", "json")
    assert changed.exit_code == 0, changed.stderr
    assert json.loads(changed.stdout)["location"] == "Line 7"
    assert json.loads(changed.stdout)["purpose"] == "Production"  # kept
    assert "Updated client ICT-01" in changed.stderr
    moved = wats("system", "client", "set", "ICT-01", "--level", "Emulator", "-o", "json")
    assert moved.exit_code == 0, moved.stderr

    log = wats("system", "client", "get", "ICT-01", "--log", "-o", "json")
    assert "location" in json.loads(log.stdout)["text"]

    status = wats("system", "status", "-o", "json")
    assert json.loads(status.stdout)["Status"] == "Running"

    missing = wats("system", "client", "get", "NOPE")
    assert missing.exit_code == 5
    assert _run_hints(wats, missing.stderr) == ["wats system list"]
    nothing = wats("system", "client", "set", "ICT-01")
    assert nothing.exit_code == 2
    assert _run_hints(wats, nothing.stderr) == ["wats system client set --help"]
    no_level = wats("system", "client", "set", "ICT-01", "--level", "Emulator/Nowhere")
    assert no_level.exit_code == 2
    assert "no level" in no_level.stderr


def test_export_certificates_list_and_get(
    wats, api: Any, online: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _submit(api, "ICT-01", "SN-1")
    _submit(api, "ICT-01", "SN-2")
    queued = wats("export", "certificates", "--pn", "PCB-1", "--email", "qa@example.com")
    assert queued.exit_code == 0, queued.stderr
    name = json.loads(queued.stdout)["file_name"]
    monkeypatch.chdir(tmp_path)
    hints = _run_hints(wats, queued.stderr)  # the list, and the download into the cwd
    assert hints == ["wats export list", f"wats export get {name}"]
    with zipfile.ZipFile(tmp_path / name) as archive:
        assert len(archive.namelist()) == 2

    listed = wats("export", "list", "-o", "json")
    assert json.loads(listed.stdout) == [{"file_name": name}]
    target = tmp_path / "copy.zip"
    got = wats("export", "get", name.removesuffix(".zip"), "--dest", str(target), "-o", "json")
    assert got.exit_code == 0, got.stderr
    assert json.loads(got.stdout) == {"path": str(target), "bytes": target.stat().st_size}
    assert "Wrote" in got.stderr

    waited = wats("export", "certificates", "--email", "qa@example.com", "--wait", "--one-file")
    assert waited.exit_code == 0, waited.stderr
    assert "is ready" in waited.stderr

    missing = wats("export", "get", "no-such-export")
    assert missing.exit_code == 5
    assert _run_hints(wats, missing.stderr) == ["wats export list"]
    refused = wats("export", "certificates", "--email", "not-an-address")
    assert refused.exit_code == 7


def test_workflow_start_and_end(wats, api: Any, online: Emulator) -> None:
    api.product.save({"partNumber": "PCB-1", "name": "Board"})
    api.production.save_units([{"serialNumber": "SN 1", "partNumber": "PCB-1"}])

    assert wats("config", "set", "station.name", "ICT-05").exit_code == 0
    started = wats("workflow", "start", "SN 1", "PCB-1", "--operator", "ann", "-o", "json")
    assert started.exit_code == 0, started.stderr
    assert json.loads(started.stdout)["started"] is True
    assert _run_hints(wats, started.stderr) == ["wats workflow end 'SN 1' PCB-1"]
    [state] = online.entities("workflow")
    assert [h["action"] for h in state["history"]] == ["StartTest", "EndTest"]
    assert state["history"][0]["stationName"] == "ICT-05"  # the instance's station.name

    again = wats("workflow", "end", "SN 1", "PCB-1", "--failed", "-o", "json")
    assert again.exit_code == 1  # nothing running: the server said false
    assert json.loads(again.stdout)["ended"] is False
    assert "none is running" in again.stderr
    unknown = wats("workflow", "start", "NOPE", "PCB-1")
    assert unknown.exit_code == 5


def test_an_operation_the_server_lacks_is_one_clear_error(wats, online: Emulator) -> None:
    online.faults.add(
        "GET",
        "/api/SystemStatus",
        status=404,
        body=json.dumps(
            {"Message": "No HTTP resource was found that matches the request URI 'x'."}
        ),
    )
    failed = wats("system", "status")
    assert failed.exit_code == 5
    assert "no operation GET /api/SystemStatus" in failed.stderr
    assert "older" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert _run_hints(wats, failed.stderr) == ["wats ping"]


def test_an_iis_404_page_names_the_operation_and_points_at_the_url(wats, online: Emulator) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head>"
        "<body><h2>404 - File or directory not found.</h2></body></html>"
    )
    online.faults.add("GET", "/api/SystemStatus", status=404, body=page)
    failed = wats("system", "status")
    assert failed.exit_code == 5
    assert "no operation GET /api/SystemStatus" in failed.stderr
    assert "HTML page from the web server or a proxy" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert _run_hints(wats, failed.stderr) == ["wats config show"]


def test_system_level_list_get_create(wats, api: Any, online: Emulator) -> None:
    made = wats("system", "level", "create", "Acme/Line 2/ICT", "-o", "json")
    assert made.exit_code == 0, made.stderr
    level = json.loads(made.stdout)
    assert level["path"] == "Acme/Line 2/ICT"
    assert isinstance(level["id"], int)
    assert f"has id {level['id']}" in made.stderr
    again = wats("system", "level", "create", "Acme/Line 2/ICT", "-o", "json")
    assert json.loads(again.stdout)["id"] == level["id"]  # reused, not duplicated

    got = wats("system", "level", "get", "Acme/Line 2/ICT", "-o", "json")
    assert got.exit_code == 0, got.stderr
    assert json.loads(got.stdout) == level
    assert api.system.get_level(["Acme", "Line 2", "ICT"]) == level["id"]

    listed = wats("system", "level", "list", "-o", "json")
    assert listed.exit_code == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert any(level["id"] in row.values() and "ICT" in row.values() for row in rows), rows

    missing = wats("system", "level", "get", "Acme/Nowhere")
    assert missing.exit_code == 5
    assert "level 'Acme/Nowhere'" in missing.stderr
    assert "wats system level list" in _run_hints(wats, missing.stderr)
    empty = wats("system", "level", "create", "Acme//ICT")
    assert empty.exit_code == 2
    assert "non-empty names" in empty.stderr
    _submit(api, "ICT-01", "SN-1")
    moved = wats("system", "client", "set", "ICT-01", "--level", "Acme/Line 2/ICT", "-o", "json")
    assert moved.exit_code == 0, moved.stderr

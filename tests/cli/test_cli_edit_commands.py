"""Issue 18, "missing from the CLI": create/update products and assets, software packages
and their status, rootcause update/archive, ``report get --format wsxf`` (``-o json``, exit
codes as the rest)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _cli_helpers import make_report

if TYPE_CHECKING:
    from pywats.testing import Emulator


def run_json(wats: Any, *args: str) -> Any:
    result = wats(*args, "-o", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_product_create_then_update(wats, online: Emulator, api: Any) -> None:
    made = run_json(wats, "product", "create", "NEW-1", "--name", "New board", "-r", "A")
    assert (made["partNumber"], made["name"], made["state"]) == ("NEW-1", "New board", 1)
    assert [r["revision"] for r in made["revisions"]] == ["A"]
    again = wats("product", "create", "NEW-1", "--name", "Other")
    assert again.exit_code == 1
    assert "already exists" in again.stderr
    changed = run_json(wats, "product", "update", "NEW-1", "--name", "Renamed", "--state",
                       "inactive", "--revision", "B")  # fmt: skip
    assert (changed["name"], changed["state"]) == ("Renamed", 0)
    assert sorted(r["revision"] for r in changed["revisions"]) == ["A", "B"]
    assert api.product.get("NEW-1").name == "Renamed"
    assert wats("product", "update", "NOPE", "--name", "x").exit_code == 5
    assert wats("product", "update", "NEW-1").exit_code == 2  # nothing to change


def test_asset_create_then_update(wats, online: Emulator, api: Any) -> None:
    made = run_json(wats, "asset", "create", "FX-9", "--type", "fixture", "--name", "Bed")
    assert (made["serialNumber"], made["assetName"]) == ("FX-9", "Bed")
    assert wats("asset", "create", "FX-9", "--type", "Fixture").exit_code == 1
    bad_type = wats("asset", "create", "FX-10", "--type", "Spaceship")
    assert bad_type.exit_code == 2
    assert "Fixture" in bad_type.stderr  # lists the types there are
    changed = run_json(wats, "asset", "update", "FX-9", "--location", "Line 3", "--name", "B2")
    assert (changed["location"], changed["assetName"]) == ("Line 3", "B2")
    assert api.asset.get("FX-9").location == "Line 3"
    assert wats("asset", "update", "NOPE", "--name", "x").exit_code == 5


def test_software_create_and_status(wats, online: Emulator) -> None:
    made = run_json(wats, "software", "create", "fw", "--description", "firmware", "--tag",
                    "station=ICT")  # fmt: skip
    assert (made["name"], made["status"], made["version"]) == ("fw", "Draft", 1)
    pending = run_json(wats, "software", "status", made["packageId"], "pending")
    assert pending["status"] == "Pending"
    released = run_json(wats, "software", "status", "fw", "Released")
    assert released["status"] == "Released"
    assert wats("software", "status", "nope", "released").exit_code == 5
    assert wats("software", "status", "fw", "shipped").exit_code == 2
    assert wats("software", "create", "x", "--tag", "novalue").exit_code == 2


def test_rootcause_update_and_archive(wats, online: Emulator) -> None:
    ticket = run_json(wats, "rootcause", "create", "Fixture worn")
    tid = ticket["ticketId"]
    updated = run_json(wats, "rootcause", "update", tid, "--text", "pins replaced",
                       "--priority", "high")  # fmt: skip
    assert updated["priority"] == 2
    assert any("pins replaced" in str(h.get("content")) for h in updated["history"])
    refused = wats("rootcause", "archive", tid)  # not solved yet
    assert refused.exit_code == 7
    assert run_json(wats, "rootcause", "update", tid, "--status", "solved")["status"] == 8
    archived = run_json(wats, "rootcause", "archive", tid)
    assert archived[0]["status"] == 32
    assert wats("rootcause", "update", tid).exit_code == 2
    assert wats("rootcause", "update", tid, "--status", "archived").exit_code == 2


def test_report_get_wsxf(wats, online: Emulator, tmp_path: Path) -> None:
    rows = run_json(wats, "report", "submit", str(make_report(tmp_path / "r.json", sn="SN-X")))
    result = wats("report", "get", rows[0]["id"], "--format", "WSXF")
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout_bytes)
    assert "SN-X" in ET.tostring(root, encoding="unicode")
    missing = wats("report", "get", "00000000-0000-0000-0000-000000000001", "--format", "wsxf")
    assert missing.exit_code == 5

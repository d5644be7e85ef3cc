"""The OpenHTF output callback, in real OpenHTF runs (one process each)."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from ._site import Site

pytest.importorskip("openhtf", reason="openhtf is not installed (pip install openhtf)")

# A real OpenHTF test; the process kills itself (SIGKILL) right after the run, so whatever the
# callback did not make durable before returning is gone.
SCRIPT = """
import os, signal, sys
import openhtf as htf
from openhtf.util import units
from pywats.integrations.openhtf import to_wats

@htf.measures(
    htf.Measurement("rail_3v3").in_range(3.2, 3.4).with_units(units.VOLT),
    htf.Measurement("standby_mA").in_range(maximum=1.0),
    htf.Measurement("firmware").equals("1.4.2"),
)
def power(test):
    test.measurements.rail_3v3 = 3.31
    test.measurements.standby_mA = 0.8
    test.measurements.firmware = "1.4.2"

callback = to_wats(instance="it", timeout=30, process_code=50)
test = htf.Test(power, test_name="PCB-3003")
test.add_output_callbacks(callback)
test.execute(test_start=lambda: sys.argv[1])
last = callback.last
print("WATS", last.outcome if last else None, last.summary() if last else "", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def run_openhtf(site: Site, serial: str) -> str:
    script = site.root / "htf_unit.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = site.run(sys.executable, str(script), serial)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    [line] = [ln for ln in done.stdout.splitlines() if ln.startswith("WATS ")]
    return line


def _steps(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def walk(step: dict[str, Any]) -> None:
        found[step["name"]] = step
        for child in step.get("steps") or []:
            walk(child)

    walk(report["root"])
    return found


def check_measurements(report: dict[str, Any], serial: str) -> None:
    assert report["sn"] == serial
    assert report["pn"] == "PCB-3003"
    assert report["processCode"] == 50
    assert report["machineName"] == "INTEG-01"
    steps = _steps(report)
    [rail] = steps["rail_3v3"]["numericMeas"]
    assert (rail["compOp"], rail["lowLimit"], rail["highLimit"]) == ("GELE", 3.2, 3.4)
    assert (rail["value"], rail["unit"], rail["status"]) == (3.31, "V", "P")
    [standby] = steps["standby_mA"]["numericMeas"]
    assert (standby["compOp"], standby["lowLimit"], standby["value"]) == ("LE", 1.0, 0.8)
    [firmware] = steps["firmware"]["stringMeas"]
    assert (firmware["compOp"], firmware["limit"], firmware["value"]) == (
        "CASESENSIT",
        "1.4.2",
        "1.4.2",
    )
    assert report["result"] == "P"


def test_server_down_then_push_delivers_with_limits(offline_site: Site) -> None:
    from pywats.testing import Emulator

    line = run_openhtf(offline_site, "SN-HTF-1")
    assert line.startswith("WATS queued"), line
    assert "run `wats queue push -i it`" in line
    [row] = offline_site.rows()  # committed before the kill
    # Pending whatever the bounded pass managed on a busy machine (tried and refused, or cut
    # short by its timeout before the first attempt).
    assert (row["state"], row["serial_number"]) == ("pending", "SN-HTF-1")

    port = int(offline_site.url.rsplit(":", 1)[1])
    token = offline_site.env["PYWATS_API_TOKEN"]
    with Emulator(port=port, token=token) as server:
        done = offline_site.wats("wats queue push -i it")  # the command the line printed
        assert done.returncode == 0, done.stdout + done.stderr
        assert json.loads(done.stdout)["delivered"] == 1
        stored = server.report(row["report_id"])
    assert stored is not None
    check_measurements(stored, "SN-HTF-1")
    [row] = offline_site.rows()
    assert row["state"] == "delivered"


def test_delivered_at_once_when_the_server_is_up(site: Site, fresh_emulator: Any) -> None:
    line = run_openhtf(site, "SN-HTF-2")
    assert line.startswith("WATS delivered"), line
    [row] = site.rows()
    assert row["state"] == "delivered"
    check_measurements(fresh_emulator.report(row["report_id"]), "SN-HTF-2")


def test_unwritable_queue_spools_and_push_takes_the_spool(
    tmp_path: Path, fresh_emulator: Any
) -> None:
    blocked = tmp_path / "q" / "queue.sqlite3"
    blocked.mkdir(parents=True)  # a folder where the database file should be
    site = Site(tmp_path, fresh_emulator.url, fresh_emulator.token, queue={"path": str(blocked)})
    line = run_openhtf(site, "SN-HTF-3")
    assert line.startswith("WATS spooled"), line
    [spooled] = (tmp_path / "q" / "spool").glob("*.json")
    assert json.loads(spooled.read_text(encoding="utf-8"))["sn"] == "SN-HTF-3"
    assert fresh_emulator.reports() == []

    blocked.rmdir()  # the operator fixes the disk
    done = site.wats("wats queue push -i it")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert (result["spooled_in"], result["delivered"]) == (1, 1)
    assert not spooled.exists()
    [stored] = fresh_emulator.reports()
    check_measurements(stored, "SN-HTF-3")

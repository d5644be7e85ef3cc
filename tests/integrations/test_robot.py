"""The Robot Framework listener and keyword library, in real ``robot`` runs."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from ._site import Site

pytest.importorskip("robot", reason="robotframework is not installed")

SUITE = """
*** Settings ***
Library     pywats.integrations.robot.WatsLibrary
Metadata    Part Number    PCB-2002

*** Test Cases ***
Rail 3V3
    Record Numeric    3V3    3.31    low=3.2    high=3.4    unit=V
    Record String    firmware    1.4.2    expected=1.4.2

Plain Pass
    Log    hello

Fails
    Should Be Equal    1    2

Skipped
    Skip    no rig
"""

# A second listener that kills the process when Robot closes its listeners: after the run,
# before Robot writes anything more.
KILLER = """
import os, signal
ROBOT_LISTENER_API_VERSION = 3
def close():
    os.kill(os.getpid(), signal.SIGKILL)
"""

LISTENER = "pywats.integrations.robot.Wats:instance=it:sn=SN-R1:process_code=50:timeout=30"


def run_robot(site: Site, *extra: str) -> Any:
    (site.root / "board.robot").write_text(SUITE, encoding="utf-8")
    (site.root / "killer.py").write_text(KILLER, encoding="utf-8")
    args = ["--output", "NONE", "--report", "NONE", "--log", "NONE", "--console", "dotted"]
    return site.run(
        sys.executable, "-m", "robot", *args, "--listener", LISTENER, *extra, "board.robot"
    )


def test_robot_run_becomes_one_report(site: Site, fresh_emulator: Any) -> None:
    done = run_robot(site)
    assert done.returncode == 1, done.stdout + done.stderr  # one test failed
    [line] = [ln for ln in done.stdout.splitlines() if "WATS: " in ln]  # after the dots
    assert "queued as 1; delivered" in line
    [report] = fresh_emulator.reports()
    assert (report["sn"], report["pn"], report["processCode"]) == ("SN-R1", "PCB-2002", 50)
    assert report["result"] == "F"
    [suite] = report["root"]["steps"]
    assert suite["name"] == "Board"
    steps = {step["name"]: step for step in suite["steps"]}
    assert {name: s["status"] for name, s in steps.items()} == {
        "Rail 3V3": "P",
        "Plain Pass": "P",
        "Fails": "F",
        "Skipped": "S",
    }
    [volts, firmware] = steps["Rail 3V3"]["steps"]
    [meas] = volts["numericMeas"]
    assert (meas["compOp"], meas["lowLimit"], meas["highLimit"], meas["unit"]) == (
        "GELE",
        3.2,
        3.4,
        "V",
    )
    assert firmware["stringMeas"][0]["limit"] == "1.4.2"
    assert steps["Fails"]["reportText"] == "1 != 2"


def test_killed_right_after_the_run_loses_nothing(offline_site: Site) -> None:
    done = run_robot(offline_site, "--listener", "killer.py")
    assert done.returncode == -9, done.stdout + done.stderr
    [row] = offline_site.rows()
    assert (row["state"], row["serial_number"]) == ("pending", "SN-R1")

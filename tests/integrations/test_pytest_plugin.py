"""The pytest plugin, in real pytest runs (``pytester``, one process each)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ._site import Site, run_pytest

pytest_plugins = ["pytester"]

SUITE = """
import pytest

def test_rail(wats):
    wats.serial_number = "SN-PT-1"
    assert wats.numeric("3V3", 3.31, low=3.2, high=3.4, unit="V")
    assert wats.string("firmware", "1.4.2", expected="1.4.2")

class TestPower:
    def test_ok(self):
        pass

    def test_bad(self):
        assert 1 == 2, "rail out of range"

    @pytest.mark.skip(reason="no rig")
    def test_skip(self):
        pass

    @pytest.mark.xfail(reason="known issue")
    def test_xfail(self):
        assert 0

@pytest.fixture
def rig():
    raise RuntimeError("rig down")

def test_error(rig):
    pass
"""

DUTS = """
import pytest

@pytest.mark.parametrize("dut", ["SN-A", "SN-B"])
def test_current(dut, wats):
    assert wats.numeric("I", 0.5, high=1.0, unit="A")

@pytest.mark.parametrize("dut", ["SN-A", "SN-B"])
def test_boot(dut):
    pass
"""


def _wats_lines(result: pytest.RunResult) -> list[str]:
    return [line for line in result.outlines if line.startswith("WATS: ")]


def _by_name(step: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {child["name"]: child for child in step.get("steps") or []}


def test_one_report_with_steps_and_measurements(
    pytester: pytest.Pytester, site: Site, fresh_emulator: Any
) -> None:
    pytester.makepyfile(test_board=SUITE)
    result = run_pytest(  # through the entry point, as installed
        pytester,
        site.env,
        "--wats",
        "--wats-instance",
        "it",
        "--wats-pn",
        "PCB-1001",
        "--wats-process-code",
        "50",
        autoload=True,
    )
    result.assert_outcomes(passed=2, failed=1, skipped=1, xfailed=1, errors=1)
    lines = _wats_lines(result)
    assert any(line.endswith("queued as 1; delivered") for line in lines), lines
    [report] = fresh_emulator.reports()
    assert (report["sn"], report["pn"], report["processCode"]) == ("SN-PT-1", "PCB-1001", 50)
    assert (report["machineName"], report["location"]) == ("INTEG-01", "Lab")
    assert report["result"] == "E"  # an errored test outranks a failed one
    [module] = report["root"]["steps"]
    assert module["name"] == "test_board.py"
    steps = _by_name(module)
    assert list(steps) == ["test_rail", "TestPower", "test_error"]
    rail = _by_name(steps["test_rail"])
    [volts] = rail["3V3"]["numericMeas"]
    assert (volts["compOp"], volts["lowLimit"], volts["highLimit"]) == ("GELE", 3.2, 3.4)
    assert (volts["value"], volts["unit"], volts["status"]) == (3.31, "V", "P")
    [firmware] = rail["firmware"]["stringMeas"]
    assert (firmware["compOp"], firmware["limit"], firmware["status"]) == (
        "CASESENSIT",
        "1.4.2",
        "P",
    )
    power = _by_name(steps["TestPower"])
    assert {name: s["status"] for name, s in power.items()} == {
        "test_ok": "P",
        "test_bad": "F",
        "test_skip": "S",
        "test_xfail": "S",
    }
    assert "rail out of range" in power["test_bad"]["reportText"]
    assert power["test_skip"]["reportText"] == "no rig"
    assert power["test_xfail"]["reportText"] == "xfail: known issue"
    assert steps["test_error"]["status"] == "E"
    assert "rig down" in steps["test_error"]["reportText"]


def test_one_report_per_dut(pytester: pytest.Pytester, site: Site, fresh_emulator: Any) -> None:
    pytester.makepyfile(test_duts=DUTS)
    result = run_pytest(pytester, site.env, "--wats-instance", "it")
    result.assert_outcomes(passed=4)
    assert len([ln for ln in _wats_lines(result) if "delivered" in ln]) == 2
    reports = {r["sn"]: r for r in fresh_emulator.reports()}
    assert sorted(reports) == ["SN-A", "SN-B"]
    for report in reports.values():
        [module] = report["root"]["steps"]
        names = [step["name"] for step in module["steps"]]
        assert names == [f"test_current[{report['sn']}]", f"test_boot[{report['sn']}]"]
        [current] = module["steps"][0]["steps"][0]["numericMeas"]
        assert (current["compOp"], current["lowLimit"], current["value"]) == ("LE", 1.0, 0.5)


def test_inactive_unless_asked(pytester: pytest.Pytester, site: Site, fresh_emulator: Any) -> None:
    pytester.makepyfile(test_duts=DUTS)
    result = run_pytest(pytester, site.env, autoload=True)
    result.assert_outcomes(passed=4)  # the fixture works, records nothing
    assert _wats_lines(result) == []
    assert not site.queue_path.exists()
    assert fresh_emulator.reports() == []


def test_p_option_activates_without_autoload(
    pytester: pytest.Pytester, site: Site, fresh_emulator: Any
) -> None:
    pytester.makepyfile(test_duts=DUTS)
    pytester.makeini("[pytest]\nwats_instance = it\nwats_dut_param = dut\n")
    result = run_pytest(pytester, site.env)  # -p pywats.pytest, autoloading off
    result.assert_outcomes(passed=4)
    assert len(fresh_emulator.reports()) == 2


def test_running_service_delivers(pytester: pytest.Pytester, site: Site) -> None:
    from filelock import FileLock

    pytester.makepyfile(test_board=SUITE)
    lock = FileLock(str(site.data / "service.lock"))
    site.data.mkdir(parents=True, exist_ok=True)
    with lock:  # as `wats watch -i it` holds it
        result = run_pytest(pytester, site.env, "--wats-instance", "it")
    lines = _wats_lines(result)
    assert any("queued as 1; will be delivered by the station service" in ln for ln in lines)
    [row] = site.rows()
    assert (row["state"], row["attempts"]) == ("pending", 0)


def test_killed_right_after_the_session_loses_nothing(
    pytester: pytest.Pytester, offline_site: Site
) -> None:
    pytester.makeconftest(
        "import os, signal\n"
        "def pytest_unconfigure(config):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    pytester.makepyfile(test_board=SUITE)
    result = run_pytest(pytester, offline_site.env, "--wats-instance", "it", "--wats-timeout", "3")
    assert result.ret == -9
    [row] = offline_site.rows()
    assert (row["state"], row["serial_number"]) == ("pending", "SN-PT-1")
    report = json.loads(row["payload"])
    assert len(report["root"]["steps"][0]["steps"]) == 3

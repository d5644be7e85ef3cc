"""JUnit XML: golden files written by real pytest (xunit1, xunit2), a live pytest run, errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, ConverterContext
from pywats.station.converters.junit import JUnitConverter
from pywats.station.converters.testing import GOLDEN_CONTEXT, check_golden, convert_to_dicts

DATA = Path(__file__).resolve().parents[2] / "data" / "converters" / "junit"


def _steps(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    stack = [report["root"]]
    while stack:
        step = stack.pop()
        out[step["name"]] = step
        stack.extend(step.get("steps") or [])
    return out


def _check_pytest_report(report: dict[str, Any], family: str) -> None:
    assert check(report) == []
    assert (report["sn"], report["pn"], report["rev"]) == ("SN-42", "PCB-1001", "B")
    assert report["result"] == "E"  # an error outranks a failure (§4.15)
    assert report["miscInfos"] == [{"description": "firmware", "text": "1.4.2", "numeric": None}]
    steps = _steps(report)
    status = {name: s["status"] for name, s in steps.items() if name.startswith("test_")}
    assert status == {
        "test_passes": "P",
        "test_fails": "F",
        "test_errors": "E",
        "test_skipped": "S",
        "test_xfail": "S",
        "test_rails[3.3]": "P",
        "test_rails[5.0]": "P",
        "test_red": "P",
        "test_green": "P",
    }
    assert steps["test_fails"]["errorMessage"].startswith("AssertionError: 3V3 rail out of range")
    assert "sample_suite.py:" in steps["test_fails"]["reportText"]
    assert steps["test_errors"]["errorMessage"].startswith("failed on setup")
    assert steps["test_passes"]["booleanMeas"] == [{"name": None, "status": "P"}]
    assert "booleanMeas" not in steps["test_skipped"]
    # grouped: suite -> classname -> test case
    suite = report["root"]["steps"][0]
    assert suite["name"] == "rig-suite"
    assert [s["name"] for s in suite["steps"]] == ["sample_suite", "sample_suite.TestLeds"]
    assert [s["name"] for s in suite["steps"][1]["steps"]] == ["test_red", "test_green"]
    props = steps["test_red"]["additionalResults"][0]["props"]
    assert props == [{"name": "current_mA", "type": "String", "value": "12.5"}]
    assert isinstance(report["uut"]["execTime"], float)


@pytest.mark.parametrize("family", ["xunit1", "xunit2"])
def test_golden(family: str) -> None:
    [report] = check_golden(
        JUnitConverter(), DATA / f"pytest-{family}.xml", DATA / f"pytest-{family}.expected.json"
    )
    _check_pytest_report(report, family)


@pytest.mark.parametrize("family", ["xunit1", "xunit2"])
def test_live_pytest_run(tmp_path: Path, family: str) -> None:
    shutil.copy(DATA / "sample_suite.py", tmp_path / "sample_suite.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    out = tmp_path / "junit.xml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "sample_suite.py",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            f"junit_family={family}",
            "-o",
            "junit_suite_name=rig-suite",
            f"--junitxml={out}",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # one test fails, by design
    [report] = convert_to_dicts(JUnitConverter(), out)
    _check_pytest_report(report, family)
    assert report["machineName"] == GOLDEN_CONTEXT.station_name


def _error(tmp_path: Path, text: str) -> str:
    source = tmp_path / "junit.xml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        JUnitConverter().convert(source, ConverterContext())
    return str(caught.value)


def test_malformed(tmp_path: Path) -> None:
    assert _error(tmp_path, "<testsuites>\n<testsuite>\n") == (
        "junit.xml: line 3, column 1: not well-formed XML (no element found)"
    )
    assert _error(tmp_path, "<Reports/>") == (
        "junit.xml: line 1, column 1: <Reports> is not a JUnit document"
        " (expected <testsuites> or <testsuite>)"
    )
    suite = '<testsuite name="s" timestamp="2026-01-01T00:00:00+00:00">\n  {}\n</testsuite>'
    assert _error(tmp_path, suite.format('<testcase classname="c"/>')) == (
        "junit.xml: line 2, column 3: <testcase> has no name attribute"
    )
    assert _error(tmp_path, suite.format('<testcase name="t" time="fast"/>')) == (
        "junit.xml: line 2, column 3: <testcase> time='fast' is not a number"
    )
    assert "is not a date and time" in _error(
        tmp_path, '<testsuite name="s" timestamp="yesterday"/>'
    )


def test_a_single_testsuite_root_and_parameters(tmp_path: Path) -> None:
    source = tmp_path / "TEST-unit.xml"
    source.write_text(
        '<testsuite name="unit" time="1.5" timestamp="2026-01-01T12:00:00+00:00">'
        '<testcase name="a" time="1.5"/></testsuite>',
        encoding="utf-8",
    )
    context = ConverterContext(
        station_name="S", location="L", purpose="P", parameters={"pn": "APP", "rev": "2.0"}
    )
    [report] = JUnitConverter().convert(source, context)
    data = report.to_wsjf()
    assert (data["pn"], data["sn"], data["rev"], data["result"]) == ("APP", "TEST-unit", "2.0", "P")
    assert data["uut"]["execTime"] == 1.5
    assert check(data) == []


def _tree(step: dict[str, Any], depth: int = 0) -> list[str]:
    out = [f"{'  ' * depth}{step['name']} {step['status']}"]
    for child in step.get("steps") or []:
        out.extend(_tree(child, depth + 1))
    return out


def test_nested_suites_nest_and_propagate_with_header_from_properties() -> None:
    # Robot Framework --xunit: suites in suites, metadata (serial, part number) as the inner
    # suite's properties, written after its test cases.
    [report] = check_golden(
        JUnitConverter(), DATA / "robot-nested.xml", DATA / "robot-nested.expected.json"
    )
    assert (report["sn"], report["pn"], report["rev"]) == ("RIG-0042", "PSU-220", "C")
    assert _tree(report["root"])[1:] == [
        "  Rig F",
        "    Power Rails F",
        "      Rail 3V3 Within Limits P",
        "      Rail 5V Within Limits F",
        "      Rail 12V Within Limits S",
        "    Deep F",
        "      Fan F",
        "        Fan Spins P",
        "        Fan Speed F",
    ]
    assert report["result"] == "F"


def test_rfc1123_timestamps_on_testsuites_and_suite_output() -> None:
    # mocha: RFC 1123 time stamps, also on <testsuites>; suite-level system-out/err.
    [report] = check_golden(
        JUnitConverter(),
        DATA / "mocha-rfc1123.xml",
        DATA / "mocha-rfc1123.expected.json",
        parameters={"sn_property": "board_serial", "pn_property": "board_pn"},
    )
    assert report["startUTC"].startswith("2026-11-30T08:00:05")
    assert (report["sn"], report["pn"]) == ("MB-77-0003", "MB-77")
    suite = report["root"]["steps"][1]
    assert suite["name"] == "firmware api"
    assert "boot log: ok" in suite["reportText"]
    assert "warning: slow flash" in suite["reportText"]
    assert next(s["name"] for s in suite["steps"]) == "firmware api reports a version"


def test_unknown_parameter_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    from pywats.station.converters import ParameterError
    from pywats.station.converters.dryrun import dry_run

    with pytest.raises(ParameterError) as caught:
        dry_run(DATA / "robot-nested.xml", "junit", parameters={"sn_propery": "x"})
    message = str(caught.value)
    assert "'sn_propery' (did you mean 'sn_property'?)" in message
    assert "it knows: operation_code, operator, pn, pn_property, rev" in message


def test_times_with_a_decimal_comma_or_thousands_separators(tmp_path: Path) -> None:
    # Maven Surefire in a German locale writes time="0,015"; some writers "1,234.5".
    source = tmp_path / "TEST-locale.xml"
    source.write_text(
        '<testsuite name="s" time="1,234.5" timestamp="2026-01-01T12:00:00+00:00">'
        '<testcase classname="c" name="a" time="0,015"/></testsuite>',
        encoding="utf-8",
    )
    [report] = convert_to_dicts(JUnitConverter(), source)
    assert report["uut"]["execTime"] == 1234.5
    assert _steps(report)["a"]["totTime"] == 0.015

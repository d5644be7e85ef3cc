"""OpenHTF JSON (OutputToJSON): a golden record written by real OpenHTF, a live run, errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, ConverterContext
from pywats.station.converters.openhtf import OpenHTFConverter
from pywats.station.converters.testing import check_golden, convert_to_dicts

DATA = Path(__file__).resolve().parents[2] / "data" / "converters" / "openhtf"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run in UTC: OpenHTF stamps are epoch milliseconds, shown in the station's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _steps(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    stack = [report["root"]]
    while stack:
        step = stack.pop()
        out[step["name"]] = step
        stack.extend(step.get("steps") or [])
    return out


def _check_board(report: dict[str, Any], serial: str) -> None:
    assert check(report) == []
    assert (report["sn"], report["pn"], report["result"]) == (serial, "PCB-3003", "F")
    steps = _steps(report)
    assert [s["name"] for s in report["root"]["steps"]] == ["trigger_phase", "power", "response"]
    rail = steps["rail_3v3"]["numericMeas"][0]
    assert (rail["compOp"], rail["lowLimit"], rail["highLimit"], rail["unit"]) == (
        "GELE",
        3.2,
        3.4,
        "V",
    )
    standby = steps["standby_mA"]["numericMeas"][0]
    assert (standby["compOp"], standby["lowLimit"], standby["highLimit"]) == ("LE", 1.0, None)
    assert steps["firmware"]["stringMeas"][0]["compOp"] == "CASESENSIT"
    assert steps["firmware"]["stringMeas"][0]["limit"] == "1.4.2"
    assert steps["self_test"]["booleanMeas"] == [{"name": None, "status": "P"}]
    offset = steps["offset"]["numericMeas"][0]
    assert (offset["lowLimit"], offset["highLimit"], offset["status"]) == (9.5, 10.5, "F")
    noise = steps["noise"]["numericMeas"][0]
    assert (noise["value"], noise["status"]) == ("NaN", "F")
    chart = steps["gain"]["chart"]
    assert (chart["xLabel"], chart["xUnit"], chart["yUnit"]) == ("hertz", "Hz", "dB")
    assert chart["series"][0]["xdata"] == "10.0;100.0;1000.0"
    attachment = steps["Attachment sweep.csv"]["attachment"]
    assert attachment["contentType"] == "text/csv"
    assert steps["response"]["status"] == "F"


def test_golden(utc: None) -> None:
    [report] = check_golden(OpenHTFConverter(), DATA / "board.json", DATA / "board.expected.json")
    _check_board(report, "SN-7007")
    assert report["start"].endswith("+00:00")


def test_live_openhtf_run(tmp_path: Path) -> None:
    pytest.importorskip("openhtf", reason="openhtf is not installed (pip install openhtf)")
    out = tmp_path / "record.json"
    done = subprocess.run(
        [sys.executable, str(DATA / "htf_board.py"), str(out), "SN-LIVE-1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [report] = convert_to_dicts(OpenHTFConverter(), out)
    _check_board(report, "SN-LIVE-1")


def test_outcome_details_become_the_error_message(tmp_path: Path, utc: None) -> None:
    record = json.loads((DATA / "board.json").read_text(encoding="utf-8"))
    record["outcome"] = "ERROR"
    record["outcome_details"] = [{"code": "PlugError", "description": "DMM did not answer"}]
    source = tmp_path / "error.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    [report] = convert_to_dicts(OpenHTFConverter(), source)
    assert report["result"] == "E"
    assert report["uut"]["errorMessage"] == "PlugError: DMM did not answer"
    assert check(report) == []


def _error(tmp_path: Path, record: Any, raw: str | None = None) -> str:
    source = tmp_path / "record.json"
    source.write_text(raw if raw is not None else json.dumps(record), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        OpenHTFConverter().convert(source, ConverterContext())
    return str(caught.value)


def test_malformed(tmp_path: Path) -> None:
    good = json.loads((DATA / "board.json").read_text(encoding="utf-8"))
    assert _error(tmp_path, None, '{"dut_id": "x",\n "phases": [}') == (
        "record.json: line 2, column 13: not valid JSON (Expecting value)"
    )
    assert _error(tmp_path, {"a": 1}) == (
        "record.json: $: is not an OpenHTF test record (no 'phases')"
    )
    bad = json.loads(json.dumps(good))
    bad["phases"][1]["measurements"]["rail_3v3"]["outcome"] = "MAYBE"
    assert _error(tmp_path, bad) == (
        "record.json: $.phases[1].measurements.rail_3v3.outcome: 'MAYBE' is not PASS/FAIL/UNSET"
    )
    bad = json.loads(json.dumps(good))
    bad["phases"][2]["measurements"]["gain"]["measured_value"][1] = [100]
    assert _error(tmp_path, bad) == (
        "record.json: $.phases[2].measurements.gain.measured_value[1]:"
        " must be [1 coordinate(s), value], not [100]"
    )
    bad = json.loads(json.dumps(good))
    bad["dut_id"] = ""
    assert _error(tmp_path, bad) == "record.json: $.dut_id: is empty; the record names no unit"
    bad["dut_id"] = "x"
    bad["outcome"] = "GREAT"
    assert "$.outcome: 'GREAT' is not PASS, FAIL, ERROR, TIMEOUT or ABORTED" in _error(
        tmp_path, bad
    )


def test_record_without_inline_attachments_and_a_phase_that_raised(utc: None) -> None:
    # Written by OpenHTF 1.6.3 with OutputToJSON(inline_attachments=False) (htf_noinline.py).
    [report] = check_golden(
        OpenHTFConverter(), DATA / "noinline-error.json", DATA / "noinline-error.expected.json"
    )
    assert report["result"] == "E"
    steps = _steps(report)
    note = steps["Attachment scope.csv"]
    assert "attachment" not in note or note["attachment"] is None
    assert note["reportText"] == (
        "Attachment scope.csv (text/csv, sha1 0388b4870c9089d58a477569494b9d833bf22a90)"
        " was not inlined in the record"
    )
    fan = steps["fan"]
    assert fan["status"] == "E"
    assert fan["errorMessage"] == "RuntimeError: fan tachometer not responding (I2C NACK at 0x2c)"
    assert "Traceback" in fan["reportText"]


def test_inlined_attachment_sizes_when_the_record_gives_them(tmp_path: Path) -> None:
    record = json.loads((DATA / "noinline-error.json").read_text(encoding="utf-8"))
    record["phases"][1]["attachments"]["scope.csv"]["size"] = 21
    source = tmp_path / "sized.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    [report] = convert_to_dicts(OpenHTFConverter(), source)
    assert "(text/csv, 21 bytes, sha1 " in _steps(report)["Attachment scope.csv"]["reportText"]

"""ATML (TestStand, IEEE 1636.1 5.0 and 6.01): golden files and malformed input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, ConverterContext
from pywats.station.converters.atml import ATMLConverter
from pywats.station.converters.testing import check_golden

DATA = Path(__file__).resolve().parents[2] / "data" / "converters" / "atml"


@pytest.mark.parametrize("version", ["atml5", "atml601"])
def test_golden(version: str) -> None:
    [report] = check_golden(
        ATMLConverter(),
        DATA / f"teststand-{version}.xml",
        DATA / f"teststand-{version}.expected.json",
    )
    assert (report["pn"], report["sn"], report["rev"]) == ("PCB-2002", "SN-5001", "C")
    assert report["uut"]["user"] == "administrator"
    assert report["uut"]["batchSN"] == "BATCH-9"
    assert report["uut"]["execTime"] == 7.5
    assert report["start"].startswith("2026-01-30T10:15:02.125")
    assert report["result"] == "F"
    assert report["root"]["seqCall"] == {
        "path": "C:\\Tests\\Board.seq",
        "name": "MainSequence",
        "version": None,
    }
    setup, rails, identity, cleanup = report["root"]["steps"]
    assert (setup["group"], setup["status"], cleanup["group"]) == ("S", "D", "C")
    assert rails["name"] == "Power rails"
    ops = [m["compOp"] for s in rails["steps"] for m in s["numericMeas"]]
    assert ops == ["GELE", "LT", "GTLT", "LOG", "LTGT"]
    ripple = rails["steps"][1]
    assert ripple["causedUUTFailure"] is True
    assert report["uut"]["stepIdCausedUUTFailure"] == ripple["id"]
    firmware, self_test, eeprom = identity["steps"]
    assert firmware["stringMeas"][0]["compOp"] == "IGNORECASE"
    assert firmware["reportText"] == "read over UART"
    assert self_test["booleanMeas"] == [{"name": None, "status": "P"}]
    assert eeprom["status"] == "S"


def test_station_from_the_file_when_the_folder_names_none() -> None:
    [report] = ATMLConverter().convert(DATA / "teststand-atml5.xml", ConverterContext())
    assert report.station_name == "TS-STATION-7"


def _error(tmp_path: Path, text: str) -> str:
    source = tmp_path / "run.xml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        ATMLConverter().convert(source, ConverterContext(location="L", purpose="P"))
    return str(caught.value)


def test_malformed(tmp_path: Path) -> None:
    good = (DATA / "teststand-atml5.xml").read_text(encoding="utf-8")
    assert _error(tmp_path, "<TestResults>") == (
        "run.xml: line 1, column 14: not well-formed XML (no element found)"
    )
    assert "is not an ATML document" in _error(tmp_path, "<Reports/>")
    bad_value = good.replace('value="55"', 'value="fifty"')
    line = next(i for i, t in enumerate(bad_value.splitlines(), 1) if "fifty" in t)
    assert _error(tmp_path, bad_value) == (
        f"run.xml: line {line}, column 15: <Datum> value='fifty' is not a number"
    )
    bad_op = good.replace(
        'comparator="LT"><c:Datum xsi:type="ts:TS_double" flags',
        'comparator="XX"><c:Datum xsi:type="ts:TS_double" flags',
    )
    assert "comparator 'XX' has no WATS equivalent" in _error(tmp_path, bad_op)
    no_serial = good.replace("<c:SerialNumber>SN-5001</c:SerialNumber>", "")
    assert "has no <UUT><c:SerialNumber> and parameters.sn is not set" in _error(
        tmp_path, no_serial
    )


def _by_name(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    stack = [report["root"]]
    while stack:
        step = stack.pop()
        out[step["name"]] = step
        stack.extend(step.get("steps") or [])
    return out


def test_wats_addon_and_custom_step_types_follow_their_data() -> None:
    [report] = check_golden(
        ATMLConverter(), DATA / "wats-addon-types.xml", DATA / "wats-addon-types.expected.json"
    )
    steps = _by_name(report)
    # a string value in a step type named as numeric: a string measurement, not a refusal
    board = steps["Board ID"]
    assert board["stringMeas"] == [
        {"name": None, "value": "REV-B", "limit": None, "compOp": "LOG", "status": "P"}
    ]
    assert steps["Firmware version"]["stepType"] == "ET_SVT"
    assert steps["Firmware version"]["stringMeas"][0]["compOp"] == "CASESENSIT"
    assert steps["Self tests"]["booleanMeas"] == [
        {"name": "RAM", "status": "P"},
        {"name": "Flash", "status": "F"},
    ]
    assert steps["Fan speed"]["stepType"] == "WATS_NumericLog"
    assert steps["Fan speed"]["numericMeas"][0]["value"] == 2400


def test_equal_with_tolerance_becomes_the_equivalent_range() -> None:
    [report] = ATMLConverter().convert(DATA / "wats-addon-types.xml", ConverterContext())
    steps = _by_name(report.to_wsjf())
    [ref] = steps["Reference 2V5"]["numericMeas"]
    assert (ref["compOp"], ref["lowLimit"], ref["highLimit"]) == ("GELE", 2.45, 2.55)
    [osc] = steps["Oscillator"]["numericMeas"]  # 25 MHz +-1 %
    assert (osc["compOp"], osc["lowLimit"], osc["highLimit"], osc["status"]) == (
        "GELE",
        24.75,
        25.25,
        "F",
    )


def test_collection_items_keep_their_measurements() -> None:
    [report] = ATMLConverter().convert(DATA / "wats-addon-types.xml", ConverterContext())
    adc = _by_name(report.to_wsjf())["ADC channels"]
    assert [(m["name"], m["value"], m["status"]) for m in adc["numericMeas"]] == [
        ("Ch0", 1.01, "P"),
        ("Ch1", 0.99, "P"),
        ("Ch2", 1.2, "F"),
    ]


def test_custom_outcome_qualifier_is_kept_as_text() -> None:
    [report] = ATMLConverter().convert(DATA / "wats-addon-types.xml", ConverterContext())
    burn_in = _by_name(report.to_wsjf())["Burn-in"]
    assert burn_in["status"] == "T"
    assert burn_in["reportText"] == "Outcome: Aborted (Operator stop)"


def test_values_in_data_on_action_steps_are_kept() -> None:
    [report] = ATMLConverter().convert(DATA / "wats-addon-types.xml", ConverterContext())
    fuses = _by_name(report.to_wsjf())["Read fuses"]
    assert fuses["reportText"] == "fuses read"
    assert [(r["name"], r["props"][0]["value"]) for r in fuses["additionalResults"]] == [
        ("FuseWord", "0xA5F0"),
        ("Temperature", "31.5"),
    ]


def test_atml202_log_steps_times_and_no_extra_level() -> None:
    # TestStand writes no part number by default: it is given as a parameter (-p pn=...).
    with pytest.raises(ConversionError, match=r"-p pn=PART"):
        ATMLConverter().convert(DATA / "teststand-atml202-log.xml", ConverterContext())
    [report] = check_golden(
        ATMLConverter(),
        DATA / "teststand-atml202-log.xml",
        DATA / "teststand-atml202-log.expected.json",
        parameters={"pn": "LOGGER-1"},
    )
    assert report["root"]["seqCall"]["name"] == "MainSequence"
    current, voltage = report["root"]["steps"]
    assert current["name"] == "Supply current"
    assert current["totTime"] == 0.5
    assert current["numericMeas"][0]["compOp"] == "LOG"
    assert current["status"] == "P"
    assert voltage["numericMeas"][0]["compOp"] == "GELE"


REAL = Path(__file__).resolve().parents[4] / "shared" / "fixtures" / "real-inputs" / "atml"


def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (the ../shared fixtures are not checked out here)")
    return path


def test_real_teststand_run_reads_the_same_in_202_500_and_601() -> None:
    shapes = []
    for name in ("ts_atml202_simple.xml", "ts_atml500_simple.xml", "ts_atml601_simple.xml"):
        [report] = ATMLConverter().convert(_real(name), ConverterContext())
        data = report.to_wsjf()
        assert check(data) == []
        shapes.append(_shape(data["root"]))
    assert shapes[0] == shapes[1] == shapes[2]
    assert shapes[0][1][0][0] == ("Add Partnumber", "D")  # no "MainSequence" level in 2.02


def _shape(step: dict[str, Any]) -> tuple[Any, ...]:
    return ((step["name"], step["status"]), [_shape(s) for s in step.get("steps") or []])

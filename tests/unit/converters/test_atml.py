"""ATML (TestStand, IEEE 1636.1 5.0 and 6.01): golden files and malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    bad_outcome = good.replace('<tr:Outcome value="NotStarted"/>', '<tr:Outcome value="Maybe"/>')
    assert "<Outcome> value='Maybe' is not an outcome TestStand writes" in _error(
        tmp_path, bad_outcome
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

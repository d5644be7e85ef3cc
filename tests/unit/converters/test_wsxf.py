"""WSXF <-> WSJF: the real server's golden pair both ways, a full UUT+UUR file, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, ConverterContext
from pywats.station.converters._xml import local, parse_xml
from pywats.station.converters.testing import check_golden
from pywats.station.converters.wsxf import WSXFConverter, wsjf_to_wsxf, wsxf_to_wsjf

DATA = Path(__file__).resolve().parents[2] / "data" / "converters" / "wsxf"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures" / "real-reports"

# The documented exceptions (see pywats/station/converters/wsxf.py): positions WSJF does not
# carry, regenerated on write.
POSITIONAL = {"StepIndex", "MeasIndex", "MeasOrderNumber", "Filename"}


def _shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared fixtures are not checked out here)")
    return path


def normalise(value: Any) -> Any:
    """Value equality as WSJF means it: null == absent, [] == absent, 10 == 10.0."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def canonical_xml(data: bytes) -> tuple[Any, ...]:
    def walk(el: Any) -> tuple[Any, ...]:
        attrs = {k: v for k, v in el.attrib.items() if v != "" and k not in POSITIONAL}
        return (
            local(el.tag),
            tuple(sorted(attrs.items())),
            (el.text or "").strip() or None,
            tuple(walk(c) for c in el),
        )

    return walk(parse_xml(data, "doc").root)


def test_real_wsxf_export_reads_as_the_real_wsjf_export() -> None:
    xml = _shared("uut-wsxf-export.xml").read_bytes()
    expected = json.loads(_shared("uut-wsjf-export.json").read_text(encoding="utf-8"))
    [report] = wsxf_to_wsjf(xml, source="uut-wsxf-export.xml")
    assert normalise(report) == normalise(expected)
    # The server's own export breaks one client-side rule (a Done step over a passed
    # measurement); the converted report has exactly the problems the WSJF export has.
    assert check(report) == check(expected)


def test_real_wsjf_export_writes_the_real_wsxf_export() -> None:
    xml = _shared("uut-wsxf-export.xml").read_bytes()
    data = json.loads(_shared("uut-wsjf-export.json").read_text(encoding="utf-8"))
    written = wsjf_to_wsxf(data)
    assert canonical_xml(written) == canonical_xml(xml)
    [back] = wsxf_to_wsjf(written)
    assert normalise(back) == normalise(data)


@pytest.mark.parametrize("name", ["uur_example.json", "new_report_example.json"])
def test_other_real_reports_round_trip(name: str) -> None:
    data = json.loads(_shared(name).read_text(encoding="utf-8"))
    [back] = wsxf_to_wsjf(wsjf_to_wsxf(data))
    assert normalise(back) == normalise(data)


def test_full_file_golden() -> None:
    reports = check_golden(WSXFConverter(), DATA / "full.wsxf", DATA / "full.expected.json")
    uut, uur = reports
    assert (uut["type"], uur["type"]) == ("T", "R")
    assert uur["uur"]["refUUT"] == uut["id"]
    failure = uur["subUnits"][0]["failures"][0]
    assert failure["comRef"] == "C12"
    assert failure["attachments"][0]["name"] == "photo.jpg"
    assert uur["binaryData"][0]["name"] == "report.pdf"
    # and back again, value-equal
    assert [normalise(r) for r in wsxf_to_wsjf(wsjf_to_wsxf(reports))] == [
        normalise(r) for r in reports
    ]


def test_operator_and_operation_come_from_the_context(tmp_path: Path) -> None:
    data = json.loads((DATA / "full.expected.json").read_text(encoding="utf-8"))[0]
    data["uut"]["user"] = None
    data.pop("processCode")
    source = tmp_path / "r.wsxf"
    source.write_bytes(wsjf_to_wsxf(data).replace(b'<Process Code="10" />', b"<Process />"))
    context = ConverterContext(parameters={"operator": "night-shift", "operation_code": 20})
    [report] = WSXFConverter().convert(source, context)
    assert report["uut"]["user"] == "night-shift"
    assert report["processCode"] == 20


def test_a_minimal_hand_written_file_is_completed(tmp_path: Path) -> None:
    source = tmp_path / "rig.wsxf"
    source.write_text(
        '<Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">'
        '<Report type="UUT" Result="Passed" SN="S1" PN="P1" Rev="A" MachineName="M"'
        ' Location="L" Purpose="P" Start="2026-01-30T09:00:00+01:00">'
        '<UUT UserLoginName="op"/><Process Code="10"/>'
        '<Step Name="MainSequence Callback" StepType="SequenceCall" Status="Passed">'
        '<SequenceCall Name="Main"/>'
        '<Step Name="v" StepType="ET_NLT" Status="Passed">'
        '<NumericLimit NumericValue="1.5" CompOperator="GELE" LowLimit="1" HighLimit="2"'
        ' Status="Passed"/></Step></Step></Report></Reports>',
        encoding="utf-8",
    )
    [report] = WSXFConverter().convert(source, ConverterContext())
    assert check(report) == []
    assert report["startUTC"] == "2026-01-30T08:00:00.000000Z"
    assert [report["root"]["id"], report["root"]["steps"][0]["id"]] == [1, 2]
    again = WSXFConverter().convert(source, ConverterContext())[0]
    assert report["id"] == again["id"]  # stable: derived from the file's bytes


def _error(tmp_path: Path, text: str) -> str:
    source = tmp_path / "bad.xml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        WSXFConverter().convert(source, ConverterContext())
    return str(caught.value)


def test_not_well_formed_names_file_line_and_column(tmp_path: Path) -> None:
    message = _error(
        tmp_path, '<?xml version="1.0"?>\n<Reports>\n  <Report type="UUT">\n</Reports>'
    )
    assert message.startswith("bad.xml: line 4, column 3: not well-formed XML")


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        "<Reports>&lol2;</Reports>"
    )
    message = _error(tmp_path, bomb)
    assert message.startswith("bad.xml: line 3:")
    assert "entity" in message
    assert "'lol'" in message


def test_missing_status_names_the_element(tmp_path: Path) -> None:
    text = (
        '<Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">\n'
        '<Report type="UUT" ID="0B6A3F1E-94A1-4C1C-9F47-5D1A2B3C4D5E" Result="Passed" SN="1"'
        ' PN="2" Rev="A" Start="2026-01-30T09:00:00+01:00">\n'
        '  <UUT/><Process Code="10"/>\n'
        '  <Step Id="1" Name="MainSequence Callback" StepType="SequenceCall" Status="Passed">\n'
        '    <Step Id="2" Name="x" StepType="ET_NLT">\n'
        "</Step></Step></Report></Reports>"
    )
    assert _error(tmp_path, text) == "bad.xml: line 5, column 5: <Step> has no Status attribute"


def test_bad_number_and_bad_word(tmp_path: Path) -> None:
    head = (
        '<Report type="UUT" Result="Passed" SN="1" PN="2" Rev="A">'
        '<UUT/><Process Code="10"/><Step Status="Passed">\n'
    )
    bad_number = head + '<NumericLimit NumericValue="abc" Status="Passed"/></Step></Report>'
    assert _error(tmp_path, bad_number) == (
        "bad.xml: line 2, column 1: <NumericLimit> NumericValue='abc' is not a number"
    )
    bad_word = head + '<PassFail Status="Maybe"/></Step></Report>'
    assert "line 2, column 1: <PassFail> Status='Maybe' is not one of" in _error(tmp_path, bad_word)


def test_not_wsxf(tmp_path: Path) -> None:
    assert _error(tmp_path, "<testsuites/>") == (
        "bad.xml: line 1, column 1: <testsuites> is not a WSXF document"
        " (expected <Reports> or <Report>)"
    )
    assert "has no <Process" in _error(
        tmp_path, '<Report type="UUT" Result="Passed" SN="1" PN="2"><UUT/></Report>'
    )

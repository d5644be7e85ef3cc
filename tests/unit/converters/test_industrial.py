"""TestStand XML, TAKAYA and Teradyne Spectrum: golden files, the shared real files, bad input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, Converter, ConverterContext
from pywats.station.converters.takaya import TakayaConverter
from pywats.station.converters.teradyne_spectrum import TeradyneSpectrumConverter
from pywats.station.converters.testing import check_golden, convert_to_dicts
from pywats.station.converters.teststand_xml import TestStandXMLConverter

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"
REAL = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures" / "real-inputs"


def _real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared fixtures are not checked out here)")
    return path


@pytest.mark.parametrize(
    ("converter", "source"),
    [
        (TestStandXMLConverter(), "teststand_xml/board-run.xml"),
        (TakayaConverter(), "takaya/panel-ca.ATD"),
        (TakayaConverter(), "takaya/panel.atdx"),
        (TeradyneSpectrumConverter(), "teradyne_spectrum/board-fail.txt"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_golden(converter: Converter, source: str) -> None:
    path = DATA / source
    check_golden(converter, path, path.with_name(path.stem + ".expected.json"))


def _steps(step: dict[str, Any]) -> list[dict[str, Any]]:
    out = [step]
    for child in step.get("steps") or []:
        out.extend(_steps(child))
    return out


def test_teststand_steps_and_header() -> None:
    [r] = convert_to_dicts(TestStandXMLConverter(), DATA / "teststand_xml" / "board-run.xml")
    assert (r["pn"], r["sn"], r["rev"], r["result"]) == ("PCB-3003", "SN-7001", "1", "F")
    assert r["uut"]["user"] == "operator7"
    assert r["uut"]["batchSN"] == "B-3"
    assert r["uut"]["testSocketIndex"] == 1
    assert r["uut"]["execTime"] == 3.5
    steps = {s["name"]: s for s in _steps(r["root"])}
    assert steps["Power"]["seqCall"]["name"] == "Power"
    assert steps["Ripple"]["numericMeas"][0]["compOp"] == "LT"
    assert [m["name"] for m in steps["Currents"]["numericMeas"]] == ["Ch0", "Ch1"]
    assert steps["Firmware"]["stringMeas"][0]["compOp"] == "IGNORECASE"
    eeprom = steps["EEPROM"]
    assert (eeprom["status"], eeprom["errorCode"], eeprom["errorMessage"]) == (
        "E",
        -17502,
        "Instrument timeout",
    )
    assert steps["Close fixture"]["group"] == "S"
    assert steps["Close fixture"]["reportText"] == "fixture closed"
    assert r["uut"]["stepIdCausedUUTFailure"] == steps["Ripple"]["id"]


def test_takaya_boards_retest_and_unknown_line() -> None:
    ok, bad = convert_to_dicts(TakayaConverter(), DATA / "takaya" / "panel-ca.ATD")
    assert (ok["sn"], bad["sn"], ok["pn"]) == ("B-1001", "B-1002", "PCB-4004_B_TOP")
    assert (ok["result"], bad["result"]) == ("P", "F")
    cap = bad["root"]["steps"][1]
    assert cap["numericMeas"][0]["value"] == 131.0  # the retest's reading
    assert "earlier reading 52.1 nF" in cap["reportText"]
    assert bad["root"]["steps"][-1]["reportText"] == "PROBE CLEANING REQUESTED"
    one, two = convert_to_dicts(TakayaConverter(), DATA / "takaya" / "panel.atdx")
    assert (one["sn"], two["sn"]) == ("WO260214-0007-1", "WO260214-0007-2")
    [single] = convert_to_dicts(
        TakayaConverter(),
        DATA / "takaya" / "panel.atdx",
        ConverterContext(parameters={"serial_format": "{serial}/{side}{group}"}),
    )[:1]
    assert single["sn"] == "WO260214-0007/A1"


def test_takaya_part_number_from_a_pattern() -> None:
    reports = convert_to_dicts(
        TakayaConverter(),
        DATA / "takaya" / "panel-ca.ATD",
        ConverterContext(parameters={"pn_pattern": r"^(?P<pn>.+?)_(?P<rev>[A-Z])_"}),
    )
    assert {(r["pn"], r["rev"]) for r in reports} == {("PCB-4004", "B")}


def test_spectrum_units_and_verdict() -> None:
    [r] = convert_to_dicts(
        TeradyneSpectrumConverter(), DATA / "teradyne_spectrum" / "board-fail.txt"
    )
    steps = {s["name"]: s for s in _steps(r["root"])}
    cap = steps["CAP[C7]"]["numericMeas"][0]
    assert (cap["unit"], cap["lowLimit"], cap["highLimit"], cap["status"]) == (
        "uF",
        0.08,
        0.12,
        "F",
    )
    assert steps["RES[R4]"]["numericMeas"][0]["lowLimit"] == 9500.0
    assert steps["PROBE_CHECK"]["reportText"] == "probe 17 worn"
    assert r["uut"]["execTime"] == 4.75
    assert r["result"] == "F"


# -- the real files in ../shared: every report valid, and what each must say ------------------


def _summary(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in reports:
        assert check(r) == []
        leaves = [s for s in _steps(r["root"]) if not s.get("steps")]
        out.append(
            {
                "sn": r["sn"],
                "pn": r["pn"],
                "result": r["result"],
                "start": r["start"][:19],
                "steps": len(leaves),
                "statuses": dict(Counter(s["status"] for s in leaves)),
                "measurements": sum(len(s.get("numericMeas") or []) for s in leaves),
            }
        )
    return out


REAL_CASES = [
    ("teststand_xml/TSWithWats.xml", TestStandXMLConverter(), {}),
    ("teststand_xml/TsWithoutWats.xml", TestStandXMLConverter(), {"pn": "PCB-MOTHERBOARD"}),
    ("takaya/ATD/PB2939800_E_BOT-20230420130239.ATD", TakayaConverter(), {}),
    ("takaya/ATD/V682589_K_TOP-20230504130808.ATD", TakayaConverter(), {}),
    ("takaya/APT94xx_ATD/11111-BV0001 (AT33).ATD", TakayaConverter(), {}),
    ("takaya/ATDX/WO250319-0162__20250525_122655.atdx", TakayaConverter(), {}),
    ("teradyne_spectrum/sample_ict_data.txt", TeradyneSpectrumConverter(), {}),
]


@pytest.mark.parametrize(
    ("name", "converter", "params"), REAL_CASES, ids=[c[0] for c in REAL_CASES]
)
def test_real_files(name: str, converter: Converter, params: dict[str, Any]) -> None:
    reports = convert_to_dicts(converter, _real(name), ConverterContext(parameters=params))
    expected_file = DATA / "real-inputs.expected.json"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert _summary(reports) == expected[name]


def test_real_teststand_header_fields() -> None:
    [r] = convert_to_dicts(TestStandXMLConverter(), _real("teststand_xml/TSWithWats.xml"))
    assert r["id"] == "f4fb0a29-93b1-4f7f-ada7-672b382774ab"
    assert (r["pn"], r["rev"], r["processCode"]) == ("PN1", "1.0", 60)
    assert r["start"] == "2022-06-23T10:55:04.370000+02:00"
    assert r["uut"]["user"] == "administrator"


# -- bad input: file, line and reason; never a traceback ---------------------------------------


def _refusal(converter: Converter, tmp_path: Path, name: str, text: str) -> str:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        converter.convert(source, ConverterContext())
    return str(caught.value)


def test_takaya_bad_input(tmp_path: Path) -> None:
    good = (DATA / "takaya" / "panel-ca.ATD").read_text(encoding="utf-8")
    lines = good.splitlines()
    assert _refusal(TakayaConverter(), tmp_path, "x.ATD", "\n".join(lines[:-3])) == (
        f"x.ATD: line {len(lines) - 3}: the file ends before its closing '@' line"
        " (truncated while written?)"
    )
    cut = "\n".join([*lines[:17], lines[17][:40], *lines[18:]])
    assert (
        _refusal(TakayaConverter(), tmp_path, "x.ATD", cut)
        == "x.ATD: line 18: has 11 columns, the header has 38 (truncated?)"
    )
    assert "x.ATD: line 1: '<Reports>': not a TAKAYA result" in _refusal(
        TakayaConverter(), tmp_path, "x.ATD", "<Reports>\n"
    )
    no_serial = good.replace("Serial No.:B-1001", "")
    assert "x.ATD: line 11: group 1 has no serial number" in _refusal(
        TakayaConverter(), tmp_path, "x.ATD", no_serial
    )
    atdx = (DATA / "takaya" / "panel.atdx").read_text(encoding="utf-8-sig")
    short = atdx.replace(";PASS;7;N1;8;N2;0;;0;;----;;----;;----;", ";PASS;7", 1)
    assert (
        _refusal(TakayaConverter(), tmp_path, "x.atdx", short)
        == "x.atdx: line 16: has 22 fields, the header has 35 (truncated?)"
    )


def test_spectrum_bad_input(tmp_path: Path) -> None:
    good = (DATA / "teradyne_spectrum" / "board-fail.txt").read_text(encoding="utf-8")
    cut = good[: good.index('(SECTION_NAME: "RESISTORS")') - 20]
    assert "x.txt: line 17: the (PAGE: record opened here is never closed" in _refusal(
        TeradyneSpectrumConverter(), tmp_path, "x.txt", cut
    )
    assert "x.txt: line 1: 'hello world' is outside any (KEY: ...) record" in _refusal(
        TeradyneSpectrumConverter(), tmp_path, "x.txt", "hello world\n"
    )
    cut_between_records = good[: good.index('(SECTION_NAME: "Trailer")')]
    assert _refusal(TeradyneSpectrumConverter(), tmp_path, "x.txt", cut_between_records) == (
        "x.txt: line 11: the log has a StartTime but no (USER: EndTime:...) line: it looks"
        " truncated (set parameters.require_end = false if this test program writes no EndTime)"
    )
    no_serial = good.replace("Serialnumber:5005-0042", "Lot:7")
    assert "x.txt: line 1: the board has no (USER: Serialnumber:...) line" in _refusal(
        TeradyneSpectrumConverter(), tmp_path, "x.txt", no_serial
    )
    overrange = good.replace("(VAL: 10020)", "(VAL: OVRNG)")
    source = tmp_path / "over.txt"
    source.write_text(overrange, encoding="utf-8")
    [r] = convert_to_dicts(TeradyneSpectrumConverter(), source)
    r4 = next(s for s in _steps(r["root"]) if s["name"] == "RES[R4]")
    assert r4["stepType"] == "ET_PFT"
    assert "MEASVAL OVRNG Ohm" in r4["reportText"]


def test_teststand_bad_input(tmp_path: Path) -> None:
    good = (DATA / "teststand_xml" / "board-run.xml").read_text(encoding="iso-8859-1")
    assert "is not a TestStand XML report" in _refusal(
        TestStandXMLConverter(), tmp_path, "x.xml", "<TestResults/>"
    )
    assert "not well-formed XML" in _refusal(
        TestStandXMLConverter(), tmp_path, "x.xml", good[: len(good) // 2]
    )
    no_pn = good.replace("<Value>PCB-3003</Value>", "<Value></Value>")
    assert "set the folder parameter pn (-p pn=PCB-1001)" in _refusal(
        TestStandXMLConverter(), tmp_path, "x.xml", no_pn
    )


def test_teststand_kept_as_text_when_the_rest_is_sound(tmp_path: Path) -> None:
    good = (DATA / "teststand_xml" / "board-run.xml").read_text(encoding="iso-8859-1")
    odd = (
        good.replace("<Value>LT</Value>", "<Value>ABOUT</Value>")
        .replace("<Value>3.31</Value>", "<Value>1.#INF</Value>")
        .replace("<Value>1.01</Value>", "<Value>1,01</Value>")  # a localized decimal point
    )
    source = tmp_path / "odd.xml"
    source.write_text(odd, encoding="iso-8859-1")
    [r] = convert_to_dicts(TestStandXMLConverter(), source)
    steps = {s["name"]: s for s in _steps(r["root"])}
    ripple = steps["Ripple"]
    assert ripple["numericMeas"][0]["compOp"] == "LOG"
    assert ripple["status"] == "F"
    assert ripple["reportText"] == "comparison 'ABOUT' has no WATS equivalent; logged"
    assert steps["3V3 rail"]["numericMeas"][0]["value"] == "Infinity"
    assert steps["Currents"]["numericMeas"][0]["value"] == 1.01


def test_teststand_measurement_names_from_the_array_element(tmp_path: Path) -> None:
    text = (DATA / "teststand_xml" / "board-run.xml").read_text(encoding="iso-8859-1")
    renamed = text.replace("<Value ID='[0]'>\n<Prop Name='Ch0'", "<Value ID=\"['Vin']\">\n<Prop")
    assert renamed != text
    source = tmp_path / "named.xml"
    source.write_text(renamed, encoding="iso-8859-1")
    [r] = convert_to_dicts(TestStandXMLConverter(), source)
    currents = next(s for s in _steps(r["root"]) if s["name"] == "Currents")
    assert [m["name"] for m in currents["numericMeas"]] == ["Vin", "Ch1"]


def test_takaya_limits_that_contradict_the_verdict_are_logged(tmp_path: Path) -> None:
    text = (DATA / "takaya" / "panel-ca.ATD").read_text(encoding="utf-8")
    # R1 judged PASS on a reading 30 % off its reference with a 5 % tolerance
    source = tmp_path / "odd.ATD"
    source.write_text(text.replace("R\t0\t4.75\tKO", "R\t0\t6.11\tKO", 1), encoding="utf-8")
    first = convert_to_dicts(TakayaConverter(), source)[0]
    r1 = first["root"]["steps"][0]
    assert r1["status"] == "P"
    assert r1["numericMeas"][0]["compOp"] == "LOG"
    assert r1["numericMeas"][0]["value"] == 6.11
    assert "limits GELE 4.465 .. 4.935 disagree with the tester's verdict" in r1["reportText"]


def test_teststand_additional_results_and_a_logged_string(tmp_path: Path) -> None:
    good = (DATA / "teststand_xml" / "board-run.xml").read_text(encoding="iso-8859-1")
    extra = (
        "<Prop Name='AdditionalResults' Type='Obj' Flags='0x0'>"
        "<Prop Name='Temperature' Type='Number' Flags='0x0'><Value>41.5</Value></Prop></Prop>\n"
        "<Prop Name='String' Type='String' Flags='0x0'><Value>lot 7</Value></Prop>\n"
    )
    marker = "<Prop Name='Status' Type='String' Flags='0x0'><Value>Passed</Value></Prop>\n"
    marker += "<Prop Name='PassFail' Type='Boolean'"
    assert marker in good
    source = tmp_path / "extra.xml"
    source.write_text(good.replace(marker, extra + marker, 1), encoding="iso-8859-1")
    [r] = convert_to_dicts(TestStandXMLConverter(), source)
    self_test = next(s for s in _steps(r["root"]) if s["name"] == "Self test")
    assert self_test["stringMeas"][0]["value"] == "lot 7"
    assert self_test["stringMeas"][0]["compOp"] == "LOG"
    [block] = self_test["additionalResults"]
    assert block["name"] == "Temperature"
    assert block["props"][0]["value"] == "41.5"


def test_teststand_add_on_misc_infos_and_parts(tmp_path: Path) -> None:
    good = (DATA / "teststand_xml" / "board-run.xml").read_text(encoding="iso-8859-1")

    def obj(**fields: str) -> str:
        return "".join(
            f"<Prop Name='{k}' Type='String' Flags='0x0'><Value>{v}</Value></Prop>"
            for k, v in fields.items()
        )

    misc = (
        "<Prop Name='MiscUUTResult' Type='Obj' Flags='0x0'>"
        "<Prop Name='Misc_UUT_Info' Type='Array' LBound='[0]' HBound='[0]' ElementType='Obj'>"
        "<Value ID='[0]'><Prop Type='Obj' TypeName='WATS_Misc'>"
        + obj(Description="Firmware", Data_String="1.4.2")
        + "</Prop></Value></Prop>"
        "<Prop Name='UUT_Part_Info' Type='Array' LBound='[0]' HBound='[0]' ElementType='Obj'>"
        "<Value ID='[0]'><Prop Type='Obj' TypeName='WATS_Part'>"
        + obj(PartType="PSU", PartNumber="PSU-9", SerialNumber="P-77", PartRevisionNumber="C")
        + "</Prop></Value></Prop></Prop>\n"
    )
    marker = "<Prop Name='PartNumber' Type='String' Flags='0x0'><Value>PCB-3003</Value></Prop>\n"
    assert marker in good
    source = tmp_path / "addon.xml"
    source.write_text(good.replace(marker, marker + misc), encoding="iso-8859-1")
    [r] = convert_to_dicts(TestStandXMLConverter(), source)
    assert [(m["description"], m["text"]) for m in r["miscInfos"]] == [("Firmware", "1.4.2")]
    [part] = r["subUnits"]
    assert (part["partType"], part["pn"], part["sn"], part["rev"]) == ("PSU", "PSU-9", "P-77", "C")


@pytest.mark.parametrize(
    ("converter", "source"),
    [
        (TestStandXMLConverter(), "teststand_xml/board-run.xml"),
        (TakayaConverter(), "takaya/panel-ca.ATD"),
        (TakayaConverter(), "takaya/panel.atdx"),
        (TeradyneSpectrumConverter(), "teradyne_spectrum/board-fail.txt"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_damaged_files_are_refused_or_valid_never_a_crash(
    converter: Converter, source: str, tmp_path: Path
) -> None:
    import random

    data = (DATA / source).read_bytes()
    rng = random.Random(17)
    target = tmp_path / Path(source).name
    outcomes: Counter[str] = Counter()
    refusals: list[str] = []
    for _ in range(60):
        damaged = bytearray(data)
        if rng.random() < 0.5:
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            for _ in range(3):
                damaged[rng.randrange(len(damaged))] = rng.choice(b'()";\t\n @*0.-+%xZ')
        target.write_bytes(bytes(damaged))
        try:
            reports = convert_to_dicts(converter, target)
        except ConversionError as exc:
            refusals.append(str(exc))
            outcomes["refused"] += 1
        else:
            assert [line for r in reports for line in check(r)] == []
            outcomes["converted"] += 1
    assert outcomes["refused"] > 0
    # every refusal names the file (and a position, or the parameter to set)
    assert [r for r in refusals if not r.startswith(target.name)] == []


def test_takaya_a_reading_that_is_text_is_kept(tmp_path: Path) -> None:
    text = (DATA / "takaya" / "panel-ca.ATD").read_text(encoding="utf-8")
    source = tmp_path / "over.ATD"
    source.write_text(text.replace("R\t0\t4.75\tKO", "R\t0\tOVER\tKO", 1), encoding="utf-8")
    r1 = convert_to_dicts(TakayaConverter(), source)[0]["root"]["steps"][0]
    assert r1["stepType"] == "ET_PFT"  # no number to measure: the verdict alone
    assert "reading OVER" in r1["reportText"]

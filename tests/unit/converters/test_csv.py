"""CSV: both layouts against golden files, configuration, and bad files named by line/column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.station.converters import ConversionError, ConverterContext
from pywats.station.converters.csv import CSVConverter
from pywats.station.converters.testing import check_golden, convert_to_dicts

DATA = Path(__file__).resolve().parents[2] / "data" / "converters" / "csv"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "converters" / "rig.csv"


def test_one_row_per_measurement_golden() -> None:
    reports = check_golden(
        CSVConverter(),
        DATA / "measurements.csv",
        DATA / "measurements.expected.json",
        parameters={"layout": "measurement", "misc": ["Firmware"], "operation_code": 20},
    )
    assert [(r["sn"], r["result"], r["processCode"]) for r in reports] == [
        ("SN-1001", "P", 20),
        ("SN-1002", "F", 20),
    ]
    rails = reports[0]["root"]["steps"][0]["steps"][0]
    assert rails["stepType"] == "ET_MNLT"
    assert rails["numericMeas"][0]["value"] == 3.31  # a decimal comma is read
    assert reports[0]["miscInfos"] == [
        {"description": "Firmware", "text": "1.4.2", "numeric": None}
    ]


def test_one_row_per_step_with_renamed_columns_and_fixed_header() -> None:
    parameters = {
        "columns": {"value": "Meas", "unit": "Units"},
        "header": {"pn": "PSU-12", "rev": "C", "start": "2026-02-01T08:00:00Z"},
    }
    [report] = check_golden(
        CSVConverter(), DATA / "steps.csv", DATA / "steps.expected.json", parameters=parameters
    )
    steps = {s["name"]: s for s in report["root"]["steps"]}
    assert steps["Voltage"]["numericMeas"][0]["compOp"] == "GELE"
    assert steps["Ripple"]["status"] == "S"
    assert steps["Ripple"]["numericMeas"][0]["value"] == "NaN"
    assert steps["Serial readback"]["stringMeas"][0]["compOp"] == "CASESENSIT"
    assert steps["Self test"]["booleanMeas"] == [{"name": None, "status": "P"}]


def test_documented_example_converts() -> None:
    context = ConverterContext(
        station_name="ST", location="L", purpose="P", parameters={"layout": "measurement"}
    )
    reports = [r.to_wsjf() for r in CSVConverter().convert(EXAMPLE, context)]
    assert [r["result"] for r in reports] == ["P", "F"]


def _error(tmp_path: Path, text: str, **parameters: Any) -> str:
    source = tmp_path / "rig.csv"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        CSVConverter().convert(source, ConverterContext(parameters=parameters))
    return str(caught.value)


def test_bad_number_names_line_and_column(tmp_path: Path) -> None:
    text = "SN,PN,Rev,Step,Value,Low\n1,2,A,a,1.0,0\n1,2,A,b,2.0,zero\n"
    assert _error(tmp_path, text) == "rig.csv: line 3, column 'Low': 'zero' is not a number"


def test_missing_serial_and_part_number(tmp_path: Path) -> None:
    assert "line 2, column 'SN': no serial number" in _error(
        tmp_path, "SN,PN,Rev,Step,Value\n,2,A,a,1\n"
    )
    assert _error(tmp_path, "SN,Rev,Step,Value\n1,A,a,1\n") == (
        "rig.csv: line 2: no PartNumber; add a PartNumber column or set parameters.header.pn"
    )


def test_structural_errors(tmp_path: Path) -> None:
    assert "no step-name column" in _error(tmp_path, "SN,PN,Rev,Value\n1,2,A,1\n")
    assert _error(tmp_path, "") == "rig.csv: holds no header row (the file is empty)"
    assert "names the column 'Nope'" in _error(
        tmp_path, "SN,PN,Rev,Step,Value\n1,2,A,a,1\n", columns={"value": "Nope"}
    )
    assert "'maybe' is not a status" in _error(
        tmp_path, "SN,PN,Rev,Step,Value,Status\n1,2,A,a,1,maybe\n"
    )
    assert "rig.csv: line 2: not valid CSV" in _error(
        tmp_path, 'SN,PN,Rev,Step,Value\n1,2,A,"a"b,1\n', delimiter=","
    )
    assert "is not an operation code" in _error(
        tmp_path, "SN,PN,Rev,Step,Value,ProcessCode\n1,2,A,a,1,ten\n"
    )
    assert "does not match the time format" in _error(
        tmp_path, "SN,PN,Rev,Step,Value,Start\n1,2,A,a,1,30/01\n", time_format="%Y"
    )


def test_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "rig.csv"
    source.write_bytes("SN,PN,Rev,Step,Value\n1,2,Ä,a,1\n".encode("cp1252"))
    with pytest.raises(ConversionError, match=r"rig\.csv: line 2: byte 25 is not utf-8-sig text"):
        CSVConverter().convert(source, ConverterContext())
    context = ConverterContext(parameters={"encoding": "cp1252"})
    [report] = CSVConverter().convert(source, context)
    assert report.rev == "Ä"


def test_status_words_error_rows_start_column_and_extra_cells() -> None:
    from pywats.station.converters.dryrun import dry_run

    source = DATA / "status-words.csv"
    result = dry_run(source, "csv", parameters={"status_words": {"flaky": "P"}})
    assert result.problems == []  # the error row carries no measurement the server refuses
    [report] = check_golden(
        CSVConverter(),
        source,
        DATA / "status-words.expected.json",
        parameters={"status_words": {"flaky": "P"}},
    )
    steps = {s["name"]: s for s in report["root"]["steps"]}
    assert steps["Known issue"]["status"] == "S"  # xfailed, a default word
    flash = steps["Flash programming"]
    assert flash["status"] == "E"
    assert "booleanMeas" not in flash or flash["booleanMeas"] is None
    assert steps["Fan retry"]["status"] == "P"  # a configured word
    assert report["start"].startswith("2026-02-12T10:30:00")  # the TestDate column
    assert report["rev"] == "1"
    [warning] = result.warnings
    assert warning.startswith("status-words.csv: line 6 holds more cells than the header's 9")


def test_an_unknown_status_word_names_the_parameter(tmp_path: Path) -> None:
    source = tmp_path / "w.csv"
    source.write_text("SN,PN,Step,Status\nS1,P1,a,flaky\n", encoding="utf-8")
    with pytest.raises(ConversionError, match=r"parameters.status_words.flaky"):
        CSVConverter().convert(source, ConverterContext())


REAL = Path(__file__).resolve().parents[4] / "shared" / "fixtures" / "real-inputs" / "csv"


def test_real_devkit_sample_converts() -> None:
    source = REAL / "olreppe_example_csv_docstring.csv"
    if not source.is_file():
        pytest.skip(f"{source} is absent (the ../shared fixtures are not checked out here)")
    [report] = convert_to_dicts(CSVConverter(), source)
    assert check(report) == []
    assert (report["sn"], report["pn"], report["rev"]) == ("SN001", "PN-123", "1")
    assert [s["name"] for s in report["root"]["steps"]] == ["Voltage Test", "Current Test"]


def test_a_large_file_is_read_across_blocks_as_one_text(tmp_path: Path) -> None:
    """The file is streamed (issue 16): CRLF, lone CR and a quoted cell holding a line break
    read the same wherever the reading blocks end."""
    source = tmp_path / "rig.csv"
    rows = ["SN,PN,Rev,Step,Value"]
    size, i = 0, 0
    while size < (1 << 20) + 4096:  # past one reading block
        row = f'SN-{i % 3},P,A,"step\n{i}",{i}' if i % 5 == 0 else f"SN-{i % 3},P,A,s{i},{i}"
        rows.append(row)
        size += len(row) + 2
        i += 1
    endings = ["\r\n", "\r", "\n"]
    source.write_bytes("".join(r + endings[n % 3] for n, r in enumerate(rows)).encode())
    reports = CSVConverter().convert(source, ConverterContext())
    assert [r.sn for r in reports] == ["SN-0", "SN-1", "SN-2"]
    names = {s.name: s for r in reports for s in r.root.steps or []}
    assert len(names) == i
    assert names[f"step\n{i - i % 5}"].numeric_meas[0].value == i - i % 5  # type: ignore[index]


def test_a_text_error_is_named_before_a_csv_error(tmp_path: Path) -> None:
    # As when the whole text was decoded first: the file's encoding is what is wrong, even
    # when the bad byte comes a block after a row the CSV reader refuses.
    source = tmp_path / "rig.csv"
    for padding in (0, 1 << 20):
        data = b'SN,PN,Rev,Step,Value\n1,2,A,"a"b,1\n' + b"1,2,A,b,1\n" * (padding // 10)
        data += b"1,2,A,\xc4,1\n"
        source.write_bytes(data)
        at = data.index(b"\xc4")
        with pytest.raises(ConversionError) as caught:
            CSVConverter().convert(source, ConverterContext())
        assert str(caught.value).startswith(
            f"rig.csv: line {data.count(10, 0, at) + 1}: byte {at} is not utf-8-sig text"
        )


def test_an_unknown_encoding_is_named(tmp_path: Path) -> None:
    assert _error(tmp_path, "SN\n1\n", encoding="nope") == (
        "parameters.encoding = 'nope' is not an encoding"
    )

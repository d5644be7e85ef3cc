"""``wats report convert``: dry-run any converter, print WSJF, exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Wats

DATA = Path(__file__).resolve().parents[1] / "data" / "converters"


def test_picks_the_converter_and_prints_wsjf(wats: Wats) -> None:
    result = wats("report", "convert", str(DATA / "atml" / "teststand-atml5.xml"), "-o", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["type"], report["pn"], report["sn"]) == ("T", "PCB-2002", "SN-5001")
    assert report["location"] == "Local"
    assert "atml: 1 report(s) from teststand-atml5.xml" in result.stderr


def test_named_converter_parameters_and_station(wats: Wats) -> None:
    result = wats(
        "report",
        "convert",
        str(DATA / "csv" / "steps.csv"),
        "--converter",
        "csv",
        "-p",
        "columns.value=Meas",
        "-p",
        "header.pn=PSU-12",
        "-p",
        "header.rev=C",
        "--station",
        "ST-9",
        "-o",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["pn"], report["machineName"]) == ("PSU-12", "ST-9")


def test_several_reports_and_a_table(wats: Wats) -> None:
    path = str(DATA / "csv" / "measurements.csv")
    listed = wats("report", "convert", path, "-p", "layout=measurement", "-o", "json")
    assert [r["sn"] for r in json.loads(listed.stdout)] == ["SN-1001", "SN-1002"]
    table = wats("report", "convert", path, "-o", "csv")
    assert table.stdout.splitlines()[0] == "converter,type,pn,sn,rev,result,start,steps"


def test_refused_file_exits_7_with_the_position(wats: Wats, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<testsuites>\n<testsuite>", encoding="utf-8")
    result = wats("report", "convert", str(bad), "-c", "junit")
    assert result.exit_code == 7
    assert "error: bad.xml: line 2, column 12: not well-formed XML" in result.stderr
    unknown = tmp_path / "data.bin"
    unknown.write_bytes(b"\x00")
    result = wats("report", "convert", str(unknown))
    assert result.exit_code == 7
    assert "no installed converter takes files named like this" in result.stderr


def test_validator_problems_exit_7(wats: Wats, tmp_path: Path) -> None:
    source = tmp_path / "r.csv"
    # A serial number is an identity, never clipped: too long, the validator refuses it.
    source.write_text("SN,PN,Rev,Step,Value\n" + "x" * 120 + ",2,A,s,1\n", encoding="utf-8")
    result = wats("report", "convert", str(source), "-o", "json")
    assert result.exit_code == 7
    assert json.loads(result.stdout)["sn"] == "x" * 120
    assert "problem(s)" in result.stderr


def test_unknown_converter_and_bad_param(wats: Wats) -> None:
    path = str(DATA / "csv" / "steps.csv")
    assert wats("report", "convert", path, "-c", "nope").exit_code == 3
    assert wats("report", "convert", path, "-p", "novalue").exit_code == 2


def test_unknown_parameter_exits_2_listing_the_known_ones(wats: Wats) -> None:
    path = str(DATA / "csv" / "measurements.csv")
    result = wats("report", "convert", path, "-c", "csv", "-p", "layuot=measurement")
    assert result.exit_code == 2
    assert "converter 'csv' does not know the parameter 'layuot' (did you mean 'layout'?)" in (
        result.stderr
    )
    assert "it knows: columns, delimiter, encoding, header, layout," in result.stderr


def test_warnings_are_printed(wats: Wats) -> None:
    path = str(DATA / "csv" / "status-words.csv")
    result = wats("report", "convert", path, "-p", "status_words.flaky=P", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert "warning: status-words.csv: line 6 holds more cells" in result.stderr

"""Hostile report files get exit 7 and a reason, never a traceback (issue 19, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli._cli_helpers import make_report
from tests.cli.conftest import Wats


def _deep_json(path: Path) -> Path:
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_deeply_nested_json_is_refused_with_exit_7(
    wats: Wats, tmp_path: Path, command: str
) -> None:
    result = wats("report", command, str(_deep_json(tmp_path / "deep.json")), "-o", "json")
    assert result.exit_code == 7, result.stderr
    assert "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


# Each converter checks the root element first, so the nesting sits under a root it accepts.
_XML_ROOTS = {
    "wsxf": ("<Reports>", "</Reports>"),
    "atml": ('<TestResults xmlns="urn:IEEE-1636.1:2011:01:TestResults">', "</TestResults>"),
    "junit": ("<testsuites>", "</testsuites>"),
}


@pytest.mark.parametrize("converter", sorted(_XML_ROOTS))
def test_deeply_nested_xml_is_refused_with_exit_7(
    wats: Wats, tmp_path: Path, converter: str
) -> None:
    start, end = _XML_ROOTS[converter]
    path = tmp_path / "deep.xml"
    path.write_text(start + "<a>" * 100_000 + "</a>" * 100_000 + end)
    result = wats("report", "convert", str(path), "-c", converter, "-o", "json")
    assert result.exit_code == 7, result.stderr
    assert "nested more than 200 levels deep" in result.stderr


def _with_sn(tmp_path: Path, sn_json: str) -> Path:
    path = make_report(tmp_path / "r.json")
    data = json.loads(path.read_text())
    text = json.dumps(data).replace(json.dumps(data["sn"]), sn_json, 1)
    path.write_text(text)
    return path


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_a_lone_surrogate_is_refused_with_exit_7(wats: Wats, tmp_path: Path, command: str) -> None:
    path = _with_sn(tmp_path, '"SN\\ud800-1"')
    result = wats("report", command, str(path), "-o", "json")
    assert result.exit_code == 7, result.stderr
    assert "sn contains a lone surrogate" in result.stderr


def test_a_nul_in_a_serial_number_is_refused_by_the_validator(wats: Wats, tmp_path: Path) -> None:
    path = _with_sn(tmp_path, '"SN\\u0000-1"')
    result = wats("report", "validate", str(path), "-o", "json")
    assert result.exit_code == 7
    assert "sn contains a NUL character" in result.stderr
    good = make_report(tmp_path / "good.json")  # the same file without it passes
    assert wats("report", "validate", str(good), "-o", "json").exit_code == 0


def test_validator_lines_name_a_step_with_a_lone_surrogate(tmp_path: Path) -> None:
    from pywats.reports import check

    data = json.loads(make_report(tmp_path / "r.json").read_text())
    data["root"]["steps"][0]["steps"][0]["name"] = "3V3\udc00"
    lines = check(data)
    assert lines == [
        "root -> step Power -> step 3V3\\udc00: name contains a lone surrogate"
        " (\\ud800-\\udfff): not valid text."
    ]
    data["pn"] = "PCB\x001001"
    assert "report: pn contains a NUL character (\\x00)." in check(data)

"""Names longer than the server takes are clipped by the one shared rule in every converter
(issue 16): ``pywats.reports._limits.clip``, the full name kept in the step's report text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import check
from pywats.reports._limits import clip
from pywats.station.converters import Converter
from pywats.station.converters.atml import ATMLConverter
from pywats.station.converters.csv import CSVConverter
from pywats.station.converters.junit import JUnitConverter
from pywats.station.converters.openhtf import OpenHTFConverter
from pywats.station.converters.testing import convert_to_dicts

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"
LONG = "check_" + "supply_rail_" * 14 + "3V3"  # 177 characters; its end tells it apart


def _junit(folder: Path) -> Path:
    path = folder / "TEST-long.xml"
    path.write_text(
        '<testsuite name="s" timestamp="2026-01-01T12:00:00+00:00">'
        f'<testcase classname="s" name="{LONG}" time="0.1"/></testsuite>',
        encoding="utf-8",
    )
    return path


def _csv(folder: Path) -> Path:
    path = folder / "long.csv"
    path.write_text(f"SN,PN,Step,Value,Low,High\nS1,P1,{LONG},3.3,3.2,3.4\n", encoding="utf-8")
    return path


def _openhtf(folder: Path) -> Path:
    record = json.loads((DATA / "openhtf" / "board.json").read_text(encoding="utf-8"))
    record["phases"][1]["name"] = LONG
    path = folder / "long.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def _atml(folder: Path) -> Path:
    text = (DATA / "atml" / "wats-addon-types.xml").read_text(encoding="utf-8")
    path = folder / "long.xml"
    path.write_text(text.replace('name="Board ID"', f'name="{LONG}"'), encoding="utf-8")
    return path


def _steps(step: dict[str, Any]) -> list[dict[str, Any]]:
    out = [step]
    for child in step.get("steps") or []:
        out.extend(_steps(child))
    return out


CASES: list[tuple[Converter, Callable[[Path], Path], dict[str, Any]]] = [
    (JUnitConverter(), _junit, {}),
    (CSVConverter(), _csv, {}),
    (OpenHTFConverter(), _openhtf, {}),
    (ATMLConverter(), _atml, {"pn": "PART-1"}),
]


@pytest.mark.parametrize(
    ("converter", "write", "parameters"), CASES, ids=["junit", "csv", "openhtf", "atml"]
)
def test_a_long_step_name_is_clipped_by_the_shared_rule(
    tmp_path: Path, converter: Converter, write: Callable[[Path], Path], parameters: dict[str, Any]
) -> None:
    from pywats.station.converters import ConverterContext
    from pywats.station.converters.testing import GOLDEN_CONTEXT

    context = ConverterContext(
        station_name=GOLDEN_CONTEXT.station_name,
        location=GOLDEN_CONTEXT.location,
        purpose=GOLDEN_CONTEXT.purpose,
        parameters=parameters,
    )
    [report] = convert_to_dicts(converter, write(tmp_path), context)
    assert check(report) == []
    [step] = [s for s in _steps(report["root"]) if s["name"] == clip(LONG)]
    assert len(step["name"]) == 100
    assert step["name"].endswith("rail_3V3")  # the end survives
    assert LONG in step["reportText"]  # the full name is kept where WATS has room


def test_wsxf_names_are_clipped_by_the_shared_rule(tmp_path: Path) -> None:
    # WSXF is the server's own format, but files written by other tools carry longer names:
    # they used to be passed through, and the validator refused the whole file.
    from pywats.station.converters.testing import GOLDEN_CONTEXT
    from pywats.station.converters.wsxf import WSXFConverter

    long_path = "C:/seq/" + "deep/" * 120 + "main.seq"  # 615 characters
    path = tmp_path / "long.wsxf"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">'
        '<Report type="UUT" ID="0B6A3F1E-94A1-4C1C-9F47-5D1A2B3C4D5E"'
        ' Start="2026-01-30T09:00:00.000000+01:00" Result="Passed" SN="SN-1" PN="PCB-1"'
        f' Rev="A" MachineName="{LONG}" Location="Line 1" Purpose="Production">'
        '<UUT UserLoginName="op1" /><Process Code="10" />'
        f'<MiscInfo Description="{LONG}" idx="0">{LONG}</MiscInfo>'
        '<Step Id="1" Group="Main" Name="MainSequence Callback" StepType="SequenceCall"'
        f' Status="Passed"><SequenceCall Name="{LONG * 2}" Filepath="{long_path}" />'
        f'<Step Id="2" Group="Main" Name="{LONG}" StepType="ET_MNLT" Status="Passed">'
        "<ReportText>its own text</ReportText>"
        f'<NumericLimit Name="{LONG}" NumericValue="3.3" CompOperator="LOG" Status="Passed" />'
        f'<NumericLimit Name="short" NumericValue="3.3" CompOperator="LOG" Status="Passed" />'
        f'<Chart ChartType="Line" Label="{LONG}" XLabel="{LONG}" XUnit="{LONG}" YLabel="y">'
        f'<Series Name="{LONG}" DataType="XYG"><ydata>1.0;2.0</ydata></Series></Chart>'
        "</Step></Step></Report></Reports>",
        encoding="utf-8",
    )
    [report] = convert_to_dicts(WSXFConverter(), path, GOLDEN_CONTEXT)
    assert check(report) == []
    assert report["machineName"] == clip(LONG)
    assert report["miscInfos"][0]["description"] == clip(LONG)
    assert report["miscInfos"][0]["text"] == clip(LONG)
    assert report["root"]["seqCall"]["name"] == clip(LONG * 2, 200)
    assert report["root"]["seqCall"]["path"] == clip(long_path, 500)
    [step] = report["root"]["steps"]
    assert step["name"] == clip(LONG)
    assert step["name"].endswith("rail_3V3")  # the end survives
    assert step["reportText"] == f"{LONG}\nits own text"  # the full name is kept
    assert step["numericMeas"][0]["name"] == clip(LONG)
    chart = step["chart"]
    assert (chart["label"], chart["xLabel"], chart["xUnit"]) == (
        clip(LONG),
        clip(LONG, 50),
        clip(LONG, 20),
    )
    assert chart["series"][0]["name"] == clip(LONG)

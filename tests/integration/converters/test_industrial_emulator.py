"""TestStand XML, TAKAYA and Teradyne Spectrum real files: converted, stored, read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats._sync._client import pyWATS
from pywats.station.converters import Converter, ConverterContext
from pywats.station.converters.takaya import TakayaConverter
from pywats.station.converters.teradyne_spectrum import TeradyneSpectrumConverter
from pywats.station.converters.testing import convert_to_dicts
from pywats.station.converters.teststand_xml import TestStandXMLConverter
from pywats.testing import Emulator

REAL = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures" / "real-inputs"
CASES: list[tuple[str, Converter, dict[str, Any]]] = [
    ("teststand_xml/TSWithWats.xml", TestStandXMLConverter(), {}),
    ("teststand_xml/TsWithoutWats.xml", TestStandXMLConverter(), {"pn": "PCB-MOTHERBOARD"}),
    ("takaya/ATD/PB2939800_E_BOT-20230420130239.ATD", TakayaConverter(), {}),
    ("takaya/APT94xx_ATD/11111-BV0001 (AT33).ATD", TakayaConverter(), {}),
    ("takaya/ATDX/WO250319-0162__20250525_122655.atdx", TakayaConverter(), {}),
    ("teradyne_spectrum/sample_ict_data.txt", TeradyneSpectrumConverter(), {}),
]


@pytest.fixture
def api(fresh_emulator: Emulator) -> Iterator[pyWATS]:
    with pyWATS(fresh_emulator.url, fresh_emulator.token, timeout=30.0) as client:
        yield client


def _leaves(step: dict[str, Any]) -> list[dict[str, Any]]:
    children = step.get("steps") or []
    return [step] if not children else [leaf for c in children for leaf in _leaves(c)]


@pytest.mark.parametrize(("name", "converter", "params"), CASES, ids=[c[0] for c in CASES])
def test_real_file_is_stored_and_read_back(
    api: pyWATS, name: str, converter: Converter, params: dict[str, Any]
) -> None:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared fixtures are not checked out here)")
    context = ConverterContext(
        station_name="ST-1", location="Lab", purpose="Test", parameters=params
    )
    reports = convert_to_dicts(converter, path, context)
    for report in reports[:2]:  # a panel's boards share their shape; two prove it
        if report["processCode"] not in (10, 20, 50, 90, 100, 300, 500, 510):
            report["processCode"] = 10  # TSWithWats says 60, which the emulator's seed lacks
        assert str(api.report.submit(report)) == report["id"]
        stored = api.report.get_wsjf(report["id"])
        assert stored is not None
        assert (stored["sn"], stored["pn"], stored["result"]) == (
            report["sn"],
            report["pn"],
            report["result"],
        )
        sent = [(s["name"], s["status"]) for s in _leaves(report["root"])]
        assert [(s["name"], s["status"]) for s in _leaves(stored["root"])] == sent
        values = [m["value"] for s in _leaves(report["root"]) for m in s.get("numericMeas") or []]
        got = [m["value"] for s in _leaves(stored["root"]) for m in s.get("numericMeas") or []]
        assert got == values

"""Converter output against the emulator: every golden report is accepted, WSXF both ways."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pywats._sync._client import pyWATS
from pywats.station.converters.wsxf import wsjf_to_wsxf, wsxf_to_wsjf
from pywats.testing import Emulator

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"
GOLDEN = sorted(DATA.glob("*/*.expected.json"))


@pytest.fixture
def api(fresh_emulator: Emulator) -> Iterator[pyWATS]:
    with pyWATS(fresh_emulator.url, fresh_emulator.token, timeout=10.0) as client:
        yield client


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def test_there_is_a_golden_file_per_converter() -> None:
    assert {p.parent.name for p in GOLDEN} >= {"wsxf", "csv", "junit"}


@pytest.mark.parametrize("expected", GOLDEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_golden_report_is_accepted(
    api: pyWATS, fresh_emulator: Emulator, expected: Path
) -> None:
    reports = json.loads(expected.read_text(encoding="utf-8"))
    for report in reports:  # UUTs first in each file: a repair may reference them
        assert str(api.report.submit(report)) == report["id"]
    stored = {r["id"] for r in fresh_emulator.reports()}
    assert {r["id"] for r in reports} <= stored


def test_submit_wsxf_and_read_it_back_both_ways(api: pyWATS) -> None:
    uut = json.loads((DATA / "wsxf" / "full.expected.json").read_text(encoding="utf-8"))[0]
    report_id = api.report.submit_wsxf(wsjf_to_wsxf(uut))
    assert str(report_id) == uut["id"]
    as_json = api.report.get_wsjf(uut["id"])
    assert as_json is not None
    as_xml = api.report.get_wsxf(uut["id"])
    assert as_xml is not None
    assert as_xml.startswith(b"<?xml")
    [from_xml] = wsxf_to_wsjf(as_xml)
    assert _normalise(from_xml) == _normalise(as_json)
    # what was posted survives, output-only fields aside
    posted = _normalise(uut)
    got = _normalise(as_json)
    for key in ("productName", "processName", "origin", "assetStats"):
        got.pop(key, None)
        posted.pop(key, None)
    assert got == posted


def test_wsxf_without_an_id_gets_one(api: pyWATS) -> None:
    uut = json.loads((DATA / "wsxf" / "full.expected.json").read_text(encoding="utf-8"))[0]
    del uut["id"]
    report_id = api.report.submit_wsxf(wsjf_to_wsxf(uut))
    assert report_id is not None
    stored = api.report.get_wsjf(report_id)
    assert stored is not None
    assert stored["sn"] == uut["sn"]


def test_bad_wsxf_is_refused_with_its_position(api: pyWATS) -> None:
    from pywats import BadRequestError

    with pytest.raises(BadRequestError) as caught:
        api.report.submit_wsxf(b"<Reports>\n  <Report type='UUT'>\n</Reports>")
    assert "line 3, column 3: not well-formed XML" in str(caught.value)

"""``to_json()`` is byte for byte what ``json.dumps`` writes, with orjson and without it.

orjson formats some floats differently from Python (``1e-7`` for ``1e-07``) and refuses some
input the standard library takes; ``pywats.reports._json`` falls back for those. Every test
here runs twice: through orjson (when installed) and through the standard library alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from pywats.reports import CompOp, Report, UUTReport, load
from pywats.reports import _json as wsjf_json

from .conftest import real_report_paths
from .test_roundtrip import uut_reports


def stdlib(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@pytest.fixture(params=["orjson", "stdlib"])
def engine(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "orjson":
        pytest.importorskip("orjson")
    previous = wsjf_json.use_orjson(request.param == "orjson")
    try:
        yield request.param
    finally:
        wsjf_json.use_orjson(previous)


def tricky() -> UUTReport:
    r = UUTReport(
        pn="PCB-ü",
        sn='SN\u2028\x7f\x01"\\',
        rev="A",
        process_code=10,
        station_name="Station 😀",
        location="Line 1",
        purpose="Production",
        start=datetime(2026, 3, 3, 8, 25, 1, 123456, tzinfo=UTC),
    )
    seq = r.root.add_sequence("floats")
    # every formatting corner: orjson writes the 1e-9..1e-4 range differently
    for i, v in enumerate(
        [1e-07, 1e-05, 9.99e-05, 1e-09, 1e-10, 1.5e-300, 1e16, 1e22, -0.0, 0.1, 3.0, 2.5e-6]
    ):
        seq.add_numeric_step(f"v{i}", v, low=-v, high=v * 2, comp_op=CompOp.GELE, unit="A")
    seq.add_numeric_step("nan", math.nan, low=0.0, high=1.0)
    seq.add_numeric_step("inf", math.inf, low=-math.inf, comp_op=CompOp.GT)
    seq.add_string_step("looks like a float", "e-5,0.00001", limit="e-5,0.00001")
    seq.add_numeric_step("big int", 2**70, low=0.0, high=2.0**80)  # past orjson's 64 bits
    return r


def test_tricky_values_match_the_standard_library(engine: str) -> None:
    r = tricky()
    text = r.to_json()
    assert text == stdlib(r.to_wsjf())
    assert wsjf_json.dumps_bytes(r.to_wsjf()) == text.encode("utf-8")
    assert "1e-07" in text  # Python's spelling, not orjson's 1e-7
    assert "1e-05" in text


def test_plain_report_takes_the_fast_path_and_matches(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = tricky()
    r.root.steps = [s for s in r.root.steps or [] if s.name != "floats"]
    seq = r.root.add_sequence("plain")
    for i in range(50):
        seq.add_numeric_step(f"s{i}", 3.0 + i * 0.01, low=3.0, high=3.6, unit="V")
    seq.add_numeric_step("close to ten", 10.00001, low=10.0, high=10.00005, unit="V")
    expected = stdlib(r.to_wsjf())
    if engine == "orjson":  # no fallback needed: orjson wrote it
        monkeypatch.setattr(wsjf_json, "_stdlib", lambda data: "fallback")
    assert r.to_json() == expected
    assert wsjf_json.dumps_bytes(r.to_wsjf()) == expected.encode("utf-8")


def test_an_id_that_looks_like_an_exponent_keeps_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("orjson")
    r = UUTReport(
        pn="P",
        sn="S",
        rev="A",
        process_code=10,
        station_name="ST",
        location="L",
        purpose="P",
        id="0123456e-1a2b-4c3d-8e4f-5e6a7b8c9d0e",
    )
    r.root.add_sequence("plain").add_numeric_step("v", 1.5, low=1.0, high=2.0, unit="V")
    expected = stdlib(r.to_wsjf())
    previous = wsjf_json.use_orjson(True)
    monkeypatch.setattr(wsjf_json, "_stdlib", lambda data: "fallback")
    try:
        assert r.to_json() == expected
    finally:
        wsjf_json.use_orjson(previous)


def test_deep_nesting_falls_back(engine: str) -> None:
    r = tricky()
    step = r.root
    for i in range(300):  # orjson stops at 255 levels
        step = step.add_sequence(f"level {i}")
    step.add_pass_fail_step("leaf", True)
    assert r.to_json() == stdlib(r.to_wsjf())


@pytest.mark.parametrize("path", real_report_paths(), ids=lambda p: p.name)
def test_real_exports_write_the_same_text(engine: str, path: Path) -> None:
    report = load(path)
    assert report.to_json() == stdlib(report.to_wsjf())


@settings(max_examples=30, deadline=None)
@given(report=uut_reports())
def test_any_built_report_writes_the_same_text(report: UUTReport) -> None:
    for fast in (True, False):
        previous = wsjf_json.use_orjson(fast)
        try:
            assert report.to_json() == stdlib(report.to_wsjf())
        finally:
            wsjf_json.use_orjson(previous)


def test_dumps_refuses_datetimes_like_json(engine: str) -> None:
    with pytest.raises(TypeError):
        wsjf_json.dumps({"when": datetime.now(UTC)})
    with pytest.raises(TypeError):
        wsjf_json.dumps_bytes({"when": datetime.now(UTC)})


def test_round_trip_after_the_fast_path(engine: str) -> None:
    r = tricky()
    text = r.to_json()
    assert Report.from_wsjf(json.loads(text)).to_wsjf() == json.loads(text)
